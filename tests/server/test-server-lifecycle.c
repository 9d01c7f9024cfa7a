/* test-server-lifecycle.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The program: a clean shutdown that lets requests in flight finish, a
 * burst of connections, the command line, and https. */

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define BIG_SIZE (24 * 1024 * 1024)
#define BURST    64

static gboolean
is_running (FanfareTestServer *server)
{
  return g_subprocess_get_identifier (server->process) != NULL;
}

static void
test_shutdown_lets_requests_finish (void)
{
  FanfareTestStore store;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *wal_path = NULL;
  g_autofree char *token = NULL;
  g_autofree char *request = NULL;
  g_autofree guint8 * buffer = g_malloc (64 * 1024);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(FanfareTestResponse) turned_away = NULL;
  g_autoptr(GError) error = NULL;
  FanfareTestServer *server;
  gsize total = 0;
  gint64 artist, track;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  fanfare_test_store_set_up (&store);
  content = g_bytes_new_take (g_malloc0 (BIG_SIZE), BIG_SIZE);
  artist = fanfare_test_store_add_user (&store, "lin", "Lin", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "fan", "fan password 9", FANFARE_USER_ROLE_LISTENER);
  track = fanfare_test_store_add_track (&store, artist, "Long", content, TRUE, NULL);
  data_dir = fanfare_test_store_close (&store);
  db_path = g_build_filename (data_dir, "fanfare.db", NULL);
  wal_path = g_strconcat (db_path, "-wal", NULL);

  fanfare_test_note_secret ("fan password 9");
  server = fanfare_test_server_start (data_dir, NULL);
  token = fanfare_test_log_in (server, "fan", "fan password 9");

  /* A listener starts a long stream and reads it slowly. */
  connection = g_socket_client_connect_to_uri (client, server->url, 80, NULL, &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("GET /api/v1/tracks/%" G_GINT64_FORMAT "/stream HTTP/1.1\r\nHost: test\r\n"
                             "Authorization: Bearer %s\r\n\r\n", track, token);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (input, NULL, NULL, &error);

      g_assert_nonnull (line);
      g_strchomp (line);
      if (*line == '\0')
        break;
    }

  /* SIGTERM arrives mid-stream: the server waits for it, and turns new
   * requests away meanwhile. */
  g_subprocess_send_signal (server->process, SIGTERM);
  g_usleep (300 * 1000);
  g_assert_true (is_running (server));
  turned_away = fanfare_test_request (server, "GET", "/api/v1/server", NULL, NULL);
  fanfare_test_assert_error (turned_away, 503, "unavailable", NULL);

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (input), buffer, 64 * 1024, NULL, &error);

      g_assert_no_error (error);
      if (n == 0)
        break;
      total += n;
      if (total == BIG_SIZE)
        break;
    }
  g_assert_cmpuint (total, ==, BIG_SIZE);

  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);

  /* The database closed cleanly: checkpointed and whole. */
  g_assert_true (!g_file_test (wal_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  fanfare_test_server_stop (server);
}

static void
test_sigint (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  FanfareTestServer *server = fanfare_test_server_start (data_dir, NULL);
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (server->process, SIGINT);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);
  fanfare_test_server_stop (server);
}

/* Whether the socket's connection completed, as poll() and SO_ERROR
 * tell it without waiting. */
static gboolean
is_connected (int  fd)
{
  struct pollfd pfd = { .fd = fd, .events = POLLOUT };
  int error = -1;
  socklen_t length = sizeof error;

  return poll (&pfd, 1, 0) == 1 && (pfd.revents & POLLOUT) &&
         getsockopt (fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
}

/* A burst of people connecting while the server is busy: the kernel holds
 * every one of them until the server accepts, rather than dropping the
 * handshakes of all but the first few, whose clients would wait a second
 * or more to try again. Stopping the process stands in for being busy. */
static void
test_connection_burst (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  FanfareTestServer *server = fanfare_test_server_start (data_dir, NULL);
  g_autoptr(GUri) uri = g_uri_parse (server->url, G_URI_FLAGS_NONE, NULL);
  struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons (g_uri_get_port (uri)) };
  int fds[BURST];
  guint connected = 0;

  g_assert_cmpint (inet_pton (AF_INET, g_uri_get_host (uri), &address.sin_addr), ==, 1);
  g_subprocess_send_signal (server->process, SIGSTOP);
  for (guint i = 0; i < BURST; i++)
    {
      fds[i] = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      g_assert_cmpint (fds[i], >=, 0);
      g_assert_true (connect (fds[i], (struct sockaddr *) &address, sizeof address) == 0 || errno == EINPROGRESS);
    }

  /* A handshake on loopback takes microseconds; a dropped one is tried
   * again after a second. */
  g_usleep (300 * 1000);
  for (guint i = 0; i < BURST; i++)
    connected += is_connected (fds[i]);
  g_assert_cmpuint (connected, ==, BURST);

  /* Once the server goes on, each is answered. */
  g_subprocess_send_signal (server->process, SIGCONT);
  for (guint i = 0; i < BURST; i++)
    {
      const char request[] = "GET /api/v1/server HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";
      struct pollfd pfd = { .fd = fds[i], .events = POLLIN };
      char answer[16] = "";

      g_assert_cmpint (send (fds[i], request, strlen (request), MSG_NOSIGNAL), ==, strlen (request));
      g_assert_cmpint (poll (&pfd, 1, 60 * 1000), ==, 1);
      g_assert_cmpint (recv (fds[i], answer, sizeof answer - 1, 0), >, 0);
      g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
      close (fds[i]);
    }

  fanfare_test_server_stop (server);
}

