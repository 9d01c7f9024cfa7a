/* test-fingerprint.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The fingerprint library on made-up songs: the same audio gives the same
 * hashes; a clip of an indexed song is named with where it starts, clean,
 * through noise and at another speed; a clip of a song not in the index
 * is named as nothing; an index saved and mapped again answers the same,
 * and a damaged one is refused. */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "fanfare-fp-extract.h"
#include "fanfare-fp-index.h"
#include "fanfare-fp-match.h"
#include "fanfare-test-music.h"

#define N_SONGS      12
#define SONG_SECONDS 40.0
#define CLIP_SECONDS 5.0
#define FOREIGN_SEED 1000

typedef struct {
  FanfareFpIndex *index;
  char           *dir;
} Fixture;

static char *
song_id (guint  i)
{
  return g_strdup_printf ("song-%02u", i);
}

/* The songs' hashes, made once for every test. */
static GPtrArray *song_hashes;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (song_hashes == NULL)
    {
      song_hashes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint i = 0; i < N_SONGS; i++)
        {
          gsize n;
          g_autofree float *song = fanfare_test_music_new (i + 1, SONG_SECONDS, &n);

          g_ptr_array_add (song_hashes, fanfare_fp_extract_hashes (song, n));
        }
    }

  fixture->index = fanfare_fp_index_new ();
  for (guint i = 0; i < N_SONGS; i++)
    {
      g_autofree char *id = song_id (i);

      fanfare_fp_index_add (fixture->index, id, SONG_SECONDS * FANFARE_FP_FRAMES_PER_S, song_hashes->pdata[i]);
    }

  fixture->dir = g_dir_make_tmp ("fanfare-fp-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  fanfare_fp_index_free (fixture->index);
}

/* A clip of song @seed from @start seconds, played at @speed, with noise
 * @snr_db below it (none when infinite). */
static GArray *
clip_hashes (guint32  seed,
             double   start,
             double   speed,
             double   snr_db)
{
  gsize n, n_clip, n_fast;
  g_autofree float *song = fanfare_test_music_new (seed, SONG_SECONDS, &n);
  g_autofree float *fast = fanfare_test_change_speed (song + (gsize) (start * FANFARE_FP_SAMPLE_RATE),
                                                      n - (gsize) (start * FANFARE_FP_SAMPLE_RATE),
                                                      speed, &n_fast);

  n_clip = MIN (n_fast, (gsize) (CLIP_SECONDS * FANFARE_FP_SAMPLE_RATE));
  if (isfinite (snr_db))
    fanfare_test_add_noise (fast, n_clip, snr_db, seed * 7 + 1);

  return fanfare_fp_extract_hashes (fast, n_clip);
}

static void
assert_found (FanfareFpIndex *index,
              guint           song,
              double          start,
              double          speed,
              double          snr_db)
{
  g_autoptr(GArray) hashes = clip_hashes (song + 1, start, speed, snr_db);
  g_autofree char *id = song_id (song);
  FanfareFpMatch match = { 0 };

  if (!fanfare_fp_match (index, hashes, &match))
    g_error ("A clip of %s at %.1f s, speed %.2f, %.0f dB was not found", id, start, speed, snr_db);

  g_assert_cmpstr (fanfare_fp_index_get_id (index, match.track), ==, id);
  g_assert_cmpfloat_with_epsilon (match.offset, start, 0.15);
  g_assert_cmpfloat_with_epsilon (match.speed, speed, 0.012);
  g_assert_cmpfloat (match.confidence, >, 0.0);
}

/* FNV-1a over the hashes' fields, in an order that does not depend on how
 * the compiler lays out the struct. */
static guint32
checksum (GArray *hashes)
{
  guint32 sum = 2166136261u;

  for (guint i = 0; i < hashes->len; i++)
    {
      const FanfareFpHash *h = &g_array_index (hashes, FanfareFpHash, i);
      guint32 fields[] = { h->hash, h->frame, h->span, h->pitch };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        for (guint b = 0; b < 4; b++)
          sum = (sum ^ ((fields[f] >> (8 * b)) & 0xff)) * 16777619u;
    }

  return sum;
}

static void
test_same_audio_same_hashes (void)
{
  gsize n;
  g_autofree float *song = fanfare_test_music_new (3, 20.0, &n);
  g_autoptr(GArray) first = fanfare_fp_extract_hashes (song, n);
  g_autoptr(GArray) second = fanfare_fp_extract_hashes (song, n);
  g_autoptr(GArray) peaks = fanfare_fp_extract_peaks (song, n);
  double per_second = first->len / 20.0;

  g_test_message ("checksum %08x of %u hashes", checksum (first), first->len);
  g_assert_cmpuint (first->len, ==, second->len);

  /* The same on every build (plain, sanitized, optimised): these figures
   * change only with the extraction itself, and then every index made
   * before must be made again. */
  g_assert_cmpuint (first->len, ==, 1157);
  g_assert_cmphex (checksum (first), ==, 0xa3e5b6d4);
  g_assert_cmpmem (first->data, first->len * sizeof (FanfareFpHash),
                   second->data, second->len * sizeof (FanfareFpHash));

  /* Dense enough to find a clip, sparse enough to index hours. */
  g_assert_cmpfloat (peaks->len / 20.0, >, 8.0);
  g_assert_cmpfloat (peaks->len / 20.0, <, 60.0);
  g_assert_cmpfloat (per_second, >, 40.0);
  g_assert_cmpfloat (per_second, <, 500.0);

  /* Silence and nothing have no hashes, and no trouble. */
  {
    g_autofree float *silence = g_new0 (float, 5 * FANFARE_FP_SAMPLE_RATE);
    g_autoptr(GArray) none = fanfare_fp_extract_hashes (silence, 5 * FANFARE_FP_SAMPLE_RATE);
    g_autoptr(GArray) empty = fanfare_fp_extract_hashes (silence, 10);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (empty->len, ==, 0);
  }
}

