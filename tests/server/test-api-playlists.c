/* test-api-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists made, changed, synced from offline devices, followed, shared
 * with collaborators, shared as a page, and taken through XSPF and M3U8,
 * against the real server. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "fanfare-images.h"
#include "fanfare-playlist-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
  char              *owner;
  char              *friend;
  char              *stranger;
  char              *early;         /* mei's public playlist of a taken back track */
  char              *hidden_cover;  /* the cover of that track's album */
} Fixture;

static GBytes *make_png (void);

/* Track 6, on an album with a cover that its artist took back after mei
 * had put the track in her public playlist "Early". */
static void
add_taken_back (Fixture          *fixture,
                FanfareTestStore *store,
                gint64            artist,
                gint64            owner)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GError) error = NULL;
  g_autofree char *cover_id = fanfare_images_add_bytes (store->media, png, &error);
  g_autofree char *media = fanfare_test_store_add_media (store, "demo take", 9);
  const gint64 track_id = 6;
  FanfareTrackDraft track = {
    .title = "Demo", .kind = FANFARE_TRACK_KIND_SONG, .track_number = 1, .duration_ms = 150000,
    .media_hash = media,
  };
  FanfareAlbumDraft album = {
    .artist_id = artist, .title = "Demo tapes", .genre = "Pop", .release_date = "2026-03-01",
    .cover_id = cover_id, .published = TRUE,
  };
  gint64 album_id, playlist_id;

  g_assert_no_error (error);
  album_id = fanfare_catalog_store_add_album (store->db, &album, &track, 1, &error);
  g_assert_no_error (error);
  playlist_id = fanfare_playlist_store_create (store->db, owner, "Early", NULL,
                                               FANFARE_PLAYLIST_VISIBILITY_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_playlist_store_add_tracks (store->db, playlist_id, &track_id, 1, &error));
  g_assert_true (fanfare_catalog_store_set_album_published (store->db, album_id, FALSE, &error));
  fixture->early = g_strdup_printf ("%" G_GINT64_FORMAT, playlist_id);
  fixture->hidden_cover = g_steal_pointer (&cover_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *songs[] = { "晴天", "Zoë's Song", "Outro", NULL };
  const char *more[] = { "星河", "Night Bus", NULL };
  FanfareTestStore store;
  g_autofree char *data_dir = NULL;
  gint64 artist, mei;

  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "zhou", "周雨桐", FANFARE_USER_ROLE_ARTIST);
  /* Tracks 1 to 3, then 4 and 5. */
  fanfare_test_store_add_album (&store, artist, "夏天的风", "2025-07-01", songs, TRUE);
  fanfare_test_store_add_album (&store, artist, "星河来信", "2026-02-01", more, TRUE);
  mei = fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "lan", "lan password 33", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "stranger", "stranger pass 3", FANFARE_USER_ROLE_LISTENER);
  add_taken_back (fixture, &store, artist, mei);
  data_dir = fanfare_test_store_close (&store);

  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("mei password 22");
  fanfare_test_note_secret ("lan password 33");
  fanfare_test_note_secret ("stranger pass 3");
  fixture->owner = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  fixture->friend = fanfare_test_log_in (fixture->server, "lan", "lan password 33");
  fixture->stranger = fanfare_test_log_in (fixture->server, "stranger", "stranger pass 3");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->owner);
  g_free (fixture->friend);
  g_free (fixture->stranger);
  g_free (fixture->early);
  g_free (fixture->hidden_cover);
}

/* Creates a playlist and answers its id. */
static char *
create (Fixture    *fixture,
        const char *title,
        const char *visibility)
{
  g_autofree char *body = g_strdup_printf ("{\"title\": \"%s\", \"visibility\": \"%s\"}", title, visibility);
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "POST", "/api/v1/playlists",
                                                                  fixture->owner, body);

  g_assert_cmpuint (response->status, ==, 201);

  return g_strdup (fanfare_test_response_get_string (response, "playlist.id"));
}

static guint
request_status (Fixture    *fixture,
                const char *method,
                const char *token,
                const char *body,
                const char *format,
                ...) G_GNUC_PRINTF (5, 6);

