/* test-store-ui.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Buying a digital album the way a person does, in the real application
 * under Xvfb against a real fanfare-server with the small demo: the price
 * on the album's page, Buy, the confirmation, a top-up code for an empty
 * wallet, the album purchased and
 * charged once, and then among the Purchased Albums with its nameplate
 * verified. Then the artist's fan clubs: joining one, posting, and as an
 * admin pinning and commenting, the buyer's nameplate on the leaderboard. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fanfare-album-page.h"
#include "fanfare-application.h"
#include "fanfare-album-download.h"
#include "fanfare-album-extras.h"
#include "fanfare-buy-button.h"
#include "fanfare-club-page.h"
#include "fanfare-club-post-row.h"
#include "fanfare-clubs-page.h"
#include "fanfare-discover-page.h"
#include "fanfare-gift-dialog.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-photo-card.h"
#include "fanfare-artist-page.h"
#include "fanfare-purchased-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-test-shop.h"
#include "fanfare-wallet-dialog.h"
#include "fanfare-window.h"

#define PRICE 1800

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;

static FanfareClient *
client (void)
{
  return fanfare_application_get_client (app);
}

static gboolean
is_owned (gpointer  data)
{
  return fanfare_buy_button_get_owned (data);
}

static gboolean
purchased_listed (gpointer  data)
{
  return fanfare_purchased_page_get_n_albums (data) == 1;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, index)));
}

static gboolean
wallet_filled (gpointer  data)
{
  return fanfare_test_wallet_balance (server, data) == 5000;
}

/* Buy, and confirm. */
static void
buy_and_confirm (GtkWidget *buy)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (buy, "buy.buy", NULL));
  dialog = fanfare_test_app_wait_dialog ("Buy This Album?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "buy");
}

static GtkWidget *
find (GType  type)
{
  GtkWidget *found = fanfare_test_find_widget (GTK_WIDGET (window), type);

  g_assert_nonnull (found);

  return found;
}

