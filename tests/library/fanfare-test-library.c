/* fanfare-test-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the library's tests share: real audio files encoded by GStreamer
 * with the tags a test asks for, a folder tree of their own with the XDG
 * folders pointed into it, and waiting on the main loop for the library's
 * worker threads. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <math.h>
#include <sqlite3.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fanfare-test-library.h"

static const struct {
  const char *extension;
  const char *pipeline;
} formats[] = {
  [FANFARE_TEST_MP3] = { ".mp3", "lamemp3enc ! xingmux ! id3v2mux name=tagger" },
  [FANFARE_TEST_FLAC] = { ".flac", "flacenc name=tagger" },
  [FANFARE_TEST_OGG] = { ".ogg", "vorbisenc name=tagger ! oggmux" },
  [FANFARE_TEST_OPUS] = { ".opus", "audioresample ! opusenc name=tagger ! oggmux" },
  [FANFARE_TEST_M4A] = { ".m4a", "avenc_aac ! mp4mux name=tagger" },
  [FANFARE_TEST_WAV] = { ".wav", "wavenc name=tagger" },
  [FANFARE_TEST_AIFF] = { ".aiff", "aiffmux" },
  [FANFARE_TEST_WAVPACK] = { ".wv", "wavpackenc" },
  [FANFARE_TEST_MKA] = { ".mka", "vorbisenc ! matroskamux name=tagger" },
  [FANFARE_TEST_WEBM] = { ".webm", "audioresample ! opusenc ! webmmux name=tagger" },
};

const char *
fanfare_test_format_extension (FanfareTestFormat  format)
{
  return formats[format].extension;
}

/* Half a second of a sine wave, encoded and tagged. */
void
fanfare_test_write_audio (const char        *path,
                          FanfareTestFormat  format,
                          GstTagList        *tags)
{
  fanfare_test_write_audio_with_toc (path, format, tags, NULL);
}

/* Chapters of a tenth of a second each, in one edition, as Matroska keeps
 * them. */
GstToc *
fanfare_test_toc_new (const char * const *titles)
{
  GstToc *toc = gst_toc_new (GST_TOC_SCOPE_GLOBAL);
  GstTocEntry *edition = gst_toc_entry_new (GST_TOC_ENTRY_TYPE_EDITION, "edition");

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *uid = g_strdup_printf ("chapter%u", i + 1);
      GstTocEntry *chapter = gst_toc_entry_new (GST_TOC_ENTRY_TYPE_CHAPTER, uid);

      gst_toc_entry_set_start_stop_times (chapter, i * GST_SECOND / 10, (i + 1) * GST_SECOND / 10);
      gst_toc_entry_set_tags (chapter, gst_tag_list_new (GST_TAG_TITLE, titles[i], NULL));
      gst_toc_entry_append_sub_entry (edition, chapter);
    }
  gst_toc_append_entry (toc, edition);

  return toc;
}

