/* test-platform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Signing in to the platform the way a person meets it, in the real
 * application under Xvfb against a real fanfare-server with the small demo:
 * the Sign In dialog, the signed-in devices, a second account and back,
 * Discover with its picks, charts and featured playlists, and the offline
 * banner when the server goes away and comes back. */

#include "config.h"

#include "fanfare-account-button.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigate.h"
#include "fanfare-offline-banner.h"
#include "fanfare-playlist-page.h"
#include "fanfare-sign-in-dialog.h"
#include "fanfare-test-platform.h"

static void
test_sign_in (void)
{
  FanfareSignInDialog *dialog;

  g_assert_false (signed_in (NULL));
  fanfare_test_assert_label_shown (GTK_WIDGET (window), "Sign In");

  dialog = fanfare_test_app_open_sign_in (app);
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "platform-sign-in");

  /* A wrong password is said in the dialog, which stays. */
  fanfare_sign_in_dialog_submit (dialog, server->url, FANFARE_TEST_DEMO_USER, "wrong password", FALSE);
  while (fanfare_test_find_label (GTK_WIDGET (dialog), "Wrong username or password") == NULL ||
         !gtk_widget_get_visible (fanfare_test_find_label (GTK_WIDGET (dialog), "Wrong username or password")))
    g_main_context_iteration (NULL, TRUE);

  fanfare_sign_in_dialog_submit (dialog, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  g_assert_true (fanfare_test_wait_for (signed_in, NULL, 20000));
  fanfare_test_note_secret (fanfare_client_get_token (client ()));
  token = g_strdup (fanfare_client_get_token (client ()));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (window),
                                   fanfare_user_get_display_name (fanfare_client_get_user (client ())));
}

static void
test_discover (void)
{
  FanfareDiscoverPage *page = FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE));
  GListModel *albums = fanfare_discover_page_get_new_releases (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, albums, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "New Releases");
  {
    g_autoptr(FanfareAlbum) first = g_list_model_get_item (albums, 0);

    fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_album_get_title (first));
  }
  save_screenshot ("platform-discover");
}

static void
test_discover_picks (void)
{
  FanfareDiscoverPage *page = FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE));
  GListModel *picks = fanfare_discover_page_get_picks (page);
  GListModel *chart = fanfare_discover_page_get_chart (page);
  GListModel *featured = fanfare_discover_page_get_featured (page);
  g_autoptr(FanfareChartItem) hottest = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  gboolean explained = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, picks, 20000));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, chart, 20000));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, featured, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Made for You");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Hot This Week");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Featured Playlists");

  /* Each pick says why, in words of the user's language. */
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(FanfarePick) pick = g_list_model_get_item (picks, i);
      FanfareTrack *track = fanfare_pick_get_track (pick);
      g_autofree char *reason = fanfare_pick_dup_reason_text (pick);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", fanfare_track_get_artist (track), reason);

      fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (track));
      fanfare_test_assert_label_shown (GTK_WIDGET (page), subtitle);
      if (fanfare_pick_get_reason (pick) == FANFARE_PICK_REASON_PLAYED)
        {
          g_assert_true (g_str_has_prefix (reason, "Because you played “"));
          explained = TRUE;
        }
    }
  g_assert_true (explained);

  hottest = g_list_model_get_item (chart, 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page),
                                   fanfare_track_get_title (fanfare_chart_item_get_item (hottest)));
  playlist = g_list_model_get_item (featured, 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_get_title (playlist));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  save_screenshot ("platform-discover-picks");
}

