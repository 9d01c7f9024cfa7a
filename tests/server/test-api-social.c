/* test-api-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People: follows, blocks, profiles, the feed and listening now, each of
 * their privacy rules through the real server. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-social-store.h"
#include "fanfare-test-social.h"

static void
test_follows (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) followed = NULL;
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *followers = NULL;
  g_autofree char *following = NULL;
  g_autofree char *friends = NULL;

  followed = social_request (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL);
  g_assert_cmpuint (followed->status, ==, 200);
  g_assert_true (social_get_boolean (followed, "relation.following"));
  g_assert_false (social_get_boolean (followed, "relation.friends"));
  g_assert_cmpint (fanfare_test_response_get_int (followed, "user.follower_count"), ==, 1);

  /* Twice is once; nobody follows themselves. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", MEI, NULL), ==, 400);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", NOBODY, NULL), ==, 401);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/nobody/follow", MEI, NULL), ==, 404);

  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", LI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", WANG, NULL), ==, 200);

  /* The latest follow first, a page at a time. */
  followers = social_list_names (fixture, "/api/v1/users/wang/followers", NOBODY);
  g_assert_cmpstr (followers, ==, "li|mei");
  first = social_request (fixture, "GET", "/api/v1/users/wang/followers?limit=1", NOBODY, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (first, "items")), ==, 1);
  g_assert_nonnull (fanfare_test_response_get_string (first, "next_cursor"));
  path = g_strdup_printf ("/api/v1/users/wang/followers?limit=1&cursor=%s",
                          fanfare_test_response_get_string (first, "next_cursor"));
  second = social_request (fixture, "GET", path, NOBODY, NULL);
  g_assert_cmpstr (social_item_string (second, 0, "username"), ==, "mei");
  g_assert_null (fanfare_test_response_get_string (second, "next_cursor"));

  following = social_list_names (fixture, "/api/v1/users/mei/following", NOBODY);
  g_assert_cmpstr (following, ==, "wang");

  /* Mutual follows are friends. */
  friends = social_list_names (fixture, "/api/v1/me/friends", MEI);
  g_assert_cmpstr (friends, ==, "wang");
  g_free (friends);
  friends = social_list_names (fixture, "/api/v1/me/friends", LI);
  g_assert_cmpstr (friends, ==, "");

  g_assert_cmpuint (social_status (fixture, "DELETE", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);
  g_free (followers);
  followers = social_list_names (fixture, "/api/v1/users/wang/followers", NOBODY);
  g_assert_cmpstr (followers, ==, "li");
}

