/* test-platform-books.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Books on the platform, signed in as the demo's listener: a book resumed
 * where another device stopped, also when the app stopped offline, and a
 * book's page with its chapters and Continue Listening. */

#include "config.h"

#include "fanfare-chapter.h"
#include "fanfare-continue-listening.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-test-platform.h"
#include "fanfare-track-page.h"

/* The demo's audiobook, from the newest albums. */
static FanfareTrack *
find_book (void)
{
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_client_list_new_releases_async (client (), 100, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  albums = fanfare_client_list_new_releases_finish (client (), result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (albums); i++)
    {
      g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, i);
      g_autoptr(FanfareAlbum) fetched = NULL;
      g_autoptr(GListModel) tracks = NULL;
      g_autoptr(GAsyncResult) album_result = NULL;

      fanfare_client_get_album_async (client (), fanfare_album_get_id (album), NULL, fanfare_test_store_result, &slot);
      album_result = fanfare_test_wait_result (&slot);
      fetched = fanfare_client_get_album_finish (client (), album_result, &tracks, NULL);
      for (guint j = 0; tracks != NULL && j < g_list_model_get_n_items (tracks); j++)
        {
          g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, j);

          if (fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_AUDIOBOOK)
            return g_steal_pointer (&track);
        }
    }

  return NULL;
}

/* A book's page lists its chapters; once started elsewhere it is in
 * Continue Listening on Discover. */
static void
test_book (void)
{
  g_autoptr(FanfareTrack) book = find_book ();
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(FanfareChapter) first = NULL;
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GtkWidget *page;

  g_assert_nonnull (book);
  fanfare_client_list_chapters_async (client (), fanfare_track_get_id (book), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  chapters = fanfare_client_list_chapters_finish (client (), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), >, 1);
  first = g_list_model_get_item (chapters, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_track (find (FANFARE_TYPE_DISCOVER_PAGE), book);
  page = fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_TRACK_PAGE);
  fanfare_test_wait_mapped (page);
  fanfare_test_assert_label_shown (page, fanfare_chapter_get_title (first));
  save_screenshot ("platform-book");

  /* Another device listened to a third of it. */
  g_clear_object (&result);
  fanfare_client_put_position_async (client (), fanfare_track_get_id (book), fanfare_track_get_duration (book) / 3,
                                     g_get_real_time () / 1000, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_put_position_finish (client (), result, &error);
  g_assert_no_error (error);
  fanfare_navigation_stack_pop_to_root (navigation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_continue_listening_reload (FANFARE_CONTINUE_LISTENING (find (FANFARE_TYPE_CONTINUE_LISTENING)), client ());
  fanfare_test_assert_label_shown (find (FANFARE_TYPE_DISCOVER_PAGE), "Continue Listening");
  fanfare_test_assert_label_shown (find (FANFARE_TYPE_DISCOVER_PAGE), fanfare_track_get_title (book));
  save_screenshot ("platform-continue-listening");
}

static gboolean
book_position_past (gpointer  data)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_player_get_position (player) > *(GTimeSpan *) data;
}

static gboolean
no_positions_pending (gpointer  data)
{
  return fanfare_client_get_pending_positions (client ()) == 0;
}

static gboolean
is_offline (gpointer  data)
{
  return !fanfare_client_get_online (client ());
}

/* Plays @book from @at until the player has gone past it. */
static void
listen_at (FanfareTrack *book,
           GTimeSpan     at)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  if (fanfare_player_get_current_track (player) != book)
    {
      g_autoptr(GPtrArray) tracks = g_ptr_array_new ();

      g_ptr_array_add (tracks, book);
      fanfare_player_play_tracks (player, tracks, 0);
    }
  fanfare_player_play (player);
  g_assert_true (wait_for_playback (is_playing, NULL));
  fanfare_player_seek (player, at);
  g_assert_true (fanfare_test_wait_for (book_position_past, &at, 20000));
}

/* How far from @expected @device says the user stopped in @book, in ms. */
static gint64
off_on_server (FanfareClient *device,
               FanfareTrack  *book,
               GTimeSpan      expected)
{
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_client_get_position_async (device, fanfare_track_get_id (book), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_get_position_finish (device, result, &error);
  g_assert_no_error (error);
  return ABS (kept->position - expected) / G_TIME_SPAN_MILLISECOND;
}

/* Where the app stopped in a book reaches the user's other device, also
 * when it stopped there offline (the position waits in a file the next run
 * reads), and the app goes where the other device stopped later. */
static void
test_book_resume (void)
{
  g_autoptr(FanfareTrack) book = find_book ();
  FanfarePlayer *player = fanfare_application_get_player (app);
  g_autoptr(FanfareClient) other = NULL;
  g_autoptr(FanfareClient) next_run = NULL;
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, server->url, -1);
  g_autofree char *name = g_strdup_printf ("unsent-positions-%.16s.json", checksum);
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "fanfare", name, NULL);
  GTimeSpan duration, later;
  GAsyncResult *slot = NULL;

  g_assert_nonnull (book);
  duration = fanfare_track_get_duration (book);
  g_assert_cmpint (duration, >, 12 * G_TIME_SPAN_SECOND);
  other = fanfare_test_app_client_sign_in (server, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);

  /* Paused a fifth in: the other device reads it. */
  listen_at (book, duration / 5);
  fanfare_player_pause (player);
  g_assert_true (fanfare_test_wait_for (no_positions_pending, NULL, 20000));
  g_assert_cmpint (off_on_server (other, book, duration / 5), <, 1000);

  /* Paused further on as the server goes away: kept in a file, which the
   * app's next run reads. */
  listen_at (book, duration * 2 / 5);
  fanfare_test_server_kill (server);
  fanfare_player_pause (player);
  g_assert_true (fanfare_test_wait_for (is_offline, NULL, 20000));
  g_assert_cmpuint (fanfare_client_get_pending_positions (client ()), ==, 1);
  next_run = fanfare_client_new (server->url, NULL);
  fanfare_client_set_positions_file (next_run, file);
  g_assert_cmpuint (fanfare_client_get_pending_positions (next_run), ==, 1);

  /* The server is back: it arrives by itself. */
  fanfare_test_server_restart (server);
  g_assert_true (fanfare_test_wait_for (no_positions_pending, NULL, 30000));
  g_assert_cmpint (off_on_server (other, book, duration * 2 / 5), <, 1000);

  /* The other device listens on; the app, starting the book again, goes
   * there. */
  later = duration * 9 / 10;
  fanfare_client_put_position_async (other, fanfare_track_get_id (book), later, g_get_real_time () / 1000 + 2000,
                                     NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_put_position_finish (other, result, &error);
  g_assert_no_error (error);
  fanfare_player_stop (player);
  {
    g_autoptr(GPtrArray) tracks = g_ptr_array_new ();

    g_ptr_array_add (tracks, book);
    fanfare_player_play_tracks (player, tracks, 0);
  }
  later -= G_TIME_SPAN_SECOND;
  g_assert_true (fanfare_test_wait_for (book_position_past, &later, 20000));
  fanfare_player_stop (player);
}

int
main (int   argc,
      char *argv[])
{
  fanfare_test_platform_start (&argc, &argv, TRUE);

  g_test_add_func ("/app/platform/book-resume", test_book_resume);
  g_test_add_func ("/app/platform/book", test_book);

  return fanfare_test_platform_stop (g_test_run ());
}
