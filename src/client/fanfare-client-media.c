/* fanfare-client-media.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Streams and images. Images come through the HTTP cache, at most a few at
* once: a grid of covers asks for dozens together, and the ones still
* waiting when their widget goes away are dropped without being fetched. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fanfare-client-private.h"
#include "fanfare-error.h"

typedef struct {
  SoupMessage *msg;
  goffset      start;       /* of the bytes answered */
  goffset      total_size;
  char        *etag;        /* of the whole stream, as the server named it */
} StreamData;

static void
stream_data_free (StreamData *data)
{
  g_clear_object (&data->msg);
  g_free (data->etag);
  g_free (data);
}

static void
read_stream_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = g_task_get_source_object (task);
  StreamData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  goffset start, end, total = -1;

  bytes = _fanfare_client_finish_send (self, data->msg, result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (soup_message_get_status (data->msg) == SOUP_STATUS_PARTIAL_CONTENT &&
      soup_message_headers_get_content_range (soup_message_get_response_headers (data->msg),
                                              &start, &end, &total))
    {
      data->start = start;
      data->total_size = total;
    }
  else
    data->total_size = g_bytes_get_size (bytes);
  data->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (data->msg), "ETag"));

  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

/**
 * fanfare_client_read_stream_async:
 * @track: a platform track
 * @offset: the first byte
 * @length: how many bytes, or -1 for the rest
 *
 * Reads a byte range of @track's audio, with the session's token. Streams
 * bypass the HTTP cache.
 */
void
fanfare_client_read_stream_async (FanfareClient       *self,
                                  FanfareTrack        *track,
                                  goffset              offset,
                                  gssize               length,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  fanfare_client_read_stream_if_range_async (self, track, offset, length, NULL, cancellable, callback, user_data);
}

/**
 * fanfare_client_read_stream_if_range_async:
 * @etag: (nullable): the ETag of the stream the range continues; when the
 *   stream is no longer that one, the server answers it whole
 *
 * Reads a byte range of @track's audio as long as it is still the stream
 * @etag names (If-Range), so that what was read of it before may be
 * continued, never spliced onto another.
 */
void
fanfare_client_read_stream_if_range_async (FanfareClient       *self,
                                           FanfareTrack        *track,
                                           goffset              offset,
                                           gssize               length,
                                           const char          *etag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SoupMessageHeaders *headers;
  StreamData *data;
  const char *uri;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));
  g_return_if_fail (offset >= 0);

  task = _fanfare_client_task_new (self, fanfare_client_read_stream_async, cancellable, callback, user_data);
  uri = fanfare_track_get_uri (track);
  if (uri == NULL || !g_str_has_prefix (uri, self->server_url))
    {
      g_task_return_new_error (task, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND,
                               _("This track cannot be played from %s"), self->server_url);
      return;
    }

  data = g_new0 (StreamData, 1);
  data->msg = _fanfare_client_new_message (self, "GET", uri + strlen (self->server_url), NULL);
  headers = soup_message_get_request_headers (data->msg);
  soup_message_headers_set_range (headers, offset, length < 0 ? -1 : offset + length - 1);
  if (etag != NULL)
    soup_message_headers_replace (headers, "If-Range", etag);
  soup_message_disable_feature (data->msg, SOUP_TYPE_CACHE);
  g_task_set_task_data (task, data, (GDestroyNotify) stream_data_free);

  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    cancellable, read_stream_cb, g_steal_pointer (&task));
}

/**
 * fanfare_client_read_stream_finish:
 * @total_size: (out) (optional): the size of the whole stream
 *
 * Returns: (transfer full): the bytes of the range
 */
GBytes *
fanfare_client_read_stream_finish (FanfareClient *self,
                                   GAsyncResult  *result,
                                   goffset       *total_size,
                                   GError       **error)
{
  GBytes *bytes = _fanfare_client_propagate (self, result, fanfare_client_read_stream_async, error);

  if (bytes != NULL && total_size != NULL)
    *total_size = ((StreamData *) g_task_get_task_data (G_TASK (result)))->total_size;

  return bytes;
}

