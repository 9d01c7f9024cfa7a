/* test-friends.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Friends the way a person meets them, in the real application under Xvfb
 * against a real fanfare-server: a friend's new public playlist in the
 * feed, finding them by name, their profile with the friend mark, Unfollow
 * and Follow, and blocking them, after which they are nowhere. */

#include "config.h"

#include <string.h>

#include "fanfare-application.h"
#include "fanfare-blocked-group.h"
#include "fanfare-client-social.h"
#include "fanfare-comment-section.h"
#include "fanfare-contacts-group.h"
#include "fanfare-friends-page.h"
#include "fanfare-inbox-page.h"
#include "fanfare-geohash.h"
#include "fanfare-navigate.h"
#include "fanfare-nearby-group.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-playlist-page.h"
#include "fanfare-privacy-group.h"
#include "fanfare-profile-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-window.h"

#define FRIEND "wang"
#define FRIEND_NAME "Wang Fang"
#define FRIEND_PASSWORD "wang password 1"
#define PLAYLIST "Road Trip"

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static FanfareClient *friend;
static char *scratch;
static char *playlist_id;
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
  fanfare_test_app_sign_in_with_dialog (app, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);

  /* A friend: each follows the other. */
  friend = fanfare_test_app_client_register (server, FRIEND, FRIEND_NAME, FRIEND_PASSWORD);

  fanfare_client_set_following_async (friend, FANFARE_TEST_DEMO_USER, TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (friend);
  fanfare_client_set_following_async (client (), FRIEND, TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (client ());
}

static void
test_feed (void)
{
  FanfareFriendsPage *page = show_friends ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfareActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  /* The friend makes a public playlist: it is in the feed, said in words. */
  fanfare_client_create_playlist_async (friend, PLAYLIST, NULL, FANFARE_PLAYLIST_VISIBILITY_PUBLIC, NULL, NULL,
                                        fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  playlist = fanfare_client_playlist_finish (friend, result, NULL, &error);
  g_assert_no_error (error);
  playlist_id = g_strdup (fanfare_playlist_get_id (playlist));

  fanfare_friends_page_reload (page);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_friends_page_get_feed (page), 20000));
  activity = g_list_model_get_item (fanfare_friends_page_get_feed (page), 0);
  g_assert_cmpstr (fanfare_user_get_username (fanfare_activity_get_user (activity)), ==, FRIEND);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), FRIEND_NAME);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Made the playlist “" PLAYLIST "”");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-feed");
}

static gboolean
sharing_playlists_is (gpointer  data)
{
  FanfarePrivacyGroup *group = FANFARE_PRIVACY_GROUP (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                                FANFARE_TYPE_PRIVACY_GROUP));
  const FanfarePrivacySettings *settings = fanfare_privacy_group_get_settings (group);

  return settings != NULL && settings->share_playlists == GPOINTER_TO_INT (data);
}

