/* test-import.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* fanfare-server import: real files made with GStreamer's encoders, tagged
 * as a release would be, with a cover beside them or inside them, an
 * audiobook with chapters, and files that are not audio at all. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gst/gst.h>
#include <gst/tag/tag.h>
#include <string.h>

#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

static GBytes *
png_bytes (guint32  color)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 400, 400);
  char *buffer = NULL;
  gsize length;

  gdk_pixbuf_fill (pixbuf, color);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", NULL, NULL));

  return g_bytes_new_take (buffer, length);
}

/* One second of a tone, through @encoder, tagged with @tags. */
static void
encode (const char *path,
        const char *encoder,
        double      frequency,
        GstTagList *tags)
{
  g_autofree char *description = g_strdup_printf ("audiotestsrc num-buffers=44 samplesperbuffer=1000 freq=%f"
                                                  " ! audio/x-raw,rate=44100 ! audioconvert ! audioresample ! %s name=enc %s"
                                                  " ! filesink name=sink", frequency, encoder,
                                                  g_str_equal (encoder, "flacenc") ? "" : "! oggmux");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) enc = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  g_assert_no_error (error);
  enc = gst_bin_get_by_name (GST_BIN (pipeline), "enc");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", path, NULL);
  gst_tag_setter_merge_tags (GST_TAG_SETTER (enc), tags, GST_TAG_MERGE_REPLACE);

  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_tag_list_unref (tags);
}

static char *
make_music (void)
{
  char *folder = fanfare_test_make_data_dir ();
  g_autofree char *spring = g_build_filename (folder, "Spring", NULL);
  g_autofree char *loose = g_build_filename (folder, "Loose Songs", NULL);
  g_autofree char *book = g_build_filename (folder, "Book", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) cover = png_bytes (0x20a060ff);
  g_autoptr(GBytes) inner = png_bytes (0xa02060ff);
  g_autoptr(GstDateTime) date = gst_date_time_new_ymd (2024, 3, 1);
  g_autoptr(GstSample) image = NULL;

  g_mkdir_with_parents (spring, 0700);
  g_mkdir_with_parents (loose, 0700);
  g_mkdir_with_parents (book, 0700);

  path = g_build_filename (spring, "02.ogg", NULL);
  encode (path, "vorbisenc", 660, gst_tag_list_new (GST_TAG_TITLE, "Rain", GST_TAG_ALBUM, "Spring",
                                                    GST_TAG_TRACK_NUMBER, 2, GST_TAG_GENRE, "Folk",
                                                    GST_TAG_DATE_TIME, date, NULL));
  g_free (path);
  path = g_build_filename (spring, "01.ogg", NULL);
  encode (path, "vorbisenc", 440, gst_tag_list_new (GST_TAG_TITLE, "Opening", GST_TAG_ALBUM, "Spring",
                                                    GST_TAG_TRACK_NUMBER, 1, GST_TAG_GENRE, "Folk",
                                                    GST_TAG_DATE_TIME, date, NULL));
  g_free (path);
  path = g_build_filename (spring, "cover.png", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (cover, NULL), g_bytes_get_size (cover), NULL));

  image = gst_tag_image_data_to_image_sample (g_bytes_get_data (inner, NULL), g_bytes_get_size (inner),
                                              GST_TAG_IMAGE_TYPE_FRONT_COVER);
  g_free (path);
  path = g_build_filename (loose, "a.flac", NULL);
  encode (path, "flacenc", 330, gst_tag_list_new (GST_TAG_TITLE, "Loose One", GST_TAG_IMAGE, image, NULL));

  g_free (path);
  path = g_build_filename (book, "book.opus", NULL);
  {
    GstTagList *tags = gst_tag_list_new (GST_TAG_TITLE, "远行", GST_TAG_ALBUM, "远行 (有声书)",
                                         GST_TAG_GENRE, "Audiobook", NULL);

    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_EXTENDED_COMMENT, "CHAPTER001=00:00:00.000",
                      GST_TAG_EXTENDED_COMMENT, "CHAPTER001NAME=第一章 出发",
                      GST_TAG_EXTENDED_COMMENT, "CHAPTER002=00:00:00.500",
                      GST_TAG_EXTENDED_COMMENT, "CHAPTER002NAME=第二章 山路", NULL);
    encode (path, "opusenc", 220, tags);
  }

  g_free (path);
  path = g_build_filename (folder, "broken.ogg", NULL);
  g_assert_true (g_file_set_contents (path, "OggS this is not a real stream at all", -1, NULL));
  g_free (path);
  path = g_build_filename (folder, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (path, "liner notes", -1, NULL));

  return folder;
}

static JsonObject *
find_album (JsonArray  *albums,
            const char *title)
{
  for (guint i = 0; i < json_array_get_length (albums); i++)
    {
      JsonObject *album = json_array_get_object_element (albums, i);

      if (g_str_equal (json_object_get_string_member (album, "title"), title))
        return album;
    }

  g_assert_not_reached ();
}

static FanfareTestResponse *
get_album (FanfareTestServer *server,
           JsonObject        *album)
{
  g_autofree char *path = g_strconcat ("/api/v1/albums/", json_object_get_string_member (album, "id"), NULL);

  return fanfare_test_request (server, "GET", path, NULL, NULL);
}

