/* fanfare-fp-extract.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* From PCM to hashes.
 *
 * The spectrum of each frame, in decibels, between 110 Hz and 3,500 Hz; a
 * peak is a bin that is the loudest of its neighbourhood (a quarter of a
 * second either side, a few semitones up and down) and stands clear of its
 * frame's median. Peaks survive noise, codecs and rooms better than
 * anything else in a spectrum.
 *
 * Hashes are made of three peaks in a row, as Panako does: the first (the
 * anchor) with two that follow within a second. A change of playback speed
 * by a factor s multiplies every frequency by s and divides every interval
 * by s, so the hash keeps only what s leaves alone: the two frequency
 * ratios (as log2 differences) and the ratio of the two intervals, plus a
 * coarse band of the anchor's pitch. A pair of peaks hashed with its time
 * interval, as most landmark systems do, breaks at 2 %. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fanfare-fp-extract.h"
#include "fanfare-fp-fft.h"

#define N_BINS          (FANFARE_FP_FRAME_SIZE / 2 + 1)
#define LOW_BIN         14      /* 109 Hz */
#define HIGH_BIN        448     /* 3,500 Hz */
#define PEAK_FRAMES     14      /* neighbourhood: +-224 ms */
#define PEAK_BINS       9       /* +-70 Hz */
#define PEAK_MIN_DB     10.0    /* above the frame's median */
#define SILENCE_DB      (-60.0)

#define TARGET_FRAMES   62      /* the two others within about a second */
#define MIN_SPAN        4
#define FAN_OUT_2       4       /* second peaks per anchor */
#define FAN_OUT_3       2       /* third peaks per second peak */

/* The quantisation of the hash's parts, in bits. */
#define RATIO_BITS      5       /* interval ratio, 32 steps over (0, 1) */
#define DPITCH_STEP     (1.0 / 12.0)
#define DPITCH_BITS     7       /* +-5.3 octaves in semitones */
#define BAND_STEP       0.5
#define BAND_BITS       4

/* The median, by selection: the values are reordered. */
static double
median_of (double *values,
           guint   n)
{
  guint k = n / 2, low = 0, high = n - 1;

  while (low < high)
    {
      double pivot = values[low + (high - low) / 2];
      guint i = low, j = high;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              double t = values[i];

              values[i] = values[j];
              values[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }

      if (k <= j)
        high = j;
      else if (k >= i)
        low = i;
      else
        break;
    }

  return values[k];
}

/* The spectrogram in decibels, bins LOW_BIN..HIGH_BIN of each frame. */
static float *
spectrogram (const float *samples,
             gsize        n_samples,
             guint       *n_frames)
{
  g_autoptr(FanfareFpFft) fft = fanfare_fp_fft_new (FANFARE_FP_FRAME_SIZE);
  g_autofree double *power = g_new (double, N_BINS);
  guint width = HIGH_BIN - LOW_BIN + 1;
  float *spectrum;

  *n_frames = n_samples < FANFARE_FP_FRAME_SIZE ? 0 :
              (n_samples - FANFARE_FP_FRAME_SIZE) / FANFARE_FP_HOP + 1;
  spectrum = g_new (float, (gsize) MAX (*n_frames, 1) * width);

  for (guint f = 0; f < *n_frames; f++)
    {
      fanfare_fp_fft_power (fft, samples + (gsize) f * FANFARE_FP_HOP, power);
      for (guint b = 0; b < width; b++)
        spectrum[(gsize) f * width + b] = 10.0 * log10 (power[LOW_BIN + b] + 1e-10);
    }

  return spectrum;
}

static gboolean
is_peak (const float *spectrum,
         guint        n_frames,
         guint        width,
         guint        f,
         guint        b)
{
  float v = spectrum[(gsize) f * width + b];
  guint f0 = f >= PEAK_FRAMES ? f - PEAK_FRAMES : 0;
  guint f1 = MIN (n_frames - 1, f + PEAK_FRAMES);
  guint b0 = b >= PEAK_BINS ? b - PEAK_BINS : 0;
  guint b1 = MIN (width - 1, b + PEAK_BINS);

  for (guint i = f0; i <= f1; i++)
    for (guint j = b0; j <= b1; j++)
      {
        float w = spectrum[(gsize) i * width + j];

        /* Ties go to the earliest, lowest bin, so a flat top is one peak. */
        if (w > v || (w == v && (i < f || (i == f && j < b))))
          return FALSE;
      }

  return TRUE;
}

