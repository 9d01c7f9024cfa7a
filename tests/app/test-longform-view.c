/* test-longform-view.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The now-playing view with a DJ mix playing from a local file, its cue
 * sheet and its lyrics beside it: the line sung is highlighted with its
 * translation, a click on a line or an entry seeks, the entry playing is
 * highlighted, the speed and the sleep timer are set from the panel, the
 * time left shows, and unsynced lyrics are plain text. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fanfare-chapters-panel.h"
#include "fanfare-lyrics-editor.h"
#include "fanfare-lyrics-view.h"
#include "fanfare-now-playing-view.h"
#include "fanfare-player-bar.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-gtk-utils.h"

#define SECONDS 8

static char *scratch;

static char *
write_mix (void)
{
  g_autofree gint16 * signal = g_new0 (gint16, SECONDS * FANFARE_TEST_RATE);
  g_autofree char *lrc = g_build_filename (scratch, "mix.lrc", NULL);
  g_autofree char *cue = g_build_filename (scratch, "mix.cue", NULL);
  char *path = g_build_filename (scratch, "mix.wav", NULL);

  for (guint i = 0; i < SECONDS * FANFARE_TEST_RATE; i++)
    signal[i] = (gint16) (3000 * sin (2 * G_PI * 330 * i / FANFARE_TEST_RATE));
  fanfare_test_write_wav (path, signal, SECONDS * FANFARE_TEST_RATE);
  g_assert_true (g_file_set_contents (lrc,
                                      "[00:00.50]<00:00.50>First <00:01.00>line\n"
                                      "[00:01.50]Second line\n[00:01.50]第二行\n"
                                      "[00:05.00]Third line\n[00:05.00]第三行\n", -1, NULL));
  g_assert_true (g_file_set_contents (cue,
                                      "FILE \"mix.wav\" WAVE\n"
                                      "TRACK 01 AUDIO\nTITLE \"Opening\"\nPERFORMER \"First\"\nINDEX 01 00:00:00\n"
                                      "TRACK 02 AUDIO\nTITLE \"Middle\"\nPERFORMER \"Second\"\nINDEX 01 00:03:00\n"
                                      "TRACK 03 AUDIO\nTITLE \"Closing\"\nPERFORMER \"Third\"\nINDEX 01 00:06:00\n",
                                      -1, NULL));
  return path;
}

typedef struct {
  FanfareLyricsView *view;
  int                line;
} LineWait;

static gboolean
line_is (gpointer  data)
{
  LineWait *wait = data;

  return fanfare_lyrics_view_get_current_line (wait->view) == wait->line;
}

static gboolean
has_extras (gpointer  data)
{
  return fanfare_player_get_lyrics (data) != NULL && g_list_model_get_n_items (fanfare_player_get_chapters (data)) == 3;
}

static GtkListBoxRow *
row_at (GtkWidget *root,
        GType      type,
        guint      index)
{
  GtkWidget *widget = fanfare_test_find_widget (root, type);
  GtkWidget *list = fanfare_test_find_widget (widget, GTK_TYPE_LIST_BOX);

  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
}

static void
test_mix (void)
{
  g_autofree char *path = write_mix ();
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FanfareLyrics) plain = fanfare_lyrics_new_from_lrc ("Words without time\nMore words", -1, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  FanfareNowPlayingView *view = g_object_new (FANFARE_TYPE_NOW_PLAYING_VIEW, NULL);
  FanfarePlayerBar *bar = g_object_new (FANFARE_TYPE_PLAYER_BAR, NULL);
  FanfareLyricsView *lyrics_view;
  GtkDropDown *speed;
  FanfareTrack *track;
  LineWait wait;

  fanfare_player_set_audio_sink_description (player, "fakesink sync=true");
  track = fanfare_test_track_for_path (path, "Night Mix");
  g_object_set (track, "kind", FANFARE_TRACK_KIND_DJ_MIX, NULL);
  g_ptr_array_add (tracks, track);

  gtk_window_set_title (window, "Long Form");
  gtk_window_set_default_size (window, 1000, 700);
  gtk_widget_set_vexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  gtk_window_set_child (window, box);
  fanfare_now_playing_view_set_player (view, player);
  fanfare_player_bar_set_player (bar, player);
  gtk_window_present (window);
  fanfare_test_wait_mapped (GTK_WIDGET (window));

  fanfare_player_play_tracks (player, tracks, 0);
  g_assert_true (fanfare_test_wait_for (has_extras, player, 10000));
  lyrics_view = FANFARE_LYRICS_VIEW (fanfare_test_find_widget (GTK_WIDGET (view), FANFARE_TYPE_LYRICS_VIEW));

  /* The mix opens on its tracklist, the entry playing highlighted. */
  fanfare_test_assert_label_shown (GTK_WIDGET (view), "Opening");
  fanfare_test_assert_label_shown (GTK_WIDGET (view), "Closing");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_at (GTK_WIDGET (view), FANFARE_TYPE_CHAPTERS_PANEL, 0)),
                                           "current"));

  /* The lyrics follow the music, the translation under the line. */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (lyrics_view))), "lyrics");
  wait = (LineWait) { lyrics_view, 1 };
  g_assert_true (fanfare_test_wait_for (line_is, &wait, 10000));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_at (GTK_WIDGET (view), FANFARE_TYPE_LYRICS_VIEW, 1)),
                                           "current"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_at (GTK_WIDGET (view), FANFARE_TYPE_LYRICS_VIEW, 0)),
                                           "sung"));
  fanfare_test_assert_label_shown (GTK_WIDGET (view), "第二行");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "longform-lyrics");

  /* A click on a line goes there. */
  gtk_widget_activate (GTK_WIDGET (row_at (GTK_WIDGET (view), FANFARE_TYPE_LYRICS_VIEW, 2)));
  g_assert_cmpint (fanfare_player_get_position (player), >=, 5 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (fanfare_player_get_position (player), <, 5300 * G_TIME_SPAN_MILLISECOND);
  wait.line = 2;
  g_assert_true (fanfare_test_wait_for (line_is, &wait, 5000));

  /* An entry too; the speed and the sleep timer come from the panel. */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (lyrics_view))), "chapters");
  gtk_widget_activate (GTK_WIDGET (row_at (GTK_WIDGET (view), FANFARE_TYPE_CHAPTERS_PANEL, 1)));
  g_assert_cmpint (fanfare_player_get_chapter (player), ==, 1);
  /* The player bar names the entry playing, and the mix under it. */
  fanfare_test_assert_label_shown (GTK_WIDGET (bar), "Middle");
  fanfare_test_assert_label_shown (GTK_WIDGET (bar), "Second — Night Mix");
  speed = GTK_DROP_DOWN (fanfare_test_find_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (speed, 4);
  g_assert_cmpfloat (fanfare_player_get_rate (player), ==, 1.5);
  g_assert_true (gtk_widget_activate_action (fanfare_test_find_widget (GTK_WIDGET (view), FANFARE_TYPE_CHAPTERS_PANEL),
                                             "longform.sleep", "i", 30));
  g_assert_true (fanfare_player_get_sleep_timer_active (player));
  g_assert_true (gtk_widget_activate_action (fanfare_test_find_widget (GTK_WIDGET (view), FANFARE_TYPE_CHAPTERS_PANEL),
                                             "longform.sleep", "i", 0));
  g_assert_false (fanfare_player_get_sleep_timer_active (player));
  fanfare_test_assert_label_shown (GTK_WIDGET (view), "1 min left");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "longform-chapters");

  /* Unsynced lyrics: plain lines, none highlighted. */
  fanfare_player_set_extras (player, track, plain, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (lyrics_view))), "lyrics");
  fanfare_test_assert_label_shown (GTK_WIDGET (view), "More words");
  fanfare_test_wait_ms (500);
  g_assert_cmpint (fanfare_lyrics_view_get_current_line (lyrics_view), ==, -1);
  g_assert_false (gtk_list_box_row_get_activatable (row_at (GTK_WIDGET (view), FANFARE_TYPE_LYRICS_VIEW, 0)));

  fanfare_player_stop (player);
  gtk_window_destroy (window);
}

