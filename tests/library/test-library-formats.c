/* test-library-formats.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The formats beside the five common ones: WAV, AIFF and WavPack, which
 * TagLib reads, and Matroska and WebM, which GStreamer reads because
 * TagLib 1.13 cannot. A Matroska audiobook's chapters make it an
 * audiobook; damaged files and videos are problems, not tracks. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "fanfare-tags.h"
#include "fanfare-test-library.h"

static const char *chapter_titles[] = { "Opening", "The Middle", "The End", NULL };

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
write_tagged (FanfareTestHome   *home,
              const char        *relative,
              FanfareTestFormat  format,
              GstTagList        *tags,
              GstToc            *toc)
{
  g_autofree char *path = fanfare_test_music_path (home, relative);

  fanfare_test_write_audio_with_toc (path, format, tags, toc);
}

/* The first @length bytes of a real file of @format. */
static void
write_cut (FanfareTestHome   *home,
           const char        *relative,
           FanfareTestFormat  format,
           gsize              length)
{
  g_autofree char *path = fanfare_test_music_path (home, relative);
  g_autofree char *full = g_strconcat (path, ".full", NULL);
  g_autofree char *contents = NULL;
  gsize full_length;

  fanfare_test_write_audio (full, format, NULL);
  g_assert_true (g_file_get_contents (full, &contents, &full_length, NULL));
  g_assert_cmpuint (full_length, >, length);
  write_file (path, contents, length);
  g_unlink (full);
}

/* A second of moving pictures and sound in WebM: a video, not music. */
static void
write_video (const char *path)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  pipeline = gst_parse_launch ("webmmux name=mux ! filesink name=sink"
                               " videotestsrc num-buffers=10 ! video/x-raw,width=64,height=48,framerate=10/1"
                               " ! vp8enc deadline=1 ! mux."
                               " audiotestsrc num-buffers=22 ! audioconvert ! audioresample ! opusenc ! mux.",
                               &error);
  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", path, NULL);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static void