static guint
request_status (Fixture    *fixture,
                const char *method,
                const char *token,
                const char *body,
                const char *format,
                ...)
{
  g_autofree char *path = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  response = fanfare_test_request (fixture->server, method, path, token, body);

  return response->status;
}

static FanfareTestResponse *
get_playlist (Fixture    *fixture,
              const char *id,
              const char *token)
{
  g_autofree char *path = g_strconcat ("/api/v1/playlists/", id, NULL);

  return fanfare_test_request (fixture->server, "GET", path, token, NULL);
}

/* The entries' titles in order, joined by "|". */
static char *
entry_titles (Fixture    *fixture,
              const char *id,
              const char *token)
{
  g_autoptr(FanfareTestResponse) response = get_playlist (fixture, id, token);
  g_autoptr(GString) titles = g_string_new (NULL);
  JsonArray *entries;

  g_assert_cmpuint (response->status, ==, 200);
  entries = fanfare_test_response_get_array (response, "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *what = json_object_has_member (entry, "track") ? json_object_get_object_member (entry, "track")
                                                                 : json_object_get_object_member (entry, "local");

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", json_object_get_string_member (what, "title"));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
add (Fixture    *fixture,
     const char *id,
     const char *token,
     const char *body,
     guint       expected_added)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%s/entries", id);
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "POST", path, token, body);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (response, "added"), ==, expected_added);
}

static GBytes *
make_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));

  return g_bytes_new_take (buffer, size);
}

static FanfareTestResponse *
send_bytes (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *token,
            const char *content_type,
            GBytes     *bytes)
{
  g_autofree char *uri = g_strconcat (fixture->server->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, content_type, bytes);

  return fanfare_test_send (fixture->server, msg);
}

static void
test_make_and_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autoptr(FanfareTestResponse) renamed = NULL;
  g_autoptr(FanfareTestResponse) covered = NULL;
  g_autoptr(FanfareTestResponse) read = NULL;
  g_autoptr(GBytes) png = make_png ();
  g_autofree char *path = NULL;
  g_autofree char *titles = NULL;
  const char *body = "{\"title\": \"雨天\", \"client_id\": \"5f0c-aa\"}";
  JsonObject *local;
  const char *id;

  first = fanfare_test_request (fixture->server, "POST", "/api/v1/playlists", fixture->owner, body);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpstr (fanfare_test_response_get_string (first, "playlist.visibility"), ==, "private");
  id = fanfare_test_response_get_string (first, "playlist.id");

  /* The same creation sent again from a queue is the same playlist. */
  again = fanfare_test_request (fixture->server, "POST", "/api/v1/playlists", fixture->owner, body);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (again, "playlist.id"), ==, id);

  path = g_strconcat ("/api/v1/playlists/", id, NULL);
  renamed = fanfare_test_request (fixture->server, "PATCH", path, fixture->owner,
                                  "{\"title\": \"Rainy days\", \"description\": \"湿漉漉的歌\"}");
  g_assert_cmpuint (renamed->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (renamed, "playlist.title"), ==, "Rainy days");
  g_assert_cmpstr (fanfare_test_response_get_string (renamed, "playlist.description"), ==, "湿漉漉的歌");

  add (fixture, id, fixture->owner,
       "{\"entries\": [{\"id\": \"a\", \"track_id\": \"1\"}, {\"id\": \"b\", \"track_id\": \"2\"},"
       " {\"id\": \"c\", \"local\": {\"title\": \"Demo take 3\", \"artist\": \"Me\", \"duration_ms\": 61000}}]}", 3);
  add (fixture, id, fixture->owner, "{\"entries\": [{\"id\": \"d\", \"track_id\": \"4\"}], \"first\": true}", 1);
  add (fixture, id, fixture->owner, "{\"entries\": [{\"id\": \"e\", \"track_id\": \"5\"}], \"after\": \"a\"}", 1);
  titles = entry_titles (fixture, id, fixture->owner);
  g_assert_cmpstr (titles, ==, "星河|晴天|Night Bus|Zoë's Song|Demo take 3");

  /* Move the local track first, remove "晴天". */
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->owner, "{\"first\": true}",
                                    "/api/v1/playlists/%s/entries/c/position", id), ==, 204);
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->owner, NULL,
                                    "/api/v1/playlists/%s/entries/a", id), ==, 204);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->owner, "{\"first\": true}",
                                    "/api/v1/playlists/%s/entries/zz/position", id), ==, 404);
  g_clear_pointer (&titles, g_free);
  titles = entry_titles (fixture, id, fixture->owner);
  g_assert_cmpstr (titles, ==, "Demo take 3|星河|Night Bus|Zoë's Song");

  read = get_playlist (fixture, id, fixture->owner);
  g_assert_cmpint (fanfare_test_response_get_int (read, "playlist.track_count"), ==, 4);
  local = json_array_get_object_element (fanfare_test_response_get_array (read, "entries"), 0);
  g_assert_false (json_object_get_boolean_member (local, "available"));
  g_assert_cmpstr (json_object_get_string_member (local, "added_by"), ==, "mei");
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (read, "tracks")), ==, 3);

  {
    g_autofree char *cover_path = g_strconcat (path, "/cover", NULL);

    covered = send_bytes (fixture, "PUT", cover_path, fixture->owner, "image/png", png);
    g_assert_cmpuint (covered->status, ==, 200);
    g_assert_true (g_str_has_prefix (fanfare_test_response_get_string (covered, "playlist.cover_uri"),
                                     fixture->server->url));
  }

  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->owner, NULL, "%s", path), ==, 204);
  g_assert_cmpuint (request_status (fixture, "GET", fixture->owner, NULL, "%s", path), ==, 404);
}

