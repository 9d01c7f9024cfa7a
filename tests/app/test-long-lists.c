/* test-long-lists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lists longer than a page, in the real application under Xvfb against a
 * real fanfare-server with the small demo: a playlist of 250 tracks
 * shows its first page at once with the full count in its header and a
 * list as long as the playlist from the first frame, its last tracks when
 * the user jumps to the end, and all of them, in order, the list no
 * longer for it; the History page reads more plays each time the user
 * scrolls to its end. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fanfare-application.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-playlist-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-track-list-page.h"
#include "fanfare-window.h"

#define PLAYLIST_LENGTH 250
#define FIRST_PAGE      100
#define EXTRA_PLAYS     120
#define HISTORY_PAGE    50

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;

static FanfareClient *
client (void)
{
  return fanfare_application_get_client (app);
}

static gboolean
has_all (gpointer  data)
{
  return g_list_model_get_n_items (data) == GPOINTER_TO_UINT (g_object_get_data (data, "expected"));
}

/* The label under @root whose text starts with @prefix, if one is mapped. */
static GtkWidget *
find_label_starting (GtkWidget  *root,
                     const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)), prefix))
        return child;
      if ((found = find_label_starting (child, prefix)) != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls the list under @page to its end, frame after frame, until
 * @model holds what it is expected to. */
static void
scroll_to_end (GtkWidget  *page,
               GListModel *model)
{
  GtkWidget *list = fanfare_test_find_widget (page, GTK_TYPE_LIST_VIEW);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!has_all (model) || gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
      fanfare_test_wait_frame (GTK_WIDGET (window));
    }
  fanfare_test_wait_frame (GTK_WIDGET (window));
}

static GListModel *
chart_tracks (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GListModel *chart;

  fanfare_client_list_chart_tracks_async (client (), 10, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  chart = fanfare_client_list_finish (client (), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chart), >=, 2);

  return chart;
}

static FanfareTrack *
chart_track (GListModel *chart,
             guint       index)
{
  g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, index);

  return g_object_ref (FANFARE_TRACK (fanfare_chart_item_get_item (item)));
}

/* A private playlist named @name of PLAYLIST_LENGTH tracks: @common,
 * and @last at the end; returns its id. */
static char *
make_long_playlist (const char   *name,
                    FanfareTrack *common,
                    FanfareTrack *last)
{
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfarePlaylist) filled = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < PLAYLIST_LENGTH; i++)
    g_list_store_append (tracks, i == PLAYLIST_LENGTH - 1 ? last : common);
  fanfare_client_create_playlist_async (client (), name, NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE, NULL,
                                        NULL, fanfare_test_store_result, &slot);
  created = fanfare_test_wait_result (&slot);
  playlist = fanfare_client_playlist_finish (client (), created, NULL, &error);
  g_assert_no_error (error);
  fanfare_client_add_entries_async (client (), fanfare_playlist_get_id (playlist), G_LIST_MODEL (tracks), NULL,
                                    NULL, NULL, fanfare_test_store_result, &slot);
  added = fanfare_test_wait_result (&slot);
  filled = fanfare_client_playlist_finish (client (), added, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (fanfare_playlist_get_id (playlist));
}

/* The list scrolls over many times its height. */
static gboolean
list_is_long (gpointer  data)
{
  return gtk_adjustment_get_upper (data) > 10 * gtk_adjustment_get_page_size (data);
}

static gboolean
last_read (gpointer  data)
{
  GListModel *entries = fanfare_playlist_page_get_entries (data);
  guint n = g_list_model_get_n_items (entries);
  g_autoptr(FanfarePlaylistEntry) entry = n > 0 ? g_list_model_get_item (entries, n - 1) : NULL;

  return entry != NULL && fanfare_playlist_entry_get_id (entry) != NULL;
}

static gboolean
all_read (gpointer  data)
{
  return fanfare_playlist_page_get_n_read (data) == PLAYLIST_LENGTH;
}

