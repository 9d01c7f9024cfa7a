/* fanfare-recommender.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Daily picks from item-to-item co-listening. Each user's history becomes
 * a basket: their most played tracks, at most BASKET. Two tracks are near
 * when many baskets hold both, relative to how many hold each (cosine),
 * and each track keeps its NEIGHBOURS nearest. A user's picks are the
 * neighbours of their basket they never played, weighted by how often
 * they played the track that brought each in, which is also the pick's
 * reason; popular tracks fill what is left. Everything is in arrays
 * indexed by id and every tie is broken by the lower id, so the same
 * history gives the same picks. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fanfare-discovery-store.h"
#include "fanfare-recommender.h"

#define HISTORY_DAYS 180
#define BASKET       64
#define NEIGHBOURS   20
#define MAX_WORKERS  8
#define POPULAR_KEPT 500

typedef struct {
  guint32  n_users;        /* ids run from 0 to n_users - 1 */
  guint32  n_tracks;
  guint32 *user_start;     /* n_users + 1: each user's distinct tracks */
  guint32 *user_tracks;    /* the most played first, then by id */
  guint32 *user_counts;
  guint32 *track_start;    /* n_tracks + 1: the baskets holding each track */
  guint32 *track_users;
  guint32 *popularity;     /* distinct listeners of each track */
  guint32 *neighbour_ids;  /* n_tracks * NEIGHBOURS, 0 for none */
  float   *neighbour_scores;
} Model;

typedef struct {
  guint32 id;
  guint32 reason;
  float   score;
} Scored;