static void
test_strangers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *private = create (fixture, "Diary", "private");
  g_autofree char *public = create (fixture, "Open", "public");
  g_autoptr(GBytes) png = make_png ();
  const char *entry = "{\"entries\": [{\"id\": \"x\", \"track_id\": \"1\"}]}";

  /* A private playlist does not exist for them, whatever they try. */
  g_assert_cmpuint (request_status (fixture, "GET", fixture->stranger, NULL, "/api/v1/playlists/%s", private),
                    ==, 404);
  g_assert_cmpuint (request_status (fixture, "GET", NULL, NULL, "/api/v1/playlists/%s", private), ==, 404);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->stranger, "{\"title\": \"Mine\"}",
                                    "/api/v1/playlists/%s", private), ==, 404);
  g_assert_cmpuint (request_status (fixture, "POST", fixture->stranger, entry,
                                    "/api/v1/playlists/%s/entries", private), ==, 404);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->stranger, NULL,
                                    "/api/v1/playlists/%s/follow", private), ==, 404);
  g_assert_cmpuint (request_status (fixture, "GET", fixture->stranger, NULL,
                                    "/api/v1/playlists/%s/export?format=xspf", private), ==, 404);
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->stranger, NULL, "/api/v1/playlists/%s", private),
                    ==, 404);
  {
    g_autofree char *cover = g_strdup_printf ("/api/v1/playlists/%s/cover", private);
    g_autoptr(FanfareTestResponse) response = send_bytes (fixture, "PUT", cover, fixture->stranger, "image/png",
                                                          png);

    g_assert_cmpuint (response->status, ==, 404);
  }

  /* A public one they see, and may not change. */
  g_assert_cmpuint (request_status (fixture, "GET", fixture->stranger, NULL, "/api/v1/playlists/%s", public),
                    ==, 200);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->stranger, "{\"title\": \"Mine\"}",
                                    "/api/v1/playlists/%s", public), ==, 403);
  g_assert_cmpuint (request_status (fixture, "POST", fixture->stranger, entry,
                                    "/api/v1/playlists/%s/entries", public), ==, 403);
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->stranger, NULL,
                                    "/api/v1/playlists/%s/entries/x", public), ==, 403);
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->stranger, NULL, "/api/v1/playlists/%s", public),
                    ==, 403);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->stranger, NULL,
                                    "/api/v1/playlists/%s/collaborators/stranger", public), ==, 403);
  g_assert_cmpuint (request_status (fixture, "POST", NULL, "{\"title\": \"x\"}", "/api/v1/playlists"), ==, 401);
}

