/* test-api-playlist-pages.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A long playlist read a page at a time, against the real server: the
 * pages hold every entry once, in order, with the full count on each;
 * a change between pages does not make the next one start elsewhere;
 * a page read at an offset holds the entries there; cursors and offsets
 * are checked; and who may not see it still may not. */

#include "config.h"

#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define LENGTH 250

typedef struct {
  FanfareTestServer *server;
  char              *owner;
  char              *stranger;
  char              *id;       /* a private playlist of LENGTH entries */
} Fixture;

static FanfareTestResponse *
get (Fixture    *fixture,
     const char *token,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

static FanfareTestResponse *
get (Fixture    *fixture,
     const char *token,
     const char *format,
     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  return fanfare_test_request (fixture->server, "GET", path, token, NULL);
}

/* Adds entries e0 … e(LENGTH - 1), of tracks 1 to 5 in turn. */
static void
fill (Fixture *fixture)
{
  g_autoptr(GString) body = g_string_new ("{\"entries\": [");
  g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%s/entries", fixture->id);
  g_autoptr(FanfareTestResponse) response = NULL;

  for (guint i = 0; i < LENGTH; i++)
    g_string_append_printf (body, "%s{\"id\": \"e%u\", \"track_id\": \"%u\"}", i > 0 ? ", " : "", i, i % 5 + 1);
  g_string_append (body, "]}");
  response = fanfare_test_request (fixture->server, "POST", path, fixture->owner, body->str);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (response, "added"), ==, LENGTH);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *songs[] = { "晴天", "Zoë's Song", "Outro", "星河", "Night Bus", NULL };
  g_autoptr(FanfareTestResponse) created = NULL;
  g_autofree char *data_dir = NULL;
  FanfareTestStore store;
  gint64 artist;

  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "zhou", "周雨桐", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_album (&store, artist, "夏天的风", "2025-07-01", songs, TRUE);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "stranger", "stranger pass 3", FANFARE_USER_ROLE_LISTENER);
  data_dir = fanfare_test_store_close (&store);

  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("mei password 22");
  fanfare_test_note_secret ("stranger pass 3");
  fixture->owner = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  fixture->stranger = fanfare_test_log_in (fixture->server, "stranger", "stranger pass 3");

  created = fanfare_test_request (fixture->server, "POST", "/api/v1/playlists", fixture->owner,
                                  "{\"title\": \"Everything\"}");
  g_assert_cmpuint (created->status, ==, 201);
  fixture->id = g_strdup (fanfare_test_response_get_string (created, "playlist.id"));
  fill (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->owner);
  g_free (fixture->stranger);
  g_free (fixture->id);
}

static const char *
entry_id (FanfareTestResponse *page,
          guint                index)
{
  JsonArray *items = fanfare_test_response_get_array (page, "items");

  return json_object_get_string_member (json_array_get_object_element (items, index), "id");
}

/* The next page's cursor, or NULL after the last. */
static char *
next_cursor (FanfareTestResponse *page)
{
  JsonNode *cursor = json_object_get_member (json_node_get_object (page->json), "next_cursor");

  g_assert_nonnull (cursor);

  return JSON_NODE_HOLDS_NULL (cursor) ? NULL : g_uri_escape_string (json_node_get_string (cursor), NULL, FALSE);
}

static void
test_all_in_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *cursor = NULL;
  guint seen = 0;
  guint pages = 0;

  do
    {
      g_autoptr(FanfareTestResponse) page = NULL;
      JsonArray *items;

      if (cursor == NULL)
        page = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=100", fixture->id);
      else
        page = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=100&cursor=%s", fixture->id, cursor);
      g_assert_cmpuint (page->status, ==, 200);
      items = fanfare_test_response_get_array (page, "items");
      g_assert_cmpuint (json_array_get_length (items), ==, MIN (100, LENGTH - seen));
      g_assert_cmpint (fanfare_test_response_get_int (page, "playlist.track_count"), ==, LENGTH);
      for (guint i = 0; i < json_array_get_length (items); i++, seen++)
        {
          g_autofree char *expected = g_strdup_printf ("e%u", seen);
          JsonObject *entry = json_array_get_object_element (items, i);

          g_assert_cmpstr (entry_id (page, i), ==, expected);
          g_assert_true (json_object_get_boolean_member (entry, "available"));
          g_assert_true (json_object_has_member (entry, "track"));
        }
      g_free (cursor);
      cursor = next_cursor (page);
      pages++;
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen, ==, LENGTH);
  g_assert_cmpuint (pages, ==, 3);
}

/* The last entry of a page removed, and the first of the next moved to
 * the top, before the next page is read: it starts where the first ended. */
