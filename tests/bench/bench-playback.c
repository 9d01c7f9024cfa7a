/* bench-playback.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The player's targets, each against a bare playbin measured in the same
 * run: the time from "play" on a local file to the first buffer at the
 * sink, the samples lost or added at gapless boundaries, and the CPU a
 * FLAC file costs while it plays in real time. Run it with
 *
 *   build-aux/dev.sh bench playback
 */

#include "config.h"

#include <gst/gst.h>
#include <stdlib.h>

#include "fanfare-bench-stats.h"
#include "fanfare-player.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-utils.h"

#define RUNS 25

typedef struct {
  gint64   first_buffer;
  gboolean eos;
} Probe;

static GstPadProbeReturn
first_buffer_cb (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  Probe *probe = user_data;

  if (g_atomic_pointer_get (&probe->first_buffer) == 0)
    probe->first_buffer = g_get_monotonic_time ();

  return GST_PAD_PROBE_OK;
}

static GstElement *
probed_sink (Probe    *probe,
             gboolean  sync)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr(GstPad) pad = gst_element_get_static_pad (sink, "sink");

  g_object_set (sink, "sync", sync, NULL);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, first_buffer_cb, probe, NULL);

  return sink;
}

static gboolean
buffer_arrived (gpointer  data)
{
  return ((Probe *) data)->first_buffer != 0;
}

static double
median (double *values,
        guint   n)
{
  fanfare_bench_sort_doubles (values, n);

  return values[n / 2];
}

/* From play to the first buffer, with a new player each time, as the first
 * play of a session is. */
static double
player_first_buffer_ms (const char *path)
{
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  Probe probe = { 0 };
  gint64 start;

  g_ptr_array_add (tracks, fanfare_test_track_for_path (path, "bench"));
  fanfare_player_set_audio_sink (player, probed_sink (&probe, TRUE));

  start = g_get_monotonic_time ();
  fanfare_player_play_tracks (player, tracks, 0);
  if (!fanfare_test_wait_for (buffer_arrived, &probe, 5000))
    g_error ("No buffer reached the sink");

  fanfare_player_stop (player);

  return (probe.first_buffer - start) / 1000.0;
}

static double
playbin_first_buffer_ms (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GstElement) playbin = NULL;
  Probe probe = { 0 };
  gint64 start;

  start = g_get_monotonic_time ();
  playbin = gst_element_factory_make ("playbin", NULL);
  gst_object_ref_sink (playbin);
  g_object_set (playbin, "uri", uri, "audio-sink", probed_sink (&probe, TRUE), NULL);
  gst_element_set_state (playbin, GST_STATE_PLAYING);
  if (!fanfare_test_wait_for (buffer_arrived, &probe, 5000))
    g_error ("No buffer reached the sink");

  gst_element_set_state (playbin, GST_STATE_NULL);

  return (probe.first_buffer - start) / 1000.0;
}

static gboolean
is_stopped (gpointer  data)
{
  return fanfare_player_get_state (data) == FANFARE_PLAYER_STATE_STOPPED;
}

/* Plays a counting signal split over @n_files WAV files and compares the
 * output with it: every difference is a lost or an added sample. */
static gint64
gapless_errors (const char *dir,
                guint       n_files)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) out = NULL;
  g_autofree gint16 * signal = NULL;
  gsize total = 0, offset = 0;
  gint64 errors = 0;

  for (guint i = 0; i < n_files; i++)
    total += FANFARE_TEST_RATE / 2 + 97 * i;
  signal = g_new (gint16, total);
  for (gsize i = 0; i < total; i++)
    signal[i] = (gint16) ((i * 7919 + (i / 441) * 31) % 24001) - 12000;

  for (guint i = 0; i < n_files; i++)
    {
      gsize length = FANFARE_TEST_RATE / 2 + 97 * i;
      g_autofree char *name = g_strdup_printf ("part-%u.wav", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      fanfare_test_write_wav (path, signal + offset, length);
      g_ptr_array_add (tracks, fanfare_test_track_for_path (path, name));
      offset += length;
    }

  fanfare_player_set_replay_gain_mode (player, FANFARE_REPLAY_GAIN_MODE_OFF);
  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (player, tracks, 0);
  fanfare_test_wait_for (is_stopped, player, 60000);

  out = fanfare_test_collector_dup_samples (collector);
  errors = ABS ((gint64) out->len - (gint64) total);
  for (gsize i = 0; i < MIN (out->len, total); i++)
    if (g_array_index (out, gint16, i) != signal[i])
      {
        errors++;
        break;
      }

  return errors;
}

