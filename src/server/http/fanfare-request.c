/* fanfare-request.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The request as a worker thread sees it, and the response it builds.
 * fanfare_request_new() and fanfare_request_apply() run on the main
 * thread; everything in between runs in one worker thread. */

#include "config.h"

#include <string.h>

#include "fanfare-credentials.h"
#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-request.h"
#include "fanfare-server-private.h"

/* The request headers a handler may read; no other is copied. */
static const char * const copied_headers[] = {
  "Authorization",
  "Idempotency-Key",
  "Content-Range",
  "If-None-Match",
  "If-Range",
  "Range",
  "User-Agent",
};

struct _FanfareRequest
{
  /* Read-only once the worker runs */
  FanfareServer      *server;
  const FanfareRoute *route;
  GHashTable         *params;
  GHashTable         *query;
  GHashTable         *headers;
  GBytes             *body;
  char               *remote_host;

  /* Set by the worker */
  FanfareAuth   auth;
  FanfareViewer viewer;
  guint         status;
  char         *content_type;
  GBytes       *response;
  GPtrArray    *response_headers;        /* name, value, name, value… */
};

/**
 * fanfare_request_new:
 * @params: (transfer full) (nullable): the path's parameters
 * @query: (nullable): the query's parameters
 *
 * Copies what the handler may need from @msg.
 */
FanfareRequest *
fanfare_request_new (FanfareServer      *server,
                     const FanfareRoute *route,
                     SoupServerMessage  *msg,
                     GHashTable         *params,
                     GHashTable         *query)
{
  FanfareRequest *request = g_new0 (FanfareRequest, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  request->server = g_object_ref (server);
  request->route = route;
  request->params = params;
  request->query = query != NULL ? g_hash_table_ref (query) : NULL;
  request->headers = g_hash_table_new (g_str_hash, g_str_equal);
  request->response_headers = g_ptr_array_new_with_free_func (g_free);
  request->remote_host = g_strdup (soup_server_message_get_remote_host (msg));

  for (guint i = 0; i < G_N_ELEMENTS (copied_headers); i++)
    {
      const char *value = soup_message_headers_get_one (headers, copied_headers[i]);

      if (value != NULL)
        g_hash_table_insert (request->headers, (gpointer) copied_headers[i], g_strdup (value));
    }

  if (body->length > 0)
    request->body = soup_message_body_flatten (body);

  return request;
}

void
fanfare_request_free (FanfareRequest *request)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, request->headers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_free (value);
  g_hash_table_unref (request->headers);
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->response, g_bytes_unref);
  g_ptr_array_unref (request->response_headers);
  g_free (request->content_type);
  g_free (request->remote_host);
  g_object_unref (request->server);
  g_free (request);
}

/* Finds who is asking from the bearer token, if any, and whether they may
 * call the route. */
static gboolean
authenticate (FanfareRequest *request,
              GError        **error)
{
  const char *authorization = fanfare_request_get_header (request, "Authorization");
  g_autofree char *token_hash = NULL;

  if (authorization == NULL)
    {
      if (request->route->access == FANFARE_ACCESS_ANYONE)
        return TRUE;
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED, "Sign in first");
      return FALSE;
    }

  if (g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0 || authorization[7] == '\0')
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED,
                           "The Authorization header must hold a bearer token");
      return FALSE;
    }

  token_hash = fanfare_credentials_hash_token (authorization + 7);
  if (!fanfare_account_store_authenticate (fanfare_request_get_database (request), token_hash,
                                           _fanfare_server_get_limits (request->server)->session_lifetime,
                                           &request->auth, error))
    return FALSE;

  request->viewer.user_id = request->auth.user_id;
  request->viewer.admin = request->auth.role == FANFARE_USER_ROLE_ADMIN;
  request->viewer.moderator = request->auth.moderator;

  if (request->route->access == FANFARE_ACCESS_ADMIN && !request->viewer.admin)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN, "Only admins may do this");
      return FALSE;
    }

  if (request->route->access == FANFARE_ACCESS_MODERATOR && !request->viewer.moderator)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN, "Only moderators may do this");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_etag_matches:
 * @if_none_match: (nullable): a request's If-None-Match header
 * @etag: a response's ETag, quoted
 *
 * Returns: whether @if_none_match names @etag, weakly or strongly, or any
 */
gboolean
fanfare_etag_matches (const char *if_none_match,
                      const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL || etag == NULL)
    return FALSE;

  tags = g_strsplit (if_none_match, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
        return TRUE;
    }

  return FALSE;
}

/**
 * fanfare_etag_for_bytes:
 *
 * Returns: (transfer full): a strong ETag for a response body: a 64-bit
 *   FNV-1a hash of it, taken eight bytes at a time, and its length, quoted
 */
