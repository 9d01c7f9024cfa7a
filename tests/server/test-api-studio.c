/* test-api-studio.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The studio against the real server: a listener becomes an artist,
 * uploads audio made here with GStreamer in chunks, publishes, and another
 * listener finds the album and streams it; and every kind of bad input
 * gets a clear error with nothing half-done shown to listeners. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gst/gst.h>
#include <gst/tag/tag.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define CHUNK 40000

typedef struct {
  char              *data_dir;
  FanfareTestServer *server;
  char              *artist;    /* tokens */
  char              *listener;
} Fixture;

/* @seconds of a tone through @encoder (vorbisenc, or wavenc), tagged. */
static GBytes *
make_audio (const char *encoder,
            double      frequency,
            guint       seconds,
            guint       rate,
            const char *title,
            guint       track_number)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "fanfare-studio-XXXXXX", NULL);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) enc = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  description = g_strdup_printf ("audiotestsrc num-buffers=%u samplesperbuffer=%u freq=%f wave=sine"
                                 " ! audio/x-raw,rate=%u,channels=1 ! audioconvert ! %s name=enc %s"
                                 " ! filesink name=sink", seconds * 10, rate / 10, frequency, rate, encoder,
                                 g_str_equal (encoder, "vorbisenc") ? "! oggmux" : "");
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  enc = gst_bin_get_by_name (GST_BIN (pipeline), "enc");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", path, NULL);
  if (title != NULL)
    {
      g_autoptr(GstTagList) tags = gst_tag_list_new (GST_TAG_TITLE, title, GST_TAG_TRACK_NUMBER, track_number, NULL);

      gst_tag_setter_merge_tags (GST_TAG_SETTER (enc), tags, GST_TAG_MERGE_REPLACE);
    }

  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_unlink (path);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static GBytes *
png_bytes (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 300);
  char *buffer = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, 0x3060a0ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", NULL, NULL));

  return g_bytes_new_take (buffer, length);
}

static FanfareTestResponse *
send_bytes (FanfareTestServer *server,
            const char        *method,
            const char        *path,
            const char        *token,
            const char        *content_type,
            GBytes            *bytes,
            const char        *content_range)
{
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (content_range != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Content-Range", content_range);
  soup_message_set_request_body_from_bytes (msg, content_type, bytes);

  return fanfare_test_send (server, msg);
}

static gboolean
holds (const char *data,
       gsize       length,
       const char *text)
{
  gsize text_length = strlen (text);

  for (gsize i = 0; i + text_length <= length; i++)
    if (memcmp (data + i, text, text_length) == 0)
      return TRUE;

  return FALSE;
}

static char *
become_artist (FanfareTestServer *server,
               const char        *username)
{
  char *token = fanfare_test_register (server, username, "studio password 1");
  g_autoptr(FanfareTestResponse) asked = NULL;

  asked = fanfare_test_request (server, "POST", "/api/v1/me/artist-request", token,
                                "{\"name\": \"The Tones\", \"message\": \"We play sine waves\"}");
  g_assert_cmpuint (asked->status, ==, 201);
  g_assert_cmpstr (fanfare_test_response_get_string (asked, "request.status"), ==, "approved");

  return token;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[] = { "--open-artist-signup", "--studio-interval-seconds", "1", "--max-upload-bytes",
                         "8000000", NULL };

  fixture->data_dir = fanfare_test_make_data_dir ();
  fixture->server = fanfare_test_server_start (fixture->data_dir, args);
  fixture->artist = become_artist (fixture->server, "tones");
  fixture->listener = fanfare_test_register (fixture->server, "ear", "listener password 1");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->artist);
  g_free (fixture->listener);
  g_free (fixture->data_dir);
}

static char *
create_album (Fixture    *fixture,
              const char *token,
              const char *body)
{
  g_autoptr(FanfareTestResponse) created = fanfare_test_request (fixture->server, "POST", "/api/v1/studio/albums",
                                                                 token, body);

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (
                                                    json_node_get_object (created->json), "album"), "published"));

  return g_strdup (fanfare_test_response_get_string (created, "album.id"));
}

static char *
start_upload (Fixture    *fixture,
              const char *album_id,
              const char *filename,
              GBytes     *bytes,
              gint64      announced_size)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/studio/albums/%s/uploads", album_id);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *body = g_strdup_printf ("{\"filename\": \"%s\", \"size\": %" G_GINT64_FORMAT ", \"sha256\": \"%s\"}",
                                           filename, announced_size, sha256);
  g_autoptr(FanfareTestResponse) created = fanfare_test_request (fixture->server, "POST", path, fixture->artist, body);

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpstr (fanfare_test_response_get_string (created, "upload.state"), ==, "receiving");
  g_assert_cmpint (fanfare_test_response_get_int (created, "upload.received"), ==, 0);

  return g_strdup (fanfare_test_response_get_string (created, "upload.id"));
}

