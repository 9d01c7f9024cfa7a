/* test-player-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Long items and lyrics in the player, on generated tracks played in real
 * time: chapters from a cue sheet beside the file, "next" and "previous"
 * between them (also from playerctl over the session bus), a DJ mix's
 * entry as the title, the lyrics as xesam:asText and in time with the
 * sound, and the sleep timer fading out and pausing. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fanfare-chapter.h"
#include "fanfare-mpris.h"
#include "fanfare-player.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-utils.h"

#define NAME    "FanfareLongform"
#define SECONDS 8
#define MS(ms) ((GTimeSpan) (ms) * G_TIME_SPAN_MILLISECOND)

/* Bursts of tone start at these times; the lyrics and chapters too. */
static const guint burst_ms[] = { 1000, 2500, 4000 };
#define BURST_LENGTH_MS 400

typedef struct
{
  char                 *dir;
  char                 *path;
  FanfarePlayer        *player;
  FanfareTestCollector *collector;
} Fixture;

static void
write_beside (Fixture    *fixture,
              const char *extension,
              const char *text)
{
  g_autofree char *base = g_strndup (fixture->path, strlen (fixture->path) - strlen (".wav"));
  g_autofree char *other = g_strconcat (base, extension, NULL);

  g_assert_true (g_file_set_contents (other, text, -1, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree gint16 * signal = g_new0 (gint16, SECONDS * FANFARE_TEST_RATE);

  fanfare_test_tolerate_playbin_race ();
  fixture->dir = fanfare_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "mix.wav", NULL);
  for (guint b = 0; b < G_N_ELEMENTS (burst_ms); b++)
    for (guint i = 0; i < BURST_LENGTH_MS * FANFARE_TEST_RATE / 1000; i++)
      signal[burst_ms[b] * FANFARE_TEST_RATE / 1000 + i] = (gint16) (8000 * sin (2 * G_PI * 440 * i / FANFARE_TEST_RATE));
  fanfare_test_write_wav (fixture->path, signal, SECONDS * FANFARE_TEST_RATE);

  write_beside (fixture, ".cue",
                "TITLE \"Night Mix\"\nFILE \"mix.wav\" WAVE\n"
                "  TRACK 01 AUDIO\n    TITLE \"Opening\"\n    PERFORMER \"First\"\n    INDEX 01 00:00:00\n"
                "  TRACK 02 AUDIO\n    TITLE \"Middle\"\n    PERFORMER \"Second\"\n    INDEX 01 00:02:37\n"
                "  TRACK 03 AUDIO\n    TITLE \"Closing\"\n    PERFORMER \"Third\"\n    INDEX 01 00:04:00\n");
  write_beside (fixture, ".lrc",
                "[00:01.00]One\n[00:01.00]一\n[00:02.50]Two\n[00:02.50]二\n[00:04.00]Three\n[00:04.00]三\n");

  fixture->collector = fanfare_test_collector_new (TRUE);
  fixture->player = fanfare_player_new ();
  fanfare_player_set_replay_gain_mode (fixture->player, FANFARE_REPLAY_GAIN_MODE_OFF);
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (fixture->collector));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->player));
  fanfare_test_collector_free (fixture->collector);
  fanfare_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
has_extras (gpointer  data)
{
  FanfarePlayer *player = data;

  return g_list_model_get_n_items (fanfare_player_get_chapters (player)) == 3
         && fanfare_player_get_lyrics (player) != NULL;
}

static gboolean
is_paused (gpointer  data)
{
  return fanfare_player_get_state (data) == FANFARE_PLAYER_STATE_PAUSED;
}

static gboolean
is_stopped (gpointer  data)
{
  return fanfare_player_get_state (data) == FANFARE_PLAYER_STATE_STOPPED;
}

static void
play_mix (Fixture  *fixture,
          gboolean  play)
{
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  FanfareTrack *track = fanfare_test_track_for_path (fixture->path, "Night Mix");

  g_object_set (track, "kind", FANFARE_TRACK_KIND_DJ_MIX, "duration", (gint64) SECONDS * G_USEC_PER_SEC, NULL);
  g_ptr_array_add (tracks, track);
  fanfare_player_play_tracks (fixture->player, tracks, 0);
  if (!play)
    fanfare_player_pause (fixture->player);
  g_assert_true (fanfare_test_wait_for (has_extras, fixture->player, 10000));
}