static void
test_import_folder (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  g_autofree char *music = make_music ();
  g_autofree char *output = NULL;
  g_autofree char *albums_path = NULL;
  const char *create[] = { "create-user", "--data-dir", data_dir, "--username", "lin", NULL };
  const char *import[] = { "import", music, "--data-dir", data_dir, "--artist", "lin", NULL };
  const char *nobody[] = { "import", music, "--data-dir", data_dir, "--artist", "nobody", NULL };
  const char *nowhere[] = { "import", "/nonexistent/folder", "--data-dir", data_dir, "--artist", "lin", NULL };
  g_autoptr(FanfareTestResponse) user = NULL;
  g_autoptr(FanfareTestResponse) albums = NULL;
  g_autoptr(FanfareTestResponse) spring = NULL;
  g_autoptr(FanfareTestResponse) loose = NULL;
  g_autoptr(FanfareTestResponse) book = NULL;
  g_autoptr(FanfareTestResponse) cover = NULL;
  g_autoptr(FanfareTestResponse) chapters = NULL;
  FanfareTestServer *server;
  JsonArray *list, *tracks;
  JsonObject *first;

  fanfare_test_note_secret ("import secret 77");
  g_assert_cmpint (fanfare_test_run_command (create, "import secret 77\n", NULL), ==, 0);
  g_assert_cmpint (fanfare_test_run_command (nobody, NULL, NULL), ==, 1);
  g_assert_cmpint (fanfare_test_run_command (nowhere, NULL, NULL), ==, 1);
  g_assert_cmpint (fanfare_test_run_command (import, NULL, &output), ==, 0);
  g_assert_cmpstr (output, ==, "Imported 3 albums, 4 tracks; skipped 2 files\n");

  server = fanfare_test_server_start (data_dir, NULL);

  /* The listener became an artist. */
  user = fanfare_test_request (server, "GET", "/api/v1/users/lin", NULL, NULL);
  g_assert_cmpstr (fanfare_test_response_get_string (user, "user.role"), ==, "artist");
  albums_path = g_strconcat ("/api/v1/artists/", fanfare_test_response_get_string (user, "user.artist_id"),
                             "/albums", NULL);
  albums = fanfare_test_request (server, "GET", albums_path, NULL, NULL);
  list = fanfare_test_response_get_array (albums, "items");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);

  spring = get_album (server, find_album (list, "Spring"));
  g_assert_cmpstr (fanfare_test_response_get_string (spring, "album.release_date"), ==, "2024-03-01");
  g_assert_cmpstr (fanfare_test_response_get_string (spring, "album.genre"), ==, "Folk");
  tracks = fanfare_test_response_get_array (spring, "tracks");
  g_assert_cmpuint (json_array_get_length (tracks), ==, 2);
  first = json_array_get_object_element (tracks, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Opening");
  g_assert_cmpint (json_object_get_int_member (first, "duration_ms"), >, 900);
  g_assert_cmpint (json_object_get_int_member (first, "duration_ms"), <, 1100);
  g_assert_cmpfloat (json_object_get_double_member (first, "replaygain_track_gain"), !=, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (first, "replaygain_track_peak"), >, 0.1);
  cover = fanfare_test_request (server, "GET", fanfare_test_response_get_string (spring, "album.cover_uri") +
                                strlen (server->url), NULL, NULL);
  g_assert_cmpuint (cover->status, ==, 200);

  /* Listeners stream an Ogg Opus encoding, as of an upload. */
  {
    g_autofree char *token = fanfare_test_log_in (server, "lin", "import secret 77");
    g_autofree char *stream_path = g_strconcat ("/api/v1/tracks/", json_object_get_string_member (first, "id"),
                                                "/stream", NULL);
    g_autoptr(FanfareTestResponse) stream = fanfare_test_request (server, "GET", stream_path, token, NULL);
    gsize length;
    const char *data = g_bytes_get_data (stream->body, &length);

    g_assert_cmpuint (stream->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_content_type (stream->headers, NULL), ==, "audio/ogg");
    g_assert_cmpuint (length, >, 36);
    g_assert_cmpint (memcmp (data + 28, "OpusHead", 8), ==, 0);
  }

  /* No album tag: the folder names the album; its cover was inside. */
  loose = get_album (server, find_album (list, "Loose Songs"));
  g_assert_nonnull (fanfare_test_response_get_string (loose, "album.cover_uri"));

  book = get_album (server, find_album (list, "远行 (有声书)"));
  first = json_array_get_object_element (fanfare_test_response_get_array (book, "tracks"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "audiobook");
  {
    g_autofree char *track_path = g_strconcat ("/api/v1/tracks/", json_object_get_string_member (first, "id"), NULL);

    chapters = fanfare_test_request (server, "GET", track_path, NULL, NULL);
  }
  tracks = fanfare_test_response_get_array (chapters, "chapters");
  g_assert_cmpuint (json_array_get_length (tracks), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tracks, 1), "title"), ==,
                   "第二章 山路");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tracks, 1), "start_ms"), ==, 500);

  fanfare_test_server_stop (server);
  fanfare_test_remove_tree (music);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  g_test_add_func ("/server/import/folder", test_import_folder);

  status = g_test_run ();
  gst_deinit ();

  return status;
}
