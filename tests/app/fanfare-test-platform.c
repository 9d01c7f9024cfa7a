/* fanfare-test-platform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the test-platform*.c programs share: the real application under
 * Xvfb against a real fanfare-server with the small demo, and the waits
 * their subtests have in common. */

#include "config.h"

#include <gst/gst.h>

#include "fanfare-cover-image.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-test-platform.h"

FanfareApplication *app;
FanfareWindow *window;
FanfareTestServer *server;
char *scratch;
char *token;

FanfareClient *
client (void)
{
  return fanfare_application_get_client (app);
}

gboolean
signed_in (gpointer  data)
{
  return client () != NULL && fanfare_client_get_signed_in (client ());
}

/* Every cover under @root has its picture. */
gboolean
covers_loaded (gpointer  data)
{
  GtkWidget *root = data;
  GtkWidget *cover;
  GPtrArray *stack = g_ptr_array_new ();
  gboolean all = TRUE;

  g_ptr_array_add (stack, root);
  while (stack->len > 0 && all)
    {
      GtkWidget *widget = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      cover = widget;
      if (FANFARE_IS_COVER_IMAGE (cover) && gtk_widget_get_mapped (cover) &&
          fanfare_cover_image_get_uri (FANFARE_COVER_IMAGE (cover)) != NULL &&
          fanfare_cover_image_get_texture (FANFARE_COVER_IMAGE (cover)) == NULL)
        all = FALSE;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_free (stack, TRUE);

  return all;
}

/* After the pages' cross-fades and slides have ended. */
void
save_screenshot (const char *name)
{
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), name);
}

GtkWidget *
find (GType  type)
{
  GtkWidget *found = fanfare_test_find_widget (GTK_WIDGET (window), type);

  g_assert_nonnull (found);

  return found;
}

gboolean
playlist_loaded (gpointer  data)
{
  return fanfare_playlist_page_get_playlist (data) != NULL;
}

gboolean
playlist_page_pushed (gpointer  data)
{
  return fanfare_test_find_widget (data, FANFARE_TYPE_PLAYLIST_PAGE) != NULL;
}

/* The playlist page on top, once it has its playlist. */
FanfarePlaylistPage *
wait_playlist_page (void)
{
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  FanfarePlaylistPage *page;

  g_assert_true (fanfare_test_wait_for (playlist_page_pushed, navigation, 20000));
  page = FANFARE_PLAYLIST_PAGE (fanfare_navigation_stack_get_visible_page (navigation));
  g_assert_true (FANFARE_IS_PLAYLIST_PAGE (page));
  g_assert_true (fanfare_test_wait_for (playlist_loaded, page, 20000));
  fanfare_test_wait_mapped (GTK_WIDGET (page));

  return page;
}

gboolean
is_playing (gpointer  data)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_player_get_position (player) > 200 * G_TIME_SPAN_MILLISECOND;
}

/* What GStreamer said of the streams lately, kept in memory and printed
* only when playback does not start: a stall says nothing of its own. */
#define PLAYBACK_TRACE "fanfarehttpsrc:6,basesrc:4,queue2:4,uridecodebin:4,playbin:4,GST_STATES:4,*:2"

static void
trace_playback (void)
{
  /* Whoever runs the test with GST_DEBUG set reads it as they asked. */
  if (g_getenv ("GST_DEBUG") != NULL)
    return;

  gst_init (NULL, NULL);
  gst_debug_remove_log_function (gst_debug_log_default);
  gst_debug_add_ring_buffer_logger (256 * 1024, 60);
  gst_debug_set_threshold_from_string (PLAYBACK_TRACE, TRUE);
  gst_debug_set_active (TRUE);
}

static void
print_playback_trace (void)
{
  FanfarePlayer *player = fanfare_application_get_player (app);
  g_auto(GStrv) logs = gst_debug_ring_buffer_logger_get_logs ();
  FanfareTrack *track = fanfare_player_get_current_track (player);

  g_printerr ("Player state %d at %" G_GINT64_FORMAT " ms, playing %s\n",
              fanfare_player_get_state (player),
              fanfare_player_get_position (player) / G_TIME_SPAN_MILLISECOND,
              track != NULL ? fanfare_track_get_uri (track) : "nothing");
  for (guint i = 0; logs != NULL && logs[i] != NULL; i++)
    g_printerr ("--- GStreamer, a thread's last words:\n%s", logs[i]);
}

/**
 * wait_for_playback:
 * @condition: what the player is to reach
 * @data: for @condition
 *
 * fanfare_test_wait_for() with 20 s, for the player: if it does not get
 * there, prints what the player and GStreamer last did.
 *
 * Returns: whether @condition was met
 */
gboolean
wait_for_playback (FanfareTestCondition  condition,
                   gpointer              data)
{
  if (fanfare_test_wait_for (condition, data, 20000))
    return TRUE;

  print_playback_trace ();
  return FALSE;
}

/**
 * fanfare_test_platform_start:
 * @argc: the program's
 * @argv: the program's
 * @sign_in: whether to sign in as the demo's listener, and to wait until
 *   Discover has its new releases, chart and featured playlists
 *
 * Starts the server with the demo and the application, and shows its window.
 */
void
fanfare_test_platform_start (int      *argc,
                             char   ***argv,
                             gboolean  sign_in)
{
  scratch = fanfare_test_app_init (argc, argv);
  trace_playback ();

  server = fanfare_test_app_start_demo_server ();
  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);
  if (sign_in)
    {
      FanfareDiscoverPage *discover = FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE));

      fanfare_test_app_sign_in (app, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
      token = g_strdup (fanfare_client_get_token (client ()));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
      g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_discover_page_get_new_releases (discover), 20000));
      g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_discover_page_get_chart (discover), 20000));
      g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_discover_page_get_featured (discover), 20000));
    }
}

/**
 * fanfare_test_platform_stop:
 * @ret: what g_test_run() returned
 *
 * Quits the application, checks that what it wrote holds no token and no
 * password, and stops the server.
 *
 * Returns: @ret
 */
int
fanfare_test_platform_stop (int  ret)
{
  fanfare_player_stop (fanfare_application_get_player (app));
  fanfare_test_app_quit (app);

  /* The app wrote its caches, its library and its queue: no token and no
   * password among them. */
  if (token != NULL)
    {
      const char *secrets[] = { token, FANFARE_TEST_DEMO_PASSWORD, NULL };

      g_assert_cmpuint (fanfare_test_assert_no_secret_under (scratch, secrets), >, 0);
    }
  g_free (token);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);

  return ret;
}
