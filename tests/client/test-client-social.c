/* test-client-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The client's calls for people, the feed, comments, messages and finding
 * friends, against the real server. */

#include "config.h"

#include <string.h>

#include "fanfare-client-moderation.h"
#include "fanfare-client-social.h"
#include "fanfare-error.h"
#include "fanfare-test-client.h"
#include "fanfare-test-social.h"
#include "fanfare-track.h"
#include "fanfare-vcard.h"

static GAsyncResult *slot;

static GAsyncResult *
wait (void)
{
  return fanfare_test_wait_result (&slot);
}

static FanfareClient *
sign_in (Fixture    *fixture,
         const char *username)
{
  FanfareClient *client = fanfare_client_new (fixture->server->url, NULL);
  g_autofree char *password = g_strdup_printf ("%s password 1", username);
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_sign_in_async (client, username, password, NULL, fanfare_test_store_result, &slot);
  result = wait ();
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (client));

  return client;
}

static void
assert_done (FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = wait ();
  g_autoptr(GError) error = NULL;

  g_assert_true (fanfare_client_social_finish (client, result, &error));
  g_assert_no_error (error);
}

static GListModel *
finish_list (FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = wait ();
  g_autoptr(GError) error = NULL;
  GListModel *items = fanfare_client_social_list_finish (client, result, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

static const char *
username_at (GListModel *users,
             guint       index)
{
  g_autoptr(FanfareUser) user = g_list_model_get_item (users, index);

  return fanfare_user_get_username (user);
}

static void
test_people_and_feed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FanfareClient) mei = sign_in (fixture, "mei");
  g_autoptr(FanfareClient) wang = sign_in (fixture, "wang");
  g_autoptr(GListModel) friends = NULL;
  g_autoptr(GListModel) feed = NULL;
  g_autoptr(FanfareActivity) activity = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_set_following_async (mei, "wang", TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (mei);
  fanfare_client_set_following_async (wang, "mei", TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (wang);
  fanfare_client_list_people_async (mei, FANFARE_PEOPLE_FRIENDS, NULL, NULL, fanfare_test_store_result, &slot);
  friends = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (friends), ==, 1);
  g_assert_cmpstr (username_at (friends, 0), ==, "wang");

  social_create_playlist (fixture, WANG, "Road trip", "public");
  fanfare_client_list_feed_async (mei, NULL, NULL, fanfare_test_store_result, &slot);
  feed = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (feed), ==, 1);
  activity = g_list_model_get_item (feed, 0);
  g_assert_cmpstr (fanfare_activity_get_kind (activity), ==, "playlist");
  g_assert_cmpstr (fanfare_user_get_username (fanfare_activity_get_user (activity)), ==, "wang");
  g_assert_cmpstr (fanfare_playlist_get_title (fanfare_activity_get_playlist (activity)), ==, "Road trip");

  /* A block: Wang can no longer follow Mei. */
  fanfare_client_set_blocked_async (mei, "wang", TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (mei);
  fanfare_client_set_following_async (wang, "mei", TRUE, NULL, fanfare_test_store_result, &slot);
  refused = wait ();
  g_assert_false (fanfare_client_social_finish (wang, refused, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
}

static void
test_comments_and_inbox (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FanfareClient) mei = sign_in (fixture, "mei");
  g_autoptr(FanfareClient) wang = sign_in (fixture, "wang");
  g_autofree char *track_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->tracks[0]);
  g_autoptr(FanfareComment) posted = NULL;
  g_autoptr(FanfareComment) listed = NULL;
  g_autoptr(FanfareMessage) message = NULL;
  g_autoptr(GListModel) comments = NULL;
  g_autoptr(GListModel) inbox = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) unread = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_post_comment_async (mei, FANFARE_SOCIAL_TARGET_TRACK, track_id, NULL, "<b>not bold</b>", NULL,
                                     fanfare_test_store_result, &slot);
  result = wait ();
  posted = fanfare_client_post_comment_finish (mei, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_comment_get_body (posted), ==, "<b>not bold</b>");

  fanfare_client_set_comment_liked_async (wang, fanfare_comment_get_id (posted), TRUE, NULL,
                                          fanfare_test_store_result, &slot);
  assert_done (wang);
  /* Reported twice, kept once. */
  fanfare_client_report_comment_async (wang, fanfare_comment_get_id (posted), "spam", NULL,
                                       fanfare_test_store_result, &slot);
  assert_done (wang);
  fanfare_client_report_comment_async (wang, fanfare_comment_get_id (posted), NULL, NULL,
                                       fanfare_test_store_result, &slot);
  assert_done (wang);
  fanfare_client_list_comments_async (wang, FANFARE_SOCIAL_TARGET_TRACK, track_id, TRUE, NULL, NULL,
                                      fanfare_test_store_result, &slot);
  comments = finish_list (wang);
  listed = g_list_model_get_item (comments, 0);
  g_assert_cmpuint (fanfare_comment_get_like_count (listed), ==, 1);
  g_assert_true (fanfare_comment_get_liked (listed));
  g_assert_cmpstr (fanfare_user_get_username (fanfare_comment_get_author (listed)), ==, "mei");

  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", WANG, NULL), ==, 200);
  fanfare_client_send_to_friend_async (mei, "wang", FANFARE_SOCIAL_TARGET_TRACK, track_id, "listen", NULL,
                                       fanfare_test_store_result, &slot);
  assert_done (mei);
  fanfare_client_count_unread_async (wang, NULL, fanfare_test_store_result, &slot);
  unread = wait ();
  g_assert_cmpint (fanfare_client_count_unread_finish (wang, unread, &error), ==, 1);
  fanfare_client_list_inbox_async (wang, NULL, NULL, fanfare_test_store_result, &slot);
  inbox = finish_list (wang);
  message = g_list_model_get_item (inbox, 0);
  g_assert_cmpstr (fanfare_message_get_kind (message), ==, "track");
  g_assert_cmpstr (fanfare_message_get_note (message), ==, "listen");
  g_assert_true (FANFARE_IS_TRACK (fanfare_message_get_item (message)));
  g_assert_cmpstr (fanfare_user_get_username (fanfare_message_get_sender (message)), ==, "mei");
  fanfare_client_mark_message_read_async (wang, fanfare_message_get_id (message), NULL,
                                          fanfare_test_store_result, &slot);
  assert_done (wang);
}

