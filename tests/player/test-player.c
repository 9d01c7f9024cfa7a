/* test-player.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The player with real GStreamer pipelines: files generated for each test,
 * played into an appsink that keeps what the listener would hear. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fanfare-player.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-player.h"
#include "fanfare-test-utils.h"

typedef struct {
  char          *dir;
  FanfarePlayer *player;
  GPtrArray     *errors;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = fanfare_test_make_tmpdir ();
  fixture->player = fanfare_player_new ();
  fixture->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  fanfare_player_set_replay_gain_mode (fixture->player, FANFARE_REPLAY_GAIN_MODE_OFF);
  fanfare_test_tolerate_playbin_race ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->player));
  g_ptr_array_unref (fixture->errors);
  fanfare_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
error_cb (FanfarePlayer *player,
          const GError  *error,
          Fixture       *fixture)
{
  g_test_message ("player error: %s", error->message);
  g_ptr_array_add (fixture->errors, g_error_copy (error));
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gboolean
is_stopped (gpointer  data)
{
  return fanfare_player_get_state (data) == FANFARE_PLAYER_STATE_STOPPED;
}

/* A signal no two stretches of which look alike: any dropped or repeated
 * sample shows. Its amplitude stays under half of full scale. */
static gint16
pattern (gsize  i)
{
  return (gint16) ((i * 7919 + (i / 441) * 31) % 24001) - 12000;
}

static void
test_gapless (Fixture       *fixture,
              gconstpointer  data)
{
  /* In real time, as a listener hears it: playbin 1.22 races with itself
   * when a track switch and the end of the queue come within
   * milliseconds, which only a sink that does not wait makes happen. */
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gint16 * signal = NULL;
  g_autofree char *first = path_in (fixture, "first.wav");
  g_autofree char *second = path_in (fixture, "second.wav");
  g_autoptr(GArray) out = NULL;
  /* Split off any buffer boundary, so the join is where decoders and
   * converters are most likely to drop or pad. */
  const gsize split = FANFARE_TEST_RATE + 1237;
  const gsize total = 2 * FANFARE_TEST_RATE + 311;
  gsize mismatches = 0;

  signal = g_new (gint16, total);
  for (gsize i = 0; i < total; i++)
    signal[i] = pattern (i);
  fanfare_test_write_wav (first, signal, split);
  fanfare_test_write_wav (second, signal + split, total - split);

  g_ptr_array_add (tracks, fanfare_test_track_for_path (first, "First"));
  g_ptr_array_add (tracks, fanfare_test_track_for_path (second, "Second"));

  g_signal_connect (fixture->player, "error", G_CALLBACK (error_cb), fixture);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (fixture->player, tracks, 0);
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PLAYING);

  g_assert_true (fanfare_test_wait_for (is_stopped, fixture->player, 20000));
  g_assert_cmpuint (fixture->errors->len, ==, 0);

  /* The queue followed the pipeline to the second track. */
  g_assert_cmpint (fanfare_play_queue_get_current (fanfare_player_get_queue (fixture->player)), ==, 1);

  /* Every sample, in order, none missing, none repeated: with PCM in the
   * sink's own format nothing may change a sample, so the tolerance is 0. */
  out = fanfare_test_collector_dup_samples (collector);
  g_test_message ("%u samples out of %zu", out->len, total);
  for (gsize i = 0; i < MIN (out->len, total); i++)
    if (g_array_index (out, gint16, i) != signal[i])
      {
        if (mismatches++ == 0)
          g_test_message ("first difference at sample %zu (split at %zu)", i, split);
      }
  g_assert_cmpuint (mismatches, ==, 0);
  g_assert_cmpuint (out->len, ==, total);
}


