/* bench-server-albums.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GET of a 50-album list from fanfare-server against a bare SoupServer
 * answering a fixed JSON body of the same size, each loaded by wrk with 16
 * connections, alternately, in the same run. Targets: at least 70% of the
 * bare server's requests per second, p99 at most 10 ms.
 *
 *   bench-server-albums FANFARE-SERVER BENCH-BARE-SERVER
 */

#include "config.h"

#include "fanfare-bench.h"
#include "fanfare-test-store.h"

#define N_ALBUMS 80
#define ROUNDS   2

static char *
make_catalog (void)
{
  const char *titles[] = { "第一首", "Second Song", "Drittes Lied", "Quatrième", "第五首歌", "Sixth", NULL };
  FanfareTestStore store;
  gint64 artist;

  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "artist", "周雨桐", FANFARE_USER_ROLE_ARTIST);
  for (guint i = 0; i < N_ALBUMS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Album %u · 专辑 %u", i, i);
      g_autofree char *date = g_strdup_printf ("20%02u-%02u-01", 10 + i % 16, 1 + i % 12);

      fanfare_test_store_add_album (&store, artist, title, date, titles, TRUE);
    }

  return fanfare_test_store_close (&store);
}

int
main (int   argc,
      char *argv[])
{
  const char *wrk_options[] = { "-t2", "-c16", "-d10s", NULL };
  const char *warm_options[] = { "-t2", "-c16", "-d2s", NULL };
  g_autofree char *data_dir = NULL;
  g_autofree char *url = NULL;
  g_autofree char *bare_url = NULL;
  g_autofree char *list_url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *size_text = NULL;
  GSubprocess *server, *bare;
  FanfareWrkResult ours[ROUNDS], theirs[ROUNDS];
  double ours_rps = 0, theirs_rps = 0, ours_p99 = 0, theirs_p99 = 0;
  gsize size;

  g_assert_cmpint (argc, ==, 3);
  data_dir = make_catalog ();

  {
    const char *args[] = { argv[1], "--data-dir", data_dir, "--listen", "127.0.0.1:0", NULL };

    server = fanfare_bench_spawn (args, &url);
  }
  list_url = g_strconcat (url, "/api/v1/albums?limit=50", NULL);
  body = fanfare_bench_fetch (list_url, "GET", NULL, &size);
  size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
  {
    const char *args[] = { argv[2], size_text, NULL };

    bare = fanfare_bench_spawn (args, &bare_url);
  }

  fanfare_bench_wrk (warm_options, list_url, &ours[0]);
  fanfare_bench_wrk (warm_options, bare_url, &theirs[0]);
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_assert_true (fanfare_bench_wrk (wrk_options, list_url, &ours[round]));
      g_assert_true (fanfare_bench_wrk (wrk_options, bare_url, &theirs[round]));
      g_assert_cmpuint (ours[round].errors, ==, 0);
      ours_rps += ours[round].requests_per_second / ROUNDS;
      theirs_rps += theirs[round].requests_per_second / ROUNDS;
      ours_p99 = MAX (ours_p99, ours[round].p99_ms);
      theirs_p99 = MAX (theirs_p99, theirs[round].p99_ms);
      g_print ("round %u: album list %.0f req/s (p99 %.2f ms), bare SoupServer %.0f req/s (p99 %.2f ms)\n",
               round + 1, ours[round].requests_per_second, ours[round].p99_ms,
               theirs[round].requests_per_second, theirs[round].p99_ms);
    }

  g_print ("\nGET /api/v1/albums?limit=50 (%" G_GSIZE_FORMAT " bytes), wrk -t2 -c16, %u rounds of 10 s:\n",
           size, ROUNDS);
  g_print ("  fanfare-server:  %8.0f req/s  p99 %6.2f ms\n", ours_rps, ours_p99);
  g_print ("  bare SoupServer: %8.0f req/s  p99 %6.2f ms\n", theirs_rps, theirs_p99);
  g_print ("  ratio %.2f (target >= 0.70: %s); p99 %.2f ms (target <= 10 ms: %s)\n",
           ours_rps / theirs_rps, ours_rps / theirs_rps >= 0.70 ? "met" : "MISSED",
           ours_p99, ours_p99 <= 10 ? "met" : "MISSED");

  fanfare_bench_stop (bare);
  fanfare_bench_stop (server);
  fanfare_test_remove_tree (data_dir);

  return 0;
}