static gboolean
lists_this_device (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (data, "This device");

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_devices (void)
{
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-sessions", NULL);
  dialog = GTK_WIDGET (fanfare_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (dialog);
  g_assert_true (fanfare_test_wait_for (lists_this_device, dialog, 20000));
  fanfare_test_assert_label_shown (dialog, "Signed-In Devices");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
signed_in_as_demo (gpointer  data)
{
  return signed_in (NULL) && g_strcmp0 (fanfare_user_get_username (fanfare_client_get_user (client ())),
                                        FANFARE_TEST_DEMO_USER) == 0;
}

static gboolean
label_mapped (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (GTK_WIDGET (window), data);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* A second account, then back to the first from the account menu, with the
 * token the keyring kept for it. */
static void
test_switch_account (void)
{
  FanfareSignInDialog *dialog;
  GtkWidget *menu_button;

  dialog = fanfare_test_app_open_sign_in (app);
  fanfare_test_note_secret ("second listener's password");
  fanfare_sign_in_dialog_submit (dialog, server->url, "second.listener", "second listener's password", TRUE);
  while (!signed_in (NULL) || signed_in_as_demo (NULL))
    g_main_context_iteration (NULL, TRUE);
  fanfare_test_note_secret (fanfare_client_get_token (client ()));

  menu_button = fanfare_test_find_widget (find (FANFARE_TYPE_ACCOUNT_BUTTON), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_assert_true (fanfare_test_wait_for (label_mapped, (gpointer) "Switch to " FANFARE_TEST_DEMO_USER, 20000));
  fanfare_test_app_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                                    "platform-switch-account");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  g_action_group_activate_action (G_ACTION_GROUP (app), "switch-account",
                                  g_variant_new ("(ss)", server->url, FANFARE_TEST_DEMO_USER));
  g_assert_true (fanfare_test_wait_for (signed_in_as_demo, NULL, 20000));
  g_assert_cmpstr (fanfare_client_get_token (client ()), ==, token);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (window),
                                   fanfare_user_get_display_name (fanfare_client_get_user (client ())));
}

static gboolean
banner_is (gpointer  data)
{
  FanfareOfflineBanner *banner = FANFARE_OFFLINE_BANNER (find (FANFARE_TYPE_OFFLINE_BANNER));

  return fanfare_offline_banner_get_revealed (banner) == GPOINTER_TO_INT (data);
}

static gboolean
no_edits_pending (gpointer  data)
{
  return fanfare_client_get_pending_playlist_edits (client ()) == 0;
}

static void
test_offline (void)
{
  g_autoptr(FanfarePlaylist) own = NULL;
  g_autoptr(FanfarePlaylist) sent = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GAsyncResult *slot = NULL;
  FanfarePlaylistPage *page;
  guint n_entries;

  g_assert_true (banner_is (GINT_TO_POINTER (FALSE)));

  /* A playlist of the user's, of two tracks, is open when the server goes
   * away. */
  fanfare_client_create_playlist_async (client (), "Before the Storm", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  own = fanfare_client_playlist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  id = g_strdup (fanfare_playlist_get_id (own));
  {
    GListModel *chart = fanfare_discover_page_get_chart (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
    g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
    g_autoptr(FanfarePlaylist) added = NULL;

    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, i);

        g_list_store_append (tracks, fanfare_chart_item_get_item (item));
      }
    fanfare_client_add_entries_async (client (), id, G_LIST_MODEL (tracks), NULL, NULL, NULL,
                                      fanfare_test_store_result, &slot);
    result = fanfare_test_wait_result (&slot);
    added = fanfare_client_playlist_finish (client (), result, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
  }
  fanfare_navigate_playlist (GTK_WIDGET (window), id);
  page = wait_playlist_page ();
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_playlist_page_get_entries (page), 20000));
  n_entries = g_list_model_get_n_items (fanfare_playlist_page_get_entries (page));

  fanfare_test_server_kill (server);
  fanfare_client_check_now (client ());
  g_assert_true (fanfare_test_wait_for (banner_is, GINT_TO_POINTER (TRUE), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  save_screenshot ("platform-offline");

  /* Edited offline: shown at once, kept until the server is back. */
  fanfare_playlist_page_rename (page, "Renamed Offline", NULL);
  fanfare_playlist_page_remove_entry (page, 0);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Renamed Offline");
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_playlist_page_get_entries (page)), ==, n_entries - 1);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (client ()), ==, 2);
  fanfare_test_wait_ms (1000);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Renamed Offline");

  /* It comes back by itself, and the edits reach it. */
  fanfare_test_server_restart (server);
  g_assert_true (fanfare_test_wait_for (banner_is, GINT_TO_POINTER (FALSE), 20000));
  g_assert_true (signed_in (NULL));
  g_assert_true (fanfare_test_wait_for (no_edits_pending, NULL, 20000));
  fanfare_client_get_playlist_async (client (), id, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  sent = fanfare_client_get_playlist_finish (client (), result, &entries, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (sent), ==, "Renamed Offline");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_entries - 1);
}

int
main (int   argc,
      char *argv[])
{
  fanfare_test_platform_start (&argc, &argv, FALSE);

  g_test_add_func ("/app/platform/sign-in", test_sign_in);
  g_test_add_func ("/app/platform/devices", test_devices);
  g_test_add_func ("/app/platform/switch-account", test_switch_account);
  g_test_add_func ("/app/platform/discover", test_discover);
  g_test_add_func ("/app/platform/discover-picks", test_discover_picks);
  g_test_add_func ("/app/platform/offline", test_offline);

  return fanfare_test_platform_stop (g_test_run ());
}
