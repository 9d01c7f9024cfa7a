/* fanfare-local-fingerprints.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fingerprints of the user's own music, so that a song can be named when
 * the platform cannot be asked or does not know it. The library stays
 * below the fingerprints (it knows only common/): the app hands this the
 * library's tracks after a scan, and a worker thread at low priority
 * decodes the ones the index lacks with GStreamer, hashes them and merges
 * them into the index file under $XDG_DATA_HOME/fanfare/, leaving out the
 * tracks the library no longer has. Tracks are named in the index by
 * their library id and what their file was when it was decoded (its time
 * of change and size), so that a file changed since is decoded again; the
 * tracks seen last are kept to turn an id back into a track. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fanfare-fp-decode.h"
#include "fanfare-fp-extract.h"
#include "fanfare-local-fingerprints.h"

struct _FanfareLocalFingerprints
{
  GObject parent_instance;

  /* Owned references */
  GHashTable *tracks;           /* id -> FanfareTrack, as last handed over */

  /* State */
  char *path;
  guint generation;             /* goes up whenever the file changes */
  guint updating : 1;
};

G_DEFINE_FINAL_TYPE (FanfareLocalFingerprints, fanfare_local_fingerprints, G_TYPE_OBJECT)

typedef struct {
  char      *path;
  GPtrArray *ids;
  GPtrArray *uris;
  guint      added;
  guint      dropped;
} Update;

static void
update_free (Update *update)
{
  g_free (update->path);
  g_ptr_array_unref (update->ids);
  g_ptr_array_unref (update->uris);
  g_free (update);
}

/* Writes next to @path, then renames: a reader never sees half a file. */
static gboolean
write_index (const char     *path,
             FanfareFpIndex *base,
             const gboolean *keep,
             FanfareFpIndex *more,
             GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = g_strconcat (path, ".new", NULL);
  gboolean written;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "Cannot create %s", dir);
      return FALSE;
    }

  written = base != NULL ? fanfare_fp_index_merge_keeping (base, keep, more, temp, error)
            : fanfare_fp_index_save (more, temp, error);
  if (written && g_rename (temp, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "Cannot replace %s", path);
      written = FALSE;
    }
  if (!written)
    g_unlink (temp);

  return written;
}

/* How the index names the track @id of the file at @uri as it is now:
 * "ID MODIFIED SIZE", the time of its last change in microseconds; %NULL
 * when there is no such file. */
