/* test-identify-system-sound.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Identifying what the computer itself plays, for real: a headless
 * PipeWire with its PulseAudio server and a null output as the default
 * sink; a song plays into it, and the identifier, on System Sound with no
 * source of its own, hears it through the default output's monitor. */

#include "config.h"

#include <gst/gst.h>
#include <signal.h>
#include <sys/wait.h>

#include "fanfare-fp-extract.h"
#include "fanfare-identifier.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"
#include "fanfare-test-utils.h"

#define SONG_SECONDS 30.0

static GPid daemons[3];

static FanfareTrack *
lookup (const char *id,
        gpointer    user_data)
{
  return g_object_new (FANFARE_TYPE_TRACK, "id", id, "title", id, NULL);
}

static gboolean
run (const char *command)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  /* Their output is not for the test's own, which is TAP. */
  return g_spawn_command_line_sync (command, &out, &err, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static gboolean
start_sound_server (const char *runtime_dir)
{
  const char *names[] = { "pipewire", "wireplumber", "pipewire-pulse" };

  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *program = g_find_program_in_path (names[i]);

      if (program == NULL)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *argv[] = { names[i], NULL };

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &daemons[i], NULL));
      fanfare_test_wait_ms (300);
    }

  for (guint tries = 0; tries < 50; tries++)
    {
      if (run ("pactl info"))
        return run ("pactl load-module module-null-sink sink_name=fanfare_test_output") &&
               run ("pactl set-default-sink fanfare_test_output");
      fanfare_test_wait_ms (100);
    }

  return FALSE;
}

static void
stop_sound_server (void)
{
  for (int i = G_N_ELEMENTS (daemons) - 1; i >= 0; i--)
    if (daemons[i] != 0)
      {
        kill (daemons[i], SIGTERM);
        waitpid (daemons[i], NULL, 0);
        g_spawn_close_pid (daemons[i]);
      }
}

static void
identified_cb (FanfareIdentifier *identifier,
               FanfareTrack      *track,
               double             offset,
               double             confidence,
               double             at,
               char             **title)
{
  *title = g_strdup (fanfare_track_get_title (track));
}

static void
finished_cb (FanfareIdentifier *identifier,
             gboolean           found,
             gboolean          *done)
{
  *done = TRUE;
}

static void
test_system_sound (void)
{
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *wav = g_build_filename (dir, "song.wav", NULL);
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! wavparse ! audioconvert ! "
                                                  "audioresample ! pulsesink", wav);
  g_autoptr(FanfareIdentifier) identifier = fanfare_identifier_new (NULL);
  FanfareFpIndex *index = fanfare_fp_index_new ();
  g_autoptr(GstElement) player = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean done = FALSE;
  gsize n_samples;
  g_autofree float *song = fanfare_test_music_new (601, SONG_SECONDS, &n_samples);
  g_autoptr(GArray) hashes = fanfare_fp_extract_hashes (song, n_samples);

  if (!start_sound_server (dir))
    {
      stop_sound_server ();
      g_test_skip ("No PipeWire sound server could start here");
      return;
    }

  fanfare_fp_index_add (index, "Played Here", n_samples / FANFARE_FP_HOP, hashes);
  fanfare_identifier_set_local_index (identifier, index, lookup, NULL);
  fanfare_identifier_set_source (identifier, FANFARE_IDENTIFY_SOURCE_SYSTEM);
  g_signal_connect (identifier, "identified", G_CALLBACK (identified_cb), &title);
  g_signal_connect (identifier, "finished", G_CALLBACK (finished_cb), &done);

  /* The song plays in real time from its fifth second. */
  fanfare_test_write_wav (wav, song + 5 * FANFARE_FP_SAMPLE_RATE, 20 * FANFARE_FP_SAMPLE_RATE);
  player = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_element_set_state (player, GST_STATE_PLAYING);

  g_assert_true (fanfare_identifier_start (identifier, &error));
  g_assert_no_error (error);
  g_assert_true (fanfare_test_wait_for (fanfare_test_flag_is_set, &done, 20000));
  g_assert_cmpstr (title, ==, "Played Here");
  g_test_message ("system sound: a sure match after %.0f s", fanfare_identifier_get_heard (identifier));

  gst_element_set_state (player, GST_STATE_NULL);
  stop_sound_server ();
  fanfare_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identifier/system-sound", test_system_sound);

  return g_test_run ();
}