static void
test_command_line (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  g_autofree char *routes = NULL;
  g_autofree char *created = NULL;
  const char *list[] = { "routes", NULL };
  const char *admin[] = { "create-admin", "--data-dir", data_dir, "--username", "root", NULL };
  const char *artist[] = { "create-user", "--data-dir", data_dir, "--username", "lin", "--role", "artist", NULL };
  const char *bad_role[] = { "create-user", "--data-dir", data_dir, "--username", "x1", "--role", "king", NULL };
  const char *no_user[] = { "create-admin", "--data-dir", data_dir, NULL };
  const char *no_dir[] = { "--listen", "127.0.0.1:0", NULL };
  const char *bad_listen[] = { "--data-dir", data_dir, "--listen", "nowhere", NULL };
  const char *lone_cert[] = { "--data-dir", data_dir, "--listen", "127.0.0.1:0", "--tls-cert", "x.pem", NULL };
  const char *unknown[] = { "frobnicate", NULL };

  g_assert_cmpint (fanfare_test_run_command (list, NULL, &routes), ==, 0);
  g_assert_nonnull (strstr (routes, "GET /api/v1/tracks/{id}/stream\n"));

  /* Passwords come from standard input, and must be good ones. */
  g_assert_cmpint (fanfare_test_run_command (admin, "short\n", NULL), ==, 1);
  fanfare_test_note_secret ("a long admin secret");
  g_assert_cmpint (fanfare_test_run_command (admin, "a long admin secret\n", &created), ==, 0);
  g_assert_nonnull (strstr (created, "root"));
  g_assert_cmpint (fanfare_test_run_command (admin, "a long admin secret\n", NULL), ==, 1);
  fanfare_test_note_secret ("artist secret 42");
  g_assert_cmpint (fanfare_test_run_command (artist, "artist secret 42\n", NULL), ==, 0);

  g_assert_cmpint (fanfare_test_run_command (bad_role, "whatever 123\n", NULL), ==, 2);
  g_assert_cmpint (fanfare_test_run_command (no_user, NULL, NULL), ==, 2);
  g_assert_cmpint (fanfare_test_run_command (no_dir, NULL, NULL), ==, 2);
  g_assert_cmpint (fanfare_test_run_command (bad_listen, NULL, NULL), ==, 1);
  g_assert_cmpint (fanfare_test_run_command (lone_cert, NULL, NULL), ==, 1);
  g_assert_cmpint (fanfare_test_run_command (unknown, NULL, NULL), ==, 2);

  fanfare_test_note_database_secrets (data_dir);
  fanfare_test_remove_tree (data_dir);
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return TRUE;
}

static void
test_https (void)
{
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  g_autofree char *keys = fanfare_test_make_data_dir ();
  g_autofree char *cert = g_build_filename (keys, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (keys, "key.pem", NULL);
  g_autofree char *uri = NULL;
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-subj", "/CN=localhost", "-keyout", key, "-out", cert, NULL };
  const char *args[] = { "--tls-cert", cert, "--tls-key", key, NULL };
  g_autofree char *asan_options = g_strdup (g_getenv ("ASAN_OPTIONS"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  int status;
  FanfareTestServer *server;

  g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* LeakSanitizer cannot walk the thread-local storage of the TLS backend
   * that GIO loads as a module, and crashes at exit; this one server runs
   * without leak checking, every other server of the suite with it. */
  if (asan_options != NULL)
    {
      g_autofree char *options = g_strconcat (asan_options, ":detect_leaks=0", NULL);

      g_setenv ("ASAN_OPTIONS", options, TRUE);
    }
  server = fanfare_test_server_start (data_dir, args);
  if (asan_options != NULL)
    g_setenv ("ASAN_OPTIONS", asan_options, TRUE);
  g_assert_true (g_str_has_prefix (server->url, "https://"));
  uri = g_strconcat (server->url, "/api/v1/server", NULL);
  msg = soup_message_new ("GET", uri);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), NULL);
  response = fanfare_test_send (server, msg);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "name"), ==, "fanfare-server");

  fanfare_test_server_stop (server);
  fanfare_test_remove_tree (keys);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/lifecycle/shutdown-lets-requests-finish", test_shutdown_lets_requests_finish);
  g_test_add_func ("/server/lifecycle/sigint", test_sigint);
  g_test_add_func ("/server/lifecycle/connection-burst", test_connection_burst);
  g_test_add_func ("/server/lifecycle/command-line", test_command_line);
  g_test_add_func ("/server/lifecycle/https", test_https);

  return g_test_run ();
}