static void
sign_in (void)
{
  fanfare_test_app_sign_in_with_dialog (app, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
}

static gboolean
playing_album (gpointer  data)
{
  FanfareTrack *track = fanfare_player_get_current_track (fanfare_application_get_player (app));

  return track != NULL && g_strcmp0 (fanfare_track_get_album_id (track), data) == 0;
}

static gboolean
download_finished (gpointer  data)
{
  return fanfare_album_download_get_finished (data);
}

static gboolean
download_started (gpointer  data)
{
  return fanfare_purchased_page_get_download (data, g_object_get_data (data, "album-id")) != NULL;
}

/* Play plays the whole album; Download puts its tracks, as the server
 * has them, into the folder. */
static void
play_and_download (GtkWidget    *purchased,
                   FanfareAlbum *album)
{
  const char *album_id = fanfare_album_get_id (album);
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) read = NULL;
  g_autoptr(FanfareTrack) first = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  FanfareAlbumDownload *download;
  gsize length = 0;

  g_assert_true (gtk_widget_activate_action (purchased, "purchased.play", "s", album_id));
  g_assert_true (fanfare_test_wait_for (playing_album, (gpointer) album_id, 20000));

  fanfare_purchased_page_download_to (FANFARE_PURCHASED_PAGE (purchased), album_id, folder);
  g_object_set_data_full (G_OBJECT (purchased), "album-id", g_strdup (album_id), g_free);
  g_assert_true (fanfare_test_wait_for (download_started, purchased, 20000));
  download = fanfare_purchased_page_get_download (FANFARE_PURCHASED_PAGE (purchased), album_id);
  g_assert_true (fanfare_test_wait_for (download_finished, download, 60000));
  g_assert_null (fanfare_album_download_get_error (download));
  g_assert_cmpfloat (fanfare_album_download_get_fraction (download), ==, 1.0);

  /* The first track, byte for byte, named by its number and title. */
  fanfare_client_get_album_async (client (), album_id, NULL, fanfare_test_store_result, &result);
  read = fanfare_client_get_album_finish (client (), fanfare_test_wait_result (&result), &tracks, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  first = g_list_model_get_item (tracks, 0);
  fanfare_client_read_stream_async (client (), first, 0, -1, NULL, fanfare_test_store_result, &result);
  expected = fanfare_client_read_stream_finish (client (), fanfare_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  name = fanfare_album_download_file_name (first);
  path = g_strconcat (dir, "/", name, ".ogg", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (expected));
  g_assert_true (memcmp (contents, g_bytes_get_data (expected, NULL), length) == 0);
  fanfare_test_rm_rf (dir);
}

static gboolean
gift_received (gpointer  data)
{
  FanfareTestResponse *response = fanfare_test_request (server, "GET", "/api/v1/me/gifts", data, NULL);
  gboolean received = fanfare_test_response_contains (response, "生日快乐");

  fanfare_test_response_free (response);

  return received;
}

/* Give as Gift: the friend owns the album, the giver paid once. */
static void
give (GtkWidget    *purchased,
      FanfareAlbum *album,
      const char   *listener)
{
  g_autofree char *friend = fanfare_test_register (server, "giftee", "giftee password 1");
  GtkWidget *dialog;

  fanfare_test_note_secret ("giftee password 1");
  fanfare_test_note_secret (friend);
  g_assert_true (gtk_widget_activate_action (purchased, "purchased.give", "s", fanfare_album_get_id (album)));
  dialog = fanfare_test_app_wait_dialog ("Give as Gift");
  gtk_editable_set_text (fanfare_gift_dialog_get_username_entry (dialog), "giftee");
  gtk_editable_set_text (fanfare_gift_dialog_get_message_entry (dialog), "生日快乐");
  fanfare_test_save_screenshot (dialog, "store-give-gift");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "give");
  g_assert_true (fanfare_test_wait_for (gift_received, friend, 20000));
  g_assert_cmpint (fanfare_test_wallet_balance (server, listener), ==, 5000 - 2 * PRICE);
}

static gboolean
card_ready (gpointer  data)
{
  return fanfare_album_extras_get_card_ready (data);
}

/* The artist's letter and photo on the album's page, for its owner, and a
 * photo card made from that photo. */
static void
photo_card (FanfareAlbum *album,
            const char   *admin)
{
  g_autofree char *letter = g_strdup_printf ("/api/v1/albums/%s/extras/letter", fanfare_album_get_id (album));
  g_autofree char *photos = g_strdup_printf ("%s/api/v1/albums/%s/extras/photos", server->url,
                                             fanfare_album_get_id (album));
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", admin);
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "card.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) picture = fanfare_test_make_cover (0xd08040ff);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", photos);
  g_autoptr(GdkTexture) card = NULL;
  g_autoptr(GError) error = NULL;
  FanfareTestResponse *response;
  GtkWidget *page, *extras;

  response = fanfare_test_request (server, "PUT", letter, admin, "{\"letter\": \"谢谢你一直以来的支持。\"}");
  fanfare_test_response_free (response);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "image/png", picture);
  response = fanfare_test_send (server, msg);
  fanfare_test_response_free (response);

  fanfare_navigate_album (find (FANFARE_TYPE_PURCHASED_PAGE), album);
  page = fanfare_test_app_wait_page (window, FANFARE_TYPE_ALBUM_PAGE);
  extras = fanfare_test_find_widget (page, FANFARE_TYPE_ALBUM_EXTRAS);
  g_assert_nonnull (extras);
  g_assert_true (fanfare_test_wait_for (card_ready, extras, 20000));
  fanfare_test_wait_frame (page);
  fanfare_test_assert_label_shown (page, "谢谢你一直以来的支持。");
  g_assert_cmpuint (fanfare_album_extras_get_n_photos (FANFARE_ALBUM_EXTRAS (extras)), ==, 1);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "store-album-extras");

  g_assert_true (fanfare_album_extras_save_card_to (FANFARE_ALBUM_EXTRAS (extras), file, &error));
  g_assert_no_error (error);
  card = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (card), ==, FANFARE_PHOTO_CARD_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (card), ==, FANFARE_PHOTO_CARD_HEIGHT);
  fanfare_test_rm_rf (dir);
}

static gboolean
wallet_refilled (gpointer  data)
{
  return fanfare_test_wallet_balance (server, data) == 5000 - 2 * PRICE + 2000;
}