/* The same, with the chapters of @toc when the format keeps them. */
void
fanfare_test_write_audio_with_toc (const char        *path,
                                   FanfareTestFormat  format,
                                   GstTagList        *tags,
                                   GstToc            *toc)
{
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) tagger = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  description = g_strdup_printf ("audiotestsrc num-buffers=22 ! audioconvert ! %s ! filesink name=sink",
                                 formats[format].pipeline);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", path, NULL);
  tagger = gst_bin_get_by_name (GST_BIN (pipeline), "tagger");
  g_assert_true (tagger != NULL || (tags == NULL && toc == NULL));
  if (tags != NULL)
    gst_tag_setter_merge_tags (GST_TAG_SETTER (tagger), tags, GST_TAG_MERGE_REPLACE_ALL);
  if (toc != NULL)
    gst_toc_setter_set_toc (GST_TOC_SETTER (tagger), toc);

  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, &error, NULL);
      g_error ("Could not write %s: %s", path, error->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static void
append_syncsafe (GByteArray *bytes,
                 guint32     size)
{
  guint8 b[4] = { (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f };

  g_byte_array_append (bytes, b, 4);
}

/* An ID3v2.4 text frame in UTF-8, written as given, NUL bytes and all. */
static void
append_text_frame (GByteArray *bytes,
                   const char *id,
                   const char *text,
                   gsize       length)
{
  guint8 flags[2] = { 0, 0 };
  guint8 encoding = 3;

  g_byte_array_append (bytes, (const guint8 *) id, 4);
  append_syncsafe (bytes, length + 1);
  g_byte_array_append (bytes, flags, 2);
  g_byte_array_append (bytes, &encoding, 1);
  g_byte_array_append (bytes, (const guint8 *) text, length);
}

/* An MP3 whose ID3v2 tag is absurd: a title with invalid UTF-8 and a NUL
 * byte, an album artist with a NUL byte, a genre with control characters,
 * a track number of -1 and an album name of 10 MB. */
void
fanfare_test_write_absurd_mp3 (const char *path)
{
  static const char title[] = "Bad \xff\xfe title\0junk";
  static const char header[] = { 'I', 'D', '3', 4, 0, 0 };
  g_autoptr(GByteArray) frames = g_byte_array_new ();
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autofree char *album = g_malloc (10 * 1024 * 1024);
  g_autofree char *audio = NULL;
  g_autoptr(GError) error = NULL;
  gsize audio_length;

  memset (album, 'A', 10 * 1024 * 1024);
  append_text_frame (frames, "TIT2", title, sizeof title - 1);
  append_text_frame (frames, "TPE1", "Fine Artist", 11);
  append_text_frame (frames, "TPE2", "Band\0Junk", 9);
  append_text_frame (frames, "TCON", "Jazz\x01\x02", 6);
  append_text_frame (frames, "TRCK", "-1", 2);
  append_text_frame (frames, "TALB", album, 10 * 1024 * 1024);

  fanfare_test_write_audio (path, FANFARE_TEST_MP3, NULL);
  g_file_get_contents (path, &audio, &audio_length, &error);
  g_assert_no_error (error);

  g_byte_array_append (file, (const guint8 *) header, sizeof header);
  append_syncsafe (file, frames->len);
  g_byte_array_append (file, frames->data, frames->len);
  g_byte_array_append (file, (const guint8 *) audio, audio_length);
  g_file_set_contents (path, (const char *) file->data, file->len, &error);
  g_assert_no_error (error);
}

GstTagList *
fanfare_test_tags_new (const char *title,
                       const char *artist,
                       const char *album,
                       guint       track_number)
{
  GstTagList *tags = gst_tag_list_new_empty ();

  if (title != NULL)
    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_TITLE, title, NULL);
  if (artist != NULL)
    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_ARTIST, artist, NULL);
  if (album != NULL)
    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_ALBUM, album, NULL);
  if (track_number > 0)
    gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_TRACK_NUMBER, track_number, NULL);

  return tags;
}

/* A picture of one colour, as PNG or JPEG bytes. */
GBytes *
fanfare_test_image_new (int         width,
                        int         height,
                        guint32     rgb,
                        const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, rgb << 8 | 0xff);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, length);
}

void
fanfare_test_home_init (FanfareTestHome *home)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *user_dirs = NULL;
  g_autofree char *contents = NULL;

  home->root = g_dir_make_tmp ("fanfare-library-XXXXXX", &error);
  g_assert_no_error (error);
  home->music = g_build_filename (home->root, "Music", NULL);
  home->db_path = g_build_filename (home->root, "data", "fanfare", "library.db", NULL);
  home->cover_dir = g_build_filename (home->root, "cache", "fanfare", "covers", NULL);
  g_assert_cmpint (g_mkdir_with_parents (home->music, 0700), ==, 0);

  /* GLib reads the configuration folder once: the Music folder is set
  * through the user-dirs.dirs of the first, for the whole program. */
  if (g_getenv ("FANFARE_TEST_CONFIG_HOME") == NULL)
    {
      g_autofree char *first = g_build_filename (home->root, "config", NULL);

      g_setenv ("FANFARE_TEST_CONFIG_HOME", first, TRUE);
      g_setenv ("XDG_CONFIG_HOME", first, TRUE);
    }
  config = g_strdup (g_getenv ("FANFARE_TEST_CONFIG_HOME"));
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  user_dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  contents = g_strdup_printf ("XDG_MUSIC_DIR=\"%s\"\n", home->music);
  g_file_set_contents (user_dirs, contents, -1, &error);
  g_assert_no_error (error);
  g_reload_user_special_dirs_cache ();
  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_MUSIC), ==, home->music);
}

