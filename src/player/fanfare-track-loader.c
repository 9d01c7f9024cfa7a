/* fanfare-track-loader.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tracks for files opened on their own (the command line, a drop on the
 * window, the file chooser), before the library knows them: the file name
 * stands in for the title at once, and a worker thread reads the tags and
 * the embedded cover. */

#include "config.h"

#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "fanfare-track-loader.h"
#include "fanfare-utils.h"

#define DISCOVER_TIMEOUT (10 * GST_SECOND)

/* What was read of one file in the worker thread, for the main thread to
 * set on its track. */
typedef struct {
  FanfareTrack *track;
  GstTagList   *tags;
  GstClockTime  duration;
  char         *cover_uri;
} Found;

static void
found_free (Found *found)
{
  g_clear_object (&found->track);
  g_clear_pointer (&found->tags, gst_tag_list_unref);
  g_free (found->cover_uri);
  g_free (found);
}

typedef struct {
  GPtrArray    *tracks;  /* FanfareTrack */
  GStrv         uris;    /* read on the main thread, one per track */
  char         *cover_cache_dir;
  GMainContext *context;
} Fill;

static void
fill_free (Fill *fill)
{
  g_clear_pointer (&fill->tracks, g_ptr_array_unref);
  g_clear_pointer (&fill->uris, g_strfreev);
  g_clear_pointer (&fill->context, g_main_context_unref);
  g_free (fill->cover_cache_dir);
  g_free (fill);
}

/**
 * fanfare_track_new_for_file:
 * @file: an audio file
 *
 * Returns: (transfer full): a local track for @file, titled by its name
 *   until fanfare_track_loader_fill_async() reads its tags
 */
FanfareTrack *
fanfare_track_new_for_file (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  name = g_file_get_basename (file);
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';

  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", uri,
                       "uri", uri,
                       "title", name,
                       "source", FANFARE_SOURCE_LOCAL,
                       NULL);
}

/* Keeps an embedded cover in the cache, named by its content so that the
 * same cover is written once, whatever its track. */
static char *
save_cover (const char *dir,
            GstSample  *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *path = NULL;
  GstMapInfo map;

  if (dir == NULL || buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return NULL;

  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, map.data, map.size);
  path = g_build_filename (dir, checksum, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_mkdir_with_parents (dir, 0700);
      if (!g_file_set_contents (path, (const char *) map.data, map.size, &error))
        g_debug ("Could not keep a cover: %s", error->message);
    }
  gst_buffer_unmap (buffer, &map);

  return error == NULL ? g_filename_to_uri (path, NULL, NULL) : NULL;
}

static void
set_string_tag (FanfareTrack     *track,
                const GstTagList *tags,
                const char       *tag,
                const char       *property)
{
  g_autofree char *value = NULL;

  if (gst_tag_list_get_string (tags, tag, &value) && *value != '\0')
    g_object_set (track, property, value, NULL);
}

static void
apply_tags (FanfareTrack     *track,
            const GstTagList *tags)
{
  g_autoptr(GStrvBuilder) artists = g_strv_builder_new ();
  g_auto(GStrv) artist_list = NULL;
  GstDateTime *date = NULL;
  guint number;

  set_string_tag (track, tags, GST_TAG_TITLE, "title");
  set_string_tag (track, tags, GST_TAG_ALBUM, "album");
  set_string_tag (track, tags, GST_TAG_ALBUM_ARTIST, "album-artist");
  set_string_tag (track, tags, GST_TAG_GENRE, "genre");

  for (guint i = 0; i < gst_tag_list_get_tag_size (tags, GST_TAG_ARTIST); i++)
    {
      const char *artist;

      if (gst_tag_list_peek_string_index (tags, GST_TAG_ARTIST, i, &artist) && *artist != '\0')
        g_strv_builder_add (artists, artist);
    }
  artist_list = g_strv_builder_end (artists);
  if (artist_list[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", artist_list);

      g_object_set (track, "artists", artist_list, "artist", joined, NULL);
    }

  if (gst_tag_list_get_uint (tags, GST_TAG_TRACK_NUMBER, &number))
    g_object_set (track, "track-number", number, NULL);
  if (gst_tag_list_get_uint (tags, GST_TAG_ALBUM_VOLUME_NUMBER, &number))
    g_object_set (track, "disc-number", number, NULL);
  if (gst_tag_list_get_date_time (tags, GST_TAG_DATE_TIME, &date))
    {
      if (gst_date_time_has_year (date))
        g_object_set (track, "year", (guint) gst_date_time_get_year (date), NULL);
      gst_date_time_unref (date);
    }
}

static gboolean
apply_found (gpointer  data)
{
  Found *found = data;

  if (GST_CLOCK_TIME_IS_VALID (found->duration))
    g_object_set (found->track, "duration", (gint64) (found->duration / GST_USECOND), NULL);
  if (found->tags != NULL)
    apply_tags (found->track, found->tags);
  if (found->cover_uri != NULL && fanfare_track_get_cover_uri (found->track) == NULL)
    g_object_set (found->track, "cover-uri", found->cover_uri, NULL);

  return G_SOURCE_REMOVE;
}

/* One file after the other, with the synchronous discoverer in this worker
 * thread; each result goes to the main thread as soon as it is read. */
static void
fill_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Fill *fill = task_data;
  g_autoptr(GstDiscoverer) discoverer = NULL;
  GError *error = NULL;

  discoverer = gst_discoverer_new (DISCOVER_TIMEOUT, &error);
  if (discoverer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < fill->tracks->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GstDiscovererInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GstSample) image = NULL;
      const GstTagList *tags;
      Found *found;

      if (fill->uris[i] == NULL || !g_str_has_prefix (fill->uris[i], "file:"))
        continue;

      /* A file that cannot be read keeps its name; playing it says why. */
      info = gst_discoverer_discover_uri (discoverer, fill->uris[i], &local_error);
      if (info == NULL || local_error != NULL)
        {
          g_debug ("Could not read the tags of %s: %s", fill->uris[i],
                   local_error ? local_error->message : "unknown error");
          continue;
        }

      found = g_new0 (Found, 1);
      found->track = g_object_ref (g_ptr_array_index (fill->tracks, i));
      found->duration = gst_discoverer_info_get_duration (info);
      tags = gst_discoverer_info_get_tags (info);
      if (tags != NULL)
        {
          found->tags = gst_tag_list_copy (tags);
          if (gst_tag_list_get_sample (tags, GST_TAG_IMAGE, &image) ||
              gst_tag_list_get_sample (tags, GST_TAG_PREVIEW_IMAGE, &image))
            found->cover_uri = save_cover (fill->cover_cache_dir, image);
        }

      fanfare_dispatch_to_context (fill->context, G_PRIORITY_DEFAULT, apply_found, found,
                                   (GDestroyNotify) found_free);
    }

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/**
 * fanfare_track_loader_fill_async:
 * @tracks: (element-type FanfareTrack): local tracks to complete
 * @cover_cache_dir: (nullable): where to keep embedded covers, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every track is done
 * @user_data: data for @callback
 *
 * Reads the tags, the duration and the embedded cover of each track's
 * file in a worker thread, and sets them on the track in the calling
 * thread's main context, as they come.
 */
