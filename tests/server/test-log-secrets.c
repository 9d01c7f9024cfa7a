/* test-log-secrets.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The suite's last test: no password, token or hash that any test met
 * appears in any log the server wrote during the suite, debug messages
 * included. The other tests note their secrets and keep the server's logs
 * in one folder; every response is also checked, as it arrives, for the
 * passwords. */

#include "config.h"

#include <glib.h>
#include <string.h>

static GPtrArray *
read_files (const char *dir,
            const char *suffix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *contents = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        char *text = NULL;

        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        g_ptr_array_add (contents, text);
      }

  return contents;
}

static void
test_no_secret_in_logs (void)
{
  const char *dir = g_getenv ("FANFARE_TEST_LOG_DIR");
  g_autoptr(GPtrArray) logs = NULL;
  g_autoptr(GPtrArray) secret_files = NULL;
  g_autoptr(GHashTable) secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer secret;
  gsize log_bytes = 0;

  g_assert_nonnull (dir);
  logs = read_files (dir, ".log");
  secret_files = read_files (dir, ".secrets");

  for (guint i = 0; i < secret_files->len; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (secret_files, i), "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        if (strlen (lines[j]) >= 8)
          g_hash_table_add (secrets, g_strdup (lines[j]));
    }

  /* A search through nothing would prove nothing. */
  g_assert_cmpuint (logs->len, >=, 20);
  g_assert_cmpuint (g_hash_table_size (secrets), >=, 50);
  for (guint i = 0; i < logs->len; i++)
    log_bytes += strlen (g_ptr_array_index (logs, i));
  g_assert_cmpuint (log_bytes, >, 10000);

  g_hash_table_iter_init (&iter, secrets);
  while (g_hash_table_iter_next (&iter, &secret, NULL))
    for (guint i = 0; i < logs->len; i++)
      if (strstr (g_ptr_array_index (logs, i), secret) != NULL)
        g_error ("A secret (%.4s…) is in a server log", (const char *) secret);

  g_test_message ("%u secrets, %u logs, %" G_GSIZE_FORMAT " bytes: none found",
                  g_hash_table_size (secrets), logs->len, log_bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/log-secrets/no-secret-in-logs", test_no_secret_in_logs);

  return g_test_run ();
}
