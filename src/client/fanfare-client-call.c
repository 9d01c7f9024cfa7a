/* fanfare-client-call.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One request and its answer: sending, mapping failures to errors a person
 * understands, and turning JSON into model objects. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-playlist.h"
#include "fanfare-session.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

typedef struct {
  FanfareParseFunc parse;
  GDestroyNotify   destroy;
  SoupMessage     *msg;
  GBytes          *body;       /* an answer parsed in a worker thread */
  gboolean         in_thread;
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_object (&data->msg);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data);
}

GTask *
_fanfare_client_task_new (FanfareClient       *self,
                          gpointer             source_tag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  return task;
}

gpointer
_fanfare_client_propagate (FanfareClient *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fanfare_client_error_is_offline:
 *
 * Returns: whether @error says the server could not be reached at all, as
 *   opposed to an answer that refused the request
 */
gboolean
fanfare_client_error_is_offline (const GError *error)
{
  return error != NULL &&
         (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
          error->domain == G_TLS_ERROR || error->domain == SOUP_SESSION_ERROR) &&
         !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A failure to reach the server, in words; the details go to the log. */
GError *
_fanfare_client_map_error (FanfareClient *self,
                           const GError  *error)
{
  g_autoptr(GUri) uri = g_uri_parse (self->server_url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : self->server_url;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("Request to %s failed: %s", host, error->message);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (G_TLS_ERROR, error->code,
                        _("The secure connection to %s could not be trusted"), host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        _("%s took too long to answer"), host);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND,
                        _("No server called %s could be found"), host);

  return g_error_new (G_IO_ERROR, error->domain == G_IO_ERROR ? error->code : G_IO_ERROR_FAILED,
                      _("%s cannot be reached; check the connection"), host);
}

/* An answer of 400 or more: the server's own message when it sent one,
 * which is written for people; otherwise one that goes with the status. */
GError *
_fanfare_client_error_from_response (SoupMessage *msg,
                                     GBytes      *body)
{
  guint status = soup_message_get_status (msg);
  FanfareError code = fanfare_error_from_http_status (status);
  const char *content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);

  if (body != NULL && g_strcmp0 (content_type, "application/json") == 0)
    {
      g_autoptr(JsonObject) json = fanfare_json_parse_object (g_bytes_get_data (body, NULL),
                                                              g_bytes_get_size (body), NULL);
      JsonObject *error_object = NULL;

      if (json != NULL && json_object_has_member (json, "error") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (json, "error")))
        error_object = json_object_get_object_member (json, "error");
      if (error_object != NULL)
        {
          const char *api_code = json_object_get_string_member_with_default (error_object, "code", NULL);
          const char *message = json_object_get_string_member_with_default (error_object, "message", NULL);

          if (message != NULL)
            return g_error_new_literal (FANFARE_ERROR, fanfare_error_from_api_code (api_code), message);
        }
    }

  switch (code)
    {
    case FANFARE_ERROR_UNAUTHORIZED:
      return g_error_new_literal (FANFARE_ERROR, code, _("You are no longer signed in"));
    case FANFARE_ERROR_NOT_FOUND:
      return g_error_new_literal (FANFARE_ERROR, code, _("This is no longer on the server"));
    case FANFARE_ERROR_RATE_LIMITED:
      return g_error_new_literal (FANFARE_ERROR, code, _("Too many attempts; try again later"));
    case FANFARE_ERROR_UNAVAILABLE:
    case FANFARE_ERROR_INTERNAL:
      return g_error_new_literal (FANFARE_ERROR, code, _("The server has a problem; try again later"));
    case FANFARE_ERROR_INVALID:
    case FANFARE_ERROR_PAYMENT_REQUIRED:
    case FANFARE_ERROR_FORBIDDEN:
    case FANFARE_ERROR_METHOD_NOT_ALLOWED:
    case FANFARE_ERROR_CONFLICT:
    case FANFARE_ERROR_TOO_LARGE:
    case FANFARE_ERROR_RANGE_NOT_SATISFIABLE:
    default:
      return g_error_new (FANFARE_ERROR, code, _("The server refused the request (%u)"), status);
    }
}

/**
 * _fanfare_client_finish_send:
 * @msg: the request sent
 * @result: the result of soup_session_send_and_read_async()
 *
 * Reads the answer to @msg and notes whether the server could be reached.
 *
 * Returns: (transfer full): the body of a successful answer, or %NULL with
 *   @error set in words a person understands
 */
GBytes *
_fanfare_client_finish_send (FanfareClient *self,
                             SoupMessage   *msg,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) send_error = NULL;
  guint status;

  body = soup_session_send_and_read_finish (self->session, result, &send_error);
  if (body == NULL)
    {
      if (!g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _fanfare_client_set_online (self, FALSE);
      g_propagate_error (error, _fanfare_client_map_error (self, send_error));
      return NULL;
    }

  _fanfare_client_set_online (self, TRUE);
  status = soup_message_get_status (msg);
  if (status < 400)
    return g_steal_pointer (&body);

  g_propagate_error (error, _fanfare_client_error_from_response (msg, body));
  if (status == SOUP_STATUS_UNAUTHORIZED && self->token != NULL &&
      soup_message_headers_get_one (soup_message_get_request_headers (msg), "Authorization") != NULL)
    {
      fanfare_client_set_token (self, NULL);
      g_signal_emit_by_name (self, "session-expired");
    }

  return NULL;
}

