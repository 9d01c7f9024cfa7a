/* test-api-security.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Bad input and hostile clients, each against the real server: bodies too
 * large or too deep, fields of the wrong type, ids that do not exist or
 * belong to someone else, paths that try to leave the media folder, a
 * client that sends slowly, one that sends many requests on one
 * connection, and password guessing. */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fanfare-playlist-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define MAX_BODY "262144"

typedef struct {
  FanfareTestServer *server;
  gint64             private_list;
} Fixture;

static void
set_up_with (Fixture            *fixture,
             const char * const *args)
{
  const char *titles[] = { "Song", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  sqlite3 *handle = NULL;
  gint64 artist, owner;

  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "lin", "Lin", FANFARE_USER_ROLE_ARTIST);
  owner = fanfare_test_store_add_account (&store, "mei", "mei secret pass", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "other", "other secret pass", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_album (&store, artist, "Album", "2024-01-01", titles, TRUE);
  fixture->private_list = fanfare_playlist_store_create (store.db, owner, "Diary of songs", NULL,
                                                         FANFARE_PLAYLIST_VISIBILITY_PRIVATE, &error);
  g_assert_no_error (error);
  data_dir = fanfare_test_store_close (&store);

  /* A track whose media name, as if the database were tampered with,
   * points out of the media folder. */
  {
    g_autofree char *db = g_build_filename (data_dir, "fanfare.db", NULL);

    g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "PRAGMA foreign_keys = OFF;"
                                   "INSERT INTO tracks (id, album_id, artist_id, title, media_hash, created_at)"
                                   " VALUES (66, 1, 1, 'Evil', '../../fanfare.db', 0)", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (handle);
  }

  fanfare_test_note_secret ("mei secret pass");
  fanfare_test_note_secret ("other secret pass");
  fixture->server = fanfare_test_server_start (data_dir, args);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *args[] = { "--max-body-bytes", MAX_BODY, "--request-timeout-ms", "1000",
                         "--login-attempts", "3", "--address-login-attempts", "6", NULL };

  set_up_with (fixture, args);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
}

/* A raw connection, for what a polite HTTP client never does. */
static GSocketConnection *
connect_raw (Fixture *fixture)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_uri (client, fixture->server->url, 80, NULL, &error);
  g_assert_no_error (error);

  return connection;
}

static void
send_text (GSocketConnection *connection,
           const char        *text)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), text, strlen (text), NULL,
                             NULL, &error);
  g_assert_no_error (error);
}

/* Reads one response; returns its status, or 0 if the connection closed. */
static guint
read_response (GDataInputStream *input,
               GString          *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *status_line = g_data_input_stream_read_line (input, NULL, NULL, &error);
  gsize length = 0;
  guint status;

  if (status_line == NULL)
    return 0;
  g_assert_true (g_str_has_prefix (status_line, "HTTP/1.1 "));
  status = atoi (status_line + 9);

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (input, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_strchomp (line);
      if (*line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        length = g_ascii_strtoull (line + 15, NULL, 10);
    }

  if (length > 0)
    {
      g_autofree char *data = g_malloc (length);
      gsize n_read = 0;

      g_input_stream_read_all (G_INPUT_STREAM (input), data, length, &n_read, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_read, ==, length);
      if (body != NULL)
        g_string_append_len (body, data, length);
    }

  return status;
}

static void
test_body_too_large (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *big = g_strnfill (400 * 1024, 'a');
  g_autofree char *body = g_strdup_printf ("{\"username\": \"x\", \"password\": \"%s\"}", big);
  g_autoptr(FanfareTestResponse) response = NULL;
  g_autoptr(GSocketConnection) connection = connect_raw (fixture);
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(GString) reply = g_string_new (NULL);
  g_autofree char *chunk = g_strnfill (64 * 1024, 'b');

  response = fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL, body);
  fanfare_test_assert_error (response, 413, "too_large", MAX_BODY);

  /* A chunked body has no length to check first: it is counted as it comes. */
  send_text (connection, "POST /api/v1/sessions HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *size = g_strdup_printf ("%x\r\n", 64 * 1024);

      send_text (connection, size);
      send_text (connection, chunk);
      send_text (connection, "\r\n");
    }
  send_text (connection, "0\r\n\r\n");
  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_assert_cmpuint (read_response (input, reply), ==, 413);
  g_assert_nonnull (strstr (reply->str, "too_large"));
}

