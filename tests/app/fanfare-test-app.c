/* fanfare-test-app.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The set-up the tests and benchmarks of the real application share: a
 * fanfare-server with the small demo the app is pointed at, the
 * application and its window, signing in as a given person, and quitting;
 * other people, each on a client of their own, beside the app. The waits
 * and looks at the window the UI tests have in common are in
 * fanfare-test-app-window.c. */

#include "config.h"

#include <execinfo.h>
#include <gst/gst.h>
#include <signal.h>
#include <unistd.h>

#include "fanfare-test-app.h"

/* How many frames of a crashed test's stack it prints. */
#define CRASH_FRAMES 64

/* A crash of the plain build prints where it happened, in the test's own
 * log: the only trace there is of a crash that comes once in many runs.
 * The sanitizers' builds have a report of their own. */
#ifndef __SANITIZE_ADDRESS__
static void
crash_cb (int  signum)
{
  void *frames[CRASH_FRAMES];
  int n_frames = backtrace (frames, CRASH_FRAMES);
  static const char heading[] = "The test crashed; its stack:\n";

  if (write (STDERR_FILENO, heading, sizeof heading - 1) < 0)
    _exit (128 + signum);
  backtrace_symbols_fd (frames, n_frames, STDERR_FILENO);
  signal (signum, SIG_DFL);
  raise (signum);
}
#endif

static void
print_stack_on_crash (void)
{
#ifndef __SANITIZE_ADDRESS__
  void *frame;

  /* The first backtrace() loads what it needs, which a crash must not. */
  backtrace (&frame, 1);
  signal (SIGSEGV, crash_cb);
  signal (SIGBUS, crash_cb);
  signal (SIGFPE, crash_cb);
#endif
}

/**
 * fanfare_test_app_init:
 * @argc: the program's
 * @argv: the program's
 *
 * Gives the program private folders, a sound output that plays to
 * nothing in real time, GTK and GStreamer.
 *
 * Returns: (transfer full): the folder that holds the private ones;
 *   remove it with fanfare_test_rm_rf() at the end
 */
char *
fanfare_test_app_init (int    *argc,
                       char ***argv)
{
  char *scratch = fanfare_test_use_private_dirs ();

  print_stack_on_crash ();
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);
  fanfare_test_init_gtk (argc, argv);
  gst_init (argc, argv);

  return scratch;
}

/**
 * fanfare_test_app_start_demo_server:
 *
 * Starts a fanfare-server on a fresh copy of the small demo and points the
 * application at it.
 *
 * Returns: (transfer full): the server; stop it with fanfare_test_server_stop()
 */
FanfareTestServer *
fanfare_test_app_start_demo_server (void)
{
  g_autofree char *demo = fanfare_test_seed_demo ();
  FanfareTestServer *server = fanfare_test_demo_server_start (demo);

  fanfare_test_rm_rf (demo);
  fanfare_test_app_use_server (server);

  return server;
}

/**
 * fanfare_test_app_use_server:
 * @server: a running server
 *
 * Points the application, when it starts, at @server.
 */
void
fanfare_test_app_use_server (FanfareTestServer *server)
{
  g_setenv ("FANFARE_SERVER_URL", server->url, TRUE);
}

/**
 * fanfare_test_app_new:
 *
 * Makes the application, registered beside any other instance and without
 * notifications of the track that plays.
 *
 * Returns: (transfer full): the application; end it with fanfare_test_app_quit()
 */
FanfareApplication *
fanfare_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  FanfareApplication *app = fanfare_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (fanfare_application_get_settings (app), "notify-track-change", FALSE);

  return app;
}

/**
 * fanfare_test_app_open_window:
 * @app: the application
 * @width: the window's width, or 0 for its own
 * @height: the window's height, or 0 for its own
 *
 * Activates @app and waits until its window is on the screen.
 *
 * Returns: (transfer none): the window
 */
FanfareWindow *
fanfare_test_app_open_window (FanfareApplication *app,
                              int                 width,
                              int                 height)
{
  FanfareWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = FANFARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  fanfare_test_wait_mapped (GTK_WIDGET (window));

  return window;
}

/**
 * fanfare_test_app_signed_in:
 * @app: the application
 *
 * For fanfare_test_wait_for().
 *
 * Returns: whether @app has a signed-in account
 */
gboolean
fanfare_test_app_signed_in (gpointer  app)
{
  FanfareClient *client = fanfare_application_get_client (app);

  return client != NULL && fanfare_client_get_signed_in (client);
}