static void
test_profile_and_privacy (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(FanfareClient) mei = sign_in (fixture, "mei");
  g_autoptr(FanfareClient) wang = sign_in (fixture, "wang");
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) changed = NULL;
  g_autoptr(GAsyncResult) shown = NULL;
  g_autoptr(FanfarePrivacySettings) settings = NULL;
  g_autoptr(FanfarePrivacySettings) saved = NULL;
  g_autoptr(FanfareProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  /* Listening is private until shared. */
  fanfare_client_get_privacy_async (wang, NULL, fanfare_test_store_result, &slot);
  first = wait ();
  settings = fanfare_client_privacy_finish (wang, first, &error);
  g_assert_no_error (error);
  g_assert_false (settings->share_listening);
  g_assert_false (settings->discoverable_by_contact);
  g_assert_true (settings->share_playlists);

  settings->share_listening = TRUE;
  settings->phone = g_strdup ("+86 138 0013 8000");
  fanfare_client_set_privacy_async (wang, settings, NULL, fanfare_test_store_result, &slot);
  changed = wait ();
  saved = fanfare_client_privacy_finish (wang, changed, &error);
  g_assert_no_error (error);
  g_assert_true (saved->share_listening);
  g_assert_cmpstr (saved->phone, ==, "+8613800138000");

  social_create_playlist (fixture, WANG, "Open", "public");
  social_create_playlist (fixture, WANG, "Hidden", "private");
  fanfare_client_set_following_async (mei, "wang", TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (mei);
  fanfare_client_get_profile_async (mei, "wang", NULL, fanfare_test_store_result, &slot);
  shown = wait ();
  profile = fanfare_client_get_profile_finish (mei, shown, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_username (fanfare_profile_get_user (profile)), ==, "wang");
  g_assert_true (fanfare_profile_get_following (profile));
  g_assert_false (fanfare_profile_get_followed_by (profile));
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_profile_get_playlists (profile)), ==, 1);
  /* Wang played the album's first track in the set-up. */
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_profile_get_recent_tracks (profile)), ==, 1);
}

static void
test_finding (Fixture       *fixture,
              gconstpointer  data)
{
  const char *book =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wang\r\nEMAIL: Wang@Example.COM\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li\r\nTEL:139 1234 5678\r\nEND:VCARD\r\n";
  g_autoptr(FanfareClient) mei = sign_in (fixture, "mei");
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) nearby = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me", WANG, "{\"email\": \"wang@example.com\"}"), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"discoverable_by_contact\": true}"), ==, 200);
  /* Li's number matches, but she did not allow it. */
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", LI,
                                   "{\"phone\": \"+8613912345678\"}"), ==, 200);

  contacts = fanfare_vcard_parse (book, strlen (book), NULL, &error);
  g_assert_no_error (error);
  fanfare_client_find_contacts_async (mei, contacts, "86", NULL, fanfare_test_store_result, &slot);
  found = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_assert_cmpstr (username_at (found, 0), ==, "wang");

  fanfare_client_share_location_async (mei, "wx4g0", NULL, fanfare_test_store_result, &slot);
  nearby = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (nearby), ==, 0);
  fanfare_client_stop_sharing_location_async (mei, NULL, fanfare_test_store_result, &slot);
  assert_done (mei);
}

