/* fanfare-social-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who follows whom, who blocked whom, what each user shares, and who
 * played what when: the raw material of profiles, activity, charts and
 * recommendations. A block ends the follows of both ways and refuses new
 * ones: to each other, the two are users that do not exist. */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-social-store-private.h"
#include "fanfare-social-store.h"

/* Fails with "No such user" when either of @a and @b blocked the other. */
gboolean
_fanfare_social_store_check_not_blocked (FanfareConnection *conn,
                                         gint64             a,
                                         gint64             b,
                                         GError           **error)
{
  static const char sql[] = "SELECT " FANFARE_SQL_BLOCKED_EITHER ("?1", "?2");
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return FALSE;

  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such user");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_social_store_follow:
 *
 * Makes @follower_id follow @followee_id; following twice is one follow.
 * Fails with %FANFARE_ERROR_NOT_FOUND when either blocked the other.
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

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !_fanfare_social_store_check_not_blocked (conn, follower_id, followee_id, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, follower_id);
  sqlite3_bind_int64 (stmt, 2, followee_id);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) && _fanfare_connection_commit (conn, error);
}

gboolean
fanfare_social_store_unfollow (FanfareDatabase *db,
                               gint64           follower_id,
                               gint64           followee_id,
                               GError         **error)
{
  static const char sql[] = "DELETE FROM follows WHERE follower_id = ?1 AND followee_id = ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, follower_id);
  sqlite3_bind_int64 (stmt, 2, followee_id);

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_social_store_set_blocked:
 *
 * Blocks @blocked_id for @blocker_id, ending the follows of both ways,
 * or lifts the block; either twice is once.
 */
gboolean
fanfare_social_store_set_blocked (FanfareDatabase *db,
                                  gint64           blocker_id,
                                  gint64           blocked_id,
                                  gboolean         blocked,
                                  GError         **error)
{
  static const char block_sql[] =
    "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (blocker_id, blocked_id) DO NOTHING";
  static const char unfollow_sql[] =
    "DELETE FROM follows WHERE (follower_id = ?1 AND followee_id = ?2)"
    " OR (follower_id = ?2 AND followee_id = ?1)";
  static const char unblock_sql[] = "DELETE FROM blocks WHERE blocker_id = ?1 AND blocked_id = ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareStatement) unfollow = NULL;

  if (blocker_id == blocked_id)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "Nobody can block themselves");
      return FALSE;
    }

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, blocked ? block_sql : unblock_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, blocker_id);
  sqlite3_bind_int64 (stmt, 2, blocked_id);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (blocked)
    {
      if ((unfollow = _fanfare_connection_prepare (conn, unfollow_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (unfollow, 1, blocker_id);
      sqlite3_bind_int64 (unfollow, 2, blocked_id);
      if (!_fanfare_statement_run (unfollow, error))
        return FALSE;
    }

  return _fanfare_connection_commit (conn, error);
}

gboolean
fanfare_social_store_get_relation (FanfareDatabase *db,
                                   gint64           viewer_id,
                                   gint64           other_id,
                                   FanfareRelation *relation,
                                   GError         **error)
{
  static const char sql[] =
    "SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = ?1 AND followee_id = ?2),"
    " EXISTS (SELECT 1 FROM follows WHERE follower_id = ?2 AND followee_id = ?1),"
    " EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ?1 AND blocked_id = ?2),"
    " EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ?2 AND blocked_id = ?1)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  *relation = (FanfareRelation) { FALSE, FALSE, FALSE, FALSE };
  if (viewer_id == 0 || viewer_id == other_id)
    return TRUE;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_int64 (stmt, 2, other_id);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return FALSE;

  relation->following = sqlite3_column_int (stmt, 0) != 0;
  relation->followed_by = sqlite3_column_int (stmt, 1) != 0;
  relation->blocking = sqlite3_column_int (stmt, 2) != 0;
  relation->blocked_by = sqlite3_column_int (stmt, 3) != 0;

  return TRUE;
}

/**
 * fanfare_social_store_list_follows:
 * @followers: %TRUE for who follows @user_id, %FALSE for whom they follow
 * @viewer_id: who asks: users in a block with them are left out
 * @last: (out caller-allocates): where the next page starts; its key is
 *   %NULL after the last page
 *
 * Returns: (transfer full) (element-type gint64): user ids, the latest
 *   follow first
 */
GArray *
fanfare_social_store_list_follows (FanfareDatabase           *db,
                                   gint64                     user_id,
                                   gboolean                   followers,
                                   gint64                     viewer_id,
                                   const FanfareListPosition *after,
                                   guint                      limit,
                                   FanfareListPosition       *last,
                                   GError                   **error)
{
  static const char followers_sql[] =
    "SELECT f.follower_id, f.created_at FROM follows f"
    " WHERE f.followee_id = ?1 AND (f.created_at, f.follower_id) < (?2, ?3)"
    " AND NOT " FANFARE_SQL_BLOCKED_EITHER ("f.follower_id", "?4")
    " ORDER BY f.created_at DESC, f.follower_id DESC LIMIT ?5";
  static const char following_sql[] =
    "SELECT f.followee_id, f.created_at FROM follows f"
    " WHERE f.follower_id = ?1 AND (f.created_at, f.followee_id) < (?2, ?3)"
    " AND NOT " FANFARE_SQL_BLOCKED_EITHER ("f.followee_id", "?4")
    " ORDER BY f.created_at DESC, f.followee_id DESC LIMIT ?5";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 time = G_MAXINT64, id = G_MAXINT64;
  int rc;

  *last = (FanfareListPosition) { NULL, 0 };
  if (after->key != NULL && !g_ascii_string_to_signed (after->key, 10, 0, G_MAXINT64, &time, NULL))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “cursor” is not a cursor from this server");
      return NULL;
    }
  if (after->key != NULL)
    id = after->id;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, followers ? followers_sql : following_sql,
                                                           error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, time);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_int64 (stmt, 4, viewer_id);
  sqlite3_bind_int64 (stmt, 5, limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (stmt, 0);

      if (ids->len == limit)
        break;
      g_array_append_val (ids, row_id);
      time = sqlite3_column_int64 (stmt, 1);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  if (rc == SQLITE_ROW && ids->len > 0)
    {
      last->key = g_strdup_printf ("%" G_GINT64_FORMAT, time);
      last->id = g_array_index (ids, gint64, ids->len - 1);
    }

  return g_steal_pointer (&ids);
}

/* Runs @sql with @user_id as ?1 and collects the ids it answers. */
static GArray *
collect_user_ids (FanfareDatabase *db,
                  const char      *sql,
                  gint64           user_id,
                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);

  return _fanfare_statement_collect_ids (stmt, error);
}

