/* test-api-clubs.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fan clubs through the real server: every rule of who may do what, the
 * page's posts and comments, and the supporters' leaderboard. */

#include "config.h"

#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
  char              *artist;  /* tokens */
  char              *mei;
  char              *wang;
  char              *li;
  char              *admin;
  gint64             artist_id;
  gint64             other_artist_id;
  gint64             album;
  gint64             more_albums[3];  /* with data: the artist's other albums */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *tracks[] = { "晴天", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 owner;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST);
  fixture->artist_id = fanfare_catalog_store_get_artist_for_user (store.db, owner, &error);
  g_assert_no_error (error);
  fixture->other_artist_id = fanfare_test_store_add_user (&store, "lin", "Lin", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "wang", "wang password 33", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "li", "li password 44", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "root", "root password 55", FANFARE_USER_ROLE_ADMIN);
  fixture->album = fanfare_test_store_add_album (&store, fixture->artist_id, "夏天的风", "2025-07-01", tracks, TRUE);
  for (guint i = 0; data != NULL && i < G_N_ELEMENTS (fixture->more_albums); i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u张", i + 2);

      fixture->more_albums[i] = fanfare_test_store_add_album (&store, fixture->artist_id, title, "2025-08-01", tracks,
                                                              TRUE);
    }
  data_dir = fanfare_test_store_close (&store);

  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("zhou password 11");
  fanfare_test_note_secret ("mei password 22");
  fanfare_test_note_secret ("wang password 33");
  fanfare_test_note_secret ("li password 44");
  fanfare_test_note_secret ("root password 55");
  fixture->artist = fanfare_test_log_in (fixture->server, "zhou", "zhou password 11");
  fixture->mei = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  fixture->wang = fanfare_test_log_in (fixture->server, "wang", "wang password 33");
  fixture->li = fanfare_test_log_in (fixture->server, "li", "li password 44");
  fixture->admin = fanfare_test_log_in (fixture->server, "root", "root password 55");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->artist);
  g_free (fixture->mei);
  g_free (fixture->wang);
  g_free (fixture->li);
  g_free (fixture->admin);
}

static guint
status_of (Fixture    *fixture,
           const char *method,
           const char *path,
           const char *token,
           const char *body)
{
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, method, path, token, body);

  return response->status;
}

/* Creates a club as @token; returns its id. */
static char *
create_club (Fixture    *fixture,
             const char *token,
             const char *name,
             gboolean    official)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/artists/%" G_GINT64_FORMAT "/clubs", fixture->artist_id);
  g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\", \"official\": %s}", name, official ? "true" : "false");
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "POST", path, token, body);

  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "club.role"), ==, "founder");

  return g_strdup (fanfare_test_response_get_string (response, "club.id"));
}

static char *
club_path (const char *club,
           const char *rest)
{
  return g_strconcat ("/api/v1/clubs/", club, rest, NULL);
}

static void
join (Fixture    *fixture,
      const char *club,
      const char *token)
{
  g_autofree char *path = club_path (club, "/membership");

  g_assert_cmpuint (status_of (fixture, "PUT", path, token, NULL), ==, 200);
}

/* The caller's role in the club, or "" for none. */
static char *
role_in (Fixture    *fixture,
         const char *club,
         const char *token)
{
  g_autofree char *path = club_path (club, "");
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", path, token, NULL);
  JsonObject *object = json_object_get_object_member (json_node_get_object (response->json), "club");

  g_assert_cmpuint (response->status, ==, 200);

  return g_strdup (json_object_has_member (object, "role") ? json_object_get_string_member (object, "role") : "");
}

#define assert_role(fixture, club, token, expected) \
  G_STMT_START { \
    g_autofree char *_role = role_in (fixture, club, token); \
    g_assert_cmpstr (_role, ==, expected); \
  } G_STMT_END

