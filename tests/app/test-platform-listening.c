/* test-platform-listening.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Listening on the platform, signed in as the demo's listener: the
 * history, the personal radio, searching, an album's page that streams a
 * track, saving it to the Library, and a track's page. */

#include "config.h"

#include "fanfare-album-page.h"
#include "fanfare-discover-page.h"
#include "fanfare-library-page.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-pages.h"
#include "fanfare-player-bar.h"
#include "fanfare-playlists-page.h"
#include "fanfare-search-page.h"
#include "fanfare-test-platform.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-page.h"

static guint first_batch;

static gboolean
has_more_than_first_batch (gpointer  data)
{
  return g_list_model_get_n_items (data) > first_batch;
}

/* The history lists the plays, the latest first: the demo's weeks of them. */
static void
test_history (void)
{
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *page;
  g_autoptr(FanfareTrack) latest = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  g_assert_true (gtk_widget_activate_action (find (FANFARE_TYPE_PLAYLISTS_PAGE), "playlists.history", NULL));
  page = fanfare_navigation_stack_get_visible_page (navigation);
  g_assert_true (FANFARE_IS_TRACK_LIST_PAGE (page));
  g_assert_cmpstr (gtk_widget_get_name (page), ==, "history");
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_track_list_page_get_tracks (FANFARE_TRACK_LIST_PAGE (page)),
                                        20000));
  fanfare_test_wait_mapped (page);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  latest = g_list_model_get_item (fanfare_track_list_page_get_tracks (FANFARE_TRACK_LIST_PAGE (page)), 0);
  fanfare_test_assert_label_shown (page, fanfare_track_get_title (latest));
  save_screenshot ("platform-history");
}

static gboolean
radio_playing (gpointer  data)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_application_get_playing_radio (app);
}

static gboolean
liked_toast_shown (gpointer  data)
{
  return fanfare_test_find_label (GTK_WIDGET (window), "Your radio will play more like it") != NULL;
}

/* The player bar's button acting through @action_name. */
static GtkWidget *
bar_button (const char *action_name)
{
  GtkWidget *bar = find (FANFARE_TYPE_PLAYER_BAR);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, bar);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_not_reached ();
}

static gboolean
playing_other_than (gpointer  data)
{
  FanfareTrack *track = fanfare_player_get_current_track (fanfare_application_get_player (app));

  return track != NULL && g_strcmp0 (fanfare_track_get_id (track), data) != 0 && radio_playing (NULL);
}

static void
test_radio (void)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (fanfare_application_get_player (app));
  GtkWidget *like = bar_button ("app.radio-like");
  GtkWidget *skip = bar_button ("app.radio-skip");
  g_autofree char *skipped = NULL;

  /* Like and skip are for the radio alone. */
  g_assert_false (gtk_widget_is_visible (like));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (gtk_widget_activate_action (find (FANFARE_TYPE_DISCOVER_PAGE), "discover.play-radio", NULL));
  g_assert_true (wait_for_playback (radio_playing, NULL));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (like));
  g_assert_true (gtk_widget_get_mapped (skip));

  /* Liked from the player bar: the server takes it. */
  g_signal_emit_by_name (like, "clicked");
  g_assert_true (fanfare_test_wait_for (liked_toast_shown, NULL, 20000));

  /* Skipped from the player bar: the next of the radio plays. */
  skipped = g_strdup (fanfare_track_get_id (fanfare_player_get_current_track (fanfare_application_get_player (app))));
  g_signal_emit_by_name (skip, "clicked");
  g_assert_true (wait_for_playback (playing_other_than, skipped));
  first_batch = g_list_model_get_n_items (G_LIST_MODEL (queue));
  g_assert_cmpuint (first_batch, >, 1);

  /* Near its end, the radio goes on. */
  fanfare_player_play_position (fanfare_application_get_player (app), first_batch - 1);
  g_assert_true (fanfare_test_wait_for (has_more_than_first_batch, queue, 20000));
  g_assert_true (wait_for_playback (radio_playing, NULL));

  /* A track's menu asks the radio for more like it; the server takes it. */
  {
    FanfareTrack *playing = fanfare_player_get_current_track (fanfare_application_get_player (app));
    GtkWidget *page = find (FANFARE_TYPE_DISCOVER_PAGE);
    GtkWidget *popover;

    fanfare_track_menu_popup (page, playing, 10, 10);
    popover = fanfare_test_find_widget (page, GTK_TYPE_POPOVER_MENU);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_activate_action (popover, "track.like", NULL));
    g_assert_true (fanfare_test_wait_for (liked_toast_shown, NULL, 20000));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* The radio's track played on its own from a list is not the radio's
   * any more: like and skip go, and no more of the radio joins it. */
  {
    g_autoptr(FanfareTrack) again = g_object_ref (fanfare_player_get_current_track (fanfare_application_get_player (app)));

    fanfare_application_play_track (app, again, FANFARE_PLAY_NOW);
    g_assert_true (wait_for_playback (is_playing, NULL));
    g_assert_cmpstr (fanfare_track_get_id (fanfare_player_get_current_track (fanfare_application_get_player (app))), ==,
                     fanfare_track_get_id (again));
    g_assert_false (fanfare_application_get_playing_radio (app));
    fanfare_test_wait_frame (GTK_WIDGET (window));
    g_assert_false (gtk_widget_get_mapped (like));
    g_assert_false (gtk_widget_get_mapped (skip));
    fanfare_test_wait_ms (500);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
  }
  fanfare_player_stop (fanfare_application_get_player (app));
}