/* Sends bytes [from, to) of @bytes as one chunk. */
static FanfareTestResponse *
send_chunk (Fixture    *fixture,
            const char *upload_id,
            GBytes     *bytes,
            gsize       from,
            gsize       to)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/uploads/", upload_id, NULL);
  g_autofree char *range = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                                            from, to - 1, g_bytes_get_size (bytes));
  g_autoptr(GBytes) chunk = g_bytes_new_from_bytes (bytes, from, to - from);

  return send_bytes (fixture->server, "PUT", path, fixture->artist, "application/octet-stream", chunk, range);
}

/* Sends bytes [from, until) of @bytes, in chunks. */
static void
send_part (Fixture    *fixture,
           const char *upload_id,
           GBytes     *bytes,
           gsize       from,
           gsize       until)
{
  for (gsize at = from; at < until; at += CHUNK)
    {
      g_autoptr(FanfareTestResponse) sent = send_chunk (fixture, upload_id, bytes, at, MIN (at + CHUNK, until));

      g_assert_cmpuint (sent->status, ==, 200);
    }
}

static FanfareTestResponse *
finish (Fixture    *fixture,
        const char *upload_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/studio/uploads/%s/finish", upload_id);

  return fanfare_test_request (fixture->server, "POST", path, fixture->artist, NULL);
}

/* Waits for the ingest to end; returns the upload. */
static FanfareTestResponse *
wait_ingested (Fixture    *fixture,
               const char *upload_id)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/uploads/", upload_id, NULL);

  for (guint i = 0; i < 1200; i++)
    {
      g_autoptr(FanfareTestResponse) upload = fanfare_test_request (fixture->server, "GET", path, fixture->artist,
                                                                    NULL);
      const char *state = fanfare_test_response_get_string (upload, "upload.state");

      g_assert_cmpuint (upload->status, ==, 200);
      if (!g_str_equal (state, "ingesting"))
        return g_steal_pointer (&upload);
      g_usleep (100 * 1000);
    }

  g_assert_not_reached ();
}

