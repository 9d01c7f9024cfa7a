/* test-longform-local.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A local audiobook in the real application: an Ogg file made by
 * audiotestsrc with a cue sheet beside it, found by the library scan. Its
 * book page lists the chapters and the time left, a click on a chapter
 * plays from there, and the page shows where the listener stopped. The
 * player bar's chapter button lists them too, the one playing marked. The
 * now-playing view puts the chapters beside the cover when wide and under
 * it when narrow. A song queued twice has two rows in the queue. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "fanfare-album-page.h"
#include "fanfare-application.h"
#include "fanfare-chapter-button.h"
#include "fanfare-chapters-panel.h"
#include "fanfare-cover-image.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-now-playing-view.h"
#include "fanfare-player-bar.h"
#include "fanfare-queue-panel.h"
#include "fanfare-queue-row.h"
#include "fanfare-test-app.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-track-page.h"
#include "fanfare-track-row.h"
#include "fanfare-window.h"

/* Long enough for minutes left to mean something; chapters each minute. */
#define BOOK_SECONDS 150

static FanfareApplication *app;
static FanfarePlayer *player;
static FanfareWindow *window;
static FanfareLibraryModel *songs;
static char *scratch;
static char *music_dir;

static void
write_music (void)
{
  g_autofree char *book = g_build_filename (music_dir, "book.ogg", NULL);
  g_autofree char *cue = g_build_filename (music_dir, "book.cue", NULL);
  g_autofree char *song = g_build_filename (music_dir, "song.flac", NULL);
  g_autofree char *lrc = g_build_filename (music_dir, "song.lrc", NULL);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("audiotestsrc num-buffers=%d samplesperbuffer=8000 freq=330 volume=0.3"
                                 " ! audio/x-raw,rate=8000,channels=1"
                                 " ! taginject tags=\"title=\\\"The Long Book\\\",artist=Reader,album=Stories\""
                                 " ! audioconvert ! vorbisenc ! oggmux ! filesink location=\"%s\"",
                                 BOOK_SECONDS, book);
  fanfare_test_run_pipeline (description);
  g_assert_true (g_file_set_contents (cue,
                                      "FILE \"book.ogg\" WAVE\n"
                                      "TRACK 01 AUDIO\nTITLE \"The Beginning\"\nINDEX 01 00:00:00\n"
                                      "TRACK 02 AUDIO\nTITLE \"The Middle\"\nINDEX 01 01:00:00\n"
                                      "TRACK 03 AUDIO\nTITLE \"The End\"\nINDEX 01 02:00:00\n", -1, NULL));
  fanfare_test_write_flac (song, 2, "Short Song", "Singer", "Singles", NULL);
  g_assert_true (g_file_set_contents (lrc, "[00:00.50]Sung\n", -1, NULL));
}

static gboolean
scanned (gpointer  data)
{
  FanfareLibrary *library = fanfare_application_get_library (app);

  if (songs == NULL && fanfare_library_get_open (library))
    songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  return songs != NULL && g_list_model_get_n_items (G_LIST_MODEL (songs)) == 2;
}

static FanfareTrack *
local_track (const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (songs)); i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (G_LIST_MODEL (songs), i);

      if (g_strcmp0 (fanfare_track_get_title (track), title) == 0)
        return g_steal_pointer (&track);
    }
  g_error ("No “%s” in the library", title);
}

static GtkWidget *
visible_page (void)
{
  GtkWidget *stack = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NAVIGATION_STACK);

  return fanfare_navigation_stack_get_visible_page (FANFARE_NAVIGATION_STACK (stack));
}

static gboolean
album_page_shown (gpointer  data)
{
  GtkWidget *page = visible_page ();

  return FANFARE_IS_ALBUM_PAGE (page) && gtk_widget_get_mapped (page);
}

static gboolean
book_page_shown (gpointer  data)
{
  GtkWidget *page = visible_page ();

  return FANFARE_IS_TRACK_PAGE (page) && gtk_widget_get_mapped (page);
}

