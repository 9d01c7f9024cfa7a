/* test-fingerprint-fuzz.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library on what no one should send it, but someone will: PCM that
 * is not a number, infinite, denormal, full-scale noise, silence or a few
 * samples long; index files cut short, with bits flipped, with sizes that
 * lie, or made of noise; hashes no extractor makes. Extraction must give
 * hashes within their ranges, the loader must refuse a bad file with a
 * GError, and nothing may read out of bounds: the sanitized build runs
 * this too. Every run is the same (fixed seeds); FANFARE_FUZZ_ROUNDS runs
 * more of the random cases. */

#include "config.h"

#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fanfare-fp-extract.h"
#include "fanfare-fp-index.h"
#include "fanfare-fp-match.h"
#include "fanfare-test-music.h"

static guint
rounds (guint  base)
{
  const char *more = g_getenv ("FANFARE_FUZZ_ROUNDS");

  return more != NULL ? (guint) g_ascii_strtoull (more, NULL, 10) : base;
}

static void
assert_hashes_in_range (GArray *hashes,
                        gsize   n_samples)
{
  for (guint i = 0; i < hashes->len; i++)
    {
      const FanfareFpHash *hash = &g_array_index (hashes, FanfareFpHash, i);

      g_assert_cmpuint (hash->hash, <, 1u << 23);
      g_assert_cmpuint (hash->frame, <=, n_samples / FANFARE_FP_HOP);
      g_assert_cmpuint (hash->span, >, 0);
    }
}

/* Extraction, and a match of what it made against a small index. */
static void
extract_and_match (FanfareFpIndex *index,
                   const float    *samples,
                   gsize           n_samples)
{
  g_autoptr(GArray) peaks = fanfare_fp_extract_peaks (samples, n_samples);
  g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (samples, n_samples);
  FanfareFpMatch match;

  for (guint i = 0; i < peaks->len; i++)
    {
      const FanfareFpPeak *peak = &g_array_index (peaks, FanfareFpPeak, i);

      g_assert_true (isfinite (peak->time) && isfinite (peak->log2_hz) && isfinite (peak->level));
    }
  assert_hashes_in_range (hashes, n_samples);
  fanfare_fp_match (index, hashes, &match);
}

static FanfareFpIndex *
small_index (void)
{
  FanfareFpIndex *index = fanfare_fp_index_new ();

  for (guint i = 0; i < 3; i++)
    {
      gsize n;
      g_autofree float *samples = fanfare_test_music_new (40 + i, 20.0, &n);
      g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (samples, n);
      g_autofree char *id = g_strdup_printf ("song-%u", i);

      fanfare_fp_index_add (index, id, n / FANFARE_FP_HOP, hashes);
    }

  return index;
}

static void
test_fuzz_pcm_special (void)
{
  static const float specials[] = { NAN, INFINITY, -INFINITY, FLT_MAX, -FLT_MAX, FLT_MIN / 4, -FLT_MIN / 8, 0.0f };
  static const gsize lengths[] = { 0, 1, 2, 127, 128, 1023, 1024, 1025, 1151, 1152, 4096, 8000 * 3 };
  g_autoptr(FanfareFpIndex) index = small_index ();
  gsize n_music;
  g_autofree float *music = fanfare_test_music_new (7, 6.0, &n_music);
  g_autofree float *samples = g_new0 (float, n_music);

  /* Each special value everywhere, and sprinkled over music. */
  for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
    {
      for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
        {
          for (gsize i = 0; i < lengths[l]; i++)
            samples[i] = specials[s];
          extract_and_match (index, samples, lengths[l]);
        }

      memcpy (samples, music, n_music * sizeof (float));
      for (gsize i = 0; i < n_music; i += 997)
        samples[i] = specials[s];
      extract_and_match (index, samples, n_music);
    }

  /* Full scale, alternating, and a square wave at the edge of the range. */
  for (gsize i = 0; i < n_music; i++)
    samples[i] = i % 2 ? FLT_MAX : -FLT_MAX;
  extract_and_match (index, samples, n_music);
  for (gsize i = 0; i < n_music; i++)
    samples[i] = (i / 40) % 2 ? 1.0f : -1.0f;
  extract_and_match (index, samples, n_music);
  for (gsize i = 0; i < n_music; i++)
    samples[i] = (i / 3) % 2 ? FLT_MIN / 2 : -FLT_MIN / 2;
  extract_and_match (index, samples, n_music);
}

static void
test_fuzz_pcm_random (void)
{
  g_autoptr(FanfareFpIndex) index = small_index ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint n_rounds = rounds (40);

  for (guint r = 0; r < n_rounds; r++)
    {
      gsize n = g_rand_int_range (rand, 0, 8000 * 4);
      g_autofree float *samples = g_new (float, MAX (n, 1));
      guint kind = g_rand_int_range (rand, 0, 4);

      for (gsize i = 0; i < n; i++)
        {
          switch (kind)
            {
            case 0:   /* any bit pattern: NaNs, infinities and denormals among them */
              {
                guint32 bits = g_rand_int (rand);

                memcpy (&samples[i], &bits, sizeof bits);
              }
              break;

            case 1:   /* full-scale noise */
              samples[i] = g_rand_double_range (rand, -1.0, 1.0);
              break;

            case 2:   /* noise far beyond full scale */
              samples[i] = g_rand_double_range (rand, -1e30, 1e30);
              break;

            default:  /* silence with a click now and then */
              samples[i] = g_rand_int_range (rand, 0, 5000) == 0 ? 1.0f : 0.0f;
              break;
            }
        }

      extract_and_match (index, samples, n);
    }
}