static void
test_chapters (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *chapters;
  FanfareChapter *chapter;

  play_mix (fixture, FALSE);
  chapters = fanfare_player_get_chapters (fixture->player);
  chapter = fanfare_player_get_current_chapter (fixture->player);
  g_assert_cmpstr (fanfare_chapter_get_title (chapter), ==, "Opening");
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 0);
  g_assert_true (fanfare_player_get_can_go_next (fixture->player));

  /* "Next" goes through the chapters, then to the next track, if any. */
  fanfare_player_next (fixture->player);
  g_assert_cmpint (fanfare_player_get_position (fixture->player), ==, MS (2000) + G_USEC_PER_SEC * 37 / 75);
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 1);
  fanfare_player_next (fixture->player);
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 2);
  g_assert_false (fanfare_player_get_can_go_next (fixture->player));

  /* "Previous" early in a chapter goes to the one before; later, to its start. */
  fanfare_player_previous (fixture->player);
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 1);
  fanfare_player_seek (fixture->player, MS (3900));
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 1);
  fanfare_player_play_chapter (fixture->player, 0);
  g_assert_cmpint (fanfare_player_get_position (fixture->player), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 3);

  g_assert_cmpint (fanfare_player_get_time_left (fixture->player), ==, SECONDS * G_USEC_PER_SEC);
  fanfare_player_set_rate (fixture->player, 2.0);
  g_assert_cmpint (fanfare_player_get_time_left (fixture->player), ==, SECONDS * G_USEC_PER_SEC / 2);
}

typedef struct
{
  FanfarePlayer *player;
  GTimeSpan      first_seen[G_N_ELEMENTS (burst_ms)];
} LineWatch;

static void
position_cb (FanfarePlayer *player,
             GParamSpec    *pspec,
             LineWatch     *watch)
{
  GTimeSpan position = fanfare_player_get_position (player);
  int line = fanfare_lyrics_find_line (fanfare_player_get_lyrics (player), position);

  if (line >= 0 && watch->first_seen[line] < 0)
    watch->first_seen[line] = position;
}

/* The lines come in when the sound they go with does. */
static void
test_lyrics_timing (Fixture       *fixture,
                    gconstpointer  data)
{
  LineWatch watch = { fixture->player, { -1, -1, -1 } };
  FanfareLyrics *lyrics;
  g_autoptr(GArray) samples = NULL;
  guint b = 0;

  play_mix (fixture, TRUE);
  lyrics = fanfare_player_get_lyrics (fixture->player);
  g_assert_cmpstr (fanfare_lyrics_get_line_translation (lyrics, 1), ==, "二");
  g_signal_connect (fixture->player, "notify::position", G_CALLBACK (position_cb), &watch);
  g_assert_true (fanfare_test_wait_for (is_stopped, fixture->player, 20000));
  g_signal_handlers_disconnect_by_data (fixture->player, &watch);

  samples = fanfare_test_collector_dup_samples (fixture->collector);
  for (guint i = 0; i < samples->len && b < G_N_ELEMENTS (burst_ms); i++)
    {
      if (abs (g_array_index (samples, gint16, i)) < 100)
        continue;

      /* The sound starts when the lyrics say, to the millisecond. */
      g_assert_cmpint (ABS ((GTimeSpan) i * G_USEC_PER_SEC / FANFARE_TEST_RATE
                            - fanfare_lyrics_get_line_time (lyrics, b)), <=, MS (1));
      i += BURST_LENGTH_MS * FANFARE_TEST_RATE / 1000;
      b++;
    }
  g_assert_cmpuint (b, ==, G_N_ELEMENTS (burst_ms));

  /* And the player showed each line within one position update of it. */
  for (guint line = 0; line < G_N_ELEMENTS (burst_ms); line++)
    {
      g_assert_cmpint (watch.first_seen[line], >=, MS (burst_ms[line]));
      g_assert_cmpint (watch.first_seen[line], <, MS (burst_ms[line] + 400));
    }
}

