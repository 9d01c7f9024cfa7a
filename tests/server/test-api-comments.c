/* test-api-comments.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Comments and messages through the real server. */

#include "config.h"

#include <string.h>

#include "fanfare-test-social.h"

static char *
post (Fixture    *fixture,
      int         who,
      const char *path,
      const char *body)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "POST", path, who, body);

  g_assert_cmpuint (response->status, ==, 201);

  return g_strdup (fanfare_test_response_get_string (response, "comment.id"));
}

static JsonObject *
item (FanfareTestResponse *response,
      guint                index)
{
  JsonArray *items = fanfare_test_response_get_array (response, "items");

  g_assert_cmpuint (index, <, json_array_get_length (items));

  return json_array_get_object_element (items, index);
}

/* The comments' authors and bodies, "author:body|…". */
static char *
describe (Fixture    *fixture,
          const char *path,
          int         who)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "GET", path, who, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (list, "%s%s:%s", i > 0 ? "|" : "", social_item_string (response, i, "author.username"),
                            social_item_string (response, i, "body"));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/tracks/%" G_GINT64_FORMAT "/comments", fixture->tracks[0]);
  g_autofree char *first = post (fixture, MEI, path, "{\"body\": \"<b>bold</b> & more\"}");
  g_autofree char *reply_body = g_strdup_printf ("{\"body\": \"agreed\", \"parent_id\": \"%s\"}", first);
  g_autofree char *reply = post (fixture, WANG, path, reply_body);
  g_autofree char *deeper_body = g_strdup_printf ("{\"body\": \"me too\", \"parent_id\": \"%s\"}", reply);
  g_autofree char *deeper = post (fixture, LI, path, deeper_body);
  g_autofree char *artist_body = g_strdup_printf ("{\"body\": \"thanks\", \"parent_id\": \"%s\"}", first);
  g_autofree char *artist = post (fixture, ZHOU, path, artist_body);
  g_autofree char *replies_path = g_strdup_printf ("/api/v1/comments/%s/replies", first);
  g_autofree char *top = describe (fixture, path, NOBODY);
  g_autofree char *replies = describe (fixture, replies_path, NOBODY);
  g_autoptr(FanfareTestResponse) listed = social_request (fixture, "GET", path, NOBODY, NULL);
  g_autoptr(FanfareTestResponse) thread = social_request (fixture, "GET", replies_path, NOBODY, NULL);
  g_autofree char *other_track = g_strdup_printf ("/api/v1/tracks/%" G_GINT64_FORMAT "/comments", fixture->tracks[1]);

  /* Plain text, exactly as written. */
  g_assert_cmpstr (top, ==, "mei:<b>bold</b> & more");
  g_assert_cmpint (json_object_get_int_member (item (listed, 0), "reply_count"), ==, 3);
  g_assert_false (json_object_get_boolean_member (item (listed, 0), "by_artist"));

  /* One level: the reply to a reply joins the thread; the artist stands out. */
  g_assert_cmpstr (replies, ==, "wang:agreed|li:me too|zhou:thanks");
  g_assert_cmpstr (social_item_string (thread, 1, "parent_id"), ==, first);
  g_assert_false (json_object_get_boolean_member (item (thread, 0), "by_artist"));
  g_assert_true (json_object_get_boolean_member (item (thread, 2), "by_artist"));

  /* A parent on another track is none. */
  g_assert_cmpuint (social_status (fixture, "POST", other_track, MEI, reply_body), ==, 404);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/tracks/9999/comments", MEI, "{\"body\": \"x\"}"), ==, 404);
  g_assert_cmpuint (social_status (fixture, "POST", path, NOBODY, "{\"body\": \"x\"}"), ==, 401);
}

