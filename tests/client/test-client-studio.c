/* test-client-studio.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The studio through the client library against a real server: a listener
 * becomes an artist, makes an album and uploads a file made here with
 * GStreamer; the server is killed half way through and started again, and
 * the upload goes on from where the server stopped; an upload cut short
 * when the app quits goes on when it starts again, unless its file
 * changed; a file that is not audio fails with the server's reason. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "fanfare-client.h"
#include "fanfare-studio-upload.h"
#include "fanfare-test-client.h"
#include "fanfare-test-store.h"

typedef struct {
  char              *data_dir;
  char              *folder;
  FanfareTestServer *server;
  FanfareClient     *client;
  GAsyncResult      *result;
} Fixture;

static JsonObject *
call (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *body)
{
  g_autoptr(JsonNode) node = body != NULL ? json_from_string (body, NULL) : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *json;

  fanfare_client_studio_call_async (fixture->client, method, path, node, NULL, fanfare_test_store_result,
                                    &fixture->result);
  result = fanfare_test_wait_result (&fixture->result);
  json = fanfare_client_studio_call_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  return json;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[] = { "--open-artist-signup", NULL };
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) asked = NULL;

  fixture->data_dir = fanfare_test_make_data_dir ();
  fixture->folder = fanfare_test_make_data_dir ();
  fixture->server = fanfare_test_server_start (fixture->data_dir, args);
  token = fanfare_test_register (fixture->server, "maker", "maker password 1");
  fixture->client = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_set_token (fixture->client, token);

  asked = call (fixture, "POST", "/api/v1/me/artist-request", "{\"name\": \"Makers\"}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (asked, "request"), "status"), ==,
                   "approved");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  fanfare_test_server_stop (fixture->server);
  fanfare_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->data_dir);
}

/* Writes @seconds of a tone as WAV into the fixture's folder. */
static GFile *
make_wav (Fixture    *fixture,
          const char *name,
          guint       seconds)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

  fanfare_test_write_tone_wav (path, seconds);

  return g_file_new_for_path (path);
}

static void
wait_until (FanfareStudioUpload      *upload,
            FanfareStudioUploadState  state,
            double                    progress)
{
  gint64 end = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;

  while (fanfare_studio_upload_get_state (upload) != state ||
         fanfare_studio_upload_get_progress (upload) < progress)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (state != FANFARE_STUDIO_UPLOAD_FAILED)
        g_assert_cmpint (fanfare_studio_upload_get_state (upload), !=, FANFARE_STUDIO_UPLOAD_FAILED);
      g_main_context_iteration (NULL, TRUE);
    }
}

static char *
make_album (Fixture *fixture)
{
  g_autoptr(JsonObject) created = call (fixture, "POST", "/api/v1/studio/albums", "{\"title\": \"Made Here\"}");

  return g_strdup (json_object_get_string_member (json_object_get_object_member (created, "album"), "id"));
}

static void
test_resume_after_drop (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *album_id = make_album (fixture);
  g_autofree char *album_path = g_strconcat ("/api/v1/studio/albums/", album_id, NULL);
  g_autoptr(GFile) file = make_wav (fixture, "long tone.wav", 40);
  g_autoptr(FanfareStudioUpload) upload = fanfare_studio_upload_new (fixture->client, album_id, file);
  g_autoptr(JsonObject) album = NULL;
  JsonArray *tracks;

  fanfare_studio_upload_set_chunk_size (upload, 32 * 1024);
  fanfare_studio_upload_set_retry_delay (upload, 200);
  fanfare_studio_upload_start (upload);

  /* A third of the way, the server goes away: the upload waits. */
  wait_until (upload, FANFARE_STUDIO_UPLOAD_SENDING, 0.3);
  g_assert_cmpfloat (fanfare_studio_upload_get_progress (upload), <, 0.9);
  fanfare_test_server_kill (fixture->server);
  wait_until (upload, FANFARE_STUDIO_UPLOAD_WAITING, 0);
  g_assert_nonnull (fanfare_studio_upload_get_message (upload));

  /* Back, it goes on from where the server stopped and becomes a track. */
  fanfare_test_server_restart (fixture->server);
  wait_until (upload, FANFARE_STUDIO_UPLOAD_READY, 1.0);
  g_assert_nonnull (fanfare_studio_upload_get_track_id (upload));

  album = call (fixture, "GET", album_path, NULL);
  tracks = json_object_get_array_member (album, "tracks");
  g_assert_cmpuint (json_array_get_length (tracks), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tracks, 0), "title"), ==,
                   "long tone");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tracks, 0), "duration_ms"), >, 39000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tracks, 0), "id"), ==,
                   fanfare_studio_upload_get_track_id (upload));
}

static void
first_progress_cb (FanfareStudioUpload *upload,
                   GParamSpec          *pspec,
                   double              *first)
{
  if (*first < 0)
    *first = fanfare_studio_upload_get_progress (upload);
}