/* The wallet from the account menu: its balance, and a top-up. */
static void
wallet_view (const char *listener)
{
  g_auto(GStrv) codes = fanfare_test_issue_codes (server->data_dir, "20", 1);
  GtkWidget *dialog;
  GtkListBox *history;
  AdwActionRow *latest;

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-wallet", NULL);
  dialog = fanfare_test_app_wait_dialog ("Your Wallet");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "¥14.00"));
  fanfare_test_save_screenshot (dialog, "store-wallet");
  gtk_editable_set_text (fanfare_wallet_dialog_get_entry (dialog), codes[0]);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "top-up");
  g_assert_true (fanfare_test_wait_for (wallet_refilled, (gpointer) listener, 20000));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Opened again, the wallet lists the top-up first in its history, above
   * the gift and the purchase. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-wallet", NULL);
  dialog = fanfare_test_app_wait_dialog ("Your Wallet");
  history = fanfare_wallet_history_get_list (fanfare_wallet_dialog_get_history (dialog));
  g_assert_nonnull (history);
  latest = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (history, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (latest)), ==, "Top-up");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (latest), "+¥20.00 · balance ¥34.00"));
  g_assert_true (g_str_has_suffix (row_title (history, 1), "given to giftee"));
  g_assert_true (g_str_has_prefix (row_title (history, 2), "Bought"));
  fanfare_test_save_screenshot (dialog, "store-wallet-history");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_buy_album (void)
{
  GListModel *albums = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *listener = NULL;
  g_autofree char *price_label = NULL;
  g_auto(GStrv) codes = NULL;
  FanfareNavigationStack *navigation;
  FanfareAlbumPage *page;
  GtkWidget *buy, *purchased, *wallet;
  GtkWindow *dialog;

  sign_in ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, albums, 20000));
  album = g_list_model_get_item (albums, 0);

  /* The album goes on sale; the listener's wallet is empty. */
  fanfare_test_create_admin (server->data_dir, "storekeeper", "storekeeper password 1");
  admin = fanfare_test_log_in (server, "storekeeper", "storekeeper password 1");
  fanfare_test_set_price (server, admin, g_ascii_strtoll (fanfare_album_get_id (album), NULL, 10), PRICE);
  listener = fanfare_test_log_in (server, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  codes = fanfare_test_issue_codes (server->data_dir, "50", 1);

  navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  fanfare_navigate_album (find (FANFARE_TYPE_DISCOVER_PAGE), album);
  page = FANFARE_ALBUM_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_ALBUM_PAGE));
  g_assert_nonnull (page);
  fanfare_test_wait_mapped (GTK_WIDGET (page));

  /* The price is on the button. */
  buy = fanfare_test_find_widget (GTK_WIDGET (page), FANFARE_TYPE_BUY_BUTTON);
  g_assert_nonnull (buy);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_is_mapped, buy, 20000));
  price_label = fanfare_buy_button_format_price (PRICE, "CNY");
  g_assert_cmpstr (price_label, ==, "¥18.00");
  fanfare_test_assert_label_shown (buy, "Buy · ¥18.00");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "store-album-price");

  /* Buy asks first; cancelling buys nothing. */
  g_assert_true (gtk_widget_activate_action (buy, "buy.buy", NULL));
  dialog = fanfare_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  fanfare_test_assert_label_shown (GTK_WIDGET (dialog), "Buy This Album?");
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "store-buy-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  fanfare_test_wait_ms (300);
  g_assert_cmpint (fanfare_test_wallet_balance (server, listener), ==, 0);

  g_assert_cmpint (fanfare_test_wallet_balance (server, listener), ==, 0);

  /* An empty wallet: the app asks for a top-up code, which fills it. */
  buy_and_confirm (buy);
  wallet = fanfare_test_app_wait_dialog ("Top Up Your Wallet");
  fanfare_test_save_screenshot (wallet, "store-top-up");
  gtk_editable_set_text (fanfare_wallet_dialog_get_entry (wallet), codes[0]);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (wallet), "top-up");
  g_assert_true (fanfare_test_wait_for (wallet_filled, listener, 20000));
  g_assert_false (fanfare_buy_button_get_owned (FANFARE_BUY_BUTTON (buy)));

  buy_and_confirm (buy);

  /* Purchased, charged once, with a nameplate. */
  g_assert_true (fanfare_test_wait_for (is_owned, buy, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (buy, "Purchased");
  g_assert_cmpint (fanfare_test_wallet_balance (server, listener), ==, 5000 - PRICE);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "store-album-purchased");

  /* It is among the Purchased Albums, its nameplate verified. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "purchased"));
  purchased = find (FANFARE_TYPE_PURCHASED_PAGE);
  g_assert_true (fanfare_test_wait_for (purchased_listed, purchased, 20000));
  g_assert_cmpuint (fanfare_purchased_page_get_n_verified (FANFARE_PURCHASED_PAGE (purchased)), ==, 1);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (purchased, fanfare_album_get_title (album));
  fanfare_test_assert_label_shown (purchased, "Verified");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "store-purchased-albums");

  play_and_download (purchased, album);
  give (purchased, album, listener);
  photo_card (album, admin);
  wallet_view (listener);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

typedef struct {
  GtkListBox *list;
  guint       n;
} Rows;

static gboolean
more_rows (gpointer  data)
{
  Rows *rows = data;

  return n_rows (rows->list) > rows->n;
}

/* How many entries the listener's wallet history has, read in one page. */
static guint
count_history (const char *listener)
{
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (server, "GET", "/api/v1/me/wallet/history?limit=100",
                                                                  listener, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (response->json), "next_cursor")));

  return json_array_get_length (fanfare_test_response_get_array (response, "items"));
}

