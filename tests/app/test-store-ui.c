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
 * verified. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fanfare-album-page.h"
#include "fanfare-application.h"
#include "fanfare-buy-button.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-purchased-page.h"
#include "fanfare-sign-in-dialog.h"
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
signed_in (gpointer  data)
{
  return client () != NULL && fanfare_client_get_signed_in (client ());
}

static gboolean
has_items (gpointer  data)
{
  return g_list_model_get_n_items (data) > 0;
}

static gboolean
is_visible (gpointer  data)
{
  return gtk_widget_get_mapped (data);
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

/* The message dialog shown with @heading, if any. */
static GtkWidget *
find_dialog (const char *heading)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;

  return NULL;
}

static gboolean
dialog_shown (gpointer  data)
{
  return find_dialog (data) != NULL;
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
  g_assert_true (fanfare_test_wait_for (dialog_shown, (gpointer) "Buy This Album?", 20000));
  dialog = find_dialog ("Buy This Album?");
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
  FanfareSignInDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  dialog = FANFARE_SIGN_IN_DIALOG (fanfare_test_find_toplevel (FANFARE_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  fanfare_sign_in_dialog_submit (dialog, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  g_assert_true (fanfare_test_wait_for (signed_in, NULL, 20000));
  fanfare_test_note_secret (fanfare_client_get_token (client ()));
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
  g_assert_true (fanfare_test_wait_for (has_items, albums, 20000));
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
  g_assert_true (fanfare_test_wait_for (is_visible, buy, 20000));
  price_label = fanfare_buy_button_format_price (PRICE, "CNY");
  g_assert_cmpstr (price_label, ==, "¥18.00");
  fanfare_test_assert_label_shown (buy, "Buy · ¥18.00");
  fanfare_test_wait_ms (600);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "store-album-price");

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
  g_assert_true (fanfare_test_wait_for (dialog_shown, (gpointer) "Top Up Your Wallet", 20000));
  wallet = find_dialog ("Top Up Your Wallet");
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
  fanfare_test_wait_ms (600);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "store-album-purchased");

  /* It is among the Purchased Albums, its nameplate verified. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "purchased"));
  purchased = find (FANFARE_TYPE_PURCHASED_PAGE);
  g_assert_true (fanfare_test_wait_for (purchased_listed, purchased, 20000));
  g_assert_cmpuint (fanfare_purchased_page_get_n_verified (FANFARE_PURCHASED_PAGE (purchased)), ==, 1);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (purchased, fanfare_album_get_title (album));
  fanfare_test_assert_label_shown (purchased, "Verified");
  fanfare_test_wait_ms (600);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "store-purchased-albums");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *scratch = NULL;
  int ret;

  scratch = fanfare_test_use_private_dirs ();
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);
  fanfare_test_init_gtk (&argc, &argv);

  demo = fanfare_test_seed_demo ();
  server = fanfare_test_demo_server_start (demo);
  fanfare_test_rm_rf (demo);
  g_setenv ("FANFARE_SERVER_URL", server->url, TRUE);

  app = fanfare_application_new ();
  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (fanfare_application_get_settings (app), "notify-track-change", FALSE);

  g_application_activate (G_APPLICATION (app));
  window = FANFARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  fanfare_test_wait_mapped (GTK_WIDGET (window));

  g_test_add_func ("/app/store/buy-album", test_buy_album);

  ret = g_test_run ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);

  return ret;
}