static GtkListBox *
chapters_list (GtkWidget *root)
{
  GtkWidget *label = fanfare_test_find_label (root, "The Middle");

  g_assert_nonnull (label);
  return GTK_LIST_BOX (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX));
}

static gboolean
has_label (gpointer  data)
{
  const char **what = data;

  return fanfare_test_find_label (GTK_WIDGET (window), what[0]) != NULL &&
         (what[1] == NULL || fanfare_test_find_label (GTK_WIDGET (window), what[1]) != NULL);
}

static gboolean
at_chapter (gpointer  data)
{
  return fanfare_player_get_chapter (player) == GPOINTER_TO_INT (data) &&
         fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING;
}

static gboolean
pages_at_rest (gpointer  data)
{
  GtkWidget *navigation = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NAVIGATION_STACK);

  return !gtk_stack_get_transition_running (GTK_STACK (fanfare_test_find_widget (navigation, GTK_TYPE_STACK)));
}

/* The book plays, and the player knows its chapters. */
static gboolean
book_ready (gpointer  data)
{
  FanfareTrack *current = fanfare_player_get_current_track (player);

  return current != NULL && g_strcmp0 (fanfare_track_get_title (current), "The Long Book") == 0 &&
         g_list_model_get_n_items (fanfare_player_get_chapters (player)) == 3 &&
         fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING;
}

static void
open_book_page (FanfareTrack *book)
{
  fanfare_navigate_track (GTK_WIDGET (window), book);
  g_assert_true (fanfare_test_wait_for (book_page_shown, NULL, 0));
  g_assert_true (fanfare_test_wait_for (pages_at_rest, NULL, 0));
}