/* Turns @body into the task's value. */
static void
parse_answer (FanfareClient *self,
              CallData      *data,
              GBytes        *body,
              GTask         *task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = NULL;
  gpointer value;

  json = fanfare_json_parse_object (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  if (json != NULL)
    value = data->parse (self, json, &error);
  else
    value = NULL;

  if (value == NULL)
    {
      g_warning ("Unexpected answer from the server: %s", error->message);
      g_task_return_new_error (task, FANFARE_ERROR, FANFARE_ERROR_INTERNAL,
                               _("The server sent an answer this version cannot read"));
      return;
    }

  g_task_return_pointer (task, value, data->destroy);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CallData *data = task_data;

  parse_answer (source_object, data, data->body, task);
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = _fanfare_client_finish_send (self, data->msg, result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->parse == NULL)
    {
      g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
      return;
    }

  if (data->in_thread)
    {
      data->body = g_steal_pointer (&body);
      g_task_run_in_thread (task, parse_thread);
      return;
    }
  parse_answer (self, data, body, task);
}

static void
call (FanfareClient    *self,
      SoupMessage      *msg,
      FanfareParseFunc  parse,
      GDestroyNotify    destroy,
      gboolean          in_thread,
      GTask            *task)
{
  CallData *data = g_new0 (CallData, 1);

  data->parse = parse;
  data->destroy = destroy;
  data->msg = g_object_ref (msg);
  data->in_thread = in_thread;
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  soup_session_send_and_read_async (self->session, msg, g_task_get_priority (task),
                                    g_task_get_cancellable (task), call_cb, task);
}

/**
 * _fanfare_client_call_parsing_in_thread:
 * @parse: turns the answer into the task's value; it touches nothing but
 *   what it makes
 * @task: (transfer full): the caller's task
 *
 * As _fanfare_client_call(), for a long answer: it is parsed in a worker
 * thread, so that the frames drawn meanwhile do not wait for it.
 */
void
_fanfare_client_call_parsing_in_thread (FanfareClient    *self,
                                        SoupMessage      *msg,
                                        FanfareParseFunc  parse,
                                        GDestroyNotify    destroy,
                                        GTask            *task)
{
  g_assert (parse != NULL);

  call (self, msg, parse, destroy, TRUE, task);
}

/**
 * _fanfare_client_call:
 * @msg: the request
 * @parse: (nullable): turns the answer into the task's value; %NULL for an
 *   answer without a body, which makes the value %TRUE
 * @task: (transfer full): the caller's task
 */
void
_fanfare_client_call (FanfareClient    *self,
                      SoupMessage      *msg,
                      FanfareParseFunc  parse,
                      GDestroyNotify    destroy,
                      GTask            *task)
{
  call (self, msg, parse, destroy, FALSE, task);
}

static gpointer
new_model (GType       type,
           JsonObject *json,
           GError    **error)
{
  GObject *object = NULL;

  if (type == FANFARE_TYPE_TRACK)
    object = G_OBJECT (fanfare_track_new_from_json (json, error));
  else if (type == FANFARE_TYPE_ALBUM)
    object = G_OBJECT (fanfare_album_new_from_json (json, error));
  else if (type == FANFARE_TYPE_ARTIST)
    object = G_OBJECT (fanfare_artist_new_from_json (json, error));
  else if (type == FANFARE_TYPE_USER)
    return fanfare_user_new_from_json (json, error);
  else if (type == FANFARE_TYPE_SESSION)
    return fanfare_session_new_from_json (json, error);
  else if (type == FANFARE_TYPE_PLAYLIST)
    return fanfare_playlist_new_from_json (json, error);
  else
    g_assert_not_reached ();

  /* Whatever comes from the server is the platform's. */
  if (object != NULL)
    g_object_set (object, "source", FANFARE_SOURCE_PLATFORM, NULL);

  return object;
}

static JsonNode *
get_member (JsonObject   *json,
            const char   *member,
            JsonNodeType  node_type,
            GError      **error)
{
  JsonNode *node = json_object_get_member (json, member);

  if (node == NULL || json_node_get_node_type (node) != node_type)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The member “%s” is missing or of the wrong type", member);
      return NULL;
    }

  return node;
}

/**
 * _fanfare_client_parse_object:
 * @member: (nullable): the member that holds the object, or %NULL for @json
 *   itself
 *
 * Returns: (transfer full): a model object of @type, or %NULL
 */
gpointer
_fanfare_client_parse_object (JsonObject *json,
                              const char *member,
                              GType       type,
                              GError    **error)
{
  JsonNode *node;

  if (member == NULL)
    return new_model (type, json, error);

  node = get_member (json, member, JSON_NODE_OBJECT, error);

  return node != NULL ? new_model (type, json_node_get_object (node), error) : NULL;
}

static gboolean
append_model (GListStore *store,
              JsonNode   *element,
              GType       type,
              GError    **error)
{
  g_autoptr(GObject) object = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A list holds a non-object");
      return FALSE;
    }

  object = new_model (type, json_node_get_object (element), error);
  if (object == NULL)
    return FALSE;

  g_list_store_append (store, object);

  return TRUE;
}

/**
 * _fanfare_client_parse_list:
 * @member: the array, such as `items`
 *
 * Returns: (transfer full): a #GListStore of @type, or %NULL
 */
GListModel *
_fanfare_client_parse_list (JsonObject *json,
                            const char *member,
                            GType       type,
                            GError    **error)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  JsonNode *node = get_member (json, member, JSON_NODE_ARRAY, error);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!append_model (store, json_array_get_element (array, i), type, error))
      return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}