static double
peak (GArray *samples,
      guint   from,
      guint   to)
{
  int max = 0;

  for (guint i = from; i < MIN (to, samples->len); i++)
    max = MAX (max, abs (g_array_index (samples, gint16, i)));

  return max;
}

/* At the end of the chapter, the sound fades and playback pauses. */
static void
test_sleep_chapter_end (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) samples = NULL;
  guint chapter;

  play_mix (fixture, TRUE);
  fanfare_player_play_chapter (fixture->player, 1);
  fanfare_player_sleep_at_chapter_end (fixture->player);
  g_assert_true (fanfare_player_get_sleep_timer_active (fixture->player));
  g_assert_true (fanfare_test_wait_for (is_paused, fixture->player, 10000));
  g_assert_false (fanfare_player_get_sleep_timer_active (fixture->player));
  g_assert_cmpint (fanfare_player_get_position (fixture->player), >, MS (3800));
  g_assert_cmpint (fanfare_player_get_position (fixture->player), <, MS (4200));

  /* The end of the chapter's burst (2.5 s to 2.9 s), a quarter of the way
   * into the fade, played at a fraction of the level it is written at.
   * (Its first samples may have passed the volume before the timer was
   * set, just after the seek.) */
  samples = fanfare_test_collector_dup_samples (fixture->collector);
  chapter = samples->len;
  while (chapter > 0 && abs (g_array_index (samples, gint16, chapter - 1)) < 100)
    chapter--;
  g_assert_cmpuint (chapter, >, 150 * FANFARE_TEST_RATE / 1000);
  g_assert_cmpfloat (peak (samples, chapter - 150 * FANFARE_TEST_RATE / 1000, chapter), <, 8000 * 0.4);
  g_assert_cmpfloat (peak (samples, chapter - 150 * FANFARE_TEST_RATE / 1000, chapter), >, 100);
}

/* A timer in minutes (here, two seconds) fades out and pauses. */
static void
test_sleep_timer (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 start;

  play_mix (fixture, TRUE);
  start = g_get_monotonic_time ();
  fanfare_player_set_sleep_timer (fixture->player, 2 * G_USEC_PER_SEC);
  g_assert_true (fanfare_test_wait_for (is_paused, fixture->player, 10000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, MS (1800));
  g_assert_cmpint (g_get_monotonic_time () - start, <, MS (3000));
  g_assert_false (fanfare_player_get_sleep_timer_active (fixture->player));

  /* Cancelled, it does nothing. */
  fanfare_player_play (fixture->player);
  fanfare_player_set_sleep_timer (fixture->player, MS (500));
  fanfare_player_set_sleep_timer (fixture->player, 0);
  fanfare_test_wait_ms (1000);
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PLAYING);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (fanfare_player_restore_finish (FANFARE_PLAYER (object), result, NULL));
  *done = TRUE;
}

static FanfarePlayer *
new_restored_player (const char *db)
{
  FanfarePlayer *player = fanfare_player_new ();
  gboolean done = FALSE;

  fanfare_player_set_audio_sink_description (player, "fakesink sync=true");
  fanfare_player_restore_async (player, db, NULL, restored_cb, &done);
  g_assert_true (fanfare_test_wait_for (fanfare_test_flag_is_set, &done, 10000));
  return player;
}

static gboolean
has_position (gpointer  data)
{
  return fanfare_player_get_position (data) > 0;
}

static void
assert_resumed (FanfarePlayer *player,
                GTimeSpan      stopped)
{
  g_assert_true (fanfare_test_wait_for (has_position, player, 10000));
  g_assert_cmpint (fanfare_player_get_position (player), >=, stopped);
  g_assert_cmpint (fanfare_player_get_position (player), <, stopped + MS (700));
}

static gboolean
past_two_seconds (gpointer  data)
{
  return fanfare_player_get_position (data) > MS (2000);
}

/* A book resumes where the listener stopped, after a restart too; a
 * song does not. */