static char *
upload_track (Fixture    *fixture,
              const char *album_id,
              const char *filename,
              GBytes     *bytes)
{
  g_autofree char *upload_id = start_upload (fixture, album_id, filename, bytes, g_bytes_get_size (bytes));
  g_autoptr(FanfareTestResponse) finished = NULL;
  g_autoptr(FanfareTestResponse) ingested = NULL;

  send_part (fixture, upload_id, bytes, 0, g_bytes_get_size (bytes));
  finished = finish (fixture, upload_id);
  g_assert_cmpuint (finished->status, ==, 202);
  ingested = wait_ingested (fixture, upload_id);
  g_assert_cmpstr (fanfare_test_response_get_string (ingested, "upload.state"), ==, "ready");

  return g_strdup (fanfare_test_response_get_string (ingested, "upload.track_id"));
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

static gboolean
items_name (FanfareTestResponse *response,
            const char          *member,
            const char          *album_id)
{
  JsonArray *items = fanfare_test_response_get_array (response, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_has_member (item, member) &&
          g_strcmp0 (json_object_get_string_member (json_object_get_object_member (item, member), "id"),
                     album_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The whole path: upload, ingest, publish; a listener finds the album in
 * search and in new releases and streams it. */
static void
test_publish_and_listen (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) first = make_audio ("vorbisenc", 440, 3, 44100, "Morning Sine", 2);
  g_autoptr(GBytes) second = make_audio ("vorbisenc", 660, 2, 44100, "Evening Square", 1);
  g_autoptr(GBytes) cover = png_bytes ();
  g_autofree char *album_id = create_album (fixture, fixture->artist,
                                            "{\"title\": \"Oscillations\", \"genre\": \"Electronic\","
                                            " \"description\": \"Two tones\", \"price_cents\": 700,"
                                            " \"currency\": \"USD\"}");
  g_autofree char *album_path = g_strconcat ("/api/v1/studio/albums/", album_id, NULL);
  g_autofree char *public_path = g_strconcat ("/api/v1/albums/", album_id, NULL);
  g_autofree char *cover_path = g_strconcat (album_path, "/cover", NULL);
  g_autofree char *publish_path = g_strconcat (album_path, "/publish", NULL);
  g_autofree char *unpublish_path = g_strconcat (album_path, "/unpublish", NULL);
  g_autofree char *order_path = g_strconcat (album_path, "/order", NULL);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *stream_path = NULL;
  g_autofree char *waveform_path = NULL;
  g_autofree char *order = NULL;
  g_autoptr(FanfareTestResponse) covered = NULL;
  g_autoptr(FanfareTestResponse) studio = NULL;
  g_autoptr(FanfareTestResponse) published = NULL;
  g_autoptr(FanfareTestResponse) search = NULL;
  g_autoptr(FanfareTestResponse) releases = NULL;
  g_autoptr(FanfareTestResponse) stream = NULL;
  g_autoptr(FanfareTestResponse) waveform = NULL;
  g_autoptr(FanfareTestResponse) analytics = NULL;
  g_autoptr(FanfareTestResponse) edited = NULL;
  JsonArray *tracks;
  gsize stream_length;
  const char *stream_data;

  covered = send_bytes (fixture->server, "PUT", cover_path, fixture->artist, "image/png", cover, NULL);
  g_assert_cmpuint (covered->status, ==, 200);
  g_assert_nonnull (fanfare_test_response_get_string (covered, "album.cover_uri"));
  g_assert_cmpint (fanfare_test_response_get_int (covered, "album.price_cents"), ==, 700);
  g_assert_cmpstr (fanfare_test_response_get_string (covered, "album.currency"), ==, "USD");

  first_id = upload_track (fixture, album_id, "morning.ogg", first);
  second_id = upload_track (fixture, album_id, "evening.ogg", second);

  /* Unpublished: the artist sees it, listeners do not. */
  g_assert_cmpuint (status_of (fixture, "GET", public_path, fixture->listener, NULL), ==, 404);
  studio = fanfare_test_request (fixture->server, "GET", album_path, fixture->artist, NULL);
  g_assert_cmpuint (studio->status, ==, 200);
  tracks = fanfare_test_response_get_array (studio, "tracks");
  g_assert_cmpuint (json_array_get_length (tracks), ==, 2);
  /* Titles and numbers come from the tags. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tracks, 0), "title"), ==,
                   "Evening Square");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tracks, 1), "title"), ==,
                   "Morning Sine");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tracks, 1), "duration_ms"), >, 2900);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (tracks, 1),
                                                    "replaygain_track_gain"), !=, 0.0);

  /* Reordered and renamed by hand. */
  order = g_strdup_printf ("{\"track_ids\": [\"%s\", \"%s\"]}", first_id, second_id);
  g_assert_cmpuint (status_of (fixture, "PUT", order_path, fixture->artist, order), ==, 200);
  {
    g_autofree char *track_path = g_strconcat ("/api/v1/studio/tracks/", second_id, NULL);

    edited = fanfare_test_request (fixture->server, "PATCH", track_path, fixture->artist,
                                   "{\"title\": \"Evening Sine\", \"kind\": \"dj_mix\"}");
    g_assert_cmpuint (edited->status, ==, 200);
    g_assert_cmpstr (fanfare_test_response_get_string (edited, "track.title"), ==, "Evening Sine");
    g_assert_cmpint (fanfare_test_response_get_int (edited, "track.track_number"), ==, 2);
    g_clear_pointer (&edited, fanfare_test_response_free);
    g_free (track_path);
    track_path = g_strconcat ("/api/v1/studio/tracks/", second_id, "/chapters", NULL);
    edited = fanfare_test_request (fixture->server, "PUT", track_path, fixture->artist,
                                   "{\"chapters\": [{\"title\": \"Intro\", \"artist\": \"DJ\", \"start_ms\": 0},"
                                   " {\"title\": \"Drop\", \"start_ms\": 1000}]}");
    g_assert_cmpuint (edited->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (edited, "chapters")), ==, 2);
  }

  /* A waveform of 400 peaks, loud where the tone is. */
  waveform_path = g_strconcat ("/api/v1/studio/tracks/", first_id, "/waveform", NULL);
  waveform = fanfare_test_request (fixture->server, "GET", waveform_path, fixture->artist, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (waveform, "peaks")), ==, 400);
  g_assert_cmpint (json_array_get_int_element (fanfare_test_response_get_array (waveform, "peaks"), 200), >, 30);

  published = fanfare_test_request (fixture->server, "POST", publish_path, fixture->artist, NULL);
  g_assert_cmpuint (published->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (published->json),
                                                                                "album"), "published"));

  /* A listener finds it and streams it, as Ogg Opus. */
  g_assert_cmpuint (status_of (fixture, "GET", public_path, fixture->listener, NULL), ==, 200);
  search = fanfare_test_request (fixture->server, "GET", "/api/v1/search?q=oscillations&type=album", NULL, NULL);
  g_assert_true (items_name (search, "album", album_id));
  releases = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/new-releases", NULL, NULL);
  g_assert_true (items_name (releases, "album", album_id));
  stream_path = g_strconcat ("/api/v1/tracks/", first_id, "/stream", NULL);
  stream = fanfare_test_request (fixture->server, "GET", stream_path, fixture->listener, NULL);
  g_assert_cmpuint (stream->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (stream->headers, NULL), ==, "audio/ogg");
  stream_data = g_bytes_get_data (stream->body, &stream_length);
  g_assert_true (g_str_has_prefix (stream_data, "OggS"));
  g_assert_true (holds (stream_data, MIN (stream_length, 200), "OpusHead"));

  /* Edited after publishing; taken back. */
  g_clear_pointer (&edited, fanfare_test_response_free);
  edited = fanfare_test_request (fixture->server, "PATCH", album_path, fixture->artist,
                                 "{\"title\": \"Oscillations (Deluxe)\", \"price_cents\": null}");
  g_assert_cmpuint (edited->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (edited, "album.title"), ==, "Oscillations (Deluxe)");
  g_assert_true (json_node_is_null (json_object_get_member (json_object_get_object_member (
                                                              json_node_get_object (edited->json), "album"),
                                                            "price_cents")));

  g_assert_cmpuint (status_of (fixture, "POST", unpublish_path, fixture->artist, NULL), ==, 200);
  g_assert_cmpuint (status_of (fixture, "GET", public_path, fixture->listener, NULL), ==, 404);
  g_assert_cmpuint (status_of (fixture, "GET", stream_path, fixture->listener, NULL), ==, 404);

  /* Analytics: a play of each day of the period, zero-safe where there
   * is nothing yet. */
  analytics = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/analytics?days=7", fixture->artist, NULL);
  g_assert_cmpuint (analytics->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (
                                                                           json_node_get_object (analytics->json),
                                                                           "analytics"), "days")), ==, 7);
  g_assert_cmpint (fanfare_test_response_get_int (analytics, "analytics.sales"), ==, 0);
  g_assert_cmpuint (status_of (fixture, "GET", "/api/v1/studio/analytics?days=0", fixture->artist, NULL), ==, 400);
}

