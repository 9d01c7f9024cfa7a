/* test-friends-settings.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Friends page's settings the way a person uses them, in the real
 * application under Xvfb against a real fanfare-server: finding people by
 * name, a phone number that contacts find them by, Blocked People with
 * Unblock, People Nearby remembered until opting out, and, for a
 * moderator, Reported Comments with Remove and Dismiss. */

#include "config.h"

#include <string.h>

#include "fanfare-application.h"
#include "fanfare-blocked-group.h"
#include "fanfare-client-moderation.h"
#include "fanfare-friends-page.h"
#include "fanfare-geohash.h"
#include "fanfare-nearby-group.h"
#include "fanfare-privacy-group.h"
#include "fanfare-reports-dialog.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-vcard.h"
#include "fanfare-window.h"

#define USER "mei"
#define USER_PASSWORD "mei password 1"
#define FRIEND "wang"
#define FRIEND_NAME "Wang Fang"
#define ADMIN "root"
#define ADMIN_PASSWORD "root password 1"
#define BEIJING_LATITUDE 39.9042
#define BEIJING_LONGITUDE 116.4074

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static FanfareClient *friend;
static FanfareClient *other;
static FanfareClient *admin;
static GAsyncResult *slot;

static FanfareClient *
client (void)
{
  return fanfare_application_get_client (app);
}

static void
assert_done (FanfareClient *on)
{
  g_autoptr(GAsyncResult) result = fanfare_test_wait_result (&slot);
  g_autoptr(GError) error = NULL;

  g_assert_true (fanfare_client_social_finish (on, result, &error));
  g_assert_no_error (error);
}

static GListModel *
finish_list (FanfareClient *on)
{
  g_autoptr(GAsyncResult) result = fanfare_test_wait_result (&slot);
  g_autoptr(GError) error = NULL;
  GListModel *items = fanfare_client_social_list_finish (on, result, NULL, &error);

  g_assert_no_error (error);

  return items;
}

static FanfareClient *
register_client (const char *username,
                 const char *display_name)
{
  g_autofree char *password = g_strdup_printf ("%s password 1", username);

  return fanfare_test_app_client_register (server, username, display_name, password);
}

static FanfareFriendsPage *
show_friends (void)
{
  GtkWidget *page = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_FRIENDS_PAGE);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "friends"));
  fanfare_test_wait_mapped (page);

  return FANFARE_FRIENDS_PAGE (page);
}

static void
test_sign_in (void)
{
  g_autoptr(FanfareClient) mei = register_client (USER, "Mei");
  g_autoptr(FanfareTestResponse) named = NULL;

  friend = register_client (FRIEND, FRIEND_NAME);
  other = register_client ("zhao", "Zhao Lei");
  admin = fanfare_test_app_client_sign_in (server, ADMIN, ADMIN_PASSWORD);

  /* The admin names the user a moderator of comments. */
  named = fanfare_test_request (server, "PUT", "/api/v1/users/" USER "/moderator", fanfare_client_get_token (admin),
                                "{\"moderator\": true}");
  g_assert_cmpuint (named->status, ==, 200);

  fanfare_test_app_sign_in_with_dialog (app, server->url, USER, USER_PASSWORD);
  g_assert_true (fanfare_user_get_moderator (fanfare_client_get_user (client ())));
}

static void
test_find_people (void)
{
  FanfareFriendsPage *page = show_friends ();
  g_autoptr(FanfareUser) found = NULL;

  /* By part of the display name, from the people-only search. */
  fanfare_friends_page_find_people (page, "Fang");
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_friends_page_get_people (page), 20000));
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_friends_page_get_people (page)), ==, 1);
  found = g_list_model_get_item (fanfare_friends_page_get_people (page), 0);
  g_assert_cmpstr (fanfare_user_get_username (found), ==, FRIEND);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "@" FRIEND);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-find-people-only");
  fanfare_friends_page_find_people (page, "");
}