static void
test_offline_sync (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = create (fixture, "Road trip", "private");
  g_autofree char *titles = NULL;
  g_autoptr(FanfareTestResponse) read = NULL;
  const char *batch = "{\"entries\": [{\"id\": \"p1\", \"track_id\": \"1\"}, {\"id\": \"p2\", \"track_id\": \"2\"}]}";

  /* The phone sends its queue, loses the answer and sends it again. */
  add (fixture, id, fixture->owner, batch, 2);
  add (fixture, id, fixture->owner, batch, 0);

  /* The laptop removed p3 offline before the phone's addition of it
   * arrived: it stays removed. */
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->owner, NULL,
                                    "/api/v1/playlists/%s/entries/p3", id), ==, 204);
  add (fixture, id, fixture->owner, "{\"entries\": [{\"id\": \"p3\", \"track_id\": \"3\"}]}", 0);
  titles = entry_titles (fixture, id, fixture->owner);
  g_assert_cmpstr (titles, ==, "晴天|Zoë's Song");

  /* Each field keeps its latest change, whatever order they arrive in. */
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->owner,
                                    "{\"title\": \"Newest title\", \"edited_at\": \"2026-05-01T10:00:00Z\"}",
                                    "/api/v1/playlists/%s", id), ==, 200);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->owner,
                                    "{\"title\": \"Older title\", \"description\": \"Newest words\","
                                    " \"edited_at\": {\"title\": \"2026-05-01T09:00:00Z\","
                                    " \"description\": \"2026-05-01T11:00:00Z\"}}",
                                    "/api/v1/playlists/%s", id), ==, 200);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->owner,
                                    "{\"description\": \"Older words\", \"edited_at\": \"2026-05-01T10:30:00Z\"}",
                                    "/api/v1/playlists/%s", id), ==, 200);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->owner, "{\"edited_at\": \"yesterday\"}",
                                    "/api/v1/playlists/%s", id), ==, 400);
  read = get_playlist (fixture, id, fixture->owner);
  g_assert_cmpstr (fanfare_test_response_get_string (read, "playlist.title"), ==, "Newest title");
  g_assert_cmpstr (fanfare_test_response_get_string (read, "playlist.description"), ==, "Newest words");

  /* An older move loses to a newer one. */
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->owner,
                                    "{\"first\": true, \"edited_at\": \"2026-05-01T12:00:00Z\"}",
                                    "/api/v1/playlists/%s/entries/p2/position", id), ==, 204);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->owner,
                                    "{\"after\": \"p1\", \"edited_at\": \"2026-05-01T11:00:00Z\"}",
                                    "/api/v1/playlists/%s/entries/p2/position", id), ==, 204);
  g_clear_pointer (&titles, g_free);
  titles = entry_titles (fixture, id, fixture->owner);
  g_assert_cmpstr (titles, ==, "Zoë's Song|晴天");
}