static void
test_malformed_json (Fixture       *fixture,
                     gconstpointer  data)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *deep_text = NULL;
  GString *nested = g_string_new ("{\"username\": ");
  g_autofree char *nested_text = NULL;
  static const char * const bodies[] = {
    "{", "{\"username\": }", "[1, 2]", "\"text\"", "null", "{\"username\": \"mei\" \"password\": \"x\"}",
    "\xff\xfe{}", "",
  };
  g_autoptr(FanfareTestResponse) deep_response = NULL;
  g_autoptr(FanfareTestResponse) nested_response = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(FanfareTestResponse) response = NULL;

      response = fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL, bodies[i]);
      fanfare_test_assert_error (response, 400, "invalid", NULL);
    }

  /* 100,000 levels: json-glib would crash; the depth check refuses it
   * first, and the server is still there to say so. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  deep_text = g_string_free (g_steal_pointer (&deep), FALSE);
  deep_response = fanfare_test_request (fixture->server, "POST", "/api/v1/accounts", NULL, deep_text);
  fanfare_test_assert_error (deep_response, 400, "invalid", "deeper");

  for (guint i = 0; i < 40; i++)
    g_string_append (nested, "{\"a\": ");
  for (guint i = 0; i < 40; i++)
    g_string_append_c (nested, '}');
  g_string_append_c (nested, '}');
  nested_text = g_string_free (g_steal_pointer (&nested), FALSE);
  nested_response = fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL, nested_text);
  fanfare_test_assert_error (nested_response, 400, "invalid", "deeper");
}

static void
test_wrong_types (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *path;
    const char *body;
    const char *field;
  } cases[] = {
    { "/api/v1/sessions", "{\"username\": 5, \"password\": \"x\"}", "username" },
    { "/api/v1/sessions", "{\"username\": \"mei\", \"password\": [\"x\"]}", "password" },
    { "/api/v1/sessions", "{\"username\": \"mei\", \"password\": \"x\", \"device\": {}}", "device" },
    { "/api/v1/accounts", "{\"username\": \"abc\", \"display_name\": 3.5, \"password\": \"12345678\"}",
      "display_name" },
    { "/api/v1/accounts", "{\"username\": \"abc\", \"display_name\": \"A\", \"password\": \"12345678\","
      " \"email\": false}", "email" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FanfareTestResponse) response = NULL;

      response = fanfare_test_request (fixture->server, "POST", cases[i].path, NULL, cases[i].body);
      fanfare_test_assert_error (response, 400, "invalid", cases[i].field);
    }
}

static void
test_other_users_objects (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *owner = fanfare_test_log_in (fixture->server, "mei", "mei secret pass");
  g_autofree char *other = fanfare_test_log_in (fixture->server, "other", "other secret pass");
  g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT, fixture->private_list);
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) playlist = NULL;
  g_autoptr(FanfareTestResponse) revoke = NULL;
  g_autofree char *session_path = NULL;

  playlist = fanfare_test_request (fixture->server, "GET", path, other, NULL);
  fanfare_test_assert_error (playlist, 404, "not_found", NULL);
  g_assert_false (fanfare_test_response_contains (playlist, "Diary"));

  list = fanfare_test_request (fixture->server, "GET", "/api/v1/sessions", owner, NULL);
  session_path = g_strconcat ("/api/v1/sessions/", json_object_get_string_member (
                                json_array_get_object_element (fanfare_test_response_get_array (list, "items"), 0),
                                "id"), NULL);
  revoke = fanfare_test_request (fixture->server, "DELETE", session_path, other, NULL);
  fanfare_test_assert_error (revoke, 404, "not_found", NULL);
}

static void
test_paths_out_of_media (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *token = fanfare_test_log_in (fixture->server, "mei", "mei secret pass");
  const char *paths[] = {
    "/api/v1/images/../../fanfare.db",
    "/api/v1/images/..%2F..%2Ffanfare.db",
    "/api/v1/images/%2e%2e%2f%2e%2e%2ffanfare.db",
    "/api/v1/images/%2e%2e/%2e%2e/etc/passwd",
    "/api/v1/images/....//....//fanfare.db",
    "/api/v1/tracks/1/stream/../../../../fanfare.db",
    "/api/v1/images/0000000000000000000000000000000000000000000000000000000000000000%00../fanfare.db",
    "/api/v1/tracks/66/stream",
    "/media/../fanfare.db",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", paths[i], token, NULL);

      g_assert_cmpuint (response->status, >=, 400);
      g_assert_cmpuint (response->status, <, 500);
      g_assert_false (fanfare_test_response_contains (response, "SQLite format"));
      g_assert_false (fanfare_test_response_contains (response, "root:"));
    }
}

typedef struct {
  Fixture *fixture;
  gboolean done;
  guint    n_served;
  gint64   slowest_us;
} Prober;

/* While a slow client holds its connection, others are served at once. */
static gpointer
probe_thread (gpointer  data)
{
  Prober *prober = data;

  while (!g_atomic_int_get (&prober->done))
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(FanfareTestResponse) response = NULL;

      response = fanfare_test_request (prober->fixture->server, "GET", "/api/v1/server", NULL, NULL);
      g_assert_cmpuint (response->status, ==, 200);
      prober->slowest_us = MAX (prober->slowest_us, g_get_monotonic_time () - start);
      prober->n_served++;
      g_usleep (50 * 1000);
    }

  return NULL;
}