void
fanfare_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          fanfare_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

void
fanfare_test_home_clear (FanfareTestHome *home)
{
  fanfare_test_remove_tree (home->root);
  g_clear_pointer (&home->root, g_free);
  g_clear_pointer (&home->music, g_free);
  g_clear_pointer (&home->db_path, g_free);
  g_clear_pointer (&home->cover_dir, g_free);
}

char *
fanfare_test_music_path (FanfareTestHome *home,
                         const char      *relative)
{
  g_autofree char *path = g_build_filename (home->music, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return g_steal_pointer (&path);
}

void
fanfare_test_async_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
fanfare_test_result_ready (gpointer  data)
{
  return *(GAsyncResult **) data != NULL;
}

FanfareLibrary *
fanfare_test_library_open (FanfareTestHome *home,
                           GSettings       *settings)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  library = fanfare_library_new_full (home->db_path, home->cover_dir, settings);
  fanfare_library_open_async (library, NULL, fanfare_test_async_result_cb, &result);
  g_assert_true (fanfare_test_wait_until (fanfare_test_result_ready, &result, 10000));
  g_assert_true (fanfare_library_open_finish (library, result, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&library);
}

void
fanfare_test_library_scan (FanfareLibrary *library)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_library_scan_async (library, NULL, fanfare_test_async_result_cb, &result);
  g_assert_true (fanfare_test_wait_until (fanfare_test_result_ready, &result, 60000));
  g_assert_true (fanfare_library_scan_finish (library, result, &error));
  g_assert_no_error (error);
}

static gboolean
timeout_cb (gpointer  data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer  data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @condition holds; FALSE on time-out. A
 * tick wakes the loop now and then, for conditions that other threads
 * change (an object finalized by a worker's last reference). */
gboolean
fanfare_test_wait_until (gboolean ( *condition ) (gpointer  data),
                         gpointer    data,
                         guint       timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  guint tick = g_timeout_add (20, tick_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_source_remove (tick);

  return condition (data);
}

static gboolean
model_loaded (gpointer  data)
{
  return !fanfare_library_model_get_loading (data);
}

void
fanfare_test_wait_loaded (FanfareLibraryModel *model)
{
  g_assert_true (fanfare_test_wait_until (model_loaded, model, 10000));
}

typedef struct {
  FanfareLibraryModel *model;
  guint                n_items;
} NItems;

static gboolean
has_n_items (gpointer  data)
{
  NItems *expect = data;

  return !fanfare_library_model_get_loading (expect->model) &&
         g_list_model_get_n_items (G_LIST_MODEL (expect->model)) == expect->n_items;
}

/* Waits for @model to hold @n_items once loaded: a list follows the index
 * a moment after a scan has written it. */
void
fanfare_test_wait_n_items (FanfareLibraryModel *model,
                           guint                n_items)
{
  NItems expect = { model, n_items };

  if (!fanfare_test_wait_until (has_n_items, &expect, 10000))
    g_error ("The list holds %u items, not %u", g_list_model_get_n_items (G_LIST_MODEL (model)),
             n_items);
}

/* The "title" (or "name") of each item, in order. */
GPtrArray *
fanfare_test_titles (GListModel *model)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *property = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "title")
                             ? "title" : "name";
      char *title = NULL;

      g_object_get (item, property, &title, NULL);
      g_ptr_array_add (titles, title);
    }

  return titles;
}

FanfareTrack *
fanfare_test_track_titled (GListModel *model,
                           const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (model, i);

      if (g_strcmp0 (fanfare_track_get_title (track), title) == 0)
        return g_steal_pointer (&track);
    }
  g_error ("No track is titled %s", title);
}