static void
test_official_club (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "周的官方后援会", TRUE);
  g_autofree char *path = g_strdup_printf ("/api/v1/artists/%" G_GINT64_FORMAT "/clubs", fixture->artist_id);
  g_autofree char *claim = club_path (club, "/claim");
  g_autofree char *fan_made = NULL;
  g_autofree char *other = g_strdup_printf ("/api/v1/artists/%" G_GINT64_FORMAT "/clubs", fixture->other_artist_id);
  g_autoptr(FanfareTestResponse) second = NULL;
  g_autoptr(FanfareTestResponse) claimed = NULL;
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) by_artist = NULL;
  g_autoptr(FanfareTestResponse) empty = NULL;

  /* One official club per artist; a fan's waits for the artist. */
  second = fanfare_test_request (fixture->server, "POST", path, fixture->wang,
                                 "{\"name\": \"Another\", \"official\": true}");
  fanfare_test_assert_error (second, 409, "conflict", "official club already");
  g_assert_cmpuint (status_of (fixture, "POST", path, fixture->wang, "{\"name\": \" \"}"), ==, 400);

  /* Only the artist claims it, once; the fan who founded it stays an admin. */
  g_assert_cmpuint (status_of (fixture, "POST", claim, fixture->wang, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "POST", claim, fixture->mei, NULL), ==, 403);
  claimed = fanfare_test_request (fixture->server, "POST", claim, fixture->artist, NULL);
  g_assert_cmpuint (claimed->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (claimed->json),
                                                                                "club"), "claimed"));
  assert_role (fixture, club, fixture->artist, "founder");
  assert_role (fixture, club, fixture->mei, "admin");
  g_assert_cmpuint (status_of (fixture, "POST", claim, fixture->artist, NULL), ==, 409);

  /* Fan-made clubs, any number; the official one is listed first. */
  fan_made = create_club (fixture, fixture->wang, "晴天小分队", FALSE);
  list = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (list, "items")), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (fanfare_test_response_get_array (list,
                                                                                                                 "items"),
                                                                                0), "official"));

  /* Anyone else, even an admin, founds one the artist has yet to claim. */
  by_artist = fanfare_test_request (fixture->server, "POST", other, fixture->admin,
                                    "{\"name\": \"Lin\", \"official\": true}");
  g_assert_cmpuint (by_artist->status, ==, 201);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (by_artist->json),
                                                                                 "club"), "claimed"));
  empty = fanfare_test_request (fixture->server, "GET", "/api/v1/artists/999999/clubs", NULL, NULL);
  g_assert_cmpuint (empty->status, ==, 404);
}

static void
test_artist_founds_official (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->artist, "Official", TRUE);
  g_autofree char *path = club_path (club, "");
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);

  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (response->json),
                                                                                "club"), "claimed"));
}

/* How many members the artist's clubs have, as the studio shows it. */
static gint64
studio_club_members (Fixture *fixture)
{
  g_autoptr(FanfareTestResponse) analytics = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/analytics",
                                                                   fixture->artist, NULL);

  g_assert_cmpuint (analytics->status, ==, 200);

  return fanfare_test_response_get_int (analytics, "analytics.fan_club_members");
}

static void
test_join_leave (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *membership = club_path (club, "/membership");
  g_autoptr(FanfareTestResponse) mine = NULL;

  join (fixture, club, fixture->wang);
  join (fixture, club, fixture->wang);
  assert_role (fixture, club, fixture->wang, "member");
  mine = fanfare_test_request (fixture->server, "GET", "/api/v1/me/clubs", fixture->wang, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (mine, "items")), ==, 1);
  /* The founder and the member, counted once each in the artist's studio. */
  g_assert_cmpint (studio_club_members (fixture), ==, 2);

  g_assert_cmpuint (status_of (fixture, "DELETE", membership, fixture->wang, NULL), ==, 204);
  assert_role (fixture, club, fixture->wang, "");
  g_assert_cmpint (studio_club_members (fixture), ==, 1);
  /* The founder cannot leave their club. */
  g_assert_cmpuint (status_of (fixture, "DELETE", membership, fixture->mei, NULL), ==, 409);
  g_assert_cmpuint (status_of (fixture, "PUT", membership, NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of (fixture, "PUT", "/api/v1/clubs/99999/membership", fixture->li, NULL), ==, 404);
}

static void
test_roles (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *wang_role = club_path (club, "/members/wang/role");
  g_autofree char *li_role = club_path (club, "/members/li/role");
  g_autofree char *mei_role = club_path (club, "/members/mei/role");

  join (fixture, club, fixture->wang);
  join (fixture, club, fixture->li);

  /* Only the founder makes admins. */
  g_assert_cmpuint (status_of (fixture, "PUT", li_role, fixture->wang, "{\"role\": \"admin\"}"), ==, 403);
  g_assert_cmpuint (status_of (fixture, "PUT", wang_role, fixture->mei, "{\"role\": \"owner\"}"), ==, 400);
  g_assert_cmpuint (status_of (fixture, "PUT", wang_role, fixture->mei, "{\"role\": \"admin\"}"), ==, 204);
  assert_role (fixture, club, fixture->wang, "admin");
  /* An admin still cannot. */
  g_assert_cmpuint (status_of (fixture, "PUT", li_role, fixture->wang, "{\"role\": \"admin\"}"), ==, 403);
  /* Nobody changes the founder. */
  g_assert_cmpuint (status_of (fixture, "PUT", mei_role, fixture->admin, "{\"role\": \"member\"}"), ==, 403);
  g_assert_cmpuint (status_of (fixture, "PUT", wang_role, fixture->mei, "{\"role\": \"member\"}"), ==, 204);
  assert_role (fixture, club, fixture->wang, "member");
}