/* Where the top of the parabola through three points lies, from -0.5 to
 * 0.5 around the middle one. */
static double
interpolate (double  left,
             double  middle,
             double  right)
{
  double curvature = left - 2.0 * middle + right;

  return curvature != 0.0 ? CLAMP (0.5 * (left - right) / curvature, -0.5, 0.5) : 0.0;
}

/**
 * fanfare_fp_extract_peaks:
 * @samples: (array length=n_samples): mono PCM at %FANFARE_FP_SAMPLE_RATE
 * @n_samples: how many
 *
 * Returns: (transfer full) (element-type FanfareFpPeak): the spectral peaks,
 *   in order of frame, then of frequency
 */
GArray *
fanfare_fp_extract_peaks (const float *samples,
                          gsize        n_samples)
{
  GArray *peaks = g_array_new (FALSE, FALSE, sizeof (FanfareFpPeak));
  guint width = HIGH_BIN - LOW_BIN + 1;
  g_autofree double *sorted = g_new (double, width);
  g_autofree float *spectrum = NULL;
  guint n_frames;

  spectrum = spectrogram (samples, n_samples, &n_frames);

  for (guint f = 0; f < n_frames; f++)
    {
      const float *row = spectrum + (gsize) f * width;
      double floor_db;

      for (guint b = 0; b < width; b++)
        sorted[b] = row[b];
      floor_db = MAX (median_of (sorted, width), SILENCE_DB) + PEAK_MIN_DB;

      for (guint b = 1; b + 1 < width; b++)
        {
          FanfareFpPeak peak;
          double shift;

          /* A cheap test first: most bins are not a local maximum. */
          if (row[b] < floor_db || row[b] < row[b - 1] || row[b] < row[b + 1] ||
              !is_peak (spectrum, n_frames, width, f, b))
            continue;

          /* The true frequency and time, from parabolas through three
           * bins and three frames. */
          shift = interpolate (row[b - 1], row[b], row[b + 1]);
          peak.frame = f;
          peak.time = f + interpolate (f > 0 ? spectrum[(gsize) (f - 1) * width + b] : row[b], row[b],
                                       f + 1 < n_frames ? spectrum[(gsize) (f + 1) * width + b] : row[b]);
          peak.log2_hz = log2 ((LOW_BIN + b + shift) *
                               FANFARE_FP_SAMPLE_RATE / (double) FANFARE_FP_FRAME_SIZE);
          peak.level = row[b];
          g_array_append_val (peaks, peak);
        }
    }

  return peaks;
}

/* Rounds to the nearest step: musical intervals are whole semitones, and
 * rounding puts them in the middle of their step, where floor() would put
 * them on its edge. */
static guint32
quantize (double  value,
          double  step,
          guint   bits)
{
  long q = lround (value / step) + (1l << (bits - 1));

  return (guint32) CLAMP (q, 0, (1l << bits) - 1);
}

static void
add_hash (GArray              *hashes,
          const FanfareFpPeak *p1,
          const FanfareFpPeak *p2,
          const FanfareFpPeak *p3)
{
  guint span = p3->frame - p1->frame;
  double ratio = CLAMP ((p2->time - p1->time) / (p3->time - p1->time), 0.0, 1.0);
  guint32 r = MIN ((guint32) (ratio * (1 << RATIO_BITS)), (1u << RATIO_BITS) - 1);
  guint32 d2 = quantize (p2->log2_hz - p1->log2_hz, DPITCH_STEP, DPITCH_BITS);
  guint32 d3 = quantize (p3->log2_hz - p1->log2_hz, DPITCH_STEP, DPITCH_BITS);
  guint32 band = quantize (p1->log2_hz - log2 (110.0), BAND_STEP, BAND_BITS + 1) & ((1u << BAND_BITS) - 1);
  FanfareFpHash hash;

  hash.hash = (((((band << RATIO_BITS) | r) << DPITCH_BITS) | d2) << DPITCH_BITS) | d3;
  hash.frame = p1->frame;
  hash.span = (guint16) MIN (span, G_MAXUINT16);
  hash.pitch = (guint16) CLAMP (lround (p1->log2_hz * 1024.0), 0, G_MAXUINT16);
  g_array_append_val (hashes, hash);
}

