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
  g_clear_pointer (&pick->track_key, g_bytes_unref);
  g_clear_pointer (&pick->track_form, g_bytes_unref);
  g_clear_pointer (&pick->reason_key, g_bytes_unref);
  g_clear_pointer (&pick->reason_form, g_bytes_unref);
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
  /* Not through the index of times: nearly every row is wanted, and the
   * table in its own order reads many times faster. */
  static const char sql[] = "SELECT user_id, track_id FROM plays WHERE +played_at >= ?1";
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

typedef guint32 (*KeyFunc) (GArray *items,
                            guint   index);
typedef void (*AppendFunc) (GString *first,
                            GString *second,
                            GArray  *items,
                            guint    index);

/* Writes a row for each run of items with the same key. A row holds the
 * key and the first list; with a @day, also the second list and the day. */
static gboolean
save_groups (FanfareConnection *conn,
             const char        *sql,
             const char        *day,
             GArray            *items,
             KeyFunc            key_func,
             AppendFunc         append_func,
             GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);

  if (stmt == NULL)
    return FALSE;

  for (guint start = 0, end; start < items->len; start = end)
    {
      guint32 key = key_func (items, start);

      g_string_truncate (first, 0);
      g_string_truncate (second, 0);
      for (end = start; end < items->len && key_func (items, end) == key; end++)
        append_func (first, second, items, end);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, key);
      sqlite3_bind_text (stmt, 2, first->str, first->len, SQLITE_STATIC);
      if (day != NULL)
        {
          sqlite3_bind_text (stmt, 3, second->str, second->len, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
        }
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static guint32
neighbour_key (GArray *items,
               guint   index)
{
  return g_array_index (items, FanfareNeighbour, index).track_id;
}

static void
append_neighbour (GString *first,
                  GString *second,
                  GArray  *items,
                  guint    index)
{
  const FanfareNeighbour *n = &g_array_index (items, FanfareNeighbour, index);

  g_string_append_printf (first, "%s%u:%.5f", first->len > 0 ? " " : "", n->neighbour_id, n->score);
}

static guint32
pick_key (GArray *items,
          guint   index)
{
  return g_array_index (items, FanfarePickRow, index).user_id;
}

static void
append_pick (GString *first,
             GString *second,
             GArray  *items,
             guint    index)
{
  const FanfarePickRow *pick = &g_array_index (items, FanfarePickRow, index);

  g_string_append_printf (first, "%s%u", first->len > 0 ? " " : "", pick->track_id);
  g_string_append_printf (second, "%s%u", second->len > 0 ? " " : "", pick->reason_track_id);
}

static gboolean
save_popular (FanfareConnection *conn,
              GArray            *popular,
              GError           **error)
{
  static const char sql[] = "INSERT INTO popular_tracks (rank, track_id, listeners) VALUES (?1, ?2, ?3)";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < popular->len; i++)
    {
      const FanfarePopularTrack *track = &g_array_index (popular, FanfarePopularTrack, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, track->track_id);
      sqlite3_bind_int64 (stmt, 3, track->listeners);
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
 * @popular: (element-type FanfarePopularTrack): the most listened first
 *
 * Replaces the neighbours, the picks and the popular tracks with a new
 * run's, for @day.
 */
gboolean
fanfare_discovery_store_save (FanfareDatabase *db,
                              const char      *day,
                              GArray          *neighbours,
                              GArray          *picks,
                              GArray          *popular,
                              guint            n_users,
                              GError         **error)
{
  static const char neighbours_sql[] =
    "INSERT INTO track_neighbours (track_id, neighbours) VALUES (?1, ?2)";
  static const char picks_sql[] = "INSERT INTO daily_picks (user_id, tracks, reasons, day) VALUES (?1, ?2, ?3, ?4)";
  static const char run_sql[] =
    "INSERT INTO recommender_runs (day, users, finished_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (day) DO UPDATE SET users = ?2, finished_at = ?3";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !_fanfare_connection_exec (conn, "DELETE FROM track_neighbours; DELETE FROM daily_picks;"
                                 " DELETE FROM popular_tracks", error) ||
      !save_popular (conn, popular, error) ||
      !save_groups (conn, neighbours_sql, NULL, neighbours, neighbour_key, append_neighbour, error) ||
      !save_groups (conn, picks_sql, day, picks, pick_key, append_pick, error) ||
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

/* Fetches the tracks of @rows as @viewer may see them, the picks and
 * their reasons in one query; rows whose track the viewer may not see are
 * left out. */
GPtrArray *
_fanfare_discovery_store_fetch_picks (FanfareConnection   *conn,
                                      const FanfareViewer *viewer,
                                      GArray              *rows,
                                      GError             **error)
{
  g_autoptr(GPtrArray) picks = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_pick_free);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len * 2);
  g_autoptr(GHashTable) tracks = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const FanfarePickStored *row = &g_array_index (rows, FanfarePickStored, i);

      g_array_append_val (ids, row->track_id);
      if (row->reason_track_id != 0)
        g_array_append_val (ids, row->reason_track_id);
    }
  tracks = _fanfare_catalog_store_fetch_tracks (conn, viewer, (const gint64 *) ids->data, ids->len, error);
  if (tracks == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const FanfarePickStored *row = &g_array_index (rows, FanfarePickStored, i);
      FanfareTrack *track = g_hash_table_lookup (tracks, &row->track_id);
      FanfarePick *pick;

      if (track == NULL)
        continue;

      pick = g_new0 (FanfarePick, 1);
      pick->reason = row->reason;
      pick->score = row->score;
      pick->track = g_object_ref (track);
      /* A reason the viewer may no longer see is no reason to give. */
      if (row->reason_track_id != 0)
        g_set_object (&pick->reason_track, g_hash_table_lookup (tracks, &row->reason_track_id));
      if (row->reason_track_id != 0 && pick->reason_track == NULL)
        pick->reason = FANFARE_PICK_REASON_POPULAR;
      g_ptr_array_add (picks, pick);
    }

  return g_steal_pointer (&picks);
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