static void
test_blocked_cannot_see (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) blocked = NULL;
  g_autoptr(FanfareTestResponse) search = NULL;
  g_autoptr(FanfareTestResponse) found = NULL;
  g_autofree char *followers = NULL;
  g_autofree char *blocks = NULL;
  g_autofree char *comment_path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *feed = NULL;
  gint64 playlist;

  playlist = social_create_playlist (fixture, MEI, "Mei's mix", "public");
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", WANG, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);

  blocked = social_request (fixture, "PUT", "/api/v1/users/wang/block", MEI, NULL);
  g_assert_cmpuint (blocked->status, ==, 200);
  g_assert_true (social_get_boolean (blocked, "relation.blocking"));
  g_assert_false (social_get_boolean (blocked, "relation.following"));
  g_assert_false (social_get_boolean (blocked, "relation.followed_by"));

  /* Mei no longer exists for Wang. */
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei", WANG, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei/profile", WANG, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei/playlists", WANG, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei/followers", WANG, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", WANG, NULL), ==, 404);
  /* Others still see her. */
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei", LI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei", NOBODY, NULL), ==, 200);

  /* Nor can he comment on her playlists or write to her. */
  comment_path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT "/comments", playlist);
  g_assert_cmpuint (social_status (fixture, "POST", comment_path, WANG, "{\"body\": \"hi\"}"), ==, 404);
  g_assert_cmpuint (social_status (fixture, "GET", comment_path, WANG, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "POST", comment_path, LI, "{\"body\": \"hi\"}"), ==, 201);
  message = g_strdup_printf ("{\"to\": \"mei\", \"kind\": \"album\", \"item_id\": \"%" G_GINT64_FORMAT "\"}",
                             fixture->album);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/messages", WANG, message), ==, 404);

  /* Nor find her. */
  search = social_request (fixture, "GET", "/api/v1/search?q=mei&type=user", WANG, NULL);
  g_assert_cmpuint (search->status, ==, 200);
  g_assert_false (fanfare_test_response_contains (search, "\"mei\""));
  found = social_request (fixture, "GET", "/api/v1/search?q=mei&type=user", LI, NULL);
  g_assert_true (fanfare_test_response_contains (found, "\"mei\""));

  /* Nor see her in the lists of people she follows. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/li/follow", MEI, NULL), ==, 200);
  followers = social_list_names (fixture, "/api/v1/users/li/followers", WANG);
  g_assert_cmpstr (followers, ==, "");

  /* Nor her activity, even following someone who follows her playlists. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/li/follow", WANG, NULL), ==, 200);
  social_follow_playlist (fixture, LI, playlist);
  feed = social_feed (fixture, WANG);
  g_assert_cmpstr (feed, ==, "");

  blocks = social_list_names (fixture, "/api/v1/me/blocks", MEI);
  g_assert_cmpstr (blocks, ==, "wang");
  g_assert_cmpuint (social_status (fixture, "DELETE", "/api/v1/users/wang/block", MEI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/users/mei", WANG, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", WANG, NULL), ==, 200);
}

static void
test_feed_order_and_paging (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) pages = g_string_new (NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *sql = NULL;
  gint64 other, w1, l1, w2, l2;

  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/li/follow", MEI, NULL), ==, 200);
  other = social_create_playlist (fixture, CHEN, "Chen's", "public");
  w1 = social_create_playlist (fixture, WANG, "W1", "public");
  l1 = social_create_playlist (fixture, LI, "L1", "public");
  social_follow_playlist (fixture, WANG, other);
  w2 = social_create_playlist (fixture, WANG, "W2", "public");
  l2 = social_create_playlist (fixture, LI, "L2", "public");

  /* Times that are not the order of the ids, and a tie. */
  sql = g_strdup_printf ("UPDATE playlists SET created_at = CASE id WHEN %" G_GINT64_FORMAT " THEN 1000"
                         " WHEN %" G_GINT64_FORMAT " THEN 3000 WHEN %" G_GINT64_FORMAT " THEN 2000"
                         " WHEN %" G_GINT64_FORMAT " THEN 3000 ELSE created_at END;"
                         "UPDATE playlist_follows SET created_at = 2500",
                         w1, l1, w2, l2);
  social_exec_sql (fixture, sql);

  /* The latest first; in a tie, the later playlist. */
  feed = social_feed (fixture, MEI);
  g_assert_cmpstr (feed, ==, "playlist:li:L2|playlist:li:L1|playlist_follow:wang:Chen's|playlist:wang:W2|playlist:wang:W1");

  /* Pages of one repeat and skip nothing, across the tie too. */
  do
    {
      g_autofree char *path = cursor == NULL ? g_strdup ("/api/v1/me/feed?limit=1") :
                              g_strdup_printf ("/api/v1/me/feed?limit=1&cursor=%s", cursor);
      g_autoptr(FanfareTestResponse) page = social_request (fixture, "GET", path, MEI, NULL);
      g_autofree char *items = social_describe_feed (page);

      g_assert_cmpuint (page->status, ==, 200);
      g_string_append_printf (pages, "%s%s", pages->len > 0 ? "|" : "", items);
      g_clear_pointer (&cursor, g_free);
      cursor = g_strdup (fanfare_test_response_get_string (page, "next_cursor"));
    }
  while (cursor != NULL);
  g_assert_cmpstr (pages->str, ==, feed);

  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/me/feed?cursor=bad!", MEI, NULL), ==, 400);
}