char *
fanfare_etag_for_bytes (GBytes *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gsize i = 0;

  /* A word at a time: each step is one-to-one in the hash so far and in
   * the word, so bodies that differ in one word never share a hash, and
   * an answer of 30 tracks is hashed in a few microseconds. */
  for (; i + sizeof (guint64) <= length; i += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  for (; i < length; i++)
    hash = (hash ^ data[i]) * G_GUINT64_CONSTANT (0x100000001b3);

  return g_strdup_printf ("\"%016" G_GINT64_MODIFIER "x-%" G_GSIZE_MODIFIER "x\"", hash, length);
}

/* A JSON answer to a GET carries its ETag, so that a client's HTTP cache
 * keeps it and asks again with If-None-Match: an unchanged answer is then a
 * 304 without a body. "no-cache" has a cache ask every time, as every
 * answer may change with the next commit; "private" keeps it out of shared
 * caches, as it may be the caller's own view. (The app's own libsoup 3.2
 * cache does not keep such answers; made to, by "max-age=0,
 * must-revalidate", it failed a critical check when revalidating against
 * a server that was down.) */
static void
add_validator (FanfareRequest *request)
{
  g_autofree char *etag = NULL;

  if (!g_str_equal (request->route->method, "GET") || request->status != 200 || request->response == NULL ||
      g_strcmp0 (request->content_type, "application/json") != 0)
    return;

  etag = fanfare_etag_for_bytes (request->response);
  fanfare_request_add_header (request, "ETag", etag);
  fanfare_request_add_header (request, "Cache-Control", "private, no-cache");
  if (fanfare_etag_matches (fanfare_request_get_header (request, "If-None-Match"), etag))
    fanfare_request_respond_empty (request, 304);
}

/**
 * fanfare_request_run:
 *
 * Runs the route's handler; called in a worker thread.
 */
void
fanfare_request_run (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!authenticate (request, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  request->route->func (request);

  if (request->status == 0)
    fanfare_request_fail_literal (request, FANFARE_ERROR_INTERNAL, "The handler gave no answer");
  else
    add_validator (request);
}

/**
 * fanfare_request_apply:
 *
 * Writes the response into @msg; called on the main thread.
 */
void
fanfare_request_apply (FanfareRequest    *request,
                       SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* The handler answered ranges itself; libsoup must not do it again, the
   * way it does for a 200 with a Range request (by copying the body). */
  soup_message_headers_remove (soup_server_message_get_request_headers (msg), "Range");

  soup_server_message_set_status (msg, request->status, NULL);
  for (guint i = 0; i + 1 < request->response_headers->len; i += 2)
    soup_message_headers_append (headers, g_ptr_array_index (request->response_headers, i),
                                 g_ptr_array_index (request->response_headers, i + 1));

  if (request->content_type != NULL)
    soup_message_headers_set_content_type (headers, request->content_type, NULL);
  if (request->response != NULL && g_bytes_get_size (request->response) > 0)
    soup_message_body_append_bytes (soup_server_message_get_response_body (msg), request->response);
}

FanfareServer *
fanfare_request_get_server (FanfareRequest *request)
{
  return request->server;
}

FanfareDatabase *
fanfare_request_get_database (FanfareRequest *request)
{
  return _fanfare_server_get_database (request->server);
}

FanfareMediaStore *
fanfare_request_get_media (FanfareRequest *request)
{
  return _fanfare_server_get_media (request->server);
}

/**
 * fanfare_request_get_viewer:
 *
 * Returns: who is asking; user 0 when nobody signed in
 */
const FanfareViewer *
fanfare_request_get_viewer (FanfareRequest *request)
{
  return &request->viewer;
}

/**
 * fanfare_request_get_auth:
 *
 * Returns: the session of a signed-in caller; zeros otherwise
 */
const FanfareAuth *
fanfare_request_get_auth (FanfareRequest *request)
{
  return &request->auth;
}

const char *
fanfare_request_get_remote_host (FanfareRequest *request)
{
  return request->remote_host != NULL ? request->remote_host : "";
}

/**
 * fanfare_request_get_header:
 * @name: one of the headers the request copies, spelled as they are
 */
const char *
fanfare_request_get_header (FanfareRequest *request,
                            const char     *name)
{
  return g_hash_table_lookup (request->headers, name);
}

const char *
fanfare_request_get_query (FanfareRequest *request,
                           const char     *name)
{
  if (request->query == NULL)
    return NULL;

  return g_hash_table_lookup (request->query, name);
}

const char *
fanfare_request_get_param (FanfareRequest *request,
                           const char     *name)
{
  g_assert (request->params != NULL);

  return g_hash_table_lookup (request->params, name);
}

/**
 * fanfare_request_get_id:
 * @name: a path parameter that the router checked to be an id
 */
gint64
fanfare_request_get_id (FanfareRequest *request,
                        const char     *name)
{
  const char *value = fanfare_request_get_param (request, name);

  g_assert (value != NULL);

  return g_ascii_strtoll (value, NULL, 10);
}

/**
 * fanfare_request_get_body:
 *
 * Returns: (transfer none) (nullable): the body, %NULL when empty
 */
GBytes *
fanfare_request_get_body (FanfareRequest *request)
{
  return request->body;
}

/**
 * fanfare_request_parse_body:
 *
 * Returns: (transfer full): the body as a JSON object, its nesting checked
 *   before it is parsed, or %NULL with %FANFARE_ERROR_INVALID
 */
JsonObject *
fanfare_request_parse_body (FanfareRequest *request,
                            GError        **error)
{
  gsize length = 0;
  const char *data = NULL;

  if (request->body != NULL)
    data = g_bytes_get_data (request->body, &length);

  if (length == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The request needs a JSON body");
      return NULL;
    }

  return fanfare_json_parse_object (data, length, error);
}

/**
 * fanfare_request_get_limit:
 * @limit: (out): the page size the query asks for, or the default
 */
gboolean
fanfare_request_get_limit (FanfareRequest *request,
                           guint          *limit,
                           GError        **error)
{
  const char *value = fanfare_request_get_query (request, "limit");
  guint64 number;

  *limit = FANFARE_DEFAULT_PAGE_SIZE;
  if (value == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (value, 10, 1, FANFARE_MAX_PAGE_SIZE, &number, NULL))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “limit” must be a whole number from 1 to %u", FANFARE_MAX_PAGE_SIZE);
      return FALSE;
    }

  *limit = number;

  return TRUE;
}

/**
 * fanfare_request_respond_json:
 * @node: (transfer none): the response's body
 */
void
fanfare_request_respond_json (FanfareRequest *request,
                              guint           status,
                              JsonNode       *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);

  fanfare_request_respond_bytes (request, status, "application/json", bytes);
}

