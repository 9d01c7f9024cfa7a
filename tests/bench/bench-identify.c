/* bench-identify.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* POST /api/v1/identify on a real fanfare-server whose fingerprints hold
 * 1,000 hours. Twenty songs are imported as a user would import them; the
 * rest of the index is their hashes again, each copy scrambled by a mask
 * of its own, under ids the catalog does not have, so that the postings
 * have the spread of real music. Clips of 5 s of the imported songs are
 * hashed here and sent; the server reports the time of the match in
 * Server-Timing. Target: the match within 10 ms.
 *
 *   bench-identify FANFARE-SERVER [HOURS]
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fanfare-fp-index.h"
#include "fanfare-test-identify.h"
#include "fanfare-test-music.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define N_SONGS      20
#define SONG_SECONDS 60.0
#define CLIP_SECONDS 5.0
#define N_QUERIES    200

typedef FanfareTestSong Song;

static void
import_songs (const char *data_dir,
              Song       *songs)
{
  g_autofree char *music = fanfare_test_make_data_dir ();
  g_autofree char *album = g_build_filename (music, "Bench", NULL);
  const char *create[] = { "create-user", "--data-dir", data_dir, "--username", "lin", NULL };
  const char *import[] = { "import", music, "--data-dir", data_dir, "--artist", "lin", NULL };

  g_mkdir_with_parents (album, 0700);
  for (guint i = 0; i < N_SONGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Song %02u.wav", i);
      g_autofree char *path = g_build_filename (album, name, NULL);

      songs[i].samples = fanfare_test_music_new (500 + i, SONG_SECONDS, &songs[i].n);
      fanfare_test_write_wav (path, songs[i].samples, songs[i].n);
    }

  g_assert_cmpint (fanfare_test_run_command (create, "bench password 1\n", NULL), ==, 0);
  g_assert_cmpint (fanfare_test_run_command (import, NULL, NULL), ==, 0);
  fanfare_test_remove_tree (music);
}

/* Adds scrambled copies of the songs to the server's index until it holds
 * @hours, merged as ingest merges. */
static void
grow_index (const char *data_dir,
            const Song *songs,
            double      hours)
{
  g_autofree char *path = g_build_filename (data_dir, "fingerprints.ffp", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareFpIndex) base = fanfare_fp_index_load (path, &error);
  g_autoptr(FanfareFpIndex) more = fanfare_fp_index_new ();
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double seconds = fanfare_fp_index_get_seconds (base);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  for (guint i = 0; i < N_SONGS; i++)
    g_ptr_array_add (hashes, fanfare_fp_extract_hashes (songs[i].samples, songs[i].n));

  seconds = fanfare_test_fill_index (more, hashes, songs, seconds, hours, rand);
  g_assert_true (fanfare_fp_index_merge (base, more, path, &error));
  g_assert_no_error (error);
  g_print ("index of %.0f hours: %" G_GSIZE_FORMAT " hashes, %.1f GiB, built and written in %.1f s\n",
           seconds / 3600.0, fanfare_fp_index_get_n_postings (base) + fanfare_fp_index_get_n_postings (more),
           (fanfare_fp_index_get_n_postings (base) + fanfare_fp_index_get_n_postings (more)) *
           sizeof (FanfareFpPosting) / 1073741824.0, (g_get_monotonic_time () - start) / 1e6);
}

static gint
compare_doubles (gconstpointer  a,
                 gconstpointer  b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  return g_array_index (times, double, MIN ((guint) (p * times->len), times->len - 1));
}

static void
run_queries (FanfareTestServer *server,
             const char        *token,
             const Song        *songs,
             double             hours,
             guint32            seed,
             const char        *what)
{
  g_autoptr(GArray) match_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) request_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint found = 0;

  for (guint q = 0; q < N_QUERIES; q++)
    {
      guint s = g_rand_int_range (rand, 0, N_SONGS);
      double at = g_rand_double_range (rand, 0.0, SONG_SECONDS - CLIP_SECONDS - 1.0);
      gsize first = (gsize) (at * FANFARE_FP_SAMPLE_RATE);
      g_autofree char *body = fanfare_test_identify_body (songs[s].samples + first,
                                                          (gsize) (CLIP_SECONDS * FANFARE_FP_SAMPLE_RATE),
                                                          FANFARE_FP_EXTRACTOR_VERSION);
      g_autofree char *title = g_strdup_printf ("Song %02u", s);
      g_autoptr(FanfareTestResponse) response = NULL;
      const char *timing;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      response = fanfare_test_request (server, "POST", "/api/v1/identify", token, body);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_cmpuint (response->status, ==, 200);
      g_array_append_val (request_ms, ms);

      timing = soup_message_headers_get_one (response->headers, "Server-Timing");
      g_assert_nonnull (timing);
      ms = g_ascii_strtod (strstr (timing, "dur=") + 4, NULL);
      g_array_append_val (match_ms, ms);

      if (json_object_get_boolean_member (json_node_get_object (response->json), "found") &&
          g_strcmp0 (fanfare_test_response_get_string (response, "track.title"), title) == 0)
        found++;
    }

  g_array_sort (match_ms, compare_doubles);
  g_array_sort (request_ms, compare_doubles);
  g_print ("%s, identifying a 5 s clip against %.0f hours, in the server: match median %.2f ms, p99 %.2f ms"
           " (target <= 10 ms: %s); whole request median %.2f ms, p99 %.2f ms; %u of %u found\n",
           what, hours, percentile (match_ms, 0.5), percentile (match_ms, 0.99),
           percentile (match_ms, 0.99) <= 10.0 ? "met" : "MISSED",
           percentile (request_ms, 0.5), percentile (request_ms, 0.99), found, N_QUERIES);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const args[] = { "--identify-per-minute", "1000000", NULL };
  g_autofree char *data_dir = fanfare_test_make_data_dir ();
  g_autofree char *log_dir = g_dir_make_tmp ("fanfare-bench-logs-XXXXXX", NULL);
  g_autofree char *token = NULL;
  double hours = argc > 2 ? g_ascii_strtod (argv[2], NULL) : 1000.0;
  FanfareTestServer *server;
  Song songs[N_SONGS];

  g_assert_cmpint (argc, >=, 2);
  g_set_prgname ("bench-identify");
  g_setenv ("FANFARE_SERVER", argv[1], TRUE);
  g_setenv ("FANFARE_TEST_LOG_DIR", log_dir, TRUE);

  import_songs (data_dir, songs);
  grow_index (data_dir, songs, hours);

  server = fanfare_test_server_start (data_dir, args);
  token = fanfare_test_register (server, "mei", "bench password 2");

  /* The first queries touch pages of the mapping for the first time;
   * then the same number again, of other clips. */
  run_queries (server, token, songs, hours, 3, "first queries after start");
  run_queries (server, token, songs, hours, 4, "the next queries");

  fanfare_test_server_stop (server);
  fanfare_test_remove_tree (data_dir);
  fanfare_test_remove_tree (log_dir);
  for (guint i = 0; i < N_SONGS; i++)
    g_free (songs[i].samples);

  return EXIT_SUCCESS;
}