/* Louder first; among equals, earlier first, so the order is total. */
static int
compare_louder (gconstpointer  a,
                gconstpointer  b,
                gpointer       user_data)
{
  const FanfareFpPeak *p = user_data;
  const FanfareFpPeak *x = &p[*(const guint *) a], *y = &p[*(const guint *) b];

  if (x->level != y->level)
    return x->level > y->level ? -1 : 1;

  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/**
 * fanfare_fp_hashes_from_peaks:
 * @peaks: (element-type FanfareFpPeak): peaks in order of frame
 *
 * Returns: (transfer full) (element-type FanfareFpHash): the hashes, in
 *   order of their first peak
 */
GArray *
fanfare_fp_hashes_from_peaks (GArray *peaks)
{
  GArray *hashes = g_array_new (FALSE, FALSE, sizeof (FanfareFpHash));
  const FanfareFpPeak *p = (const FanfareFpPeak *) (gpointer) peaks->data;
  g_autoptr(GArray) zone = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < peaks->len; i++)
    {
      guint n2;

      /* The loudest peaks of the second after the anchor: noise adds
       * peaks, but weaker ones, and the choice stays with the music. */
      g_array_set_size (zone, 0);
      for (guint j = i + 1; j < peaks->len && p[j].frame <= p[i].frame + TARGET_FRAMES; j++)
        if (p[j].frame > p[i].frame)
          g_array_append_val (zone, j);
      g_array_sort_with_data (zone, compare_louder, (gpointer) p);

      n2 = MIN (zone->len, FAN_OUT_2);
      for (guint a = 0; a < n2; a++)
        {
          guint j = g_array_index (zone, guint, a);
          guint n3 = 0;

          for (guint c = 0; c < zone->len && n3 < FAN_OUT_3; c++)
            {
              guint k = g_array_index (zone, guint, c);

              if (p[k].frame <= p[j].frame || p[k].frame - p[i].frame < MIN_SPAN)
                continue;
              n3++;
              add_hash (hashes, &p[i], &p[j], &p[k]);
            }
        }
    }

  return hashes;
}

/**
 * fanfare_fp_extract_hashes:
 * @samples: (array length=n_samples): mono PCM at %FANFARE_FP_SAMPLE_RATE
 * @n_samples: how many
 *
 * Returns: (transfer full) (element-type FanfareFpHash): the hashes of the
 *   audio, the same bit for bit for the same samples
 */
GArray *
fanfare_fp_extract_hashes (const float *samples,
                           gsize        n_samples)
{
  g_autoptr(GArray) peaks = fanfare_fp_extract_peaks (samples, n_samples);

  return fanfare_fp_hashes_from_peaks (peaks);
}

/**
 * fanfare_fp_hashes_pack:
 * @hashes: (element-type FanfareFpHash): hashes of a clip
 *
 * Packs @hashes as the records a query sends (docs/api.md,
 * "Identification"): 10 bytes each, little-endian: the hash, then its
 * frame, span and pitch in 16 bits. Frames past 16 bits are left out.
 *
 * Returns: (transfer full): the records
 */
GBytes *
fanfare_fp_hashes_pack (GArray *hashes)
{
  GByteArray *packed = g_byte_array_sized_new (hashes->len * FANFARE_FP_RECORD_SIZE);

  for (guint i = 0; i < hashes->len; i++)
    {
      const FanfareFpHash *hash = &g_array_index (hashes, FanfareFpHash, i);
      guint8 record[FANFARE_FP_RECORD_SIZE] = {
        hash->hash & 0xff, (hash->hash >> 8) & 0xff, (hash->hash >> 16) & 0xff, hash->hash >> 24,
        hash->frame & 0xff, (hash->frame >> 8) & 0xff,
        hash->span & 0xff, hash->span >> 8,
        hash->pitch & 0xff, hash->pitch >> 8,
      };

      if (hash->frame > G_MAXUINT16)
        continue;
      g_byte_array_append (packed, record, sizeof record);
    }

  return g_byte_array_free_to_bytes (packed);
}
