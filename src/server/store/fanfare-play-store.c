/* fanfare-play-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plays as clients report them, a listener's history, and the charts.
 * A client names each play, so that a report sent twice (a retry, an
 * offline queue sent again) counts once. Charts count listeners, not
 * plays: one account looping a track is one listener. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-play-store.h"
#include "fanfare-track.h"

/* How far ahead of the server's clock a play may claim to be. */
#define MAX_CLOCK_SKEW 300

void
fanfare_play_item_free (FanfarePlayItem *item)
{
  g_clear_object (&item->object);
  g_free (item);
}

/* Whether a play lasted long enough to count, and whether the track is
 * one the listener may play. */
static gboolean
play_counts (FanfareConnection       *conn,
             gint64                   user_id,
             const FanfarePlayReport *play,
             gint64                   now,
             GError                 **error)
{
  FanfareViewer viewer = { user_id, FALSE };
  g_autoptr(FanfareTrack) track = NULL;
  gint64 duration_ms;

  if (play->played_at > now + MAX_CLOCK_SKEW || play->ms_played <= 0 || play->ms_played > FANFARE_PLAY_MAX_MS ||
      !_fanfare_catalog_store_find_track (conn, &viewer, play->track_id, &track, error) || track == NULL)
    return FALSE;

  duration_ms = fanfare_track_get_duration (track) / G_TIME_SPAN_MILLISECOND;

  return play->ms_played >= FANFARE_PLAY_MIN_MS || (duration_ms > 0 && play->ms_played * 2 >= duration_ms);
}

/**
 * fanfare_play_store_record:
 * @plays: (array length=n_plays): the plays, each named by its client
 * @tally: (out caller-allocates): what became of them
 *
 * Records a batch of plays in one transaction.
 */
gboolean
fanfare_play_store_record (FanfareDatabase         *db,
                           gint64                   user_id,
                           const FanfarePlayReport *plays,
                           guint                    n_plays,
                           FanfarePlayTally        *tally,
                           GError                 **error)
{
  static const char sql[] =
    "INSERT INTO plays (user_id, track_id, played_at, ms_played, client_id) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (user_id, client_id) WHERE client_id IS NOT NULL DO NOTHING";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 now = _fanfare_now ();

  *tally = (FanfarePlayTally) { 0, };
  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n_plays; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!play_counts (conn, user_id, &plays[i], now, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          tally->ignored++;
          continue;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, plays[i].track_id);
      sqlite3_bind_int64 (stmt, 3, plays[i].played_at);
      sqlite3_bind_int64 (stmt, 4, plays[i].ms_played);
      _fanfare_statement_bind_text (stmt, 5, plays[i].client_id);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;

      if (_fanfare_connection_changes (conn) > 0)
        tally->recorded++;
      else
        tally->duplicates++;
    }

  return _fanfare_connection_commit (conn, error);
}

typedef struct {
  FanfarePlayItem item;
  gint64          object_id;
} Row;

/* Reads rows of (id, object id, played_at, ms_played, listeners) into
 * items, fetching each object as @viewer may see it; objects the viewer
 * may not see are left out. */
