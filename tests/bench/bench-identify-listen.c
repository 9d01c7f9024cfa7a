/* bench-identify-listen.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How much audio the app's identifier needs before it is sure, against
 * the target of under 5 s of clean audio: clips of 50 made-up
 * songs, cut at random places, clean and with noise at 10 dB SNR, go
 * through the real capture pipeline from WAV files and are matched
 * against a local index of the songs. Also the wall time from Listen to
 * the answer, with audio arriving faster than it plays.
 *
 *   build-aux/dev.sh bench identify-listen
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "fanfare-bench-stats.h"
#include "fanfare-fp-extract.h"
#include "fanfare-identifier.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"

#define N_SONGS      50
#define SONG_SECONDS 60.0
#define CLIP_SECONDS 16.0
#define N_CLIPS      30

typedef struct {
  gboolean done;
  char    *title;
} Listen;

static FanfareTrack *
lookup (const char *id,
        gpointer    user_data)
{
  return g_object_new (FANFARE_TYPE_TRACK, "id", id, "title", id, NULL);
}

static void
identified_cb (FanfareIdentifier *identifier,
               FanfareTrack      *track,
               double             offset,
               double             confidence,
               double             at,
               Listen            *listen)
{
  listen->title = g_strdup (fanfare_track_get_title (track));
}

static void
finished_cb (FanfareIdentifier *identifier,
             gboolean           found,
             Listen            *listen)
{
  listen->done = TRUE;
}

static void
run (FanfareIdentifier *identifier,
     const char        *label,
     double             snr_db,
     float            **songs,
     gsize             *lengths,
     const char        *dir)
{
  g_autoptr(GArray) heard = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *path = g_build_filename (dir, "clip.wav", NULL);
  g_autofree char *source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", path);
  guint right = 0;

  fanfare_identifier_set_source_description (identifier, source);
  for (guint c = 0; c < N_CLIPS; c++)
    {
      guint song = g_rand_int_range (rand, 0, N_SONGS);
      gsize n = CLIP_SECONDS * FANFARE_FP_SAMPLE_RATE;
      gsize start = g_rand_int_range (rand, 0, lengths[song] - n);
      g_autofree float *clip = g_memdup2 (songs[song] + start, n * sizeof (float));
      g_autofree char *expected = g_strdup_printf ("song %u", song);
      Listen listen = { 0 };
      gulong handlers[2];
      gint64 began;
      double seconds;

      if (snr_db < 100.0)
        fanfare_test_add_noise (clip, n, snr_db, 1000 + c);
      fanfare_test_write_wav (path, clip, n);

      handlers[0] = g_signal_connect (identifier, "identified", G_CALLBACK (identified_cb), &listen);
      handlers[1] = g_signal_connect (identifier, "finished", G_CALLBACK (finished_cb), &listen);
      began = g_get_monotonic_time ();
      g_assert_true (fanfare_identifier_start (identifier, NULL));
      while (!listen.done)
        g_main_context_iteration (NULL, TRUE);
      seconds = (g_get_monotonic_time () - began) / 1e6;
      g_signal_handler_disconnect (identifier, handlers[0]);
      g_signal_handler_disconnect (identifier, handlers[1]);

      if (g_strcmp0 (listen.title, expected) == 0)
        {
          double h = fanfare_identifier_get_heard (identifier);

          right++;
          g_array_append_val (heard, h);
          g_array_append_val (wall, seconds);
        }
      g_free (listen.title);
    }

  if (right == 0)
    {
      g_print ("%s: 0/%u named\n", label, N_CLIPS);
      return;
    }
  g_print ("%s: %u/%u named; audio to a sure match: median %.0f s, 90th %.0f s, max %.0f s; "
           "wall time median %.0f ms\n", label, right, N_CLIPS,
           fanfare_bench_percentile (heard, 0.5), fanfare_bench_percentile (heard, 0.9),
           fanfare_bench_percentile (heard, 1.0), fanfare_bench_percentile (wall, 0.5) * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FanfareIdentifier) identifier = NULL;
  FanfareFpIndex *index = fanfare_fp_index_new ();
  g_autofree char *dir = g_dir_make_tmp ("fanfare-bench-XXXXXX", NULL);
  g_autofree char *clip = g_build_filename (dir, "clip.wav", NULL);
  float *songs[N_SONGS];
  gsize lengths[N_SONGS];

  gst_init (&argc, &argv);

  for (guint i = 0; i < N_SONGS; i++)
    {
      g_autoptr(GArray) hashes = NULL;
      g_autofree char *id = g_strdup_printf ("song %u", i);

      songs[i] = fanfare_test_music_new (2000 + i, SONG_SECONDS, &lengths[i]);
      hashes = fanfare_fp_extract_hashes (songs[i], lengths[i]);
      fanfare_fp_index_add (index, id, lengths[i] / FANFARE_FP_HOP, hashes);
    }

  identifier = fanfare_identifier_new (NULL);
  fanfare_identifier_set_local_index (identifier, index, lookup, NULL);
  g_print ("%u clips of %u songs, a local index, the real capture pipeline from WAV files\n", N_CLIPS, N_SONGS);
  run (identifier, "clean", 1000.0, songs, lengths, dir);
  run (identifier, "noise at 10 dB SNR", 10.0, songs, lengths, dir);
  run (identifier, "noise at 0 dB SNR", 0.0, songs, lengths, dir);

  for (guint i = 0; i < N_SONGS; i++)
    g_free (songs[i]);
  g_unlink (clip);
  g_rmdir (dir);

  return 0;
}
