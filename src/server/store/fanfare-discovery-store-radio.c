/* fanfare-discovery-store-radio.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The personal radio: an endless queue served a batch at a time. Each
 * seed (a track the listener plays most, likes or skipped) lends its
 * neighbours its weight: a like counts three plays, a skip pushes the
 * skipped track's neighbours down. What was served is not served again
 * until the radio has run out of everything else. */

#include "config.h"

#include "fanfare-discovery-store-private.h"
#include "fanfare-error.h"

#define RADIO_SEEDS        20
#define RADIO_HISTORY_DAYS 90
#define LIKE_WEIGHT        3.0
#define SKIP_WEIGHT        (-2.0)
#define POPULAR_POOL       200

typedef struct {
  gint64            track_id;
  double            score;
  double            best;       /* the largest single contribution */
  gint64            reason_track_id;
  FanfarePickReason reason;
} Candidate;

static int
compare_candidates (gconstpointer  a,
                    gconstpointer  b)
{
  const Candidate *x = *(const Candidate **) a;
  const Candidate *y = *(const Candidate **) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;

  return (x->track_id > y->track_id) - (x->track_id < y->track_id);
}

typedef struct {
  gint64   track_id;
  double   weight;
  gboolean liked;
} Seed;

static gboolean
read_seeds (FanfareConnection *conn,
            gint64             user_id,
            GArray            *seeds,
            GError           **error)
{
  static const char sql[] =
    "SELECT track_id, CASE kind WHEN 'like' THEN " G_STRINGIFY (LIKE_WEIGHT) " ELSE " G_STRINGIFY (SKIP_WEIGHT)
    " END, kind = 'like' FROM radio_feedback WHERE user_id = ?1"
    " UNION ALL SELECT track_id, 1.0, 0 FROM (SELECT track_id, count(*) AS n FROM plays"
    "  WHERE user_id = ?1 AND played_at >= ?2 GROUP BY track_id ORDER BY n DESC, track_id LIMIT ?3)";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, _fanfare_now () - RADIO_HISTORY_DAYS * 86400);
  sqlite3_bind_int (stmt, 3, RADIO_SEEDS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Seed seed = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1), sqlite3_column_int (stmt, 2) };

      g_array_append_val (seeds, seed);
    }

  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  return TRUE;
}

static Candidate *
ensure_candidate (GHashTable *candidates,
                  gint64      track_id)
{
  Candidate *candidate = g_hash_table_lookup (candidates, &track_id);

  if (candidate == NULL)
    {
      candidate = g_new0 (Candidate, 1);
      candidate->track_id = track_id;
      g_hash_table_insert (candidates, &candidate->track_id, candidate);
    }

  return candidate;
}

/* Lends @seed's weight to each of its neighbours ("ID:SCORE …"). */
static void
score_seed (GHashTable *candidates,
            const Seed *seed,
            const char *neighbours)
{
  g_auto(GStrv) items = g_strsplit (neighbours, " ", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 track_id = g_ascii_strtoll (items[i], &end, 10);
      double contribution;
      Candidate *candidate;

      if (end == NULL || *end != ':' || track_id <= 0)
        continue;

      contribution = seed->weight * g_ascii_strtod (end + 1, NULL);
      candidate = ensure_candidate (candidates, track_id);
      candidate->score += contribution;
      if (contribution > candidate->best ||
          (contribution == candidate->best && contribution > 0 && seed->track_id < candidate->reason_track_id))
        {
          candidate->best = contribution;
          candidate->reason_track_id = seed->track_id;
          candidate->reason = seed->liked ? FANFARE_PICK_REASON_LIKED : FANFARE_PICK_REASON_PLAYED;
        }
    }
}

