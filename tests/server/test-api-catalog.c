/* test-api-catalog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-playlist-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
  gint64             draft_album;
  gint64             public_list;
  gint64             unlisted_list;
  gint64             private_list;
  gint64             artist;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *first[] = { "晴天", "Zoë's Song", "Outro", NULL };
  const char *second[] = { "星河", NULL };
  const char *draft[] = { "Unfinished Secret", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 owner, wang, mei, album;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 1", FANFARE_USER_ROLE_ARTIST);
  fixture->artist = fanfare_catalog_store_get_artist_for_user (store.db, owner, &error);
  g_assert_no_error (error);
  wang = fanfare_test_store_add_user (&store, "wang", "Wang", FANFARE_USER_ROLE_ARTIST);
  mei = fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "stranger", "stranger pass 3", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "root", "root password 4", FANFARE_USER_ROLE_ADMIN);

  album = fanfare_test_store_add_album (&store, fixture->artist, "夏天的风", "2025-07-01", first, TRUE);
  fanfare_test_store_add_album (&store, fixture->artist, "星河来信", "2026-02-01", second, TRUE);
  fanfare_test_store_add_album (&store, wang, "Old Roads", "2019-05-05", second, TRUE);
  fanfare_test_store_add_album (&store, wang, "Night Tapes", "2023-09-09", first, TRUE);
  fanfare_test_store_add_album (&store, wang, "Blue Hour", "2024-01-01", second, TRUE);
  fixture->draft_album = fanfare_test_store_add_album (&store, fixture->artist, "Draft", "2026-06-01", draft, FALSE);

  fixture->public_list = fanfare_playlist_store_create (store.db, mei, "雨天听什么", "湿漉漉的歌",
                                                        FANFARE_PLAYLIST_VISIBILITY_PUBLIC, &error);
  fixture->unlisted_list = fanfare_playlist_store_create (store.db, mei, "For a friend", NULL,
                                                          FANFARE_PLAYLIST_VISIBILITY_UNLISTED, &error);
  fixture->private_list = fanfare_playlist_store_create (store.db, mei, "Secret diary songs", NULL,
                                                         FANFARE_PLAYLIST_VISIBILITY_PRIVATE, &error);
  g_assert_no_error (error);
  {
    /* The first album's tracks are ids 1 to 3. */
    gint64 tracks[] = { 3, 1, 2 };

    g_assert_true (fanfare_playlist_store_add_tracks (store.db, fixture->public_list, tracks, 3, &error));
    g_assert_true (fanfare_playlist_store_add_tracks (store.db, fixture->private_list, tracks, 1, &error));
  }
  g_assert_cmpint (album, >, 0);

  data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("zhou password 1");
  fanfare_test_note_secret ("mei password 22");
  fanfare_test_note_secret ("root password 4");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
}

static char *
id_path (const char *prefix,
         gint64      id,
         const char *suffix)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT "%s", prefix, id, suffix);
}

static void
test_album_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *previous = g_strdup ("9999-12-31");
  guint pages = 0;

  do
    {
      g_autofree char *path = cursor != NULL
        ? g_strdup_printf ("/api/v1/albums?limit=2&cursor=%s", cursor)
        : g_strdup ("/api/v1/albums?limit=2");
      g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
      JsonArray *items;

      g_assert_cmpuint (response->status, ==, 200);
      items = fanfare_test_response_get_array (response, "items");
      g_assert_cmpuint (json_array_get_length (items), <=, 2);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *album = json_array_get_object_element (items, i);
          const char *date = json_object_get_string_member (album, "release_date");

          g_assert_cmpstr (date, <=, previous);
          g_free (previous);
          previous = g_strdup (date);
          g_assert_cmpstr (json_object_get_string_member (album, "title"), !=, "Draft");
          g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (album, "id"))));
        }

      g_free (cursor);
      cursor = g_strdup (fanfare_test_response_get_string (response, "next_cursor"));
      pages++;
    }
  while (cursor != NULL && pages < 10);

  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);
  g_assert_cmpuint (pages, ==, 3);
}

