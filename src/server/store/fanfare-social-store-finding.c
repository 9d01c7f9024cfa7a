/* fanfare-social-store-finding.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What finding friends needs from the database: the keys that contact
 * hashes are made with, the users who may be found by their email or
 * phone, and the coarse cells of people nearby. What a client uploads to
 * be matched never comes here. */

#include "config.h"

#include <sodium.h>

#include "fanfare-error.h"
#include "fanfare-social-store-private.h"
#include "fanfare-social-store.h"

#define CONTACT_KEY_BYTES 32

static gboolean
read_key (FanfareConnection *conn,
          gint64             key_id,
          gint64             min_created,
          gint64            *found_id,
          char             **secret,
          GError           **error)
{
  static const char sql[] =
    "SELECT id, secret FROM contact_keys WHERE (?1 = 0 OR id = ?1) AND created_at >= ?2"
    " ORDER BY id DESC LIMIT 1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  *found_id = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, key_id);
  sqlite3_bind_int64 (stmt, 2, min_created);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found_id = sqlite3_column_int64 (stmt, 0);
      *secret = _fanfare_statement_dup_text (stmt, 1);
      return TRUE;
    }

  return rc == SQLITE_DONE || _fanfare_statement_error (stmt, error);
}

/**
 * fanfare_social_store_get_contact_key:
 * @max_age: seconds a key is handed out for; then a new one replaces it
 * @secret: (out) (transfer full): the key, hexadecimal
 *
 * Returns: the current key's id, a new key once the last is older than
 *   @max_age; 0 with @error set
 */
gint64
fanfare_social_store_get_contact_key (FanfareDatabase *db,
                                      gint64           max_age,
                                      char           **secret,
                                      GError         **error)
{
  static const char sql[] = "INSERT INTO contact_keys (secret, created_at) VALUES (?1, ?2)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  guchar bytes[CONTACT_KEY_BYTES];
  char hex[CONTACT_KEY_BYTES * 2 + 1];
  gint64 now = _fanfare_now ();
  gint64 key_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !read_key (conn, 0, now - max_age, &key_id, secret, error))
    return 0;

  if (key_id != 0)
    return key_id;

  if ((stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero (bytes, sizeof bytes);
  _fanfare_statement_bind_text (stmt, 1, hex);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!_fanfare_statement_run (stmt, error) || !_fanfare_connection_commit (conn, error))
    return 0;

  *secret = g_strdup (hex);

  return _fanfare_connection_last_insert_id (conn);
}

/**
 * fanfare_social_store_find_contact_key:
 * @max_age: seconds after its creation that a key is still accepted
 * @secret: (out) (transfer full): the key, hexadecimal
 *
 * Returns: %FALSE with %FANFARE_ERROR_NOT_FOUND for a key that never was
 *   or expired
 */
gboolean
fanfare_social_store_find_contact_key (FanfareDatabase *db,
                                       gint64           key_id,
                                       gint64           max_age,
                                       char           **secret,
                                       GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  gint64 found = 0;

  if (conn == NULL || key_id <= 0 || !read_key (conn, key_id, _fanfare_now () - max_age, &found, secret, error))
    return FALSE;

  if (found == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "The contact key expired");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_social_store_get_directory_version:
 * @version: (out): a number that changes whenever someone starts or stops
 *   allowing discovery by contact, or changes the email or phone that
 *   finds them
 */
gboolean
fanfare_social_store_get_directory_version (FanfareDatabase *db,
                                            gint64          *version,
                                            GError         **error)
{
  static const char sql[] = "SELECT version FROM contact_directory WHERE id = 1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL ||
      !_fanfare_statement_step_row (stmt, "The contact directory is missing", error))
    return FALSE;

  *version = sqlite3_column_int64 (stmt, 0);
  _fanfare_statement_reset (stmt);

  return TRUE;
}

/**
 * fanfare_social_store_list_discoverable:
 *
 * Reads the version (fanfare_social_store_get_directory_version()) before
 * the users, so that a change meanwhile shows as a newer version later.
 *
 * Returns: (transfer full) (element-type FanfareContactCandidate): every
 *   user who lets others find them by contact
 */
GArray *
fanfare_social_store_list_discoverable (FanfareDatabase *db,
                                        gint64          *version,
                                        GError         **error)
{
  static const char sql[] =
    "SELECT u.id, u.email, s.phone FROM social_settings s JOIN users u ON u.id = s.user_id"
    " WHERE s.discoverable_by_contact = 1";
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (FanfareContactCandidate));
  int rc;

  g_array_set_clear_func (candidates, (GDestroyNotify) fanfare_contact_candidate_clear);
  if (!fanfare_social_store_get_directory_version (db, version, error) ||
      (conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareContactCandidate candidate = {
        .user_id = sqlite3_column_int64 (stmt, 0),
        .email = _fanfare_statement_dup_text (stmt, 1),
        .phone = _fanfare_statement_dup_text (stmt, 2),
      };

      g_array_append_val (candidates, candidate);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&candidates);
}

/**
 * fanfare_social_store_filter_discoverable:
 * @user_ids: (element-type gint64): users found by their contact details
 *
 * Returns: (transfer full) (element-type gint64): those of @user_ids who
 *   still allow discovery by contact, but not @viewer_id nor anyone in a
 *   block with them, in the order of their ids
 */