static void
test_moderation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *remove_li = club_path (club, "/members/li");
  g_autofree char *remove_wang = club_path (club, "/members/wang");
  g_autofree char *remove_mei = club_path (club, "/members/mei");
  g_autofree char *ban_li = club_path (club, "/bans/li");
  g_autofree char *wang_role = club_path (club, "/members/wang/role");
  g_autofree char *li_role = club_path (club, "/members/li/role");
  g_autofree char *membership = club_path (club, "/membership");
  g_autoptr(FanfareTestResponse) banned = NULL;

  join (fixture, club, fixture->wang);
  join (fixture, club, fixture->li);

  /* A member moderates nobody. */
  g_assert_cmpuint (status_of (fixture, "DELETE", remove_li, fixture->wang, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "PUT", ban_li, fixture->wang, NULL), ==, 403);

  g_assert_cmpuint (status_of (fixture, "PUT", wang_role, fixture->mei, "{\"role\": \"admin\"}"), ==, 204);

  /* An admin removes members, not the founder. */
  g_assert_cmpuint (status_of (fixture, "DELETE", remove_li, fixture->wang, NULL), ==, 204);
  assert_role (fixture, club, fixture->li, "");
  g_assert_cmpuint (status_of (fixture, "DELETE", remove_mei, fixture->wang, NULL), ==, 403);
  assert_role (fixture, club, fixture->mei, "founder");

  /* A removed member may come back; a banned one cannot. */
  join (fixture, club, fixture->li);
  g_assert_cmpuint (status_of (fixture, "PUT", ban_li, fixture->wang, NULL), ==, 204);
  assert_role (fixture, club, fixture->li, "");
  banned = fanfare_test_request (fixture->server, "PUT", membership, fixture->li, NULL);
  fanfare_test_assert_error (banned, 403, "forbidden", "banned");
  assert_role (fixture, club, fixture->li, "");

  /* Until unbanned. */
  g_assert_cmpuint (status_of (fixture, "DELETE", ban_li, fixture->li, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "DELETE", ban_li, fixture->wang, NULL), ==, 204);
  join (fixture, club, fixture->li);

  /* The founder removes an admin; an admin does not remove an admin. */
  g_assert_cmpuint (status_of (fixture, "PUT", li_role, fixture->mei, "{\"role\": \"admin\"}"), ==, 204);
  g_assert_cmpuint (status_of (fixture, "DELETE", remove_li, fixture->wang, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "DELETE", remove_wang, fixture->mei, NULL), ==, 204);
  assert_role (fixture, club, fixture->wang, "");

  /* The platform's admins moderate any club. */
  g_assert_cmpuint (status_of (fixture, "PUT", ban_li, fixture->admin, NULL), ==, 204);
  assert_role (fixture, club, fixture->li, "");
}

static char *
post (Fixture    *fixture,
      const char *club,
      const char *token,
      const char *body)
{
  g_autofree char *path = club_path (club, "/posts");
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "POST", path, token, body);

  g_assert_cmpuint (response->status, ==, 201);

  return g_strdup (fanfare_test_response_get_string (response, "post.id"));
}

