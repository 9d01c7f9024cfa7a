/* test-playback.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playback the way a person meets it, in the real application under Xvfb:
 * files opened as from the command line, the player bar, the queue panel,
 * the now-playing view, the keyboard (real key presses with xdotool),
 * closing the window while music plays, and the notification of a new
 * track, shown by a real notification daemon. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "fanfare-application.h"
#include "fanfare-cover-image.h"
#include "fanfare-now-playing-view.h"
#include "fanfare-player-bar.h"
#include "fanfare-queue-panel.h"
#include "fanfare-queue-row.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-window.h"

static FanfareApplication *app;
static FanfarePlayer *player;
static char *scratch;
static GFile *files[3];

static const char *titles[] = { "First Song", "Second Song", "Third Song" };

static FanfareWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
    }
  g_assert_true (FANFARE_IS_WINDOW (window));
  fanfare_test_wait_mapped (GTK_WIDGET (window));

  return FANFARE_WINDOW (window);
}

static gboolean
is_playing (gpointer  data)
{
  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING;
}

static gboolean
current_has_cover (gpointer  data)
{
  FanfareTrack *track = fanfare_player_get_current_track (player);

  return track != NULL && fanfare_track_get_cover_uri (track) != NULL;
}

static gboolean
cover_loaded (gpointer  data)
{
  return fanfare_cover_image_get_texture (data) != NULL;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = FANFARE_IS_QUEUE_ROW (root) && gtk_widget_get_mapped (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static gboolean
revealed (gpointer  data)
{
  return gtk_revealer_get_child_revealed (data);
}

static gboolean
three_rows (gpointer  data)
{
  return count_rows (data) == 3;
}

static const char *
title_at (guint  position)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (player);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (queue)))
    return NULL;

  return g_intern_string (fanfare_track_get_title (fanfare_play_queue_get_track (queue, position)));
}

static void
test_open_files_and_play (void)
{
  FanfareWindow *window = main_window ();
  GtkWidget *bar = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PLAYER_BAR);
  GtkWidget *panel = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_QUEUE_PANEL);
  GtkWidget *now_playing = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NOW_PLAYING_VIEW);
  FanfarePlayQueue *queue = fanfare_player_get_queue (player);
  FanfareCoverImage *cover;

  fanfare_test_tolerate_playbin_race ();
  /* As `fanfare FILE…` does. */
  fanfare_application_open_files (app, files, G_N_ELEMENTS (files), FANFARE_OPEN_PLAY);
  g_assert_true (fanfare_test_wait_for (is_playing, NULL, 0));

  /* The tags replace the file names, and the embedded cover shows. */
  fanfare_test_assert_label_shown (bar, "First Song");
  fanfare_test_assert_label_shown (bar, "The Testers");
  g_assert_true (fanfare_test_wait_for (current_has_cover, NULL, 0));
  cover = FANFARE_COVER_IMAGE (fanfare_test_find_widget (bar, FANFARE_TYPE_COVER_IMAGE));
  g_assert_true (fanfare_test_wait_for (cover_loaded, cover, 0));

  /* The queue panel lists the three, and reorders by drag and drop, which
   * ends in queue.move. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-queue", NULL);
  g_assert_true (fanfare_test_wait_for (revealed, gtk_widget_get_ancestor (panel, GTK_TYPE_REVEALER), 0));
  g_assert_true (fanfare_test_wait_for (three_rows, panel, 0));
  fanfare_test_assert_label_shown (panel, "Third Song");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "playing-with-queue");

  gtk_widget_activate_action (panel, "queue.move", "(uu)", 2, 0);
  g_assert_cmpstr (title_at (0), ==, "Third Song");
  g_assert_cmpstr (title_at (1), ==, "First Song");
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 1);
  g_assert_cmpstr (fanfare_track_get_title (fanfare_player_get_current_track (player)), ==, "First Song");

  gtk_widget_activate_action (panel, "queue.remove", "u", 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);
  g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_PLAYING);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-queue", NULL);

  /* The now-playing view, and back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-now-playing", NULL);
  fanfare_test_wait_mapped (now_playing);
  fanfare_test_assert_label_shown (now_playing, "First Song");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "now-playing");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-now-playing", NULL);

  /* The player.* actions the buttons and shortcuts use. */
  gtk_widget_activate_action (GTK_WIDGET (window), "player.next", NULL);
  fanfare_test_assert_label_shown (bar, "Second Song");
  gtk_widget_activate_action (GTK_WIDGET (window), "player.play-pause", NULL);
  g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_PAUSED);
  gtk_widget_activate_action (GTK_WIDGET (window), "player.shuffle", NULL);
  g_assert_true (fanfare_play_queue_get_shuffle (queue));
  gtk_widget_activate_action (GTK_WIDGET (window), "player.shuffle", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "player.repeat", NULL);
  g_assert_cmpint (fanfare_play_queue_get_repeat_mode (queue), ==, FANFARE_REPEAT_MODE_ALL);
  gtk_widget_activate_action (GTK_WIDGET (window), "player.volume-down", NULL);
  g_assert_cmpfloat_with_epsilon (fanfare_player_get_volume (player), 0.9, 0.001);
  fanfare_test_assert_buttons_labelled (GTK_WIDGET (window));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "paused");
}

static void
press (const char *key)
{
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", key, NULL };

  g_free (fanfare_test_run (argv));
  fanfare_test_wait_ms (300);
}

