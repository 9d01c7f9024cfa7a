/* test-client.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fanfare-client-download.h"
#include "fanfare-client.h"
#include "fanfare-error.h"
#include "fanfare-test-client.h"
#include "fanfare-test-utils.h"

static char *demo_dir;

typedef struct {
  FanfareTestServer *server;
  FanfareClient     *client;
  char              *cache_dir;
  GAsyncResult      *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = fanfare_test_demo_server_start (demo_dir);
  fixture->cache_dir = fanfare_test_make_tmpdir ();
  fixture->client = fanfare_client_new (fixture->server->url, fixture->cache_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_assert_finalized (fixture->client);
  fanfare_test_server_stop (fixture->server);
  fanfare_test_rm_rf (fixture->cache_dir);
  g_free (fixture->cache_dir);
}

#define WAIT(fixture) fanfare_test_wait_result (&(fixture)->result)

static void
sign_in (Fixture    *fixture,
         const char *username,
         const char *password)
{
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_sign_in_async (fixture->client, username, password, NULL,
                                fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_username (user), ==, username);
}

static FanfareAlbum *
first_new_release (Fixture     *fixture,
                   GListModel **tracks)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(FanfareAlbum) listed = NULL;
  FanfareAlbum *album;

  fanfare_client_list_new_releases_async (fixture->client, 10, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  albums = fanfare_client_list_new_releases_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (albums), >, 0);
  listed = g_list_model_get_item (albums, 0);
  g_assert_cmpint (fanfare_album_get_source (listed), ==, FANFARE_SOURCE_PLATFORM);
  g_clear_object (&result);

  fanfare_client_get_album_async (fixture->client, fanfare_album_get_id (listed), NULL,
                                  fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  album = fanfare_client_get_album_finish (fixture->client, result, tracks, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_album_get_title (album), ==, fanfare_album_get_title (listed));

  return album;
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(FanfareUser) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_test_note_secret ("a new listener's password");
  fanfare_client_register_async (fixture->client, "new.listener", "New Listener", "a new listener's password",
                                 NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_register_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_display_name (user), ==, "New Listener");
  g_assert_true (fanfare_client_get_signed_in (fixture->client));
  g_assert_true (fanfare_client_get_user (fixture->client) == user);
  g_assert_nonnull (fanfare_client_get_token (fixture->client));
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
  g_clear_object (&result);

  /* The name is taken now: the server's words reach the caller. */
  fanfare_client_register_async (fixture->client, "NEW.listener", NULL, "a new listener's password",
                                 NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  again = fanfare_client_register_finish (fixture->client, result, &error);
  g_assert_null (again);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "taken"));
}