static gboolean
platform_results_shown (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (data, "Albums on Fanfare");

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_search (void)
{
  FanfarePages *pages = FANFARE_PAGES (find (FANFARE_TYPE_PAGES));
  GtkWidget *page = find (FANFARE_TYPE_SEARCH_PAGE);
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);

  /* A search replaced by another before its answer shows the latter's. */
  fanfare_pages_search (pages, "zzzz");
  fanfare_pages_search (pages, fanfare_album_get_title (album));
  g_assert_true (fanfare_test_wait_for (platform_results_shown, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  fanfare_test_assert_label_shown (page, fanfare_album_get_title (album));
  save_screenshot ("platform-search");
}

static void
test_album (void)
{
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  FanfareAlbumPage *page;
  g_autoptr(FanfareTrack) first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_album (find (FANFARE_TYPE_DISCOVER_PAGE), album);
  page = FANFARE_ALBUM_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_ALBUM_PAGE));
  g_assert_nonnull (page);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_album_page_get_tracks (page), 20000));
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  first = g_list_model_get_item (fanfare_album_page_get_tracks (page), 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (first));
  save_screenshot ("platform-album");

  /* It streams, with the token in a header. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "album.play", NULL));
  g_assert_true (wait_for_playback (is_playing, NULL));
  fanfare_player_stop (fanfare_application_get_player (app));
}

static gboolean
is_saved (gpointer  data)
{
  return g_list_model_get_n_items (fanfare_client_get_saved_albums (client ())) == 1;
}

static gboolean
badge_shown (gpointer  data)
{
  GtkWidget *badge = fanfare_test_find_label (data, "Fanfare");

  return badge != NULL && gtk_widget_get_mapped (badge);
}

static void
test_save_to_library (void)
{
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *library;
  FanfareAlbumPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_album (find (FANFARE_TYPE_DISCOVER_PAGE), album);
  page = FANFARE_ALBUM_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_ALBUM_PAGE));
  g_assert_nonnull (page);
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Save to Library");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "album.save", NULL));
  g_assert_true (fanfare_test_wait_for (is_saved, NULL, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "In Library");

  /* It is in the Library, beside local music, marked as the platform's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library"));
  library = find (FANFARE_TYPE_LIBRARY_PAGE);
  g_assert_true (fanfare_test_wait_for (badge_shown, library, 20000));
  fanfare_test_assert_label_shown (library, fanfare_album_get_title (album));
  save_screenshot ("platform-library");
}

static gboolean
queue_has_two (gpointer  data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (fanfare_application_get_player (app)))) == 2;
}

static void
test_track_page (void)
{
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  FanfarePlayer *player = fanfare_application_get_player (app);
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) fetched = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GtkWidget *page;

  fanfare_client_get_album_async (client (), fanfare_album_get_id (album), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  fetched = fanfare_client_get_album_finish (client (), result, &tracks, &error);
  g_assert_no_error (error);
  track = g_list_model_get_item (tracks, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_track (find (FANFARE_TYPE_DISCOVER_PAGE), track);
  page = fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_TRACK_PAGE);
  g_assert_nonnull (page);
  fanfare_test_wait_mapped (page);
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  fanfare_test_assert_label_shown (page, fanfare_track_get_title (track));
  fanfare_test_assert_label_shown (page, fanfare_album_get_title (album));
  save_screenshot ("platform-track");

  /* Play it, then add it to the queue: the queue holds it twice. */
  fanfare_player_stop (player);
  g_assert_true (gtk_widget_activate_action (page, "track-page.play", NULL));
  g_assert_true (gtk_widget_activate_action (page, "track-page.add-to-queue", NULL));
  g_assert_true (fanfare_test_wait_for (queue_has_two, NULL, 5000));
  fanfare_player_stop (player);
}

int
main (int   argc,
      char *argv[])
{
  fanfare_test_platform_start (&argc, &argv, TRUE);

  g_test_add_func ("/app/platform/history", test_history);
  g_test_add_func ("/app/platform/radio", test_radio);
  g_test_add_func ("/app/platform/search", test_search);
  g_test_add_func ("/app/platform/album", test_album);
  g_test_add_func ("/app/platform/save-to-library", test_save_to_library);
  g_test_add_func ("/app/platform/track-page", test_track_page);

  return fanfare_test_platform_stop (g_test_run ());
}