/* A wallet with more history than a page: scrolling to the end of Recent
 * Activity reads the next page, with a spinner meanwhile, until all of it
 * is listed once, the first top-up last. */
static void
test_wallet_history (void)
{
  g_autofree char *listener = fanfare_test_log_in (server, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  g_auto(GStrv) codes = fanfare_test_issue_codes (server->data_dir, "1", 41);
  FanfareWalletHistory *history;
  GtkWidget *dialog, *spinner, *retry;
  GtkListBox *list;
  GtkAdjustment *adjustment;
  guint expected, top_ups = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    fanfare_test_top_up (server, listener, codes[i]);
  expected = count_history (listener);
  g_assert_cmpuint (expected, >, 40);

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-wallet", NULL);
  dialog = fanfare_test_app_wait_dialog ("Your Wallet");
  history = fanfare_wallet_dialog_get_history (dialog);
  g_assert_nonnull (history);
  list = fanfare_wallet_history_get_list (history);
  fanfare_test_wait_frame (dialog);

  /* Only the first page until the list is scrolled. */
  g_assert_cmpuint (n_rows (list), ==, 20);
  g_assert_false (fanfare_wallet_history_get_loading (history));
  spinner = fanfare_test_find_widget (GTK_WIDGET (history), GTK_TYPE_SPINNER);
  /* The one button is Retry, on the row of a page that failed. */
  retry = fanfare_test_find_widget (GTK_WIDGET (history), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, "_Retry");
  g_assert_false (gtk_widget_is_visible (retry));
  g_assert_false (gtk_widget_get_visible (spinner));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                                                      fanfare_test_find_widget (GTK_WIDGET (history),
                                                                                GTK_TYPE_SCROLLED_WINDOW)));
  while (n_rows (list) < expected)
    {
      Rows rows = { list, n_rows (list) };

      /* With the server down, a page fails: a row says so, and Retry,
       * once it is back, reads it. */
      if (rows.n == 40)
        {
          fanfare_test_server_kill (server);
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          g_assert_true (fanfare_test_wait_for (fanfare_test_app_is_mapped, retry, 20000));
          g_assert_false (fanfare_wallet_history_get_loading (history));
          g_assert_false (gtk_widget_get_visible (spinner));
          g_assert_cmpuint (n_rows (list), ==, rows.n);
          fanfare_test_wait_frame (dialog);
          fanfare_test_save_screenshot (dialog, "store-wallet-history-failed");
          /* Scrolling does not ask again; only Retry does. */
          gtk_adjustment_set_value (adjustment, 0);
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          g_assert_false (fanfare_wallet_history_get_loading (history));
          fanfare_test_server_restart (server);
          g_assert_true (gtk_widget_activate_action (retry, "history.retry", NULL));
          g_assert_false (gtk_widget_is_visible (retry));
        }
      else
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      g_assert_true (fanfare_wallet_history_get_loading (history));
      g_assert_true (gtk_widget_get_visible (spinner));
      g_assert_true (fanfare_test_wait_for (more_rows, &rows, 20000));
      fanfare_test_wait_frame (dialog);
    }

  /* All of it, each entry once, the oldest last; the end reached, no
   * more is read. */
  g_assert_cmpuint (n_rows (list), ==, expected);
  for (guint i = 0; i < expected; i++)
    if (g_str_equal (row_title (list, i), "Top-up"))
      top_ups++;
  g_assert_cmpuint (top_ups, ==, expected - 2);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (
                                                                                  list, expected - 1))),
                                   "+¥50.00 · balance ¥50.00"));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_false (fanfare_wallet_history_get_loading (history));
  g_assert_false (gtk_widget_get_visible (spinner));
  fanfare_test_save_screenshot (dialog, "store-wallet-history-end");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
clubs_listed (gpointer  data)
{
  return fanfare_clubs_page_get_n_clubs (data) == 1;
}

