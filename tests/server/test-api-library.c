/* test-api-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saving the platform's albums and tracks to a listener's library. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
  char              *token;
  char              *other_token;
  gint64             album;
  gint64             second_album;
  gint64             draft_album;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *first[] = { "晴天", "Outro", NULL };
  const char *second[] = { "星河", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 owner, artist;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_user (&store, "zhou", "Zhou", FANFARE_USER_ROLE_ARTIST);
  artist = fanfare_catalog_store_get_artist_for_user (store.db, owner, &error);
  g_assert_no_error (error);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "wang", "wang password 33", FANFARE_USER_ROLE_LISTENER);
  fixture->album = fanfare_test_store_add_album (&store, artist, "夏天的风", "2025-07-01", first, TRUE);
  fixture->second_album = fanfare_test_store_add_album (&store, artist, "星河来信", "2026-02-01", second, TRUE);
  fixture->draft_album = fanfare_test_store_add_album (&store, artist, "Draft", "2026-06-01", second, FALSE);

  data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("mei password 22");
  fanfare_test_note_secret ("wang password 33");
  fixture->token = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  fixture->other_token = fanfare_test_log_in (fixture->server, "wang", "wang password 33");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->token);
  g_free (fixture->other_token);
}

static guint
request_status (Fixture    *fixture,
                const char *method,
                const char *kind,
                gint64      id,
                const char *token)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/me/library/%s/%" G_GINT64_FORMAT, kind, id);
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, method, path, token, NULL);

  return response->status;
}

/* The titles in the caller's library of @kind, in order, joined by "|". */
static char *
list_titles (Fixture    *fixture,
             const char *kind,
             const char *token)
{
  g_autofree char *path = g_strconcat ("/api/v1/me/library/", kind, NULL);
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", path, token, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_strv_builder_add (builder, json_object_get_string_member (json_array_get_object_element (items, i), "title"));
  titles = g_strv_builder_end (builder);

  return g_strjoinv ("|", titles);
}

static void
test_albums (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *empty = list_titles (fixture, "albums", fixture->token);
  g_autofree char *both = NULL;
  g_autofree char *one = NULL;
  g_autofree char *others = NULL;

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpuint (request_status (fixture, "PUT", "albums", fixture->album, fixture->token), ==, 204);
  g_assert_cmpuint (request_status (fixture, "PUT", "albums", fixture->second_album, fixture->token), ==, 204);
  /* Twice is once. */
  g_assert_cmpuint (request_status (fixture, "PUT", "albums", fixture->album, fixture->token), ==, 204);
  both = list_titles (fixture, "albums", fixture->token);
  g_assert_true (g_str_equal (both, "星河来信|夏天的风") || g_str_equal (both, "夏天的风|星河来信"));

  g_assert_cmpuint (request_status (fixture, "DELETE", "albums", fixture->second_album, fixture->token), ==, 204);
  g_assert_cmpuint (request_status (fixture, "DELETE", "albums", fixture->second_album, fixture->token), ==, 204);
  one = list_titles (fixture, "albums", fixture->token);
  g_assert_cmpstr (one, ==, "夏天的风");

  /* Each listener has their own. */
  others = list_titles (fixture, "albums", fixture->other_token);
  g_assert_cmpstr (others, ==, "");
}

static void
test_tracks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *saved = NULL;

  /* The first album's tracks are ids 1 and 2. */
  g_assert_cmpuint (request_status (fixture, "PUT", "tracks", 2, fixture->token), ==, 204);
  saved = list_titles (fixture, "tracks", fixture->token);
  g_assert_cmpstr (saved, ==, "Outro");
  g_assert_cmpuint (request_status (fixture, "PUT", "tracks", 9999, fixture->token), ==, 404);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) anonymous = NULL;

  /* What the caller may not see cannot be saved. */
  g_assert_cmpuint (request_status (fixture, "PUT", "albums", fixture->draft_album, fixture->token), ==, 404);
  g_assert_cmpuint (request_status (fixture, "PUT", "albums", fixture->album, NULL), ==, 401);
  anonymous = fanfare_test_request (fixture->server, "GET", "/api/v1/me/library/albums", NULL, NULL);
  fanfare_test_assert_error (anonymous, 401, "unauthorized", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/api/library/albums", Fixture, NULL, fixture_set_up, test_albums, fixture_tear_down);
  g_test_add ("/api/library/tracks", Fixture, NULL, fixture_set_up, test_tracks, fixture_tear_down);
  g_test_add ("/api/library/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
