/* fanfare-fp-match.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Matching: every hash of the clip that the index knows votes for a
 * placement of the clip in a track: its speed (from the pitch of the
 * anchors, which a speed change moves) and where the clip starts (from
 * the anchors' frames, scaled by that speed). Hashes that agree by chance
 * scatter their votes; a clip cut from an indexed track piles them on one
 * placement. The answer is the placement with the most votes, if it has
 * clearly more than any placement in another track. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fanfare-fp-match.h"

#define MAX_LOG2_SPEED   0.14    /* +-10 % */
#define SPAN_TOLERANCE   0.25    /* the intervals' ratio may stray from the speed this much */
#define OFFSET_BIN       4       /* frames: 64 ms */
#define SPEED_BIN        0.01    /* in log2 speed: 0.7 % */
#define MIN_SCORE        8
#define MIN_STRETCHES    4       /* half seconds of the clip that agree */
#define FRAME_JITTER     2.0     /* frames a peak may wander */
#define MIN_SPEED_TOLERANCE 0.01 /* pitch and time may always disagree by 1 % */
#define MIN_MARGIN       2.0     /* the best over the best of other tracks */
#define STRONG_SCORE     16      /* votes that may come from fewer half seconds... */
#define STRONG_MARGIN    4.0     /* ...when they stand this far above any other track */

typedef struct {
  guint   votes;
  guint32 coverage;            /* a bit for each half second of the clip that voted */
  double  log2_speed_sum;
  double  offset_sum;
  /* For the line from the clip's frames to the track's. */
  double  sum_q, sum_r, sum_qq, sum_qr;
} Cell;

static guint64
cell_key (guint  track,
          gint   offset_bin,
          gint   speed_bin)
{
  return ((guint64) track << 40) |
         ((guint64) (guint32) (offset_bin + (1 << 27)) << 8) |
         (guint64) (guint8) (speed_bin + 128);
}

/* The votes of a cell and its neighbours, added up into @sum. */
static void
neighbourhood (GHashTable *cells,
               guint       track,
               gint        offset_bin,
               gint        speed_bin,
               Cell       *sum)
{
  memset (sum, 0, sizeof *sum);

  for (gint o = -1; o <= 1; o++)
    for (gint s = -1; s <= 1; s++)
      {
        guint64 key = cell_key (track, offset_bin + o, speed_bin + s);
        Cell *cell = g_hash_table_lookup (cells, &key);

        if (cell == NULL)
          continue;
        sum->votes += cell->votes;
        sum->coverage |= cell->coverage;
        sum->log2_speed_sum += cell->log2_speed_sum;
        sum->offset_sum += cell->offset_sum;
        sum->sum_q += cell->sum_q;
        sum->sum_r += cell->sum_r;
        sum->sum_qq += cell->sum_qq;
        sum->sum_qr += cell->sum_qr;
      }
}

/* How fast the track's frames go by against the clip's, fitted to the
 * votes, and how far off that may be (three standard errors, for peaks
 * that wander by a frame and a half); FALSE when the votes do not spread
 * enough to say. */
static gboolean
time_speed (const Cell *sum,
            double     *speed,
            double     *tolerance)
{
  double n = sum->votes;
  double spread = n * sum->sum_qq - sum->sum_q * sum->sum_q;

  if (spread <= 0.0)
    return FALSE;

  *speed = (n * sum->sum_qr - sum->sum_q * sum->sum_r) / spread;
  *tolerance = 3.0 * FRAME_JITTER / sqrt (spread / n);

  return TRUE;
}

/* The bit of the half second of the clip that @query is in. */
static guint32
stretch_of (const FanfareFpHash *query)
{
  return 1u << ((guint) (query->frame / (FANFARE_FP_FRAMES_PER_S / 2)) % 32);
}

static void
vote (GHashTable             *cells,
      const FanfareFpHash    *query,
      const FanfareFpPosting *posting)
{
  double log2_speed = (query->pitch - (double) posting->pitch) / 1024.0;
  double speed = exp2 (log2_speed);
  double span_ratio = (double) posting->span / query->span;
  double offset = posting->frame - speed * query->frame;
  guint64 key;
  Cell *cell;

  if (fabs (log2_speed) > MAX_LOG2_SPEED || fabs (log2 (span_ratio / speed)) > SPAN_TOLERANCE)
    return;

  key = cell_key (posting->track, (gint) floor (offset / OFFSET_BIN),
                  (gint) floor (log2_speed / SPEED_BIN));
  cell = g_hash_table_lookup (cells, &key);
  if (cell == NULL)
    {
      guint64 *owned_key = g_new (guint64, 1);

      *owned_key = key;
      cell = g_new0 (Cell, 1);
      g_hash_table_insert (cells, owned_key, cell);
    }

  cell->votes++;
  cell->coverage |= stretch_of (query);
  cell->log2_speed_sum += log2_speed;
  cell->offset_sum += offset;
  cell->sum_q += query->frame;
  cell->sum_r += posting->frame;
  cell->sum_qq += (double) query->frame * query->frame;
  cell->sum_qr += (double) query->frame * posting->frame;
}

