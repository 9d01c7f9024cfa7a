/* bench-library-scan.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The first scan of a generated library against the raw tag reader in a
 * tight loop, then a rescan with nothing changed, and, for the choice of
 * the tag reader, TagLib's C API, GstDiscoverer and `gst-discoverer-1.0`
 * over the same files. Run it with:
 *
 *   build-aux/dev.sh bench library-scan
 *
 * FANFARE_BENCH_FILES sets the number of files (10,000 by default). One
 * file per format is encoded once with an embedded cover; the others are
 * copies whose tags TagLib rewrites, ten tracks to an album. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/tag/tag.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <taglib/tag_c.h>

#include "fanfare-library-scan.h"
#include "fanfare-taglib-reader.h"

static const struct {
  const char *extension;
  const char *encoder;
} formats[] = {
  { ".mp3", "lamemp3enc ! xingmux ! id3v2mux name=tagger" },
  { ".flac", "flacenc name=tagger" },
  { ".ogg", "vorbisenc name=tagger ! oggmux" },
  { ".opus", "audioresample ! opusenc name=tagger ! oggmux" },
  { ".m4a", "avenc_aac ! mp4mux name=tagger" },
};

static const char *words[] = {
  "love", "night", "summer", "river", "light", "heart", "dream", "fire", "blue", "road",
  "star", "rain", "city", "ocean", "golden", "shadow", "wild", "silver", "home", "morning",
};

static char *
encode_template (const char *dir,
                 guint       format)
{
  g_autofree char *path = g_strconcat (dir, "/template", formats[format].extension, NULL);
  g_autofree char *pipeline_text = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) element = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GstTagList) tags = gst_tag_list_new_empty ();
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 300);
  g_autoptr(GstSample) image = NULL;
  g_autofree char *jpeg = NULL;
  gsize jpeg_size;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_size, "jpeg", NULL, NULL);
  image = gst_tag_image_data_to_image_sample ((guint8 *) jpeg, jpeg_size, GST_TAG_IMAGE_TYPE_FRONT_COVER);
  gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_IMAGE, image, GST_TAG_GENRE, "Pop", NULL);

  pipeline_text = g_strdup_printf ("audiotestsrc num-buffers=86 ! audioconvert ! %s ! filesink name=sink",
                                   formats[format].encoder);
  pipeline = gst_parse_launch (pipeline_text, NULL);
  g_assert_nonnull (pipeline);
  element = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (element, "location", path, NULL);
  g_clear_object (&element);
  element = gst_bin_get_by_name (GST_BIN (pipeline), "tagger");
  gst_tag_setter_merge_tags (GST_TAG_SETTER (element), tags, GST_TAG_MERGE_REPLACE);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_true (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return g_steal_pointer (&path);
}

/* Copies of the templates, with their own title, artist, album and number,
 * some of them Chinese. */
