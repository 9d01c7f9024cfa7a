/* bench-server-search.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search over a catalog of 100,000 tracks (10,000 albums, 2,000 artists),
 * loaded by wrk with queries drawn from the catalog itself: whole words,
 * substrings, Chinese characters, artist names, two words, short
 * prefixes. Target: p99 at most 20 ms.
 *
 *   bench-server-search FANFARE-SERVER
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "fanfare-account-store.h"
#include "fanfare-bench-stats.h"
#include "fanfare-bench.h"
#include "fanfare-catalog-store.h"
#include "fanfare-search-store.h"
#include "fanfare-test-store.h"
#include "fanfare-user.h"

#define N_ARTISTS         2000
#define ALBUMS_PER_ARTIST 5
#define TRACKS_PER_ALBUM  10
#define N_QUERIES         600

static const char * const words[] = {
  "love", "river", "night", "summer", "heart", "rain", "city", "dream", "light", "shadow", "fire", "ocean",
  "wind", "star", "golden", "silver", "blue", "midnight", "morning", "song", "dance", "road", "home", "winter",
  "spring", "autumn", "paper", "glass", "electric", "velvet", "quiet", "wild", "broken", "secret", "little",
  "northern", "letters", "harbor", "window", "station", "echo", "lantern", "wave", "bird", "mountain", "garden",
  "mirror", "island", "forest", "thunder", "café", "naïve", "déjà", "über", "señor", "crème", "fiancée",
};
static const char * const hanzi[] = {
  "夏", "天", "星", "河", "旧", "城", "微", "光", "远", "方", "雨", "季", "山", "海", "晚", "风", "月", "梦",
  "境", "白", "昼", "归", "途", "青", "春", "灯", "塔", "长", "街", "雪", "夜", "花", "火", "南", "北", "岛",
  "落", "日", "清", "晨", "小", "巷", "列", "车", "银", "少", "年", "故", "乡", "云", "端", "江", "秋", "心",
};
static const char * const surnames[] = { "周", "林", "陈", "苏", "江", "许", "沈", "顾", "白", "温", "叶", "夏" };
static const char * const given[] = {
  "Zoë", "Björn", "Mariana", "Kofi", "Aiko", "Lukas", "Nora", "Élodie", "Kaito", "Isabela", "Hana", "Oskar",
};
static const char * const family[] = {
  "Lefèvre", "Åkesson", "Núñez", "Mensah", "Tanaka", "Brenner", "Quinn", "Marchand", "Mori", "Costa", "Kim",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static char *
make_title (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 3) == 0)
    return g_strconcat (PICK (rand, hanzi), PICK (rand, hanzi), PICK (rand, hanzi),
                        g_rand_boolean (rand) ? PICK (rand, hanzi) : "", NULL);

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return g_strconcat (PICK (rand, words), " ", PICK (rand, words), NULL);

    case 1:
      return g_strconcat ("The ", PICK (rand, words), " of ", PICK (rand, words), NULL);

    default:
      return g_strconcat (PICK (rand, words), " ", PICK (rand, words), " ", PICK (rand, words), NULL);
    }
}

static char *
make_artist_name (GRand *rand,
                  guint  i)
{
  if (i % 2 == 0)
    return g_strdup_printf ("%s%s%s", PICK (rand, surnames), PICK (rand, hanzi), PICK (rand, hanzi));

  return g_strdup_printf ("%s %s", PICK (rand, given), PICK (rand, family));
}

/* Picks a query a user might type for @text. */
static char *
query_for (GRand      *rand,
           const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  glong wanted = g_rand_int_range (rand, 3, 7);
  glong start, count;

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return g_strdup (text);

    case 1:
      count = MIN (length, 2);
      break;

    default:
      count = MIN (length, wanted);
      break;
    }

  start = g_rand_int_range (rand, 0, length - count + 1);

  return g_utf8_substring (text, start, start + count);
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The time the store itself spends on each query, in CPU time of the
 * thread that runs it: what the server costs per search, apart from how
 * busy the machine is. Each query runs three times and the last counts
 * (warm, as under load). The slowest are named, to find what to fix. */
static void
time_service (FanfareDatabase *db,
              GPtrArray       *queries)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), queries->len);
  const FanfareViewer viewer = { 0, FALSE };
  double slowest[3] = { 0 };
  const char *slowest_query[3] = { NULL };

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      double cpu = 0.0;

      for (guint round = 0; round < 3; round++)
        {
          g_autoptr(GPtrArray) results = NULL;
          g_autoptr(GError) error = NULL;
          gboolean more;
          double start = thread_cpu_ms ();

          results = fanfare_search_store_search (db, &viewer, query, FANFARE_SEARCH_TYPE_ALL, 0, 20, &more, &error);
          g_assert_no_error (error);
          cpu = thread_cpu_ms () - start;
        }
      g_array_append_val (times, cpu);

      for (guint s = 0; s < G_N_ELEMENTS (slowest); s++)
        if (cpu > slowest[s])
          {
            memmove (&slowest[s + 1], &slowest[s], (G_N_ELEMENTS (slowest) - s - 1) * sizeof (double));
            memmove (&slowest_query[s + 1], &slowest_query[s], (G_N_ELEMENTS (slowest) - s - 1) * sizeof (char *));
            slowest[s] = cpu;
            slowest_query[s] = query;
            break;
          }
    }

  g_print ("search in the store, CPU time per query: p50 %.2f ms, p99 %.2f ms, slowest %.2f ms (\"%s\"), "
           "%.2f ms (\"%s\"), %.2f ms (\"%s\")\n",
           fanfare_bench_percentile (times, 0.5), fanfare_bench_percentile (times, 0.99),
           slowest[0], slowest_query[0], slowest[1], slowest_query[1], slowest[2], slowest_query[2]);
}

