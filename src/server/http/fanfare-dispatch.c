/* fanfare-dispatch.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Between libsoup and the routes, on the main thread:
 *
 * - when a request starts, a timer gives its headers and body a deadline,
 *   so a client that sends slowly loses its connection instead of holding
 *   it forever;
 * - when its headers are in, the route is found and a body over the cap is
 *   refused with 413 before it is kept (a declared length is checked at
 *   once, a chunked body as it comes);
 * - when the body is in, the message is paused and the route's handler
 *   runs in a worker thread; its response is applied back here and the
 *   message resumes. The main loop never waits on the disk or a hash.
 *   Answers the same for every anonymous caller come from a cache when
 *   the database has not changed since (fanfare-response-cache.c).
 *
 * Requests are counted from start to finish, so that a shutdown can wait
 * for them. */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-request.h"
#include "fanfare-server-private.h"

/* The threads that run requests: see _fanfare_dispatch_attach(). */
#define WORKER_THREADS 32

typedef struct {
  FanfareServer      *server;   /* borrowed: it disconnects its messages first */
  SoupServerMessage  *msg;      /* borrowed: the state is the message's */
  const FanfareRoute *route;
  GHashTable         *params;
  FanfareError        no_route;
  gsize               max_body;
  gsize               received;
  guint               timeout_id;
  gboolean            in_flight;
  gint64              started_us;
  char               *cache_key;   /* set when the answer may be cached */
  guint               generation;  /* of the database when it was asked */
} MessageState;

static GQuark
state_quark (void)
{
  return g_quark_from_static_string ("fanfare-message-state");
}

static MessageState *
get_state (SoupServerMessage *msg)
{
  return g_object_get_qdata (G_OBJECT (msg), state_quark ());
}

static void
log_request (MessageState *state)
{
  GUri *uri = soup_server_message_get_uri (state->msg);

  g_debug ("%s %s %u %.1f ms", soup_server_message_get_method (state->msg),
           uri != NULL ? g_uri_get_path (uri) : "?", soup_server_message_get_status (state->msg),
           (g_get_monotonic_time () - state->started_us) / 1000.0);
}

/* The request is over, whichever way it ended. */
static void
finish (MessageState *state)
{
  FanfareServer *self = state->server;

  g_clear_handle_id (&state->timeout_id, g_source_remove);
  if (!state->in_flight)
    return;

  state->in_flight = FALSE;
  log_request (state);
  self->in_flight--;
  _fanfare_server_request_done (self);
}

static void
state_free (gpointer  data)
{
  MessageState *state = data;

  finish (state);
  g_clear_pointer (&state->params, g_hash_table_unref);
  g_free (state->cache_key);
  g_free (state);
}

/* Answers at once, on the main thread, with an error body. */
static void
respond_error (SoupServerMessage *msg,
               FanfareError       code,
               const char        *message)
{
  g_autoptr(JsonNode) node = fanfare_request_error_new (code, message);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, fanfare_error_to_http_status (code), NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static void
reject_and_close (SoupServerMessage *msg,
                  FanfareError       code,
                  const char        *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  /* Whatever more the client sends is read and dropped, not kept. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  respond_error (msg, code, message);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}

static void
reject_too_large (MessageState *state)
{
  g_autofree char *message = g_strdup_printf ("The body is larger than %" G_GSIZE_FORMAT " bytes",
                                              state->max_body);

  reject_and_close (state->msg, FANFARE_ERROR_TOO_LARGE, message);
}

static void
write_timeout_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GIOStream) stream = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* The client took too long to send its request: it gets a 408 and its
 * connection is closed under it. */
static gboolean
request_timeout_cb (gpointer  data)
{
  static const char response[] =
    "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
  MessageState *state = data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (state->msg);
  GIOStream *stream;

  state->timeout_id = 0;
  g_debug ("Closing a connection whose request did not arrive within %u ms",
           state->server->limits.request_timeout_ms);

  /* Once stolen, the connection lets go of the message, whose state goes
   * with it: it is finished first. */
  soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_TIMEOUT, NULL);
  finish (state);
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), response, sizeof response - 1,
                                     G_PRIORITY_DEFAULT, NULL, write_timeout_cb, stream);

  return G_SOURCE_REMOVE;
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    FanfareServer     *self)
{
  MessageState *state = g_new0 (MessageState, 1);

  state->server = self;
  state->msg = msg;
  state->in_flight = TRUE;
  state->started_us = g_get_monotonic_time ();
  state->max_body = self->limits.max_body;
  state->timeout_id = g_timeout_add (self->limits.request_timeout_ms, request_timeout_cb, state);
  g_object_set_qdata_full (G_OBJECT (msg), state_quark (), state, state_free);

  self->in_flight++;
}

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 FanfareServer     *self)
{
  MessageState *state = get_state (msg);

  if (state != NULL)
    g_clear_handle_id (&state->timeout_id, g_source_remove);
}