static void
test_sign_in_out (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(FanfareUser) me = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(FanfareSession) session = NULL;
  g_autofree char *token = NULL;

  fanfare_client_sign_in_async (fixture->client, FANFARE_TEST_DEMO_USER, "not the password", NULL,
                                fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (fixture->client, result, &error);
  g_assert_null (user);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "Wrong username or password");
  g_assert_false (fanfare_client_get_signed_in (fixture->client));
  g_clear_error (&error);
  g_clear_object (&result);

  sign_in (fixture, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  token = g_strdup (fanfare_client_get_token (fixture->client));
  fanfare_test_note_secret (token);

  fanfare_client_list_sessions_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  sessions = fanfare_client_list_sessions_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), >=, 1);
  session = g_list_model_get_item (sessions, 0);
  g_assert_true (fanfare_session_get_current (session));
  g_clear_object (&result);

  fanfare_client_sign_out_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  g_assert_true (fanfare_client_sign_out_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  g_assert_false (fanfare_client_get_signed_in (fixture->client));
  g_assert_null (fanfare_client_get_token (fixture->client));
  g_clear_object (&result);

  /* The token was revoked on the server, not only forgotten here. */
  fanfare_client_set_token (fixture->client, token);
  fanfare_client_get_me_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  me = fanfare_client_get_me_finish (fixture->client, result, &error);
  g_assert_null (me);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_assert_null (fanfare_client_get_token (fixture->client));
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, &tracks);
  g_autoptr(FanfareTrack) first = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(FanfareArtist) artist = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (tracks), ==, fanfare_album_get_track_count (album));
  first = g_list_model_get_item (tracks, 0);
  g_assert_cmpint (fanfare_track_get_source (first), ==, FANFARE_SOURCE_PLATFORM);
  g_assert_true (g_str_has_prefix (fanfare_track_get_uri (first), fixture->server->url));

  fanfare_client_get_track_async (fixture->client, fanfare_track_get_id (first), NULL,
                                  fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  track = fanfare_client_get_track_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_track_get_title (track), ==, fanfare_track_get_title (first));
  g_clear_object (&result);

  fanfare_client_get_artist_async (fixture->client, fanfare_album_get_artist_id (album), NULL,
                                   fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  artist = fanfare_client_get_artist_finish (fixture->client, result, &albums, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_artist_get_name (artist), ==, fanfare_album_get_artist (album));
  for (guint i = 0; i < g_list_model_get_n_items (albums); i++)
    {
      g_autoptr(FanfareAlbum) item = g_list_model_get_item (albums, i);

      found |= g_str_equal (fanfare_album_get_id (item), fanfare_album_get_id (album));
    }
  g_assert_true (found);
  g_clear_object (&result);

  fanfare_client_get_album_async (fixture->client, "999999", NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  g_assert_null (fanfare_client_get_album_finish (fixture->client, result, NULL, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, NULL);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  fanfare_client_search_async (fixture->client, fanfare_album_get_title (album), 20, NULL,
                               fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  results = fanfare_client_search_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (results, i);

      if (FANFARE_IS_ALBUM (item))
        found |= g_str_equal (fanfare_album_get_id (FANFARE_ALBUM (item)), fanfare_album_get_id (album));
    }
  g_assert_true (found);
  g_clear_object (&result);

  /* A cancelled search ends with the cancellation and nothing else. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GListModel) none = NULL;

    fanfare_client_search_async (fixture->client, "a", 20, cancellable, fanfare_test_store_result, &fixture->result);
    g_cancellable_cancel (cancellable);
    result = WAIT (fixture);
    none = fanfare_client_search_finish (fixture->client, result, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_true (fanfare_client_get_online (fixture->client));
  }
}

static void
test_stream_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, &tracks);
  g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GBytes) expected = NULL;
  goffset total = 0;

  /* Streams need a session. */
  fanfare_client_read_stream_async (fixture->client, track, 0, 16, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  g_assert_null (fanfare_client_read_stream_finish (fixture->client, result, NULL, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_clear_object (&result);

  sign_in (fixture, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
  fanfare_client_read_stream_async (fixture->client, track, 0, -1, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  whole = fanfare_client_read_stream_finish (fixture->client, result, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, g_bytes_get_size (whole));
  g_assert_cmpint (total, >, 2000);
  g_assert_true (memcmp (g_bytes_get_data (whole, NULL), "OggS", 4) == 0);
  g_clear_object (&result);

  fanfare_client_read_stream_async (fixture->client, track, 1000, 1000, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  part = fanfare_client_read_stream_finish (fixture->client, result, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, g_bytes_get_size (whole));
  expected = g_bytes_new_from_bytes (whole, 1000, 1000);
  g_assert_true (g_bytes_equal (part, expected));
}

static gboolean
has_n_items (gpointer  data)
{
  GListModel *list = data;

  return g_list_model_get_n_items (list) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), "expected"));
}

static void
wait_n_items (GListModel *list,
              guint       n)
{
  g_object_set_data (G_OBJECT (list), "expected", GUINT_TO_POINTER (n));
  g_assert_true (fanfare_test_wait_for (has_n_items, list, 20000));
}

static void
set_saved (Fixture       *fixture,
           FanfareClient *client,
           gpointer       item,
           gboolean       saved)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_set_saved_async (client, item, saved, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  g_assert_true (fanfare_client_set_saved_finish (client, result, &error));
  g_assert_no_error (error);
}

static void
test_library (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, &tracks);
  g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, 0);
  g_autoptr(FanfareClient) next_run = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *saved_albums = fanfare_client_get_saved_albums (fixture->client);

  sign_in (fixture, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
  g_assert_false (fanfare_client_get_saved (fixture->client, album));
  set_saved (fixture, fixture->client, album, TRUE);
  set_saved (fixture, fixture->client, track, TRUE);
  g_assert_true (fanfare_client_get_saved (fixture->client, album));
  g_assert_cmpuint (g_list_model_get_n_items (saved_albums), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_client_get_saved_tracks (fixture->client)), ==, 1);

  /* Another device finds them once signed in. */
  next_run = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_sign_in_async (next_run, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, NULL,
                                fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (next_run, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (next_run));
  wait_n_items (fanfare_client_get_saved_albums (next_run), 1);
  wait_n_items (fanfare_client_get_saved_tracks (next_run), 1);
  g_assert_true (fanfare_client_get_saved (next_run, track));

  set_saved (fixture, next_run, album, FALSE);
  g_assert_false (fanfare_client_get_saved (next_run, album));
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_client_get_saved_albums (next_run)), ==, 0);
}

static void
count_image (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *counts = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fanfare_client_load_image_finish (FANFARE_CLIENT (object), result, &error);

  g_assert_no_error (error);
  /* A JPEG. */
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "\xff\xd8\xff", 3) == 0);
  g_assert_cmpuint (fanfare_client_get_image_loads (FANFARE_CLIENT (object)), <=, 2);
  counts[0]++;
}

