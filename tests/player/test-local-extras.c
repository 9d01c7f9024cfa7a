/* test-local-extras.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each source of a local file's lyrics and chapters, on files written by
 * real encoders and muxers, and the order in which they are tried. */

#include "config.h"

#include <gst/tag/tag.h>

#include "fanfare-chapter.h"
#include "fanfare-local-extras.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-utils.h"

typedef struct
{
  char          *dir;
  FanfareLyrics *lyrics;
  GPtrArray     *chapters;
  gboolean       done;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = fanfare_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->lyrics);
  g_clear_pointer (&fixture->chapters, g_ptr_array_unref);
  fanfare_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (fanfare_local_extras_load_finish (result, &fixture->lyrics, &fixture->chapters, &error));
  g_assert_no_error (error);
  fixture->done = TRUE;
}

static void
load (Fixture    *fixture,
      const char *path)
{
  g_clear_object (&fixture->lyrics);
  g_clear_pointer (&fixture->chapters, g_ptr_array_unref);
  fixture->done = FALSE;
  fanfare_local_extras_load_async (path, NULL, loaded_cb, fixture);
  g_assert_true (fanfare_test_wait_for (fanfare_test_flag_is_set, &fixture->done, 20000));
}

static char *
write_flac (Fixture    *fixture,
            const char *name,
            const char *lyrics)
{
  g_autoptr(GstTagList) tags = gst_tag_list_new (GST_TAG_TITLE, "Song", NULL);
  char *path = g_build_filename (fixture->dir, name, NULL);

  if (lyrics != NULL)
    {
      g_autofree char *comment = g_strconcat ("LYRICS=", lyrics, NULL);

      /* As taggers write it into a FLAC file's Vorbis comments. */
      gst_tag_list_add (tags, GST_TAG_MERGE_REPLACE, GST_TAG_EXTENDED_COMMENT, comment, NULL);
    }
  fanfare_test_write_tagged_flac (path, 2, tags, NULL);
  return path;
}

static void
write_beside (const char *path,
              const char *extension,
              const char *text)
{
  g_autofree char *base = g_strndup (path, strlen (path) - strlen (".flac"));
  g_autofree char *other = g_strconcat (base, extension, NULL);

  g_assert_true (g_file_set_contents (other, text, -1, NULL));
}

static void
test_lyrics_none (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_flac (fixture, "plain.flac", NULL);

  load (fixture, path);
  g_assert_null (fixture->lyrics);
  g_assert_null (fixture->chapters);
}

static void
test_lyrics_tag_synced (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_flac (fixture, "synced.flac", "[00:00.50]From the tag\n[00:01.20]Second\n");

  load (fixture, path);
  g_assert_nonnull (fixture->lyrics);
  g_assert_true (fanfare_lyrics_is_synced (fixture->lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (fixture->lyrics), ==, 2);
  g_assert_cmpint (fanfare_lyrics_get_line_time (fixture->lyrics, 1), ==, 1200 * G_TIME_SPAN_MILLISECOND);
}

static void
test_lyrics_tag_unsynced (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_flac (fixture, "unsynced.flac", "Just words\nand more words");

  load (fixture, path);
  g_assert_nonnull (fixture->lyrics);
  g_assert_false (fanfare_lyrics_is_synced (fixture->lyrics));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (fixture->lyrics, 1), ==, "and more words");
}

/* A .lrc file beside the audio comes before the tags, unless it is broken. */
static void
test_lyrics_lrc_beside (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = write_flac (fixture, "both.flac", "From the tag");

  write_beside (path, ".lrc", "[ar:Someone]\n[00:00.10]From the file\n");
  load (fixture, path);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (fixture->lyrics, 0), ==, "From the file");

  write_beside (path, ".lrc", "[00:00.10]Fine\n[00:99.00]Broken\n");
  load (fixture, path);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (fixture->lyrics, 0), ==, "From the tag");
}

static void
test_chapters_cue (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_flac (fixture, "mix.flac", NULL);

  write_beside (path, ".cue",
                "FILE \"mix.wav\" WAVE\n"
                "  TRACK 01 AUDIO\n    TITLE \"Intro\"\n    PERFORMER \"A\"\n    INDEX 01 00:00:00\n"
                "  TRACK 02 AUDIO\n    TITLE \"Drop\"\n    PERFORMER \"B\"\n    INDEX 01 00:01:00\n");
  load (fixture, path);
  g_assert_nonnull (fixture->chapters);
  g_assert_cmpuint (fixture->chapters->len, ==, 2);
  g_assert_cmpstr (fanfare_chapter_get_artist (g_ptr_array_index (fixture->chapters, 1)), ==, "B");
  g_assert_cmpint (fanfare_chapter_get_start (g_ptr_array_index (fixture->chapters, 1)), ==, G_TIME_SPAN_SECOND);
}