static GPtrArray *
collect_items (FanfareConnection   *conn,
               const FanfareViewer *viewer,
               FanfareStatement    *stmt,
               gboolean             albums,
               GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_play_item_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  int rc;

  /* All rows first: fetching an object runs other statements. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = {
        { sqlite3_column_int64 (stmt, 0), NULL, sqlite3_column_int64 (stmt, 2),
          sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4) },
        sqlite3_column_int64 (stmt, 1),
      };

      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }
  _fanfare_statement_reset (stmt);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(FanfarePlayItem) item = g_new (FanfarePlayItem, 1);

      *item = row->item;
      item->object = albums
        ? G_OBJECT (_fanfare_catalog_store_fetch_album (conn, viewer, row->object_id, &local_error))
        : G_OBJECT (_fanfare_catalog_store_fetch_track (conn, viewer, row->object_id, &local_error));
      if (item->object != NULL)
        g_ptr_array_add (items, g_steal_pointer (&item));
      else if (!g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&items);
}

/**
 * fanfare_play_store_list_history:
 * @after: (nullable): where the page starts: the last play of the page
 *   before, its time as the key
 * @last: (out caller-allocates): where the next page starts; clear after
 *   the last page
 *
 * Returns: (transfer container) (element-type FanfarePlayItem): @viewer's
 *   plays, the latest first
 */
GPtrArray *
fanfare_play_store_list_history (FanfareDatabase           *db,
                                 const FanfareViewer       *viewer,
                                 const FanfareListPosition *after,
                                 guint                      limit,
                                 FanfareListPosition       *last,
                                 GError                   **error)
{
  static const char sql[] =
    "SELECT id, track_id, played_at, ms_played, 0 FROM plays"
    " WHERE user_id = ?1 AND (played_at < ?2 OR (played_at = ?2 AND id < ?3))"
    " ORDER BY played_at DESC, id DESC LIMIT ?4";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 before = G_MAXINT64;
  gint64 before_id = G_MAXINT64;

  *last = (FanfareListPosition) { NULL, 0 };
  if (after != NULL && after->key != NULL)
    {
      before = g_ascii_strtoll (after->key, NULL, 10);
      before_id = after->id;
    }

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  sqlite3_bind_int64 (stmt, 2, before);
  sqlite3_bind_int64 (stmt, 3, before_id);
  sqlite3_bind_int (stmt, 4, limit + 1);
  if ((items = collect_items (conn, viewer, stmt, FALSE, error)) == NULL)
    return NULL;

  /* One more than asked tells that there is a next page. */
  if (items->len > limit)
    {
      FanfarePlayItem *item;

      g_ptr_array_set_size (items, limit);
      item = g_ptr_array_index (items, limit - 1);
      last->key = g_strdup_printf ("%" G_GINT64_FORMAT, item->played_at);
      last->id = item->id;
    }

  return g_steal_pointer (&items);
}

/**
 * fanfare_play_store_chart_tracks:
 * @since: the start of the chart's period, in seconds since the epoch
 *
 * Returns: (transfer container) (element-type FanfarePlayItem): the
 *   tracks with the most distinct listeners since @since
 */
GPtrArray *
fanfare_play_store_chart_tracks (FanfareDatabase     *db,
                                 const FanfareViewer *viewer,
                                 gint64               since,
                                 guint                limit,
                                 GError             **error)
{
  static const char sql[] =
    "SELECT 0, p.track_id, 0, 0, count(DISTINCT p.user_id) AS listeners"
    " FROM plays p JOIN tracks t ON t.id = p.track_id JOIN albums a ON a.id = t.album_id"
    " WHERE p.played_at >= ?1 AND a.published = 1"
    " GROUP BY p.track_id ORDER BY listeners DESC, p.track_id LIMIT ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int (stmt, 2, limit);

  return collect_items (conn, viewer, stmt, FALSE, error);
}

/**
 * fanfare_play_store_chart_new_releases:
 * @since: the start of the period whose listeners count
 * @released_after: the earliest release date (`YYYY-MM-DD`) that is new
 *
 * Returns: (transfer container) (element-type FanfarePlayItem): albums
 *   released since @released_after, those with the most distinct
 *   listeners since @since first, then the newest
 */
GPtrArray *
fanfare_play_store_chart_new_releases (FanfareDatabase     *db,
                                       const FanfareViewer *viewer,
                                       gint64               since,
                                       const char          *released_after,
                                       guint                limit,
                                       GError             **error)
{
  static const char sql[] =
    "SELECT 0, a.id, 0, 0, (SELECT count(DISTINCT p.user_id) FROM tracks t JOIN plays p ON p.track_id = t.id"
    "  WHERE t.album_id = a.id AND p.played_at >= ?1) AS listeners"
    " FROM albums a WHERE a.published = 1 AND a.release_date >= ?2 AND a.release_date <= ?3"
    " ORDER BY listeners DESC, a.release_date DESC, a.id DESC LIMIT ?4";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, since);
  _fanfare_statement_bind_text (stmt, 2, released_after);
  _fanfare_statement_bind_text (stmt, 3, today);
  sqlite3_bind_int (stmt, 4, limit);

  return collect_items (conn, viewer, stmt, TRUE, error);
}