static void
test_analytics_counts_plays (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) audio = make_audio ("vorbisenc", 500, 2, 44100, "Counted", 1);
  g_autofree char *album_id = create_album (fixture, fixture->artist, "{\"title\": \"Counted\"}");
  g_autofree char *track_id = upload_track (fixture, album_id, "counted.ogg", audio);
  g_autofree char *publish_path = g_strdup_printf ("/api/v1/studio/albums/%s/publish", album_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *played_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *plays = g_strdup_printf ("{\"plays\": [{\"id\": \"p1\", \"track_id\": \"%s\", \"played_at\": \"%s\","
                                            " \"ms_played\": 2000}]}", track_id, played_at);
  g_autoptr(FanfareTestResponse) analytics = NULL;
  JsonArray *top, *days;

  g_assert_cmpuint (status_of (fixture, "POST", publish_path, fixture->artist, NULL), ==, 200);
  g_assert_cmpuint (status_of (fixture, "POST", "/api/v1/plays", fixture->listener, plays), ==, 200);

  analytics = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/analytics", fixture->artist, NULL);
  g_assert_cmpint (fanfare_test_response_get_int (analytics, "analytics.plays"), ==, 1);
  g_assert_cmpint (fanfare_test_response_get_int (analytics, "analytics.listeners"), ==, 1);
  /* A follow of the artist's account shows today in the followers. */
  g_assert_cmpuint (status_of (fixture, "PUT", "/api/v1/users/tones/follow", fixture->listener, NULL), ==, 200);
  g_clear_pointer (&analytics, fanfare_test_response_free);
  analytics = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/analytics?days=3", fixture->artist, NULL);
  days = json_object_get_array_member (json_object_get_object_member (json_node_get_object (analytics->json),
                                                                      "analytics"), "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 3);
  g_assert_cmpint (fanfare_test_response_get_int (analytics, "analytics.followers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (days, 2), "followers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (days, 1), "followers"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (days, 2), "sales"), ==, 0);
  top = json_object_get_array_member (json_object_get_object_member (json_node_get_object (analytics->json),
                                                                     "analytics"), "top_tracks");
  g_assert_cmpuint (json_array_get_length (top), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (top, 0), "title"), ==, "Counted");
}