/**
 * fanfare_test_app_sign_in:
 * @app: the application
 * @url: the server's address
 * @username: who signs in
 * @password: their password
 *
 * Signs in the way the Sign In dialog does, without the dialog, and waits
 * until the application has the account. The token is noted as a secret.
 */
void
fanfare_test_app_sign_in (FanfareApplication *app,
                          const char         *url,
                          const char         *username,
                          const char         *password)
{
  FanfareAccountManager *accounts = fanfare_application_get_accounts (app);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_account_manager_sign_in_async (accounts, url, username, password, FALSE,
                                         NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_account_manager_sign_in_finish (accounts, result, &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_signed_in, app, 10000));
  fanfare_test_note_secret (fanfare_client_get_token (fanfare_application_get_client (app)));
}

/**
 * fanfare_test_app_open_sign_in:
 * @app: the application
 *
 * Opens the Sign In dialog from the application's action, and waits until
 * it is on the screen.
 *
 * Returns: (transfer none): the dialog
 */
FanfareSignInDialog *
fanfare_test_app_open_sign_in (FanfareApplication *app)
{
  FanfareSignInDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  dialog = FANFARE_SIGN_IN_DIALOG (fanfare_test_find_toplevel (FANFARE_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));

  return dialog;
}

/**
 * fanfare_test_app_sign_in_with_dialog:
 * @app: the application, signed out
 * @url: the server's address
 * @username: who signs in
 * @password: their password
 *
 * Signs in from the Sign In dialog, as a person does, and waits until the
 * application has the account. The token is noted as a secret.
 */
void
fanfare_test_app_sign_in_with_dialog (FanfareApplication *app,
                                      const char         *url,
                                      const char         *username,
                                      const char         *password)
{
  FanfareSignInDialog *dialog = fanfare_test_app_open_sign_in (app);

  fanfare_sign_in_dialog_submit (dialog, url, username, password, FALSE);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_signed_in, app, 20000));
  fanfare_test_note_secret (fanfare_client_get_token (fanfare_application_get_client (app)));
}

/**
 * fanfare_test_app_quit:
 * @app: (transfer full): the application
 *
 * Quits @app as its Quit action does, lets it finish what that started,
 * and drops it.
 */
void
fanfare_test_app_quit (FanfareApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (app);
}

static gboolean
quit_cb (gpointer  app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
pointer_cleared (gpointer  data)
{
  return *(gpointer *) data == NULL;
}

/**
 * fanfare_test_app_end:
 * @app: (transfer full): the application, its window open
 *
 * Ends @app as the program ends: its Quit action runs inside
 * g_application_run(), which then shuts the application down and takes it
 * off the bus. A registered GtkApplication keeps a reference to itself
 * until that shutdown, which fanfare_test_app_quit() never reaches. Fails
 * unless @app is finalised soon after, so that nothing of it outlives the
 * quit and a new application can start in its place, as the program does
 * when it is started again.
 */
void
fanfare_test_app_end (FanfareApplication *app)
{
  FanfareApplication *gone = app;

  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &gone);
  g_idle_add (quit_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_unref (app);

  if (!fanfare_test_wait_for (pointer_cleared, &gone, 10000))
    g_error ("The application outlived its quit with %u references", G_OBJECT (gone)->ref_count);
}

/**
 * fanfare_test_app_client_sign_in:
 * @server: a running server
 * @username: who signs in
 * @password: their password
 *
 * Another device of @username's, or another person, beside the app. The
 * password and the token are noted as secrets.
 *
 * Returns: (transfer full): a client signed in to @server
 */
FanfareClient *
fanfare_test_app_client_sign_in (FanfareTestServer *server,
                                 const char        *username,
                                 const char        *password)
{
  FanfareClient *client = fanfare_client_new (server->url, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_test_note_secret (password);
  fanfare_client_sign_in_async (client, username, password, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (client));

  return client;
}

/**
 * fanfare_test_app_client_register:
 * @server: a running server
 * @username: who registers
 * @display_name: the name shown for them
 * @password: their password
 *
 * Registers a new person, then signs them in as
 * fanfare_test_app_client_sign_in() does.
 *
 * Returns: (transfer full): a client signed in to @server
 */
FanfareClient *
fanfare_test_app_client_register (FanfareTestServer *server,
                                  const char        *username,
                                  const char        *display_name,
                                  const char        *password)
{
  g_autoptr(FanfareClient) registering = fanfare_client_new (server->url, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_test_note_secret (password);
  fanfare_client_register_async (registering, username, display_name, password, NULL,
                                 fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_register_finish (registering, result, &error);
  g_assert_no_error (error);

  return fanfare_test_app_client_sign_in (server, username, password);
}