static double
seconds_since (gint64  started)
{
  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

static void
model_clear (Model *model)
{
  g_free (model->user_start);
  g_free (model->user_tracks);
  g_free (model->user_counts);
  g_free (model->track_start);
  g_free (model->track_users);
  g_free (model->popularity);
  g_free (model->neighbour_ids);
  g_free (model->neighbour_scores);
}

static int
compare_u32 (const void *a,
             const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

static guint32
basket_size (const Model *model,
             guint32      user)
{
  return MIN (BASKET, model->user_start[user + 1] - model->user_start[user]);
}

/* Groups the plays by user into distinct tracks with counts, the most
 * played first. */
static void
build_histories (Model  *model,
                 GArray *pairs)
{
  guint32 *offsets = g_new0 (guint32, model->n_users + 1);
  guint32 *plays = g_new (guint32, pairs->len);
  guint32 n_distinct = 0;

  for (guint i = 0; i < pairs->len; i++)
    offsets[g_array_index (pairs, FanfarePlayPair, i).user_id + 1]++;
  for (guint32 u = 0; u < model->n_users; u++)
    offsets[u + 1] += offsets[u];
  {
    g_autofree guint32 * fill = g_memdup2 (offsets, sizeof (guint32) * model->n_users);

    for (guint i = 0; i < pairs->len; i++)
      {
        const FanfarePlayPair *pair = &g_array_index (pairs, FanfarePlayPair, i);

        plays[fill[pair->user_id]++] = pair->track_id;
      }
  }

  model->user_start = g_new0 (guint32, model->n_users + 1);
  model->user_tracks = g_new (guint32, pairs->len);
  model->user_counts = g_new (guint32, pairs->len);
  model->popularity = g_new0 (guint32, model->n_tracks);
  for (guint32 u = 0; u < model->n_users; u++)
    {
      guint32 start = offsets[u], end = offsets[u + 1];
      guint32 first = n_distinct;

      qsort (plays + start, end - start, sizeof (guint32), compare_u32);
      for (guint32 i = start; i < end; i++)
        {
          if (i > start && plays[i] == plays[i - 1])
            {
              model->user_counts[n_distinct - 1]++;
              continue;
            }
          model->user_tracks[n_distinct] = plays[i];
          model->user_counts[n_distinct++] = 1;
          model->popularity[plays[i]]++;
        }

      /* The most played first: a stable insertion sort keeps ids in order
       * among equal counts. */
      for (guint32 i = first + 1; i < n_distinct; i++)
        {
          guint32 track = model->user_tracks[i], count = model->user_counts[i], j = i;

          for (; j > first && model->user_counts[j - 1] < count; j--)
            {
              model->user_tracks[j] = model->user_tracks[j - 1];
              model->user_counts[j] = model->user_counts[j - 1];
            }
          model->user_tracks[j] = track;
          model->user_counts[j] = count;
        }
      model->user_start[u + 1] = n_distinct;
    }

  g_free (offsets);
  g_free (plays);
}

/* Which baskets hold each track, the users in order. */
static void
build_listeners (Model *model)
{
  guint32 *fill;

  model->track_start = g_new0 (guint32, model->n_tracks + 1);
  for (guint32 u = 0; u < model->n_users; u++)
    for (guint32 i = 0; i < basket_size (model, u); i++)
      model->track_start[model->user_tracks[model->user_start[u] + i] + 1]++;
  for (guint32 t = 0; t < model->n_tracks; t++)
    model->track_start[t + 1] += model->track_start[t];

  model->track_users = g_new (guint32, model->track_start[model->n_tracks]);
  fill = g_memdup2 (model->track_start, sizeof (guint32) * model->n_tracks);
  for (guint32 u = 0; u < model->n_users; u++)
    for (guint32 i = 0; i < basket_size (model, u); i++)
      {
        guint32 t = model->user_tracks[model->user_start[u] + i];

        model->track_users[fill[t]++] = u;
      }
  g_free (fill);
}

static gboolean
ranks_before (const Scored *a,
              const Scored *b)
{
  return a->score > b->score || (a->score == b->score && a->id < b->id);
}

/* Keeps the best @k in @top, sorted, as candidates come. */
static void
top_insert (Scored       *top,
            guint        *n,
            guint         k,
            const Scored *candidate)
{
  guint i;

  if (*n == k && !ranks_before (candidate, &top[k - 1]))
    return;

  i = *n < k ? (*n)++ : k - 1;
  for (; i > 0 && ranks_before (candidate, &top[i - 1]); i--)
    top[i] = top[i - 1];
  top[i] = *candidate;
}

/* A share of the work: every n_workers-th track or user from worker. */
typedef struct {
  Model         *model;
  guint          worker;
  guint          n_workers;
  guint          n_picks;
  const guint32 *popular;      /* tracks by listeners, the most first */
  guint32        n_popular;
  Scored        *picks;        /* n_users * n_picks */
  guint8        *n_user_picks; /* n_users */
} Work;

static gpointer
neighbours_worker (gpointer  data)
{
  Work *work = data;
  Model *model = work->model;
  g_autofree guint32 * together = g_new0 (guint32, model->n_tracks);
  g_autofree guint32 * touched = g_new (guint32, model->n_tracks);
  Scored top[NEIGHBOURS];

  for (guint32 t = 1 + work->worker; t < model->n_tracks; t += work->n_workers)
    {
      guint32 n_touched = 0;
      guint32 holders = model->track_start[t + 1] - model->track_start[t];
      guint n_top = 0;

      for (guint32 i = model->track_start[t]; i < model->track_start[t + 1]; i++)
        {
          guint32 u = model->track_users[i];
          const guint32 *basket = model->user_tracks + model->user_start[u];

          for (guint32 j = 0; j < basket_size (model, u); j++)
            if (basket[j] != t && together[basket[j]]++ == 0)
              touched[n_touched++] = basket[j];
        }

      for (guint32 i = 0; i < n_touched; i++)
        {
          guint32 s = touched[i];
          guint32 s_holders = model->track_start[s + 1] - model->track_start[s];
          Scored candidate = { s, 0, together[s] / sqrtf ((float) holders * s_holders) };

          top_insert (top, &n_top, NEIGHBOURS, &candidate);
          together[s] = 0;
        }

      for (guint i = 0; i < n_top; i++)
        {
          model->neighbour_ids[(gsize) t * NEIGHBOURS + i] = top[i].id;
          model->neighbour_scores[(gsize) t * NEIGHBOURS + i] = top[i].score;
        }
    }

  return NULL;
}

/* One user's picks, into @top; answers how many. */
static guint
pick_for_user (Work    *work,
               guint32  u,
               float   *score,
               Scored  *best,
               guint32 *seen,
               guint32 *touched,
               Scored  *top)
{
  Model *model = work->model;
  guint32 start = model->user_start[u], end = model->user_start[u + 1];
  guint32 stamp = u + 1, n_touched = 0;
  guint n_top = 0;

  /* Whatever the user played is not a pick. */
  for (guint32 i = start; i < end; i++)
    seen[model->user_tracks[i]] = stamp;

  for (guint32 i = 0; i < basket_size (model, u); i++)
    {
      guint32 seed = model->user_tracks[start + i];
      float weight = log2f (1.0f + model->user_counts[start + i]);

      for (guint k = 0; k < NEIGHBOURS; k++)
        {
          guint32 n = model->neighbour_ids[(gsize) seed * NEIGHBOURS + k];
          Scored reason = { seed, 0, weight * model->neighbour_scores[(gsize) seed * NEIGHBOURS + k] };

          if (n == 0 || seen[n] == stamp)
            continue;
          if (score[n] == 0)
            {
              touched[n_touched++] = n;
              best[n] = reason;
            }
          else if (ranks_before (&reason, &best[n]))
            best[n] = reason;
          score[n] += reason.score;
        }
    }

  for (guint32 i = 0; i < n_touched; i++)
    {
      guint32 n = touched[i];
      Scored candidate = { n, best[n].id, score[n] };

      top_insert (top, &n_top, work->n_picks, &candidate);
      score[n] = 0;
    }

  /* Popular tracks fill the rest. */
  for (guint i = 0; i < n_top; i++)
    seen[top[i].id] = stamp;
  for (guint32 i = 0; i < work->n_popular && n_top < work->n_picks; i++)
    if (seen[work->popular[i]] != stamp)
      {
        Scored filler = { work->popular[i], 0, 0 };

        top[n_top++] = filler;
      }

  return n_top;
}

static gpointer
picks_worker (gpointer  data)
{
  Work *work = data;
  Model *model = work->model;
  g_autofree float *score = g_new0 (float, model->n_tracks);
  g_autofree Scored * best = g_new0 (Scored, model->n_tracks);
  g_autofree guint32 * seen = g_new0 (guint32, model->n_tracks);
  g_autofree guint32 * touched = g_new (guint32, model->n_tracks);

  for (guint32 u = work->worker; u < model->n_users; u += work->n_workers)
    if (model->user_start[u + 1] > model->user_start[u])
      work->n_user_picks[u] = pick_for_user (work, u, score, best, seen, touched,
                                             work->picks + (gsize) u * work->n_picks);

  return NULL;
}

/* Runs @func over @n_workers shares of the work at once. */
static void
run_workers (GThreadFunc  func,
             const Work  *template,
             guint        n_workers)
{
  g_autofree Work * works = g_new (Work, n_workers);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint w = 0; w < n_workers; w++)
    {
      works[w] = *template;
      works[w].worker = w;
      works[w].n_workers = n_workers;
      g_ptr_array_add (threads, g_thread_new ("recommender", func, &works[w]));
    }
  for (guint w = 0; w < n_workers; w++)
    g_thread_join (g_ptr_array_index (threads, w));
}

static int
compare_popularity (const void *a,
                    const void *b,
                    void       *data)
{
  const guint32 *popularity = data;
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  if (popularity[x] != popularity[y])
    return popularity[x] > popularity[y] ? -1 : 1;

  return (x > y) - (x < y);
}

static void
build_neighbours (Model *model,
                  guint  n_workers)
{
  Work work = { model, };

  model->neighbour_ids = g_new0 (guint32, (gsize) model->n_tracks * NEIGHBOURS);
  model->neighbour_scores = g_new0 (float, (gsize) model->n_tracks * NEIGHBOURS);
  run_workers (neighbours_worker, &work, n_workers);
}

/* The tracks with listeners, the most listened first. */
static guint32 *
rank_popular (const Model *model,
              guint32     *n_popular)
{
  guint32 *popular = g_new (guint32, model->n_tracks);

  *n_popular = 0;
  for (guint32 t = 1; t < model->n_tracks; t++)
    if (model->popularity[t] > 0)
      popular[(*n_popular)++] = t;
  g_qsort_with_data (popular, *n_popular, sizeof (guint32), compare_popularity, model->popularity);

  return popular;
}

/* Each user's picks, into @picks as rows of the store. */
static void
build_picks (Model         *model,
             const guint32 *popular,
             guint32        n_popular,
             guint          n_picks,
             guint          n_workers,
             GArray        *picks)
{
  g_autofree Scored * all = g_new (Scored, (gsize) model->n_users * n_picks);
  g_autofree guint8 * counts = g_new0 (guint8, model->n_users);
  Work work = { model, 0, 0, n_picks, popular, n_popular, all, counts };

  run_workers (picks_worker, &work, n_workers);

  for (guint32 u = 0; u < model->n_users; u++)
    for (guint i = 0; i < counts[u]; i++)
      {
        const Scored *pick = &all[(gsize) u * n_picks + i];
        FanfarePickRow row = { u, pick->id, pick->reason, pick->score };

        g_array_append_val (picks, row);
      }
}

static GArray *
neighbour_rows (const Model *model)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (FanfareNeighbour));

  for (guint32 t = 1; t < model->n_tracks; t++)
    for (guint k = 0; k < NEIGHBOURS && model->neighbour_ids[(gsize) t * NEIGHBOURS + k] != 0; k++)
      {
        FanfareNeighbour row = {
          t, model->neighbour_ids[(gsize) t * NEIGHBOURS + k], model->neighbour_scores[(gsize) t * NEIGHBOURS + k],
        };

        g_array_append_val (rows, row);
      }

  return rows;
}

