/* fanfare-social-store-feed.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The activity of the people a user follows, read from the tables where
 * it happened: a playlist made private, deleted or unfollowed leaves
 * every feed at once, and each kind of activity is shown only while its
 * owner shares it. Items are ordered by time, then kind, object and user,
 * so that a cursor is a row value and pages never skip or repeat. */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-social-store-private.h"
#include "fanfare-social-store.h"

#define FEED_SQL \
  "SELECT created_at, kind, user_id, object_id FROM (" \
  " SELECT p.created_at AS created_at, 0 AS kind, p.owner_id AS user_id, p.id AS object_id" \
  " FROM follows f JOIN playlists p ON p.owner_id = f.followee_id AND p.visibility = 'public'" \
  " WHERE f.follower_id = ?1 AND p.created_at <= ?2" \
  " AND NOT EXISTS (SELECT 1 FROM social_settings s" \
  "   WHERE s.user_id = f.followee_id AND s.share_playlists = 0)" \
  " UNION ALL" \
  " SELECT pf.created_at, 1, pf.user_id, pf.playlist_id" \
  " FROM follows f JOIN playlist_follows pf ON pf.user_id = f.followee_id" \
  " JOIN playlists p ON p.id = pf.playlist_id AND p.visibility = 'public'" \
  " WHERE f.follower_id = ?1 AND pf.created_at <= ?2" \
  " AND NOT EXISTS (SELECT 1 FROM social_settings s" \
  "   WHERE s.user_id = f.followee_id AND s.share_playlist_follows = 0)" \
  " AND NOT " FANFARE_SQL_BLOCKED_EITHER ("p.owner_id", "?1") \
  ")" \
  " WHERE (created_at, kind, object_id, user_id) < (?2, ?3, ?4, ?5)" \
  " ORDER BY created_at DESC, kind DESC, object_id DESC, user_id DESC LIMIT ?6"

static gboolean
parse_feed_key (const char *key,
                gint64     *time,
                gint64     *kind,
                gint64     *object_id)
{
  g_auto(GStrv) parts = g_strsplit (key, ".", 4);

  return g_strv_length (parts) == 3 &&
         g_ascii_string_to_signed (parts[0], 10, 0, G_MAXINT64, time, NULL) &&
         g_ascii_string_to_signed (parts[1], 10, 0, 1, kind, NULL) &&
         g_ascii_string_to_signed (parts[2], 10, 0, G_MAXINT64, object_id, NULL);
}

/**
 * fanfare_social_store_list_feed:
 * @last: (out caller-allocates): where the next page starts; its key is
 *   %NULL after the last page
 *
 * Returns: (transfer full) (element-type FanfareFeedItem): the latest
 *   first
 */
GArray *
fanfare_social_store_list_feed (FanfareDatabase           *db,
                                gint64                     viewer_id,
                                const FanfareListPosition *after,
                                guint                      limit,
                                FanfareListPosition       *last,
                                GError                   **error)
{
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (FanfareFeedItem));
  gint64 time = G_MAXINT64, kind = G_MAXINT64, user_id = G_MAXINT64, object_id = G_MAXINT64;
  int rc;

  *last = (FanfareListPosition) { NULL, 0 };
  if (after->key != NULL)
    {
      if (!parse_feed_key (after->key, &time, &kind, &object_id))
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                               "The field “cursor” is not a cursor from this server");
          return NULL;
        }
      user_id = after->id;
    }

  if ((conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, FEED_SQL, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_int64 (stmt, 2, time);
  sqlite3_bind_int64 (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, object_id);
  sqlite3_bind_int64 (stmt, 5, user_id);
  sqlite3_bind_int64 (stmt, 6, limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && items->len < limit)
    {
      FanfareFeedItem item = {
        .created_at = sqlite3_column_int64 (stmt, 0),
        .kind = sqlite3_column_int (stmt, 1),
        .user_id = sqlite3_column_int64 (stmt, 2),
        .object_id = sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (items, item);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  if (rc == SQLITE_ROW && items->len > 0)
    {
      const FanfareFeedItem *end = &g_array_index (items, FanfareFeedItem, items->len - 1);

      last->key = g_strdup_printf ("%" G_GINT64_FORMAT ".%d.%" G_GINT64_FORMAT,
                                   end->created_at, (int) end->kind, end->object_id);
      last->id = end->user_id;
    }

  return g_steal_pointer (&items);
}

/**
 * fanfare_social_store_list_listening:
 * @since: the earliest play that counts as listening now
 *
 * Returns: (transfer full) (element-type FanfareListening): the latest
 *   play since @since of each user @viewer_id follows who shares their
 *   listening, the latest first
 */
GArray *
fanfare_social_store_list_listening (FanfareDatabase *db,
                                     gint64           viewer_id,
                                     gint64           since,
                                     GError         **error)
{
  static const char sql[] =
    "SELECT pl.user_id, pl.track_id, max (pl.played_at) FROM follows f"
    " JOIN social_settings s ON s.user_id = f.followee_id AND s.share_listening = 1"
    " JOIN plays pl ON pl.user_id = f.followee_id AND pl.played_at >= ?2"
    " WHERE f.follower_id = ?1 GROUP BY pl.user_id ORDER BY 3 DESC, 1 DESC LIMIT 50";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (FanfareListening));
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareListening item = {
        .user_id = sqlite3_column_int64 (stmt, 0),
        .track_id = sqlite3_column_int64 (stmt, 1),
        .played_at = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * fanfare_social_store_list_recent_tracks:
 *
 * Returns: (transfer full) (element-type gint64): the tracks @user_id
 *   played last, each once, the latest first; none unless they share
 *   their listening
 */
GArray *
fanfare_social_store_list_recent_tracks (FanfareDatabase *db,
                                         gint64           user_id,
                                         guint            limit,
                                         GError         **error)
{
  static const char sql[] =
    "SELECT pl.track_id FROM plays pl"
    " JOIN social_settings s ON s.user_id = pl.user_id AND s.share_listening = 1"
    " WHERE pl.user_id = ?1 GROUP BY pl.track_id ORDER BY max (pl.played_at) DESC LIMIT ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, limit);

  return _fanfare_statement_collect_ids (stmt, error);
}