static void
test_bad_uploads (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) audio = make_audio ("vorbisenc", 300, 2, 44100, "Resumed", 1);
  g_autoptr(GBytes) text = g_bytes_new_static ("These are liner notes, not music at all.", 40);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *album_id = create_album (fixture, fixture->artist, "{\"title\": \"Trials\"}");
  g_autofree char *uploads_path = g_strdup_printf ("/api/v1/studio/albums/%s/uploads", album_id);
  g_autofree char *fake_id = NULL;
  g_autofree char *resumed_id = NULL;
  g_autofree char *wrong_id = NULL;
  g_autofree char *resumed_path = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, empty);
  g_autofree char *body = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  gsize half = g_bytes_get_size (audio) / 2;
  g_autofree char *half_text = g_strdup_printf ("%" G_GSIZE_FORMAT, half);

  /* Not audio, though named .mp3: the ingest says why. */
  fake_id = start_upload (fixture, album_id, "song.mp3", text, g_bytes_get_size (text));
  send_part (fixture, fake_id, text, 0, g_bytes_get_size (text));
  response = finish (fixture, fake_id);
  g_assert_cmpuint (response->status, ==, 202);
  g_clear_pointer (&response, fanfare_test_response_free);
  response = wait_ingested (fixture, fake_id);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "upload.state"), ==, "failed");
  g_assert_nonnull (strstr (fanfare_test_response_get_string (response, "upload.error"),
                            "song.mp3 is not audio the server can decode"));
  g_assert_null (strstr (fanfare_test_response_get_string (response, "upload.error"), fixture->data_dir));
  g_clear_pointer (&response, fanfare_test_response_free);

  /* Empty, and over the limit. */
  body = g_strdup_printf ("{\"filename\": \"empty.ogg\", \"size\": 0, \"sha256\": \"%s\"}", sha256);
  response = fanfare_test_request (fixture->server, "POST", uploads_path, fixture->artist, body);
  fanfare_test_assert_error (response, 400, "invalid", "empty");
  g_clear_pointer (&response, fanfare_test_response_free);
  g_free (body);
  body = g_strdup_printf ("{\"filename\": \"huge.ogg\", \"size\": 9000000, \"sha256\": \"%s\"}", sha256);
  response = fanfare_test_request (fixture->server, "POST", uploads_path, fixture->artist, body);
  fanfare_test_assert_error (response, 413, "too_large", "8000000 bytes");
  g_clear_pointer (&response, fanfare_test_response_free);

  /* Interrupted half way: finishing is refused, the server says where to
   * go on from, a chunk from elsewhere is refused, and the rest ends it. */
  resumed_id = start_upload (fixture, album_id, "resumed.ogg", audio, g_bytes_get_size (audio));
  resumed_path = g_strconcat ("/api/v1/studio/uploads/", resumed_id, NULL);
  send_part (fixture, resumed_id, audio, 0, half);
  response = finish (fixture, resumed_id);
  fanfare_test_assert_error (response, 409, "conflict", "send the rest first");
  g_clear_pointer (&response, fanfare_test_response_free);
  response = fanfare_test_request (fixture->server, "GET", resumed_path, fixture->artist, NULL);
  g_assert_cmpint (fanfare_test_response_get_int (response, "upload.received"), ==, half);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Upload-Offset"), ==, half_text);
  g_clear_pointer (&response, fanfare_test_response_free);
  response = send_chunk (fixture, resumed_id, audio, half + 10, half + 20);
  fanfare_test_assert_error (response, 409, "conflict", "send the rest from there");
  g_clear_pointer (&response, fanfare_test_response_free);
  /* Nothing of it is on the album meanwhile. */
  response = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/albums", fixture->artist, NULL);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                                                 fanfare_test_response_get_array (response, "items"), 0),
                                               "track_count"), ==, 0);
  g_clear_pointer (&response, fanfare_test_response_free);
  send_part (fixture, resumed_id, audio, half, g_bytes_get_size (audio));
  response = finish (fixture, resumed_id);
  g_assert_cmpuint (response->status, ==, 202);
  g_clear_pointer (&response, fanfare_test_response_free);
  response = wait_ingested (fixture, resumed_id);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "upload.state"), ==, "ready");
  g_clear_pointer (&response, fanfare_test_response_free);

  /* Bytes other than those announced. */
  wrong_id = start_upload (fixture, album_id, "wrong.ogg", audio, g_bytes_get_size (text));
  send_part (fixture, wrong_id, text, 0, g_bytes_get_size (text));
  response = finish (fixture, wrong_id);
  fanfare_test_assert_error (response, 400, "invalid", "SHA-256");
}

