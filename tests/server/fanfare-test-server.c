/* fanfare-test-server.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "fanfare-json.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

/* How much of a failed server's log a test prints. */
#define LOG_TAIL_LINES 60

static GPtrArray *passwords;
static guint n_logs;

static char *
program_name (void)
{
  return g_path_get_basename (g_get_prgname ());
}

/* What an earlier run of this program left is removed, so that the folder
 * holds the latest run of each test. */
static void
remove_old_logs (const char *dir)
{
  g_autofree char *program = program_name ();
  g_autofree char *prefix = g_strconcat (program, "-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

static const char *
log_dir (void)
{
  static gsize cleaned = 0;
  const char *dir = g_getenv ("FANFARE_TEST_LOG_DIR");

  g_assert_nonnull (dir);
  g_mkdir_with_parents (dir, 0700);
  if (g_once_init_enter (&cleaned))
    {
      remove_old_logs (dir);
      g_once_init_leave (&cleaned, 1);
    }

  return dir;
}

static const char *
server_program (void)
{
  const char *program = g_getenv ("FANFARE_SERVER");

  g_assert_nonnull (program);

  return program;
}

static char *
new_log_path (void)
{
  g_autofree char *program = program_name ();
  g_autofree char *name = g_strdup_printf ("%s-%d-%u.log", program, (int) getpid (), n_logs++);

  return g_build_filename (log_dir (), name, NULL);
}

/**
 * fanfare_test_note_secret:
 *
 * Remembers a password, token or hash, for the suite's last test to look
 * for in every log; a password is also looked for in every response.
 */
void
fanfare_test_note_secret (const char *secret)
{
  g_autofree char *program = program_name ();
  g_autofree char *name = g_strdup_printf ("%s-%d.secrets", program, (int) getpid ());
  g_autofree char *path = g_build_filename (log_dir (), name, NULL);
  FILE *file = fopen (path, "a");

  g_assert_nonnull (file);
  fprintf (file, "%s\n", secret);
  fclose (file);
}

static void
note_password (const char *password)
{
  if (passwords == NULL)
    passwords = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (passwords, g_strdup (password));
  fanfare_test_note_secret (password);
}

/**
 * fanfare_test_note_database_secrets:
 *
 * Notes every password hash and token hash in the server's database.
 */
void
fanfare_test_note_database_secrets (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "fanfare.db", NULL);
  const char *queries[] = { "SELECT password_hash FROM users", "SELECT token_hash FROM sessions" };
  sqlite3 *handle = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, queries[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *secret = (const char *) sqlite3_column_text (stmt, 0);

          if (secret != NULL && strlen (secret) > 16)
            fanfare_test_note_secret (secret);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);
}

char *
fanfare_test_make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fanfare-server-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* In the server, before it runs: it ends with the test that started it,
 * even one that aborts, rather than run on with nobody to stop it. */
static void
end_with_parent (gpointer  user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocessLauncher *
new_launcher (GSubprocessFlags  flags,
              const char       *log_path)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);

  /* Every message, debug ones included, so that the secrets test reads all
   * that the server could ever log. */
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);

  return launcher;
}

/**
 * fanfare_test_server_start:
 * @data_dir: the data folder, which the server takes over; it is removed
 *   when the server stops
 * @extra_args: (nullable): more command-line options
 */
FanfareTestServer *
fanfare_test_server_start (const char         *data_dir,
                           const char * const *extra_args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *line = NULL;
  FanfareTestServer *server = g_new0 (FanfareTestServer, 1);

  server->data_dir = g_strdup (data_dir);
  server->log_path = new_log_path ();

  g_strv_builder_add_many (builder, server_program (), "--data-dir", data_dir, "--listen", "127.0.0.1:0", NULL);
  if (extra_args != NULL)
    g_strv_builder_addv (builder, (const char **) extra_args);
  argv = g_strv_builder_end (builder);

  launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE, server->log_path);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:") ||
                 g_str_has_prefix (line, "Listening on https://127.0.0.1:"));
  server->url = g_strdup (line + strlen ("Listening on "));

  server->session = soup_session_new_with_options ("timeout", 60, "max-conns-per-host", 8, NULL);
  soup_session_set_proxy_resolver (server->session, NULL);

  return server;
}

/* What a server that did not end cleanly last wrote, the sanitizers'
 * report among it, for the test's own log: the server's log stays behind on
 * the machine that ran it, and may be all there is to go on. */
static void
print_log_tail (const char *log_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines, first;

  if (!g_file_get_contents (log_path, &contents, NULL, NULL))
    return;
  lines = g_strsplit (contents, "\n", -1);
  n_lines = g_strv_length (lines);
  first = n_lines > LOG_TAIL_LINES ? n_lines - LOG_TAIL_LINES : 0;
  g_printerr ("The server did not stop cleanly; the end of its log, %s:\n", log_path);
  for (guint i = first; i < n_lines; i++)
    g_printerr ("  %s\n", lines[i]);
}

/**
 * fanfare_test_server_stop:
 *
 * Stops the server with SIGTERM, as a service manager does, and asserts
 * that it shut down cleanly: exit status 0, and under the sanitizers no
 * leak and no error.
 */
void
fanfare_test_server_stop (FanfareTestServer *server)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&server->session);
  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (server->process) || g_subprocess_get_exit_status (server->process) != 0)
    print_log_tail (server->log_path);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);

  fanfare_test_note_database_secrets (server->data_dir);
  fanfare_test_remove_tree (server->data_dir);

  g_object_unref (server->process);
  g_free (server->data_dir);
  g_free (server->url);
  g_free (server->log_path);
  g_free (server);
}

