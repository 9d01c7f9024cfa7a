/* bench-startup.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up and memory of the application against a bare libadwaita window,
 * launched alternately in the same run: the time from launch to the first
 * frame drawn, then, once the window has settled, its resident and private
 * memory. Both report their first frame on standard output, where GLib
 * writes debug messages. Run it under Xvfb and a D-Bus session:
 *
 *   build-aux/dev.sh bench startup
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>

#define FIRST_FRAME_LINE "First frame drawn"
#define SETTLE_MS        2000
#define TIMEOUT_MS       15000

typedef struct {
  const char *name;
  const char *path;
  GArray     *startup_ms;
  GArray     *rss_kib;
  GArray     *private_kib;
  GArray     *anon_kib;
} Program;

typedef struct {
  GMainLoop *loop;
  gint64     first_frame_us;
} Launch;

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GDataInputStream *stream = G_DATA_INPUT_STREAM (object);
  Launch *launch = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (stream, result, NULL, NULL);
  if (line == NULL)
    {
      g_main_loop_quit (launch->loop);
      return;
    }

  if (strstr (line, FIRST_FRAME_LINE) != NULL)
    {
      launch->first_frame_us = g_get_monotonic_time ();
      g_main_loop_quit (launch->loop);
      return;
    }

  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, read_line_cb, launch);
}

static gboolean
quit_loop_cb (gpointer  data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static guint64
smaps_field (const char *smaps,
             const char *field)
{
  const char *line = strstr (smaps, field);

  if (line == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

static gboolean
measure_once (Program *program)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) stream = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *smaps_path = NULL;
  g_autofree char *smaps = NULL;
  Launch launch = { loop, 0 };
  gint64 start_us;
  guint timeout_id;
  double startup_ms;
  guint64 rss, private, anon;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "fanfare-app", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");

  start_us = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program->path, NULL);
  if (process == NULL)
    g_error ("Could not start %s: %s", program->path, error->message);

  stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, NULL, read_line_cb, &launch);
  timeout_id = g_timeout_add (TIMEOUT_MS, quit_loop_cb, loop);
  g_main_loop_run (loop);
  if (launch.first_frame_us != 0)
    g_source_remove (timeout_id);

  if (launch.first_frame_us == 0)
    {
      g_printerr ("%s drew no frame within %d ms\n", program->name, TIMEOUT_MS);
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      return FALSE;
    }

  startup_ms = (launch.first_frame_us - start_us) / 1000.0;

  /* Let the window settle: idle work after the first frame counts too. */
  g_timeout_add (SETTLE_MS, quit_loop_cb, loop);
  g_main_loop_run (loop);

  smaps_path = g_strdup_printf ("/proc/%s/smaps_rollup", g_subprocess_get_identifier (process));
  if (!g_file_get_contents (smaps_path, &smaps, NULL, &error))
    g_error ("Could not read %s: %s", smaps_path, error->message);

  rss = smaps_field (smaps, "\nRss:");
  private = smaps_field (smaps, "\nPrivate_Clean:") + smaps_field (smaps, "\nPrivate_Dirty:");
  anon = smaps_field (smaps, "\nAnonymous:");

  g_array_append_val (program->startup_ms, startup_ms);
  g_array_append_val (program->rss_kib, rss);
  g_array_append_val (program->private_kib, private);
  g_array_append_val (program->anon_kib, anon);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);

  return TRUE;
}

static int
compare_doubles (gconstpointer  a,
                 gconstpointer  b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_uint64 (gconstpointer  a,
                gconstpointer  b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

static double
median_mib (GArray *values)
{
  g_array_sort (values, compare_uint64);

  return g_array_index (values, guint64, values->len / 2) / 1024.0;
}

static void
print_row (Program *program,
           double   startup_ms)
{
  g_print ("%-24s %11.1f ms %8.1f MiB %10.1f MiB %14.1f MiB\n", program->name,
           startup_ms, median_mib (program->rss_kib), median_mib (program->anon_kib),
           median_mib (program->private_kib) - median_mib (program->anon_kib));
}

static void
program_init (Program    *program,
              const char *name,
              const char *path)
{
  program->name = name;
  program->path = path;
  program->startup_ms = g_array_new (FALSE, FALSE, sizeof (double));
  program->rss_kib = g_array_new (FALSE, FALSE, sizeof (guint64));
  program->private_kib = g_array_new (FALSE, FALSE, sizeof (guint64));
  program->anon_kib = g_array_new (FALSE, FALSE, sizeof (guint64));
}

static void
program_clear (Program *program)
{
  g_array_unref (program->startup_ms);
  g_array_unref (program->rss_kib);
  g_array_unref (program->private_kib);
  g_array_unref (program->anon_kib);
}

int
main (int   argc,
      char *argv[])
{
  Program app, bare;
  int runs;
  double app_ms, bare_ms;

  if (argc < 3)
    {
      g_printerr ("usage: %s FANFARE BARE-WINDOW [RUNS]\n", argv[0]);
      return 2;
    }

  runs = argc > 3 ? atoi (argv[3]) : 15;
  program_init (&app, "fanfare", argv[1]);
  program_init (&bare, "bare libadwaita window", argv[2]);

  /* One launch of each to warm the page cache, not counted. */
  measure_once (&app);
  measure_once (&bare);
  g_array_set_size (app.startup_ms, 0);
  g_array_set_size (app.rss_kib, 0);
  g_array_set_size (app.private_kib, 0);
  g_array_set_size (app.anon_kib, 0);
  g_array_set_size (bare.startup_ms, 0);
  g_array_set_size (bare.rss_kib, 0);
  g_array_set_size (bare.private_kib, 0);
  g_array_set_size (bare.anon_kib, 0);

  for (int i = 0; i < runs; i++)
    {
      if (!measure_once (&app) || !measure_once (&bare))
        return 1;
    }

  app_ms = median_ms (app.startup_ms);
  bare_ms = median_ms (bare.startup_ms);

  /* "Private" is anonymous memory, the heap and the like; the private file
   * pages of libraries that only this process happens to map are shown
   * apart, since another GTK application would share them. */
  g_print ("start-up, %d launches each, GSK_RENDERER=cairo (medians)\n", runs);
  g_print ("%-24s %14s %12s %14s %18s\n", "", "first frame", "resident",
           "private (anon)", "private file pages");
  print_row (&app, app_ms);
  print_row (&bare, bare_ms);
  g_print ("ratio fanfare / bare: first frame %.2f, resident %.2f, private %.2f\n",
           app_ms / bare_ms,
           median_mib (app.rss_kib) / median_mib (bare.rss_kib),
           median_mib (app.anon_kib) / median_mib (bare.anon_kib));
  g_print ("targets: first frame <= 250 ms: %s; resident <= 110 MiB: %s; private <= 32 MiB: %s\n",
           app_ms <= 250 ? "met" : "MISSED",
           median_mib (app.rss_kib) <= 110 ? "met" : "MISSED",
           median_mib (app.anon_kib) <= 32 ? "met" : "MISSED");

  program_clear (&app);
  program_clear (&bare);

  return 0;
}