static void
test_follow_and_collaborate (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *public = create (fixture, "Open", "public");
  g_autofree char *private = create (fixture, "Together", "private");
  g_autoptr(FanfareTestResponse) followed = NULL;
  g_autoptr(FanfareTestResponse) invited = NULL;
  g_autofree char *follow_path = g_strdup_printf ("/api/v1/playlists/%s/follow", public);
  JsonArray *collaborators;

  followed = fanfare_test_request (fixture->server, "PUT", follow_path, fixture->stranger, NULL);
  g_assert_cmpuint (followed->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (followed, "playlist.follower_count"), ==, 1);
  g_assert_true (json_node_get_boolean (json_object_get_member (
                                          json_object_get_object_member (json_node_get_object (followed->json), "playlist"), "following")));
  g_clear_pointer (&followed, fanfare_test_response_free);
  followed = fanfare_test_request (fixture->server, "PUT", follow_path, fixture->stranger, NULL);
  g_assert_cmpint (fanfare_test_response_get_int (followed, "playlist.follower_count"), ==, 1);
  g_clear_pointer (&followed, fanfare_test_response_free);
  followed = fanfare_test_request (fixture->server, "PUT", follow_path, fixture->friend, NULL);
  g_assert_cmpint (fanfare_test_response_get_int (followed, "playlist.follower_count"), ==, 2);
  g_clear_pointer (&followed, fanfare_test_response_free);
  followed = fanfare_test_request (fixture->server, "GET", "/api/v1/me/followed-playlists", fixture->stranger,
                                   NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (followed, "items")), ==, 1);
  g_clear_pointer (&followed, fanfare_test_response_free);
  followed = fanfare_test_request (fixture->server, "DELETE", follow_path, fixture->stranger, NULL);
  g_assert_cmpint (fanfare_test_response_get_int (followed, "playlist.follower_count"), ==, 1);
  g_clear_pointer (&followed, fanfare_test_response_free);
  followed = fanfare_test_request (fixture->server, "GET", "/api/v1/me/followed-playlists", fixture->stranger,
                                   NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (followed, "items")), ==, 0);

  /* The owner invites lan into a private playlist. */
  g_assert_cmpuint (request_status (fixture, "GET", fixture->friend, NULL, "/api/v1/playlists/%s", private), ==,
                    404);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%s/collaborators/lan", private);

    invited = fanfare_test_request (fixture->server, "PUT", path, fixture->owner, NULL);
  }
  g_assert_cmpuint (invited->status, ==, 200);
  collaborators = fanfare_test_response_get_array (invited, "playlist.collaborators");
  g_assert_cmpuint (json_array_get_length (collaborators), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (collaborators, 0), ==, "lan");

  add (fixture, private, fixture->friend, "{\"entries\": [{\"id\": \"lan-1\", \"track_id\": \"4\"}]}", 1);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->friend, "{\"title\": \"Ours\"}",
                                    "/api/v1/playlists/%s", private), ==, 200);
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->friend, "{\"visibility\": \"public\"}",
                                    "/api/v1/playlists/%s", private), ==, 403);
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->friend, NULL, "/api/v1/playlists/%s", private),
                    ==, 403);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->friend, NULL,
                                    "/api/v1/playlists/%s/collaborators/stranger", private), ==, 403);
  g_assert_cmpuint (request_status (fixture, "GET", fixture->stranger, NULL, "/api/v1/playlists/%s", private), ==,
                    404);

  /* Revoked, the playlist is gone for them again. */
  g_assert_cmpuint (request_status (fixture, "DELETE", fixture->owner, NULL,
                                    "/api/v1/playlists/%s/collaborators/lan", private), ==, 200);
  g_assert_cmpuint (request_status (fixture, "GET", fixture->friend, NULL, "/api/v1/playlists/%s", private), ==,
                    404);
  g_assert_cmpuint (request_status (fixture, "POST", fixture->friend,
                                    "{\"entries\": [{\"id\": \"lan-2\", \"track_id\": \"4\"}]}",
                                    "/api/v1/playlists/%s/entries", private), ==, 404);
}

static void
test_share_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *unlisted = create (fixture, "<b>Loud</b> & proud", "unlisted");
  g_autofree char *private = create (fixture, "Hidden", "private");
  g_autofree char *path = g_strconcat ("/p/", unlisted, NULL);
  g_autofree char *link = g_strdup_printf ("href=\"fanfare://playlist/%s\"", unlisted);
  g_autoptr(FanfareTestResponse) page = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
  g_autofree char *html = g_strndup (g_bytes_get_data (page->body, NULL), g_bytes_get_size (page->body));

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (page->headers, NULL), "text/html"));
  g_assert_nonnull (strstr (html, "<title>&lt;b&gt;Loud&lt;/b&gt; &amp; proud</title>"));
  g_assert_null (strstr (html, "<b>Loud"));
  g_assert_nonnull (strstr (html, link));

  /* Not even its owner shares a private playlist this way. */
  g_assert_cmpuint (request_status (fixture, "GET", fixture->owner, NULL, "/p/%s", private), ==, 404);
}