/* Adds each seed's neighbours, weighted, into @candidates. */
static gboolean
score_neighbours (FanfareConnection *conn,
                  gint64             user_id,
                  GHashTable        *candidates,
                  GError           **error)
{
  static const char sql[] = "SELECT neighbours FROM track_neighbours WHERE track_id = ?1";
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  g_autoptr(FanfareStatement) stmt = NULL;

  if (!read_seeds (conn, user_id, seeds, error) || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < seeds->len; i++)
    {
      const Seed *seed = &g_array_index (seeds, Seed, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, seed->track_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        score_seed (candidates, seed, _fanfare_statement_get_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        return _fanfare_statement_error (stmt, error);
    }

  return TRUE;
}

/* Adds the most listened tracks of the last run, below every neighbour. */
static gboolean
score_popular (FanfareConnection *conn,
               GHashTable        *candidates,
               GError           **error)
{
  static const char sql[] = "SELECT track_id FROM popular_tracks ORDER BY rank LIMIT ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  guint rank = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, POPULAR_POOL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 track_id = sqlite3_column_int64 (stmt, 0);
      Candidate *candidate;

      rank++;
      if (g_hash_table_contains (candidates, &track_id))
        continue;

      /* Tiny and falling with the rank: after anything with a reason. */
      candidate = ensure_candidate (candidates, track_id);
      candidate->score = 1e-6 / rank;
      candidate->reason = FANFARE_PICK_REASON_POPULAR;
    }

  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  return TRUE;
}

/* Takes out what was served already and what the listener skipped. */
static gboolean
remove_excluded (FanfareConnection *conn,
                 gint64             user_id,
                 GHashTable        *candidates,
                 GError           **error)
{
  static const char sql[] =
    "SELECT track_id FROM radio_served WHERE user_id = ?1"
    " UNION SELECT track_id FROM radio_feedback WHERE user_id = ?1 AND kind = 'skip'";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 track_id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_remove (candidates, &track_id);
    }

  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  return TRUE;
}

/* The best @limit of what may be served now, into @rows. */
static gboolean
choose (FanfareConnection *conn,
        gint64             user_id,
        guint              limit,
        GArray            *rows,
        GError           **error)
{
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GPtrArray) sorted = NULL;
  GHashTableIter iter;
  gpointer value;

  if (!score_neighbours (conn, user_id, candidates, error) || !score_popular (conn, candidates, error) ||
      !remove_excluded (conn, user_id, candidates, error))
    return FALSE;

  sorted = g_ptr_array_sized_new (g_hash_table_size (candidates));
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_candidates);
  for (guint i = 0; i < sorted->len && rows->len < limit; i++)
    {
      const Candidate *candidate = g_ptr_array_index (sorted, i);
      FanfarePickStored row = { candidate->track_id, candidate->reason_track_id, candidate->reason, candidate->score };

      if (candidate->score <= 0)
        break;
      if (candidate->reason == FANFARE_PICK_REASON_POPULAR)
        row.reason_track_id = 0;
      g_array_append_val (rows, row);
    }

  return TRUE;
}

static gboolean
run_for_user (FanfareConnection *conn,
              const char        *sql,
              gint64             user_id,
              gint64             track_id,
              GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, track_id);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_discovery_store_next_radio:
 *
 * Serves the next batch of @viewer's radio and remembers it as served.
 *
 * Returns: (transfer container) (element-type FanfarePick): up to @limit
 *   tracks, each with its reason
 */
GPtrArray *
fanfare_discovery_store_next_radio (FanfareDatabase     *db,
                                    const FanfareViewer *viewer,
                                    guint                limit,
                                    GError             **error)
{
  static const char clear_sql[] = "DELETE FROM radio_served WHERE user_id = ?1 AND ?2 = ?2 AND ?3 = ?3";
  static const char serve_sql[] =
    "INSERT INTO radio_served (user_id, track_id, served_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (user_id, track_id) DO UPDATE SET served_at = ?3";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (FanfarePickStored));
  g_autoptr(GPtrArray) picks = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !choose (conn, viewer->user_id, limit, rows, error))
    return NULL;

  /* Run out: start over, but not with what this batch has already. */
  if (rows->len < limit)
    {
      if (!run_for_user (conn, clear_sql, viewer->user_id, 0, error))
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        if (!run_for_user (conn, serve_sql, viewer->user_id, g_array_index (rows, FanfarePickStored, i).track_id, error))
          return NULL;
      if (!choose (conn, viewer->user_id, limit, rows, error))
        return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    if (!run_for_user (conn, serve_sql, viewer->user_id, g_array_index (rows, FanfarePickStored, i).track_id, error))
      return NULL;

  if ((picks = _fanfare_discovery_store_fetch_picks (conn, viewer, rows, error)) == NULL ||
      !_fanfare_connection_commit (conn, error))
    return NULL;

  return g_steal_pointer (&picks);
}