/* Whether the friend's feed shows a playlist called @title. */
static gboolean
friend_sees (const char *title)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) feed = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_list_feed_async (friend, NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  feed = fanfare_client_social_list_finish (friend, result, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (feed); i++)
    {
      g_autoptr(FanfareActivity) activity = g_list_model_get_item (feed, i);

      if (g_strcmp0 (fanfare_playlist_get_title (fanfare_activity_get_playlist (activity)), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_privacy (void)
{
  FanfareFriendsPage *page = show_friends ();
  GtkWidget *group = fanfare_test_find_widget (GTK_WIDGET (page), FANFARE_TYPE_PRIVACY_GROUP);
  GtkWidget *share = fanfare_test_find_widget (group, GTK_TYPE_SWITCH);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_create_playlist_async (client (), "Late Night", NULL, FANFARE_PLAYLIST_VISIBILITY_PUBLIC, NULL, NULL,
                                        fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  playlist = fanfare_client_playlist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);

  /* Shared by default; switched off, the friend's feed leaves it out. */
  g_assert_true (fanfare_test_wait_for (sharing_playlists_is, GINT_TO_POINTER (TRUE), 20000));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (share)));
  g_assert_true (friend_sees ("Late Night"));
  gtk_switch_set_active (GTK_SWITCH (share), FALSE);
  g_assert_true (fanfare_test_wait_for (sharing_playlists_is, GINT_TO_POINTER (FALSE), 20000));
  g_assert_false (friend_sees ("Late Night"));
  gtk_widget_grab_focus (share);
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-privacy");

  gtk_switch_set_active (GTK_SWITCH (share), TRUE);
  g_assert_true (fanfare_test_wait_for (sharing_playlists_is, GINT_TO_POINTER (TRUE), 20000));
  g_assert_true (friend_sees ("Late Night"));
}

static void
test_contacts (void)
{
  FanfareFriendsPage *page = show_friends ();
  FanfareContactsGroup *group = FANFARE_CONTACTS_GROUP (fanfare_test_find_widget (GTK_WIDGET (page),
                                                                                  FANFARE_TYPE_CONTACTS_GROUP));
  FanfarePrivacySettings findable = {
    .discoverable_by_contact = TRUE, .phone = (char *) "+86 138 0013 8000", .share_playlists = TRUE,
    .share_playlist_follows = TRUE, .share_listening = FALSE,
  };
  const char *vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fang (road trips)\r\nTEL;TYPE=CELL:138 0013 8000\r\n"
                    "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nobody\r\nEMAIL:nobody@example.com\r\n"
                    "END:VCARD\r\n";
  g_autofree char *path = g_build_filename (scratch, "contacts.vcf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FanfarePrivacySettings) settings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUser) found = NULL;

  /* The page says what leaves the computer before anything is chosen. */
  fanfare_test_assert_label_shown (GTK_WIDGET (group), "From Your Contacts");
  g_assert_nonnull (fanfare_test_find_widget_with_class (GTK_WIDGET (group), GTK_TYPE_LABEL, "dim-label"));

  /* The friend lets contacts find them by their phone. */
  fanfare_client_set_privacy_async (friend, &findable, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  settings = fanfare_client_privacy_finish (friend, result, &error);
  g_assert_no_error (error);

  /* A number written without its country code takes the locale's: 86. */
  g_assert_true (g_file_set_contents (path, vcf, -1, NULL));
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  fanfare_contacts_group_find_in_file (group, file);
  g_setenv ("LANGUAGE", "", TRUE);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_contacts_group_get_matches (group), 20000));
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_contacts_group_get_matches (group)), ==, 1);
  found = g_list_model_get_item (fanfare_contacts_group_get_matches (group), 0);
  g_assert_cmpstr (fanfare_user_get_username (found), ==, FRIEND);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (group), FRIEND_NAME);
  fanfare_test_assert_label_shown (GTK_WIDGET (group), "1 person found");
  gtk_widget_grab_focus (GTK_WIDGET (group));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-contacts");
}

#define BEIJING_LATITUDE 39.9042
#define BEIJING_LONGITUDE 116.4074

static FanfareClient *
register_and_sign_in (const char *username)
{
  g_autofree char *password = g_strdup_printf ("%s password 1", username);

  return fanfare_test_app_client_register (server, username, username, password);
}