/* Exports @id, imports the file as a new playlist and answers it. */
static FanfareTestResponse *
round_trip (Fixture    *fixture,
            const char *id,
            const char *format)
{
  g_autofree char *export_path = g_strdup_printf ("/api/v1/playlists/%s/export?format=%s", id, format);
  g_autofree char *import_path = g_strdup_printf ("/api/v1/playlists/import?format=%s", format);
  g_autoptr(FanfareTestResponse) exported = fanfare_test_request (fixture->server, "GET", export_path,
                                                                  fixture->owner, NULL);

  g_assert_cmpuint (exported->status, ==, 200);

  return send_bytes (fixture, "POST", import_path, fixture->owner, "text/plain", exported->body);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = create (fixture, "Mixed & matched", "public");
  g_autofree char *original = NULL;
  const char *formats[] = { "xspf", "m3u8" };

  add (fixture, id, fixture->owner,
       "{\"entries\": [{\"id\": \"1\", \"track_id\": \"2\"}, {\"id\": \"2\", \"local\": {\"title\": \"Bootleg\","
       " \"artist\": \"Nobody\", \"album\": \"Live\"}}, {\"id\": \"3\", \"track_id\": \"4\"}]}", 3);
  original = entry_titles (fixture, id, fixture->owner);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(FanfareTestResponse) imported = round_trip (fixture, id, formats[f]);
      g_autofree char *copy = NULL;
      JsonArray *unmatched;

      g_assert_cmpuint (imported->status, ==, 201);
      g_assert_cmpstr (fanfare_test_response_get_string (imported, "playlist.title"), ==, "Mixed & matched");
      g_assert_cmpstr (fanfare_test_response_get_string (imported, "playlist.visibility"), ==, "private");
      g_assert_cmpint (fanfare_test_response_get_int (imported, "matched"), ==, 2);
      unmatched = fanfare_test_response_get_array (imported, "unmatched");
      g_assert_cmpuint (json_array_get_length (unmatched), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (unmatched, 0), "artist"), ==,
                       "Nobody");
      copy = entry_titles (fixture, fanfare_test_response_get_string (imported, "playlist.id"), fixture->owner);
      g_assert_cmpstr (copy, ==, original);
    }

  /* From another player: matched by artist and title, letter case aside. */
  {
    const char *m3u = "#EXTM3U\n#EXTINF:200,周雨桐 - night bus\n/music/nb.flac\n"
                      "#EXTINF:100,Someone Else - Night Bus\n/music/other.flac\n/music/Unknown Thing.mp3\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (m3u, strlen (m3u));
    g_autoptr(FanfareTestResponse) imported = send_bytes (fixture, "POST",
                                                          "/api/v1/playlists/import?format=m3u8&title=Mine",
                                                          fixture->owner, "audio/x-mpegurl", bytes);
    g_autofree char *titles = NULL;

    g_assert_cmpuint (imported->status, ==, 201);
    g_assert_cmpint (fanfare_test_response_get_int (imported, "matched"), ==, 1);
    g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (imported, "unmatched")), ==, 2);
    titles = entry_titles (fixture, fanfare_test_response_get_string (imported, "playlist.id"), fixture->owner);
    g_assert_cmpstr (titles, ==, "Night Bus|Night Bus|Unknown Thing");
  }

  /* A title given must fit; a file's own is cut to fit. */
  {
    g_autofree char *long_title = g_strnfill (101, 'x');
    g_autofree char *path = g_strdup_printf ("/api/v1/playlists/import?format=m3u8&title=%s", long_title);
    g_autofree char *file = g_strdup_printf ("#EXTM3U\n#PLAYLIST:%s\n/music/a.mp3\n", long_title);
    g_autoptr(GBytes) bytes = g_bytes_new (file, strlen (file));
    g_autoptr(FanfareTestResponse) refused = send_bytes (fixture, "POST", path, fixture->owner, "audio/x-mpegurl",
                                                         bytes);
    g_autoptr(FanfareTestResponse) cut = send_bytes (fixture, "POST", "/api/v1/playlists/import?format=m3u8",
                                                     fixture->owner, "audio/x-mpegurl", bytes);

    fanfare_test_assert_error (refused, 400, "invalid", "title");
    g_assert_cmpuint (cut->status, ==, 201);
    g_assert_cmpuint (strlen (fanfare_test_response_get_string (cut, "playlist.title")), ==, 100);
  }

  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("<playlist><trackList>", 21);
    g_autoptr(FanfareTestResponse) refused = send_bytes (fixture, "POST", "/api/v1/playlists/import?format=xspf",
                                                         fixture->owner, "application/xspf+xml", junk);

    fanfare_test_assert_error (refused, 400, "invalid", "XSPF");
  }
}

