/* fanfare-discovery-store-picks.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A listener's picks of the day, read for every request of the Discover
 * page. Which picks the viewer may see, and what their tracks are called
 * now, is read each time; only what is made of a track's values (its
 * JSON form) may be kept by the caller, under a key that holds those
 * values, so a track changed, hidden or removed is never served as it
 * was. */

#include "config.h"

#include <stdlib.h>

#include "fanfare-discovery-store-private.h"
#include "fanfare-track.h"

typedef struct {
  gint64       position;
  FanfarePick *pick;
} Placed;

static int
compare_placed (gconstpointer  a,
                gconstpointer  b)
{
  const Placed *x = a, *y = b;

  return (x->position > y->position) - (x->position < y->position);
}

/* A light track for a reason: the reason names it, no more. */
static FanfareTrack *
reason_track (FanfareStatement *stmt,
              int               column)
{
  g_autofree char *id = _fanfare_statement_dup_id (stmt, column);

  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", id,
                       "source", FANFARE_SOURCE_PLATFORM,
                       "title", _fanfare_statement_get_text (stmt, column + 1),
                       "artist", _fanfare_statement_get_text (stmt, column + 2),
                       NULL);
}

/* The pick of the current row; with @lookup, the tracks are made only
 * when the caller has no form for their values. */
static FanfarePick *
pick_from_row (FanfareConnection *conn,
               FanfareStatement  *stmt,
               int                reason_column,
               FanfareFormLookup  lookup,
               gpointer           user_data)
{
  FanfarePick *pick = g_new0 (FanfarePick, 1);

  if (lookup != NULL)
    {
      pick->track_key = _fanfare_connection_row_key (conn, stmt, 't', 0, _FANFARE_TRACK_N_FIELDS);
      pick->track_form = lookup (pick->track_key, user_data);
    }
  if (pick->track_form == NULL)
    pick->track = _fanfare_catalog_store_track_from_row (conn, stmt);

  pick->reason = FANFARE_PICK_REASON_POPULAR;
  if (sqlite3_column_type (stmt, reason_column) == SQLITE_NULL)
    return pick;

  pick->reason = FANFARE_PICK_REASON_PLAYED;
  if (lookup != NULL)
    {
      pick->reason_key = _fanfare_connection_row_key (conn, stmt, 'p', reason_column, 3);
      pick->reason_form = lookup (pick->reason_key, user_data);
    }
  if (pick->reason_form == NULL)
    pick->reason_track = reason_track (stmt, reason_column);

  return pick;
}

/**
 * fanfare_discovery_store_list_daily_picks:
 * @lookup: (nullable): what the caller made of tracks before
 * @day: (out) (transfer full) (nullable): the day the picks were made
 *   for, or %NULL when none were made for @viewer yet
 *
 * Returns: (transfer container) (element-type FanfarePick): the viewer's
 *   latest picks, the best first
 */
GPtrArray *
fanfare_discovery_store_list_daily_picks (FanfareDatabase     *db,
                                          const FanfareViewer *viewer,
                                          FanfareFormLookup    lookup,
                                          gpointer             user_data,
                                          char               **day,
                                          GError             **error)
{
  /* One statement reads the user's row of picks by its key and the
   * picked tracks and the reasons' by theirs: the lists are numbers apart
   * by spaces, read as JSON arrays. A reason the viewer may no longer see
   * is read as none. The rows come in no set order and are put in the
   * list's here: an ORDER BY would sort them in SQLite, whose sorter
   * costs more than the rest of the statement. */
  static const char sql[] =
    "WITH p AS (SELECT day, '[' || replace (tracks, ' ', ',') || ']' AS tracks,"
    "  '[' || replace (reasons, ' ', ',') || ']' AS reasons FROM daily_picks WHERE user_id = ?1)"
    " SELECT " _FANFARE_TRACK_FIELDS ", p.day, rt.id, rt.title, rar.name, j.key"
    " FROM p JOIN json_each (p.tracks) j"
    " JOIN " _FANFARE_TRACK_JOINS
    " LEFT JOIN tracks rt ON rt.id = json_extract (p.reasons, '$[' || j.key || ']')"
    "  AND EXISTS (SELECT 1 FROM albums ral JOIN artists rar2 ON rar2.id = ral.artist_id"
    "   WHERE ral.id = rt.album_id AND (ral.published = 1 OR rar2.user_id = ?8 OR ?9 = 1))"
    " LEFT JOIN artists rar ON rar.id = rt.artist_id"
    " WHERE t.id = j.value AND " _FANFARE_TRACK_VISIBLE;
  static const char day_sql[] = "SELECT day FROM daily_picks WHERE user_id = ?1";
  enum { DAY = _FANFARE_TRACK_N_FIELDS, REASON_ID, POSITION = REASON_ID + 3 };
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) picks = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_pick_free);
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), 32);
  int rc;

  *day = NULL;
  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  sqlite3_bind_int64 (stmt, 8, viewer->user_id);
  sqlite3_bind_int (stmt, 9, viewer->admin);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Placed row = { sqlite3_column_int64 (stmt, POSITION), NULL };

      if (*day == NULL)
        *day = _fanfare_statement_dup_text (stmt, DAY);
      row.pick = pick_from_row (conn, stmt, REASON_ID, lookup, user_data);
      g_array_append_val (placed, row);
    }
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < placed->len; i++)
        fanfare_pick_free (g_array_index (placed, Placed, i).pick);
      g_clear_pointer (day, g_free);
      _fanfare_statement_error (stmt, error);
      return NULL;
    }
  _fanfare_statement_reset (stmt);

  qsort (placed->data, placed->len, sizeof (Placed), compare_placed);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (picks, g_array_index (placed, Placed, i).pick);

  /* Picks made but none the viewer may see: the day still says when. */
  if (*day == NULL)
    {
      g_autoptr(FanfareStatement) dated = _fanfare_connection_prepare (conn, day_sql, error);

      if (dated == NULL)
        return NULL;
      sqlite3_bind_int64 (dated, 1, viewer->user_id);
      if (sqlite3_step (dated) == SQLITE_ROW)
        *day = _fanfare_statement_dup_text (dated, 0);
    }

  return g_steal_pointer (&picks);
}