static int
compare_names (gconstpointer  a,
               gconstpointer  b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The usernames around the cell @who shared last, joined by "|". */
static char *
nearby_of (FanfareClient *who)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  fanfare_client_list_people_async (who, FANFARE_PEOPLE_NEARBY, NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  people = fanfare_client_social_list_finish (who, result, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (people, i);

      g_ptr_array_add (names, g_strdup (fanfare_user_get_username (user)));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static void
share_cell (FanfareClient *who,
            const char    *cell)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_share_location_async (who, cell, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  people = fanfare_client_social_list_finish (who, result, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
nearby_count_is (gpointer  data)
{
  FanfareNearbyGroup *group = FANFARE_NEARBY_GROUP (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                              FANFARE_TYPE_NEARBY_GROUP));

  return g_list_model_get_n_items (fanfare_nearby_group_get_people (group)) == GPOINTER_TO_UINT (data);
}

static void
test_nearby (void)
{
  FanfareFriendsPage *page = show_friends ();
  FanfareNearbyGroup *group = FANFARE_NEARBY_GROUP (fanfare_test_find_widget (GTK_WIDGET (page),
                                                                              FANFARE_TYPE_NEARBY_GROUP));
  g_autoptr(FanfareClient) lina = register_and_sign_in ("lina");
  g_autoptr(FanfareClient) chen = register_and_sign_in ("chen");
  g_autoptr(FanfareLocationSource) here = fanfare_location_source_new_fixed (BEIJING_LATITUDE, BEIJING_LONGITUDE);
  g_autofree char *cell = fanfare_geohash_encode (BEIJING_LATITUDE, BEIJING_LONGITUDE, FANFARE_NEARBY_PRECISION);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  share_cell (friend, cell);
  share_cell (lina, cell);
  share_cell (chen, cell);

  /* Nothing is sent until the user opts in. */
  fanfare_nearby_group_set_source (group, here);
  g_assert_null (fanfare_nearby_group_get_cell (group));
  before = nearby_of (friend);
  g_assert_cmpstr (before, ==, "chen|lina");

  /* Opted in, only the cell of 5 characters is sent; the others are listed. */
  fanfare_nearby_group_set_sharing (group, TRUE);
  g_assert_true (fanfare_test_wait_for (nearby_count_is, GUINT_TO_POINTER (3), 20000));
  g_assert_cmpstr (fanfare_nearby_group_get_cell (group), ==, cell);
  g_assert_cmpuint (strlen (fanfare_nearby_group_get_cell (group)), ==, 5);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (group), FRIEND_NAME);
  after = nearby_of (friend);
  g_assert_cmpstr (after, ==, "chen|demo|lina");
  gtk_widget_grab_focus (GTK_WIDGET (group));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-nearby");

  /* Opting out deletes the cell at once. */
  fanfare_nearby_group_set_sharing (group, FALSE);
  g_assert_true (nearby_count_is (GUINT_TO_POINTER (0)));
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *now = nearby_of (friend);

      if (g_str_equal (now, "chen|lina"))
        break;
      g_assert_cmpuint (i, <, 99);
      fanfare_test_wait_ms (100);
    }
}

static gboolean
profile_loaded (gpointer  data)
{
  return fanfare_profile_page_get_profile (data) != NULL &&
         fanfare_test_app_has_items (fanfare_profile_page_get_followers (data));
}

static gboolean
following_is (gpointer  data)
{
  FanfareProfilePage *page = FANFARE_PROFILE_PAGE (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                             FANFARE_TYPE_PROFILE_PAGE));
  FanfareProfile *profile = fanfare_profile_page_get_profile (page);

  return profile != NULL && fanfare_profile_get_following (profile) == GPOINTER_TO_INT (data);
}

static gboolean
blocking (gpointer  data)
{
  FanfareProfile *profile = fanfare_profile_page_get_profile (data);

  return profile != NULL && fanfare_profile_get_blocking (profile);
}

static void
test_find_and_profile (void)
{
  FanfareFriendsPage *page = show_friends ();
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                                           FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *handle, *row, *profile, *friend_tag;

  /* Found by part of their display name, marked as a friend. */
  fanfare_friends_page_find_people (page, "Fang");
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_friends_page_get_people (page), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "@" FRIEND);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Friend");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-find-people");

  /* The row opens the profile. */
  handle = fanfare_test_find_label (GTK_WIDGET (page), "@" FRIEND);
  row = gtk_widget_get_ancestor (handle, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  profile = fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_PROFILE_PAGE);
  g_assert_nonnull (profile);
  fanfare_test_wait_mapped (profile);
  g_assert_true (fanfare_test_wait_for (profile_loaded, profile, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (profile, FRIEND_NAME);
  fanfare_test_assert_label_shown (profile, PLAYLIST);
  friend_tag = fanfare_test_find_label (profile, "Friend");
  g_assert_nonnull (friend_tag);
  fanfare_test_assert_label_shown (profile, fanfare_user_get_display_name (fanfare_client_get_user (client ())));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-profile");

  /* Unfollowing ends the friendship; following again makes it again. */
  g_assert_true (gtk_widget_activate_action (profile, "profile.follow", NULL));
  g_assert_true (fanfare_test_wait_for (following_is, GINT_TO_POINTER (FALSE), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (friend_tag));
  g_assert_true (gtk_widget_activate_action (profile, "profile.follow", NULL));
  g_assert_true (fanfare_test_wait_for (following_is, GINT_TO_POINTER (TRUE), 20000));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_is_mapped, friend_tag, 20000));
}

static gboolean
comment_count_is (gpointer  data)
{
  FanfareCommentSection *section = FANFARE_COMMENT_SECTION (fanfare_test_find_widget (data,
                                                                                      FANFARE_TYPE_COMMENT_SECTION));

  return g_list_model_get_n_items (fanfare_comment_section_get_comments (section)) ==
         GPOINTER_TO_UINT (g_object_get_data (data, "expected"));
}

