/* fanfare-client-studio.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The studio's calls. Its objects (an album with its price and its
 * publication, an upload, the analytics) have no model type: the calls
 * answer the server's JSON object as it is, described in docs/api.md. */

#include "config.h"

#include <string.h>

#include "fanfare-client-private.h"
#include "fanfare-json.h"

static gpointer
parse_json (FanfareClient *self,
            JsonObject    *json,
            GError       **error)
{
  return json_object_ref (json);
}

static void
start_call (FanfareClient       *self,
            const char          *method,
            const char          *path,
            const char          *content_type,
            GBytes              *bytes,
            const char          *content_range,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (g_str_has_prefix (path, "/api/v1/"));

  task = _fanfare_client_task_new (self, fanfare_client_studio_call_async, cancellable, callback, user_data);
  msg = _fanfare_client_new_message (self, method, path, NULL);
  if (bytes != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, bytes);
  if (content_range != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Content-Range", content_range);

  _fanfare_client_call (self, msg, g_str_equal (method, "DELETE") ? NULL : parse_json,
                        (GDestroyNotify) json_object_unref, g_steal_pointer (&task));
}

/**
 * fanfare_client_studio_call_async:
 * @method: the HTTP method
 * @path: the path under the server, such as "/api/v1/studio/albums"
 * @body: (nullable): a JSON body
 *
 * Makes one of the studio's calls (see docs/api.md).
 */
void
fanfare_client_studio_call_async (FanfareClient       *self,
                                  const char          *method,
                                  const char          *path,
                                  JsonNode            *body,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *text = body != NULL ? fanfare_json_to_string (body) : NULL;
  g_autoptr(GBytes) bytes = text != NULL ? g_bytes_new (text, strlen (text)) : NULL;

  start_call (self, method, path, "application/json", bytes, NULL, cancellable, callback, user_data);
}

/**
 * fanfare_client_studio_call_finish:
 *
 * Returns: (transfer full) (nullable): the answer's JSON object, or %NULL
 *   with @error set; for DELETE an empty object
 */
JsonObject *
fanfare_client_studio_call_finish (FanfareClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  gpointer value = _fanfare_client_propagate (self, result, fanfare_client_studio_call_async, error);

  if (value == GINT_TO_POINTER (TRUE))
    return json_object_new ();

  return value;
}

/**
 * fanfare_client_studio_send_bytes_async:
 * @content_type: the body's type, such as "image/png"
 * @content_range: (nullable): a Content-Range header, for an upload's chunk
 *
 * Like fanfare_client_studio_call_async(), with a body of bytes: a cover, a
 * photo, a chunk of an upload.
 */
void
fanfare_client_studio_send_bytes_async (FanfareClient       *self,
                                        const char          *method,
                                        const char          *path,
                                        const char          *content_type,
                                        GBytes              *bytes,
                                        const char          *content_range,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (bytes != NULL);

  start_call (self, method, path, content_type, bytes, content_range, cancellable, callback, user_data);
}