static void
test_slow_client (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSocketConnection) slow_body = connect_raw (fixture);
  g_autoptr(GSocketConnection) slow_headers = connect_raw (fixture);
  g_autoptr(GDataInputStream) body_input = NULL;
  g_autoptr(GDataInputStream) headers_input = NULL;
  Prober prober = { fixture, FALSE, 0, 0 };
  GThread *thread;
  gint64 start = g_get_monotonic_time ();
  guint sent = 0;
  guint status;

  send_text (slow_body, "POST /api/v1/sessions HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n");
  send_text (slow_headers, "GET /api/v1/server HTTP/1.1\r\nHost: test\r\n");
  thread = g_thread_new ("prober", probe_thread, &prober);

  /* One byte every 100 ms would take 10 s; the server allows 1 s. */
  while (sent < 30)
    {
      g_autoptr(GError) error = NULL;

      g_usleep (100 * 1000);
      if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (slow_body)), "a", 1, NULL, NULL,
                                      &error))
        break;
      sent++;
    }

  body_input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (slow_body)));
  status = read_response (body_input, NULL);
  g_assert_true (status == 408 || status == 0);
  headers_input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (slow_headers)));
  status = read_response (headers_input, NULL);
  g_assert_true (status == 408 || status == 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 6 * G_USEC_PER_SEC);

  g_atomic_int_set (&prober.done, TRUE);
  g_thread_join (thread);
  g_assert_cmpuint (prober.n_served, >=, 5);
  g_assert_cmpint (prober.slowest_us, <, G_USEC_PER_SEC / 2);
}

static void
test_many_requests_on_one_connection (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GSocketConnection) connection = connect_raw (fixture);
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(GString) pipelined = g_string_new (NULL);

  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));

  /* One after the other... */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);

      send_text (connection, i % 2 == 0 ? "GET /api/v1/server HTTP/1.1\r\nHost: test\r\n\r\n"
                                        : "GET /api/v1/albums/1 HTTP/1.1\r\nHost: test\r\n\r\n");
      g_assert_cmpuint (read_response (input, body), ==, 200);
      g_assert_nonnull (strstr (body->str, i % 2 == 0 ? "fanfare-server" : "Album"));
    }

  /* ...and fifty sent at once, answered in order. */
  for (guint i = 0; i < 50; i++)
    g_string_append (pipelined, i % 5 == 4 ? "GET /api/v1/albums/999 HTTP/1.1\r\nHost: test\r\n\r\n"
                                           : "GET /api/v1/server HTTP/1.1\r\nHost: test\r\n\r\n");
  send_text (connection, pipelined->str);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpuint (read_response (input, NULL), ==, i % 5 == 4 ? 404 : 200);
}

static FanfareTestResponse *
attempt (Fixture    *fixture,
         const char *username,
         const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}", username, password);

  return fanfare_test_request (fixture->server, "POST", "/api/v1/sessions", NULL, body);
}

static void
assert_throttled (FanfareTestResponse *response)
{
  const char *retry_after = soup_message_headers_get_one (response->headers, "Retry-After");

  fanfare_test_assert_error (response, 429, "rate_limited", NULL);
  g_assert_nonnull (retry_after);
  g_assert_cmpint (atoi (retry_after), >=, 1);
  g_assert_cmpint (atoi (retry_after), <=, 900);
}

static void
test_throttle_per_account (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) blocked = NULL;
  g_autoptr(FanfareTestResponse) even_right = NULL;
  g_autoptr(FanfareTestResponse) other = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FanfareTestResponse) wrong = attempt (fixture, "mei", "guess number x");

      fanfare_test_assert_error (wrong, 401, "unauthorized", NULL);
    }

  blocked = attempt (fixture, "MEI", "guess number y");
  assert_throttled (blocked);
  even_right = attempt (fixture, "mei", "mei secret pass");
  assert_throttled (even_right);

  /* Another account from the same address may still sign in. */
  other = attempt (fixture, "other", "other secret pass");
  g_assert_cmpuint (other->status, ==, 201);
  fanfare_test_note_secret (fanfare_test_response_get_string (other, "token"));
}

static void
test_throttle_per_address (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) blocked = NULL;

  /* Guessing across many accounts from one address. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *username = g_strdup_printf ("victim%u", i);
      g_autoptr(FanfareTestResponse) wrong = attempt (fixture, username, "guess number z");

      fanfare_test_assert_error (wrong, 401, "unauthorized", NULL);
    }

  blocked = attempt (fixture, "other", "other secret pass");
  assert_throttled (blocked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/api/security/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("body-too-large", test_body_too_large);
  ADD ("malformed-json", test_malformed_json);
  ADD ("wrong-types", test_wrong_types);
  ADD ("other-users-objects", test_other_users_objects);
  ADD ("paths-out-of-media", test_paths_out_of_media);
  ADD ("slow-client", test_slow_client);
  ADD ("many-requests-on-one-connection", test_many_requests_on_one_connection);
  ADD ("throttle-per-account", test_throttle_per_account);
  ADD ("throttle-per-address", test_throttle_per_address);
#undef ADD

  return g_test_run ();
}