static char *
index_key (const char *id,
           const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  gint64 modified;

  if (info == NULL)
    return NULL;
  modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
             g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  return g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GOFFSET_FORMAT, id, modified, g_file_info_get_size (info));
}

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Update *update = task_data;
  g_autoptr(FanfareFpIndex) base = fanfare_fp_index_load (update->path, NULL);
  g_autoptr(FanfareFpIndex) more = fanfare_fp_index_new ();
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gboolean * keep = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < update->ids->len; i++)
    {
      g_autofree char *key = index_key (g_ptr_array_index (update->ids, i), g_ptr_array_index (update->uris, i));
      g_autofree float *samples = NULL;
      g_autoptr(GArray) hashes = NULL;
      g_autoptr(GError) decode_error = NULL;
      gsize n_samples;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (key == NULL || !g_hash_table_add (current, g_strdup (key)) ||
          (base != NULL && fanfare_fp_index_find_id (base, key) != G_MAXUINT))
        continue;

      samples = fanfare_fp_decode_file (g_ptr_array_index (update->uris, i), &n_samples, &decode_error);
      if (samples == NULL)
        {
          g_debug ("No fingerprints for track %s: %s", key, decode_error->message);
          continue;
        }
      hashes = fanfare_fp_extract_hashes (samples, n_samples);
      fanfare_fp_index_add (more, key, n_samples / FANFARE_FP_HOP, hashes);
      update->added++;
    }

  /* Tracks gone from the library, and files changed since they were
   * decoded, leave the index. */
  if (base != NULL)
    {
      keep = g_new (gboolean, MAX (fanfare_fp_index_get_n_tracks (base), 1));
      for (guint t = 0; t < fanfare_fp_index_get_n_tracks (base); t++)
        {
          keep[t] = g_hash_table_contains (current, fanfare_fp_index_get_id (base, t));
          if (!keep[t])
            update->dropped++;
        }
    }

  if ((update->added > 0 || update->dropped > 0) && !write_index (update->path, base, keep, more, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Fingerprinted %u new tracks of the library, left out %u", update->added, update->dropped);
  g_task_return_boolean (task, TRUE);
}

static void
fanfare_local_fingerprints_finalize (GObject *object)
{
  FanfareLocalFingerprints *self = FANFARE_LOCAL_FINGERPRINTS (object);

  g_hash_table_unref (self->tracks);
  g_free (self->path);

  G_OBJECT_CLASS (fanfare_local_fingerprints_parent_class)->finalize (object);
}

static void
fanfare_local_fingerprints_class_init (FanfareLocalFingerprintsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_local_fingerprints_finalize;
}

static void
fanfare_local_fingerprints_init (FanfareLocalFingerprints *self)
{
  self->tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * fanfare_local_fingerprints_new:
 * @path: the index file
 */
FanfareLocalFingerprints *
fanfare_local_fingerprints_new (const char *path)
{
  FanfareLocalFingerprints *self = g_object_new (FANFARE_TYPE_LOCAL_FINGERPRINTS, NULL);

  self->path = g_strdup (path);

  return self;
}

/**
 * fanfare_local_fingerprints_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/fanfare/fingerprints.idx`
 */
char *
fanfare_local_fingerprints_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fanfare", "fingerprints.idx", NULL);
}

/**
 * fanfare_local_fingerprints_update_async:
 * @tracks: (element-type FanfareTrack): the library's tracks
 *
 * Fingerprints those of @tracks the index lacks, or whose files changed,
 * and leaves out of it those that are no longer among @tracks, in a
 * worker thread.
 */
void
fanfare_local_fingerprints_update_async (FanfareLocalFingerprints *self,
                                         GListModel               *tracks,
                                         GCancellable             *cancellable,
                                         GAsyncReadyCallback       callback,
                                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Update *update;

  g_return_if_fail (FANFARE_IS_LOCAL_FINGERPRINTS (self));
  g_return_if_fail (G_IS_LIST_MODEL (tracks));

  update = g_new0 (Update, 1);
  update->path = g_strdup (self->path);
  update->ids = g_ptr_array_new_with_free_func (g_free);
  update->uris = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_remove_all (self->tracks);
  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, i);
      const char *id = fanfare_track_get_id (track);
      const char *uri = fanfare_track_get_uri (track);

      if (id == NULL || uri == NULL || !g_str_has_prefix (uri, "file:"))
        continue;
      g_hash_table_replace (self->tracks, g_strdup (id), g_object_ref (track));
      g_ptr_array_add (update->ids, g_strdup (id));
      g_ptr_array_add (update->uris, g_strdup (uri));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_local_fingerprints_update_async);
  /* The user's music is decoded behind whatever else the app does. */
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_set_task_data (task, update, (GDestroyNotify) update_free);
  g_task_run_in_thread (task, update_thread);
}

gboolean
fanfare_local_fingerprints_update_finish (FanfareLocalFingerprints *self,
                                          GAsyncResult             *result,
                                          GError                  **error)
{
  Update *update;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  update = g_task_get_task_data (G_TASK (result));
  if (update->added > 0 || update->dropped > 0)
    self->generation++;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fanfare_local_fingerprints_get_generation:
 *
 * Returns: a number that goes up each time the index file changes
 */
guint
fanfare_local_fingerprints_get_generation (FanfareLocalFingerprints *self)
{
  g_return_val_if_fail (FANFARE_IS_LOCAL_FINGERPRINTS (self), 0);

  return self->generation;
}

/**
 * fanfare_local_fingerprints_load_index:
 *
 * Returns: (transfer full) (nullable): the index as the file holds it now,
 *   mapped, or %NULL before there is one
 */
FanfareFpIndex *
fanfare_local_fingerprints_load_index (FanfareLocalFingerprints *self)
{
  g_autoptr(GError) error = NULL;
  FanfareFpIndex *index;

  g_return_val_if_fail (FANFARE_IS_LOCAL_FINGERPRINTS (self), NULL);

  index = fanfare_fp_index_load (self->path, &error);
  if (index == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("The library's fingerprints cannot be read: %s", error->message);

  return index;
}

/**
 * fanfare_local_fingerprints_lookup:
 * @id: a track as the index names it: its library id, then what its file
 *   was
 * @self: (type FanfareLocalFingerprints): the fingerprints
 *
 * A #FanfareIdentifierLookup.
 *
 * Returns: (transfer full) (nullable): the track
 */
FanfareTrack *
fanfare_local_fingerprints_lookup (const char *id,
                                   gpointer    self)
{
  FanfareLocalFingerprints *fingerprints = self;
  g_autofree char *library_id = g_strndup (id, strcspn (id, " "));
  FanfareTrack *track;

  g_return_val_if_fail (FANFARE_IS_LOCAL_FINGERPRINTS (fingerprints), NULL);

  track = g_hash_table_lookup (fingerprints->tracks, library_id);

  return track != NULL ? g_object_ref (track) : NULL;
}
