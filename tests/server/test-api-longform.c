/* test-api-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics written by a track's artist, and listening positions synced
 * between two devices of one listener, with the Continue Listening list. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
  char              *artist_token;
  char              *token;
  gint64             song;
  gint64             book;
  gint64             mix;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 owner;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_long_items (&store, fanfare_catalog_store_get_artist_for_user (store.db, owner, &error),
                                     &fixture->song, &fixture->book, &fixture->mix);
  g_assert_no_error (error);

  data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("zhou password 11");
  fanfare_test_note_secret ("mei password 22");
  fixture->artist_token = fanfare_test_log_in (fixture->server, "zhou", "zhou password 11");
  fixture->token = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->artist_token);
  g_free (fixture->token);
}

static FanfareTestResponse *
request (Fixture    *fixture,
         const char *method,
         const char *collection,
         gint64      id,
         const char *member,
         const char *token,
         const char *body)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT "%s", collection, id, member);

  return fanfare_test_request (fixture->server, method, path, token, body);
}

/* The paths request() asks for, around a track's id. */
#define LYRICS(track)   "tracks", (track), "/lyrics"
#define POSITION(track) "me/positions", (track), ""

static void
test_lyrics (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) none = request (fixture, "GET", LYRICS (fixture->song), NULL, NULL);
  g_autoptr(FanfareTestResponse) put = NULL;
  g_autoptr(FanfareTestResponse) got = NULL;
  g_autoptr(FanfareTestResponse) other = NULL;
  g_autoptr(FanfareTestResponse) bad = NULL;
  g_autoptr(FanfareTestResponse) mismatch = NULL;
  g_autoptr(FanfareTestResponse) deleted = NULL;
  g_autoptr(FanfareTestResponse) gone = NULL;

  fanfare_test_assert_error (none, 404, "not_found", NULL);

  put = request (fixture, "PUT", LYRICS (fixture->song), fixture->artist_token,
                 "{\"lrc\": \"[00:01.00]Hello\\n[00:03.50]World\\n\","
                 " \"translation\": \"[00:01.00]你好\\n[00:03.50]世界\\n\", \"language\": \"zh-CN\"}");
  g_assert_cmpuint (put->status, ==, 200);

  /* Anyone reads them, with the translation. */
  got = request (fixture, "GET", LYRICS (fixture->song), NULL, NULL);
  g_assert_cmpuint (got->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (got, "lrc"), ==, "[00:01.00]Hello\n[00:03.50]World\n");
  g_assert_cmpstr (fanfare_test_response_get_string (got, "translation"), ==, "[00:01.00]你好\n[00:03.50]世界\n");
  g_assert_cmpstr (fanfare_test_response_get_string (got, "language"), ==, "zh-CN");
  g_assert_true (fanfare_test_response_contains (got, "\"synced\":true"));

  /* Only the artist writes them, and only lyrics that read. */
  other = request (fixture, "PUT", LYRICS (fixture->song), fixture->token, "{\"lrc\": \"Plain\"}");
  fanfare_test_assert_error (other, 403, "forbidden", NULL);
  bad = request (fixture, "PUT", LYRICS (fixture->song), fixture->artist_token, "{\"lrc\": \"[00:61.00]late\"}");
  fanfare_test_assert_error (bad, 400, "invalid", "Line 1");
  mismatch = request (fixture, "PUT", LYRICS (fixture->song), fixture->artist_token,
                      "{\"lrc\": \"[00:01.00]a\\n[00:02.00]b\", \"translation\": \"[00:01.00]x\"}");
  fanfare_test_assert_error (mismatch, 400, "invalid", "translation");

  deleted = request (fixture, "DELETE", LYRICS (fixture->song), fixture->artist_token, NULL);
  g_assert_cmpuint (deleted->status, ==, 204);
  gone = request (fixture, "GET", LYRICS (fixture->song), NULL, NULL);
  fanfare_test_assert_error (gone, 404, "not_found", NULL);
}

static gint64
put_position (Fixture    *fixture,
              gint64      track,
              gint64      position_ms,
              const char *edited_at)
{
  g_autofree char *body = g_strdup_printf ("{\"position_ms\": %" G_GINT64_FORMAT ", \"edited_at\": \"%s\"}",
                                           position_ms, edited_at);
  g_autoptr(FanfareTestResponse) response = request (fixture, "PUT", POSITION (track), fixture->token, body);

  g_assert_cmpuint (response->status, ==, 200);
  return fanfare_test_response_get_int (response, "position_ms");
}

/* Two devices of one listener: the latest position wins, in any order. */
static void
test_positions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) none = request (fixture, "GET", POSITION (fixture->book), fixture->token, NULL);
  g_autoptr(FanfareTestResponse) song = NULL;
  g_autoptr(FanfareTestResponse) got = NULL;
  g_autoptr(FanfareTestResponse) anonymous = NULL;

  fanfare_test_assert_error (none, 404, "not_found", NULL);
  g_assert_cmpint (put_position (fixture, fixture->book, 600000, "2026-03-01T10:00:00.000Z"), ==, 600000);
  /* The laptop, offline since the morning, sends an older position late. */
  g_assert_cmpint (put_position (fixture, fixture->book, 120000, "2026-03-01T08:00:00.000Z"), ==, 600000);
  g_assert_cmpint (put_position (fixture, fixture->book, 900000, "2026-03-01T11:00:00.500Z"), ==, 900000);

  got = request (fixture, "GET", POSITION (fixture->book), fixture->token, NULL);
  g_assert_cmpint (fanfare_test_response_get_int (got, "position_ms"), ==, 900000);
  g_assert_cmpstr (fanfare_test_response_get_string (got, "edited_at"), ==, "2026-03-01T11:00:00.500Z");

  song = request (fixture, "PUT", POSITION (fixture->song), fixture->token, "{\"position_ms\": 1000}");
  fanfare_test_assert_error (song, 400, "invalid", NULL);
  anonymous = request (fixture, "GET", POSITION (fixture->book), NULL, NULL);
  g_assert_cmpuint (anonymous->status, ==, 401);
}

static void
test_continue_listening (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) after = NULL;
  JsonArray *items;

  put_position (fixture, fixture->book, 900000, "2026-03-01T11:00:00Z");
  put_position (fixture, fixture->mix, 60000, "2026-03-02T11:00:00Z");
  list = fanfare_test_request (fixture->server, "GET", "/api/v1/me/continue-listening", fixture->token, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = fanfare_test_response_get_array (list, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (items, 0),
                                                                                 "track"), "title"), ==, "A Mix");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 1), "position_ms"), ==, 900000);

  /* Listened to the end, the mix leaves the list. */
  put_position (fixture, fixture->mix, 1800000 - 5000, "2026-03-02T12:00:00Z");
  after = fanfare_test_request (fixture->server, "GET", "/api/v1/me/continue-listening", fixture->token, NULL);
  items = fanfare_test_response_get_array (after, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/api/longform/lyrics", Fixture, NULL, fixture_set_up, test_lyrics, fixture_tear_down);
  g_test_add ("/api/longform/positions", Fixture, NULL, fixture_set_up, test_positions, fixture_tear_down);
  g_test_add ("/api/longform/continue-listening", Fixture, NULL, fixture_set_up, test_continue_listening,
              fixture_tear_down);

  return g_test_run ();
}