static void
request_finished_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     FanfareServer     *self)
{
  MessageState *state = get_state (msg);

  if (state != NULL)
    finish (state);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              MessageState      *state)
{
  gboolean was_over = state->received > state->max_body;

  state->received += g_bytes_get_size (chunk);
  if (!was_over && state->received > state->max_body)
    reject_too_large (state);
}

static void
early_handler_cb (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  FanfareServer *self = user_data;
  MessageState *state = get_state (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  g_return_if_fail (state != NULL);

  state->route = fanfare_router_match (self->router, soup_server_message_get_method (msg), path,
                                       &state->params, &state->no_route);
  if (state->route != NULL && state->route->max_body > 0)
    state->max_body = state->route->max_body;

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CONTENT_LENGTH:
      if (soup_message_headers_get_content_length (headers) > state->max_body)
        reject_too_large (state);
      break;

    case SOUP_ENCODING_CHUNKED:
      g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), state);
      break;

    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_NONE:
    case SOUP_ENCODING_EOF:
    case SOUP_ENCODING_BYTERANGES:
    default:
      break;
    }
}

/* Runs a request in one of the server's worker threads. */
static void
worker_cb (gpointer  data,
           gpointer  user_data)
{
  g_autoptr(GTask) task = data;

  fanfare_request_run (g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static void
request_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SoupServerMessage *msg = SOUP_SERVER_MESSAGE (source_object);
  FanfareRequest *request = g_task_get_task_data (G_TASK (result));
  MessageState *state = get_state (msg);

  fanfare_request_apply (request, msg);
  if (state != NULL && state->cache_key != NULL)
    fanfare_response_cache_store (state->server->cache, state->cache_key, state->generation, msg);
  soup_server_message_unpause (msg);
}

/* Whether the answer is the one every anonymous caller gets. */
static gboolean
is_shared (const FanfareRoute *route,
           SoupServerMessage  *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  return route->shared && soup_server_message_get_method (msg) == SOUP_METHOD_GET &&
         soup_message_headers_get_one (headers, "Authorization") == NULL;
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  FanfareServer *self = user_data;
  MessageState *state = get_state (msg);
  g_autoptr(GTask) task = NULL;
  FanfareRequest *request;

  g_return_if_fail (state != NULL);

  if (state->route == NULL)
    {
      respond_error (msg, state->no_route, state->no_route == FANFARE_ERROR_METHOD_NOT_ALLOWED
                     ? "This path does not take this method" : "No such endpoint");
      return;
    }

  if (self->draining)
    {
      reject_and_close (msg, FANFARE_ERROR_UNAVAILABLE, "The server is shutting down");
      return;
    }

  if (is_shared (state->route, msg))
    {
      GUri *uri = soup_server_message_get_uri (msg);

      state->generation = fanfare_database_get_generation (self->db);
      state->cache_key = g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL);
      if (fanfare_response_cache_answer (self->cache, state->cache_key, state->generation, msg))
        {
          g_clear_pointer (&state->cache_key, g_free);
          return;
        }
    }

  request = fanfare_request_new (self, state->route, msg, g_steal_pointer (&state->params), query);

  soup_server_message_pause (msg);
  task = g_task_new (msg, NULL, request_done_cb, NULL);
  g_task_set_source_tag (task, handler_cb);
  g_task_set_task_data (task, request, (GDestroyNotify) fanfare_request_free);
  g_thread_pool_push (self->workers, g_steal_pointer (&task), NULL);
}

/* Connects the server's routes to its SoupServer. */
void
_fanfare_dispatch_attach (FanfareServer *self)
{
  g_signal_connect_object (self->soup, "request-started", G_CALLBACK (request_started_cb), self, 0);
  g_signal_connect_object (self->soup, "request-read", G_CALLBACK (request_read_cb), self, 0);
  g_signal_connect_object (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self, 0);
  g_signal_connect_object (self->soup, "request-aborted", G_CALLBACK (request_finished_cb), self, 0);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);

  /* More threads than processors: a request waiting for the commit of
   * the writes grouped with its own, or for a database connection, frees
   * its processor for another, and the more writes wait together, the
   * fewer commits a burst of purchases takes. */
  if (self->workers == NULL)
    self->workers = g_thread_pool_new (worker_cb, self, WORKER_THREADS, FALSE, NULL);
}
