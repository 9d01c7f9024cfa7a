/* fanfare-studio-store-uploads.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Uploads as the studio tracks them (their bytes are files, kept by
 * fanfare-uploads.c), and listeners' requests to become artists. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-studio-store.h"

static const char * const upload_states[] = {
  [FANFARE_UPLOAD_RECEIVING] = "receiving",
  [FANFARE_UPLOAD_INGESTING] = "ingesting",
  [FANFARE_UPLOAD_READY] = "ready",
  [FANFARE_UPLOAD_FAILED] = "failed",
};

const char *
fanfare_upload_state_to_string (FanfareUploadState  state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (upload_states), NULL);

  return upload_states[state];
}

void
fanfare_upload_free (FanfareUpload *upload)
{
  g_free (upload->id);
  g_free (upload->filename);
  g_free (upload->sha256);
  g_free (upload->error);
  g_free (upload);
}

void
fanfare_artist_request_free (FanfareArtistRequest *request)
{
  g_free (request->username);
  g_free (request->name);
  g_free (request->message);
  g_free (request->status);
  g_free (request);
}

/* Runs @sql, which changes one row, with ?1 bound to @id, ?2 to @number,
 * ?3 to @text, ?4 to @other (NULL for 0) and ?5 to the time; a statement
 * may leave some of them out. */
static gboolean
run_on_row (FanfareDatabase *db,
            const char      *sql,
            const char      *id,
            gint64           number,
            const char      *text,
            gint64           other,
            const char      *not_found,
            GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, number);
  _fanfare_statement_bind_text (stmt, 3, text);
  if (other != 0)
    sqlite3_bind_int64 (stmt, 4, other);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;
  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  return TRUE;
}

gboolean
fanfare_studio_store_add_upload (FanfareDatabase     *db,
                                 const FanfareUpload *upload,
                                 GError             **error)
{
  static const char sql[] =
    "INSERT INTO uploads (id, album_id, artist_id, filename, size, sha256, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, upload->id);
  sqlite3_bind_int64 (stmt, 2, upload->album_id);
  sqlite3_bind_int64 (stmt, 3, upload->artist_id);
  _fanfare_statement_bind_text (stmt, 4, upload->filename);
  sqlite3_bind_int64 (stmt, 5, upload->size);
  _fanfare_statement_bind_text (stmt, 6, upload->sha256);
  sqlite3_bind_int64 (stmt, 7, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

#define UPLOAD_COLUMNS \
  "SELECT id, album_id, artist_id, filename, size, sha256, received, state, error, coalesce (track_id, 0)" \
  " FROM uploads"

static FanfareUpload *
upload_from_row (FanfareStatement *stmt)
{
  FanfareUpload *upload = g_new0 (FanfareUpload, 1);
  const char *state = _fanfare_statement_get_text (stmt, 7);

  upload->id = _fanfare_statement_dup_text (stmt, 0);
  upload->album_id = sqlite3_column_int64 (stmt, 1);
  upload->artist_id = sqlite3_column_int64 (stmt, 2);
  upload->filename = _fanfare_statement_dup_text (stmt, 3);
  upload->size = sqlite3_column_int64 (stmt, 4);
  upload->sha256 = _fanfare_statement_dup_text (stmt, 5);
  upload->received = sqlite3_column_int64 (stmt, 6);
  for (guint i = 0; i < G_N_ELEMENTS (upload_states); i++)
    if (g_strcmp0 (state, upload_states[i]) == 0)
      upload->state = i;
  upload->error = _fanfare_statement_dup_text (stmt, 8);
  upload->track_id = sqlite3_column_int64 (stmt, 9);

  return upload;
}

/**
 * fanfare_studio_store_get_upload:
 *
 * Returns: (transfer full): the upload, or %NULL with @error set
 */
FanfareUpload *
fanfare_studio_store_get_upload (FanfareDatabase *db,
                                 const char      *upload_id,
                                 GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, UPLOAD_COLUMNS " WHERE id = ?1", error)) == NULL)
    return NULL;

  _fanfare_statement_bind_text (stmt, 1, upload_id);
  if (!_fanfare_statement_step_row (stmt, "No such upload", error))
    return NULL;

  return upload_from_row (stmt);
}

static GPtrArray *
list_uploads (FanfareDatabase *db,
              const char      *where,
              gint64           album_id,
              GError         **error)
{
  g_autofree char *sql = g_strconcat (UPLOAD_COLUMNS " WHERE ", where, " ORDER BY created_at, id", NULL);
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_upload_free);
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, album_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uploads, upload_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&uploads);
}

/**
 * fanfare_studio_store_list_uploads:
 *
 * Returns: (transfer full) (element-type FanfareUpload): the album's
 *   uploads, the first made first
 */
GPtrArray *
fanfare_studio_store_list_uploads (FanfareDatabase *db,
                                   gint64           album_id,
                                   GError         **error)
{
  return list_uploads (db, "album_id = ?1", album_id, error);
}

/**
 * fanfare_studio_store_list_ingesting_uploads:
 *
 * Returns: (transfer full) (element-type FanfareUpload): the uploads whose
 *   ingest was under way, to start again after a restart
 */
GPtrArray *
fanfare_studio_store_list_ingesting_uploads (FanfareDatabase *db,
                                             GError         **error)
{
  return list_uploads (db, "state = 'ingesting'", 0, error);
}

gboolean
fanfare_studio_store_set_upload_received (FanfareDatabase *db,
                                          const char      *upload_id,
                                          gint64           received,
                                          GError         **error)
{
  return run_on_row (db, "UPDATE uploads SET received = ?2, updated_at = ?5 WHERE id = ?1",
                     upload_id, received, NULL, 0, "No such upload", error);
}

