/* fanfare-client-download.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Downloading a track the user owns, in the quality it was published in,
 * to a file of theirs. The bytes go to FILE.part a range at a time; an
 * interrupted download leaves that file, and the next one asks the server
 * only for what it lacks (Range) before renaming it into place. The ETag
 * of the stream the part holds is kept beside it (FILE.part.etag) and the
 * rest is asked for only if the stream is still that one (If-Range):
 * otherwise the server answers the whole new stream, which replaces the
 * part, so that two versions of a track are never spliced together. A
 * part with no ETag beside it cannot be vouched for and starts again. */

#include "config.h"

#include <string.h>

#include "fanfare-client-download.h"
#include "fanfare-client-private.h"
#include "fanfare-error.h"

#define DEFAULT_CHUNK_SIZE (256 * 1024)

typedef struct {
  FanfareTrack           *track;
  GFile                  *file;
  GFile                  *partial;
  GFile                  *etag_file;
  char                   *etag;  /* of the stream the part file holds */
  gsize                   chunk_size;
  FanfareDownloadProgress progress;
  gpointer                progress_data;
  goffset                 done;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->track);
  g_clear_object (&download->file);
  g_clear_object (&download->partial);
  g_clear_object (&download->etag_file);
  g_free (download->etag);
  g_free (download);
}

static void read_next (GTask *task);

static gboolean
forget_etag (Download *download,
             GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_delete (download->etag_file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Notes beside the part file which stream it is about to hold. */
static gboolean
keep_etag (Download   *download,
           const char *etag,
           GError    **error)
{
  g_free (download->etag);
  download->etag = g_strdup (etag);
  if (etag == NULL)
    return forget_etag (download, error);

  return g_file_replace_contents (download->etag_file, etag, strlen (etag), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  NULL, error);
}

static void
chunk_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  goffset start = 0, total = 0;
  gsize written = 0;

  bytes = fanfare_client_read_stream_if_range_finish (FANFARE_CLIENT (object), result, &start, &total, &etag,
                                                      &error);

  /* A part file as long as the track or longer (the track was replaced)
   * is of no use: it starts again from nothing. */
  if (g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_RANGE_NOT_SATISFIABLE) && download->done > 0)
    {
      g_debug ("Downloading a track again from its start: %s", error->message);
      download->done = 0;
      if (!g_file_delete (download->partial, NULL, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      read_next (g_steal_pointer (&task));
      return;
    }

  /* Another stream than the part's: the server sent it whole, from its
   * start, and the part is written again. */
  if (bytes != NULL && start != download->done)
    {
      g_debug ("A track changed since its download began; downloading it again from its start");
      download->done = 0;
    }

  if (bytes != NULL && download->done == 0 && !keep_etag (download, etag, &error))
    g_clear_pointer (&bytes, g_bytes_unref);

  if (bytes != NULL)
    out = download->done == 0
          ? g_file_replace (download->partial, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error)
          : g_file_append_to (download->partial, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &written, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  download->done += written;
  if (download->progress != NULL)
    download->progress (download->done, total, download->progress_data);

  if (download->done < total && written > 0)
    {
      read_next (g_steal_pointer (&task));
      return;
    }

  if (!g_file_move (download->partial, download->file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error) ||
      !forget_etag (download, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
read_next (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  fanfare_client_read_stream_if_range_async (g_task_get_source_object (task), download->track, download->done,
                                             download->chunk_size, download->done > 0 ? download->etag : NULL,
                                             g_task_get_cancellable (task), chunk_cb, task);
}

static GFile *
etag_file_of (GFile *partial)
{
  g_autofree char *path = g_strconcat (g_file_peek_path (partial), ".etag", NULL);

  return g_file_new_for_path (path);
}

/**
 * fanfare_client_download_partial_file:
 *
 * Returns: (transfer full): where the bytes of @file wait until they are all
 *   there
 */
GFile *
fanfare_client_download_partial_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);

  return g_file_new_for_path (partial);
}

/**
 * fanfare_client_download_track_async:
 * @file: where the track goes
 * @chunk_size: bytes per request, or 0 for the default
 * @progress: (nullable): called after each range
 *
 * Downloads @track to @file, resuming a download interrupted earlier.
 */
void
fanfare_client_download_track_async (FanfareClient           *self,
                                     FanfareTrack            *track,
                                     GFile                   *file,
                                     gsize                    chunk_size,
                                     FanfareDownloadProgress  progress,
                                     gpointer                 progress_data,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_autoptr(GFileInfo) info = NULL;
  Download *download;
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));
  g_return_if_fail (G_IS_FILE (file));

  task = _fanfare_client_task_new (self, fanfare_client_download_track_async, cancellable, callback, user_data);
  download = g_new0 (Download, 1);
  download->track = g_object_ref (track);
  download->file = g_object_ref (file);
  download->partial = fanfare_client_download_partial_file (file);
  download->etag_file = etag_file_of (download->partial);
  download->chunk_size = chunk_size > 0 ? chunk_size : DEFAULT_CHUNK_SIZE;
  download->progress = progress;
  download->progress_data = progress_data;
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  /* What an earlier attempt left is kept, with the ETag of its stream;
   * the rest is asked for. */
  info = g_file_query_info (download->partial, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL &&
      g_file_load_contents (download->etag_file, NULL, &download->etag, NULL, NULL, NULL))
    download->done = g_file_info_get_size (info);

  read_next (task);
}

gboolean
fanfare_client_download_track_finish (FanfareClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fanfare_client_download_track_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