/* Starts an upload of @file and stops it, as quitting the app does, a
 * third of the way. */
static void
upload_a_third (Fixture    *fixture,
                const char *album_id,
                GFile      *file)
{
  g_autoptr(FanfareStudioUpload) upload = fanfare_studio_upload_new (fixture->client, album_id, file);

  fanfare_studio_upload_set_chunk_size (upload, 32 * 1024);
  fanfare_studio_upload_start (upload);
  wait_until (upload, FANFARE_STUDIO_UPLOAD_SENDING, 0.3);
  g_assert_cmpfloat (fanfare_studio_upload_get_progress (upload), <, 0.9);
  fanfare_studio_upload_cancel (upload);
}

static void
test_resume_after_restart (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *album_id = make_album (fixture);
  g_autofree char *album_path = g_strconcat ("/api/v1/studio/albums/", album_id, NULL);
  g_autoptr(GFile) file = make_wav (fixture, "long tone.wav", 40);
  g_autoptr(GFile) changed = make_wav (fixture, "changed.wav", 40);
  g_autofree char *changed_path = g_file_get_path (changed);
  g_autoptr(GPtrArray) resumed = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(JsonObject) album = NULL;
  FanfareStudioUpload *upload;
  double first = -1;

  upload_a_third (fixture, album_id, file);
  upload_a_third (fixture, album_id, changed);
  /* Edited while the app was closed: it is not the file that was sent. */
  fanfare_test_write_tone_wav (changed_path, 20);

  /* The app starts again: the unchanged file goes on from where the
   * server stopped, and becomes a track. */
  resumed = fanfare_studio_upload_resume_all (fixture->client);
  g_assert_cmpuint (resumed->len, ==, 1);
  upload = g_ptr_array_index (resumed, 0);
  g_assert_cmpstr (fanfare_studio_upload_get_filename (upload), ==, "long tone.wav");
  g_assert_cmpstr (fanfare_studio_upload_get_album_id (upload), ==, album_id);
  g_signal_connect (upload, "notify::progress", G_CALLBACK (first_progress_cb), &first);
  fanfare_studio_upload_start (upload);
  wait_until (upload, FANFARE_STUDIO_UPLOAD_READY, 1.0);
  g_assert_cmpfloat (first, >=, 0.3);

  album = call (fixture, "GET", album_path, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (album, "tracks")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (album,
                                                                                                               "tracks"),
                                                                                 0), "id"), ==,
                   fanfare_studio_upload_get_track_id (upload));

  /* Done, and the changed one forgotten: nothing more to resume. */
  none = fanfare_studio_upload_resume_all (fixture->client);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The server stops while it ingests: started again, it ingests the file
 * again, and the album has the track once. */
static void
test_restart_while_ingesting (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *album_id = make_album (fixture);
  g_autofree char *album_path = g_strconcat ("/api/v1/studio/albums/", album_id, NULL);
  g_autoptr(GFile) file = make_wav (fixture, "interrupted.wav", 300);
  g_autoptr(FanfareStudioUpload) upload = fanfare_studio_upload_new (fixture->client, album_id, file);
  g_autoptr(JsonObject) album = NULL;

  fanfare_studio_upload_set_retry_delay (upload, 200);
  fanfare_studio_upload_start (upload);
  wait_until (upload, FANFARE_STUDIO_UPLOAD_INGESTING, 1.0);
  fanfare_test_server_kill (fixture->server);
  fanfare_test_server_restart (fixture->server);

  wait_until (upload, FANFARE_STUDIO_UPLOAD_READY, 1.0);
  album = call (fixture, "GET", album_path, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (album, "tracks")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (album, "album"), "track_count"), ==, 1);
}

static void
test_not_audio (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *album_id = make_album (fixture);
  g_autofree char *path = g_build_filename (fixture->folder, "notes.mp3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(FanfareStudioUpload) upload = NULL;

  g_assert_true (g_file_set_contents (path, "Not a song: liner notes.", -1, NULL));
  upload = fanfare_studio_upload_new (fixture->client, album_id, file);
  fanfare_studio_upload_start (upload);
  wait_until (upload, FANFARE_STUDIO_UPLOAD_FAILED, 0);
  g_assert_nonnull (strstr (fanfare_studio_upload_get_message (upload), "notes.mp3 is not audio"));
  g_assert_null (fanfare_studio_upload_get_track_id (upload));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_autofree char *data_home = g_dir_make_tmp ("fanfare-data-XXXXXX", NULL);

  /* The uploads in progress are written down here. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

#define ADD(path, func) g_test_add ("/client/studio/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("resume-after-drop", test_resume_after_drop);
  ADD ("restart-while-ingesting", test_restart_while_ingesting);
  ADD ("resume-after-restart", test_resume_after_restart);
  ADD ("not-audio", test_not_audio);
#undef ADD

  status = g_test_run ();
  fanfare_test_remove_tree (data_home);
  gst_deinit ();

  return status;
}