static void
test_bad_list_parameters (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct {
    const char *path;
    const char *field;
  } cases[] = {
    { "/api/v1/albums?limit=0", "limit" },
    { "/api/v1/albums?limit=101", "limit" },
    { "/api/v1/albums?limit=ten", "limit" },
    { "/api/v1/albums?limit=-3", "limit" },
    { "/api/v1/albums?cursor=not-ours", "cursor" },
    { "/api/v1/albums?cursor=%25%25%25", "cursor" },
    { "/api/v1/artists?cursor=AAAA", "cursor" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FanfareTestResponse) response = NULL;

      response = fanfare_test_request (fixture->server, "GET", cases[i].path, NULL, NULL);
      fanfare_test_assert_error (response, 400, "invalid", cases[i].field);
    }
}

static void
test_album_with_tracks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) response = NULL;
  JsonArray *tracks;
  JsonObject *second;
  g_autofree char *stream_prefix = g_strconcat (fixture->server->url, "/api/v1/tracks/", NULL);

  response = fanfare_test_request (fixture->server, "GET", "/api/v1/albums/1", NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "album.title"), ==, "夏天的风");
  g_assert_cmpstr (fanfare_test_response_get_string (response, "album.artist"), ==, "zhou");
  g_assert_cmpint (fanfare_test_response_get_int (response, "album.track_count"), ==, 3);
  tracks = fanfare_test_response_get_array (response, "tracks");
  g_assert_cmpuint (json_array_get_length (tracks), ==, 3);
  second = json_array_get_object_element (tracks, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "title"), ==, "Zoë's Song");
  g_assert_cmpint (json_object_get_int_member (second, "track_number"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (second, "kind"), ==, "song");
  /* Ids are strings, and URIs point at this server. */
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (second, "id")));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (second, "id")), ==, G_TYPE_STRING);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (second, "uri"), stream_prefix));
}

static void
test_unknown_ids (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *paths[] = {
    "/api/v1/albums/999999", "/api/v1/albums/0", "/api/v1/albums/0123", "/api/v1/albums/abc",
    "/api/v1/albums/99999999999999999999999", "/api/v1/artists/424242", "/api/v1/artists/424242/albums",
    "/api/v1/tracks/777777", "/api/v1/playlists/555", "/api/v1/users/nobody", "/api/v1/users/nobody/playlists",
    "/api/v1/nothing-here", "/api/v2/albums",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(FanfareTestResponse) response = NULL;

      response = fanfare_test_request (fixture->server, "GET", paths[i], NULL, NULL);
      fanfare_test_assert_error (response, 404, "not_found", NULL);
    }
}

static void
test_unpublished_album (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = id_path ("/api/v1/albums/", fixture->draft_album, "");
  g_autofree char *artist_path = id_path ("/api/v1/artists/", fixture->artist, "/albums");
  g_autofree char *owner = fanfare_test_log_in (fixture->server, "zhou", "zhou password 1");
  g_autofree char *stranger = fanfare_test_log_in (fixture->server, "stranger", "stranger pass 3");
  g_autoptr(FanfareTestResponse) anonymous = NULL;
  g_autoptr(FanfareTestResponse) other = NULL;
  g_autoptr(FanfareTestResponse) mine = NULL;
  g_autoptr(FanfareTestResponse) listed = NULL;
  g_autoptr(FanfareTestResponse) listed_mine = NULL;

  anonymous = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
  fanfare_test_assert_error (anonymous, 404, "not_found", NULL);
  other = fanfare_test_request (fixture->server, "GET", path, stranger, NULL);
  fanfare_test_assert_error (other, 404, "not_found", NULL);
  g_assert_false (fanfare_test_response_contains (other, "Unfinished"));

  mine = fanfare_test_request (fixture->server, "GET", path, owner, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (mine, "album.title"), ==, "Draft");

  listed = fanfare_test_request (fixture->server, "GET", artist_path, stranger, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (listed, "items")), ==, 2);
  listed_mine = fanfare_test_request (fixture->server, "GET", artist_path, owner, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (listed_mine, "items")), ==, 3);
}