static void
test_posts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *posts = club_path (club, "/posts");
  g_autofree char *album_post = g_strdup_printf ("{\"body\": \"新专辑!\", \"album_id\": \"%" G_GINT64_FORMAT "\"}",
                                                 fixture->album);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *comment_path = NULL;
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) comment = NULL;
  g_autoptr(FanfareTestResponse) thread = NULL;
  JsonArray *items;

  /* Only members post. */
  g_assert_cmpuint (status_of (fixture, "POST", posts, fixture->wang, "{\"body\": \"hi\"}"), ==, 403);
  join (fixture, club, fixture->wang);
  join (fixture, club, fixture->li);
  g_assert_cmpuint (status_of (fixture, "POST", posts, fixture->wang, "{\"body\": \"\"}"), ==, 400);
  g_assert_cmpuint (status_of (fixture, "POST", posts, fixture->wang,
                               "{\"body\": \"x\", \"track_id\": \"999999\"}"), ==, 400);
  first = post (fixture, club, fixture->wang, album_post);
  second = post (fixture, club, fixture->li, "{\"body\": \"第二\"}");
  first_path = g_strconcat ("/api/v1/club-posts/", first, NULL);
  second_path = g_strconcat ("/api/v1/club-posts/", second, NULL);

  /* The newest first, until one is pinned; only admins pin. */
  pin = g_strconcat (first_path, "/pinned", NULL);
  g_assert_cmpuint (status_of (fixture, "PUT", pin, fixture->wang, "{\"pinned\": true}"), ==, 403);
  g_assert_cmpuint (status_of (fixture, "PUT", pin, fixture->mei, "{\"pinned\": true}"), ==, 200);
  list = fanfare_test_request (fixture->server, "GET", posts, NULL, NULL);
  items = fanfare_test_response_get_array (list, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"), ==, first);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (items, 0), "pinned"));
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                                   "album_id"), NULL, 10), ==, fixture->album);

  /* Members comment; authors and admins remove comments. */
  comments = g_strconcat (first_path, "/comments", NULL);
  g_assert_cmpuint (status_of (fixture, "POST", comments, fixture->artist, "{\"body\": \"谢谢\"}"), ==, 403);
  comment = fanfare_test_request (fixture->server, "POST", comments, fixture->li, "{\"body\": \"好听\"}");
  g_assert_cmpuint (comment->status, ==, 201);
  comment_path = g_strconcat ("/api/v1/club-comments/", fanfare_test_response_get_string (comment, "comment.id"),
                              NULL);
  g_assert_cmpuint (status_of (fixture, "DELETE", comment_path, fixture->wang, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "DELETE", comment_path, fixture->mei, NULL), ==, 204);
  thread = fanfare_test_request (fixture->server, "GET", comments, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (thread, "items")), ==, 0);

  /* Another member does not remove a post; its author and admins do. */
  g_assert_cmpuint (status_of (fixture, "DELETE", second_path, fixture->wang, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "DELETE", second_path, fixture->li, NULL), ==, 204);
  g_assert_cmpuint (status_of (fixture, "DELETE", first_path, fixture->mei, NULL), ==, 204);
  g_assert_cmpuint (status_of (fixture, "GET", comments, NULL, NULL), ==, 404);
  g_clear_pointer (&list, fanfare_test_response_free);
  list = fanfare_test_request (fixture->server, "GET", posts, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (list, "items")), ==, 0);
}