static void
test_changes_between_pages (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) second = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *move = NULL;
  g_autoptr(FanfareTestResponse) removed = NULL;
  g_autoptr(FanfareTestResponse) moved = NULL;

  first = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=10", fixture->id);
  g_assert_cmpstr (entry_id (first, 9), ==, "e9");
  cursor = next_cursor (first);

  remove = g_strdup_printf ("/api/v1/playlists/%s/entries/e9", fixture->id);
  removed = fanfare_test_request (fixture->server, "DELETE", remove, fixture->owner, NULL);
  g_assert_cmpuint (removed->status, ==, 204);
  move = g_strdup_printf ("/api/v1/playlists/%s/entries/e10/position", fixture->id);
  moved = fanfare_test_request (fixture->server, "PUT", move, fixture->owner, "{\"first\": true}");
  g_assert_cmpuint (moved->status, ==, 204);

  second = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=10&cursor=%s", fixture->id, cursor);
  g_assert_cmpuint (second->status, ==, 200);
  g_assert_cmpstr (entry_id (second, 0), ==, "e11");
  g_assert_cmpint (fanfare_test_response_get_int (second, "playlist.track_count"), ==, LENGTH - 1);
}

static void
test_cursors_checked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) bad = NULL;
  g_autoptr(FanfareTestResponse) elsewhere = NULL;
  g_autoptr(FanfareTestResponse) created = NULL;
  g_autoptr(FanfareTestResponse) too_many = NULL;
  g_autofree char *cursor = NULL;

  first = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=5", fixture->id);
  cursor = next_cursor (first);
  g_assert_nonnull (cursor);

  bad = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?cursor=bm90IGEgY3Vyc29y", fixture->id);
  fanfare_test_assert_error (bad, 400, "invalid", "cursor");

  created = fanfare_test_request (fixture->server, "POST", "/api/v1/playlists", fixture->owner,
                                  "{\"title\": \"Other\"}");
  elsewhere = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?cursor=%s",
                   fanfare_test_response_get_string (created, "playlist.id"), cursor);
  fanfare_test_assert_error (elsewhere, 400, "invalid", "cursor");

  too_many = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=101", fixture->id);
  fanfare_test_assert_error (too_many, 400, "invalid", "limit");
}

/* The page the user jumped to: the entries after @offset, the last with
 * no next page, and none past the end. */
static void
test_offset (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) middle = NULL;
  g_autoptr(FanfareTestResponse) last = NULL;
  g_autoptr(FanfareTestResponse) past = NULL;
  g_autoptr(FanfareTestResponse) negative = NULL;
  g_autoptr(FanfareTestResponse) both = NULL;
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *last_cursor = NULL;

  middle = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=10&offset=120", fixture->id);
  g_assert_cmpuint (middle->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (middle, "items")), ==, 10);
  g_assert_cmpstr (entry_id (middle, 0), ==, "e120");
  g_assert_cmpstr (entry_id (middle, 9), ==, "e129");
  g_assert_cmpint (fanfare_test_response_get_int (middle, "playlist.track_count"), ==, LENGTH);
  cursor = next_cursor (middle);
  g_assert_nonnull (cursor);

  last = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=100&offset=%u", fixture->id, LENGTH - 3);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (last, "items")), ==, 3);
  g_assert_cmpstr (entry_id (last, 2), ==, "e249");
  last_cursor = next_cursor (last);
  g_assert_null (last_cursor);

  past = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?offset=%u", fixture->id, LENGTH);
  g_assert_cmpuint (past->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (past, "items")), ==, 0);

  negative = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?offset=-1", fixture->id);
  fanfare_test_assert_error (negative, 400, "invalid", "offset");
  first = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?limit=5", fixture->id);
  g_clear_pointer (&cursor, g_free);
  cursor = next_cursor (first);
  both = get (fixture, fixture->owner, "/api/v1/playlists/%s/entries?offset=5&cursor=%s", fixture->id, cursor);
  fanfare_test_assert_error (both, 400, "invalid", "offset");
}

static void
test_private (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) stranger = NULL;
  g_autoptr(FanfareTestResponse) anyone = NULL;

  stranger = get (fixture, fixture->stranger, "/api/v1/playlists/%s/entries", fixture->id);
  g_assert_cmpuint (stranger->status, ==, 404);
  anyone = get (fixture, NULL, "/api/v1/playlists/%s/entries", fixture->id);
  g_assert_cmpuint (anyone->status, ==, 404);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/api/playlists/pages/all-in-order", test_all_in_order);
  ADD ("/api/playlists/pages/changes-between-pages", test_changes_between_pages);
  ADD ("/api/playlists/pages/cursors-checked", test_cursors_checked);
  ADD ("/api/playlists/pages/offset", test_offset);
  ADD ("/api/playlists/pages/private", test_private);
#undef ADD

  return g_test_run ();
}