/**
 * fanfare_recommender_run:
 * @day: the day to pick for
 * @report: (out caller-allocates) (optional): what was done, how fast
 *
 * Recomputes every listener's picks of @day from the plays of the half
 * year before it, and the neighbours the radio uses.
 */
gboolean
fanfare_recommender_run (FanfareDatabase          *db,
                         GDateTime                *day,
                         FanfareRecommenderReport *report,
                         GError                  **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (FanfarePlayPair));
  g_autoptr(GArray) picks = g_array_new (FALSE, FALSE, sizeof (FanfarePickRow));
  g_autoptr(GArray) neighbours = NULL;
  g_autoptr(GArray) popular_kept = g_array_new (FALSE, FALSE, sizeof (FanfarePopularTrack));
  g_autofree guint32 * popular = NULL;
  guint32 n_popular = 0;
  g_autofree char *day_name = g_date_time_format (day, "%Y-%m-%d");
  gint64 started = g_get_monotonic_time ();
  guint n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  Model model = { 0, };
  guint n_users = 0;
  gboolean ok;

  if (!fanfare_discovery_store_load_plays (db, g_date_time_to_unix (day) - HISTORY_DAYS * 86400, pairs, error))
    return FALSE;
  g_debug ("Recommender: read %u plays in %.1f s", pairs->len, seconds_since (started));

  for (guint i = 0; i < pairs->len; i++)
    {
      const FanfarePlayPair *pair = &g_array_index (pairs, FanfarePlayPair, i);

      model.n_users = MAX (model.n_users, pair->user_id + 1);
      model.n_tracks = MAX (model.n_tracks, pair->track_id + 1);
    }

  build_histories (&model, pairs);
  g_array_set_size (pairs, 0);
  build_listeners (&model);
  g_debug ("Recommender: histories ready at %.1f s", seconds_since (started));
  build_neighbours (&model, n_workers);
  g_debug ("Recommender: neighbours ready at %.1f s", seconds_since (started));
  popular = rank_popular (&model, &n_popular);
  build_picks (&model, popular, n_popular, FANFARE_RECOMMENDER_PICKS, n_workers, picks);
  for (guint32 i = 0; i < MIN (n_popular, POPULAR_KEPT); i++)
    {
      FanfarePopularTrack track = { popular[i], model.popularity[popular[i]] };

      g_array_append_val (popular_kept, track);
    }
  neighbours = neighbour_rows (&model);
  for (guint32 u = 0; u < model.n_users; u++)
    n_users += model.user_start[u + 1] > model.user_start[u];
  g_debug ("Recommender: %u users, %u neighbours, %u picks computed at %.1f s", n_users, neighbours->len,
           picks->len, seconds_since (started));

  ok = fanfare_discovery_store_save (db, day_name, neighbours, picks, popular_kept, n_users, error);

  if (report != NULL)
    *report = (FanfareRecommenderReport) {
      n_users, neighbours->len, picks->len, seconds_since (started),
    }
  ;
  model_clear (&model);

  return ok;
}
