/* main.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* fanfare-server: serves the platform, or runs one of its administration
 * commands (fanfare-commands.c). */

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <gst/gst.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "fanfare-commands.h"
#include "fanfare-server.h"

typedef struct {
  char    *data_dir;
  char    *listen;
  char    *public_url;
  char    *tls_cert;
  char    *tls_key;
  gint64   max_body;
  int      request_timeout_ms;
  int      drain_timeout_ms;
  int      account_attempts;
  int      address_attempts;
  int      throttle_window;
  int      identify_per_minute;
  gint64   max_upload;
  int      upload_lifetime;
  int      studio_interval;
  gboolean open_artist_signup;
} ServeOptions;

static gboolean
quit_cb (gpointer  data)
{
  FanfareServer *server = data;

  fanfare_server_shutdown (server);

  return G_SOURCE_CONTINUE;
}

static void
stopped_cb (FanfareServer *server,
            GMainLoop     *loop)
{
  g_main_loop_quit (loop);
}

static gboolean
limits_from_options (const ServeOptions  *options,
                     FanfareServerLimits *limits,
                     GError             **error)
{
  fanfare_server_limits_init (limits);

  if (options->max_body < 0 || options->request_timeout_ms < 0 || options->drain_timeout_ms < 0 ||
      options->account_attempts < 0 || options->address_attempts < 0 || options->throttle_window < 0 ||
      options->identify_per_minute < 0 || options->max_upload < 0 || options->upload_lifetime < 0 ||
      options->studio_interval < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "Limits cannot be negative");
      return FALSE;
    }

  if (options->max_body > 0)
    limits->max_body = options->max_body;
  if (options->request_timeout_ms > 0)
    limits->request_timeout_ms = options->request_timeout_ms;
  if (options->drain_timeout_ms > 0)
    limits->drain_timeout_ms = options->drain_timeout_ms;
  if (options->account_attempts > 0)
    limits->account_attempts = options->account_attempts;
  if (options->address_attempts > 0)
    limits->address_attempts = options->address_attempts;
  if (options->throttle_window > 0)
    limits->throttle_window = options->throttle_window;
  if (options->identify_per_minute > 0)
    limits->identify_per_minute = options->identify_per_minute;
  if (options->max_upload > 0)
    limits->max_upload = options->max_upload;
  if (options->upload_lifetime > 0)
    limits->upload_lifetime = options->upload_lifetime;
  if (options->studio_interval > 0)
    limits->studio_interval = options->studio_interval;
  limits->open_artist_signup = options->open_artist_signup;

  return TRUE;
}

static int
serve (ServeOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *uri = NULL;
  FanfareServerLimits limits;
  guint sigterm_id = 0, sigint_id = 0;

  if (!limits_from_options (options, &limits, &error))
    goto failed;

  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--tls-cert and --tls-key go together");
      goto failed;
    }

  if (options->tls_cert != NULL &&
      (certificate = g_tls_certificate_new_from_files (options->tls_cert, options->tls_key, &error)) == NULL)
    goto failed;

  /* Artists' uploads are read and encoded with GStreamer. */
  gst_init (NULL, NULL);
  server = fanfare_server_new (options->data_dir, &limits, &error);
  if (server == NULL)
    goto failed;

  /* From here on, a signal stops the server cleanly, even one that comes
   * as soon as it says where it listens. */
  g_signal_connect (server, "stopped", G_CALLBACK (stopped_cb), loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, server);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, server);

  if (options->public_url != NULL)
    fanfare_server_set_public_url (server, options->public_url);

  if (!fanfare_server_listen (server, options->listen, certificate, &error))
    goto failed;

  uri = fanfare_server_dup_uri (server);
  /* The one line on standard output: scripts and tests read the URL here,
   * which matters when the port was 0. */
  g_print ("Listening on %s\n", uri);
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);
  fanfare_server_close (server);

  return EXIT_SUCCESS;