GArray *
fanfare_social_store_filter_discoverable (FanfareDatabase *db,
                                          gint64           viewer_id,
                                          GArray          *user_ids,
                                          GError         **error)
{
  static const char sql[] =
    "SELECT s.user_id FROM social_settings s"
    " WHERE s.user_id IN (SELECT value FROM json_each (?2)) AND s.discoverable_by_contact = 1"
    " AND s.user_id <> ?1 AND NOT " FANFARE_SQL_BLOCKED_EITHER ("s.user_id", "?1")
    " ORDER BY s.user_id";
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;

  if ((conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer_id);
  _fanfare_statement_bind_ids (stmt, 2, user_ids);

  return _fanfare_statement_collect_ids (stmt, error);
}

void
fanfare_contact_candidate_clear (FanfareContactCandidate *candidate)
{
  g_clear_pointer (&candidate->email, g_free);
  g_clear_pointer (&candidate->phone, g_free);
}

/**
 * fanfare_social_store_set_cell:
 * @cell: the coarse cell the user is in
 * @max_age: seconds a cell lasts; older ones are deleted on the way
 *
 * Puts @user_id among the people nearby in @cell, now.
 */
gboolean
fanfare_social_store_set_cell (FanfareDatabase *db,
                               gint64           user_id,
                               const char      *cell,
                               gint64           max_age,
                               GError         **error)
{
  static const char expire_sql[] = "DELETE FROM nearby_cells WHERE updated_at < ?1";
  /* The same cell shared again within a minute is not written again. */
  static const char sql[] =
    "INSERT INTO nearby_cells (user_id, cell, updated_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (user_id) DO UPDATE SET cell = ?2, updated_at = ?3"
    " WHERE cell <> ?2 OR updated_at < ?3 - 60";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) expire = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 now = _fanfare_now ();

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (expire = _fanfare_connection_prepare (conn, expire_sql, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (expire, 1, now - max_age);
  sqlite3_bind_int64 (stmt, 1, user_id);
  _fanfare_statement_bind_text (stmt, 2, cell);
  sqlite3_bind_int64 (stmt, 3, now);

  return _fanfare_statement_run (expire, error) && _fanfare_statement_run (stmt, error) &&
         _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_social_store_get_cell:
 * @cell: (out) (transfer full) (nullable): the cell @user_id shared in the
 *   last @max_age seconds, or %NULL
 */
gboolean
fanfare_social_store_get_cell (FanfareDatabase *db,
                               gint64           user_id,
                               gint64           max_age,
                               char           **cell,
                               GError         **error)
{
  static const char sql[] = "SELECT cell FROM nearby_cells WHERE user_id = ?1 AND updated_at >= ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  *cell = NULL;
  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, _fanfare_now () - max_age);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *cell = _fanfare_statement_dup_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  return TRUE;
}

gboolean
fanfare_social_store_clear_cell (FanfareDatabase *db,
                                 gint64           user_id,
                                 GError         **error)
{
  static const char sql[] = "DELETE FROM nearby_cells WHERE user_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);

  return _fanfare_statement_run (stmt, error);
}

static int
compare_ids (gconstpointer  a,
             gconstpointer  b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * fanfare_social_store_list_nearby:
 * @cells: (array zero-terminated=1): the viewer's cell and its neighbours
 * @min_per_cell: a cell with fewer people than this, the viewer counted,
 *   is left out whole
 *
 * Returns: (transfer full) (element-type gint64): the people in @cells
 *   seen in the last @max_age seconds, without the viewer or anyone in a
 *   block with them; in the order of their ids, which says nothing of
 *   which cell they are in
 */
GArray *
fanfare_social_store_list_nearby (FanfareDatabase    *db,
                                  gint64              viewer_id,
                                  const char * const *cells,
                                  gint64              max_age,
                                  guint               min_per_cell,
                                  guint               limit,
                                  GError            **error)
{
  static const char sql[] =
    "SELECT n.user_id, n.cell, " FANFARE_SQL_BLOCKED_EITHER ("n.user_id", "?1")
    " FROM nearby_cells n WHERE n.cell = ?2 AND n.updated_at >= ?3 ORDER BY n.updated_at DESC LIMIT 1000";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cell_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 since = _fanfare_now () - max_age;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  for (guint c = 0; cells[c] != NULL && ids->len < limit; c++)
    {
      guint people = 0;
      int rc;

      g_array_set_size (cell_ids, 0);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, viewer_id);
      _fanfare_statement_bind_text (stmt, 2, cells[c]);
      sqlite3_bind_int64 (stmt, 3, since);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 user_id = sqlite3_column_int64 (stmt, 0);

          people++;
          if (user_id != viewer_id && sqlite3_column_int (stmt, 2) == 0)
            g_array_append_val (cell_ids, user_id);
        }
      if (rc != SQLITE_DONE)
        {
          _fanfare_statement_error (stmt, error);
          return NULL;
        }

      if (people >= min_per_cell)
        g_array_append_vals (ids, cell_ids->data, MIN (cell_ids->len, limit - ids->len));
    }

  g_array_sort (ids, compare_ids);

  return g_steal_pointer (&ids);
}