static GstTocEntry *
toc_chapter (const char *uid,
             const char *title,
             gint64      start,
             gint64      stop)
{
  GstTocEntry *entry = gst_toc_entry_new (GST_TOC_ENTRY_TYPE_CHAPTER, uid);

  gst_toc_entry_set_start_stop_times (entry, start, stop);
  gst_toc_entry_set_tags (entry, gst_tag_list_new (GST_TAG_TITLE, title, NULL));
  return entry;
}

/* A second of a tone through @chain, whose element "mux" writes @tags. */
static char *
write_muxed (Fixture          *fixture,
             const char       *name,
             const char       *chain,
             const GstTagList *tags)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) mux = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  description = g_strdup_printf ("audiotestsrc num-buffers=10 samplesperbuffer=4410"
                                 " ! audio/x-raw,format=S16LE,rate=44100,channels=1 ! audioconvert"
                                 " ! %s ! filesink location=\"%s\"", chain, path);
  pipeline = gst_parse_launch (description, NULL);
  g_assert_nonnull (pipeline);
  mux = gst_bin_get_by_name (GST_BIN (pipeline), "mux");
  gst_tag_setter_merge_tags (GST_TAG_SETTER (mux), tags, GST_TAG_MERGE_REPLACE);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return path;
}

static void
put_synchsafe (guint8 *p,
               gsize   n)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (n >> (7 * (3 - i))) & 0x7f;
}

static void
append_frame (GByteArray   *tag,
              const char   *id,
              const guint8 *body,
              gsize         length)
{
  guint8 header[10] = { 0 };

  memcpy (header, id, 4);
  put_synchsafe (header + 4, length);
  g_byte_array_append (tag, header, sizeof header);
  g_byte_array_append (tag, body, (guint) length);
}

/* An MP3 file behind an ID3v2.4 tag of @frames, written by hand (GStreamer
 * 1.22's id3v2mux writes no lyrics). */
static char *
write_id3 (Fixture    *fixture,
           const char *name,
           GByteArray *frames)
{
  g_autoptr(GstTagList) tags = gst_tag_list_new (GST_TAG_TITLE, "Song", NULL);
  g_autofree char *plain_name = g_strconcat ("plain-", name, NULL);
  g_autofree char *plain = write_muxed (fixture, plain_name, "lamemp3enc ! id3v2mux name=mux", tags);
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *audio = NULL;
  g_autoptr(GByteArray) file = g_byte_array_new ();
  guint8 header[10] = { 'I', 'D', '3', 4, 0, 0 };
  gsize length;

  /* The plain file's own tag stays after the new one, as a second tag. */
  g_assert_true (g_file_get_contents (plain, &audio, &length, NULL));
  put_synchsafe (header + 6, frames->len);
  g_byte_array_append (file, header, sizeof header);
  g_byte_array_append (file, frames->data, frames->len);
  g_byte_array_append (file, (const guint8 *) audio, (guint) length);
  g_assert_true (g_file_set_contents (path, (const char *) file->data, file->len, NULL));
  return path;
}

static const guint8 uslt_body[] = {
  3, 'z', 'h', 'o', 0,
  '[', '0', '0', ':', '0', '0', '.', '5', '0', ']', 0xe6, 0x9c, 0x88, 0xe5, 0x85, 0x89, '\n',
  '[', '0', '0', ':', '0', '1', '.', '0', '0', ']', 'N', 'e', 'x', 't',
};

/* An MP3 file's ID3 USLT frame holding LRC. */
static void
test_lyrics_id3_uslt (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GByteArray) frames = g_byte_array_new ();
  g_autofree char *path = NULL;

  append_frame (frames, "USLT", uslt_body, sizeof uslt_body);
  path = write_id3 (fixture, "uslt.mp3", frames);

  load (fixture, path);
  g_assert_nonnull (fixture->lyrics);
  g_assert_true (fanfare_lyrics_is_synced (fixture->lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (fixture->lyrics), ==, 2);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (fixture->lyrics, 0), ==, "月光");
  g_assert_cmpint (fanfare_lyrics_get_line_time (fixture->lyrics, 1), ==, G_TIME_SPAN_SECOND);
}

