/* test-tags.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tags as each format carries them, written by GStreamer's encoders and
 * muxers, and absurd tags written byte by byte. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/tag/tag.h>
#include <math.h>

#include "fanfare-tags.h"
#include "fanfare-test-library.h"

#define MB_TRACK        "0b8a1b6e-1c69-4a54-9a0a-5b1c8e2a3f01"
#define MB_ALBUM        "1c9b2c7f-2d7a-4b65-8b1b-6c2d9f3b4a02"
#define MB_ARTIST       "2dac3d80-3e8b-4c76-9c2c-7d3eaf4c5b03"
#define MB_ALBUM_ARTIST "3ebd4e91-4f9c-4d87-8d3d-8e4fb05d6c04"
#define LYRICS          "First line\nSecond line"

static GBytes *cover_png;

static GstTagList *
full_tags (FanfareTestFormat  format)
{
  GstTagList *tags = fanfare_test_tags_new ("Hello World", "Ana Lima", "Great Album", 3);
  g_autoptr(GstSample) image = NULL;
  g_autoptr(GstDateTime) date = gst_date_time_new_y (2001);
  g_autoptr(GDate) day = g_date_new_dmy (1, 5, 2001);

  image = gst_tag_image_data_to_image_sample (g_bytes_get_data (cover_png, NULL),
                                              g_bytes_get_size (cover_png),
                                              GST_TAG_IMAGE_TYPE_FRONT_COVER);
  gst_tag_list_add (tags, GST_TAG_MERGE_APPEND,
                    GST_TAG_ARTIST, "Bo Chen",
                    GST_TAG_ALBUM_ARTIST, "Various Artists",
                    GST_TAG_ALBUM_VOLUME_NUMBER, 2,
                    GST_TAG_DATE_TIME, date,
                    GST_TAG_DATE, day,
                    GST_TAG_GENRE, "Jazz",
                    GST_TAG_TRACK_GAIN, -6.5,
                    GST_TAG_TRACK_PEAK, 0.875,
                    GST_TAG_ALBUM_GAIN, -7.25,
                    GST_TAG_ALBUM_PEAK, 0.9375,
                    GST_TAG_MUSICBRAINZ_TRACKID, MB_TRACK,
                    GST_TAG_MUSICBRAINZ_ALBUMID, MB_ALBUM,
                    GST_TAG_MUSICBRAINZ_ARTISTID, MB_ARTIST,
                    GST_TAG_MUSICBRAINZ_ALBUMARTISTID, MB_ALBUM_ARTIST,
                    GST_TAG_IMAGE, image,
                    NULL);

  /* Vorbis comments carry lyrics as a field of their own, which GStreamer
   * writes from an extended comment; MP4 from the lyrics tag. */
  if (format == FANFARE_TEST_M4A)
    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_LYRICS, LYRICS, NULL);
  else
    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_EXTENDED_COMMENT, "LYRICS=" LYRICS, NULL);

  return tags;
}