failed:
  g_clear_handle_id (&sigterm_id, g_source_remove);
  g_clear_handle_id (&sigint_id, g_source_remove);
  g_printerr ("fanfare-server: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
run_serve (int    argc,
           char **argv)
{
  ServeOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &options.data_dir, "The database and media folder", "DIR" },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &options.listen, "Where to listen (default 127.0.0.1:8080)", "ADDR:PORT" },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &options.public_url, "Where clients reach the server", "URL" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_cert, "A PEM certificate, to serve https", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key, "The certificate's PEM private key", "FILE" },
    { "max-body-bytes", 0, 0, G_OPTION_ARG_INT64, &options.max_body, "The largest request body (1 MiB)", "N" },
    { "request-timeout-ms", 0, 0, G_OPTION_ARG_INT, &options.request_timeout_ms,
      "How long a request may take to arrive (30000)", "MS" },
    { "drain-timeout-ms", 0, 0, G_OPTION_ARG_INT, &options.drain_timeout_ms,
      "How long requests in flight may take to finish at shutdown (30000)", "MS" },
    { "login-attempts", 0, 0, G_OPTION_ARG_INT, &options.account_attempts,
      "Failed log-ins an account may have in a window (5)", "N" },
    { "address-login-attempts", 0, 0, G_OPTION_ARG_INT, &options.address_attempts,
      "Failed log-ins an address may have in a window (20)", "N" },
    { "login-window-seconds", 0, 0, G_OPTION_ARG_INT, &options.throttle_window,
      "The window of the log-in limits (900)", "S" },
    { "identify-per-minute", 0, 0, G_OPTION_ARG_INT, &options.identify_per_minute,
      "Songs a user may ask to identify in a minute (30)", "N" },
    { "max-upload-bytes", 0, 0, G_OPTION_ARG_INT64, &options.max_upload,
      "The largest file an artist may upload (2 GiB)", "N" },
    { "upload-lifetime-seconds", 0, 0, G_OPTION_ARG_INT, &options.upload_lifetime,
      "How long an unfinished upload is kept (86400)", "S" },
    { "studio-interval-seconds", 0, 0, G_OPTION_ARG_INT, &options.studio_interval,
      "How often scheduled albums and stale uploads are looked for (60)", "S" },
    { "open-artist-signup", 0, 0, G_OPTION_ARG_NONE, &options.open_artist_signup,
      "Make whoever asks an artist at once, with no admin's approval", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[COMMAND] — the Fanfare platform server");
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
                                    "Commands:\n"
                                    "  (none)        serve the platform\n"
                                    "  create-admin  add an admin; the password is read from standard input\n"
                                    "  create-user   add a listener, artist or admin the same way\n"
                                    "  import DIR    import a folder of tagged audio as an artist's albums\n"
                                    "  seed-demo     fill the platform with a generated demo\n"
                                    "  recommend     make every listener's daily picks now\n"
                                    "  issue-codes   print new top-up codes for the store's wallets\n"
                                    "  audit         check the store's ledger\n"
                                    "  routes        list the API's endpoints\n"
                                    "Run “fanfare-server COMMAND --help” for a command's options.");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    status = fanfare_commands_usage_error (error->message);
  else if (argc > 1)
    status = fanfare_commands_usage_error ("Unexpected arguments");
  else if (options.data_dir == NULL)
    status = fanfare_commands_usage_error ("--data-dir is required");
  else
    {
      if (options.listen == NULL)
        options.listen = g_strdup ("127.0.0.1:8080");
      status = serve (&options);
    }

  g_free (options.data_dir);
  g_free (options.listen);
  g_free (options.public_url);
  g_free (options.tls_cert);
  g_free (options.tls_key);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Logs go to standard error, debug messages included. */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc > 1 && argv[1][0] != '-')
    return fanfare_commands_run (argc - 1, argv + 1);

  return run_serve (argc, argv);
}