static char *
make_catalog (GPtrArray *queries)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (100000);
  g_autoptr(GError) error = NULL;
  g_autofree char *media = NULL;
  FanfareTestStore store;
  gint64 started = g_get_monotonic_time ();

  fanfare_test_store_set_up (&store);
  media = fanfare_test_store_add_media (&store, "audio", 5);

  for (guint a = 0; a < N_ARTISTS; a++)
    {
      g_autofree char *name = make_artist_name (rand, a);
      g_autofree char *username = g_strdup_printf ("artist%u", a);
      g_autoptr(FanfareUser) user = NULL;
      gint64 artist_id;

      user = fanfare_account_store_create_user (store.db, username, name, NULL, "!", FANFARE_USER_ROLE_ARTIST,
                                                &error);
      g_assert_no_error (error);
      artist_id = g_ascii_strtoll (fanfare_user_get_artist_id (user), NULL, 10);
      if (queries->len < N_QUERIES && a % 10 == 0)
        g_ptr_array_add (queries, query_for (rand, name));

      for (guint b = 0; b < ALBUMS_PER_ARTIST; b++)
        {
          g_autofree char *album_title = make_title (rand);
          g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
          FanfareTrackDraft tracks[TRACKS_PER_ALBUM] = { 0 };
          FanfareAlbumDraft album = { artist_id, album_title, "Pop", "2024-01-01", NULL, TRUE };

          for (guint t = 0; t < TRACKS_PER_ALBUM; t++)
            {
              char *title = make_title (rand);

              g_ptr_array_add (titles, title);
              tracks[t] = (FanfareTrackDraft) { .title = title, .track_number = t + 1, .duration_ms = 200000,
                                                .media_hash = media };
              if (queries->len < N_QUERIES && g_rand_int_range (rand, 0, 200) == 0)
                g_ptr_array_add (queries, query_for (rand, title));
            }

          fanfare_catalog_store_add_album (store.db, &album, tracks, TRACKS_PER_ALBUM, &error);
          g_assert_no_error (error);
        }
    }

  g_print ("Built %u tracks in %.1f s\n", N_ARTISTS * ALBUMS_PER_ARTIST * TRACKS_PER_ALBUM,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  time_service (store.db, queries);

  return fanfare_test_store_close (&store);
}

static char *
write_script (GPtrArray  *queries,
              const char *directory)
{
  g_autoptr(GString) script = g_string_new ("local paths = {\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (directory, "queries.lua", NULL);

  for (guint i = 0; i < queries->len; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (g_ptr_array_index (queries, i), NULL, FALSE);

      g_string_append_printf (script, "  \"/api/v1/search?limit=20&q=%s\",\n", escaped);
    }
  g_string_append (script, "}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
                   "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
  g_file_set_contents (path, script->str, -1, &error);
  g_assert_no_error (error);

  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data_dir = NULL;
  g_autofree char *script = NULL;
  g_autofree char *url = NULL;
  g_autofree char *load = NULL;
  FanfareWrkResult result;
  GSubprocess *server;

  g_assert_cmpint (argc, >=, 2);
  data_dir = make_catalog (queries);
  script = write_script (queries, data_dir);
  g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);

  {
    const char *args[] = { argv[1], "--data-dir", data_dir, "--listen", "127.0.0.1:0", NULL };

    server = fanfare_bench_spawn (args, &url);
  }

  g_print ("%u queries from the catalog; load average before: %s", queries->len, load);
  for (guint connections = 1; connections <= 4; connections *= 4)
    {
      g_autofree char *c = g_strdup_printf ("-c%u", connections);
      const char *options[] = { "-t1", c, "-d15s", "-s", script, NULL };

      g_assert_true (fanfare_bench_wrk (options, url, &result));
      g_assert_cmpuint (result.errors, ==, 0);
      g_print ("search, 100,000 tracks, %u connections: %.0f req/s, p50 %.2f ms, p99 %.2f ms"
               " (target <= 20 ms: %s)\n", connections, result.requests_per_second, result.p50_ms, result.p99_ms,
               result.p99_ms <= 20 ? "met" : "MISSED");
    }

  fanfare_bench_stop (server);
  if (g_getenv ("FANFARE_BENCH_KEEP") == NULL)
    fanfare_test_remove_tree (data_dir);
  else
    g_print ("Kept %s\n", data_dir);

  return 0;
}