/* Hashes no extractor makes, against a real index. */
static void
test_fuzz_match_hashes (void)
{
  g_autoptr(FanfareFpIndex) index = small_index ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint n_rounds = rounds (200);

  for (guint r = 0; r < n_rounds; r++)
    {
      g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (FanfareFpHash));
      guint n = g_rand_int_range (rand, 0, 2000);
      FanfareFpMatch match;

      for (guint i = 0; i < n; i++)
        {
          FanfareFpHash hash = {
            .hash = r % 2 ? g_rand_int (rand) : g_rand_int_range (rand, 0, 64),
            .frame = r % 3 ? g_rand_int (rand) : g_rand_int_range (rand, 0, 400),
            .span = g_rand_int_range (rand, 0, 65536),
            .pitch = g_rand_int_range (rand, 0, 65536),
          };

          g_array_append_val (hashes, hash);
        }
      fanfare_fp_match (index, hashes, &match);
    }
}

/* A loaded index is used as the server uses it: lookups and matches. */
static void
use_index (FanfareFpIndex *index,
           GArray         *clip)
{
  FanfareFpMatch match;

  for (guint32 h = 0; h < (1u << 23); h += 4099)
    {
      gsize n;
      const FanfareFpPosting *postings = fanfare_fp_index_lookup (index, h, &n);
      volatile guint32 sum = 0;

      for (gsize i = 0; i < n; i++)
        sum += postings[i].track + postings[i].frame;
    }
  for (guint t = 0; t <= fanfare_fp_index_get_n_tracks (index); t++)
    fanfare_fp_index_get_id (index, t);
  fanfare_fp_index_get_seconds (index);
  fanfare_fp_match (index, clip, &match);
}

static void
load_and_use (const char   *path,
              const guint8 *data,
              gsize         size,
              GArray       *clip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareFpIndex) index = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));
  index = fanfare_fp_index_load (path, &error);
  if (index == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == FANFARE_FP_ERROR || error->domain == G_FILE_ERROR);
      return;
    }

  g_assert_no_error (error);
  use_index (index, clip);
}

static void
test_fuzz_index_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fanfare-fp-fuzz-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.ffp", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.ffp", NULL);
  g_autoptr(FanfareFpIndex) index = small_index ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 * data = NULL;
  g_autofree guint8 * copy = NULL;
  g_autofree float *samples = NULL;
  g_autoptr(GArray) clip = NULL;
  guint n_rounds = rounds (300);
  gsize size, n;

  samples = fanfare_test_music_new (41, 20.0, &n);
  clip = fanfare_fp_extract_hashes (samples + 5 * FANFARE_FP_SAMPLE_RATE, 5 * FANFARE_FP_SAMPLE_RATE);

  g_assert_true (fanfare_fp_index_save (index, good, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, (char **) &data, &size, NULL));
  copy = g_malloc (size);

  /* The whole file loads and finds its song. */
  load_and_use (bad, data, size, clip);

  /* Cut short at every length through the header and tables, then at
   * random. */
  for (gsize cut = 0; cut < MIN (size, 600); cut++)
    load_and_use (bad, data, cut, clip);
  for (guint r = 0; r < n_rounds / 10; r++)
    load_and_use (bad, data, g_rand_int_range (rand, 0, size), clip);

  /* A few bits flipped anywhere; then in the first 64 bytes, where the
   * header's counts are. */
  for (guint r = 0; r < n_rounds; r++)
    {
      guint flips = g_rand_int_range (rand, 1, 8);

      memcpy (copy, data, size);
      for (guint f = 0; f < flips; f++)
        {
          gsize at = r % 2 ? g_rand_int_range (rand, 0, MIN (size, 64)) : g_rand_int_range (rand, 0, size);

          copy[at] ^= 1u << g_rand_int_range (rand, 0, 8);
        }
      load_and_use (bad, copy, size, clip);
    }

  /* Sizes that lie: every 64-bit word of the header set to extremes. */
  for (gsize at = 8; at + 8 <= 48; at += 4)
    {
      static const guint64 lies[] = { 0, 1, 0x7fffffff, 0xffffffff, G_MAXUINT64, G_MAXUINT64 / 16 };

      for (guint l = 0; l < G_N_ELEMENTS (lies); l++)
        {
          memcpy (copy, data, size);
          memcpy (copy + at, &lies[l], MIN (sizeof lies[l], size - at));
          load_and_use (bad, copy, size, clip);
        }
    }

  /* Noise behind a valid header, and noise alone. */
  for (guint r = 0; r < n_rounds / 10; r++)
    {
      gsize length = g_rand_int_range (rand, 0, size);

      for (gsize i = 0; i < length; i++)
        copy[i] = g_rand_int_range (rand, 0, 256);
      if (r % 2 && length >= 48)
        memcpy (copy, data, 48);
      load_and_use (bad, copy, length, clip);
    }

  /* Not a file at all. */
  {
    g_autoptr(FanfareFpIndex) none = fanfare_fp_index_load (dir, &error);

    g_assert_null (none);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fingerprint/fuzz/pcm-special", test_fuzz_pcm_special);
  g_test_add_func ("/fingerprint/fuzz/pcm-random", test_fuzz_pcm_random);
  g_test_add_func ("/fingerprint/fuzz/match-hashes", test_fuzz_match_hashes);
  g_test_add_func ("/fingerprint/fuzz/index-files", test_fuzz_index_files);

  return g_test_run ();
}
