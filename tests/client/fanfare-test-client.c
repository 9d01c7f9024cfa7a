/* fanfare-test-client.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "fanfare-test-client.h"

/**
 * fanfare_test_seed_demo:
 *
 * Seeds the small demo platform once into a folder that each test copies.
 *
 * Returns: the folder
 */
char *
fanfare_test_seed_demo (void)
{
  g_autofree char *dir = fanfare_test_make_data_dir ();
  const char *args[] = { "seed-demo", "--small", "--data-dir", dir, NULL };

  g_assert_cmpint (fanfare_test_run_command (args, NULL, NULL), ==, 0);
  fanfare_test_note_secret (FANFARE_TEST_DEMO_PASSWORD);

  return g_steal_pointer (&dir);
}

char *
fanfare_test_copy_tree (const char *source)
{
  g_autofree char *copy = fanfare_test_make_data_dir ();
  g_autofree char *from = g_build_filename (source, ".", NULL);
  const char *argv[] = { "cp", "-a", from, copy, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&copy);
}

/* A server over a copy of the seeded demo, which it removes when it stops. */
FanfareTestServer *
fanfare_test_demo_server_start (const char *template_dir)
{
  g_autofree char *data_dir = fanfare_test_copy_tree (template_dir);

  return fanfare_test_server_start (data_dir, NULL);
}

/* Kills the server as a crash would, keeping its data. */
void
fanfare_test_server_kill (FanfareTestServer *server)
{
  g_subprocess_send_signal (server->process, SIGKILL);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
}

/* Starts a killed server again on the same address and data. */
void
fanfare_test_server_restart (FanfareTestServer *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  const char *args[] = { "--listen", listen, NULL };
  FanfareTestServer *again = fanfare_test_server_start (server->data_dir, args);

  g_assert_cmpstr (again->url, ==, server->url);
  server->process = g_steal_pointer (&again->process);
  g_clear_object (&again->session);
  g_free (again->data_dir);
  g_free (again->url);
  g_free (again->log_path);
  g_free (again);
}

void
fanfare_test_store_result (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Runs the main loop until @slot holds a result and hands it over. */
GAsyncResult *
fanfare_test_wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return g_steal_pointer (slot);
}

/**
 * fanfare_test_assert_finalized:
 * @object: (transfer full): the test's last reference to a client
 *
 * Lets what @object started wind down (libsoup and GTask drop their last
 * references to a request's source in idle callbacks, later on a busy
 * machine), then asserts that dropping the test's reference finalizes
 * it: a reference still held after 10 s is a leak.
 */
void
fanfare_test_assert_finalized (gpointer  object)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, g_main_context_pending (NULL));
  g_assert_finalize_object (object);
}

/**
 * fanfare_test_assert_no_secret_under:
 * @secrets: %NULL-terminated
 *
 * Asserts that no file under @path, read whole, holds any of @secrets.
 *
 * Returns: how many files were read
 */
guint
fanfare_test_assert_no_secret_under (const char         *path,
                                     const char * const *secrets)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_files = 0;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return 0;
      for (guint i = 0; secrets[i] != NULL; i++)
        if (g_strstr_len (contents, length, secrets[i]) != NULL)
          g_error ("%s holds a secret", path);
      return 1;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      n_files += fanfare_test_assert_no_secret_under (child, secrets);
    }

  return n_files;
}