/**
 * fanfare_request_respond_bytes:
 * @content_type: (nullable): the type of @bytes
 * @bytes: (nullable): the response's body
 */
void
fanfare_request_respond_bytes (FanfareRequest *request,
                               guint           status,
                               const char     *content_type,
                               GBytes         *bytes)
{
  request->status = status;
  g_free (request->content_type);
  request->content_type = g_strdup (content_type);
  g_clear_pointer (&request->response, g_bytes_unref);
  if (bytes != NULL)
    request->response = g_bytes_ref (bytes);
}

void
fanfare_request_respond_empty (FanfareRequest *request,
                               guint           status)
{
  fanfare_request_respond_bytes (request, status, NULL, NULL);
}

/**
 * fanfare_request_error_new:
 *
 * Returns: (transfer full): the API's error body:
 *   {"error": {"code": "not_found", "message": "…"}}
 */
JsonNode *
fanfare_request_error_new (FanfareError  code,
                           const char   *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, fanfare_error_to_api_code (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * fanfare_request_fail:
 *
 * Answers with the error's status and an error body. Only the API's own
 * errors are shown as they are; any other failure is logged, and the
 * client learns only that the server failed.
 */
void
fanfare_request_fail (FanfareRequest *request,
                      const GError   *error)
{
  g_autoptr(JsonNode) node = NULL;
  FanfareError code = FANFARE_ERROR_INTERNAL;
  const char *message = "The server failed; it has logged why";

  if (error->domain == FANFARE_ERROR && error->code != FANFARE_ERROR_INTERNAL)
    {
      code = error->code;
      message = error->message;
    }
  else
    g_warning ("%s %s failed: %s", request->route->method, request->route->pattern, error->message);

  if (code == FANFARE_ERROR_UNAVAILABLE)
    fanfare_request_add_header (request, "Retry-After", "1");
  if (code == FANFARE_ERROR_UNAUTHORIZED)
    fanfare_request_add_header (request, "WWW-Authenticate", "Bearer");

  node = fanfare_request_error_new (code, message);
  fanfare_request_respond_json (request, fanfare_error_to_http_status (code), node);
}

void
fanfare_request_fail_literal (FanfareRequest *request,
                              FanfareError    code,
                              const char     *message)
{
  g_autoptr(GError) error = g_error_new_literal (FANFARE_ERROR, code, message);

  fanfare_request_fail (request, error);
}

void
fanfare_request_add_header (FanfareRequest *request,
                            const char     *name,
                            const char     *value)
{
  fanfare_request_take_header (request, name, g_strdup (value));
}

/**
 * fanfare_request_take_header:
 * @value: (transfer full): the header's value
 */
void
fanfare_request_take_header (FanfareRequest *request,
                             const char     *name,
                             char           *value)
{
  g_ptr_array_add (request->response_headers, g_strdup (name));
  g_ptr_array_add (request->response_headers, value);
}