static void
test_errors_move_on (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (FALSE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *missing = path_in (fixture, "missing.wav");
  g_autofree char *corrupt = path_in (fixture, "corrupt.flac");
  g_autofree char *vorbis = path_in (fixture, "no-decoder.ogg");
  g_autofree char *good = path_in (fixture, "good.wav");
  g_autofree char *pipeline = NULL;
  g_autofree gint16 * signal = g_new0 (gint16, 4410);
  g_autoptr(GError) error = NULL;
  guint8 garbage[4096];
  const GError *e;

  /* Bytes that start like FLAC and then are not. */
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = g_test_rand_int_range (0, 256);
  memcpy (garbage, "fLaC", 4);
  g_file_set_contents (corrupt, (const char *) garbage, sizeof garbage, &error);
  g_assert_no_error (error);

  /* Vorbis, whose decoders main() took out of reach, as on a system that
   * lacks the plugin. */
  pipeline = g_strdup_printf ("audiotestsrc num-buffers=10 ! audioconvert ! vorbisenc ! oggmux"
                              " ! filesink location=\"%s\"", vorbis);
  fanfare_test_run_pipeline (pipeline);
  fanfare_test_write_wav (good, signal, 4410);

  g_ptr_array_add (tracks, fanfare_test_track_for_path (missing, "Missing"));
  g_ptr_array_add (tracks, fanfare_test_track_for_path (corrupt, "Corrupt"));
  g_ptr_array_add (tracks, fanfare_test_track_for_path (vorbis, "No Decoder"));
  g_ptr_array_add (tracks, fanfare_test_track_for_path (good, "Good"));

  g_signal_connect (fixture->player, "error", G_CALLBACK (error_cb), fixture);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (fixture->player, tracks, 0);

  /* Each failure is reported in words, and playback moves on. */
  g_assert_true (fanfare_test_wait_for (is_stopped, fixture->player, 20000));
  g_assert_cmpuint (fixture->errors->len, ==, 3);

  e = g_ptr_array_index (fixture->errors, 0);
  g_assert_error (e, FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (e->message, "Missing"));

  e = g_ptr_array_index (fixture->errors, 1);
  g_assert_error (e, FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (e->message, "Corrupt"));

  /* The missing plugin is named. */
  e = g_ptr_array_index (fixture->errors, 2);
  g_assert_error (e, FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_MISSING_PLUGIN);
  g_assert_nonnull (strstr (e->message, "Vorbis"));

  /* The good track played to its end. */
  g_assert_cmpint (fanfare_play_queue_get_current (fanfare_player_get_queue (fixture->player)), ==, 3);
  {
    g_autoptr(GArray) samples = fanfare_test_collector_dup_samples (collector);

    g_assert_cmpuint (samples->len, ==, 4410);
  }
}

static void
test_nothing_playable_stops (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (FALSE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("gone-%u.wav", i);
      g_autofree char *path = path_in (fixture, name);

      g_ptr_array_add (tracks, fanfare_test_track_for_path (path, name));
    }

  fanfare_play_queue_set_repeat_mode (fanfare_player_get_queue (fixture->player), FANFARE_REPEAT_MODE_ALL);
  g_signal_connect (fixture->player, "error", G_CALLBACK (error_cb), fixture);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (fixture->player, tracks, 0);

  /* Even repeating the queue, three broken tracks are tried once each. */
  g_assert_true (fanfare_test_wait_for (is_stopped, fixture->player, 10000));
  fanfare_test_wait_ms (200);
  g_assert_cmpuint (fixture->errors->len, ==, 3);
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_STOPPED);
}

static double
peak (GArray *samples)
{
  int max = 0;

  /* Past the first tenth of a second, where a decoder may ramp up. */
  for (guint i = FANFARE_TEST_RATE / 10; i < samples->len; i++)
    max = MAX (max, ABS (g_array_index (samples, gint16, i)));

  return max / 32768.0;
}

static double
play_and_measure_peak (Fixture               *fixture,
                       const char            *path,
                       FanfareReplayGainMode  mode)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (FALSE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) samples = NULL;

  g_ptr_array_add (tracks, fanfare_test_track_for_path (path, "Loud"));
  fanfare_player_set_replay_gain_mode (player, mode);
  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (player, tracks, 0);
  g_assert_true (fanfare_test_wait_for (is_stopped, player, 10000));

  samples = fanfare_test_collector_dup_samples (collector);
  g_assert_cmpuint (samples->len, >, FANFARE_TEST_RATE / 2);

  return peak (samples);
}

static void
test_replay_gain (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "loud.flac");
  g_autofree char *pipeline = NULL;
  double off, track, album;

  /* A sine at half of full scale whose tags say: 6 dB too loud as a track,
   * 12 dB too loud as part of its album. */
  pipeline = g_strdup_printf ("audiotestsrc num-buffers=40 volume=0.5 freq=440"
                              " ! audio/x-raw,channels=1,rate=44100 ! audioconvert"
                              " ! taginject tags=\"replaygain-track-gain=-6.0206,replaygain-track-peak=0.5,"
                              "replaygain-album-gain=-12.0412,replaygain-album-peak=0.5\""
                              " ! flacenc ! filesink location=\"%s\"", path);
  fanfare_test_run_pipeline (pipeline);

  off = play_and_measure_peak (fixture, path, FANFARE_REPLAY_GAIN_MODE_OFF);
  track = play_and_measure_peak (fixture, path, FANFARE_REPLAY_GAIN_MODE_TRACK);
  album = play_and_measure_peak (fixture, path, FANFARE_REPLAY_GAIN_MODE_ALBUM);
  g_test_message ("peaks: off %.4f, track %.4f, album %.4f", off, track, album);

  g_assert_cmpfloat_with_epsilon (off, 0.5, 0.01);
  g_assert_cmpfloat_with_epsilon (track, 0.25, 0.01);
  g_assert_cmpfloat_with_epsilon (album, 0.125, 0.01);
}

