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
 *
 * With --library N, the application starts on its Library page over an
 * index of N tracks whose files are all there (so the check at start-up
 * finds nothing to read again), and is timed until that page has drawn its
 * lists in full:
 *
 *   build-aux/dev.sh bench library-startup
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>

#include "fanfare-bench-stats.h"
#include "fanfare-library-db.h"
#include "fanfare-library-writer.h"

#define FIRST_FRAME_LINE  "First frame drawn"
#define LIBRARY_LINE      "Library page drawn"
#define SETTLE_MS         2000
#define TIMEOUT_MS        15000
#define TRACKS_PER_ALBUM  10
#define ALBUMS_PER_ARTIST 5

typedef struct {
  const char *name;
  const char *path;
  const char *ready_line;
  char      **extra_env;
  GArray     *startup_ms;
  GArray     *rss_kib;
  GArray     *private_kib;
  GArray     *anon_kib;
} Program;

typedef struct {
  GMainLoop  *loop;
  const char *ready_line;
  gint64      first_frame_us;
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

  if (strstr (line, launch->ready_line) != NULL)
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
  Launch launch = { loop, program->ready_line, 0 };
  gint64 start_us;
  guint timeout_id;
  double startup_ms;
  guint64 rss, private, anon;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "fanfare-app", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  for (guint i = 0; program->extra_env != NULL && program->extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (program->extra_env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

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
      g_printerr ("%s did not say “%s” within %d ms\n", program->name,
                  program->ready_line, TIMEOUT_MS);
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
compare_uint64 (gconstpointer  a,
                gconstpointer  b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *values)
{
  return fanfare_bench_percentile (values, 0.5);
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
              const char *path,
              const char *ready_line,
              char      **extra_env)
{
  program->name = name;
  program->path = path;
  program->ready_line = ready_line;
  program->extra_env = extra_env;
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

/* Writes N tracks into DIR/data/fanfare/library.db, each with a small file
 * under DIR/music laid out artist/album/track, and a configuration that
 * makes DIR/music the Music folder and opens the Library page. */
static void
make_library (const char *dir,
              guint       n_tracks)
{
  g_autofree char *music = g_build_filename (dir, "music", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *data = g_build_filename (dir, "data", "fanfare", NULL);
  g_autofree char *db_path = g_build_filename (data, "library.db", NULL);
  g_autofree char *user_dirs = NULL;
  g_autofree char *user_dirs_path = g_build_filename (config, "user-dirs.dirs", NULL);
  g_autofree char *keyfile_path = g_build_filename (settings_dir, "keyfile", NULL);
  g_autoptr(FanfareLibraryWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  FanfareLibraryDb *db;

  if (g_mkdir_with_parents (settings_dir, 0700) != 0 || g_mkdir_with_parents (data, 0700) != 0)
    g_error ("Could not make the folders of %s", dir);

  user_dirs = g_strdup_printf ("XDG_MUSIC_DIR=\"%s\"\n", music);
  if (!g_file_set_contents (user_dirs_path, user_dirs, -1, &error) ||
      !g_file_set_contents (keyfile_path,
                            "[io/github/fanfare_music/Fanfare]\nlast-page='library'\n", -1, &error))
    g_error ("Could not write the configuration: %s", error->message);

  db = fanfare_library_db_open (db_path, &error);
  if (db == NULL)
    g_error ("Could not open %s: %s", db_path, error->message);
  writer = fanfare_library_writer_new (db);

  for (guint i = 0; i < n_tracks; i++)
    {
      guint album = i / TRACKS_PER_ALBUM, artist = album / ALBUMS_PER_ARTIST;
      g_autofree char *album_dir = g_strdup_printf ("%s/Artist %u/Album %u", music, artist, album);
      g_autofree char *path = g_strdup_printf ("%s/%02u Track %u.flac", album_dir,
                                               i % TRACKS_PER_ALBUM + 1, i);
      g_autofree char *title = g_strdup_printf ("Track %u", i);
      g_autofree char *artist_name = g_strdup_printf ("Artist %u", artist);
      g_autofree char *album_title = g_strdup_printf ("Album %u", album);
      char *artists[] = { artist_name, NULL };
      FanfareTags tags = { 0 };
      GStatBuf st;

      if ((i % TRACKS_PER_ALBUM == 0 && g_mkdir_with_parents (album_dir, 0700) != 0) ||
          !g_file_set_contents (path, "fLaC", 4, &error) ||
          g_stat (path, &st) != 0)
        g_error ("Could not write %s", path);

      tags.title = title;
      tags.artist = artist_name;
      tags.artists = artists;
      tags.album = album_title;
      tags.album_artist = artist_name;
      tags.track_number = i % TRACKS_PER_ALBUM + 1;
      tags.year = 1970 + album % 50;
      tags.genre = (char *) (album % 3 == 0 ? "Jazz" : album % 3 == 1 ? "Rock" : "Folk");
      tags.duration_ms = 200000;
      tags.track_gain = tags.track_peak = tags.album_gain = tags.album_peak = NAN;

      if ((i % 10000 == 0 && !fanfare_library_writer_begin (writer, &error)) ||
          !fanfare_library_writer_put_track (writer, path,
                                             (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec,
                                             st.st_size, &tags, NULL, NULL, TRUE, &error) ||
          ((i % 10000 == 9999 || i == n_tracks - 1) && !fanfare_library_writer_commit (writer, &error)))
        g_error ("Could not write the index: %s", error->message);
    }

  g_clear_object (&writer);
  fanfare_library_db_unref (db);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *library_dir = NULL;
  g_auto(GStrv) extra_env = NULL;
  Program app, bare;
  int runs = 15;
  guint n_tracks = 0;
  gboolean keep_library = FALSE;
  double app_ms, bare_ms, target_ms, target_rss, target_private;

  if (argc < 3)
    {
      g_printerr ("usage: %s FANFARE BARE-WINDOW [RUNS] [--library N-TRACKS]\n", argv[0]);
      return 2;
    }

  for (int i = 3; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--library") && i + 1 < argc)
        n_tracks = atoi (argv[++i]);
      else
        runs = atoi (argv[i]);
    }

  if (n_tracks > 0)
    {
      gint64 start_us = g_get_monotonic_time ();

      /* FANFARE_BENCH_LIBRARY names a folder to keep the library in
       * between runs, for looking into where the time goes. */
      keep_library = g_getenv ("FANFARE_BENCH_LIBRARY") != NULL;
      if (keep_library)
        library_dir = g_strdup (g_getenv ("FANFARE_BENCH_LIBRARY"));
      else
        library_dir = g_dir_make_tmp ("fanfare-bench-XXXXXX", NULL);

      if (!keep_library || !g_file_test (library_dir, G_FILE_TEST_EXISTS))
        {
          make_library (library_dir, n_tracks);
          g_print ("a library of %u tracks written in %.1f s\n", n_tracks,
                   (g_get_monotonic_time () - start_us) / 1e6);
        }

      extra_env = g_new0 (char *, 5);
      extra_env[0] = g_strdup_printf ("XDG_CONFIG_HOME=%s/config", library_dir);
      extra_env[1] = g_strdup_printf ("XDG_DATA_HOME=%s/data", library_dir);
      extra_env[2] = g_strdup_printf ("XDG_CACHE_HOME=%s/cache", library_dir);
      extra_env[3] = g_strdup ("GSETTINGS_BACKEND=keyfile");
    }

  program_init (&app, "fanfare", argv[1], n_tracks > 0 ? LIBRARY_LINE : FIRST_FRAME_LINE, extra_env);
  program_init (&bare, "bare libadwaita window", argv[2], FIRST_FRAME_LINE, NULL);

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
        {
          if (library_dir != NULL && !keep_library)
            remove_tree (library_dir);
          return 1;
        }
    }

  app_ms = median_ms (app.startup_ms);
  bare_ms = median_ms (bare.startup_ms);

  /* "Private" is anonymous memory, the heap and the like; the private file
   * pages of libraries that only this process happens to map are shown
   * apart, since another GTK application would share them. */
  if (n_tracks > 0)
    g_print ("start-up on the Library page over %u tracks until it is drawn, "
             "%d launches each, GSK_RENDERER=cairo (medians)\n", n_tracks, runs);
  else
    g_print ("start-up, %d launches each, GSK_RENDERER=cairo (medians)\n", runs);
  g_print ("%-24s %14s %12s %14s %18s\n", "", n_tracks > 0 ? "ready" : "first frame", "resident",
           "private (anon)", "private file pages");
  print_row (&app, app_ms);
  print_row (&bare, bare_ms);
  g_print ("ratio fanfare / bare: %s %.2f, resident %.2f, private %.2f\n",
           n_tracks > 0 ? "ready" : "first frame", app_ms / bare_ms,
           median_mib (app.rss_kib) / median_mib (bare.rss_kib),
           median_mib (app.anon_kib) / median_mib (bare.anon_kib));
  target_ms = n_tracks > 0 ? 500 : 250;
  target_rss = n_tracks > 0 ? 150 : 110;
  target_private = n_tracks > 0 ? 64 : 32;
  g_print ("targets: %s <= %.0f ms: %s; resident <= %.0f MiB: %s; private <= %.0f MiB: %s\n",
           n_tracks > 0 ? "Library page drawn" : "first frame", target_ms,
           app_ms <= target_ms ? "met" : "MISSED",
           target_rss, median_mib (app.rss_kib) <= target_rss ? "met" : "MISSED",
           target_private, median_mib (app.anon_kib) <= target_private ? "met" : "MISSED");

  program_clear (&app);
  program_clear (&bare);
  if (library_dir != NULL && !keep_library)
    remove_tree (library_dir);

  return 0;
}