static void
test_book_page (void)
{
  g_autoptr(FanfareTrack) book = local_track ("The Long Book");
  g_autoptr(FanfareTrack) song = local_track ("Short Song");
  const char *chapters[] = { "The Beginning", "The End" };
  const char *resumed[] = { "2 min left", NULL };
  GtkListBox *list;
  GtkWidget *page;

  /* What the scan noted: a book, and a song with lyrics. */
  g_assert_cmpint (fanfare_track_get_kind (book), ==, FANFARE_TRACK_KIND_AUDIOBOOK);
  g_assert_cmpint (fanfare_track_get_kind (song), ==, FANFARE_TRACK_KIND_SONG);
  g_assert_true (fanfare_track_get_has_lyrics (song));
  g_assert_false (fanfare_track_get_has_lyrics (book));

  open_book_page (book);
  page = visible_page ();
  g_assert_true (fanfare_test_wait_for (has_label, chapters, 0));
  fanfare_test_assert_label_shown (page, "The Middle");
  fanfare_test_assert_label_shown (page, "1:00");
  fanfare_test_assert_label_shown (page, "3 min left");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "local-book-page");

  /* A click on the second chapter plays the book from there. */
  list = chapters_list (page);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  if (!fanfare_test_wait_for (at_chapter, GINT_TO_POINTER (1), 0))
    g_error ("chapter %d position %" G_GINT64_FORMAT " state %d", fanfare_player_get_chapter (player),
             fanfare_player_get_position (player), fanfare_player_get_state (player));
  g_assert_cmpstr (fanfare_track_get_title (fanfare_player_get_current_track (player)), ==, "The Long Book");
  g_assert_cmpint (fanfare_player_get_position (player), >=, 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (fanfare_player_get_position (player), <, 65 * G_TIME_SPAN_SECOND);

  /* Paused, the place is kept, and the page opened again says so. */
  fanfare_player_pause (player);
  g_assert_cmpint (fanfare_player_get_resume_position (player, book), >=, 60 * G_TIME_SPAN_SECOND);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  open_book_page (book);
  g_assert_true (fanfare_test_wait_for (has_label, resumed, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_true (fanfare_test_wait_for (pages_at_rest, NULL, 0));
}

/* A song with lyrics says so in the lists, as the library found. */
static void
test_lyrics_indicator (void)
{
  g_autoptr(FanfareTrack) song = local_track ("Short Song");
  GtkWidget *page, *label, *row;

  fanfare_navigate_album_of_track (GTK_WIDGET (window), song);
  g_assert_true (fanfare_test_wait_for (album_page_shown, NULL, 0));
  g_assert_true (fanfare_test_wait_for (has_label, (const char *[]) { "Short Song", NULL }, 0));
  g_assert_true (fanfare_test_wait_for (pages_at_rest, NULL, 0));
  page = visible_page ();
  label = fanfare_test_find_label (page, "Short Song");
  row = gtk_widget_get_ancestor (label, FANFARE_TYPE_TRACK_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (fanfare_test_find_widget_with_class (row, GTK_TYPE_IMAGE, "lyrics-indicator")));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "local-album-lyrics");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_true (fanfare_test_wait_for (pages_at_rest, NULL, 0));
}

static GtkWidget *
row_mark (GtkListBoxRow *row)
{
  return fanfare_test_find_widget_with_class (GTK_WIDGET (row), GTK_TYPE_IMAGE, "current-mark");
}

static gboolean
popover_closed (gpointer  data)
{
  return !gtk_widget_get_visible (data);
}

static void
test_chapter_button (void)
{
  g_autoptr(FanfareTrack) book = local_track ("The Long Book");
  GtkWidget *bar = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PLAYER_BAR);
  GtkWidget *button = fanfare_test_find_widget (bar, FANFARE_TYPE_CHAPTER_BUTTON);
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (fanfare_test_find_widget (button, GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  GtkListBox *list;

  fanfare_application_play_track (app, book, FANFARE_PLAY_NOW);
  g_assert_true (fanfare_test_wait_for (book_ready, NULL, 0));
  fanfare_player_play_chapter (player, 1);
  g_assert_true (fanfare_test_wait_for (at_chapter, GINT_TO_POINTER (1), 0));
  g_assert_true (gtk_widget_get_visible (button));

  /* The popover lists the chapters, the one playing marked. */
  gtk_menu_button_popup (menu_button);
  fanfare_test_wait_mapped (popover);
  list = chapters_list (popover);
  fanfare_test_assert_label_shown (popover, "The Beginning");
  fanfare_test_assert_label_shown (popover, "The End");
  g_assert_true (gtk_widget_get_visible (row_mark (gtk_list_box_get_row_at_index (list, 1))));
  g_assert_false (gtk_widget_get_visible (row_mark (gtk_list_box_get_row_at_index (list, 0))));
  fanfare_test_save_screenshot (popover, "chapter-button");

  /* Choosing one plays from there and closes the popover. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)));
  g_assert_true (fanfare_test_wait_for (at_chapter, GINT_TO_POINTER (2), 0));
  g_assert_cmpint (fanfare_player_get_position (player), >=, 120 * G_TIME_SPAN_SECOND);
  g_assert_true (fanfare_test_wait_for (popover_closed, popover, 0));
  g_assert_true (gtk_widget_get_visible (row_mark (gtk_list_box_get_row_at_index (list, 2))));
  g_assert_false (gtk_widget_get_visible (row_mark (gtk_list_box_get_row_at_index (list, 1))));

  /* A song has no chapters, and no button. */
  {
    g_autoptr(FanfareTrack) song = local_track ("Short Song");

    fanfare_application_play_track (app, song, FANFARE_PLAY_NOW);
    g_assert_true (fanfare_test_wait_for (popover_closed, button, 0));
  }
  fanfare_player_pause (player);
}

typedef struct {
  FanfareNowPlayingView *view;
  gboolean               wide;
} LayoutWait;

static gboolean
layout_is (gpointer  data)
{
  LayoutWait *wait = data;

  return fanfare_now_playing_view_get_wide (wait->view) == wait->wide &&
         (gtk_widget_get_width (GTK_WIDGET (wait->view)) >= 860) == wait->wide;
}

/* Where the chapters are: beside the cover (wide) or under it. */
static void
assert_layout (FanfareNowPlayingView *view,
               gboolean               wide)
{
  GtkWidget *cover = fanfare_test_find_widget (GTK_WIDGET (view), FANFARE_TYPE_COVER_IMAGE);
  GtkWidget *chapters = fanfare_test_find_widget (GTK_WIDGET (view), FANFARE_TYPE_CHAPTERS_PANEL);
  graphene_rect_t cover_bounds, chapters_bounds;
  LayoutWait wait = { view, wide };

  g_assert_true (fanfare_test_wait_for (layout_is, &wait, 0));
  fanfare_test_wait_frame (GTK_WIDGET (view));
  fanfare_test_assert_label_shown (chapters, "The Middle");
  g_assert_true (gtk_widget_compute_bounds (cover, GTK_WIDGET (view), &cover_bounds));
  g_assert_true (gtk_widget_compute_bounds (chapters, GTK_WIDGET (view), &chapters_bounds));
  if (wide)
    g_assert_cmpfloat (chapters_bounds.origin.x, >=, cover_bounds.origin.x + cover_bounds.size.width);
  else
    g_assert_cmpfloat (chapters_bounds.origin.y, >=, cover_bounds.origin.y + cover_bounds.size.height);
}

/* The now-playing view in a window 1100 pixels wide, beside a spacer that
 * takes some of the width away when it is asked to. */
static void
test_wide_and_narrow (void)
{
  g_autoptr(FanfareTrack) book = local_track ("The Long Book");
  FanfareNowPlayingView *view = g_object_new (FANFARE_TYPE_NOW_PLAYING_VIEW, NULL);
  GtkWindow *other = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fanfare_application_play_track (app, book, FANFARE_PLAY_NOW);
  g_assert_true (fanfare_test_wait_for (book_ready, NULL, 0));
  fanfare_player_pause (player);

  gtk_widget_set_hexpand (GTK_WIDGET (view), TRUE);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  gtk_window_set_title (other, "Now Playing");
  gtk_window_set_default_size (other, 1100, 720);
  gtk_window_set_child (other, box);
  fanfare_now_playing_view_set_player (view, player);
  gtk_window_present (other);
  fanfare_test_wait_mapped (GTK_WIDGET (other));

  assert_layout (view, TRUE);
  fanfare_test_save_screenshot (GTK_WIDGET (view), "now-playing-wide");

  gtk_widget_set_size_request (spacer, 580, -1);
  assert_layout (view, FALSE);
  fanfare_test_save_screenshot (GTK_WIDGET (view), "now-playing-narrow");

  gtk_widget_set_size_request (spacer, -1, -1);
  assert_layout (view, TRUE);
  gtk_window_destroy (other);
}

typedef struct {
  GtkWidget  *panel;
  const char *title;
  guint       n;
} RowWait;

static guint
rows_titled (GtkWidget  *panel,
             const char *title)
{
  GtkWidget *list = fanfare_test_find_widget (panel, GTK_TYPE_LIST_VIEW);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (FANFARE_IS_QUEUE_ROW (row) && gtk_widget_get_visible (child) &&
          fanfare_test_find_label (row, title) != NULL)
        n++;
    }
  return n;
}

static gboolean
has_rows (gpointer  data)
{
  RowWait *wait = data;

  return rows_titled (wait->panel, wait->title) == wait->n;
}

static gboolean
revealed (gpointer  data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* The same song queued twice is two entries, two rows, and no warning
 * (the tests make warnings fatal). */
static void
test_queued_twice (void)
{
  g_autoptr(FanfareTrack) song = local_track ("Short Song");
  g_autoptr(FanfareTrack) book = local_track ("The Long Book");
  GtkWidget *panel = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_QUEUE_PANEL);
  FanfarePlayQueue *queue = fanfare_player_get_queue (player);
  RowWait wait = { panel, "Short Song", 2 };
  g_autoptr(FanfareQueueEntry) first = NULL;
  g_autoptr(FanfareQueueEntry) second = NULL;

  g_assert_cmpint (g_list_model_get_item_type (G_LIST_MODEL (queue)), ==, FANFARE_TYPE_QUEUE_ENTRY);
  fanfare_player_stop (player);
  fanfare_play_queue_clear (queue);
  fanfare_application_play_track (app, song, FANFARE_PLAY_LAST);
  fanfare_application_play_track (app, song, FANFARE_PLAY_LAST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (queue), 0);
  second = g_list_model_get_item (G_LIST_MODEL (queue), 1);
  g_assert_true (first != second);
  g_assert_true (fanfare_queue_entry_get_track (first) == fanfare_queue_entry_get_track (second));
  g_assert_cmpuint (fanfare_queue_entry_get_id (first), !=, fanfare_queue_entry_get_id (second));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-queue", NULL);
  g_assert_true (fanfare_test_wait_for (revealed, gtk_widget_get_ancestor (panel, GTK_TYPE_REVEALER), 0));
  g_assert_true (fanfare_test_wait_for (has_rows, &wait, 0));
  fanfare_test_assert_label_shown (panel, "2 tracks");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "queue-twice");

  /* Moved, shuffled and taken out, the rows follow the entries: with the
   * tracks themselves as items, the list view took two rows for one and
   * warned "Duplicate item detected in list". */
  fanfare_application_play_track (app, book, FANFARE_PLAY_LAST);
  fanfare_application_play_track (app, song, FANFARE_PLAY_NEXT);
  wait.n = 3;
  g_assert_true (fanfare_test_wait_for (has_rows, &wait, 0));
  g_assert_true (gtk_widget_activate_action (panel, "queue.move", "(uu)", 0, 3));
  fanfare_test_wait_frame (panel);
  g_assert_true (gtk_widget_activate_action (panel, "queue.move", "(uu)", 2, 0));
  fanfare_test_wait_frame (panel);
  fanfare_play_queue_set_shuffle (queue, TRUE);
  fanfare_test_wait_frame (panel);
  fanfare_play_queue_set_shuffle (queue, FALSE);
  fanfare_test_wait_frame (panel);
  g_assert_true (fanfare_test_wait_for (has_rows, &wait, 0));
  fanfare_test_assert_label_shown (panel, "4 tracks");

  /* Taking one out leaves the others. */
  g_assert_true (gtk_widget_activate_action (panel, "queue.remove", "u",
                                             fanfare_play_queue_get_track (queue, 0) == song ? 0 : 1));
  wait.n = 2;
  g_assert_true (fanfare_test_wait_for (has_rows, &wait, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-queue", NULL);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before GLib reads them for the first time: the Music folder is the
   * test's own. */
  scratch = fanfare_test_use_private_dirs ();
  music_dir = fanfare_test_use_music_dir (scratch);
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);

  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);
  write_music ();

  app = fanfare_test_app_new ();
  player = fanfare_application_get_player (app);

  window = fanfare_test_app_open_window (app, 0, 0);
  g_assert_true (fanfare_test_wait_for (scanned, NULL, 20000));

  g_test_add_func ("/app/longform-local/book-page", test_book_page);
  g_test_add_func ("/app/longform-local/lyrics-indicator", test_lyrics_indicator);
  g_test_add_func ("/app/longform-local/chapter-button", test_chapter_button);
  g_test_add_func ("/app/longform-local/wide-and-narrow", test_wide_and_narrow);
  g_test_add_func ("/app/longform-local/queued-twice", test_queued_twice);

  ret = g_test_run ();

  g_clear_object (&songs);
  fanfare_player_stop (player);
  fanfare_test_app_quit (app);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);
  g_free (music_dir);
  return ret;
}