/* A local track's duration comes from the client or from a file: one
 * beyond any song is refused, or dropped from a file, and never breaks
 * reading the playlist. */
static void
test_absurd_durations (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = create (fixture, "Long ones", "public");
  g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%s/entries", id);
  g_autoptr(FanfareTestResponse) refused = NULL;
  g_autoptr(FanfareTestResponse) read = NULL;
  const char *m3u = "#EXTM3U\n#EXTINF:99999999999999999999,Nobody - Forever\n/music/forever.mp3\n";
  const char *xspf = "<?xml version=\"1.0\"?><playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">"
                     "<trackList><track><title>One</title><duration>9223372036854775807</duration></track>"
                     "<track><title>Two</title><duration>9223372036854775807</duration></track>"
                     "</trackList></playlist>";
  const char *files[][2] = { { "m3u8", m3u }, { "xspf", xspf } };

  refused = fanfare_test_request (fixture->server, "POST", path, fixture->owner,
                                  "{\"entries\": [{\"id\": \"a\", \"local\": {\"title\": \"Forever\","
                                  " \"duration_ms\": 9000000000000000000}}]}");
  fanfare_test_assert_error (refused, 400, "invalid", "duration_ms");
  read = get_playlist (fixture, id, NULL);
  g_assert_cmpuint (read->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (read, "playlist.track_count"), ==, 0);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *import_path = g_strdup_printf ("/api/v1/playlists/import?format=%s", files[f][0]);
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[f][1], strlen (files[f][1]));
      g_autoptr(FanfareTestResponse) imported = send_bytes (fixture, "POST", import_path, fixture->owner,
                                                            "text/plain", bytes);
      g_autoptr(FanfareTestResponse) copy = NULL;

      g_assert_cmpuint (imported->status, ==, 201);
      copy = get_playlist (fixture, fanfare_test_response_get_string (imported, "playlist.id"), fixture->owner);
      g_assert_cmpuint (copy->status, ==, 200);
      g_assert_cmpint (fanfare_test_response_get_int (copy, "playlist.duration_ms"), ==, 0);
    }
}

/* A change dated far ahead would win against every later one: a
 * collaborator could pin the title or an entry's place for good. */
static void
test_future_edit_times (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = create (fixture, "Together", "private");
  g_autofree char *titles = NULL;
  g_autoptr(FanfareTestResponse) read = NULL;

  g_assert_cmpuint (request_status (fixture, "PUT", fixture->owner, NULL,
                                    "/api/v1/playlists/%s/collaborators/lan", id), ==, 200);
  add (fixture, id, fixture->owner,
       "{\"entries\": [{\"id\": \"p1\", \"track_id\": \"1\"}, {\"id\": \"p2\", \"track_id\": \"2\"}]}", 2);

  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->friend,
                                    "{\"title\": \"Mine forever\", \"edited_at\": \"2999-01-01T00:00:00Z\"}",
                                    "/api/v1/playlists/%s", id), ==, 200);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->friend,
                                    "{\"after\": \"p2\", \"edited_at\": \"2999-01-01T00:00:00Z\"}",
                                    "/api/v1/playlists/%s/entries/p1/position", id), ==, 204);

  /* The owner's changes made afterwards win. */
  g_assert_cmpuint (request_status (fixture, "PATCH", fixture->owner, "{\"title\": \"Ours\"}",
                                    "/api/v1/playlists/%s", id), ==, 200);
  g_assert_cmpuint (request_status (fixture, "PUT", fixture->owner, "{\"first\": true}",
                                    "/api/v1/playlists/%s/entries/p1/position", id), ==, 204);
  read = get_playlist (fixture, id, fixture->owner);
  g_assert_cmpstr (fanfare_test_response_get_string (read, "playlist.title"), ==, "Ours");
  titles = entry_titles (fixture, id, fixture->owner);
  g_assert_cmpstr (titles, ==, "晴天|Zoë's Song");
}