static void
test_long_playlist (void)
{
  g_autoptr(GListModel) chart = chart_tracks ();
  g_autoptr(FanfareTrack) common = chart_track (chart, 0);
  g_autoptr(FanfareTrack) last = chart_track (chart, 1);
  g_autofree char *playlist_id = make_long_playlist ("Long Drive", common, last);
  g_autofree char *count = g_strdup_printf ("%u tracks", PLAYLIST_LENGTH);
  FanfarePlaylistPage *page;
  GListModel *entries;
  GtkWidget *details;
  GtkAdjustment *adjustment;
  double upper;

  /* The first page shows at once, and the header counts all of them;
   * the list, built a few rows a frame as the page slides in, is as long
   * as the playlist a few frames later. */
  fanfare_navigate_playlist (GTK_WIDGET (window), playlist_id);
  page = FANFARE_PLAYLIST_PAGE (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PLAYLIST_PAGE));
  g_assert_nonnull (page);
  entries = fanfare_playlist_page_get_entries (page);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, entries, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, PLAYLIST_LENGTH);
  g_assert_cmpuint (fanfare_playlist_page_get_n_read (page), >=, FIRST_PAGE);
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  details = find_label_starting (GTK_WIDGET (page), count);
  g_assert_nonnull (details);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (common));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fanfare_test_find_widget (GTK_WIDGET (page),
                                                                                         GTK_TYPE_GRID_VIEW)));
  g_assert_true (fanfare_test_wait_for (list_is_long, adjustment, 5000));
  upper = gtk_adjustment_get_upper (adjustment);

  /* Jumped to the end: the last tracks are read and shown there. */
  gtk_adjustment_set_value (adjustment, upper - gtk_adjustment_get_page_size (adjustment));
  g_assert_true (fanfare_test_wait_for (last_read, page, 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (last));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "long-playlist-end");

  /* Then every track is there, in the playlist's order, and the list is
   * as long as it was, within a row. */
  g_assert_true (fanfare_test_wait_for (all_read, page, 30000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_cmpfloat (fabs (gtk_adjustment_get_upper (adjustment) - upper), <=, upper / PLAYLIST_LENGTH);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, PLAYLIST_LENGTH);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (details)), count));
  for (guint i = 0; i < PLAYLIST_LENGTH; i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, i);

      g_assert_cmpstr (fanfare_track_get_id (fanfare_playlist_entry_get_track (entry)), ==,
                       fanfare_track_get_id (i == PLAYLIST_LENGTH - 1 ? last : common));
    }
}

static gboolean
queue_full (gpointer  data)
{
  return g_list_model_get_n_items (data) == PLAYLIST_LENGTH;
}

/* Play on a long playlist of which only the first page is read plays all
 * of it: the rest joins the queue as it arrives, in order. */
static void
test_play_all (void)
{
  g_autoptr(GListModel) chart = chart_tracks ();
  g_autoptr(FanfareTrack) common = chart_track (chart, 0);
  g_autoptr(FanfareTrack) last = chart_track (chart, 1);
  g_autofree char *playlist_id = make_long_playlist ("Night Drive", common, last);
  FanfarePlayQueue *queue = fanfare_player_get_queue (fanfare_application_get_player (app));
  FanfarePlaylistPage *page;
  GListModel *entries;

  fanfare_navigate_playlist (GTK_WIDGET (window), playlist_id);
  page = FANFARE_PLAYLIST_PAGE (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PLAYLIST_PAGE));
  entries = fanfare_playlist_page_get_entries (page);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, entries, 20000));
  g_assert_cmpuint (fanfare_playlist_page_get_n_read (page), <, PLAYLIST_LENGTH);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.play", NULL));
  g_assert_true (fanfare_test_wait_for (queue_full, queue, 30000));
  g_assert_cmpstr (fanfare_track_get_id (fanfare_play_queue_get_track (queue, 0)), ==,
                   fanfare_track_get_id (common));
  g_assert_cmpstr (fanfare_track_get_id (fanfare_play_queue_get_track (queue, PLAYLIST_LENGTH - 1)), ==,
                   fanfare_track_get_id (last));
  fanfare_player_stop (fanfare_application_get_player (app));
}