static void
test_feed_privacy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *feed = NULL;
  g_autofree char *path = NULL;
  g_autofree char *chen = NULL;
  g_autofree char *hidden_path = NULL;
  gint64 secret, later, hidden;

  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);
  social_create_playlist (fixture, WANG, "Open", "public");
  social_create_playlist (fixture, WANG, "Secret", "private");
  social_create_playlist (fixture, WANG, "Link only", "unlisted");
  later = social_create_playlist (fixture, WANG, "Later private", "public");
  /* Followed while public, then made private. */
  hidden = social_create_playlist (fixture, CHEN, "Chen's private", "public");
  social_follow_playlist (fixture, WANG, hidden);
  hidden_path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT, hidden);
  g_assert_cmpuint (social_status (fixture, "PATCH", hidden_path, CHEN, "{\"visibility\": \"private\"}"), ==, 200);
  secret = social_create_playlist (fixture, CHEN, "Chen's public", "public");
  social_follow_playlist (fixture, WANG, secret);

  /* Private and unlisted playlists never appear. */
  feed = social_feed (fixture, MEI);
  g_assert_cmpstr (feed, ==, "playlist_follow:wang:Chen's public|playlist:wang:Later private|playlist:wang:Open");

  /* A playlist made private leaves the feed at once. */
  path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT, later);
  g_assert_cmpuint (social_status (fixture, "PATCH", path, WANG, "{\"visibility\": \"private\"}"), ==, 200);
  g_free (feed);
  feed = social_feed (fixture, MEI);
  g_assert_cmpstr (feed, ==, "playlist_follow:wang:Chen's public|playlist:wang:Open");

  /* Each kind of activity has its own setting. */
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"share_playlist_follows\": false}"), ==, 200);
  g_free (feed);
  feed = social_feed (fixture, MEI);
  g_assert_cmpstr (feed, ==, "playlist:wang:Open");
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"share_playlists\": false, \"share_playlist_follows\": true}"), ==, 200);
  g_free (feed);
  feed = social_feed (fixture, MEI);
  g_assert_cmpstr (feed, ==, "playlist_follow:wang:Chen's public");

  /* Only the people one follows. */
  chen = social_feed (fixture, LI);
  g_assert_cmpstr (chen, ==, "");
}

static void
test_listening (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) hidden = NULL;
  g_autoptr(FanfareTestResponse) shown = NULL;
  g_autoptr(FanfareTestResponse) profile = NULL;
  g_autoptr(FanfareTestResponse) hidden_profile = NULL;
  g_autoptr(FanfareTestResponse) settings = NULL;

  /* Wang played the album's first track in the set-up. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);

  /* Hidden unless shared. */
  settings = social_request (fixture, "GET", "/api/v1/me/social-settings", WANG, NULL);
  g_assert_false (social_get_boolean (settings, "share_listening"));
  g_assert_false (social_get_boolean (settings, "discoverable_by_contact"));
  hidden = social_request (fixture, "GET", "/api/v1/me/listening-now", MEI, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (hidden, "items")), ==, 0);
  hidden_profile = social_request (fixture, "GET", "/api/v1/users/wang/profile", MEI, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (hidden_profile, "recent_tracks")), ==, 0);

  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"share_listening\": true}"), ==, 200);
  shown = social_request (fixture, "GET", "/api/v1/me/listening-now", MEI, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (shown, "items")), ==, 1);
  g_assert_cmpstr (social_item_string (shown, 0, "user.username"), ==, "wang");
  g_assert_cmpstr (social_item_string (shown, 0, "track.title"), ==, "晴天");
  profile = social_request (fixture, "GET", "/api/v1/users/wang/profile", MEI, NULL);
  g_assert_cmpstr (social_item_string_of (profile, "recent_tracks", 0, "title"), ==, "晴天");
  g_assert_true (social_get_boolean (profile, "relation.following"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  social_add ("/api/social/follows", test_follows);
  social_add ("/api/social/blocked-cannot-see", test_blocked_cannot_see);
  social_add ("/api/social/feed-order-and-paging", test_feed_order_and_paging);
  social_add ("/api/social/feed-privacy", test_feed_privacy);
  social_add ("/api/social/listening", test_listening);

  return g_test_run ();
}
