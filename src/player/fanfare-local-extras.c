/* fanfare-local-extras.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics and chapters of a local file, from wherever the listener's tools
 * put them. Lyrics: a .lrc file beside the audio file (same name), else the
 * lyrics tag (ID3 SYLT, then ID3 USLT, Vorbis LYRICS, MP4 ©lyr), synced when it
 * holds LRC.
 * Chapters: a .cue sheet beside the file, else the file's own chapters
 * (Matroska editions, MP4 chapter atoms), which GStreamer reads as a TOC.
 * What a source holds that the strict readers refuse is skipped, with a
 * debug message, and the next source is tried. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "fanfare-chapter.h"
#include "fanfare-cue-sheet.h"
#include "fanfare-local-extras.h"

typedef struct
{
  FanfareLyrics *lyrics;
  GPtrArray     *chapters;
} Extras;

static void
extras_free (gpointer  data)
{
  Extras *extras = data;

  g_clear_object (&extras->lyrics);
  g_clear_pointer (&extras->chapters, g_ptr_array_unref);
  g_free (extras);
}

/* The file beside @path with the same name and @extension. */
static char *
read_beside (const char *path,
             const char *extension,
             gsize       max,
             gsize      *length)
{
  g_autofree char *base = g_strdup (path);
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  char *dot = strrchr (base, '.');
  char *slash = strrchr (base, G_DIR_SEPARATOR);
  char *contents = NULL;
  GStatBuf st;

  if (dot != NULL && (slash == NULL || dot > slash))
    *dot = '\0';
  other = g_strconcat (base, extension, NULL);
  if (g_stat (other, &st) != 0 || !S_ISREG (st.st_mode) || (gsize) st.st_size > max)
    return NULL;
  if (!g_file_get_contents (other, &contents, length, &error))
    g_debug ("Cannot read %s: %s", other, error->message);

  return contents;
}

/* Vorbis comments have no standard name for lyrics; GStreamer hands the
 * ones it does not know over as "KEY=value" (or "KEY[lang]=value"). */
static char *
lyrics_comment (const GstTagList *tags)
{
  const char *keys[] = { "LYRICS", "UNSYNCEDLYRICS" };
  guint n = gst_tag_list_get_tag_size (tags, GST_TAG_EXTENDED_COMMENT);

  for (guint i = 0; i < n; i++)
    {
      const char *comment = NULL;

      if (!gst_tag_list_peek_string_index (tags, GST_TAG_EXTENDED_COMMENT, i, &comment))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gsize length = strlen (keys[k]);
          const char *rest = comment + length;

          if (g_ascii_strncasecmp (comment, keys[k], length) != 0)
            continue;
          if (*rest == '[')
            rest = strchr (rest, ']') != NULL ? strchr (rest, ']') + 1 : rest;
          if (*rest == '=')
            return g_strdup (rest + 1);
        }
    }

  return NULL;
}

/* GStreamer hands ID3v2 frames it does not read over whole, header and
 * all, as samples of this tag: the lyrics (USLT, SYLT) are among them. A
 * frame compressed, encrypted or unsynchronised is left alone. */
#define TAG_ID3V2_FRAME "private-id3v2-frame"

static FanfareLyrics *
lyrics_id3 (const char       *path,
            const GstTagList *tags,
            const char       *id)
{
  guint n = gst_tag_list_get_tag_size (tags, TAG_ID3V2_FRAME);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GstSample) sample = NULL;
      g_autoptr(GError) error = NULL;
      FanfareLyrics *lyrics;
      GstBuffer *buffer;
      GstMapInfo map;

      if (!gst_tag_list_get_sample_index (tags, TAG_ID3V2_FRAME, i, &sample) ||
          (buffer = gst_sample_get_buffer (sample)) == NULL ||
          !gst_buffer_map (buffer, &map, GST_MAP_READ))
        continue;
      if (map.size < 10 || memcmp (map.data, id, 4) != 0 || (map.data[9] & 0x0f) != 0)
        {
          gst_buffer_unmap (buffer, &map);
          continue;
        }
      lyrics = g_str_equal (id, "SYLT") ? fanfare_lyrics_new_from_sylt (map.data + 10, map.size - 10, &error)
               : fanfare_lyrics_new_from_uslt (map.data + 10, map.size - 10, &error);
      gst_buffer_unmap (buffer, &map);
      if (lyrics != NULL)
        return lyrics;
      g_debug ("The %s lyrics in the tags of %s are not used: %s", id, path, error->message);
    }

  return NULL;
}

/**
 * fanfare_local_lyrics_load:
 * @path: a local audio file
 * @tags: (nullable): the file's tags
 *
 * Returns: (transfer full) (nullable): the lyrics of @path, if it has any
 */
FanfareLyrics *
fanfare_local_lyrics_load (const char       *path,
                           const GstTagList *tags)
{
  g_autofree char *lrc = NULL;
  g_autofree char *tag = NULL;
  g_autoptr(GError) error = NULL;
  FanfareLyrics *lyrics = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  lrc = read_beside (path, ".lrc", FANFARE_LYRICS_MAX_BYTES, &length);
  if (lrc != NULL)
    {
      lyrics = fanfare_lyrics_new_from_lrc (lrc, (gssize) length, &error);
      if (lyrics != NULL)
        return lyrics;
      g_debug ("The .lrc file beside %s is not used: %s", path, error->message);
      g_clear_error (&error);
    }

  if (tags != NULL && ((lyrics = lyrics_id3 (path, tags, "SYLT")) != NULL ||
                       (lyrics = lyrics_id3 (path, tags, "USLT")) != NULL))
    return lyrics;
  if (tags != NULL && (gst_tag_list_get_string (tags, GST_TAG_LYRICS, &tag)
                       || (tag = lyrics_comment (tags)) != NULL))
    {
      lyrics = fanfare_lyrics_new_from_lrc (tag, -1, &error);
      if (lyrics == NULL)
        g_debug ("The lyrics in the tags of %s are not used: %s", path, error->message);
    }

  return lyrics;
}