/* A track kept local is known by its name, never by where it lies on
 * the device, whatever the device's kind of path. */
static void
test_import_keeps_no_paths (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *m3u = "#EXTM3U\nC:\\Users\\alice\\Music\\Secret Song.mp3\n/home/alice/Music/Other Song.flac\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (m3u, strlen (m3u));
  g_autoptr(FanfareTestResponse) imported = send_bytes (fixture, "POST", "/api/v1/playlists/import?format=m3u8",
                                                        fixture->owner, "audio/x-mpegurl", bytes);
  g_autoptr(FanfareTestResponse) read = NULL;
  g_autofree char *titles = NULL;
  const char *id;

  g_assert_cmpuint (imported->status, ==, 201);
  id = fanfare_test_response_get_string (imported, "playlist.id");
  titles = entry_titles (fixture, id, fixture->owner);
  g_assert_cmpstr (titles, ==, "Secret Song|Other Song");
  read = get_playlist (fixture, id, fixture->owner);
  g_assert_false (fanfare_test_response_contains (read, "alice"));
}

/* A playlist without a cover of its own shows its first album's; one
 * that its artist took back shows to nobody through a playlist. */
static void
test_taken_back_cover (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) read = get_playlist (fixture, fixture->early, fixture->stranger);
  g_autoptr(FanfareTestResponse) listed = fanfare_test_request (fixture->server, "GET",
                                                                "/api/v1/users/mei/playlists", NULL, NULL);

  g_assert_cmpuint (read->status, ==, 200);
  g_assert_false (fanfare_test_response_contains (read, fixture->hidden_cover));
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (listed, "items")), ==, 1);
  g_assert_false (fanfare_test_response_contains (listed, fixture->hidden_cover));
}

/* However many additions come, a playlist stays one anyone can read. */
static void
test_entry_cap (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = create (fixture, "Everything", "public");
  g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%s/entries", id);
  g_autoptr(FanfareTestResponse) refused = NULL;
  g_autoptr(FanfareTestResponse) read = NULL;
  g_autofree char *last = NULL;

  for (guint batch = 0; batch <= 10; batch++)
    {
      g_autoptr(GString) body = g_string_new ("{\"entries\": [");

      for (guint i = 0; i < 1000; i++)
        g_string_append_printf (body, "%s{\"id\": \"e%u-%u\", \"local\": {\"title\": \"Song %u\"}}",
                                i > 0 ? ", " : "", batch, i, i);
      g_string_append (body, "]}");
      if (batch < 10)
        {
          add (fixture, id, fixture->owner, body->str, 1000);
          g_free (last);
          last = g_strdup (body->str);
        }
      else
        refused = fanfare_test_request (fixture->server, "POST", path, fixture->owner, body->str);
    }

  fanfare_test_assert_error (refused, 400, "invalid", "entries");
  /* The last batch sent again still finds its entries. */
  add (fixture, id, fixture->owner, last, 0);
  read = get_playlist (fixture, id, NULL);
  g_assert_cmpuint (read->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (read, "playlist.track_count"), ==, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/playlists/make-and-change", test_make_and_change);
  ADD ("/api/playlists/strangers", test_strangers);
  ADD ("/api/playlists/offline-sync", test_offline_sync);
  ADD ("/api/playlists/follow-and-collaborate", test_follow_and_collaborate);
  ADD ("/api/playlists/share-page", test_share_page);
  ADD ("/api/playlists/import-export", test_import_export);
  ADD ("/api/playlists/absurd-durations", test_absurd_durations);
  ADD ("/api/playlists/future-edit-times", test_future_edit_times);
  ADD ("/api/playlists/import-keeps-no-paths", test_import_keeps_no_paths);
  ADD ("/api/playlists/taken-back-cover", test_taken_back_cover);
  ADD ("/api/playlists/entry-cap", test_entry_cap);

  return g_test_run ();
}
