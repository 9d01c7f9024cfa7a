/* bench-seed-demo.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The whole demo, as `fanfare-server seed-demo` makes it for the app, into
 * an empty folder. Target: under two minutes on this machine.
 *
 *   bench-seed-demo FANFARE-SERVER
 */

#include "config.h"

#include <gio/gio.h>

#include "fanfare-test-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("fanfare-demo-XXXXXX", &error);
  g_autofree char *output = NULL;
  g_autofree char *load = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 started;
  double seconds;

  g_assert_cmpint (argc, >=, 2);
  g_assert_no_error (error);
  g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);

  started = g_get_monotonic_time ();
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, argv[1], "seed-demo", "--data-dir",
                              data_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  g_print ("load average before: %s", load);
  g_print ("%s", output);
  g_print ("seed-demo took %.1f s (target < 120 s: %s)\n", seconds, seconds < 120 ? "met" : "MISSED");

  fanfare_test_remove_tree (data_dir);

  return 0;
}