gboolean
fanfare_studio_store_set_upload_state (FanfareDatabase    *db,
                                       const char         *upload_id,
                                       FanfareUploadState  state,
                                       const char         *message,
                                       gint64              track_id,
                                       GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE uploads SET state = '%s', error = ?3, track_id = ?4,"
                                          " updated_at = ?5 WHERE id = ?1",
                                          fanfare_upload_state_to_string (state));

  return run_on_row (db, sql, upload_id, 0, message, track_id,
                     "No such upload", error);
}

/**
 * fanfare_studio_store_take_stale_uploads:
 * @before: uploads untouched since before this time are stale
 *
 * Forgets the uploads that stopped arriving, and those that failed.
 *
 * Returns: (transfer full): their ids, whose files may go
 */
GStrv
fanfare_studio_store_take_stale_uploads (FanfareDatabase *db,
                                         gint64           before,
                                         GError         **error)
{
  static const char select_sql[] =
    "SELECT id FROM uploads WHERE state IN ('receiving', 'failed') AND updated_at < ?1";
  static const char delete_sql[] = "DELETE FROM uploads WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareStatement) delete = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  int rc;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, select_sql, error)) == NULL ||
      (delete = _fanfare_connection_prepare (conn, delete_sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (ids, _fanfare_statement_get_text (stmt, 0));
      sqlite3_reset (delete);
      _fanfare_statement_bind_text (delete, 1, _fanfare_statement_get_text (stmt, 0));
      if (!_fanfare_statement_run (delete, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }
  _fanfare_statement_reset (stmt);

  if (!_fanfare_connection_commit (conn, error))
    return NULL;

  return g_strv_builder_end (ids);
}

/* Listeners who would be artists */

/**
 * fanfare_studio_store_add_artist_request:
 *
 * Records that @user_id asks to become an artist named @name; a refused
 * listener may ask again, anyone else only once.
 */
gboolean
fanfare_studio_store_add_artist_request (FanfareDatabase *db,
                                         gint64           user_id,
                                         const char      *name,
                                         const char      *message,
                                         GError         **error)
{
  static const char sql[] =
    "INSERT INTO artist_requests (user_id, name, message, created_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (user_id) DO UPDATE SET name = ?2, message = ?3, created_at = ?4, status = 'pending',"
    " decided_at = NULL WHERE artist_requests.status = 'rejected'";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  _fanfare_statement_bind_text (stmt, 2, name);
  _fanfare_statement_bind_text (stmt, 3, message);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;
  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "You asked to become an artist already");
      return FALSE;
    }

  return TRUE;
}

#define REQUEST_COLUMNS \
  "SELECT r.user_id, u.username, r.name, r.message, r.status, r.created_at" \
  " FROM artist_requests r JOIN users u ON u.id = r.user_id"

static FanfareArtistRequest *
request_from_row (FanfareStatement *stmt)
{
  FanfareArtistRequest *request = g_new0 (FanfareArtistRequest, 1);

  request->user_id = sqlite3_column_int64 (stmt, 0);
  request->username = _fanfare_statement_dup_text (stmt, 1);
  request->name = _fanfare_statement_dup_text (stmt, 2);
  request->message = _fanfare_statement_dup_text (stmt, 3);
  request->status = _fanfare_statement_dup_text (stmt, 4);
  request->created_at = sqlite3_column_int64 (stmt, 5);

  return request;
}

FanfareArtistRequest *
fanfare_studio_store_get_artist_request (FanfareDatabase *db,
                                         gint64           user_id,
                                         GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, REQUEST_COLUMNS " WHERE r.user_id = ?1", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!_fanfare_statement_step_row (stmt, "No request to become an artist", error))
    return NULL;

  return request_from_row (stmt);
}

/**
 * fanfare_studio_store_list_artist_requests:
 *
 * Returns: (transfer full) (element-type FanfareArtistRequest): the
 *   requests waiting for an admin, the oldest first
 */
GPtrArray *
fanfare_studio_store_list_artist_requests (FanfareDatabase *db,
                                           GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_artist_request_free);
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, REQUEST_COLUMNS " WHERE r.status = 'pending'"
                                           " ORDER BY r.created_at, r.user_id", error)) == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (requests, request_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&requests);
}

gboolean
fanfare_studio_store_decide_artist_request (FanfareDatabase *db,
                                            gint64           user_id,
                                            gboolean         approved,
                                            GError         **error)
{
  return run_on_row (db, "UPDATE artist_requests SET status = ?3, decided_at = ?5"
                     " WHERE user_id = ?2 AND status IN ('pending', ?3)",
                     NULL, user_id, approved ? "approved" : "rejected", 0, "No request to become an artist", error);
}

gboolean
fanfare_studio_store_set_artist_links (FanfareDatabase    *db,
                                       gint64              artist_id,
                                       const char * const *links,
                                       GError            **error)
{
  g_autofree char *text = g_strjoinv ("\n", (GStrv) links);

  return run_on_row (db, "UPDATE artists SET links = nullif (?3, '') WHERE id = ?2",
                     NULL, artist_id, text, 0, "No such artist", error);
}

/**
 * fanfare_studio_store_get_artist_links:
 *
 * Returns: (transfer full): the artist's links, perhaps none
 */
GStrv
fanfare_studio_store_get_artist_links (FanfareDatabase *db,
                                       gint64           artist_id,
                                       GError         **error)
{
  static const char sql[] = "SELECT coalesce (links, '') FROM artists WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  const char *text;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  if (!_fanfare_statement_step_row (stmt, "No such artist", error))
    return NULL;

  text = _fanfare_statement_get_text (stmt, 0);

  return text[0] != '\0' ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);
}