/* EXTRA_PLAYS plays of the chart's tracks, a minute apart, an hour ago. */
static void
report_plays (GListModel *chart)
{
  g_autoptr(GString) body = g_string_new ("{\"plays\": [");
  g_autoptr(FanfareTestResponse) response = NULL;
  gint64 start = g_get_real_time () / G_USEC_PER_SEC - 3 * 3600;

  for (guint i = 0; i < EXTRA_PLAYS; i++)
    {
      g_autoptr(FanfareTrack) track = chart_track (chart, i % g_list_model_get_n_items (chart));
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (start + i * 60);
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");

      g_string_append_printf (body, "%s{\"id\": \"long-list-%u\", \"track_id\": \"%s\", \"played_at\": \"%s\", "
                              "\"ms_played\": 31000}", i > 0 ? ", " : "", i, fanfare_track_get_id (track), when);
    }
  g_string_append (body, "]}");
  response = fanfare_test_request (server, "POST", "/api/v1/plays", fanfare_client_get_token (client ()), body->str);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (response, "recorded"), ==, EXTRA_PLAYS);
}

/* How many plays the history holds, read through the client. */
static guint
count_history (void)
{
  g_autofree char *cursor = NULL;
  guint count = 0;

  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GListModel) plays = NULL;
      g_autoptr(GError) error = NULL;
      GAsyncResult *slot = NULL;
      char *next = NULL;

      fanfare_client_list_history_page_async (client (), 100, cursor, NULL, fanfare_test_store_result, &slot);
      result = fanfare_test_wait_result (&slot);
      plays = fanfare_client_list_page_finish (client (), result, &next, &error);
      g_assert_no_error (error);
      count += g_list_model_get_n_items (plays);
      g_free (cursor);
      cursor = next;
    }
  while (cursor != NULL);

  return count;
}

static void
test_long_history (void)
{
  g_autoptr(GListModel) chart = chart_tracks ();
  FanfareNavigationStack *navigation;
  GtkWidget *page;
  GListModel *tracks;
  g_autofree char *first = g_strdup_printf ("%u songs", HISTORY_PAGE);
  g_autofree char *all = NULL;
  guint total;

  report_plays (chart);
  total = count_history ();
  g_assert_cmpuint (total, >, 2 * HISTORY_PAGE);
  all = g_strdup_printf ("%u songs", total);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  fanfare_navigate_history (GTK_WIDGET (window));
  navigation = FANFARE_NAVIGATION_STACK (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                   FANFARE_TYPE_NAVIGATION_STACK));
  page = fanfare_navigation_stack_get_visible_page (navigation);
  g_assert_true (FANFARE_IS_TRACK_LIST_PAGE (page));
  tracks = fanfare_track_list_page_get_tracks (FANFARE_TRACK_LIST_PAGE (page));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, tracks, 20000));
  fanfare_test_wait_mapped (page);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (tracks), ==, HISTORY_PAGE);
  fanfare_test_assert_label_shown (page, first);

  /* Each time at the end, the next page. */
  g_object_set_data (G_OBJECT (tracks), "expected", GUINT_TO_POINTER (total));
  scroll_to_end (page, tracks);
  fanfare_test_assert_label_shown (page, all);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "long-history-end");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  int ret;

  scratch = fanfare_test_use_private_dirs ();
  fanfare_test_init_gtk (&argc, &argv);
  server = fanfare_test_app_start_demo_server ();
  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 1000, 760);
  fanfare_test_app_sign_in (app, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);

  g_test_add_func ("/app/long-lists/playlist", test_long_playlist);
  g_test_add_func ("/app/long-lists/history", test_long_history);
  g_test_add_func ("/app/long-lists/play-all", test_play_all);
  ret = g_test_run ();

  fanfare_test_app_quit (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);

  return ret;
}