static GtkWidget *
button_with_label (GtkWidget  *root,
                   const char *text)
{
  GtkWidget *label = fanfare_test_find_label (root, text);

  g_assert_nonnull (label);

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

static void
test_comments (void)
{
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                                           FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *page;
  FanfareCommentSection *section;
  GtkWidget *switcher, *comments_tab;
  g_autoptr(FanfareComment) posted = NULL;
  g_autoptr(FanfareComment) reply = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_navigate_playlist (GTK_WIDGET (window), playlist_id);
  page = fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_PLAYLIST_PAGE);
  g_assert_nonnull (page);
  fanfare_test_wait_mapped (page);
  section = FANFARE_COMMENT_SECTION (fanfare_test_find_widget (page, FANFARE_TYPE_COMMENT_SECTION));
  /* The comments are the second tab beside the tracks. */
  switcher = fanfare_test_find_widget (page, GTK_TYPE_STACK_SWITCHER);
  fanfare_test_assert_label_shown (switcher, "Comments");
  comments_tab = button_with_label (switcher, "Comments");
  g_assert_nonnull (comments_tab);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (comments_tab), TRUE);
  fanfare_test_wait_mapped (GTK_WIDGET (section));

  /* Posted text is shown as written, not as markup. */
  fanfare_comment_section_post (section, "<b>x</b>");
  g_object_set_data (G_OBJECT (page), "expected", GUINT_TO_POINTER (1));
  g_assert_true (fanfare_test_wait_for (comment_count_is, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (page, "<b>x</b>");
  posted = g_list_model_get_item (fanfare_comment_section_get_comments (section), 0);

  /* The friend replies and likes it; shown newest first, it says so. */
  fanfare_client_post_comment_async (friend, FANFARE_SOCIAL_TARGET_PLAYLIST, playlist_id,
                                     fanfare_comment_get_id (posted), "Nice & <i>loud</i>", NULL,
                                     fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  reply = fanfare_client_post_comment_finish (friend, result, &error);
  g_assert_no_error (error);
  fanfare_client_set_comment_liked_async (friend, fanfare_comment_get_id (posted), TRUE, NULL,
                                          fanfare_test_store_result, &slot);
  assert_done (friend);
  fanfare_comment_section_set_newest_first (section, TRUE);
  g_assert_true (fanfare_test_wait_for (comment_count_is, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (page, "1 Reply");
  g_signal_emit_by_name (button_with_label (page, "1 Reply"), "clicked");
  fanfare_test_assert_label_shown (page, "Nice & <i>loud</i>");
  fanfare_test_assert_label_shown (page, "1");
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-comments");

  /* Deleting one's own comment takes it away. */
  g_signal_emit_by_name (button_with_label (page, "Delete"), "clicked");
  g_object_set_data (G_OBJECT (page), "expected", GUINT_TO_POINTER (0));
  g_assert_true (fanfare_test_wait_for (comment_count_is, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_null (fanfare_test_find_label (page, "<b>x</b>"));
}

static gboolean
has_row (gpointer  data)
{
  return gtk_list_box_get_row_at_index (data, 0) != NULL;
}

static gboolean
friend_has_unread (gpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_count_unread_async (friend, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);

  return fanfare_client_count_unread_finish (friend, result, NULL) == 1;
}

static void
test_send_to_friend (void)
{
  GtkWidget *page = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PLAYLIST_PAGE);
  GtkWindow *dialog;
  GtkListBox *friends;
  GtkWidget *note;
  g_autoptr(GListModel) inbox = NULL;
  g_autoptr(FanfareMessage) message = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* From the playlist's menu: the friend is offered, with a note. */
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "playlist-page.send", NULL));
  dialog = GTK_WINDOW (fanfare_test_app_find_dialog (NULL));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  friends = GTK_LIST_BOX (fanfare_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX));
  g_assert_true (fanfare_test_wait_for (has_row, friends, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (dialog));
  fanfare_test_assert_label_shown (GTK_WIDGET (dialog), FRIEND_NAME);
  gtk_list_box_select_row (friends, gtk_list_box_get_row_at_index (friends, 0));
  note = fanfare_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (note), "Your own, back to you");
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "friends-send");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "send");

  /* It is in the friend's inbox. */
  g_assert_true (fanfare_test_wait_for (friend_has_unread, NULL, 20000));
  fanfare_client_list_inbox_async (friend, NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  inbox = fanfare_client_social_list_finish (friend, result, NULL, &error);
  g_assert_no_error (error);
  message = g_list_model_get_item (inbox, 0);
  g_assert_cmpstr (fanfare_message_get_note (message), ==, "Your own, back to you");
  g_assert_cmpstr (fanfare_user_get_username (fanfare_message_get_sender (message)), ==, FANFARE_TEST_DEMO_USER);
}

static gboolean
badge_is (gpointer  data)
{
  FanfareInboxPage *inbox = FANFARE_INBOX_PAGE (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                          FANFARE_TYPE_INBOX_PAGE));

  return g_strcmp0 (fanfare_inbox_page_get_badge (inbox), data) == 0;
}