static guint
zero_crossings (GArray *samples,
                guint   from,
                guint   to)
{
  guint count = 0;

  for (guint i = from + 1; i < to; i++)
    if ((g_array_index (samples, gint16, i - 1) < 0) != (g_array_index (samples, gint16, i) < 0))
      count++;

  return count;
}

static void
test_rate_keeps_pitch (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (FALSE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = path_in (fixture, "tone.wav");
  g_autofree gint16 * signal = NULL;
  g_autoptr(GArray) out = NULL;
  const guint n = 4 * FANFARE_TEST_RATE;
  double frequency;

  signal = g_new (gint16, n);
  for (guint i = 0; i < n; i++)
    signal[i] = 8000 * sin (2 * G_PI * 440 * i / FANFARE_TEST_RATE);
  fanfare_test_write_wav (path, signal, n);
  g_ptr_array_add (tracks, fanfare_test_track_for_path (path, "Tone"));

  fanfare_player_set_rate (fixture->player, 2.0);
  g_assert_cmpfloat (fanfare_player_get_rate (fixture->player), ==, 2.0);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (fixture->player, tracks, 0);
  g_assert_true (fanfare_test_wait_for (is_stopped, fixture->player, 10000));

  /* Twice as fast: half the samples… */
  out = fanfare_test_collector_dup_samples (collector);
  g_test_message ("%u samples out of %u", out->len, n);
  g_assert_cmpuint (out->len, >, n / 2 - FANFARE_TEST_RATE / 10);
  g_assert_cmpuint (out->len, <, n / 2 + FANFARE_TEST_RATE / 10);

  /* …at the same pitch: 440 Hz still, not 880. */
  frequency = zero_crossings (out, FANFARE_TEST_RATE / 4, out->len - FANFARE_TEST_RATE / 4) / 2.0 /
              ((out->len - FANFARE_TEST_RATE / 2) / (double) FANFARE_TEST_RATE);
  g_test_message ("frequency %.1f Hz", frequency);
  g_assert_cmpfloat_with_epsilon (frequency, 440, 15);

  /* Out-of-range rates are held to 0.5–2.0. */
  fanfare_player_set_rate (fixture->player, 8.0);
  g_assert_cmpfloat (fanfare_player_get_rate (fixture->player), ==, 2.0);
  fanfare_player_set_rate (fixture->player, 0.1);
  g_assert_cmpfloat (fanfare_player_get_rate (fixture->player), ==, 0.5);
}

static void
seeked_cb (FanfarePlayer *player,
           gint64         position,
           GArray        *positions)
{
  g_array_append_val (positions, position);
}

static void
test_seek_and_previous (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) seeks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint16 * signal = g_new0 (gint16, 6 * FANFARE_TEST_RATE);
  FanfarePlayQueue *queue = fanfare_player_get_queue (fixture->player);
  FanfareTestPositionWait wait = { fixture->player, 0 };
  GTimeSpan position;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("six-seconds-%u.wav", i);
      g_autofree char *path = path_in (fixture, name);

      fanfare_test_write_wav (path, signal, 6 * FANFARE_TEST_RATE);
      g_ptr_array_add (tracks, fanfare_test_track_for_path (path, name));
    }

  g_signal_connect (fixture->player, "seeked", G_CALLBACK (seeked_cb), seeks);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (fixture->player, tracks, 1);

  wait.at_least = 200 * G_TIME_SPAN_MILLISECOND;
  g_assert_true (fanfare_test_wait_for (fanfare_test_position_reached, &wait, 20000));
  g_assert_cmpint (fanfare_player_get_duration (fixture->player), ==, 6 * G_USEC_PER_SEC);
  g_assert_true (fanfare_player_get_can_seek (fixture->player));

  /* An accurate seek, reported once, and playback goes on from there. */
  fanfare_player_seek (fixture->player, 4 * G_USEC_PER_SEC);
  g_assert_cmpuint (seeks->len, ==, 1);
  g_assert_cmpint (g_array_index (seeks, gint64, 0), ==, 4 * G_USEC_PER_SEC);
  wait.at_least = 4 * G_USEC_PER_SEC + 300 * G_TIME_SPAN_MILLISECOND;
  g_assert_true (fanfare_test_wait_for (fanfare_test_position_reached, &wait, 20000));
  position = fanfare_player_get_position (fixture->player);
  g_assert_cmpint (position, <, 5 * G_USEC_PER_SEC);

  /* "Previous" past three seconds starts the track again… */
  fanfare_player_previous (fixture->player);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 1);
  g_assert_cmpint (fanfare_player_get_position (fixture->player), <, G_USEC_PER_SEC);

  /* …and near its start goes to the track before, still playing. */
  fanfare_player_previous (fixture->player);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 0);
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PLAYING);

  /* Paused, "next" moves on and stays paused. */
  fanfare_player_pause (fixture->player);
  fanfare_player_next (fixture->player);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 1);
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PAUSED);
  g_assert_false (fanfare_player_get_can_go_next (fixture->player));

  fanfare_player_stop (fixture->player);
  g_assert_cmpint (fanfare_player_get_position (fixture->player), ==, 0);
}