/**
 * fanfare_test_run_command:
 * @args: the command and its options, after the program's name
 * @input: (nullable): what to write to its standard input
 * @output: (out) (optional): its standard output
 *
 * Returns: its exit status
 */
int
fanfare_test_run_command (const char * const *args,
                          const char         *input,
                          char              **output)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log_path = new_log_path ();
  g_autofree char *stdout_text = NULL;
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add (builder, server_program ());
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  launcher = new_launcher (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, log_path);
  /* Commands that load GStreamer need whole stacks under LeakSanitizer
  * (see tests/lsan.supp); they are short, so all commands get them. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"), ":fast_unwind_on_malloc=0", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);

  if (output != NULL)
    *output = g_steal_pointer (&stdout_text);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static void
check_no_password (GBytes *body)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  if (length == 0)
    return;

  for (guint i = 0; passwords != NULL && i < passwords->len; i++)
    g_assert_null (g_strstr_len (data, length, g_ptr_array_index (passwords, i)));
}

FanfareTestResponse *
fanfare_test_send (FanfareTestServer *server,
                   SoupMessage       *msg)
{
  g_autoptr(GError) error = NULL;
  FanfareTestResponse *response = g_new0 (FanfareTestResponse, 1);
  const char *content_type;

  response->body = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  check_no_password (response->body);

  content_type = soup_message_headers_get_content_type (response->headers, NULL);
  if (g_strcmp0 (content_type, "application/json") == 0)
    {
      response->json = fanfare_json_parse (g_bytes_get_data (response->body, NULL),
                                           g_bytes_get_size (response->body), 64, &error);
      g_assert_no_error (error);
    }

  return response;
}

/**
 * fanfare_test_request:
 * @path: the path and query, after the server's URL
 * @token: (nullable): a bearer token
 * @json_body: (nullable): a body, sent as JSON
 */
FanfareTestResponse *
fanfare_test_request (FanfareTestServer *server,
                      const char        *method,
                      const char        *path,
                      const char        *token,
                      const char        *json_body)
{
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }

  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  return fanfare_test_send (server, msg);
}

void
fanfare_test_response_free (FanfareTestResponse *response)
{
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

/* Finds a member by a dotted path such as "user.username". */
static JsonNode *
find (FanfareTestResponse *response,
      const char          *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = response->json;

  g_assert_nonnull (node);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      node = json_object_get_member (json_node_get_object (node), parts[i]);
      if (node == NULL)
        return NULL;
    }

  return node;
}

const char *
fanfare_test_response_get_string (FanfareTestResponse *response,
                                  const char          *path)
{
  JsonNode *node = find (response, path);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

gint64
fanfare_test_response_get_int (FanfareTestResponse *response,
                               const char          *path)
{
  JsonNode *node = find (response, path);

  g_assert_nonnull (node);

  return json_node_get_int (node);
}

JsonArray *
fanfare_test_response_get_array (FanfareTestResponse *response,
                                 const char          *member)
{
  JsonNode *node = find (response, member);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  return json_node_get_array (node);
}

/* Whether the body holds @text anywhere, JSON escapes aside. */
gboolean
fanfare_test_response_contains (FanfareTestResponse *response,
                                const char          *text)
{
  gsize length;
  const char *data = g_bytes_get_data (response->body, &length);

  return length > 0 && g_strstr_len (data, length, text) != NULL;
}

void
fanfare_test_assert_error (FanfareTestResponse *response,
                           guint                status,
                           const char          *code,
                           const char          *message_part)
{
  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (fanfare_test_response_get_string (response, "error.code"), ==, code);
  if (message_part != NULL)
    g_assert_nonnull (strstr (fanfare_test_response_get_string (response, "error.message"), message_part));
}

char *
fanfare_test_register (FanfareTestServer *server,
                       const char        *username,
                       const char        *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"display_name\": \"%s\", \"password\": \"%s\"}",
                                           username, username, password);
  g_autoptr(FanfareTestResponse) response = NULL;
  const char *token;

  note_password (password);
  response = fanfare_test_request (server, "POST", "/api/v1/accounts", NULL, body);
  g_assert_cmpuint (response->status, ==, 201);
  token = fanfare_test_response_get_string (response, "token");
  g_assert_nonnull (token);
  fanfare_test_note_secret (token);

  return g_strdup (token);
}

char *
fanfare_test_log_in (FanfareTestServer *server,
                     const char        *username,
                     const char        *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}", username, password);
  g_autoptr(FanfareTestResponse) response = NULL;
  const char *token;

  response = fanfare_test_request (server, "POST", "/api/v1/sessions", NULL, body);
  g_assert_cmpuint (response->status, ==, 201);
  token = fanfare_test_response_get_string (response, "token");
  g_assert_nonnull (token);
  fanfare_test_note_secret (token);

  return g_strdup (token);
}

/* Adds an admin with the command an operator would use. */
void
fanfare_test_create_admin (const char *data_dir,
                           const char *username,
                           const char *password)
{
  const char *args[] = { "create-admin", "--data-dir", data_dir, "--username", username, NULL };
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  g_autofree char *output = NULL;

  note_password (password);
  g_assert_cmpint (fanfare_test_run_command (args, input, &output), ==, 0);
  g_assert_nonnull (strstr (output, username));
}
