/* fanfare-studio-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An artist's albums as the studio edits them: created empty and
 * unpublished, filled one ingested track at a time, published at once or
 * at a time, taken back, edited. An album is published only with tracks
 * and with none still being ingested, so listeners never see half of
 * one; the search index follows every change in its transaction. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-studio-store.h"
#include "fanfare-utils.h"

void
fanfare_studio_album_free (FanfareStudioAlbum *album)
{
  g_free (album->description);
  g_free (album->currency);
  g_free (album);
}

static void
bind_text_or_null (FanfareStatement *stmt,
                   int               index,
                   const char       *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    _fanfare_statement_bind_text (stmt, index, text);
}

/* Whether @artist_id owns @album_id: another artist's published album is
 * forbidden, an unpublished one is not found, as if it did not exist. */
static gboolean
check_album (FanfareConnection *conn,
             gint64             artist_id,
             gint64             album_id,
             GError           **error)
{
  static const char sql[] = "SELECT artist_id, published FROM albums WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  if (!_fanfare_statement_step_row (stmt, "No such album", error))
    return FALSE;

  if (sqlite3_column_int64 (stmt, 0) == artist_id)
    return TRUE;

  if (sqlite3_column_int (stmt, 1))
    g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN, "The album belongs to another artist");
  else
    g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such album");

  return FALSE;
}

gboolean
fanfare_studio_store_check_album (FanfareDatabase *db,
                                  gint64           artist_id,
                                  gint64           album_id,
                                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  return conn != NULL && check_album (conn, artist_id, album_id, error);
}

/**
 * fanfare_studio_store_check_track:
 *
 * Returns: the album of @track_id when @artist_id owns it, or 0 with
 *   @error set as fanfare_studio_store_check_album() sets it
 */
gint64
fanfare_studio_store_check_track (FanfareDatabase *db,
                                  gint64           artist_id,
                                  gint64           track_id,
                                  GError         **error)
{
  static const char sql[] = "SELECT album_id FROM tracks WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 album_id;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, track_id);
  if (!_fanfare_statement_step_row (stmt, "No such track", error))
    return 0;
  album_id = sqlite3_column_int64 (stmt, 0);

  return check_album (conn, artist_id, album_id, error) ? album_id : 0;
}

static void
bind_price (FanfareStatement       *stmt,
            int                     index,
            const FanfareAlbumEdit *edit)
{
  if (edit->price_cents < 0)
    {
      sqlite3_bind_null (stmt, index);
      sqlite3_bind_null (stmt, index + 1);
    }
  else
    {
      sqlite3_bind_int64 (stmt, index, edit->price_cents);
      _fanfare_statement_bind_text (stmt, index + 1, edit->currency);
    }
}

/* Runs @stmt, then reindexes @album_id and commits. */
static gboolean
finish_album_change (FanfareConnection *conn,
                     FanfareStatement  *stmt,
                     gint64             album_id,
                     GError           **error)
{
  return _fanfare_statement_run (stmt, error) &&
         _fanfare_search_store_reindex_album (conn, album_id, error) &&
         _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_studio_store_create_album:
 *
 * Returns: the new album, unpublished and empty, or 0 with @error set
 */
gint64
fanfare_studio_store_create_album (FanfareDatabase        *db,
                                   gint64                  artist_id,
                                   const FanfareAlbumEdit *album,
                                   GError                **error)
{
  static const char sql[] =
    "INSERT INTO albums (artist_id, title, genre, release_date, cover_id, description,"
    " price_cents, currency, published, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 album_id;

  g_return_val_if_fail (album->title != NULL, 0);

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  _fanfare_statement_bind_text (stmt, 2, album->title);
  bind_text_or_null (stmt, 3, album->genre);
  _fanfare_statement_bind_text (stmt, 4, album->release_date != NULL ? album->release_date : "");
  bind_text_or_null (stmt, 5, album->cover_id);
  bind_text_or_null (stmt, 6, album->description);
  bind_price (stmt, 7, album);
  sqlite3_bind_int64 (stmt, 9, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return 0;
  album_id = _fanfare_connection_last_insert_id (conn);

  if (!_fanfare_search_store_reindex_album (conn, album_id, error) ||
      !_fanfare_connection_commit (conn, error))
    return 0;

  return album_id;
}

gboolean
fanfare_studio_store_edit_album (FanfareDatabase        *db,
                                 gint64                  album_id,
                                 const FanfareAlbumEdit *edit,
                                 GError                **error)
{
  static const char sql[] =
    "UPDATE albums SET title = coalesce (?2, title),"
    " genre = CASE WHEN ?3 IS NULL THEN genre ELSE nullif (?3, '') END,"
    " release_date = coalesce (?4, release_date),"
    " description = CASE WHEN ?5 IS NULL THEN description ELSE nullif (?5, '') END,"
    " cover_id = coalesce (?6, cover_id),"
    " price_cents = CASE WHEN ?7 THEN ?8 ELSE price_cents END,"
    " currency = CASE WHEN ?7 THEN ?9 ELSE currency END"
    " WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  _fanfare_statement_bind_text (stmt, 2, edit->title);
  _fanfare_statement_bind_text (stmt, 3, edit->genre);
  _fanfare_statement_bind_text (stmt, 4, edit->release_date);
  _fanfare_statement_bind_text (stmt, 5, edit->description);
  _fanfare_statement_bind_text (stmt, 6, edit->cover_id);
  sqlite3_bind_int (stmt, 7, edit->set_price);
  bind_price (stmt, 8, edit);

  return finish_album_change (conn, stmt, album_id, error);
}

/**
 * fanfare_studio_store_get_album:
 *
 * Returns: (transfer full): what the studio shows of an album, or %NULL
 *   with @error set
 */
FanfareStudioAlbum *
fanfare_studio_store_get_album (FanfareDatabase *db,
                                gint64           album_id,
                                GError         **error)
{
  static const char sql[] =
    "SELECT artist_id, description, price_cents, currency, published, publish_at, published_at"
    " FROM albums WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  FanfareStudioAlbum *album;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, album_id);
  if (!_fanfare_statement_step_row (stmt, "No such album", error))
    return NULL;

  album = g_new0 (FanfareStudioAlbum, 1);
  album->album_id = album_id;
  album->artist_id = sqlite3_column_int64 (stmt, 0);
  album->description = _fanfare_statement_dup_text (stmt, 1);
  album->price_cents = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 2);
  album->currency = _fanfare_statement_dup_text (stmt, 3);
  album->published = sqlite3_column_int (stmt, 4);
  album->publish_at = sqlite3_column_int64 (stmt, 5);
  album->published_at = sqlite3_column_int64 (stmt, 6);

  return album;
}

/**
 * fanfare_studio_store_list_album_ids:
 *
 * Returns: (transfer full) (element-type gint64): the artist's albums, the
 *   latest made first
 */
GArray *
fanfare_studio_store_list_album_ids (FanfareDatabase *db,
                                     gint64           artist_id,
                                     GError         **error)
{
  static const char sql[] = "SELECT id FROM albums WHERE artist_id = ?1 ORDER BY created_at DESC, id DESC";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, artist_id);

  return _fanfare_statement_collect_ids (stmt, error);
}