static void
test_inbox (void)
{
  FanfareInboxPage *inbox = FANFARE_INBOX_PAGE (fanfare_test_find_widget (GTK_WIDGET (window),
                                                                          FANFARE_TYPE_INBOX_PAGE));
  GtkWidget *badge;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "friends"));
  fanfare_client_send_to_friend_async (friend, FANFARE_TEST_DEMO_USER, FANFARE_SOCIAL_TARGET_PLAYLIST, playlist_id,
                                       "For the drive <3", NULL, fanfare_test_store_result, &slot);
  assert_done (friend);

  /* The sidebar's Inbox row says one is unread. */
  fanfare_inbox_page_check_now (inbox);
  g_assert_true (fanfare_test_wait_for (badge_is, (gpointer) "1", 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  badge = fanfare_test_find_label (GTK_WIDGET (window), "1");
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_has_css_class (badge, "sidebar-badge"));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-inbox-badge");

  /* Opening the inbox shows the message and reads it: the badge goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "inbox"));
  fanfare_test_wait_mapped (GTK_WIDGET (inbox));
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_inbox_page_get_messages (inbox), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (inbox), PLAYLIST);
  fanfare_test_assert_label_shown (GTK_WIDGET (inbox), "From " FRIEND_NAME " · For the drive <3");
  g_assert_true (fanfare_test_wait_for (badge_is, (gpointer) "", 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (badge));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-inbox");
}

/* The friend is shown nowhere but in Blocked People, which comes last. */
static gboolean
no_friend_label (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (data, "@" FRIEND);

  return label == NULL || gtk_widget_get_ancestor (label, FANFARE_TYPE_BLOCKED_GROUP) != NULL;
}

static void
test_block (void)
{
  GtkWidget *profile = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PROFILE_PAGE);
  FanfareFriendsPage *page;
  GtkWindow *dialog;

  g_assert_nonnull (profile);
  g_assert_true (gtk_widget_activate_action (profile, "profile.block", NULL));
  dialog = GTK_WINDOW (fanfare_test_app_find_dialog (NULL));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "friends-block");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "block");
  g_assert_true (fanfare_test_wait_for (blocking, profile, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (profile, "Unblock");

  /* Back on the Friends page, they are in neither the feed nor a search. */
  page = show_friends ();
  fanfare_friends_page_reload (page);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_friends_page_get_feed (page), 20000));
  for (guint i = 0; i < g_list_model_get_n_items (fanfare_friends_page_get_feed (page)); i++)
    {
      g_autoptr(FanfareActivity) activity = g_list_model_get_item (fanfare_friends_page_get_feed (page), i);

      g_assert_cmpstr (fanfare_user_get_username (fanfare_activity_get_user (activity)), !=, FRIEND);
    }
  fanfare_friends_page_find_people (page, FRIEND);
  fanfare_test_wait_ms (1000);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_friends_page_get_people (page)), ==, 0);
  g_assert_true (fanfare_test_wait_for (no_friend_label, page, 20000));
  g_assert_null (fanfare_test_find_label (GTK_WIDGET (page), "Made the playlist “" PLAYLIST "”"));
  /* Nor among the contacts found earlier, whose count says so. */
  g_assert_null (fanfare_test_find_label (GTK_WIDGET (page), "1 person found"));
  fanfare_test_app_save_screenshot (GTK_WIDGET (window), "friends-blocked");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *demo = NULL;
  int ret;

  scratch = fanfare_test_app_init (&argc, &argv);

  server = fanfare_test_app_start_demo_server ();

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/friends/sign-in", test_sign_in);
  g_test_add_func ("/app/friends/feed", test_feed);
  g_test_add_func ("/app/friends/comments", test_comments);
  g_test_add_func ("/app/friends/send-to-friend", test_send_to_friend);
  g_test_add_func ("/app/friends/inbox", test_inbox);
  g_test_add_func ("/app/friends/privacy", test_privacy);
  g_test_add_func ("/app/friends/contacts", test_contacts);
  g_test_add_func ("/app/friends/nearby", test_nearby);
  g_test_add_func ("/app/friends/find-and-profile", test_find_and_profile);
  g_test_add_func ("/app/friends/block", test_block);

  ret = g_test_run ();

  g_clear_object (&friend);
  g_free (playlist_id);
  fanfare_test_app_quit (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);

  return ret;
}