static void
test_leaderboard (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *board_path = club_path (club, "/leaderboard");
  g_autofree char *album_path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT, fixture->album);
  g_autofree char *plays = NULL;
  g_autofree char *first = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *purchase = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", fixture->album);
  g_autoptr(FanfareTestResponse) album = NULL;
  g_autoptr(FanfareTestResponse) played = NULL;
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) board = NULL;
  JsonArray *items;
  JsonObject *top, *second, *third;

  join (fixture, club, fixture->wang);
  join (fixture, club, fixture->li);

  /* Li posts, Wang listens for ten minutes, Mei buys the album. */
  first = post (fixture, club, fixture->li, "{\"body\": \"hello\"}");
  album = fanfare_test_request (fixture->server, "GET", album_path, NULL, NULL);
  plays = g_strdup_printf ("{\"plays\": [{\"id\": \"p1\", \"track_id\": \"%s\", \"played_at\": \"2026-03-01T08:30:00Z\","
                           " \"ms_played\": 600000}]}",
                           json_object_get_string_member (json_array_get_object_element (fanfare_test_response_get_array (
                                                                                           album, "tracks"), 0), "id"));
  played = fanfare_test_request (fixture->server, "POST", "/api/v1/plays", fixture->wang, plays);
  g_assert_cmpuint (played->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (played, "recorded"), ==, 1);
  fanfare_test_set_price (fixture->server, fixture->artist, fixture->album, 500);
  codes = fanfare_test_issue_codes (fixture->server->data_dir, "10", 1);
  fanfare_test_top_up (fixture->server, fixture->mei, codes[0]);
  bought = fanfare_test_money_request (fixture->server->url, purchase, fixture->mei, "lb-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);

  board = fanfare_test_request (fixture->server, "GET", board_path, NULL, NULL);
  g_assert_cmpuint (board->status, ==, 200);
  items = fanfare_test_response_get_array (board, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  top = json_array_get_object_element (items, 0);
  second = json_array_get_object_element (items, 1);
  third = json_array_get_object_element (items, 2);

  g_assert_cmpstr (json_object_get_string_member (top, "username"), ==, "mei");
  g_assert_cmpint (json_object_get_int_member (top, "purchases"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (top, "badge_level"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, "nameplates")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (top,
                                                                                                            "nameplates"),
                                                                              0), "serial"), ==, 1);

  g_assert_cmpstr (json_object_get_string_member (second, "username"), ==, "wang");
  g_assert_cmpint (json_object_get_int_member (second, "listening_ms"), ==, 600000);
  g_assert_cmpint (json_object_get_int_member (second, "score"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (third, "username"), ==, "li");
  g_assert_cmpint (json_object_get_int_member (third, "activity"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (third, "badge_level"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (third, "nameplates")), ==, 0);
}

/* Anyone sees the clubs a user is in, but nobody the user blocked. */
static void
test_user_clubs (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "夏天俱乐部", FALSE);
  g_autoptr(FanfareTestResponse) listed = NULL;
  g_autoptr(FanfareTestResponse) none = NULL;
  JsonObject *first;

  join (fixture, club, fixture->wang);
  listed = fanfare_test_request (fixture->server, "GET", "/api/v1/users/wang/clubs", NULL, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (listed, "items")), ==, 1);
  first = json_array_get_object_element (fanfare_test_response_get_array (listed, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, club);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "夏天俱乐部");
  g_assert_cmpint (json_object_get_int_member (first, "member_count"), ==, 2);
  /* The role is the caller's: Mei founded it, nobody signed in has none. */
  g_assert_false (json_object_has_member (first, "role"));
  g_clear_pointer (&listed, fanfare_test_response_free);
  listed = fanfare_test_request (fixture->server, "GET", "/api/v1/users/wang/clubs", fixture->mei, NULL);
  first = json_array_get_object_element (fanfare_test_response_get_array (listed, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "role"), ==, "founder");

  none = fanfare_test_request (fixture->server, "GET", "/api/v1/users/li/clubs", fixture->mei, NULL);
  g_assert_cmpuint (none->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (none, "items")), ==, 0);

  g_assert_cmpuint (status_of (fixture, "GET", "/api/v1/users/nobody/clubs", NULL, NULL), ==, 404);
  g_assert_cmpuint (status_of (fixture, "PUT", "/api/v1/users/li/block", fixture->wang, NULL), ==, 200);
  g_assert_cmpuint (status_of (fixture, "GET", "/api/v1/users/wang/clubs", fixture->li, NULL), ==, 404);
  g_assert_cmpuint (status_of (fixture, "GET", "/api/v1/users/wang/nameplates", fixture->li, NULL), ==, 404);
  g_assert_cmpuint (status_of (fixture, "GET", "/api/v1/users/wang/clubs", fixture->mei, NULL), ==, 200);
}

/* The nameplates of @author's comment in a list; NULL for none. */
static JsonArray *
comment_nameplates (FanfareTestResponse *response,
                    const char          *author)
{
  JsonArray *items = fanfare_test_response_get_array (response, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *comment = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (comment, "author"), "username"),
                     author) == 0)
        return json_object_has_member (comment, "nameplates") ? json_object_get_array_member (comment, "nameplates")
                                                               : NULL;
    }

  g_assert_not_reached ();
}

/* @username's row of the club's leaderboard. */
static JsonObject *
supporter (FanfareTestResponse *board,
           const char          *username)
{
  JsonArray *items = fanfare_test_response_get_array (board, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "username"), username) == 0)
        return item;
    }

  g_assert_not_reached ();
}

/* A supporter with four of the artist's albums shows the latest three
 * of their nameplates, as many as the app shows. */
static void
test_leaderboard_nameplates (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->wang, "Club", FALSE);
  g_autofree char *board_path = club_path (club, "/leaderboard");
  g_auto(GStrv) codes = fanfare_test_issue_codes (fixture->server->data_dir, "20", 1);
  g_autoptr(FanfareTestResponse) board = NULL;
  gint64 albums[] = { fixture->album, fixture->more_albums[0], fixture->more_albums[1], fixture->more_albums[2] };
  JsonArray *plates;

  join (fixture, club, fixture->mei);
  fanfare_test_top_up (fixture->server, fixture->mei, codes[0]);
  for (guint i = 0; i < G_N_ELEMENTS (albums); i++)
    {
      g_autofree char *purchase = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", albums[i]);
      g_autofree char *key = g_strdup_printf ("lbn-%u", i);
      g_autoptr(FanfareTestResponse) bought = NULL;

      fanfare_test_set_price (fixture->server, fixture->artist, albums[i], 500);
      bought = fanfare_test_money_request (fixture->server->url, purchase, fixture->mei, key, NULL);
      g_assert_cmpuint (bought->status, ==, 201);
    }

  board = fanfare_test_request (fixture->server, "GET", board_path, NULL, NULL);
  g_assert_cmpuint (board->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (supporter (board, "mei"), "purchases"), ==, 4);
  plates = json_object_get_array_member (supporter (board, "mei"), "nameplates");
  g_assert_cmpuint (json_array_get_length (plates), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *plate = json_array_get_object_element (plates, i);
      g_autofree char *album_id = g_strdup_printf ("%" G_GINT64_FORMAT, albums[3 - i]);

      g_assert_cmpstr (json_object_get_string_member (plate, "album_id"), ==, album_id);
      g_assert_true (json_object_has_member (plate, "signature"));
    }
}

