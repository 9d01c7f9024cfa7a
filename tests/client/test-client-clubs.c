/* test-client-clubs.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A fan club run through the client library against a real server: the
 * artist claiming the club a fan founded, comments, pinning, removing,
 * roles and bans. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-client-clubs.h"
#include "fanfare-error.h"
#include "fanfare-test-client.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
  FanfareClient     *fan;
  FanfareClient     *artist;
  GAsyncResult      *result;
  char              *artist_id;
  char              *album_id;
} Fixture;

#define WAIT(fixture) fanfare_test_wait_result (&(fixture)->result)

static FanfareClient *
sign_in (Fixture    *fixture,
         const char *username,
         const char *password)
{
  FanfareClient *client = fanfare_client_new (fixture->server->url, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_sign_in_async (client, username, password, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (client));

  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *tracks[] = { "晴天", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 owner, artist;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST);
  artist = fanfare_catalog_store_get_artist_for_user (store.db, owner, &error);
  g_assert_no_error (error);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fixture->artist_id = g_strdup_printf ("%" G_GINT64_FORMAT, artist);
  fixture->album_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                       fanfare_test_store_add_album (&store, artist, "夏天的风", "2025-07-01", tracks,
                                                                     TRUE));
  data_dir = fanfare_test_store_close (&store);
  fanfare_test_note_secret ("zhou password 11");
  fanfare_test_note_secret ("mei password 22");

  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fixture->fan = sign_in (fixture, "mei", "mei password 22");
  fixture->artist = sign_in (fixture, "zhou", "zhou password 11");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->fan);
  g_clear_object (&fixture->artist);
  g_free (fixture->artist_id);
  g_free (fixture->album_id);
  fanfare_test_server_stop (fixture->server);
}

static FanfareClientClub *
club_finish (Fixture       *fixture,
             FanfareClient *client,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = WAIT (fixture);

  return fanfare_client_club_finish (client, result, error);
}

static gboolean
change_finish (Fixture       *fixture,
               FanfareClient *client,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = WAIT (fixture);

  return fanfare_client_club_change_finish (client, result, error);
}

static GPtrArray *
my_clubs (Fixture       *fixture,
          FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *clubs;

  fanfare_client_list_my_clubs_async (client, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  clubs = fanfare_client_list_clubs_finish (client, result, &error);
  g_assert_no_error (error);

  return clubs;
}

static GPtrArray *
comments (Fixture    *fixture,
          const char *post_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  fanfare_client_list_club_comments_async (fixture->fan, post_id, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  list = fanfare_client_list_club_comments_finish (fixture->fan, result, &error);
  g_assert_no_error (error);

  return list;
}

static void
moderate (Fixture                 *fixture,
          const char              *club_id,
          FanfareClientClubAction  action)
{
  g_autoptr(GError) error = NULL;

  fanfare_client_moderate_member_async (fixture->artist, club_id, "mei", action, NULL, fanfare_test_store_result,
                                        &fixture->result);
  g_assert_true (change_finish (fixture, fixture->artist, &error));
  g_assert_no_error (error);
}

/* A club the artist founds and the fan joins. */
static FanfareClientClub *
found_and_join (Fixture *fixture)
{
  g_autoptr(FanfareClientClub) club = NULL;
  g_autoptr(FanfareClientClub) joined = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_create_club_async (fixture->artist, fixture->artist_id, "周的歌迷", FALSE, NULL,
                                    fanfare_test_store_result, &fixture->result);
  club = club_finish (fixture, fixture->artist, &error);
  g_assert_no_error (error);
  fanfare_client_join_club_async (fixture->fan, club->id, TRUE, NULL, fanfare_test_store_result, &fixture->result);
  joined = club_finish (fixture, fixture->fan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined->role, ==, "member");

  return g_steal_pointer (&club);
}