static void
add_toc_entries (GList     *entries,
                 GPtrArray *chapters)
{
  for (GList *l = entries; l != NULL; l = l->next)
    {
      GstTocEntry *entry = l->data;
      GstTagList *tags = gst_toc_entry_get_tags (entry);
      g_autofree char *title = NULL;
      g_autofree char *artist = NULL;
      gint64 start, stop;

      if (gst_toc_entry_get_entry_type (entry) != GST_TOC_ENTRY_TYPE_CHAPTER)
        {
          add_toc_entries (gst_toc_entry_get_sub_entries (entry), chapters);
          continue;
        }
      if (!gst_toc_entry_get_start_stop_times (entry, &start, &stop) || start < 0)
        continue;
      if (tags != NULL)
        {
          gst_tag_list_get_string (tags, GST_TAG_TITLE, &title);
          gst_tag_list_get_string (tags, GST_TAG_ARTIST, &artist);
        }
      if (title != NULL && !g_utf8_validate (title, -1, NULL))
        g_clear_pointer (&title, g_free);
      if (artist != NULL && !g_utf8_validate (artist, -1, NULL))
        g_clear_pointer (&artist, g_free);
      g_ptr_array_add (chapters, g_object_new (FANFARE_TYPE_CHAPTER,
                                               "title", title != NULL ? title : "",
                                               "artist", artist,
                                               "start", (GTimeSpan) (start / GST_USECOND),
                                               NULL));
    }
}

static int
compare_chapters (gconstpointer  a,
                  gconstpointer  b)
{
  GTimeSpan x = fanfare_chapter_get_start (*(FanfareChapter **) a);
  GTimeSpan y = fanfare_chapter_get_start (*(FanfareChapter **) b);

  return x < y ? -1 : x > y;
}

/**
 * fanfare_local_chapters_load:
 * @path: a local audio file
 * @toc: (nullable): the file's table of contents
 *
 * Returns: (transfer full) (nullable) (element-type FanfareChapter): the
 *   chapters of @path in order, if it has any
 */
GPtrArray *
fanfare_local_chapters_load (const char *path,
                             GstToc     *toc)
{
  g_autofree char *cue = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  cue = read_beside (path, ".cue", FANFARE_CUE_SHEET_MAX_BYTES, &length);
  if (cue != NULL)
    {
      name = g_path_get_basename (path);
      chapters = fanfare_cue_sheet_parse (cue, (gssize) length, name, &error);
      if (chapters != NULL)
        return g_steal_pointer (&chapters);
      g_debug ("The cue sheet beside %s is not used: %s", path, error->message);
    }

  if (toc == NULL)
    return NULL;

  chapters = g_ptr_array_new_with_free_func (g_object_unref);
  add_toc_entries (gst_toc_get_entries (toc), chapters);
  g_ptr_array_sort (chapters, compare_chapters);

  return chapters->len > 0 ? g_steal_pointer (&chapters) : NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const GstTagList *tags = NULL;
  GstToc *toc = NULL;
  Extras *extras;

  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  uri = g_filename_to_uri (path, NULL, &error);
  if (discoverer != NULL && uri != NULL)
    info = gst_discoverer_discover_uri (discoverer, uri, &error);
  if (info != NULL)
    {
      tags = gst_discoverer_info_get_tags (info);
      toc = (GstToc *) gst_discoverer_info_get_toc (info);
    }
  else
    g_debug ("Cannot read the tags of %s: %s", path, error != NULL ? error->message : "");

  if (g_task_return_error_if_cancelled (task))
    return;

  extras = g_new0 (Extras, 1);
  extras->lyrics = fanfare_local_lyrics_load (path, tags);
  extras->chapters = fanfare_local_chapters_load (path, toc);
  g_task_return_pointer (task, extras, extras_free);
}

/**
 * fanfare_local_extras_load_async:
 * @path: a local audio file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the lyrics and chapters of @path in a thread.
 */
void
fanfare_local_extras_load_async (const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_local_extras_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fanfare_local_extras_load_finish:
 * @result: the result
 * @lyrics: (out) (transfer full) (nullable): the lyrics, if any
 * @chapters: (out) (transfer full) (nullable) (element-type FanfareChapter):
 *   the chapters, if any
 * @error: return location for a #GError
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
fanfare_local_extras_load_finish (GAsyncResult   *result,
                                  FanfareLyrics **lyrics,
                                  GPtrArray     **chapters,
                                  GError        **error)
{
  Extras *extras;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  extras = g_task_propagate_pointer (G_TASK (result), error);
  if (extras == NULL)
    return FALSE;

  *lyrics = g_steal_pointer (&extras->lyrics);
  *chapters = g_steal_pointer (&extras->chapters);
  extras_free (extras);
  return TRUE;
}