static void
test_keyboard (void)
{
  FanfareWindow *window = main_window ();
  GtkWidget *entry;
  g_autofree char *pid = g_strdup_printf ("%d", getpid ());
  const char *focus_argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--pid", pid, "--name", "^Fanfare$",
                               "windowfocus", NULL };
  FanfarePlayerState before;

  fanfare_test_tolerate_playbin_race ();
  /* Our own window: other test programs may have theirs on this display. */
  g_free (fanfare_test_run (focus_argv));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library");
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  /* Space plays and pauses… */
  before = fanfare_player_get_state (player);
  press ("space");
  g_assert_cmpint (fanfare_player_get_state (player), !=, before);
  press ("space");
  g_assert_cmpint (fanfare_player_get_state (player), ==, before);

  /* …but not while typing: in the search entry it is a space. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  entry = fanfare_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  fanfare_test_wait_ms (200);
  press ("a");
  press ("space");
  press ("b");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "a b");
  g_assert_cmpint (fanfare_player_get_state (player), ==, before);

  /* Ctrl+Right is the next track. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  fanfare_player_play_position (player, 0);
  press ("ctrl+Right");
  g_assert_cmpint (fanfare_play_queue_get_current (fanfare_player_get_queue (player)), ==, 1);
}

static gboolean
window_hidden (gpointer  data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
no_windows (gpointer  data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_close_while_playing (void)
{
  GSettings *settings = fanfare_application_get_settings (app);
  FanfareWindow *window = main_window ();

  fanfare_test_tolerate_playbin_race ();
  g_settings_set_boolean (settings, "run-in-background", TRUE);
  fanfare_player_play (player);
  g_assert_true (fanfare_test_wait_for (is_playing, NULL, 0));

  /* Closed while playing: hidden, and the music goes on. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (fanfare_test_wait_for (window_hidden, window, 0));
  g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL);
  fanfare_test_wait_ms (500);
  g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_PLAYING);

  /* Activating the application brings the same window back. */
  g_application_activate (G_APPLICATION (app));
  fanfare_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));

  /* Without the preference, closing closes. */
  g_settings_set_boolean (settings, "run-in-background", FALSE);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (fanfare_test_wait_for (no_windows, NULL, 0));
  g_settings_set_boolean (settings, "run-in-background", TRUE);
}

static gboolean
history_has (gpointer  data)
{
  const char *argv[] = { "dunstctl", "history", NULL };
  g_autofree char *history = fanfare_test_run (argv);

  return history != NULL && strstr (history, data) != NULL;
}

static void
test_notification_on_track_change (void)
{
  g_autoptr(GSubprocess) dunst = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_build_filename (scratch, "dunstrc", NULL);
  const char *wait_argv[] = { "gdbus", "wait", "--session", "--timeout", "10", "org.freedesktop.Notifications",
                              NULL };
  FanfareWindow *window;

  fanfare_test_tolerate_playbin_race ();
  /* A real notification daemon on the test's bus and display. */
  /* Shown for a second, then kept in the history the test reads. */
  g_file_set_contents (config,
                       "[global]\n    history_length = 20\n"
                       "[urgency_low]\n    timeout = 1\n"
                       "[urgency_normal]\n    timeout = 1\n", -1, &error);
  g_assert_no_error (error);
  dunst = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, "dunst", "-config", config, NULL);
  g_assert_no_error (error);
  g_free (fanfare_test_run (wait_argv));

  g_settings_set_boolean (fanfare_application_get_settings (app), "notify-track-change", TRUE);
  window = main_window ();
  fanfare_player_play_position (player, 0);
  g_assert_true (fanfare_test_wait_for (is_playing, NULL, 0));

  /* With the window out of the way, the next track is announced. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (fanfare_test_wait_for (window_hidden, window, 0));
  fanfare_player_next (player);
  if (!fanfare_test_wait_for (history_has, (gpointer) title_at (1), 10000))
    g_error ("No notification of “%s”", title_at (1));
  g_assert_true (history_has ((gpointer) "The Testers — Songs for Tests"));

  g_settings_set_boolean (fanfare_application_get_settings (app), "notify-track-change", FALSE);
  g_application_activate (G_APPLICATION (app));
  g_subprocess_force_exit (dunst);
  g_subprocess_wait (dunst, NULL, NULL);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fanfare_player_restore_finish (FANFARE_PLAYER (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_queue_is_kept (void)
{
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "fanfare", "playback.db", NULL);
  g_autoptr(FanfarePlayer) again = fanfare_player_new ();
  gboolean done = FALSE;

  fanfare_test_tolerate_playbin_race ();
  fanfare_player_pause (player);
  fanfare_player_save_now (player);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  /* What the next run of the application will find. */
  fanfare_player_restore_async (again, db, NULL, restored_cb, &done);
  g_assert_true (fanfare_test_wait_for (fanfare_test_flag_is_set, &done, 0));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (again))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (player))));
  g_assert_cmpint (fanfare_player_get_state (again), ==, FANFARE_PLAYER_STATE_PAUSED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cover = NULL;
  int ret;

  /* Before GLib reads them for the first time. */
  scratch = fanfare_test_use_private_dirs ();
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);

  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);

  cover = fanfare_test_make_cover (0xd0603aff);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.flac", i + 1);
      g_autofree char *path = g_build_filename (scratch, name, NULL);

      fanfare_test_write_flac (path, 6, titles[i], "The Testers", "Songs for Tests", cover);
      files[i] = g_file_new_for_path (path);
    }

  app = fanfare_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_settings_set_boolean (fanfare_application_get_settings (app), "notify-track-change", FALSE);
  player = fanfare_application_get_player (app);

  g_test_add_func ("/app/playback/open-files-and-play", test_open_files_and_play);
  g_test_add_func ("/app/playback/keyboard", test_keyboard);
  g_test_add_func ("/app/playback/close-while-playing", test_close_while_playing);
  g_test_add_func ("/app/playback/notification-on-track-change", test_notification_on_track_change);
  g_test_add_func ("/app/playback/queue-is-kept", test_queue_is_kept);

  ret = g_test_run ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (app);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);

  return ret;
}