static void
test_claim (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FanfareClientClub) founded = NULL;
  g_autoptr(FanfareClientClub) claimed = NULL;
  g_autoptr(FanfareClientClub) read = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_create_club_async (fixture->fan, fixture->artist_id, "晴天后援会", TRUE, NULL,
                                    fanfare_test_store_result, &fixture->result);
  founded = club_finish (fixture, fixture->fan, &error);
  g_assert_no_error (error);
  g_assert_false (founded->claimed);

  /* Only the artist claims; the fan who founded it stays as an admin. */
  fanfare_client_claim_club_async (fixture->fan, founded->id, NULL, fanfare_test_store_result, &fixture->result);
  g_assert_null (club_finish (fixture, fixture->fan, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  fanfare_client_claim_club_async (fixture->artist, founded->id, NULL, fanfare_test_store_result, &fixture->result);
  claimed = club_finish (fixture, fixture->artist, &error);
  g_assert_no_error (error);
  g_assert_true (claimed->claimed);
  g_assert_cmpstr (claimed->role, ==, "founder");

  fanfare_client_get_club_async (fixture->fan, founded->id, NULL, fanfare_test_store_result, &fixture->result);
  read = club_finish (fixture, fixture->fan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->role, ==, "admin");
  g_assert_cmpstr (read->name, ==, "晴天后援会");

  mine = my_clubs (fixture, fixture->fan);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpstr (((FanfareClientClub *) g_ptr_array_index (mine, 0))->id, ==, founded->id);
}

static void
test_posts_and_comments (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FanfareClientClub) club = NULL;
  g_autoptr(FanfareClientClubPost) post = NULL;
  g_autoptr(FanfareClientClubPost) pinned = NULL;
  g_autoptr(FanfareClientClubComment) comment = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) pin_result = NULL;
  g_autoptr(GError) error = NULL;

  club = found_and_join (fixture);

  fanfare_client_add_club_post_async (fixture->fan, club->id, "新歌太好听了", NULL, fanfare_test_store_result,
                                      &fixture->result);
  result = WAIT (fixture);
  post = fanfare_client_add_club_post_finish (fixture->fan, result, &error);
  g_assert_no_error (error);

  fanfare_client_add_club_comment_async (fixture->fan, post->id, "同意", NULL, fanfare_test_store_result,
                                         &fixture->result);
  g_clear_object (&result);
  result = WAIT (fixture);
  comment = fanfare_client_add_club_comment_finish (fixture->fan, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment->author, ==, "mei");
  before = comments (fixture, post->id);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpstr (((FanfareClientClubComment *) g_ptr_array_index (before, 0))->body, ==, "同意");

  /* A member cannot pin; the founder can. */
  fanfare_client_pin_club_post_async (fixture->fan, post->id, TRUE, NULL, fanfare_test_store_result,
                                      &fixture->result);
  g_clear_object (&result);
  result = WAIT (fixture);
  g_assert_null (fanfare_client_add_club_post_finish (fixture->fan, result, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  fanfare_client_pin_club_post_async (fixture->artist, post->id, TRUE, NULL, fanfare_test_store_result,
                                      &fixture->result);
  pin_result = WAIT (fixture);
  pinned = fanfare_client_add_club_post_finish (fixture->artist, pin_result, &error);
  g_assert_no_error (error);
  g_assert_true (pinned->pinned);

  /* The founder removes the comment, then the post. */
  fanfare_client_remove_club_comment_async (fixture->artist, comment->id, NULL, fanfare_test_store_result,
                                            &fixture->result);
  g_assert_true (change_finish (fixture, fixture->artist, &error));
  g_assert_no_error (error);
  after = comments (fixture, post->id);
  g_assert_cmpuint (after->len, ==, 0);
  fanfare_client_remove_club_post_async (fixture->artist, post->id, NULL, fanfare_test_store_result,
                                         &fixture->result);
  g_assert_true (change_finish (fixture, fixture->artist, &error));
  g_assert_no_error (error);
  fanfare_client_list_club_comments_async (fixture->fan, post->id, NULL, fanfare_test_store_result,
                                           &fixture->result);
  g_clear_object (&result);
  result = WAIT (fixture);
  g_assert_null (fanfare_client_list_club_comments_finish (fixture->fan, result, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The fan leaves; the founder cannot. */
  fanfare_client_join_club_async (fixture->fan, club->id, FALSE, NULL, fanfare_test_store_result, &fixture->result);
  g_assert_true (change_finish (fixture, fixture->fan, &error));
  g_assert_no_error (error);
  mine = my_clubs (fixture, fixture->fan);
  g_assert_cmpuint (mine->len, ==, 0);
  fanfare_client_join_club_async (fixture->artist, club->id, FALSE, NULL, fanfare_test_store_result,
                                  &fixture->result);
  g_assert_false (change_finish (fixture, fixture->artist, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT);
}

static void
test_roles_and_bans (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FanfareClientClub) club = NULL;
  g_autoptr(FanfareClientClub) refused = NULL;
  g_autoptr(FanfareClientClub) again = NULL;
  g_autoptr(FanfareClientClub) read = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;

  club = found_and_join (fixture);

  moderate (fixture, club->id, FANFARE_CLIENT_CLUB_MAKE_ADMIN);
  fanfare_client_get_club_async (fixture->fan, club->id, NULL, fanfare_test_store_result, &fixture->result);
  read = club_finish (fixture, fixture->fan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->role, ==, "admin");
  moderate (fixture, club->id, FANFARE_CLIENT_CLUB_MAKE_MEMBER);

  /* Banned: out of the club and kept out until unbanned. */
  moderate (fixture, club->id, FANFARE_CLIENT_CLUB_BAN);
  mine = my_clubs (fixture, fixture->fan);
  g_assert_cmpuint (mine->len, ==, 0);
  fanfare_client_join_club_async (fixture->fan, club->id, TRUE, NULL, fanfare_test_store_result, &fixture->result);
  refused = club_finish (fixture, fixture->fan, &error);
  g_assert_null (refused);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  moderate (fixture, club->id, FANFARE_CLIENT_CLUB_UNBAN);
  fanfare_client_join_club_async (fixture->fan, club->id, TRUE, NULL, fanfare_test_store_result, &fixture->result);
  again = club_finish (fixture, fixture->fan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->role, ==, "member");

  /* Removed: out, but free to come back. */
  moderate (fixture, club->id, FANFARE_CLIENT_CLUB_REMOVE);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = my_clubs (fixture, fixture->fan);
  g_assert_cmpuint (mine->len, ==, 0);
}

/* A post linking the album, then its picture; the fan's clubs on their
 * profile. */
static void
test_links_and_pictures (Fixture       *fixture,
                         gconstpointer  data)
{
  /* A PNG of one transparent pixel. */
  static const char pixel[] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
  g_autoptr(FanfareClientClub) club = found_and_join (fixture);
  g_autoptr(FanfareClientClubPost) post = NULL;
  g_autoptr(FanfareClientClubPost) pictured = NULL;
  g_autoptr(GPtrArray) clubs = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;
  guchar *decoded;
  gsize length;

  fanfare_client_add_linked_club_post_async (fixture->fan, club->id, "海边听这张", NULL, fixture->album_id, NULL,
                                             fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  post = fanfare_client_add_club_post_finish (fixture->fan, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (post->album_id, ==, fixture->album_id);
  g_assert_null (post->track_id);
  g_assert_null (post->image_uri);

  decoded = g_base64_decode (pixel, &length);
  image = g_bytes_new_take (decoded, length);
  fanfare_client_set_club_post_image_async (fixture->fan, post->id, "image/png", image, NULL,
                                            fanfare_test_store_result, &fixture->result);
  g_clear_object (&result);
  result = WAIT (fixture);
  pictured = fanfare_client_add_club_post_finish (fixture->fan, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pictured->id, ==, post->id);
  g_assert_true (g_str_has_prefix (pictured->image_uri, fixture->server->url));

  /* Only its author puts a picture on a post. */
  fanfare_client_set_club_post_image_async (fixture->artist, post->id, "image/png", image, NULL,
                                            fanfare_test_store_result, &fixture->result);
  g_clear_object (&result);
  result = WAIT (fixture);
  g_clear_pointer (&pictured, fanfare_client_club_post_free);
  pictured = fanfare_client_add_club_post_finish (fixture->artist, result, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  fanfare_client_list_user_clubs_async (fixture->artist, "mei", NULL, fanfare_test_store_result, &fixture->result);
  g_clear_object (&result);
  result = WAIT (fixture);
  clubs = fanfare_client_list_clubs_finish (fixture->artist, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clubs->len, ==, 1);
  g_assert_cmpstr (((FanfareClientClub *) g_ptr_array_index (clubs, 0))->id, ==, club->id);
  /* The role is the caller's: the artist founded it. */
  g_assert_cmpstr (((FanfareClientClub *) g_ptr_array_index (clubs, 0))->role, ==, "founder");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/clubs/claim", Fixture, NULL, fixture_set_up, test_claim, fixture_tear_down);
  g_test_add ("/client/clubs/links-and-pictures", Fixture, NULL, fixture_set_up, test_links_and_pictures,
              fixture_tear_down);
  g_test_add ("/client/clubs/posts-and-comments", Fixture, NULL, fixture_set_up, test_posts_and_comments,
              fixture_tear_down);
  g_test_add ("/client/clubs/roles-and-bans", Fixture, NULL, fixture_set_up, test_roles_and_bans,
              fixture_tear_down);

  return g_test_run ();
}