static void
test_likes_sort_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/comments", fixture->album);
  g_autofree char *older = post (fixture, MEI, path, "{\"body\": \"first\"}");
  g_autofree char *newer = post (fixture, WANG, path, "{\"body\": \"second\"}");
  g_autofree char *like = g_strdup_printf ("/api/v1/comments/%s/like", older);
  g_autofree char *delete_older = g_strdup_printf ("/api/v1/comments/%s", older);
  g_autofree char *report = g_strdup_printf ("/api/v1/comments/%s/reports", newer);
  g_autofree char *new_path = g_strdup_printf ("%s?sort=new", path);
  g_autofree char *page_path = g_strdup_printf ("%s?sort=new&limit=1", path);
  g_autofree char *by_new = NULL, *by_hot = NULL, *after_delete = NULL, *next_path = NULL;
  g_autoptr(FanfareTestResponse) liked = NULL;
  g_autoptr(FanfareTestResponse) not_liked = NULL;
  g_autoptr(FanfareTestResponse) page = NULL;
  g_autoptr(FanfareTestResponse) next = NULL;

  /* Likes count once each. */
  g_assert_cmpuint (social_status (fixture, "PUT", like, WANG, NULL), ==, 204);
  g_assert_cmpuint (social_status (fixture, "PUT", like, WANG, NULL), ==, 204);
  g_assert_cmpuint (social_status (fixture, "PUT", like, LI, NULL), ==, 204);
  g_assert_cmpuint (social_status (fixture, "DELETE", like, LI, NULL), ==, 204);
  liked = social_request (fixture, "GET", new_path, WANG, NULL);
  g_assert_cmpint (json_object_get_int_member (item (liked, 1), "like_count"), ==, 1);
  g_assert_true (json_object_get_boolean_member (item (liked, 1), "liked"));
  not_liked = social_request (fixture, "GET", new_path, LI, NULL);
  g_assert_false (json_object_get_boolean_member (item (not_liked, 1), "liked"));

  /* New: the latest first; hot: the liked one first. */
  by_new = describe (fixture, new_path, NOBODY);
  g_assert_cmpstr (by_new, ==, "wang:second|mei:first");
  by_hot = describe (fixture, path, NOBODY);
  g_assert_cmpstr (by_hot, ==, "mei:first|wang:second");
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/tracks/1/comments?sort=old", NOBODY, NULL), ==, 400);

  page = social_request (fixture, "GET", page_path, NOBODY, NULL);
  g_assert_cmpstr (social_item_string (page, 0, "body"), ==, "second");
  next_path = g_strdup_printf ("%s&cursor=%s", page_path, fanfare_test_response_get_string (page, "next_cursor"));
  next = social_request (fixture, "GET", next_path, NOBODY, NULL);
  g_assert_cmpstr (social_item_string (next, 0, "body"), ==, "first");
  g_assert_null (fanfare_test_response_get_string (next, "next_cursor"));

  /* Reports; deleting only one's own. */
  g_assert_cmpuint (social_status (fixture, "POST", report, MEI, "{\"reason\": \"spam\"}"), ==, 204);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/comments/999/reports", MEI, "{\"reason\": \"x\"}"), ==, 404);
  g_assert_cmpuint (social_status (fixture, "DELETE", delete_older, WANG, NULL), ==, 403);
  g_assert_cmpuint (social_status (fixture, "DELETE", delete_older, MEI, NULL), ==, 204);
  after_delete = describe (fixture, path, NOBODY);
  g_assert_cmpstr (after_delete, ==, "wang:second");
}

static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/tracks/%" G_GINT64_FORMAT "/comments", fixture->tracks[0]);
  g_autofree char *long_text = g_strnfill (2001, 'a');
  g_autofree char *too_long = g_strdup_printf ("{\"body\": \"%s\"}", long_text);
  g_autoptr(FanfareTestResponse) limited = NULL;
  g_autofree char *private_path = NULL;
  gint64 private_playlist, public_playlist;
  g_autofree char *public_path = NULL;

  g_assert_cmpuint (social_status (fixture, "POST", path, MEI, too_long), ==, 400);
  g_assert_cmpuint (social_status (fixture, "POST", path, MEI, "{\"body\": \"  \"}"), ==, 400);

  /* Ten a minute, then wait. */
  for (guint i = 0; i < 10; i++)
    g_free (post (fixture, CHEN, path, "{\"body\": \"again\"}"));
  limited = social_request (fixture, "POST", path, CHEN, "{\"body\": \"again\"}");
  fanfare_test_assert_error (limited, 429, "rate_limited", NULL);

  /* A playlist's comments are for those who may see it. */
  private_playlist = social_create_playlist (fixture, WANG, "Mine", "private");
  private_path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT "/comments", private_playlist);
  g_assert_cmpuint (social_status (fixture, "GET", private_path, MEI, NULL), ==, 404);
  g_assert_cmpuint (social_status (fixture, "POST", private_path, MEI, "{\"body\": \"hi\"}"), ==, 404);
  g_assert_cmpuint (social_status (fixture, "POST", private_path, WANG, "{\"body\": \"hi\"}"), ==, 201);
  public_playlist = social_create_playlist (fixture, ZHOU, "Tour mix", "public");
  public_path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT "/comments", public_playlist);
  g_assert_cmpuint (social_status (fixture, "POST", public_path, MEI, "{\"body\": \"nice\"}"), ==, 201);
}