assert_song (GListModel       *songs,
             const char       *title,
             const char       *artist,
             FanfareTrackKind  kind)
{
  g_autoptr(FanfareTrack) track = fanfare_test_track_titled (songs, title);

  g_test_message ("%s", title);
  g_assert_cmpstr (fanfare_track_get_artist (track), ==, artist);
  g_assert_cmpint (fanfare_track_get_kind (track), ==, kind);
  /* Half a second, give or take an encoder's padding. */
  g_assert_cmpint (fanfare_track_get_duration (track), >, 400 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (fanfare_track_get_duration (track), <, 700 * G_TIME_SPAN_MILLISECOND);
}

static void
assert_problem (FanfareLibrary            *library,
                FanfareTestHome           *home,
                const char                *relative,
                FanfareLibraryProblemKind  kind)
{
  g_autofree char *path = g_build_filename (home->music, relative, NULL);

  g_test_message ("%s", relative);
  g_assert_cmpint (fanfare_test_problem_for (library, path), ==, kind);
}

/* What GStreamer reads of a Matroska file, checked as TagLib's values are. */
static void
test_matroska_tags (void)
{
  g_autoptr(GstTagList) tags = fanfare_test_tags_new ("Chapter and Verse", NULL, "Collected", 4);
  g_autoptr(GstToc) toc = fanfare_test_toc_new (chapter_titles);
  g_autoptr(FanfareTags) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FanfareLibraryProblemKind problem;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_ARTIST, "Ana Lima", GST_TAG_ARTIST, "Bo Chen",
                    GST_TAG_GENRE, "Spoken Word", NULL);
  path = fanfare_test_music_path (&home, "book.mka");
  fanfare_test_write_audio_with_toc (path, FANFARE_TEST_MKA, tags, toc);
  g_assert_cmpint (fanfare_tags_reader_for (path), ==, FANFARE_TAGS_READER_GSTREAMER);

  read = fanfare_tags_read (path, TRUE, &problem, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpint (problem, ==, FANFARE_LIBRARY_PROBLEM_NONE);
  g_assert_cmpstr (read->title, ==, "Chapter and Verse");
  g_assert_cmpstr (read->artist, ==, "Ana Lima, Bo Chen");
  g_assert_cmpstr (read->album, ==, "Collected");
  g_assert_cmpstr (read->genre, ==, "Spoken Word");
  /* GStreamer's Matroska muxer and demuxer do not carry the track and disc
   * numbers across: they are not asked of it. */
  g_assert_cmpint (read->duration_ms, >, 400);
  g_assert_cmpint (read->duration_ms, <, 700);
  g_assert_cmpuint (read->sample_rate, ==, 44100);
  g_assert_cmpuint (read->bitrate_kbps, >, 0);
  g_assert_cmpuint (read->extras, ==, FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG);

  fanfare_test_home_clear (&home);
}

/* A scan indexes Matroska and WebM files; one with chapters is an
 * audiobook, the others songs; what cannot be read is a problem. */
static void
test_matroska_scan (void)
{
  g_autoptr(GstTagList) book_tags = fanfare_test_tags_new ("A Long Book", "Reader", "Books", 1);
  g_autoptr(GstTagList) song_tags = fanfare_test_tags_new ("Matroska Song", "Ann", "Containers", 2);
  g_autoptr(GstTagList) webm_tags = fanfare_test_tags_new ("WebM Song", "Bob", "Containers", 3);
  g_autoptr(GstToc) toc = fanfare_test_toc_new (chapter_titles);
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *video = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_tagged (&home, "Books/book.mka", FANFARE_TEST_MKA, book_tags, toc);
  write_tagged (&home, "Songs/song.mka", FANFARE_TEST_MKA, song_tags, NULL);
  write_tagged (&home, "Songs/song.webm", FANFARE_TEST_WEBM, webm_tags, NULL);
  garbage = fanfare_test_music_path (&home, "bad/garbage.mka");
  write_file (garbage, "These are not sounds.\n", -1);
  write_cut (&home, "bad/cut.mka", FANFARE_TEST_MKA, 64);
  video = fanfare_test_music_path (&home, "bad/film.webm");
  write_video (video);

  library = fanfare_test_library_open (&home, NULL);
  fanfare_test_library_scan (library);

  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, 3);
  assert_song (G_LIST_MODEL (songs), "A Long Book", "Reader", FANFARE_TRACK_KIND_AUDIOBOOK);
  assert_song (G_LIST_MODEL (songs), "Matroska Song", "Ann", FANFARE_TRACK_KIND_SONG);
  assert_song (G_LIST_MODEL (songs), "WebM Song", "Bob", FANFARE_TRACK_KIND_SONG);
  {
    g_autoptr(FanfareTrack) book = fanfare_test_track_titled (G_LIST_MODEL (songs), "A Long Book");
    g_autoptr(FanfareTrack) song = fanfare_test_track_titled (G_LIST_MODEL (songs), "Matroska Song");

    g_assert_cmpuint (fanfare_test_extras_of (&home, book), ==, FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG);
    g_assert_cmpuint (fanfare_test_extras_of (&home, song), ==, FANFARE_LIBRARY_EXTRAS_NONE);
  }

  assert_problem (library, &home, "bad/garbage.mka", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);
  assert_problem (library, &home, "bad/cut.mka", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);
  assert_problem (library, &home, "bad/film.webm", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);
  assert_problem (library, &home, "Books/book.mka", FANFARE_LIBRARY_PROBLEM_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_library_get_problems (library)), ==, 3);

  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

/* WAV, AIFF and WavPack, which TagLib reads; GStreamer writes tags only
 * into the WAV file (its APEv2 tagger fails on WavPack), the others are
 * named after their files. */
static void
test_taglib_formats (void)
{
  g_autoptr(GstTagList) wav_tags = fanfare_test_tags_new ("Wave Song", "Ann", "Plain", 1);
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_tagged (&home, "song.wav", FANFARE_TEST_WAV, wav_tags, NULL);
  write_tagged (&home, "untagged.aiff", FANFARE_TEST_AIFF, NULL, NULL);
  write_tagged (&home, "packed.wv", FANFARE_TEST_WAVPACK, NULL, NULL);
  write_cut (&home, "cut.wv", FANFARE_TEST_WAVPACK, 16);

  library = fanfare_test_library_open (&home, NULL);
  fanfare_test_library_scan (library);

  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  titles = fanfare_test_titles (G_LIST_MODEL (songs));
  g_assert_cmpuint (titles->len, ==, 3);
  assert_song (G_LIST_MODEL (songs), "Wave Song", "Ann", FANFARE_TRACK_KIND_SONG);
  assert_song (G_LIST_MODEL (songs), "packed", NULL, FANFARE_TRACK_KIND_SONG);
  assert_song (G_LIST_MODEL (songs), "untagged", NULL, FANFARE_TRACK_KIND_SONG);
  assert_problem (library, &home, "cut.wv", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);

  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/formats/matroska-tags", test_matroska_tags);
  g_test_add_func ("/library/formats/matroska-scan", test_matroska_scan);
  g_test_add_func ("/library/formats/taglib", test_taglib_formats);

  return g_test_run ();
}