static GPtrArray *
generate (const char *dir,
          guint       n_files)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  char *templates[G_N_ELEMENTS (formats)];
  GBytes *contents[G_N_ELEMENTS (formats)];

  g_mkdir_with_parents (dir, 0700);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *data = NULL;
      gsize length;

      templates[f] = encode_template (dir, f);
      g_file_get_contents (templates[f], &data, &length, NULL);
      contents[f] = g_bytes_new_take (g_steal_pointer (&data), length);
    }

  taglib_set_strings_unicode (TRUE);
  for (guint i = 0; i < n_files; i++)
    {
      guint album = i / 10, artist = album / 5, f = album % G_N_ELEMENTS (formats);
      g_autofree char *folder = g_strdup_printf ("%s/Artist %03u/Album %04u", dir, artist, album);
      g_autofree char *path = g_strdup_printf ("%s/%02u%s", folder, i % 10 + 1, formats[f].extension);
      g_autofree char *title = NULL;
      g_autofree char *artist_name = NULL;
      g_autofree char *album_name = NULL;
      TagLib_File *file;
      TagLib_Tag *tag;

      g_mkdir_with_parents (folder, 0700);
      g_file_set_contents (path, g_bytes_get_data (contents[f], NULL), g_bytes_get_size (contents[f]), NULL);

      title = g_strdup_printf ("%s %s %u", words[i % 20], words[(i / 20) % 20], i);
      artist_name = artist % 4 == 0 ? g_strdup_printf ("歌手%u号", artist) : g_strdup_printf ("Band %u", artist);
      album_name = g_strdup_printf ("%s %s", words[album % 20], words[(album * 7) % 20]);

      file = taglib_file_new (path);
      g_assert_nonnull (file);
      tag = taglib_file_tag (file);
      taglib_tag_set_title (tag, title);
      taglib_tag_set_artist (tag, artist_name);
      taglib_tag_set_album (tag, album_name);
      taglib_tag_set_track (tag, i % 10 + 1);
      taglib_tag_set_year (tag, 1980 + album % 40);
      g_assert_true (taglib_file_save (file));
      taglib_file_free (file);
      taglib_tag_free_strings ();

      g_ptr_array_add (files, g_steal_pointer (&path));
    }

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_unlink (templates[f]);
      g_free (templates[f]);
      g_bytes_unref (contents[f]);
    }

  return files;
}

#define ROUNDS 3

static double
seconds_since (gint64  start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
raw_reader (GPtrArray *files)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      FanfareRawTags *raw = fanfare_taglib_read (files->pdata[i], FALSE, 0);

      g_assert_nonnull (raw);
      fanfare_raw_tags_free (raw);
    }

  return seconds_since (start);
}

static double
taglib_c_api (GPtrArray *files)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      TagLib_File *file = taglib_file_new (files->pdata[i]);
      TagLib_Tag *tag = taglib_file_tag (file);
      const TagLib_AudioProperties *properties = taglib_file_audioproperties (file);

      g_assert_nonnull (taglib_tag_title (tag));
      taglib_tag_artist (tag);
      taglib_tag_album (tag);
      taglib_tag_genre (tag);
      taglib_tag_track (tag);
      taglib_tag_year (tag);
      taglib_audioproperties_length (properties);
      taglib_audioproperties_bitrate (properties);
      taglib_audioproperties_samplerate (properties);
      taglib_tag_free_strings ();
      taglib_file_free (file);
    }

  return seconds_since (start);
}

static double
discoverer (GPtrArray *files,
            guint      n)
{
  g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (10 * GST_SECOND, NULL);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uri = g_filename_to_uri (files->pdata[i], NULL, NULL);
      g_autoptr(GstDiscovererInfo) info = gst_discoverer_discover_uri (discoverer, uri, NULL);

      g_assert_nonnull (info);
      g_assert_nonnull (gst_discoverer_info_get_tags (info));
    }

  return seconds_since (start);
}

static double
discoverer_tool (const char *dir)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, "gst-discoverer-1.0", dir, NULL);
  if (process == NULL)
    {
      g_printerr ("gst-discoverer-1.0: %s\n", error->message);
      return -1;
    }
  g_subprocess_wait (process, NULL, NULL);

  return seconds_since (start);
}

static void
indexed_cb (gpointer  user_data)
{
  *(gint64 *) user_data = g_get_monotonic_time ();
}

/* Returns the time until every track was in the index; @covers_seconds is
 * the time the covers took after that. */