/* A buyer's nameplate of the artist shows beside their comments on the
 * artist's album and tracks; nobody else's has one. */
static void
test_comment_nameplates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *album_path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT, fixture->album);
  g_autofree char *comments = g_strdup_printf ("%s/comments", album_path);
  g_autofree char *purchase = g_strdup_printf ("%s/purchase", album_path);
  g_autofree char *album_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->album);
  g_autofree char *track_comments = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(FanfareTestResponse) album = NULL;
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) posted = NULL;
  g_autoptr(FanfareTestResponse) listed = NULL;
  g_autoptr(FanfareTestResponse) on_track = NULL;
  JsonArray *plates;
  JsonObject *plate;

  fanfare_test_set_price (fixture->server, fixture->artist, fixture->album, 500);
  codes = fanfare_test_issue_codes (fixture->server->data_dir, "10", 1);
  fanfare_test_top_up (fixture->server, fixture->mei, codes[0]);
  bought = fanfare_test_money_request (fixture->server->url, purchase, fixture->mei, "np-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);

  posted = fanfare_test_request (fixture->server, "POST", comments, fixture->mei, "{\"body\": \"我买了\"}");
  g_assert_cmpuint (posted->status, ==, 201);
  plates = fanfare_test_response_get_array (posted, "comment.nameplates");
  g_assert_cmpuint (json_array_get_length (plates), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (plates, 0), "serial"), ==, 1);
  g_assert_cmpuint (status_of (fixture, "POST", comments, fixture->wang, "{\"body\": \"我还没买\"}"), ==, 201);

  listed = fanfare_test_request (fixture->server, "GET", comments, NULL, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  plates = comment_nameplates (listed, "mei");
  g_assert_nonnull (plates);
  g_assert_cmpuint (json_array_get_length (plates), ==, 1);
  plate = json_array_get_object_element (plates, 0);
  g_assert_cmpstr (json_object_get_string_member (plate, "album_id"), ==, album_id);
  g_assert_cmpstr (json_object_get_string_member (plate, "owner"), ==, "mei");
  g_assert_true (json_object_has_member (plate, "signature"));
  g_assert_null (comment_nameplates (listed, "wang"));

  /* On one of the album's tracks too. */
  album = fanfare_test_request (fixture->server, "GET", album_path, NULL, NULL);
  track_comments = g_strdup_printf ("/api/v1/tracks/%s/comments",
                                    json_object_get_string_member (json_array_get_object_element (
                                                                     fanfare_test_response_get_array (album, "tracks"),
                                                                     0), "id"));
  g_assert_cmpuint (status_of (fixture, "POST", track_comments, fixture->mei, "{\"body\": \"晴天\"}"), ==, 201);
  on_track = fanfare_test_request (fixture->server, "GET", track_comments, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (comment_nameplates (on_track, "mei")), ==, 1);
}

#define assert_supporter(fixture, board_path, username, member, expected) \
  G_STMT_START { \
    g_autoptr(FanfareTestResponse) _board = fanfare_test_request ((fixture)->server, "GET", board_path, NULL, NULL); \
    g_assert_cmpuint (_board->status, ==, 200); \
    g_assert_cmpint (json_object_get_int_member (supporter (_board, username), member), ==, expected); \
  } G_STMT_END

static void
play (Fixture    *fixture,
      const char *token,
      const char *client_id,
      guint       ms_played)
{
  g_autofree char *album_path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT, fixture->album);
  g_autoptr(FanfareTestResponse) album = fanfare_test_request (fixture->server, "GET", album_path, NULL, NULL);
  JsonObject *track = json_array_get_object_element (fanfare_test_response_get_array (album, "tracks"), 0);
  g_autofree char *plays = g_strdup_printf ("{\"plays\": [{\"id\": \"%s\", \"track_id\": \"%s\","
                                            " \"played_at\": \"2026-03-01T08:30:00Z\", \"ms_played\": %u}]}",
                                            client_id, json_object_get_string_member (track, "id"), ms_played);
  g_autoptr(FanfareTestResponse) played = fanfare_test_request (fixture->server, "POST", "/api/v1/plays", token,
                                                                plays);

  g_assert_cmpuint (played->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (played, "recorded"), ==, 1);
}