static void
test_artists (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) one = NULL;
  g_autofree char *path = id_path ("/api/v1/artists/", fixture->artist, "");
  JsonArray *items;

  list = fanfare_test_request (fixture->server, "GET", "/api/v1/artists", NULL, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = fanfare_test_response_get_array (list, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "name"), ==, "Wang");

  one = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
  g_assert_cmpuint (one->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (one, "artist.username"), ==, "zhou");
  g_assert_cmpint (fanfare_test_response_get_int (one, "artist.album_count"), ==, 2);
}

static void
test_track (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) response = NULL;

  response = fanfare_test_request (fixture->server, "GET", "/api/v1/tracks/2", NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "track.album"), ==, "夏天的风");
  g_assert_cmpint (fanfare_test_response_get_int (response, "track.duration_ms"), ==, 181000);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (response, "chapters")), ==, 0);
}

static void
test_playlists (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *public_path = id_path ("/api/v1/playlists/", fixture->public_list, "");
  g_autofree char *unlisted_path = id_path ("/api/v1/playlists/", fixture->unlisted_list, "");
  g_autofree char *private_path = id_path ("/api/v1/playlists/", fixture->private_list, "");
  g_autofree char *owner = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  g_autofree char *stranger = fanfare_test_log_in (fixture->server, "stranger", "stranger pass 3");
  g_autoptr(FanfareTestResponse) shown = NULL;
  g_autoptr(FanfareTestResponse) by_link = NULL;
  g_autoptr(FanfareTestResponse) hidden = NULL;
  g_autoptr(FanfareTestResponse) hidden_anonymous = NULL;
  g_autoptr(FanfareTestResponse) own = NULL;
  g_autoptr(FanfareTestResponse) theirs = NULL;
  g_autoptr(FanfareTestResponse) mine = NULL;
  JsonArray *tracks;

  shown = fanfare_test_request (fixture->server, "GET", public_path, NULL, NULL);
  g_assert_cmpuint (shown->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (shown, "playlist.owner"), ==, "mei");
  g_assert_cmpint (fanfare_test_response_get_int (shown, "playlist.track_count"), ==, 3);
  tracks = fanfare_test_response_get_array (shown, "tracks");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tracks, 0), "title"), ==, "Outro");

  by_link = fanfare_test_request (fixture->server, "GET", unlisted_path, stranger, NULL);
  g_assert_cmpuint (by_link->status, ==, 200);

  /* Another user's private playlist: not found, and nothing of it shown. */
  hidden = fanfare_test_request (fixture->server, "GET", private_path, stranger, NULL);
  fanfare_test_assert_error (hidden, 404, "not_found", NULL);
  g_assert_false (fanfare_test_response_contains (hidden, "diary"));
  hidden_anonymous = fanfare_test_request (fixture->server, "GET", private_path, NULL, NULL);
  fanfare_test_assert_error (hidden_anonymous, 404, "not_found", NULL);
  own = fanfare_test_request (fixture->server, "GET", private_path, owner, NULL);
  g_assert_cmpuint (own->status, ==, 200);

  theirs = fanfare_test_request (fixture->server, "GET", "/api/v1/users/mei/playlists", stranger, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (theirs, "items")), ==, 1);
  mine = fanfare_test_request (fixture->server, "GET", "/api/v1/users/mei/playlists", owner, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (mine, "items")), ==, 3);
}

static guint
count_items (Fixture    *fixture,
             const char *path)
{
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);

  g_assert_cmpuint (response->status, ==, 200);

  return json_array_get_length (fanfare_test_response_get_array (response, "items"));
}

/* Public lists are served from a cache, which a change empties at once. */
static void
test_cache_follows_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *admin = fanfare_test_log_in (fixture->server, "root", "root password 4");
  g_autoptr(FanfareTestResponse) promoted = NULL;

  g_assert_cmpuint (count_items (fixture, "/api/v1/artists"), ==, 2);
  g_assert_cmpuint (count_items (fixture, "/api/v1/artists"), ==, 2);

  promoted = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/stranger/role", admin,
                                   "{\"role\": \"artist\"}");
  g_assert_cmpuint (promoted->status, ==, 200);
  g_assert_cmpuint (count_items (fixture, "/api/v1/artists"), ==, 3);
  g_assert_cmpuint (count_items (fixture, "/api/v1/artists?limit=1"), ==, 1);
}