static void
test_resume_restart (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "playback.db", NULL);
  g_autoptr(FanfarePlayer) first = new_restored_player (db);
  g_autoptr(FanfarePlayer) second = NULL;
  g_autoptr(FanfareTrack) book = fanfare_test_track_for_path (fixture->path, "A Book");
  g_autoptr(FanfareTrack) song = fanfare_test_track_for_path (fixture->path, "A Song");
  g_autoptr(GPtrArray) tracks = g_ptr_array_new ();
  GTimeSpan stopped;

  g_object_set (book, "kind", FANFARE_TRACK_KIND_AUDIOBOOK, NULL);
  g_ptr_array_add (tracks, book);
  g_ptr_array_add (tracks, song);
  fanfare_player_play_tracks (first, tracks, 0);
  g_assert_true (fanfare_test_wait_for (past_two_seconds, first, 10000));
  fanfare_player_pause (first);
  stopped = fanfare_player_get_position (first);
  g_assert_cmpint (fanfare_player_get_resume_position (first, book), ==, stopped);
  g_assert_cmpint (fanfare_player_get_resume_position (first, song), ==, -1);

  /* The song plays; then the book, from where it stopped. */
  fanfare_player_play_position (first, 1);
  fanfare_player_seek (first, MS (3000));
  fanfare_player_play_position (first, 0);
  assert_resumed (first, stopped);
  fanfare_player_pause (first);
  stopped = fanfare_player_get_position (first);
  fanfare_player_save_now (first);
  g_assert_finalize_object (g_steal_pointer (&first));

  /* The next run knows it too. */
  second = new_restored_player (db);
  g_assert_cmpint (fanfare_player_get_resume_position (second, book), ==, stopped);
  g_ptr_array_set_size (tracks, 1);
  fanfare_player_play_tracks (second, tracks, 0);
  assert_resumed (second, stopped);
  fanfare_player_pause (second);

  /* A newer position from elsewhere wins; an older one does not. */
  fanfare_player_merge_resume_position (second, book, MS (1000), g_get_real_time () / G_USEC_PER_SEC + 60);
  g_assert_cmpint (fanfare_player_get_resume_position (second, book), ==, MS (1000));
  fanfare_player_merge_resume_position (second, book, MS (5000), 1);
  g_assert_cmpint (fanfare_player_get_resume_position (second, book), ==, MS (1000));
  g_assert_finalize_object (g_steal_pointer (&second));
}

#define playerctl(...) fanfare_test_playerctl (NAME, __VA_ARGS__)

/* The tracklist from playerctl: next and previous move between the
 * entries, and the entry playing is the title. */
static void
test_mpris (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(FanfareMpris) mpris = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (connection);
  mpris = fanfare_mpris_new (fixture->player, connection, NAME, "io.github.fanfare_music.Fanfare");
  play_mix (fixture, FALSE);

  title = playerctl ("metadata", "--format", "{{artist}} - {{title}} [{{album}}]", NULL);
  g_assert_cmpstr (title, ==, "First - Opening [Night Mix]");
  text = playerctl ("metadata", "xesam:asText", NULL);
  g_assert_cmpstr (text, ==, "One\nTwo\nThree");

  g_free (playerctl ("next", NULL));
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 1);
  g_free (title);
  title = playerctl ("metadata", "--format", "{{artist}} - {{title}}", NULL);
  g_assert_cmpstr (title, ==, "Second - Middle");
  g_free (playerctl ("next", NULL));
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 2);
  g_free (playerctl ("previous", NULL));
  g_assert_cmpint (fanfare_player_get_chapter (fixture->player), ==, 1);
  g_free (title);
  title = playerctl ("metadata", "title", NULL);
  g_assert_cmpstr (title, ==, "Middle");

  g_assert_finalize_object (g_steal_pointer (&mpris));
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/player/longform/chapters", test_chapters);
  ADD ("/player/longform/lyrics-timing", test_lyrics_timing);
  ADD ("/player/longform/sleep-chapter-end", test_sleep_chapter_end);
  ADD ("/player/longform/sleep-timer", test_sleep_timer);
  ADD ("/player/longform/mpris", test_mpris);
  ADD ("/player/longform/resume-restart", test_resume_restart);
#undef ADD

  return g_test_run ();
}