/**
 * fanfare_fp_match:
 * @index: the index
 * @hashes: (element-type FanfareFpHash): the clip's hashes
 * @match: (out caller-allocates): the match, when there is one
 *
 * Returns: whether the clip was found, surely enough to name it
 */
gboolean
fanfare_fp_match (FanfareFpIndex *index,
                  GArray         *hashes,
                  FanfareFpMatch *match)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n_tracks = fanfare_fp_index_get_n_tracks (index);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0, second = 0;
  guint64 best_key = 0;
  guint32 query_coverage = 0;
  Cell best_sum = { 0 };
  double pitch_speed, frame_speed, tolerance;
  guint min_stretches;
  Cell *best_cell = NULL;

  for (guint i = 0; i < hashes->len; i++)
    {
      const FanfareFpHash *query = &g_array_index (hashes, FanfareFpHash, i);
      const FanfareFpPosting *postings;
      gsize n;

      query_coverage |= stretch_of (query);
      postings = fanfare_fp_index_lookup (index, query->hash, &n);

      for (gsize j = 0; j < n; j++)
        if (postings[j].track < n_tracks && query->span > 0)
          vote (cells, query, &postings[j]);
    }

  /* The best placement, and the best in any other track. */
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;
      guint track = k >> 40;
      gint offset_bin = (gint) ((k >> 8) & 0xffffffff) - (1 << 27);
      gint speed_bin = (gint) (k & 0xff) - 128;
      Cell sum;
      guint votes;

      neighbourhood (cells, track, offset_bin, speed_bin, &sum);
      votes = sum.votes;

      if (votes > best || (votes == best && k < best_key))
        {
          if (best_cell != NULL && (best_key >> 40) != track)
            second = MAX (second, best);
          best = votes;
          best_key = k;
          best_cell = value;
          best_sum = sum;
        }
      else if (track != (best_key >> 40))
        {
          second = MAX (second, votes);
        }
    }

  g_debug ("%u hashes, %u placements: best %u over %d half seconds (track %u), best elsewhere %u",
           hashes->len, g_hash_table_size (cells), best, __builtin_popcount (best_sum.coverage),
           (guint) (best_key >> 40), second);

  /* Music repeats itself, and songs share chords: votes that all come
   * from one moment of the clip are a coincidence, not a match. A clip
   * with music in only a few moments asks less. */
  min_stretches = MIN (MIN_STRETCHES, (guint) (__builtin_popcount (query_coverage) + 1) / 2);
  /* A narrow band (a telephone's, GSM's) leaves the music recognisable
   * only in its fullest moments: many votes from a second and a half, far
   * above any other track, are no coincidence. */
  if (best >= STRONG_SCORE && best >= STRONG_MARGIN * second)
    min_stretches = MIN (min_stretches, MIN_STRETCHES - 1);
  if (best_cell == NULL || best < MIN_SCORE || best < MIN_MARGIN * second ||
      (guint) __builtin_popcount (best_sum.coverage) < min_stretches)
    return FALSE;

  /* A song at another tempo in a related key can agree with the clip on
   * pitch for a few seconds: the clip's time must run at the speed its
   * pitch says, as it does when a record is played faster. */
  pitch_speed = exp2 (best_sum.log2_speed_sum / best_sum.votes);
  if (time_speed (&best_sum, &frame_speed, &tolerance))
    {
      g_debug ("speed from pitch %.4f, from time %.4f +- %.4f", pitch_speed, frame_speed, tolerance);
      if (fabs (frame_speed - pitch_speed) > MAX (tolerance, MIN_SPEED_TOLERANCE))
        return FALSE;
    }

  match->track = best_key >> 40;
  match->score = best;
  match->speed = exp2 (best_cell->log2_speed_sum / best_cell->votes);
  match->offset = MAX (0.0, best_cell->offset_sum / best_cell->votes) / FANFARE_FP_FRAMES_PER_S;
  match->confidence = MIN (1.0, (best - second) / (double) (MIN_SCORE * 4));

  return TRUE;
}