static double
scan (const char *dir,
      const char *db_path,
      const char *cover_dir,
      guint      *files_read,
      double     *covers_seconds)
{
  const char *roots[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  FanfareLibraryScanResult result;
  gint64 start = g_get_monotonic_time ();
  gint64 indexed = 0;
  FanfareLibraryScanCallbacks callbacks = { NULL, NULL, indexed_cb, &indexed };

  if (!fanfare_library_scan_run (db_path, cover_dir, roots, FALSE, &callbacks, &result, NULL, &error))
    g_error ("The scan failed: %s", error->message);
  *covers_seconds = seconds_since (indexed);
  *files_read = result.files_read;
  fanfare_library_scan_result_clear (&result);

  return (indexed - start) / (double) G_USEC_PER_SEC;
}

static void
remove_index (const char *db_path)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GSubprocess) rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "rm", "-rf", path, NULL);

  g_subprocess_wait (rm, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *n_text = g_getenv ("FANFARE_BENCH_FILES");
  guint n_files = n_text != NULL ? atoi (n_text) : 10000;
  g_autofree char *work = g_dir_make_tmp ("fanfare-bench-scan-XXXXXX", NULL);
  g_autofree char *music = g_build_filename (work, "Music", NULL);
  g_autofree char *db_path = g_build_filename (work, "library.db", NULL);
  g_autofree char *cover_dir = g_build_filename (work, "covers", NULL);
  g_autoptr(GPtrArray) files = NULL;
  guint n_discoverer = MIN (n_files, 1000);
  double t_generate, t_raw, t_c_api, t_discoverer, t_tool, t_scan, t_rescan, t_covers, t_covers_again;
  guint read_first, read_again;
  gint64 start;

  gst_init (&argc, &argv);

  start = g_get_monotonic_time ();
  files = generate (music, n_files);
  t_generate = seconds_since (start);
  g_print ("Generated %u files (5 formats, %u albums) in %.1f s\n", n_files, n_files / 10, t_generate);

  /* The machine is shared: the raw reader and the first scan take turns,
   * three times each, and the best of each counts. A first scan starts
   * from an empty index each time; the covers, made the first time, are
   * in the cache the next times, which changes nothing before the tracks
   * are all in. */
  t_raw = t_scan = G_MAXDOUBLE;
  for (guint round = 0; round < ROUNDS; round++)
    {
      double raw, first, covers;

      raw = raw_reader (files);
      t_raw = MIN (t_raw, raw);
      remove_index (db_path);
      first = scan (music, db_path, cover_dir, &read_first, &covers);
      t_scan = MIN (t_scan, first);
      if (round == 0)
        t_covers = covers;
      g_print ("  round %u: raw reader %.3f s, first scan %.3f s\n", round + 1,
               t_raw, t_scan);
    }
  t_rescan = scan (music, db_path, cover_dir, &read_again, &t_covers_again);
  t_rescan += t_covers_again;
  t_c_api = taglib_c_api (files);
  t_discoverer = discoverer (files, n_discoverer);
  t_tool = discoverer_tool (music);

  g_print ("\nTag readers, one thread, the same files:\n");
  g_print ("  raw reader (TagLib C++, every field):  %8.0f files/s\n", n_files / t_raw);
  g_print ("  TagLib C API (its few fields):         %8.0f files/s\n", n_files / t_c_api);
  g_print ("  GstDiscoverer (first %u files):      %8.0f files/s\n", n_discoverer, n_discoverer / t_discoverer);
  g_print ("\nFirst scan of %u files: %.2f s, %.0f files/s, %u read\n", n_files, t_scan,
           n_files / t_scan, read_first);
  g_print ("  ratio to the raw reader in a tight loop: %.2f (target >= 0.5)\n", t_raw / t_scan);
  g_print ("  then the covers of %u albums, 3 sizes each: %.2f s more (%.1f ms an album)\n",
           n_files / 10, t_covers, t_covers * 1000 / (n_files / 10));
  if (t_tool > 0)
    g_print ("  gst-discoverer-1.0 over the same files: %.1f s, the scan is %.0f times faster\n",
             t_tool, t_tool / t_scan);
  g_print ("Rescan with nothing changed: %.3f s, %u read (target <= 1 s for 10,000 files)\n",
           t_rescan, read_again);

  if (g_getenv ("KEEP"))
    g_print ("kept %s\n", work);
  else
    remove_tree (work);

  return read_first == n_files && read_again == 0 && t_raw / t_scan >= 0.5 &&
         (n_files < 10000 || t_rescan <= 1.0) ? 0 : 1;
}