/* The FanfareLibraryExtras the index notes for @track, read from the index
 * itself. */
guint
fanfare_test_extras_of (FanfareTestHome *home,
                        FanfareTrack    *track)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint extras;

  g_assert_cmpint (sqlite3_open (home->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT coalesce ((SELECT extras FROM track_extras WHERE id = ?1), 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, fanfare_track_get_id (track), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  extras = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return extras;
}

/* Root reads whatever the permissions say; the tests of unreadable files
 * drop the two capabilities that let it, before any thread starts, so
 * that every thread of the test program goes without them. */
void
fanfare_test_drop_dac_override (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];

  if (syscall (SYS_capget, &header, data) != 0)
    return;

  data[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
  g_assert_cmpint (syscall (SYS_capset, &header, data), ==, 0);
}

FanfareLibraryProblemKind
fanfare_test_problem_for (FanfareLibrary *library,
                          const char     *path)
{
  GListModel *problems = fanfare_library_get_problems (library);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(FanfareLibraryProblem) problem = g_list_model_get_item (problems, i);

      if (g_str_equal (fanfare_library_problem_get_path (problem), path))
        return fanfare_library_problem_get_kind (problem);
    }

  return FANFARE_LIBRARY_PROBLEM_NONE;
}

gboolean
fanfare_test_has_title (GListModel *model,
                        const char *title)
{
  g_autoptr(GPtrArray) titles = fanfare_test_titles (model);

  /* A row removed since the list's keys were read has no title. */
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (titles->pdata[i], title) == 0)
      return TRUE;

  return FALSE;
}

void
fanfare_test_write_song (FanfareTestHome   *home,
                         const char        *relative,
                         FanfareTestFormat  format,
                         const char        *title,
                         const char        *artist,
                         const char        *album,
                         guint              track_number)
{
  g_autofree char *path = fanfare_test_music_path (home, relative);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autoptr(GstTagList) tags = fanfare_test_tags_new (title, artist, album, track_number);

  /* Written aside and renamed, as a tagger saves, so that a monitor or a
   * scan never sees half a file. */
  fanfare_test_write_audio (tmp, format, tags);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

/* A track written into the index directly, as a scan would, for the tests
 * of lists and search that need many. */
void
fanfare_test_put_track (FanfareLibraryWriter *writer,
                        const char           *path,
                        const char           *title,
                        const char           *artist,
                        const char           *album,
                        const char           *genre,
                        guint                 track_number,
                        guint                 year,
                        gint64                duration_ms)
{
  g_autoptr(GError) error = NULL;
  FanfareTags tags = { 0 };
  char *artists[] = { (char *) artist, NULL };

  tags.title = (char *) title;
  tags.artist = (char *) artist;
  tags.artists = artist != NULL ? artists : &artists[1];
  tags.album = (char *) album;
  tags.genre = (char *) genre;
  tags.track_number = track_number;
  tags.year = year;
  tags.duration_ms = duration_ms;
  tags.track_gain = tags.track_peak = tags.album_gain = tags.album_peak = NAN;

  g_assert_true (fanfare_library_writer_put_track (writer, path, 1, 1, &tags, NULL, NULL, FALSE, &error));
  g_assert_no_error (error);
}

static gboolean
scanner_idle (gpointer  data)
{
  return !fanfare_library_scanner_get_scanning (fanfare_library_get_scanner (data));
}

/* Waits for the scans the monitors started to end. */
void
fanfare_test_wait_idle (FanfareLibrary *library)
{
  g_assert_true (fanfare_test_wait_until (scanner_idle, library, 15000));
}

static gboolean
is_null (gpointer  data)
{
  return *(gpointer *) data == NULL;
}

/* Drops the last reference to @object and checks that it is finalized. A
 * worker thread may hold a GTask on it for a moment after the task has
 * returned, so it waits for that rather than asserting at once. */
void
fanfare_test_assert_finalized (gpointer  object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  g_assert_true (fanfare_test_wait_until (is_null, &weak, 5000));
}