static gboolean
position_past (gpointer  data)
{
  FanfarePlayer *player = data;
  GTimeSpan *after = g_object_get_data (G_OBJECT (player), "test-after");

  return fanfare_player_get_position (player) > *after;
}

/* Tapping along while the song plays times each line with text, in turn. */
static void
test_lyrics_editor (void)
{
  g_autofree char *path = write_mix ();
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(FanfareTrack) track = fanfare_test_track_for_path (path, "A Song");
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stamped = fanfare_lyrics_stamp_line ("[00:01.00]a\n\n  \nb", 1, 2500 * G_TIME_SPAN_MILLISECOND);
  FanfareLyricsEditor *editor;
  GTimeSpan tapped[3];
  GTimeSpan after;

  g_assert_cmpstr (stamped, ==, "[00:01.00]a\n\n  \n[00:02.50]b");
  g_assert_null (fanfare_lyrics_stamp_line ("a\nb", 2, 0));

  fanfare_player_set_audio_sink_description (player, "fakesink sync=true");
  editor = fanfare_lyrics_editor_new (NULL, NULL, player, track);
  fanfare_lyrics_editor_set_text (editor, "One\n\nTwo\n[00:42.00]Three\n");
  gtk_window_present (GTK_WINDOW (editor));
  fanfare_test_wait_mapped (GTK_WIDGET (editor));
  fanfare_test_assert_label_shown (GTK_WIDGET (editor), "Next: One");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lyrics.start-timing", NULL));
  g_object_set_data (G_OBJECT (player), "test-after", &after);
  for (guint i = 0; i < 3; i++)
    {
      after = (GTimeSpan) (i + 1) * 600 * G_TIME_SPAN_MILLISECOND;
      g_assert_true (fanfare_test_wait_for (position_past, player, 10000));
      tapped[i] = fanfare_player_get_position (player);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lyrics.tap", NULL));
    }
  fanfare_test_assert_label_shown (GTK_WIDGET (editor), "Every line is timed");
  fanfare_test_save_screenshot (GTK_WIDGET (editor), "longform-lyrics-editor");

  text = fanfare_lyrics_editor_dup_text (editor);
  lyrics = fanfare_lyrics_new_from_lrc (text, -1, NULL);
  g_assert_nonnull (lyrics);
  g_assert_true (fanfare_lyrics_is_synced (lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (lyrics), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      /* To the hundredth of a second, as LRC writes it. */
      g_assert_cmpint (ABS (fanfare_lyrics_get_line_time (lyrics, i) - tapped[i]), <, 10 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 2), ==, "Three");

  g_object_set_data (G_OBJECT (player), "test-after", NULL);
  fanfare_player_stop (player);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_time_left (void)
{
  g_autofree char *short_left = fanfare_format_time_left (38 * G_TIME_SPAN_MINUTE - G_TIME_SPAN_SECOND);
  g_autofree char *long_left = fanfare_format_time_left (125 * G_TIME_SPAN_MINUTE);

  g_assert_cmpstr (short_left, ==, "38 min left");
  g_assert_cmpstr (long_left, ==, "2 h 5 min left");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  scratch = fanfare_test_use_private_dirs ();
  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);

  g_test_add_func ("/app/longform/time-left", test_time_left);
  g_test_add_func ("/app/longform/mix", test_mix);
  g_test_add_func ("/app/longform/lyrics-editor", test_lyrics_editor);

  ret = g_test_run ();
  fanfare_test_rm_rf (scratch);
  g_free (scratch);
  return ret;
}