static gboolean
has_three_loops (gpointer  data)
{
  g_autoptr(GArray) samples = fanfare_test_collector_dup_samples (data);

  return samples->len >= 3 * FANFARE_TEST_RATE / 5;
}

static void
test_repeat_one_loops_gaplessly (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) seeks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) out = NULL;
  g_autofree char *path = path_in (fixture, "loop.wav");
  g_autofree gint16 * signal = NULL;
  const guint n = FANFARE_TEST_RATE / 5;

  signal = g_new (gint16, n);
  for (guint i = 0; i < n; i++)
    signal[i] = pattern (i);
  fanfare_test_write_wav (path, signal, n);
  g_ptr_array_add (tracks, fanfare_test_track_for_path (path, "Loop"));

  fanfare_play_queue_set_repeat_mode (fanfare_player_get_queue (fixture->player), FANFARE_REPEAT_MODE_ONE);
  g_signal_connect (fixture->player, "seeked", G_CALLBACK (seeked_cb), seeks);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (fixture->player, tracks, 0);

  g_assert_true (fanfare_test_wait_for (has_three_loops, collector, 10000));
  /* Not stopped within moments of a switch: playbin 1.22 still tears the
   * old stream down then, and disposes an element too early if the
   * pipeline changes state at the same time (src/player/README.md). */
  fanfare_player_pause (fixture->player);
  fanfare_test_wait_ms (300);
  fanfare_player_stop (fixture->player);

  /* Each loop joins the last with no sample lost or repeated. */
  out = fanfare_test_collector_dup_samples (collector);
  for (guint i = 0; i < 3 * n; i++)
    g_assert_cmpint (g_array_index (out, gint16, i), ==, signal[i % n]);

  /* MPRIS hears of each restart as a seek to the start. */
  g_assert_cmpuint (seeks->len, >=, 1);
  g_assert_cmpint (g_array_index (seeks, gint64, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No Vorbis decoder: the player must name the missing plugin. */
  g_setenv ("GST_PLUGIN_FEATURE_RANK", "vorbisdec:NONE,avdec_vorbis:NONE", TRUE);
  gst_init (&argc, &argv);

  g_test_add ("/player/player/gapless", Fixture, NULL, fixture_set_up, test_gapless, fixture_tear_down);
  g_test_add ("/player/player/errors-move-on", Fixture, NULL, fixture_set_up, test_errors_move_on, fixture_tear_down);
  g_test_add ("/player/player/nothing-playable-stops", Fixture, NULL, fixture_set_up, test_nothing_playable_stops,
              fixture_tear_down);
  g_test_add ("/player/player/replay-gain", Fixture, NULL, fixture_set_up, test_replay_gain, fixture_tear_down);
  g_test_add ("/player/player/rate-keeps-pitch", Fixture, NULL, fixture_set_up, test_rate_keeps_pitch,
              fixture_tear_down);
  g_test_add ("/player/player/seek-and-previous", Fixture, NULL, fixture_set_up, test_seek_and_previous,
              fixture_tear_down);
  g_test_add ("/player/player/repeat-one-loops-gaplessly", Fixture, NULL, fixture_set_up,
              test_repeat_one_loops_gaplessly, fixture_tear_down);

  return g_test_run ();
}