static void
collect_switches (GtkWidget *widget,
                  GPtrArray *found)
{
  if (GTK_IS_SWITCH (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_switches (child, found);
}

/* The switches of the privacy group, in the order they are shown. */
static GtkSwitch *
privacy_switch (FanfarePrivacyGroup *group,
                guint                index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_switches (GTK_WIDGET (group), found);
  g_assert_cmpuint (index, <, found->len);

  return g_ptr_array_index (found, index);
}

static gboolean
phone_is (gpointer  data)
{
  const FanfarePrivacySettings *settings = fanfare_privacy_group_get_settings (data);

  return settings != NULL && g_strcmp0 (settings->phone, g_object_get_data (data, "expected")) == 0;
}

static gboolean
discoverable (gpointer  data)
{
  const FanfarePrivacySettings *settings = fanfare_privacy_group_get_settings (data);

  return settings != NULL && settings->discoverable_by_contact;
}

static void
test_phone (void)
{
  FanfareFriendsPage *page = show_friends ();
  FanfarePrivacyGroup *group = FANFARE_PRIVACY_GROUP (fanfare_test_find_widget (GTK_WIDGET (page),
                                                                                FANFARE_TYPE_PRIVACY_GROUP));
  const char *book = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mei\r\nTEL:138-0013-8000\r\nEND:VCARD\r\n";
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fanfare_test_wait_for ((FanfareTestCondition) fanfare_privacy_group_get_settings, group, 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (group), "Phone Number");

  /* A number without its country code takes the locale's: 86. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  fanfare_privacy_group_set_phone (group, "138 0013 8000");
  g_setenv ("LANGUAGE", "", TRUE);
  g_object_set_data (G_OBJECT (group), "expected", (gpointer) "+8613800138000");
  g_assert_true (fanfare_test_wait_for (phone_is, group, 20000));

  /* Something that is no number is refused, and the saved one stays. */
  fanfare_privacy_group_set_phone (group, "call me");
  fanfare_test_wait_ms (500);
  g_assert_true (phone_is (group));

  /* Allowed, a friend with the number in their contacts finds the user. */
  gtk_switch_set_active (privacy_switch (group, 3), TRUE);
  g_assert_true (fanfare_test_wait_for (discoverable, group, 20000));
  contacts = fanfare_vcard_parse (book, strlen (book), NULL, &error);
  g_assert_no_error (error);
  fanfare_client_find_contacts_async (friend, contacts, "86", NULL, fanfare_test_store_result, &slot);
  found = finish_list (friend);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  user = g_list_model_get_item (found, 0);
  g_assert_cmpstr (fanfare_user_get_username (user), ==, USER);
  /* The switch above the number brings both into view. */
  gtk_widget_grab_focus (GTK_WIDGET (privacy_switch (group, 3)));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-phone");
}

static gboolean
blocked_count_is (gpointer  data)
{
  FanfareBlockedGroup *group = FANFARE_BLOCKED_GROUP (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                                FANFARE_TYPE_BLOCKED_GROUP));

  return g_list_model_get_n_items (fanfare_blocked_group_get_people (group)) == GPOINTER_TO_UINT (data);
}

static void
test_blocked (void)
{
  FanfareFriendsPage *page = show_friends ();
  FanfareBlockedGroup *group = FANFARE_BLOCKED_GROUP (fanfare_test_find_widget (GTK_WIDGET (page),
                                                                                FANFARE_TYPE_BLOCKED_GROUP));
  g_autoptr(GListModel) still = NULL;
  GtkWidget *label, *button;

  fanfare_test_assert_label_shown (GTK_WIDGET (group), "You have not blocked anyone");
  fanfare_client_set_blocked_async (client (), FRIEND, TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (client ());
  fanfare_friends_page_reload (page);
  g_assert_true (fanfare_test_wait_for (blocked_count_is, GUINT_TO_POINTER (1), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (group), FRIEND_NAME);
  label = fanfare_test_find_label (GTK_WIDGET (group), "Unblock");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  gtk_widget_grab_focus (button);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-blocked-people");

  /* Unblock: off the list, and off the server's. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (fanfare_test_wait_for (blocked_count_is, GUINT_TO_POINTER (0), 20000));
  fanfare_client_list_people_async (client (), FANFARE_PEOPLE_BLOCKED, NULL, NULL, fanfare_test_store_result, &slot);
  still = finish_list (client ());
  g_assert_cmpuint (g_list_model_get_n_items (still), ==, 0);
}

static void
share_cell (FanfareClient *who,
            const char    *cell)
{
  g_autoptr(GListModel) people = NULL;

  fanfare_client_share_location_async (who, cell, NULL, fanfare_test_store_result, &slot);
  people = finish_list (who);
}

/* Whether @who sees the user among the people nearby. */
static gboolean
sees_user_nearby (gpointer  data)
{
  FanfareClient *who = data;
  g_autoptr(GListModel) people = NULL;

  fanfare_client_list_people_async (who, FANFARE_PEOPLE_NEARBY, NULL, NULL, fanfare_test_store_result, &slot);
  people = finish_list (who);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (people, i);

      if (g_str_equal (fanfare_user_get_username (user), USER))
        return TRUE;
    }

  return FALSE;
}

static gboolean
not_seen_nearby (gpointer  data)
{
  return !sees_user_nearby (data);
}

static gboolean
remembered (void)
{
  g_auto(GStrv) accounts = g_settings_get_strv (fanfare_application_get_settings (app), "nearby-accounts");
  g_autofree char *key = g_strdup_printf ("%s %s", USER, server->url);

  return g_strv_contains ((const char * const *) accounts, key);
}

static void
stop_sharing_behind (void)
{
  g_autoptr(FanfareClient) elsewhere = fanfare_test_app_client_sign_in (server, USER, USER_PASSWORD);

  fanfare_client_stop_sharing_location_async (elsewhere, NULL, fanfare_test_store_result, &slot);
  assert_done (elsewhere);
  g_assert_true (fanfare_test_wait_for (not_seen_nearby, friend, 20000));
}

static void
test_nearby_remembered (void)
{
  FanfareFriendsPage *page = show_friends ();
  FanfareNearbyGroup *group = FANFARE_NEARBY_GROUP (fanfare_test_find_widget (GTK_WIDGET (page),
                                                                              FANFARE_TYPE_NEARBY_GROUP));
  g_autoptr(FanfareLocationSource) here = fanfare_location_source_new_fixed (BEIJING_LATITUDE, BEIJING_LONGITUDE);
  g_autofree char *cell = fanfare_geohash_encode (BEIJING_LATITUDE, BEIJING_LONGITUDE, FANFARE_NEARBY_PRECISION);

  share_cell (friend, cell);
  share_cell (other, cell);
  share_cell (admin, cell);
  fanfare_nearby_group_set_source (group, here);
  g_assert_false (remembered ());

  /* Opting in is remembered for the account. */
  fanfare_nearby_group_set_sharing (group, TRUE);
  g_assert_true (fanfare_test_wait_for (sees_user_nearby, friend, 20000));
  g_assert_true (remembered ());

  /* Shown again, the page shares the area again. */
  stop_sharing_behind ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library"));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  show_friends ();
  g_assert_true (fanfare_test_wait_for (sees_user_nearby, friend, 20000));

  /* As after a restart: the account comes back opted in, and shares. */
  stop_sharing_behind ();
  fanfare_nearby_group_set_client (group, NULL);
  fanfare_nearby_group_set_client (group, client ());
  g_assert_true (fanfare_test_wait_for (sees_user_nearby, friend, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  gtk_widget_grab_focus (GTK_WIDGET (group));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-nearby-remembered");

  /* Opting out is remembered too, and the area is deleted at once. */
  fanfare_nearby_group_set_sharing (group, FALSE);
  g_assert_false (remembered ());
  g_assert_true (fanfare_test_wait_for (not_seen_nearby, friend, 20000));
  fanfare_nearby_group_set_client (group, NULL);
  fanfare_nearby_group_set_client (group, client ());
  fanfare_test_wait_ms (1000);
  g_assert_null (fanfare_nearby_group_get_cell (group));
  g_assert_false (sees_user_nearby (friend));
}

static char *
comment_on (FanfareClient *who,
            const char    *playlist_id,
            const char    *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareComment) comment = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_post_comment_async (who, FANFARE_SOCIAL_TARGET_PLAYLIST, playlist_id, NULL, text, NULL,
                                     fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  comment = fanfare_client_post_comment_finish (who, result, &error);
  g_assert_no_error (error);

  return g_strdup (fanfare_comment_get_id (comment));
}

static gboolean
reports_count_is (gpointer  data)
{
  return g_list_model_get_n_items (fanfare_reports_dialog_get_reports (data)) ==
         GPOINTER_TO_UINT (g_object_get_data (data, "expected"));
}

static GtkWidget *
button_in_row (GtkWidget  *root,
               const char *comment_text,
               const char *label_text)
{
  GtkWidget *title = fanfare_test_find_label (root, comment_text);
  GtkWidget *row = title != NULL ? gtk_widget_get_ancestor (title, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkWidget *label;

  g_assert_nonnull (row);
  label = fanfare_test_find_label (row, label_text);
  g_assert_nonnull (label);

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

static void
test_reports (void)
{
  FanfareFriendsPage *page = show_friends ();
  GtkWidget *reports_button = fanfare_test_find_label (GTK_WIDGET (page), "Reported Comments");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GListModel) left = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spam = NULL;
  g_autofree char *harsh = NULL;
  FanfareReportsDialog *dialog;

  /* Offered to moderators only: this user is one. */
  g_assert_nonnull (reports_button);
  g_assert_true (gtk_widget_get_mapped (reports_button));

  fanfare_client_create_playlist_async (friend, "Road Trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PUBLIC, NULL, NULL,
                                        fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  playlist = fanfare_client_playlist_finish (friend, result, NULL, &error);
  g_assert_no_error (error);
  spam = comment_on (other, fanfare_playlist_get_id (playlist), "Cheap <b>followers</b> here");
  harsh = comment_on (other, fanfare_playlist_get_id (playlist), "This mix is too slow");
  fanfare_client_report_comment_async (friend, spam, "spam", NULL, fanfare_test_store_result, &slot);
  assert_done (friend);
  fanfare_client_report_comment_async (friend, harsh, "rude", NULL, fanfare_test_store_result, &slot);
  assert_done (friend);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "friends.reports", NULL));
  dialog = FANFARE_REPORTS_DIALOG (fanfare_test_find_toplevel (FANFARE_TYPE_REPORTS_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  g_object_set_data (G_OBJECT (dialog), "expected", GUINT_TO_POINTER (2));
  g_assert_true (fanfare_test_wait_for (reports_count_is, dialog, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (dialog));
  /* Shown as written, never as markup. */
  fanfare_test_assert_label_shown (GTK_WIDGET (dialog), "Cheap <b>followers</b> here");
  fanfare_test_assert_label_shown (GTK_WIDGET (dialog), "By Zhao Lei · Reported by 1 person: spam");
  fanfare_test_app_save_screenshot (GTK_WIDGET (dialog), "friends-reported-comments");

  /* Remove the spam, dismiss the other: both leave the list. */
  g_signal_emit_by_name (button_in_row (GTK_WIDGET (dialog), "Cheap <b>followers</b> here", "Remove"), "clicked");
  g_object_set_data (G_OBJECT (dialog), "expected", GUINT_TO_POINTER (1));
  g_assert_true (fanfare_test_wait_for (reports_count_is, dialog, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (dialog));
  g_signal_emit_by_name (button_in_row (GTK_WIDGET (dialog), "This mix is too slow", "Dismiss"), "clicked");
  g_object_set_data (G_OBJECT (dialog), "expected", GUINT_TO_POINTER (0));
  g_assert_true (fanfare_test_wait_for (reports_count_is, dialog, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (dialog));
  fanfare_test_assert_label_shown (GTK_WIDGET (dialog), "No comments are waiting for a decision");

  /* The removed comment is gone for everyone; the dismissed one stays. */
  fanfare_client_list_comments_async (friend, FANFARE_SOCIAL_TARGET_PLAYLIST, fanfare_playlist_get_id (playlist),
                                      TRUE, NULL, NULL, fanfare_test_store_result, &slot);
  left = finish_list (friend);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;
  g_autofree char *data_dir = NULL;
  int ret;

  scratch = fanfare_test_app_init (&argc, &argv);

  data_dir = fanfare_test_make_data_dir ();
  fanfare_test_create_admin (data_dir, ADMIN, ADMIN_PASSWORD);
  server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_app_use_server (server);

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/friends-settings/sign-in", test_sign_in);
  g_test_add_func ("/app/friends-settings/find-people", test_find_people);
  g_test_add_func ("/app/friends-settings/phone", test_phone);
  g_test_add_func ("/app/friends-settings/blocked", test_blocked);
  g_test_add_func ("/app/friends-settings/nearby-remembered", test_nearby_remembered);
  g_test_add_func ("/app/friends-settings/reports", test_reports);

  ret = g_test_run ();

  g_clear_object (&friend);
  g_clear_object (&other);
  g_clear_object (&admin);
  fanfare_test_app_quit (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);

  return ret;
}