/**
 * fanfare_social_store_list_friends:
 *
 * Returns: (transfer full) (element-type gint64): who follows @user_id
 *   and is followed back, by name
 */
GArray *
fanfare_social_store_list_friends (FanfareDatabase *db,
                                   gint64           user_id,
                                   GError         **error)
{
  static const char sql[] =
    "SELECT u.id FROM follows f JOIN follows b ON b.follower_id = f.followee_id AND b.followee_id = ?1"
    " JOIN users u ON u.id = f.followee_id WHERE f.follower_id = ?1"
    " ORDER BY u.display_name COLLATE NOCASE, u.id LIMIT 5000";

  return collect_user_ids (db, sql, user_id, error);
}

/**
 * fanfare_social_store_list_blocked:
 *
 * Returns: (transfer full) (element-type gint64): whom @user_id blocked,
 *   the latest first
 */
GArray *
fanfare_social_store_list_blocked (FanfareDatabase *db,
                                   gint64           user_id,
                                   GError         **error)
{
  static const char sql[] =
    "SELECT blocked_id FROM blocks WHERE blocker_id = ?1 ORDER BY created_at DESC, blocked_id DESC LIMIT 5000";

  return collect_user_ids (db, sql, user_id, error);
}

/**
 * fanfare_social_store_get_settings:
 * @settings: (out caller-allocates): the settings, the defaults for a
 *   user who never changed them; clear with fanfare_social_settings_clear()
 */
gboolean
fanfare_social_store_get_settings (FanfareDatabase       *db,
                                   gint64                 user_id,
                                   FanfareSocialSettings *settings,
                                   GError               **error)
{
  static const char sql[] =
    "SELECT discoverable_by_contact, phone, share_playlists, share_playlist_follows, share_listening"
    " FROM social_settings WHERE user_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  *settings = (FanfareSocialSettings) { FALSE, NULL, TRUE, TRUE, FALSE };
  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _fanfare_statement_error (stmt, error);

  settings->discoverable_by_contact = sqlite3_column_int (stmt, 0) != 0;
  settings->phone = _fanfare_statement_dup_text (stmt, 1);
  settings->share_playlists = sqlite3_column_int (stmt, 2) != 0;
  settings->share_playlist_follows = sqlite3_column_int (stmt, 3) != 0;
  settings->share_listening = sqlite3_column_int (stmt, 4) != 0;

  return TRUE;
}

gboolean
fanfare_social_store_set_settings (FanfareDatabase             *db,
                                   gint64                       user_id,
                                   const FanfareSocialSettings *settings,
                                   GError                     **error)
{
  static const char sql[] =
    "INSERT INTO social_settings (user_id, discoverable_by_contact, phone, share_playlists,"
    " share_playlist_follows, share_listening) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (user_id) DO UPDATE SET discoverable_by_contact = ?2, phone = ?3,"
    " share_playlists = ?4, share_playlist_follows = ?5, share_listening = ?6";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int (stmt, 2, settings->discoverable_by_contact);
  _fanfare_statement_bind_text (stmt, 3, settings->phone);
  sqlite3_bind_int (stmt, 4, settings->share_playlists);
  sqlite3_bind_int (stmt, 5, settings->share_playlist_follows);
  sqlite3_bind_int (stmt, 6, settings->share_listening);

  return _fanfare_statement_run (stmt, error);
}

void
fanfare_social_settings_clear (FanfareSocialSettings *settings)
{
  g_clear_pointer (&settings->phone, g_free);
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
