/* bench-server-stream.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Streaming a 100 MB track on loopback: the rate of one stream, then 50
 * at once, with the server's resident memory sampled throughout. Streams
 * map their file and share the mapping, so private memory should stay
 * flat whatever the number of listeners, and file pages are counted once.
 * Targets: one stream at 500 MB/s or more; memory flat with 50 streams.
 *
 *   bench-server-stream FANFARE-SERVER
 */

#include "config.h"

#include <stdlib.h>

#include "fanfare-bench.h"
#include "fanfare-test-store.h"

#define SIZE (100 * 1024 * 1024)

typedef struct {
  GPid     pid;
  gboolean done;
  guint64  rss_kib;
  guint64  anon_kib;
  guint64  file_kib;
} Sampler;

static gpointer
sample_thread (gpointer  data)
{
  Sampler *sampler = data;

  while (!g_atomic_int_get (&sampler->done))
    {
      sampler->rss_kib = MAX (sampler->rss_kib, fanfare_bench_read_status_kib (sampler->pid, "VmRSS:"));
      sampler->anon_kib = MAX (sampler->anon_kib, fanfare_bench_read_status_kib (sampler->pid, "RssAnon:"));
      sampler->file_kib = MAX (sampler->file_kib, fanfare_bench_read_status_kib (sampler->pid, "RssFile:"));
      g_usleep (50 * 1000);
    }

  return NULL;
}

/* Runs wrk while sampling the server's memory; returns the peaks. */
static void
measure (GPid                pid,
         const char * const *options,
         const char         *url,
         FanfareWrkResult   *result,
         Sampler            *sampler)
{
  GThread *thread;

  *sampler = (Sampler) { .pid = pid };
  thread = g_thread_new ("sampler", sample_thread, sampler);
  g_assert_true (fanfare_bench_wrk (options, url, result));
  g_atomic_int_set (&sampler->done, TRUE);
  g_thread_join (thread);
  g_assert_cmpuint (result->errors, ==, 0);
}

static char *
make_catalog (void)
{
  FanfareTestStore store;
  guint8 *data = g_malloc (SIZE);
  g_autoptr(GBytes) content = NULL;
  gint64 artist;

  for (gsize i = 0; i < SIZE; i++)
    data[i] = (guint8) (i * 2654435761u >> 24);
  content = g_bytes_new_take (data, SIZE);

  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "artist", "Artist", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "listener", "listener password", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_track (&store, artist, "Long", content, TRUE, NULL);

  return fanfare_test_store_close (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *url = NULL;
  g_autofree char *stream_url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *header = NULL;
  FanfareWrkResult one, many;
  Sampler idle = { 0 }, single, crowd;
  GSubprocess *server;
  GPid pid;

  g_assert_cmpint (argc, >=, 2);
  data_dir = make_catalog ();
  {
    const char *args[] = { argv[1], "--data-dir", data_dir, "--listen", "127.0.0.1:0", NULL };

    server = fanfare_bench_spawn (args, &url);
  }
  pid = atoi (g_subprocess_get_identifier (server));
  token = fanfare_bench_log_in (url, "listener", "listener password");
  header = g_strconcat ("Authorization: Bearer ", token, NULL);
  stream_url = g_strconcat (url, "/api/v1/tracks/1/stream", NULL);

  idle.rss_kib = fanfare_bench_read_status_kib (pid, "VmRSS:");
  idle.anon_kib = fanfare_bench_read_status_kib (pid, "RssAnon:");
  idle.file_kib = fanfare_bench_read_status_kib (pid, "RssFile:");

  {
    const char *options[] = { "-t1", "-c1", "-d8s", "-H", header, NULL };

    measure (pid, options, stream_url, &one, &single);
  }
  {
    const char *options[] = { "-t2", "-c50", "-d15s", "--timeout", "30s", "-H", header, NULL };

    measure (pid, options, stream_url, &many, &crowd);
  }

  g_print ("Streaming a 100 MB track on loopback (wrk):\n");
  g_print ("  one stream:  %7.0f MB/s (target >= 500 MB/s: %s)\n", one.transfer_mb_per_second,
           one.transfer_mb_per_second >= 500 ? "met" : "MISSED");
  g_print ("  50 streams:  %7.0f MB/s together, %.0f MB/s each\n", many.transfer_mb_per_second,
           many.transfer_mb_per_second / 50);
  g_print ("  server memory      idle     1 stream   50 streams (peaks, MiB)\n");
  g_print ("    resident      %8.1f   %8.1f   %8.1f\n", idle.rss_kib / 1024.0, single.rss_kib / 1024.0,
           crowd.rss_kib / 1024.0);
  g_print ("    private       %8.1f   %8.1f   %8.1f\n", idle.anon_kib / 1024.0, single.anon_kib / 1024.0,
           crowd.anon_kib / 1024.0);
  g_print ("    file pages    %8.1f   %8.1f   %8.1f  (the one shared mapping of the file)\n",
           idle.file_kib / 1024.0, single.file_kib / 1024.0, crowd.file_kib / 1024.0);
  g_print ("  private memory from 1 to 50 streams: %+.1f MiB (target: flat: %s)\n",
           (crowd.anon_kib - (double) single.anon_kib) / 1024.0,
           crowd.anon_kib < single.anon_kib + 32 * 1024 ? "met" : "MISSED");

  fanfare_bench_stop (server);
  fanfare_test_remove_tree (data_dir);

  return 0;
}
