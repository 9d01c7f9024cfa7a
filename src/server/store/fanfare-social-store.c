/* fanfare-social-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who follows whom, and who played what when: the raw material of
 * profiles, activity, charts and recommendations. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-social-store.h"

/**
 * fanfare_social_store_follow:
 *
 * Makes @follower_id follow @followee_id; following twice is one follow.
 */
gboolean
fanfare_social_store_follow (FanfareDatabase *db,
                             gint64           follower_id,
                             gint64           followee_id,
                             GError         **error)
{
  static const char sql[] =
    "INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (follower_id, followee_id) DO NOTHING";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (follower_id == followee_id)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "Nobody can follow themselves");
      return FALSE;
    }

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, follower_id);
  sqlite3_bind_int64 (stmt, 2, followee_id);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_social_store_add_plays:
 * @track_ids: (array length=n_plays): the tracks played
 * @played_at: (array length=n_plays): when, in seconds since the epoch
 *
 * Records plays in one transaction.
 */
gboolean
fanfare_social_store_add_plays (FanfareDatabase *db,
                                gint64           user_id,
                                const gint64    *track_ids,
                                const gint64    *played_at,
                                guint            n_plays,
                                GError         **error)
{
  static const char sql[] = "INSERT INTO plays (user_id, track_id, played_at) VALUES (?1, ?2, ?3)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n_plays; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, track_ids[i]);
      sqlite3_bind_int64 (stmt, 3, played_at[i]);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  return _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_social_store_count_plays:
 *
 * Returns: how many plays @user_id has, or -1 with @error set
 */
gint64
fanfare_social_store_count_plays (FanfareDatabase *db,
                                  gint64           user_id,
                                  GError         **error)
{
  static const char sql[] = "SELECT count(*) FROM plays WHERE user_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _fanfare_statement_error (stmt, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}