/**
 * fanfare_client_read_stream_if_range_finish:
 * @start: (out) (optional): where the bytes answered start: the offset
 *   asked for, or 0 when the server answered the whole stream
 * @total_size: (out) (optional): the size of the whole stream
 * @etag: (out) (optional) (transfer full) (nullable): the stream's ETag
 *
 * Returns: (transfer full): the bytes answered
 */
GBytes *
fanfare_client_read_stream_if_range_finish (FanfareClient *self,
                                            GAsyncResult  *result,
                                            goffset       *start,
                                            goffset       *total_size,
                                            char         **etag,
                                            GError       **error)
{
  GBytes *bytes = fanfare_client_read_stream_finish (self, result, total_size, error);
  StreamData *data = g_task_get_task_data (G_TASK (result));

  if (bytes != NULL && start != NULL)
    *start = data->start;
  if (bytes != NULL && etag != NULL)
    *etag = g_strdup (data->etag);

  return bytes;
}

static void start_waiting_images (FanfareClient *self);

static void
image_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->image_loads--;
  bytes = _fanfare_client_finish_send (self, msg, result, &error);
  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);

  start_waiting_images (self);
}

static void
start_image (FanfareClient *self,
             GTask         *task)
{
  SoupMessage *msg = g_task_get_task_data (task);

  self->image_loads++;
  soup_session_send_and_read_async (self->session, msg, g_task_get_priority (task),
                                    g_task_get_cancellable (task), image_cb, task);
}

static void
start_waiting_images (FanfareClient *self)
{
  while (self->image_loads < self->max_image_loads && !g_queue_is_empty (&self->image_queue))
    {
      GTask *task = g_queue_pop_head (&self->image_queue);

      if (g_task_return_error_if_cancelled (task))
        g_object_unref (task);
      else
        start_image (self, task);
    }
}

void
_fanfare_client_images_cancel_all (FanfareClient *self)
{
  GTask *task;

  while ((task = g_queue_pop_head (&self->image_queue)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The client went away");
      g_object_unref (task);
    }
}

/**
 * fanfare_client_load_image_async:
 * @uri: an image's address on the server, such as an album's `cover_uri`
 * @priority: the I/O priority; what is on screen goes first
 *
 * Fetches an image through the HTTP cache. At most
 * fanfare_client_set_max_image_loads() run at once; the others wait.
 */
void
fanfare_client_load_image_async (FanfareClient       *self,
                                 const char          *uri,
                                 int                  priority,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  SoupMessage *msg;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (uri != NULL);

  task = _fanfare_client_task_new (self, fanfare_client_load_image_async, cancellable, callback, user_data);
  g_task_set_priority (task, priority);
  msg = soup_message_new ("GET", uri);
  if (msg == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The address of a picture is not valid"));
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);

  if (self->image_loads < self->max_image_loads)
    start_image (self, task);
  else
    g_queue_push_tail (&self->image_queue, task);
}

/**
 * fanfare_client_load_image_finish:
 *
 * Returns: (transfer full): the image's bytes, as the server sent them
 */
GBytes *
fanfare_client_load_image_finish (FanfareClient *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_load_image_async, error);
}

/**
 * fanfare_client_set_max_image_loads:
 *
 * How many images may load at once; 4 unless set.
 */
void
fanfare_client_set_max_image_loads (FanfareClient *self,
                                    guint          max_loads)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (max_loads > 0);

  self->max_image_loads = max_loads;
  start_waiting_images (self);
}

/**
 * fanfare_client_get_image_loads:
 *
 * Returns: how many images are loading now
 */
guint
fanfare_client_get_image_loads (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), 0);

  return self->image_loads;
}