static void
test_bad_albums (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autofree char *album_id = create_album (fixture, fixture->artist, "{\"title\": \"Empty\"}");
  g_autofree char *cover_path = g_strdup_printf ("/api/v1/studio/albums/%s/cover", album_id);
  g_autofree char *publish_path = g_strdup_printf ("/api/v1/studio/albums/%s/publish", album_id);
  g_autoptr(FanfareTestResponse) response = NULL;

  response = send_bytes (fixture->server, "PUT", cover_path, fixture->artist, "image/png", text, NULL);
  fanfare_test_assert_error (response, 400, "invalid", "PNG or a JPEG");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (fixture->server, "POST", publish_path, fixture->artist, NULL);
  fanfare_test_assert_error (response, 400, "invalid", "no tracks");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (fixture->server, "POST", "/api/v1/studio/albums", fixture->artist,
                                   "{\"title\": \"\"}");
  fanfare_test_assert_error (response, 400, "invalid", "“title”");
  g_clear_pointer (&response, fanfare_test_response_free);
  response = fanfare_test_request (fixture->server, "POST", "/api/v1/studio/albums", fixture->artist,
                                   "{\"title\": \"Priced\", \"price_cents\": 100}");
  fanfare_test_assert_error (response, 400, "invalid", "“currency”");
  g_clear_pointer (&response, fanfare_test_response_free);
  response = fanfare_test_request (fixture->server, "POST", "/api/v1/studio/albums", fixture->artist,
                                   "{\"title\": \"Dated\", \"release_date\": \"2026-02-30\"}");
  fanfare_test_assert_error (response, 400, "invalid", "“release_date”");
  g_clear_pointer (&response, fanfare_test_response_free);

  /* A listener has no studio. */
  response = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/albums", fixture->listener, NULL);
  fanfare_test_assert_error (response, 403, "forbidden", "ask to become one");
}

static void
test_schedule (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) audio = make_audio ("vorbisenc", 880, 1, 44100, "Later", 1);
  g_autofree char *album_id = create_album (fixture, fixture->artist, "{\"title\": \"Soon\"}");
  g_autofree char *track_id = upload_track (fixture, album_id, "later.ogg", audio);
  g_autofree char *publish_path = g_strdup_printf ("/api/v1/studio/albums/%s/publish", album_id);
  g_autofree char *public_path = g_strconcat ("/api/v1/albums/", album_id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 3);
  g_autofree char *past_body = g_date_time_format (past, "{\"at\": \"%Y-%m-%dT%H:%M:%SZ\"}");
  g_autofree char *soon_body = g_date_time_format (soon, "{\"at\": \"%Y-%m-%dT%H:%M:%SZ\"}");
  g_autoptr(FanfareTestResponse) response = NULL;
  guint status = 404;

  response = fanfare_test_request (fixture->server, "POST", publish_path, fixture->artist, past_body);
  fanfare_test_assert_error (response, 400, "invalid", "in the past");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (fixture->server, "POST", publish_path, fixture->artist, soon_body);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (response->json),
                                                                                 "album"), "published"));
  g_assert_nonnull (fanfare_test_response_get_string (response, "album.publish_at"));
  g_assert_cmpuint (status_of (fixture, "GET", public_path, fixture->listener, NULL), ==, 404);

  for (guint i = 0; i < 200 && status != 200; i++)
    {
      g_usleep (100 * 1000);
      status = status_of (fixture, "GET", public_path, fixture->listener, NULL);
    }
  g_assert_cmpuint (status, ==, 200);
}

/* A long file is still being ingested when the artist publishes. */
static void
test_publish_while_ingesting (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) shortest = make_audio ("vorbisenc", 440, 1, 44100, "Ready", 1);
  g_autoptr(GBytes) long_one = make_audio ("wavenc", 220, 240, 16000, NULL, 0);
  g_autofree char *album_id = create_album (fixture, fixture->artist, "{\"title\": \"Half Done\"}");
  g_autofree char *ready_id = upload_track (fixture, album_id, "ready.ogg", shortest);
  g_autofree char *long_id = start_upload (fixture, album_id, "long.wav", long_one, g_bytes_get_size (long_one));
  g_autofree char *publish_path = g_strdup_printf ("/api/v1/studio/albums/%s/publish", album_id);
  g_autofree char *public_path = g_strconcat ("/api/v1/albums/", album_id, NULL);
  g_autoptr(FanfareTestResponse) response = NULL;

  response = send_chunk (fixture, long_id, long_one, 0, g_bytes_get_size (long_one));
  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (&response, fanfare_test_response_free);
  response = finish (fixture, long_id);
  g_assert_cmpuint (response->status, ==, 202);
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (fixture->server, "POST", publish_path, fixture->artist, NULL);
  fanfare_test_assert_error (response, 409, "conflict", "still being ingested");
  g_clear_pointer (&response, fanfare_test_response_free);
  g_assert_cmpuint (status_of (fixture, "GET", public_path, fixture->listener, NULL), ==, 404);

  response = wait_ingested (fixture, long_id);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "upload.state"), ==, "ready");
  g_assert_cmpuint (status_of (fixture, "POST", publish_path, fixture->artist, NULL), ==, 200);
}