void
fanfare_track_loader_fill_async (GPtrArray           *tracks,
                                 const char          *cover_cache_dir,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fill *fill;

  g_return_if_fail (tracks != NULL);

  gst_init (NULL, NULL);

  fill = g_new0 (Fill, 1);
  fill->tracks = g_ptr_array_ref (tracks);
  fill->uris = g_new0 (char *, tracks->len + 1);
  for (guint i = 0; i < tracks->len; i++)
    fill->uris[i] = g_strdup (fanfare_track_get_uri (g_ptr_array_index (tracks, i)));
  fill->cover_cache_dir = g_strdup (cover_cache_dir);
  fill->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_track_loader_fill_async);
  g_task_set_task_data (task, fill, (GDestroyNotify) fill_free);
  g_task_run_in_thread (task, fill_thread);
}

/**
 * fanfare_track_loader_fill_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set when tags could not be read at all
 */
gboolean
fanfare_track_loader_fill_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_files (gconstpointer  pa,
               gconstpointer  pb)
{
  GFile *a = *(GFile * const *) pa;
  GFile *b = *(GFile * const *) pb;
  g_autofree char *name_a = g_file_get_basename (a);
  g_autofree char *name_b = g_file_get_basename (b);
  g_autofree char *key_a = g_utf8_collate_key_for_filename (name_a, -1);
  g_autofree char *key_b = g_utf8_collate_key_for_filename (name_b, -1);

  return strcmp (key_a, key_b);
}

/* Folders are walked to this depth at most, which also ends symlink loops. */
#define MAX_DEPTH 16

static gboolean
is_audio (GFileInfo *info)
{
  const char *type = g_file_info_get_content_type (info);

  return type != NULL && (g_content_type_is_a (type, "audio/*") || g_str_has_prefix (type, "audio/"));
}

static void
collect_file (GFile        *file,
              guint         depth,
              GPtrArray    *files,
              GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GFileInfo *child_info;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      if (is_audio (info))
        g_ptr_array_add (files, g_object_ref (file));
      return;
    }

  if (depth >= MAX_DEPTH)
    return;

  children = g_file_enumerate_children (file,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  found = g_ptr_array_new_with_free_func (g_object_unref);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &child_info, NULL, cancellable, NULL) &&
         child_info != NULL)
    g_ptr_array_add (found, g_file_get_child (file, g_file_info_get_name (child_info)));

  /* In the order a file manager shows them: track 01 before track 02. */
  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    collect_file (g_ptr_array_index (found, i), depth + 1, files, cancellable);
}

static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GPtrArray *inputs = task_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *tracks;

  for (guint i = 0; i < inputs->len; i++)
    collect_file (g_ptr_array_index (inputs, i), 0, files, cancellable);

  if (g_task_return_error_if_cancelled (task))
    return;

  tracks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (tracks, fanfare_track_new_for_file (g_ptr_array_index (files, i)));

  g_task_return_pointer (task, tracks, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * fanfare_track_loader_collect_async:
 * @files: (array length=n_files): files and folders, as dropped or chosen
 * @n_files: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the tracks
 * @user_data: data for @callback
 *
 * Finds the audio files among @files and in the folders among them, in a
 * worker thread, and makes a track of each, in order.
 */
void
fanfare_track_loader_collect_async (GFile              **files,
                                    guint                n_files,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (inputs, g_object_ref (files[i]));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_track_loader_collect_async);
  g_task_set_task_data (task, inputs, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, collect_thread);
}

/**
 * fanfare_track_loader_collect_finish:
 *
 * Returns: (transfer full) (element-type FanfareTrack): the tracks found,
 *   perhaps none
 */
GPtrArray *
fanfare_track_loader_collect_finish (GAsyncResult *result,
                                     GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