/* The scores are kept as things happen: each change shows at once, in
 * both directions, and a member who leaves and comes back finds theirs. */
static void
test_leaderboard_follows (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *board_path = club_path (club, "/leaderboard");
  g_autofree char *membership = club_path (club, "/membership");
  g_autofree char *purchase = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", fixture->album);
  g_autofree char *post_id = NULL;
  g_autofree char *post_path = NULL;
  g_autofree char *comments = NULL;
  g_autofree char *refund = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) comment = NULL;
  g_autoptr(FanfareTestResponse) refunded = NULL;

  join (fixture, club, fixture->wang);
  join (fixture, club, fixture->li);

  /* Listening adds up by the whole minute. */
  play (fixture, fixture->wang, "f1", 600000);
  assert_supporter (fixture, board_path, "wang", "score", 10);
  play (fixture, fixture->wang, "f2", 90000);
  assert_supporter (fixture, board_path, "wang", "listening_ms", 690000);
  assert_supporter (fixture, board_path, "wang", "score", 11);

  /* A post and the comments under it count until the post is removed. */
  post_id = post (fixture, club, fixture->li, "{\"body\": \"hello\"}");
  post_path = g_strconcat ("/api/v1/club-posts/", post_id, NULL);
  comments = g_strconcat (post_path, "/comments", NULL);
  comment = fanfare_test_request (fixture->server, "POST", comments, fixture->wang, "{\"body\": \"hi\"}");
  g_assert_cmpuint (comment->status, ==, 201);
  assert_supporter (fixture, board_path, "li", "activity", 1);
  assert_supporter (fixture, board_path, "wang", "activity", 1);
  assert_supporter (fixture, board_path, "wang", "score", 16);
  g_assert_cmpuint (status_of (fixture, "DELETE", post_path, fixture->mei, NULL), ==, 204);
  assert_supporter (fixture, board_path, "li", "activity", 0);
  assert_supporter (fixture, board_path, "wang", "activity", 0);
  assert_supporter (fixture, board_path, "wang", "score", 11);

  /* An album bought counts until it is refunded. */
  fanfare_test_set_price (fixture->server, fixture->artist, fixture->album, 500);
  codes = fanfare_test_issue_codes (fixture->server->data_dir, "10", 1);
  fanfare_test_top_up (fixture->server, fixture->li, codes[0]);
  bought = fanfare_test_money_request (fixture->server->url, purchase, fixture->li, "follows-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);
  assert_supporter (fixture, board_path, "li", "purchases", 1);
  assert_supporter (fixture, board_path, "li", "score", 100);
  refund = g_strdup_printf ("/api/v1/purchases/%s/refund", fanfare_test_response_get_string (bought, "purchase.id"));
  refunded = fanfare_test_request (fixture->server, "POST", refund, fixture->admin, NULL);
  g_assert_cmpuint (refunded->status, ==, 200);
  assert_supporter (fixture, board_path, "li", "purchases", 0);
  assert_supporter (fixture, board_path, "li", "score", 0);

  /* Leaving drops the row; coming back brings back what was given. */
  g_assert_cmpuint (status_of (fixture, "DELETE", membership, fixture->wang, NULL), ==, 204);
  join (fixture, club, fixture->wang);
  assert_supporter (fixture, board_path, "wang", "listening_ms", 690000);
  assert_supporter (fixture, board_path, "wang", "score", 11);
}

/* The nameplate of @album_id among @username's on the leaderboard, or
 * NULL. */
static JsonObject *
supporter_nameplate (FanfareTestResponse *board,
                     const char          *username,
                     gint64               album_id)
{
  JsonArray *plates = json_object_get_array_member (supporter (board, username), "nameplates");
  g_autofree char *album = g_strdup_printf ("%" G_GINT64_FORMAT, album_id);

  for (guint i = 0; i < json_array_get_length (plates); i++)
    {
      JsonObject *plate = json_array_get_object_element (plates, i);

      if (g_strcmp0 (json_object_get_string_member (plate, "album_id"), album) == 0)
        return plate;
    }

  return NULL;
}

/* A gift is the giver's purchase, in every club of the artist they are
 * in, and the recipient's nameplate; a refund takes both back. */