static FanfareTestResponse *
get_if_none_match (Fixture    *fixture,
                   const char *path,
                   const char *token,
                   const char *etag)
{
  g_autofree char *uri = g_strconcat (fixture->server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", etag);

  return fanfare_test_send (fixture->server, msg);
}

/* An unchanged answer is a 304 without a body, for a client's HTTP cache,
 * whether it came from the anonymous answers' cache or from a handler; a
 * change gives another ETag. */
static void
check_revalidation (Fixture    *fixture,
                    const char *path,
                    const char *token)
{
  g_autoptr(FanfareTestResponse) first = get_if_none_match (fixture, path, token, NULL);
  g_autoptr(FanfareTestResponse) again = get_if_none_match (fixture, path, token, NULL);
  g_autoptr(FanfareTestResponse) unchanged = NULL;
  g_autoptr(FanfareTestResponse) other = NULL;
  const char *etag = soup_message_headers_get_one (first->headers, "ETag");

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_nonnull (etag);
  g_assert_true (g_str_has_prefix (etag, "\"") && g_str_has_suffix (etag, "\""));
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "Cache-Control"), ==, "private, no-cache");
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "ETag"), ==, etag);

  unchanged = get_if_none_match (fixture, path, token, etag);
  g_assert_cmpuint (unchanged->status, ==, 304);
  g_assert_cmpuint (g_bytes_get_size (unchanged->body), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (unchanged->headers, "ETag"), ==, etag);

  other = get_if_none_match (fixture, path, token, "\"0000000000000000-0\"");
  g_assert_cmpuint (other->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (other->body), ==, g_bytes_get_size (first->body));
}

static void
test_revalidation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *admin = fanfare_test_log_in (fixture->server, "root", "root password 4");
  g_autofree char *token = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  g_autoptr(FanfareTestResponse) before = get_if_none_match (fixture, "/api/v1/artists", NULL, NULL);
  g_autoptr(FanfareTestResponse) promoted = NULL;
  g_autoptr(FanfareTestResponse) after = NULL;
  g_autoptr(FanfareTestResponse) error = NULL;
  g_autofree char *private_list = id_path ("/api/v1/playlists/", fixture->private_list, "");

  check_revalidation (fixture, "/api/v1/artists", NULL);
  check_revalidation (fixture, "/api/v1/albums?limit=2", token);
  check_revalidation (fixture, private_list, token);

  /* What changed is answered whole, whatever the caller kept. */
  promoted = fanfare_test_request (fixture->server, "PUT", "/api/v1/users/stranger/role", admin,
                                   "{\"role\": \"artist\"}");
  g_assert_cmpuint (promoted->status, ==, 200);
  after = get_if_none_match (fixture, "/api/v1/artists", NULL, soup_message_headers_get_one (before->headers, "ETag"));
  g_assert_cmpuint (after->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (after->headers, "ETag"), !=,
                   soup_message_headers_get_one (before->headers, "ETag"));

  /* Errors are not validated: nothing to keep. */
  error = get_if_none_match (fixture, "/api/v1/albums/987654", token, NULL);
  g_assert_cmpuint (error->status, ==, 404);
  g_assert_null (soup_message_headers_get_one (error->headers, "ETag"));
}

static void
test_wrong_method (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) response = NULL;

  response = fanfare_test_request (fixture->server, "DELETE", "/api/v1/albums/1", NULL, NULL);
  fanfare_test_assert_error (response, 405, "method_not_allowed", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/api/catalog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("album-pages", test_album_pages);
  ADD ("bad-list-parameters", test_bad_list_parameters);
  ADD ("album-with-tracks", test_album_with_tracks);
  ADD ("unknown-ids", test_unknown_ids);
  ADD ("unpublished-album", test_unpublished_album);
  ADD ("artists", test_artists);
  ADD ("track", test_track);
  ADD ("playlists", test_playlists);
  ADD ("cache-follows-changes", test_cache_follows_changes);
  ADD ("revalidation", test_revalidation);
  ADD ("wrong-method", test_wrong_method);
#undef ADD

  return g_test_run ();
}