/* A SYLT frame beside a USLT one: the synced lines are taken. */
static void
test_lyrics_id3_sylt (Fixture       *fixture,
                      gconstpointer  data)
{
  static const guint8 sylt_body[] = {
    3, 'e', 'n', 'g', 2, 1, 0,
    'O', 'n', 'e', 0, 0x00, 0x00, 0x00, 0xfa,
    '\n', 'T', 'w', 'o', 0, 0x00, 0x00, 0x02, 0xee,
  };
  g_autoptr(GByteArray) frames = g_byte_array_new ();
  g_autofree char *path = NULL;

  append_frame (frames, "USLT", uslt_body, sizeof uslt_body);
  append_frame (frames, "SYLT", sylt_body, sizeof sylt_body);
  path = write_id3 (fixture, "sylt.mp3", frames);

  load (fixture, path);
  g_assert_nonnull (fixture->lyrics);
  g_assert_true (fanfare_lyrics_is_synced (fixture->lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (fixture->lyrics), ==, 2);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (fixture->lyrics, 1), ==, "Two");
  g_assert_cmpint (fanfare_lyrics_get_line_time (fixture->lyrics, 0), ==, 250 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (fanfare_lyrics_get_line_time (fixture->lyrics, 1), ==, 750 * G_TIME_SPAN_MILLISECOND);
}

/* An M4A file's ©lyr atom, as mp4mux writes the lyrics tag. */
static void
test_lyrics_mp4 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GstTagList) tags = gst_tag_list_new (GST_TAG_LYRICS, "[00:00.40]In the atom\n", NULL);
  g_autofree char *path = write_muxed (fixture, "lyrics.m4a", "avenc_aac ! mp4mux name=mux", tags);

  load (fixture, path);
  g_assert_nonnull (fixture->lyrics);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (fixture->lyrics, 0), ==, "In the atom");
  g_assert_cmpint (fanfare_lyrics_get_line_time (fixture->lyrics, 0), ==, 400 * G_TIME_SPAN_MILLISECOND);
}

/* Chapters inside a Matroska file, as a book ripped to .mka has them. */
static void
test_chapters_matroska (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "book.mka", NULL);
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) mux = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstToc) toc = gst_toc_new (GST_TOC_SCOPE_GLOBAL);
  GstTocEntry *edition = gst_toc_entry_new (GST_TOC_ENTRY_TYPE_EDITION, "edition");

  gst_toc_entry_append_sub_entry (edition, toc_chapter ("1", "Chapter One", 0, GST_SECOND));
  gst_toc_entry_append_sub_entry (edition, toc_chapter ("2", "Chapter Two", GST_SECOND, 2 * GST_SECOND));
  gst_toc_append_entry (toc, edition);

  description = g_strdup_printf ("audiotestsrc num-buffers=20 samplesperbuffer=4410"
                                 " ! audio/x-raw,format=S16LE,rate=44100,channels=1"
                                 " ! matroskamux name=mux ! filesink location=\"%s\"", path);
  pipeline = gst_parse_launch (description, NULL);
  mux = gst_bin_get_by_name (GST_BIN (pipeline), "mux");
  gst_toc_setter_set_toc (GST_TOC_SETTER (mux), toc);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  load (fixture, path);
  g_assert_nonnull (fixture->chapters);
  g_assert_cmpuint (fixture->chapters->len, ==, 2);
  g_assert_cmpstr (fanfare_chapter_get_title (g_ptr_array_index (fixture->chapters, 0)), ==, "Chapter One");
  g_assert_cmpstr (fanfare_chapter_get_title (g_ptr_array_index (fixture->chapters, 1)), ==, "Chapter Two");
  g_assert_cmpint (fanfare_chapter_get_start (g_ptr_array_index (fixture->chapters, 1)), ==, G_TIME_SPAN_SECOND);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/player/local-extras/none", test_lyrics_none);
  ADD ("/player/local-extras/lyrics-tag-synced", test_lyrics_tag_synced);
  ADD ("/player/local-extras/lyrics-tag-unsynced", test_lyrics_tag_unsynced);
  ADD ("/player/local-extras/lyrics-lrc-beside", test_lyrics_lrc_beside);
  ADD ("/player/local-extras/lyrics-id3-uslt", test_lyrics_id3_uslt);
  ADD ("/player/local-extras/lyrics-id3-sylt", test_lyrics_id3_sylt);
  ADD ("/player/local-extras/lyrics-mp4", test_lyrics_mp4);
  ADD ("/player/local-extras/chapters-cue", test_chapters_cue);
  ADD ("/player/local-extras/chapters-matroska", test_chapters_matroska);
#undef ADD

  return g_test_run ();
}
