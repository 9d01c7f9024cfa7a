/* fanfare-discovery-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The recommender's material and results. It reads plays as bare
 * (user, track) pairs and writes, in one transaction, each track's
 * nearest neighbours and each user's picks of the day. The radio is
 * served from the neighbours: seeded by what the listener plays most and
 * likes, kept off what they skipped and what it served before; when it
 * runs out, it starts over, so it never ends. */

#include "config.h"

#include "fanfare-discovery-store-private.h"
#include "fanfare-error.h"
#include "fanfare-track.h"

static const char *reason_names[] = { "played", "liked", "popular" };

void
fanfare_pick_free (FanfarePick *pick)
{
  g_clear_object (&pick->track);
  g_clear_object (&pick->reason_track);
  g_free (pick);
}

const char *
fanfare_pick_reason_to_string (FanfarePickReason  reason)
{
  g_return_val_if_fail (reason < G_N_ELEMENTS (reason_names), NULL);

  return reason_names[reason];
}

/**
 * fanfare_discovery_store_load_plays:
 * @pairs: (element-type FanfarePlayPair): where the plays go, in no order
 *
 * Reads every play since @since as a pair of ids.
 */
gboolean
fanfare_discovery_store_load_plays (FanfareDatabase *db,
                                    gint64           since,
                                    GArray          *pairs,
                                    GError         **error)
{
  static const char sql[] = "SELECT user_id, track_id FROM plays WHERE played_at >= ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfarePlayPair pair = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1) };

      g_array_append_val (pairs, pair);
    }

  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  return TRUE;
}

