/* bench-ingest.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The server's ingest of one uploaded file (decode, loudness, waveform,
 * fingerprint, Opus encoding for streaming), as fanfare_ingest_read_file()
 * does it for uploads and import, on one core: the process is pinned to
 * one processor before GStreamer starts its threads. The audio is three
 * minutes of a tone over pink noise, 44.1 kHz stereo, as FLAC and as Ogg
 * Vorbis. Target: 20 times real time.
 *
 *   meson test -C _build --benchmark ingest -v
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fanfare-ingest.h"

#define SECONDS 180
#define RUNS    3
#define TARGET  20.0

static char *
make_file (const char *encoder,
           const char *extension)
{
  g_autofree char *name = g_strconcat ("fanfare-bench-ingest-XXXXXX", extension, NULL);
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  int fd = g_file_open_tmp (name, &path, &error);

  g_assert_no_error (error);
  close (fd);
  description = g_strdup_printf ("audiomixer name=mix ! audioconvert ! %s ! filesink name=sink"
                                 " audiotestsrc wave=pink-noise volume=0.2 num-buffers=%d samplesperbuffer=4410"
                                 " ! audio/x-raw,rate=44100,channels=2 ! mix."
                                 " audiotestsrc wave=sine freq=330 volume=0.4 num-buffers=%d samplesperbuffer=4410"
                                 " ! audio/x-raw,rate=44100,channels=2 ! mix.",
                                 encoder, SECONDS * 10, SECONDS * 10);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", path, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 600 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_true (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return g_steal_pointer (&path);
}

static int
compare_doubles (gconstpointer  a,
                 gconstpointer  b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Returns the median times real time of ingesting @path, by the processor
 * time it took (the machine may be shared: the wall clock is printed too). */
static double
measure (const char *label,
         const char *path)
{
  double ratios[RUNS], wall_ratios[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FanfareIngestFile) file = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();
      double seconds, cpu;

      file = fanfare_ingest_read_file (path, &error);
      g_assert_no_error (error);
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      cpu = cpu_seconds () - cpu_start;
      g_assert_cmpint (file->duration_ms, >, (SECONDS - 1) * 1000);
      g_assert_nonnull (file->fingerprint);
      g_assert_nonnull (file->waveform);
      ratios[i] = file->duration_ms / 1000.0 / cpu;
      wall_ratios[i] = file->duration_ms / 1000.0 / seconds;
    }

  qsort (ratios, RUNS, sizeof (double), compare_doubles);
  qsort (wall_ratios, RUNS, sizeof (double), compare_doubles);
  g_print ("ingest %s: %d s of audio, %.1fx real time on one core by processor time"
           " (median of %d, %.1f to %.1f; by the wall clock %.1fx; target %.0fx)\n",
           label, SECONDS, ratios[RUNS / 2], RUNS, ratios[0], ratios[RUNS - 1], wall_ratios[RUNS / 2], TARGET);

  return ratios[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  cpu_set_t one;
  g_autofree char *flac = NULL;
  g_autofree char *vorbis = NULL;
  double flac_ratio, vorbis_ratio;

  /* Every thread GStreamer starts inherits the one processor. */
  CPU_ZERO (&one);
  CPU_SET (sched_getcpu () >= 0 ? sched_getcpu () : 0, &one);
  if (sched_setaffinity (0, sizeof one, &one) != 0)
    g_printerr ("Cannot pin to one processor; the figures are for all of them\n");

  gst_init (&argc, &argv);
  flac = make_file ("flacenc", ".flac");
  vorbis = make_file ("vorbisenc ! oggmux", ".ogg");

  flac_ratio = measure ("FLAC", flac);
  vorbis_ratio = measure ("Ogg Vorbis", vorbis);

  g_unlink (flac);
  g_unlink (vorbis);
  gst_deinit ();

  return MIN (flac_ratio, vorbis_ratio) >= TARGET ? EXIT_SUCCESS : EXIT_FAILURE;
}