/* Another artist can touch nothing of the album. */
static void
test_another_artists_album (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) audio = make_audio ("vorbisenc", 440, 1, 44100, "Mine", 1);
  g_autofree char *other = become_artist (fixture->server, "rival");
  g_autofree char *album_id = create_album (fixture, fixture->artist, "{\"title\": \"Mine\"}");
  g_autofree char *album_path = g_strconcat ("/api/v1/studio/albums/", album_id, NULL);
  g_autofree char *uploads_path = g_strconcat (album_path, "/uploads", NULL);
  g_autofree char *publish_path = g_strconcat (album_path, "/publish", NULL);
  g_autofree char *track_id = NULL;
  g_autofree char *unpublish_path = g_strconcat (album_path, "/unpublish", NULL);
  g_autofree char *public_path = g_strconcat ("/api/v1/albums/", album_id, NULL);
  g_autofree char *track_path = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;

  /* Unpublished, it does not exist for them. */
  response = fanfare_test_request (fixture->server, "PATCH", album_path, other, "{\"title\": \"Stolen\"}");
  fanfare_test_assert_error (response, 404, "not_found", "No such album");
  g_clear_pointer (&response, fanfare_test_response_free);

  track_id = upload_track (fixture, album_id, "mine.ogg", audio);
  g_assert_cmpuint (status_of (fixture, "POST", publish_path, fixture->artist, NULL), ==, 200);

  response = fanfare_test_request (fixture->server, "PATCH", album_path, other, "{\"title\": \"Stolen\"}");
  fanfare_test_assert_error (response, 403, "forbidden", "another artist");
  g_clear_pointer (&response, fanfare_test_response_free);
  g_assert_cmpuint (status_of (fixture, "POST", unpublish_path, other, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "POST", uploads_path, other,
                               "{\"filename\": \"x.ogg\", \"size\": 10, \"sha256\": \"00\"}"), ==, 403);
  track_path = g_strconcat ("/api/v1/studio/tracks/", track_id, NULL);
  g_assert_cmpuint (status_of (fixture, "DELETE", track_path, other, NULL), ==, 403);
  g_assert_cmpuint (status_of (fixture, "PATCH", track_path, other, "{\"title\": \"Stolen\"}"), ==, 403);

  response = fanfare_test_request (fixture->server, "GET", public_path, NULL, NULL);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "album.title"), ==, "Mine");
}