static gboolean
save_neighbours (FanfareConnection *conn,
                 GArray            *neighbours,
                 GError           **error)
{
  static const char sql[] =
    "INSERT INTO track_neighbours (track_id, rank, neighbour_id, score) VALUES (?1, ?2, ?3, ?4)";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  guint32 track = 0;
  int rank = 0;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < neighbours->len; i++)
    {
      const FanfareNeighbour *n = &g_array_index (neighbours, FanfareNeighbour, i);

      rank = n->track_id == track ? rank + 1 : 0;
      track = n->track_id;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, n->track_id);
      sqlite3_bind_int (stmt, 2, rank);
      sqlite3_bind_int64 (stmt, 3, n->neighbour_id);
      sqlite3_bind_double (stmt, 4, n->score);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_picks (FanfareConnection *conn,
            const char        *day,
            GArray            *picks,
            GError           **error)
{
  static const char sql[] =
    "INSERT INTO daily_picks (user_id, day, rank, track_id, score, reason, reason_track_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  guint32 user = 0;
  int rank = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  for (guint i = 0; i < picks->len; i++)
    {
      const FanfarePickRow *pick = &g_array_index (picks, FanfarePickRow, i);
      FanfarePickReason reason = pick->reason_track_id != 0 ? FANFARE_PICK_REASON_PLAYED
                                                            : FANFARE_PICK_REASON_POPULAR;

      rank = pick->user_id == user ? rank + 1 : 0;
      user = pick->user_id;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, pick->user_id);
      sqlite3_bind_int (stmt, 3, rank);
      sqlite3_bind_int64 (stmt, 4, pick->track_id);
      sqlite3_bind_double (stmt, 5, pick->score);
      sqlite3_bind_text (stmt, 6, reason_names[reason], -1, SQLITE_STATIC);
      if (pick->reason_track_id != 0)
        sqlite3_bind_int64 (stmt, 7, pick->reason_track_id);
      else
        sqlite3_bind_null (stmt, 7);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_discovery_store_save:
 * @neighbours: (element-type FanfareNeighbour): grouped by track, the
 *   nearest first
 * @picks: (element-type FanfarePickRow): grouped by user, the best first
 *
 * Replaces the neighbours and the picks with a new run's, for @day.
 */
gboolean
fanfare_discovery_store_save (FanfareDatabase *db,
                              const char      *day,
                              GArray          *neighbours,
                              GArray          *picks,
                              guint            n_users,
                              GError         **error)
{
  static const char run_sql[] =
    "INSERT INTO recommender_runs (day, users, finished_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (day) DO UPDATE SET users = ?2, finished_at = ?3";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !_fanfare_connection_exec (conn, "DELETE FROM track_neighbours; DELETE FROM daily_picks", error) ||
      !save_neighbours (conn, neighbours, error) || !save_picks (conn, day, picks, error) ||
      (stmt = _fanfare_connection_prepare (conn, run_sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, day);
  sqlite3_bind_int (stmt, 2, n_users);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) && _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_discovery_store_has_run:
 * @done: (out): whether picks were made for @day
 */
gboolean
fanfare_discovery_store_has_run (FanfareDatabase *db,
                                 const char      *day,
                                 gboolean        *done,
                                 GError         **error)
{
  static const char sql[] = "SELECT 1 FROM recommender_runs WHERE day = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, day);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  *done = rc == SQLITE_ROW;

  return TRUE;
}

/* Fetches the tracks of @rows as @viewer may see them; rows whose track
 * the viewer may not see are left out. */
GPtrArray *
_fanfare_discovery_store_fetch_picks (FanfareConnection   *conn,
                                      const FanfareViewer *viewer,
                                      GArray              *rows,
                                      GError             **error)
{
  g_autoptr(GPtrArray) picks = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_pick_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const FanfarePickStored *row = &g_array_index (rows, FanfarePickStored, i);
      g_autoptr(FanfarePick) pick = g_new0 (FanfarePick, 1);

      pick->reason = row->reason;
      pick->score = row->score;
      if (!_fanfare_catalog_store_find_track (conn, viewer, row->track_id, &pick->track, error) ||
          (pick->track != NULL && row->reason_track_id != 0 &&
           !_fanfare_catalog_store_find_track (conn, viewer, row->reason_track_id, &pick->reason_track, error)))
        return NULL;

      /* A reason the viewer may no longer see is no reason to give. */
      if (pick->track != NULL && row->reason_track_id != 0 && pick->reason_track == NULL)
        pick->reason = FANFARE_PICK_REASON_POPULAR;
      if (pick->track != NULL)
        g_ptr_array_add (picks, g_steal_pointer (&pick));
    }

  return g_steal_pointer (&picks);
}

/**
 * fanfare_discovery_store_list_daily_picks:
 * @day: (out) (transfer full) (nullable): the day the picks were made
 *   for, or %NULL when none were made for @viewer yet
 *
 * Returns: (transfer container) (element-type FanfarePick): the viewer's
 *   latest picks, the best first
 */
GPtrArray *
fanfare_discovery_store_list_daily_picks (FanfareDatabase     *db,
                                          const FanfareViewer *viewer,
                                          char               **day,
                                          GError             **error)
{
  static const char sql[] =
    "SELECT day, track_id, reason_track_id, reason, score FROM daily_picks"
    " WHERE user_id = ?1 AND day = (SELECT max (day) FROM daily_picks WHERE user_id = ?1) ORDER BY rank";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (FanfarePickStored));
  g_autofree char *found_day = NULL;
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfarePickStored row = {
        sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
        g_str_equal (_fanfare_statement_get_text (stmt, 3), "played") ? FANFARE_PICK_REASON_PLAYED
                                                                       : FANFARE_PICK_REASON_POPULAR,
        sqlite3_column_double (stmt, 4),
      };

      if (found_day == NULL)
        found_day = _fanfare_statement_dup_text (stmt, 0);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }
  _fanfare_statement_reset (stmt);

  *day = g_steal_pointer (&found_day);

  return _fanfare_discovery_store_fetch_picks (conn, viewer, rows, error);
}

/**
 * fanfare_discovery_store_add_feedback:
 * @liked: %TRUE for a like, %FALSE for a skip
 *
 * Tells the radio what the listener thought of a track; the latest word
 * on a track stands.
 */
gboolean
fanfare_discovery_store_add_feedback (FanfareDatabase     *db,
                                      const FanfareViewer *viewer,
                                      gint64               track_id,
                                      gboolean             liked,
                                      GError             **error)
{
  static const char sql[] =
    "INSERT INTO radio_feedback (user_id, track_id, kind, created_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (user_id, track_id) DO UPDATE SET kind = ?3, created_at = ?4";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareTrack) track = NULL;

  if (conn == NULL || (track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  sqlite3_bind_int64 (stmt, 2, track_id);
  sqlite3_bind_text (stmt, 3, liked ? "like" : "skip", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}