/* The share of one core spent while a FLAC file plays in real time. */
static double
player_cpu_share (const char *path,
                  guint       seconds)
{
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  Probe probe = { 0 };
  double cpu;
  gint64 wall;

  g_ptr_array_add (tracks, fanfare_test_track_for_path (path, "flac"));
  fanfare_player_set_audio_sink (player, probed_sink (&probe, TRUE));
  fanfare_player_play_tracks (player, tracks, 0);
  fanfare_test_wait_for (buffer_arrived, &probe, 5000);

  cpu = fanfare_bench_cpu_seconds ();
  wall = g_get_monotonic_time ();
  fanfare_test_wait_ms (seconds * 1000);
  cpu = fanfare_bench_cpu_seconds () - cpu;
  wall = g_get_monotonic_time () - wall;
  fanfare_player_stop (player);

  return cpu / (wall / 1e6);
}

static double
playbin_cpu_share (const char *path,
                   guint       seconds)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GstElement) playbin = gst_element_factory_make ("playbin", NULL);
  Probe probe = { 0 };
  double cpu;
  gint64 wall;

  gst_object_ref_sink (playbin);
  g_object_set (playbin, "uri", uri, "audio-sink", probed_sink (&probe, TRUE), NULL);
  gst_element_set_state (playbin, GST_STATE_PLAYING);
  fanfare_test_wait_for (buffer_arrived, &probe, 5000);

  cpu = fanfare_bench_cpu_seconds ();
  wall = g_get_monotonic_time ();
  fanfare_test_wait_ms (seconds * 1000);
  cpu = fanfare_bench_cpu_seconds () - cpu;
  wall = g_get_monotonic_time () - wall;
  gst_element_set_state (playbin, GST_STATE_NULL);

  return cpu / (wall / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *flac = g_build_filename (dir, "tone.flac", NULL);
  g_autofree char *pipeline = NULL;
  double player_ms[RUNS], playbin_ms[RUNS];
  double player_median, playbin_median, player_cpu, playbin_cpu;
  gint64 errors;

  gst_init (&argc, &argv);

  /* Stereo, CD quality, a minute long: a typical FLAC. */
  pipeline = g_strdup_printf ("audiotestsrc num-buffers=2600 samplesperbuffer=1024 wave=pink-noise"
                              " ! audio/x-raw,rate=44100,channels=2,format=S16LE ! flacenc"
                              " ! filesink location=\"%s\"", flac);
  fanfare_test_run_pipeline (pipeline);

  /* One of each first, to have the plugins loaded and the file cached. */
  player_first_buffer_ms (flac);
  playbin_first_buffer_ms (flac);
  for (guint i = 0; i < RUNS; i++)
    {
      player_ms[i] = player_first_buffer_ms (flac);
      playbin_ms[i] = playbin_first_buffer_ms (flac);
    }
  player_median = median (player_ms, RUNS);
  playbin_median = median (playbin_ms, RUNS);

  errors = gapless_errors (dir, 8);

  player_cpu = player_cpu_share (flac, 10);
  playbin_cpu = playbin_cpu_share (flac, 10);

  g_print ("playback, %d launches each (medians)\n", RUNS);
  g_print ("play to first buffer: fanfare %.1f ms, bare playbin %.1f ms, ratio %.2f; target <= 50 ms: %s\n",
           player_median, playbin_median, player_median / playbin_median,
           player_median <= 50 ? "met" : "MISSED");
  g_print ("gapless, 7 boundaries: %" G_GINT64_FORMAT " samples lost or added; target 0: %s\n",
           errors, errors == 0 ? "met" : "MISSED");
  g_print ("CPU playing FLAC in real time: fanfare %.1f%% of a core, bare playbin %.1f%%, ratio %.2f\n",
           player_cpu * 100, playbin_cpu * 100, player_cpu / MAX (playbin_cpu, 1e-6));

  fanfare_test_rm_rf (dir);

  return 0;
}