/* A number saved through the client finds its owner in an address book. */
static void
test_phone_finds (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *book = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chen\r\nTEL;TYPE=CELL:(139) 0000-1111\r\nEND:VCARD\r\n";
  g_autoptr(FanfareClient) chen = sign_in (fixture, "chen");
  g_autoptr(FanfareClient) mei = sign_in (fixture, "mei");
  FanfarePrivacySettings wanted = {
    .discoverable_by_contact = TRUE, .phone = (char *) "+86 139 0000 1111", .share_playlists = TRUE,
    .share_playlist_follows = TRUE,
  };
  g_autoptr(FanfarePrivacySettings) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_set_privacy_async (chen, &wanted, NULL, fanfare_test_store_result, &slot);
  result = wait ();
  saved = fanfare_client_privacy_finish (chen, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->phone, ==, "+8613900001111");

  contacts = fanfare_vcard_parse (book, strlen (book), NULL, &error);
  g_assert_no_error (error);
  fanfare_client_find_contacts_async (mei, contacts, "86", NULL, fanfare_test_store_result, &slot);
  found = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_assert_cmpstr (username_at (found, 0), ==, "chen");
}

static void
test_find_people (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FanfareClient) mei = sign_in (fixture, "mei");
  g_autoptr(GListModel) both = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) after_block = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  fanfare_client_find_people_async (mei, "zh", NULL, NULL, fanfare_test_store_result, &slot);
  both = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (both), ==, 2);

  /* One page is all there is. */
  fanfare_client_find_people_async (mei, "zhao", NULL, NULL, fanfare_test_store_result, &slot);
  result = wait ();
  first = fanfare_client_social_list_finish (mei, result, &cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (username_at (first, 0), ==, "zhao");
  g_assert_null (cursor);

  /* Nobody in a block. */
  fanfare_client_set_blocked_async (mei, "zhao", TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (mei);
  fanfare_client_find_people_async (mei, "zh", NULL, NULL, fanfare_test_store_result, &slot);
  after_block = finish_list (mei);
  g_assert_cmpuint (g_list_model_get_n_items (after_block), ==, 1);
  g_assert_cmpstr (username_at (after_block, 0), ==, "zhou");
}

static void
test_moderation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FanfareClient) li = sign_in (fixture, "li");
  g_autoptr(FanfareClient) wang = sign_in (fixture, "wang");
  g_autofree char *path = g_strdup_printf ("/api/v1/tracks/%" G_GINT64_FORMAT "/comments", fixture->tracks[0]);
  g_autoptr(FanfareTestResponse) posted = social_request (fixture, "POST", path, MEI, "{\"body\": \"buy followers\"}");
  g_autofree char *report_path = g_strdup_printf ("/api/v1/comments/%s/reports",
                                                  fanfare_test_response_get_string (posted, "comment.id"));
  g_autoptr(FanfareCommentReport) report = NULL;
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GListModel) refused_list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (posted->status, ==, 201);
  g_assert_cmpuint (social_status (fixture, "POST", report_path, WANG, "{\"reason\": \"spam\"}"), ==, 204);
  social_exec_sql (fixture, "UPDATE users SET moderator = 1 WHERE username = 'li'");

  /* Not a moderator: refused. */
  fanfare_client_list_comment_reports_async (wang, NULL, NULL, fanfare_test_store_result, &slot);
  refused = wait ();
  refused_list = fanfare_client_social_list_finish (wang, refused, NULL, &error);
  g_assert_null (refused_list);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);

  fanfare_client_list_comment_reports_async (li, NULL, NULL, fanfare_test_store_result, &slot);
  reports = finish_list (li);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 1);
  report = g_list_model_get_item (reports, 0);
  g_assert_cmpstr (fanfare_comment_get_body (fanfare_comment_report_get_comment (report)), ==, "buy followers");
  g_assert_cmpstr (fanfare_user_get_username (fanfare_comment_get_author (fanfare_comment_report_get_comment (report))),
                   ==, "mei");
  g_assert_cmpstr (fanfare_comment_report_get_target_kind (report), ==, "track");
  g_assert_cmpuint (fanfare_comment_report_get_count (report), ==, 1);
  g_assert_cmpstr (fanfare_comment_report_get_reasons (report)[0], ==, "spam");

  fanfare_client_settle_comment_report_async (li, fanfare_comment_get_id (fanfare_comment_report_get_comment (report)),
                                              TRUE, NULL, fanfare_test_store_result, &slot);
  assert_done (li);
  fanfare_client_list_comment_reports_async (li, NULL, NULL, fanfare_test_store_result, &slot);
  none = finish_list (li);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpuint (social_status (fixture, "GET", path, LI, NULL), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  social_add ("/client/social/people-and-feed", test_people_and_feed);
  social_add ("/client/social/comments-and-inbox", test_comments_and_inbox);
  social_add ("/client/social/profile-and-privacy", test_profile_and_privacy);
  social_add ("/client/social/finding", test_finding);
  social_add ("/client/social/phone-finds", test_phone_finds);
  social_add ("/client/social/find-people", test_find_people);
  social_add ("/client/social/moderation", test_moderation);

  return g_test_run ();
}