/* Without --open-artist-signup, an admin decides. */
static void
test_artist_request (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  g_autoptr(GBytes) text = g_bytes_new_static ("not a picture", 13);
  g_autoptr(GBytes) photo = png_bytes ();
  FanfareTestServer *server;
  g_autofree char *admin = NULL;
  g_autofree char *token = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  JsonArray *items;

  fanfare_test_create_admin (data_dir, "boss", "admin password 1");
  server = fanfare_test_server_start (data_dir, NULL);
  admin = fanfare_test_log_in (server, "boss", "admin password 1");
  token = fanfare_test_register (server, "hopeful", "hopeful password 1");

  response = fanfare_test_request (server, "POST", "/api/v1/me/artist-request", token,
                                   "{\"name\": \"Hope Band\", \"message\": \"Folk from the hills\"}");
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "request.status"), ==, "pending");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (server, "POST", "/api/v1/me/artist-request", token, "{\"name\": \"Again\"}");
  fanfare_test_assert_error (response, 409, "conflict", "already");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (server, "GET", "/api/v1/studio/albums", token, NULL);
  fanfare_test_assert_error (response, 403, "forbidden", "ask to become one");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (server, "GET", "/api/v1/artist-requests", token, NULL);
  g_assert_cmpuint (response->status, ==, 403);
  g_clear_pointer (&response, fanfare_test_response_free);
  response = fanfare_test_request (server, "GET", "/api/v1/artist-requests", admin, NULL);
  items = fanfare_test_response_get_array (response, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "name"), ==, "Hope Band");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (server, "PUT", "/api/v1/artist-requests/hopeful", admin, "{\"approved\": true}");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "request.status"), ==, "approved");
  g_clear_pointer (&response, fanfare_test_response_free);

  /* The profile: named as asked; bio, links and photo edited. */
  response = fanfare_test_request (server, "PATCH", "/api/v1/me/artist", token,
                                   "{\"bio\": \"Songs from the hills\","
                                   " \"links\": [\"https://hope.example.org\", \"https://video.example.com/hope\"]}");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "artist.name"), ==, "Hope Band");
  g_assert_cmpstr (fanfare_test_response_get_string (response, "artist.bio"), ==, "Songs from the hills");
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (response, "links")), ==, 2);
  g_clear_pointer (&response, fanfare_test_response_free);

  /* Listeners see the links on the artist. */
  {
    g_autofree char *artist_path = NULL;
    JsonArray *links;

    response = fanfare_test_request (server, "GET", "/api/v1/me/artist", token, NULL);
    artist_path = g_strconcat ("/api/v1/artists/", fanfare_test_response_get_string (response, "artist.id"), NULL);
    g_clear_pointer (&response, fanfare_test_response_free);
    response = fanfare_test_request (server, "GET", artist_path, NULL, NULL);
    g_assert_cmpuint (response->status, ==, 200);
    links = fanfare_test_response_get_array (response, "artist.links");
    g_assert_nonnull (links);
    g_assert_cmpuint (json_array_get_length (links), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (links, 1), ==, "https://video.example.com/hope");
    g_clear_pointer (&response, fanfare_test_response_free);
  }

  response = fanfare_test_request (server, "PATCH", "/api/v1/me/artist", token, "{\"links\": [\"javascript:x\"]}");
  fanfare_test_assert_error (response, 400, "invalid", "“links”");
  g_clear_pointer (&response, fanfare_test_response_free);

  response = send_bytes (server, "PUT", "/api/v1/me/artist/photo", token, "image/png", text, NULL);
  fanfare_test_assert_error (response, 400, "invalid", "PNG or a JPEG");
  g_clear_pointer (&response, fanfare_test_response_free);
  response = send_bytes (server, "PUT", "/api/v1/me/artist/photo", token, "image/png", photo, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (fanfare_test_response_get_string (response, "artist.image_uri"));
  g_clear_pointer (&response, fanfare_test_response_free);

  response = fanfare_test_request (server, "GET", "/api/v1/studio/albums", token, NULL);
  g_assert_cmpuint (response->status, ==, 200);

  fanfare_test_server_stop (server);
}

/* An upload that stops arriving is forgotten, its file too. */
static void
test_stale_upload (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  const char *args[] = { "--open-artist-signup", "--studio-interval-seconds", "1", "--upload-lifetime-seconds", "1",
                         NULL };
  g_autoptr(GBytes) bytes = g_bytes_new_static ("0123456789abcdefghij", 20);
  g_autofree char *upload_id = NULL;
  g_autofree char *part = NULL;
  g_autofree char *path = NULL;
  Fixture fixture = { 0 };
  guint status = 200;

  fixture.server = fanfare_test_server_start (data_dir, args);
  fixture.artist = become_artist (fixture.server, "stale");
  {
    g_autofree char *album_id = create_album (&fixture, fixture.artist, "{\"title\": \"Stale\"}");
    g_autoptr(FanfareTestResponse) sent = NULL;

    upload_id = start_upload (&fixture, album_id, "stale.ogg", bytes, 20);
    sent = send_chunk (&fixture, upload_id, bytes, 0, 10);
    g_assert_cmpuint (sent->status, ==, 200);
  }
  part = g_strconcat (upload_id, ".part", NULL);
  path = g_build_filename (data_dir, "uploads", part, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < 100 && status == 200; i++)
    {
      g_autofree char *upload_path = g_strconcat ("/api/v1/studio/uploads/", upload_id, NULL);

      g_usleep (100 * 1000);
      status = status_of (&fixture, "GET", upload_path, fixture.artist, NULL);
    }
  g_assert_cmpuint (status, ==, 404);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  fanfare_test_server_stop (fixture.server);
  g_free (fixture.artist);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

#define ADD(path, func) g_test_add ("/server/api/studio/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("publish-and-listen", test_publish_and_listen);
  ADD ("analytics", test_analytics_counts_plays);
  ADD ("bad-uploads", test_bad_uploads);
  ADD ("bad-albums", test_bad_albums);
  ADD ("schedule", test_schedule);
  ADD ("publish-while-ingesting", test_publish_while_ingesting);
  ADD ("another-artists-album", test_another_artists_album);
#undef ADD
  g_test_add_func ("/server/api/studio/artist-request", test_artist_request);
  g_test_add_func ("/server/api/studio/stale-upload", test_stale_upload);

  status = g_test_run ();
  gst_deinit ();

  return status;
}