/* Whether @album_id may be published: it has tracks and none of its
 * uploads is still being ingested. */
static gboolean
check_publishable (FanfareConnection *conn,
                   gint64             album_id,
                   GError           **error)
{
  static const char sql[] =
    "SELECT track_count, (SELECT count(*) FROM uploads WHERE album_id = ?1 AND state = 'ingesting')"
    " FROM albums WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  if (!_fanfare_statement_step_row (stmt, "No such album", error))
    return FALSE;

  if (sqlite3_column_int64 (stmt, 0) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The album has no tracks to publish");
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 1) > 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                           "A track of the album is still being ingested; publish it when it is ready");
      return FALSE;
    }

  return TRUE;
}

/* Publishes @album_id as of @when; an album with no release date is
 * released that day. */
static gboolean
publish_now (FanfareConnection *conn,
             gint64             album_id,
             gint64             when,
             GError           **error)
{
  static const char sql[] =
    "UPDATE albums SET published = 1, publish_at = NULL, published_at = ?2,"
    " release_date = CASE WHEN release_date = '' THEN ?3 ELSE release_date END WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (when);
  g_autofree char *day = g_date_time_format (time, "%Y-%m-%d");

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  sqlite3_bind_int64 (stmt, 2, when);
  _fanfare_statement_bind_text (stmt, 3, day);

  return _fanfare_statement_run (stmt, error) &&
         _fanfare_search_store_reindex_album (conn, album_id, error);
}

/**
 * fanfare_studio_store_publish:
 * @at: when, in seconds since the epoch; now or earlier publishes at once
 *
 * Publishes an album, or schedules it; refuses one with no tracks or with
 * a track still being ingested.
 */
gboolean
fanfare_studio_store_publish (FanfareDatabase *db,
                              gint64           album_id,
                              gint64           at,
                              GError         **error)
{
  static const char schedule_sql[] = "UPDATE albums SET publish_at = ?2 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 now = _fanfare_now ();

  if (conn == NULL || !_fanfare_connection_begin (conn, error) || !check_publishable (conn, album_id, error))
    return FALSE;

  if (at <= now)
    return publish_now (conn, album_id, now, error) && _fanfare_connection_commit (conn, error);

  if ((stmt = _fanfare_connection_prepare (conn, schedule_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, album_id);
  sqlite3_bind_int64 (stmt, 2, at);

  return _fanfare_statement_run (stmt, error) && _fanfare_connection_commit (conn, error);
}

gboolean
fanfare_studio_store_unpublish (FanfareDatabase *db,
                                gint64           album_id,
                                GError         **error)
{
  static const char sql[] = "UPDATE albums SET published = 0, publish_at = NULL WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);

  return finish_album_change (conn, stmt, album_id, error);
}

/**
 * fanfare_studio_store_publish_due:
 *
 * Publishes every album whose time has come. One that cannot be published
 * yet (a track still being ingested) waits for the next call.
 *
 * Returns: how many were published
 */
guint
fanfare_studio_store_publish_due (FanfareDatabase *db,
                                  gint64           now,
                                  GError         **error)
{
  static const char sql[] = "SELECT id FROM albums WHERE publish_at IS NOT NULL AND publish_at <= ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  guint published = 0;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, now);
  if ((ids = _fanfare_statement_collect_ids (stmt, error)) == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 album_id = g_array_index (ids, gint64, i);

      if (!_fanfare_connection_begin (conn, error))
        return published;
      if (check_publishable (conn, album_id, NULL))
        {
          if (!publish_now (conn, album_id, now, error) || !_fanfare_connection_commit (conn, error))
            return published;
          published++;
        }
      else if (!_fanfare_connection_commit (conn, error))
        return published;
    }

  return published;
}