static gboolean
all_loaded (gpointer  data)
{
  guint *counts = data;

  return counts[0] == counts[1];
}

static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, NULL);
  const char *sizes[] = { "small", "medium", "large" };
  guint counts[2] = { 0, 12 };
  g_autoptr(GDir) dir = NULL;

  g_assert_nonnull (fanfare_album_get_cover_uri (album));
  fanfare_client_set_max_image_loads (fixture->client, 2);
  for (guint i = 0; i < counts[1]; i++)
    {
      g_autofree char *uri = g_strdup_printf ("%s?size=%s", fanfare_album_get_cover_uri (album),
                                              sizes[i % G_N_ELEMENTS (sizes)]);

      fanfare_client_load_image_async (fixture->client, uri, G_PRIORITY_DEFAULT, NULL, count_image, counts);
      g_assert_cmpuint (fanfare_client_get_image_loads (fixture->client), <=, 2);
    }
  g_assert_true (fanfare_test_wait_for (all_loaded, counts, 20000));

  /* The covers are in the cache on disk for the next run. */
  fanfare_client_flush_cache (fixture->client);
  dir = g_dir_open (fixture->cache_dir, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_nonnull (g_dir_read_name (dir));
}

static void
test_offline (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(FanfareClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autofree char *url = NULL;
  GAsyncResult *slot = NULL;

  /* A port that nothing listens on: bound, never listened to. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_socket_bind (socket, G_SOCKET_ADDRESS (address), FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  client = fanfare_client_new (url, NULL);
  g_assert_true (fanfare_client_get_online (client));
  fanfare_client_list_new_releases_async (client, 10, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  albums = fanfare_client_list_new_releases_finish (client, result, &error);
  g_assert_null (albums);
  g_assert_true (fanfare_client_error_is_offline (error));
  g_assert_cmpstr (error->message, ==, "127.0.0.1 cannot be reached; check the connection");
  g_assert_false (fanfare_client_get_online (client));
}

typedef struct {
  Fixture *fixture;
  goffset  first;     /* where the download started */
  guint    calls;
  gboolean kill;      /* stop the server after the first range */
} Progress;

static void
progress_cb (goffset   done,
             goffset   total,
             gpointer  user_data)
{
  Progress *progress = user_data;

  g_assert_cmpint (done, <=, total);
  if (progress->calls++ == 0)
    progress->first = done;
  if (progress->kill && progress->calls == 1)
    fanfare_test_server_kill (progress->fixture->server);
}

static gboolean
download (Fixture      *fixture,
          FanfareTrack *track,
          GFile        *file,
          Progress     *progress,
          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_download_track_async (fixture->client, track, file, 1024, progress_cb, progress, NULL,
                                       fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);

  return fanfare_client_download_track_finish (fixture->client, result, error);
}

/* A download cut off when the server stops resumes where it was, and the
 * file ends byte for byte the track. */
static void
test_download_resume (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, &tracks);
  g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "01 track.ogg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) partial = fanfare_client_download_partial_file (file);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Progress cut = { fixture, 0, 0, TRUE };
  Progress resumed = { fixture, 0, 0, FALSE };

  sign_in (fixture, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
  fanfare_client_read_stream_async (fixture->client, track, 0, -1, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  whole = fanfare_client_read_stream_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 3 * 1024);

  /* Cut off after the first range: the part file holds it, no file yet. */
  g_assert_false (download (fixture, track, file, &cut, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (g_file_get_contents (g_file_peek_path (partial), &contents, &length, NULL));
  g_assert_cmpuint (length, ==, 1024);
  g_clear_pointer (&contents, g_free);

  /* Again once the server is back: it goes on from there. */
  fanfare_test_server_restart (fixture->server);
  g_assert_true (download (fixture, track, file, &resumed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resumed.first, ==, 2048);
  g_assert_false (g_file_query_exists (partial, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (whole));
  g_assert_true (memcmp (contents, g_bytes_get_data (whole, NULL), length) == 0);

  fanfare_test_rm_rf (dir);
}

/* A part file is continued only while the track is the stream it came
 * from: with the stream's ETag beside it the rest is appended to it (here
 * to bytes the test put there, so that keeping them shows), with another
 * ETag the server answers the whole stream and the part is written anew. */
static void
test_download_if_range (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = first_new_release (fixture, &tracks);
  g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "01 track.ogg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) partial = fanfare_client_download_partial_file (file);
  g_autofree char *etag_path = g_strconcat (g_file_peek_path (partial), ".etag", NULL);
  g_autofree char *contents = NULL;
  char stale[1024];
  gsize length = 0;
  goffset start = -1;
  Progress kept = { fixture, 0, 0, FALSE };
  Progress again = { fixture, 0, 0, FALSE };

  sign_in (fixture, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
  fanfare_client_read_stream_if_range_async (fixture->client, track, 0, -1, NULL, NULL, fanfare_test_store_result,
                                             &fixture->result);
  result = WAIT (fixture);
  whole = fanfare_client_read_stream_if_range_finish (fixture->client, result, &start, NULL, &etag, &error);
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, 0);
  g_assert_nonnull (etag);
  memset (stale, 'x', sizeof stale);

  /* The same stream: resumed after the bytes already there. */
  g_assert_true (g_file_set_contents (g_file_peek_path (partial), stale, sizeof stale, NULL));
  g_assert_true (g_file_set_contents (etag_path, etag, -1, NULL));
  g_assert_true (download (fixture, track, file, &kept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kept.first, ==, 2048);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (whole));
  g_assert_true (memcmp (contents, stale, sizeof stale) == 0);
  g_assert_true (memcmp (contents + sizeof stale, (const char *) g_bytes_get_data (whole, NULL) + sizeof stale,
                         length - sizeof stale) == 0);
  g_assert_false (g_file_test (etag_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_delete (file, NULL, NULL));

  /* The part came from another version of the track: it starts over and
   * ends the track byte for byte. */
  g_assert_true (g_file_set_contents (g_file_peek_path (partial), stale, sizeof stale, NULL));
  g_assert_true (g_file_set_contents (etag_path, "\"an-earlier-version\"", -1, NULL));
  g_assert_true (download (fixture, track, file, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again.first, ==, g_bytes_get_size (whole));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (whole));
  g_assert_true (memcmp (contents, g_bytes_get_data (whole, NULL), length) == 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_delete (file, NULL, NULL));

  /* A part with nothing to vouch for it is not trusted either. */
  g_assert_true (g_file_set_contents (g_file_peek_path (partial), stale, sizeof stale, NULL));
  g_assert_true (download (fixture, track, file, &again, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (memcmp (contents, g_bytes_get_data (whole, NULL), length) == 0);

  fanfare_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_setenv ("XDG_CACHE_HOME", g_get_tmp_dir (), TRUE);
  demo_dir = fanfare_test_seed_demo ();

  g_test_add ("/client/register", Fixture, NULL, fixture_set_up, test_register, fixture_tear_down);
  g_test_add ("/client/sign-in-out", Fixture, NULL, fixture_set_up, test_sign_in_out, fixture_tear_down);
  g_test_add ("/client/browse", Fixture, NULL, fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/client/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/client/stream-range", Fixture, NULL, fixture_set_up, test_stream_range, fixture_tear_down);
  g_test_add ("/client/download-resume", Fixture, NULL, fixture_set_up, test_download_resume, fixture_tear_down);
  g_test_add ("/client/download-if-range", Fixture, NULL, fixture_set_up, test_download_if_range, fixture_tear_down);
  g_test_add ("/client/library", Fixture, NULL, fixture_set_up, test_library, fixture_tear_down);
  g_test_add ("/client/images", Fixture, NULL, fixture_set_up, test_images, fixture_tear_down);
  g_test_add_func ("/client/offline", test_offline);

  status = g_test_run ();
  fanfare_test_rm_rf (demo_dir);
  g_free (demo_dir);

  return status;
}