static void
test_leaderboard_gift (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *club = create_club (fixture, fixture->mei, "Club", FALSE);
  g_autofree char *other_club = create_club (fixture, fixture->li, "Other club", FALSE);
  g_autofree char *board_path = club_path (club, "/leaderboard");
  g_autofree char *other_board_path = club_path (other_club, "/leaderboard");
  g_autofree char *purchase = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", fixture->album);
  g_autofree char *refund = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(FanfareTestResponse) gift = NULL;
  g_autoptr(FanfareTestResponse) board = NULL;
  g_autoptr(FanfareTestResponse) refunded = NULL;
  JsonObject *plate;

  join (fixture, club, fixture->wang);
  join (fixture, other_club, fixture->mei);
  assert_supporter (fixture, board_path, "mei", "purchases", 0);

  fanfare_test_set_price (fixture->server, fixture->artist, fixture->album, 500);
  codes = fanfare_test_issue_codes (fixture->server->data_dir, "10", 1);
  fanfare_test_top_up (fixture->server, fixture->mei, codes[0]);
  gift = fanfare_test_money_request (fixture->server->url, purchase, fixture->mei, "gift-1",
                                     "{\"gift_to\": \"wang\", \"message\": \"生日快乐\"}");
  g_assert_cmpuint (gift->status, ==, 201);

  /* Mei paid: one purchase more in both her clubs of the artist, and no
   * nameplate, which is Wang's. */
  board = fanfare_test_request (fixture->server, "GET", board_path, NULL, NULL);
  g_assert_cmpuint (board->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fanfare_test_response_get_array (
                                                                                   board, "items"), 0), "username"),
                   ==, "mei");
  g_assert_cmpint (json_object_get_int_member (supporter (board, "mei"), "purchases"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (supporter (board, "mei"), "score"), ==, 100);
  g_assert_null (supporter_nameplate (board, "mei", fixture->album));
  g_assert_cmpint (json_object_get_int_member (supporter (board, "wang"), "purchases"), ==, 0);
  plate = supporter_nameplate (board, "wang", fixture->album);
  g_assert_nonnull (plate);
  g_assert_cmpstr (json_object_get_string_member (plate, "owner"), ==, "wang");
  g_assert_cmpint (json_object_get_int_member (plate, "serial"), ==, 1);
  g_assert_true (json_object_has_member (plate, "signature"));
  assert_supporter (fixture, other_board_path, "mei", "purchases", 1);
  assert_supporter (fixture, other_board_path, "li", "purchases", 0);

  refund = g_strdup_printf ("/api/v1/purchases/%s/refund", fanfare_test_response_get_string (gift, "purchase.id"));
  refunded = fanfare_test_request (fixture->server, "POST", refund, fixture->admin, NULL);
  g_assert_cmpuint (refunded->status, ==, 200);
  g_clear_pointer (&board, fanfare_test_response_free);
  board = fanfare_test_request (fixture->server, "GET", board_path, NULL, NULL);
  g_assert_cmpint (json_object_get_int_member (supporter (board, "mei"), "purchases"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (supporter (board, "mei"), "score"), ==, 0);
  g_assert_null (supporter_nameplate (board, "wang", fixture->album));
  assert_supporter (fixture, other_board_path, "mei", "purchases", 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/api/clubs/official", Fixture, NULL, fixture_set_up, test_official_club, fixture_tear_down);
  g_test_add ("/api/clubs/artist-founds-official", Fixture, NULL, fixture_set_up, test_artist_founds_official,
              fixture_tear_down);
  g_test_add ("/api/clubs/join-leave", Fixture, NULL, fixture_set_up, test_join_leave, fixture_tear_down);
  g_test_add ("/api/clubs/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  g_test_add ("/api/clubs/moderation", Fixture, NULL, fixture_set_up, test_moderation, fixture_tear_down);
  g_test_add ("/api/clubs/posts", Fixture, NULL, fixture_set_up, test_posts, fixture_tear_down);
  g_test_add ("/api/clubs/leaderboard", Fixture, NULL, fixture_set_up, test_leaderboard, fixture_tear_down);
  g_test_add ("/api/clubs/leaderboard-nameplates", Fixture, "more albums", fixture_set_up, test_leaderboard_nameplates,
              fixture_tear_down);
  g_test_add ("/api/clubs/user-clubs", Fixture, NULL, fixture_set_up, test_user_clubs, fixture_tear_down);
  g_test_add ("/api/clubs/comment-nameplates", Fixture, NULL, fixture_set_up, test_comment_nameplates,
              fixture_tear_down);
  g_test_add ("/api/clubs/leaderboard-follows", Fixture, NULL, fixture_set_up, test_leaderboard_follows,
              fixture_tear_down);
  g_test_add ("/api/clubs/leaderboard-gift", Fixture, NULL, fixture_set_up, test_leaderboard_gift, fixture_tear_down);

  return g_test_run ();
}