static void
test_clean_clip (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_found (fixture->index, 5, 13.0, 1.0, INFINITY);
  assert_found (fixture->index, 0, 0.0, 1.0, INFINITY);
  assert_found (fixture->index, 11, 31.5, 1.0, INFINITY);
}

static void
test_noisy_clip (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_found (fixture->index, 7, 20.0, 1.0, 10.0);
  assert_found (fixture->index, 2, 8.0, 1.0, 5.0);
  assert_found (fixture->index, 10, 26.0, 1.0, 0.0);
  assert_found (fixture->index, 6, 3.0, 1.03, 5.0);
}

static void
test_speed_changed_clip (Fixture       *fixture,
                         gconstpointer  data)
{
  assert_found (fixture->index, 4, 10.0, 1.02, INFINITY);
  assert_found (fixture->index, 9, 15.0, 0.98, INFINITY);
  assert_found (fixture->index, 1, 6.0, 1.05, INFINITY);
}

static void
test_not_in_index (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GArray) hashes = clip_hashes (FOREIGN_SEED + i, 3.0 * i, 1.0, i % 2 == 0 ? INFINITY : 5.0);
      FanfareFpMatch match = { 0 };

      if (fanfare_fp_match (fixture->index, hashes, &match))
        g_error ("A song not in the index was named %s (score %u)",
                 fanfare_fp_index_get_id (fixture->index, match.track), match.score);
    }
}

static void
test_saved_and_mapped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "catalog.fpi", NULL);
  g_autofree char *damaged = g_build_filename (fixture->dir, "damaged.fpi", NULL);
  g_autoptr(FanfareFpIndex) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (fanfare_fp_index_save (fixture->index, path, &error));
  g_assert_no_error (error);

  loaded = fanfare_fp_index_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fanfare_fp_index_get_n_tracks (loaded), ==, N_SONGS);
  g_assert_cmpuint (fanfare_fp_index_get_n_postings (loaded), ==,
                    fanfare_fp_index_get_n_postings (fixture->index));
  g_assert_cmpfloat_with_epsilon (fanfare_fp_index_get_seconds (loaded), N_SONGS * SONG_SECONDS, 1.0);
  g_assert_cmpuint (fanfare_fp_index_find_id (loaded, "song-03"), ==, 3);
  assert_found (loaded, 3, 17.0, 1.0, INFINITY);

  /* More songs go into a mapped index too. */
  {
    gsize n;
    g_autofree float *song = fanfare_test_music_new (FOREIGN_SEED, SONG_SECONDS, &n);
    g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (song, n);
    g_autoptr(GArray) clip = clip_hashes (FOREIGN_SEED, 9.0, 1.0, INFINITY);
    FanfareFpMatch match = { 0 };

    fanfare_fp_index_add (loaded, "newcomer", n / FANFARE_FP_HOP, hashes);
    g_assert_true (fanfare_fp_match (loaded, clip, &match));
    g_assert_cmpstr (fanfare_fp_index_get_id (loaded, match.track), ==, "newcomer");
  }

  /* Cut short, or not an index at all: refused, not read past. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 0; cut < length; cut += length / 7 + 1)
    {
      g_autoptr(FanfareFpIndex) refused = NULL;

      g_assert_true (g_file_set_contents (damaged, contents, cut, NULL));
      refused = fanfare_fp_index_load (damaged, &error);
      g_assert_null (refused);
      g_assert_error (error, FANFARE_FP_ERROR, FANFARE_FP_ERROR_CORRUPT);
      g_clear_error (&error);
    }
  memset (contents + 48, 0xff, 64);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  {
    g_autoptr(FanfareFpIndex) refused = fanfare_fp_index_load (damaged, &error);

    g_assert_null (refused);
    g_assert_error (error, FANFARE_FP_ERROR, FANFARE_FP_ERROR_CORRUPT);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fingerprint/same-audio-same-hashes", test_same_audio_same_hashes);
  g_test_add ("/fingerprint/clean-clip", Fixture, NULL, fixture_set_up, test_clean_clip, fixture_tear_down);
  g_test_add ("/fingerprint/noisy-clip", Fixture, NULL, fixture_set_up, test_noisy_clip, fixture_tear_down);
  g_test_add ("/fingerprint/speed-changed-clip", Fixture, NULL, fixture_set_up, test_speed_changed_clip,
              fixture_tear_down);
  g_test_add ("/fingerprint/not-in-index", Fixture, NULL, fixture_set_up, test_not_in_index, fixture_tear_down);
  g_test_add ("/fingerprint/saved-and-mapped", Fixture, NULL, fixture_set_up, test_saved_and_mapped,
              fixture_tear_down);

  status = g_test_run ();
  g_clear_pointer (&song_hashes, g_ptr_array_unref);

  return status;
}