/* The inbox as "from:kind:note", the latest first. */
static char *
inbox (Fixture *fixture,
       int      who)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "GET", "/api/v1/me/inbox", who, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (list, "%s%s:%s:%s", i > 0 ? "|" : "", social_item_string (response, i, "from.username"),
                            social_item_string (response, i, "kind"), social_item_string (response, i, "note"));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gint64
unread (Fixture *fixture,
        int      who)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "GET", "/api/v1/me/inbox/unread", who, NULL);

  g_assert_cmpuint (response->status, ==, 200);

  return fanfare_test_response_get_int (response, "unread");
}

static void
test_messages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *track = g_strdup_printf ("{\"to\": \"wang\", \"kind\": \"track\", \"item_id\": \"%" G_GINT64_FORMAT
                                            "\", \"note\": \"<i>listen</i>\"}", fixture->tracks[0]);
  g_autofree char *album = g_strdup_printf ("{\"to\": \"wang\", \"kind\": \"album\", \"item_id\": \"%" G_GINT64_FORMAT
                                            "\", \"note\": \"whole album\"}", fixture->album);
  g_autofree char *playlist_body = NULL, *gift = NULL, *read_path = NULL, *delete_path = NULL;
  g_autofree char *shown = NULL, *after_block = NULL, *nobody = NULL;
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) sent = NULL;
  gint64 secret;

  /* Only between friends. */
  first = social_request (fixture, "POST", "/api/v1/messages", MEI, track);
  fanfare_test_assert_error (first, 403, "forbidden", NULL);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/wang/follow", MEI, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/follow", WANG, NULL), ==, 200);

  sent = social_request (fixture, "POST", "/api/v1/messages", MEI, track);
  g_assert_cmpuint (sent->status, ==, 201);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/messages", MEI, album), ==, 201);
  /* A playlist Wang may not see is not sent to him. */
  secret = social_create_playlist (fixture, MEI, "Secret", "private");
  playlist_body = g_strdup_printf ("{\"to\": \"wang\", \"kind\": \"playlist\", \"item_id\": \"%" G_GINT64_FORMAT "\"}",
                                   secret);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/messages", MEI, playlist_body), ==, 403);

  g_assert_cmpint (unread (fixture, WANG), ==, 2);
  shown = inbox (fixture, WANG);
  g_assert_cmpstr (shown, ==, "mei:album:whole album|mei:track:<i>listen</i>");

  read_path = g_strdup_printf ("/api/v1/me/inbox/%s/read", fanfare_test_response_get_string (sent, "id"));
  g_assert_cmpuint (social_status (fixture, "PUT", read_path, WANG, NULL), ==, 204);
  g_assert_cmpuint (social_status (fixture, "PUT", read_path, MEI, NULL), ==, 404);
  g_assert_cmpint (unread (fixture, WANG), ==, 1);
  delete_path = g_strdup_printf ("/api/v1/me/inbox/%s", fanfare_test_response_get_string (sent, "id"));
  g_assert_cmpuint (social_status (fixture, "DELETE", delete_path, WANG, NULL), ==, 204);

  gift = g_strdup_printf ("{\"to\": \"wang\", \"kind\": \"gift\", \"item_id\": \"1\"}");
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/messages", MEI, gift), ==, 400);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/messages", MEI,
                                   "{\"to\": \"nobody\", \"kind\": \"album\", \"item_id\": \"1\"}"), ==, 404);

  /* A block ends the messages, and hides those that came. */
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/block", WANG, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/messages", MEI, album), ==, 404);
  after_block = inbox (fixture, WANG);
  g_assert_cmpstr (after_block, ==, "");
  g_assert_cmpint (unread (fixture, WANG), ==, 0);
  nobody = inbox (fixture, LI);
  g_assert_cmpstr (nobody, ==, "");
  g_assert_null (strstr (shown, "Secret"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  social_add ("/api/comments/threads", test_threads);
  social_add ("/api/comments/likes-sort-delete", test_likes_sort_delete);
  social_add ("/api/comments/limits", test_limits);
  social_add ("/api/messages/send-and-inbox", test_messages);

  return g_test_run ();
}