static gboolean
has_posts (gpointer  data)
{
  return fanfare_club_page_get_loaded (data) &&
         fanfare_club_page_get_n_posts (data) == GPOINTER_TO_UINT (g_object_get_data (data, "expected-posts"));
}

static gboolean
has_comments (gpointer  data)
{
  return fanfare_club_post_row_get_n_comments (data) == 1;
}

/* The first post row's, in the list's order. */
static FanfareClubPostRow *
first_post (GtkWidget *page)
{
  GtkWidget *row = fanfare_test_find_widget (page, FANFARE_TYPE_CLUB_POST_ROW);

  g_assert_nonnull (row);

  return FANFARE_CLUB_POST_ROW (row);
}

/* A moderation menu's button in @root, if any. */
static GtkWidget *
find_moderation (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), "Moderate") == 0)
        return child;
      if ((found = find_moderation (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
fan_post_first (gpointer  data)
{
  GtkWidget *row = fanfare_test_find_widget (data, FANFARE_TYPE_CLUB_POST_ROW);

  return row != NULL && g_strcmp0 (fanfare_club_post_row_get_post_id (FANFARE_CLUB_POST_ROW (row)),
                                   g_object_get_data (data, "fan-post")) == 0;
}

/* An official club a fan founded, with a post, as another user made it. */
static char *
found_club (const char *artist_id,
            char      **post_id)
{
  g_autofree char *token = fanfare_test_register (server, "clubfan", "clubfan password 1");
  g_autofree char *path = g_strdup_printf ("/api/v1/artists/%s/clubs", artist_id);
  g_autofree char *posts = NULL;
  FanfareTestResponse *response;
  char *club_id;

  fanfare_test_note_secret ("clubfan password 1");
  fanfare_test_note_secret (token);
  response = fanfare_test_request (server, "POST", path, token, "{\"name\": \"官方后援会\", \"official\": true}");
  club_id = g_strdup (fanfare_test_response_get_string (response, "club.id"));
  fanfare_test_response_free (response);
  g_assert_nonnull (club_id);

  posts = g_strdup_printf ("/api/v1/clubs/%s/posts", club_id);
  response = fanfare_test_request (server, "POST", posts, token, "{\"body\": \"欢迎大家\"}");
  *post_id = g_strdup (fanfare_test_response_get_string (response, "post.id"));
  fanfare_test_response_free (response);

  /* The founder makes the demo listener an admin once they join. */
  g_object_set_data_full (G_OBJECT (window), "founder-token", g_steal_pointer (&token), g_free);

  return club_id;
}

static void
make_admin (const char *club_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/clubs/%s/members/%s/role", club_id, FANFARE_TEST_DEMO_USER);
  FanfareTestResponse *response;

  response = fanfare_test_request (server, "PUT", path, g_object_get_data (G_OBJECT (window), "founder-token"),
                                   "{\"role\": \"admin\"}");
  fanfare_test_response_free (response);
}

static void
test_fan_clubs (void)
{
  GListModel *albums;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(FanfareArtist) artist = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *club_id = NULL;
  g_autofree char *fan_post = NULL;
  GtkWidget *artist_page, *clubs, *club, *row, *plate, *dialog;
  FanfareClubPostRow *post;

  if (!fanfare_test_app_signed_in (app))
    sign_in ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, albums, 20000));
  album = g_list_model_get_item (albums, 0);
  club_id = found_club (fanfare_album_get_artist_id (album), &fan_post);

  /* From the artist's page to the artist's clubs. */
  fanfare_client_get_artist_async (client (), fanfare_album_get_artist_id (album), NULL, fanfare_test_store_result,
                                   &result);
  g_clear_object (&result);
  result = fanfare_test_wait_result (&result);
  artist = fanfare_client_get_artist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);
  fanfare_navigate_artist (find (FANFARE_TYPE_DISCOVER_PAGE), artist);
  artist_page = fanfare_test_app_wait_page (window, FANFARE_TYPE_ARTIST_PAGE);
  g_assert_true (gtk_widget_activate_action (artist_page, "artist.clubs", NULL));
  clubs = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUBS_PAGE);
  g_assert_true (fanfare_test_wait_for (clubs_listed, clubs, 20000));
  fanfare_test_wait_frame (clubs);
  fanfare_test_assert_label_shown (clubs, "官方后援会");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-of-artist");

  /* A club the user is not in: Join, no posting, no moderation. */
  row = fanfare_test_find_widget (clubs, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  club = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUB_PAGE);
  fanfare_test_app_wait_club_role (club, NULL);
  fanfare_test_assert_label_shown (club, "Join");
  fanfare_test_assert_label_shown (club, "欢迎大家");
  g_assert_null (find_moderation (club));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (fanfare_club_page_get_post_entry (FANFARE_CLUB_PAGE (club)))));

  /* Joined: the user posts. */
  g_assert_true (gtk_widget_activate_action (club, "club.join", NULL));
  fanfare_test_app_wait_club_role (club, "member");
  fanfare_test_assert_label_shown (club, "Leave");
  gtk_editable_set_text (fanfare_club_page_get_post_entry (FANFARE_CLUB_PAGE (club)), "新专辑太棒了");
  g_assert_true (gtk_widget_activate_action (club, "club.post", NULL));
  g_object_set_data (G_OBJECT (club), "expected-posts", GUINT_TO_POINTER (2));
  g_assert_true (fanfare_test_wait_for (has_posts, club, 20000));
  fanfare_test_wait_frame (club);
  fanfare_test_assert_label_shown (club, "新专辑太棒了");
  g_assert_null (find_moderation (club));

  /* Made an admin: moderation shows; pinning puts the fan's post first. */
  make_admin (club_id);
  fanfare_club_page_reload (FANFARE_CLUB_PAGE (club));
  fanfare_test_app_wait_club_role (club, "admin");
  g_assert_nonnull (find_moderation (club));
  g_assert_cmpstr (fanfare_club_post_row_get_post_id (first_post (club)), !=, fan_post);
  g_object_set_data_full (G_OBJECT (club), "fan-post", g_strdup (fan_post), g_free);
  g_assert_true (gtk_widget_activate_action (club, "club.pin-post", "s", fan_post));
  g_assert_true (fanfare_test_wait_for (fan_post_first, club, 20000));
  fanfare_test_wait_frame (club);
  fanfare_test_assert_label_shown (club, "Pinned");

  /* A comment under the pinned post. */
  post = first_post (club);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (post), TRUE);
  fanfare_club_post_row_add_comment (post, "同意！");
  g_assert_true (fanfare_test_wait_for (has_comments, post, 20000));
  fanfare_test_wait_frame (club);
  fanfare_test_assert_label_shown (club, "同意！");
  fanfare_test_assert_label_shown (club, "1 comment");

  /* The buyer of the artist's album leads the supporters, nameplate verified. */
  plate = fanfare_test_find_widget (club, FANFARE_TYPE_NAMEPLATE_VIEW);
  g_assert_nonnull (plate);
  g_assert_true (fanfare_nameplate_view_get_verified (FANFARE_NAMEPLATE_VIEW (plate)));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "club-page-admin");

  /* The sidebar's Fan Clubs lists the clubs the user is in. */
  fanfare_navigation_stack_pop_to_root (FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "fan-clubs"));
  clubs = find (FANFARE_TYPE_CLUBS_PAGE);
  g_assert_true (fanfare_test_wait_for (clubs_listed, clubs, 20000));
  fanfare_test_wait_frame (clubs);
  fanfare_test_assert_label_shown (clubs, "My Fan Clubs");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "clubs-mine");

  /* The user founds a fan-made club of their own, and runs it. */
  fanfare_navigate_artist_clubs (clubs, fanfare_album_get_artist_id (album), fanfare_album_get_artist (album));
  clubs = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUBS_PAGE);
  g_assert_true (gtk_widget_activate_action (clubs, "clubs.create", NULL));
  dialog = fanfare_test_app_wait_dialog ("New Fan Club");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), "夜听小组");
  fanfare_test_save_screenshot (dialog, "club-new");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  club = fanfare_test_app_wait_page (window, FANFARE_TYPE_CLUB_PAGE);
  fanfare_test_app_wait_club_role (club, "founder");
  fanfare_test_assert_label_shown (club, "夜听小组");
  g_assert_false (gtk_widget_get_visible (fanfare_test_app_find_actionable (club, "club.join")));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *demo = NULL;
  g_autofree char *scratch = NULL;
  int ret;

  scratch = fanfare_test_app_init (&argc, &argv);

  server = fanfare_test_app_start_demo_server ();

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/store/buy-album", test_buy_album);
  g_test_add_func ("/app/store/wallet-history", test_wallet_history);
  g_test_add_func ("/app/store/fan-clubs", test_fan_clubs);

  ret = g_test_run ();

  fanfare_test_app_quit (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);

  return ret;
}