static FanfareTags *
write_and_read (FanfareTestHome           *home,
                const char                *name,
                FanfareTestFormat          format,
                GstTagList                *tags,
                FanfareLibraryProblemKind  expected_problem)
{
  g_autofree char *path = fanfare_test_music_path (home, name);
  g_autoptr(GError) error = NULL;
  FanfareLibraryProblemKind problem;
  FanfareTags *read;

  fanfare_test_write_audio (path, format, tags);
  read = fanfare_tags_read (path, TRUE, &problem, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpint (problem, ==, expected_problem);

  return read;
}

static void
test_format (gconstpointer  data)
{
  FanfareTestFormat format = GPOINTER_TO_INT (data);
  g_autoptr(GstTagList) tags = full_tags (format);
  g_autofree char *name = g_strconcat ("song", fanfare_test_format_extension (format), NULL);
  g_autoptr(FanfareTags) read = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  read = write_and_read (&home, name, format, tags, FANFARE_LIBRARY_PROBLEM_NONE);

  g_assert_cmpstr (read->title, ==, "Hello World");
  g_assert_cmpstr (read->artist, ==, "Ana Lima, Bo Chen");
  /* mp4mux joins the artists into one value; the others keep two. */
  if (format != FANFARE_TEST_M4A)
    {
      g_assert_cmpuint (g_strv_length (read->artists), ==, 2);
      g_assert_cmpstr (read->artists[1], ==, "Bo Chen");
    }
  g_assert_cmpstr (read->album, ==, "Great Album");
  g_assert_cmpstr (read->album_artist, ==, "Various Artists");
  g_assert_cmpuint (read->track_number, ==, 3);
  g_assert_cmpuint (read->disc_number, ==, 2);
  g_assert_cmpuint (read->year, ==, 2001);
  g_assert_cmpstr (read->genre, ==, "Jazz");
  /* Half a second, give or take an encoder's padding. */
  g_assert_cmpint (read->duration_ms, >, 400);
  g_assert_cmpint (read->duration_ms, <, 700);
  g_assert_cmpuint (read->bitrate_kbps, >, 0);
  g_assert_cmpuint (read->sample_rate, ==, format == FANFARE_TEST_OPUS ? 48000 : 44100);
  g_assert_nonnull (read->picture);
  g_assert_true (g_bytes_equal (read->picture, cover_png));

  if (format != FANFARE_TEST_MP3)
    g_assert_cmpstr (read->lyrics, ==, LYRICS);

  /* mp4mux writes neither ReplayGain nor MusicBrainz atoms. */
  if (format != FANFARE_TEST_M4A)
    {
      g_assert_cmpfloat_with_epsilon (read->track_gain, -6.5, 0.01);
      g_assert_cmpfloat_with_epsilon (read->track_peak, 0.875, 0.001);
      g_assert_cmpfloat_with_epsilon (read->album_gain, -7.25, 0.01);
      g_assert_cmpfloat_with_epsilon (read->album_peak, 0.9375, 0.001);
      g_assert_cmpstr (read->mb_track_id, ==, MB_TRACK);
      g_assert_cmpstr (read->mb_album_id, ==, MB_ALBUM);
      g_assert_cmpstr (read->mb_artist_id, ==, MB_ARTIST);
      g_assert_cmpstr (read->mb_album_artist_id, ==, MB_ALBUM_ARTIST);
    }

  fanfare_test_home_clear (&home);
}

/* An ID3v1.1 tag: 128 bytes at the end of the file. */
static void
append_id3v1 (const char *path)
{
  guint8 tag[128] = { 'T', 'A', 'G' };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length;

  memcpy (tag + 3, "Old Song", 8);
  memcpy (tag + 33, "Old Band", 8);
  memcpy (tag + 63, "Old Album", 9);
  memcpy (tag + 93, "1987", 4);
  tag[125] = 0;
  tag[126] = 7;
  tag[127] = 17;       /* Rock */

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (guint8 *) contents, length);
  g_byte_array_append (bytes, tag, sizeof tag);
  g_file_set_contents (path, (char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);
}

static void
test_id3v1 (void)
{
  g_autoptr(FanfareTags) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FanfareLibraryProblemKind problem;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  path = fanfare_test_music_path (&home, "old.mp3");
  fanfare_test_write_audio (path, FANFARE_TEST_MP3, NULL);
  append_id3v1 (path);

  read = fanfare_tags_read (path, FALSE, &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problem, ==, FANFARE_LIBRARY_PROBLEM_NONE);
  g_assert_cmpstr (read->title, ==, "Old Song");
  g_assert_cmpstr (read->artist, ==, "Old Band");
  g_assert_cmpstr (read->album, ==, "Old Album");
  g_assert_cmpuint (read->year, ==, 1987);
  g_assert_cmpuint (read->track_number, ==, 7);
  g_assert_cmpstr (read->genre, ==, "Rock");

  fanfare_test_home_clear (&home);
}

static void
test_absurd (void)
{
  g_autoptr(FanfareTags) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FanfareLibraryProblemKind problem;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  path = fanfare_test_music_path (&home, "absurd.mp3");
  fanfare_test_write_absurd_mp3 (path);

  read = fanfare_tags_read (path, FALSE, &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problem, ==, FANFARE_LIBRARY_PROBLEM_BAD_TAGS);
  /* TagLib drops text that is not valid UTF-8 (the index then shows the
   * file's name); a NUL ends a value; control characters go. */
  g_assert_null (read->title);
  g_assert_cmpstr (read->artist, ==, "Fine Artist");
  g_assert_cmpstr (read->album_artist, ==, "Band");
  g_assert_cmpstr (read->genre, ==, "Jazz");
  /* The 10 MB album is cut to the limit, the track number -1 ignored. */
  g_assert_cmpuint (g_utf8_strlen (read->album, -1), ==, FANFARE_TAGS_MAX_TEXT);
  g_assert_cmpuint (read->track_number, ==, 0);
  g_assert_cmpint (read->duration_ms, >, 0);

  fanfare_test_home_clear (&home);
}

static void
test_not_audio (void)
{
  g_autoptr(FanfareTags) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FanfareLibraryProblemKind problem;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  path = fanfare_test_music_path (&home, "notes.flac");
  g_file_set_contents (path, "These are not sounds.\n", -1, &error);
  g_assert_no_error (error);

  read = fanfare_tags_read (path, FALSE, &problem, &error);
  g_assert_null (read);
  g_assert_error (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO);
  g_clear_error (&error);

  read = fanfare_tags_read (home.music, FALSE, &problem, &error);
  g_assert_null (read);
  g_assert_nonnull (error);

  fanfare_test_home_clear (&home);
}

int
main (int   argc,
      char *argv[])
{
  static const char *names[] = { "mp3", "flac", "ogg", "opus", "m4a" };
  int status;

  gst_init (&argc, &argv);
  gst_tag_register_musicbrainz_tags ();
  g_test_init (&argc, &argv, NULL);

  cover_png = fanfare_test_image_new (40, 30, 0xff0000, "png");

  for (int f = 0; f < FANFARE_TEST_N_FORMATS; f++)
    {
      g_autofree char *path = g_strdup_printf ("/library/tags/%s", names[f]);
      g_test_add_data_func (path, GINT_TO_POINTER (f), test_format);
    }
  g_test_add_func ("/library/tags/id3v1", test_id3v1);
  g_test_add_func ("/library/tags/absurd", test_absurd);
  g_test_add_func ("/library/tags/not-audio", test_not_audio);

  status = g_test_run ();
  g_bytes_unref (cover_png);

  return status;
}
