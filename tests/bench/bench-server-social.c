/* bench-server-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The social graph at scale: 10,000 users and 1,000,000 follows, with
 * public playlists and their follows, contact details and cells of
 * people nearby. Targets, over HTTP on loopback, one request at a time:
 *   - a page of the Friends feed (20 items): p99 <= 30 ms
 *   - a query of people nearby: p99 <= 10 ms
 *   - matching an address book of 1,000 entries: <= 100 ms
 *
 *   bench-server-social FANFARE-SERVER
 *
 * FANFARE_BENCH_USERS and FANFARE_BENCH_FOLLOWS make the data set smaller. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "fanfare-bench-stats.h"
#include "fanfare-account-store.h"
#include "fanfare-bench.h"
#include "fanfare-contacts.h"
#include "fanfare-friend-finder.h"
#include "fanfare-geohash.h"
#include "fanfare-social-store.h"
#include "fanfare-test-store.h"

#define N_PLAYLISTS        30000
#define N_PLAYLIST_FOLLOWS 100000
#define GRID               20     /* cells a side of the area people are in */
#define N_REQUESTS         500
#define N_MATCHES          50
#define N_CONTACTS         1000

/* The cell of the i-th square of a GRID by GRID area around Beijing. */
static char *
grid_cell (guint  i)
{
  return fanfare_geohash_encode (39.5 + (i / GRID) * 0.045, 116.0 + (i % GRID) * 0.045, FANFARE_NEARBY_PRECISION);
}

static void
run (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

/* Users 1 (who signs in) and 1001 on; each follows others at random, the
 * signed-in user 100 of them. Everyone may be found by contact and is
 * near somewhere in the grid. */
static void
generate (const char *path,
          guint       n_users,
          guint       n_follows)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3 *handle = NULL;
  sqlite3_stmt *follow = NULL, *cell = NULL, *playlist = NULL, *playlist_follow = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  fanfare_bench_exec_sql (handle, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN;");
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO users (id, username, display_name, email, password_hash, created_at)"
      " WITH RECURSIVE u(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM u WHERE i < %u)"
      " SELECT 1000 + i, 'listener' || i, 'Listener ' || i, 'Listener' || i || '@Example.com', '-', 0 FROM u;"
      "INSERT INTO social_settings (user_id, discoverable_by_contact, phone)"
      " SELECT id, 1, '+86138' || printf ('%%08d', id) FROM users WHERE id > 1000;",
      n_users - 1);

    fanfare_bench_exec_sql (handle, sql);
  }

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at)"
                                       " VALUES (?, ?, ?)", -1, &follow, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_follows; i++)
    {
      gint64 follower = i < 100 ? 1 : 1001 + g_rand_int_range (rand, 0, n_users - 1);
      gint64 followee = 1001 + g_rand_int_range (rand, 0, n_users - 1);

      if (follower == followee)
        continue;
      sqlite3_bind_int64 (follow, 1, follower);
      sqlite3_bind_int64 (follow, 2, followee);
      sqlite3_bind_int64 (follow, 3, now - g_rand_int_range (rand, 0, 365 * 86400));
      run (follow);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO playlists (id, owner_id, title, visibility, created_at,"
                                       " updated_at) VALUES (?, ?, ?, ?, ?, ?)", -1, &playlist, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < N_PLAYLISTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Mix %u", i);
      gint64 at = now - g_rand_int_range (rand, 0, 90 * 86400);

      sqlite3_bind_int64 (playlist, 1, i + 1);
      sqlite3_bind_int64 (playlist, 2, 1001 + g_rand_int_range (rand, 0, n_users - 1));
      sqlite3_bind_text (playlist, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (playlist, 4, i % 5 == 0 ? "private" : "public", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (playlist, 5, at);
      sqlite3_bind_int64 (playlist, 6, at);
      run (playlist);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT OR IGNORE INTO playlist_follows (user_id, playlist_id,"
                                       " created_at) VALUES (?, ?, ?)", -1, &playlist_follow, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < N_PLAYLIST_FOLLOWS; i++)
    {
      sqlite3_bind_int64 (playlist_follow, 1, 1001 + g_rand_int_range (rand, 0, n_users - 1));
      sqlite3_bind_int64 (playlist_follow, 2, 1 + g_rand_int_range (rand, 0, N_PLAYLISTS));
      sqlite3_bind_int64 (playlist_follow, 3, now - g_rand_int_range (rand, 0, 90 * 86400));
      run (playlist_follow);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO nearby_cells (user_id, cell, updated_at)"
                                       " VALUES (?, ?, ?)", -1, &cell, NULL), ==, SQLITE_OK);
  for (guint i = 1; i < n_users; i++)
    {
      g_autofree char *name = grid_cell (g_rand_int_range (rand, 0, GRID * GRID));

      sqlite3_bind_int64 (cell, 1, 1000 + i);
      sqlite3_bind_text (cell, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (cell, 3, now);
      run (cell);
    }

  sqlite3_finalize (follow);
  sqlite3_finalize (playlist);
  sqlite3_finalize (playlist_follow);
  sqlite3_finalize (cell);
  fanfare_bench_exec_sql (handle, "COMMIT; ANALYZE;");
  sqlite3_close (handle);
}

/* Sends a request and answers its body; asserts it succeeded. */
static GBytes *
send_timed (SoupSession *session,
            const char  *method,
            const char  *uri,
            const char  *auth,
            const char  *body,
            GArray      *times)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  GBytes *response;
  gint64 started = g_get_monotonic_time ();
  double ms;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  ms = (g_get_monotonic_time () - started) / 1000.0;
  if (times != NULL)
    g_array_append_val (times, ms);

  return response;
}

static char *
next_cursor (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_null_member (root, "next_cursor"))
    return NULL;

  return g_strdup (json_object_get_string_member (root, "next_cursor"));
}

/* This process's processor time so far, in milliseconds. */
static double
own_cpu_ms (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now), ==, 0);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
report_cpu (const char  *what,
            GSubprocess *server,
            double       since,
            guint        n_requests)
{
  g_print ("  the server's processor time: %.2f ms a request (%s)\n", (fanfare_bench_cpu_ms (server) - since) / n_requests,
           what);
}

static void
report (const char *what,
        GArray     *times,
        double      target_ms,
        double      fraction)
{
  double p50 = fanfare_bench_percentile (times, 0.5);
  double p = fanfare_bench_percentile (times, fraction);

  g_print ("%s, %u requests: p50 %.2f ms, %s %.2f ms (target <= %.0f ms: %s)\n", what, times->len, p50,
           fraction >= 1.0 ? "slowest" : "p99", p, target_ms, p <= target_ms ? "met" : "MISSED");
}

static void
bench_feed (SoupSession *session,
            const char  *url,
            const char  *auth)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *cursor = NULL;

  /* Page after page, from the top again at the end. */
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autofree char *uri = cursor == NULL ? g_strconcat (url, "/api/v1/me/feed?limit=20", NULL) :
                             g_strdup_printf ("%s/api/v1/me/feed?limit=20&cursor=%s", url, cursor);
      g_autoptr(GBytes) body = send_timed (session, "GET", uri, auth, NULL, times);

      g_free (cursor);
      cursor = i % 10 == 9 ? NULL : next_cursor (body);
    }

  report ("GET /api/v1/me/feed?limit=20 (10 pages deep)", times, 30, 0.99);
}

static void
bench_nearby (SoupSession *session,
              const char  *url,
              const char  *auth)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = g_strconcat (url, "/api/v1/me/nearby", NULL);

  /* Moving from cell to cell, then looking again where one is. */
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autofree char *cell = grid_cell ((i * 37) % (GRID * GRID));
      g_autofree char *body = g_strdup_printf ("{\"cell\": \"%s\"}", cell);

      g_bytes_unref (send_timed (session, "PUT", uri, auth, body, moves));
      g_bytes_unref (send_timed (session, "GET", uri, auth, NULL, times));
    }

  report ("PUT /api/v1/me/nearby, a new cell each time (about 25 people a cell)", moves, 10, 0.99);
  report ("GET /api/v1/me/nearby (about 225 people around, 100 answered)", times, 10, 0.99);
}

static void
bench_contacts (SoupSession *session,
                const char  *url,
                const char  *auth,
                guint        n_users)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *key_uri = g_strconcat (url, "/api/v1/contacts/key", NULL);
  g_autofree char *match_uri = g_strconcat (url, "/api/v1/contacts/matches", NULL);
  g_autoptr(GBytes) key_body = send_timed (session, "GET", key_uri, auth, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  JsonObject *key;
  gsize length;
  const char *data = g_bytes_get_data (key_body, &length);

  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  key = json_node_get_object (json_parser_get_root (parser));
  g_string_printf (body, "{\"key_id\": \"%s\", \"hashes\": [", json_object_get_string_member (key, "key_id"));

  /* An address book: half of it people on the platform, half not. */
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *email = g_strdup_printf ("listener%u@example.com", i % 2 == 0 ? 1 + i * 7 % (n_users - 1) :
                                                1000000 + i);
      g_autofree char *hash = fanfare_contacts_hash (json_object_get_string_member (key, "key"), "email", email);

      g_string_append_printf (body, "%s\"%s\"", i > 0 ? ", " : "", hash);
    }
  g_string_append (body, "]}");

  for (guint i = 0; i < N_MATCHES; i++)
    g_bytes_unref (send_timed (session, "POST", match_uri, auth, body->str, times));

  report ("POST /api/v1/contacts/matches (1,000 hashes)", times, 100, 1.0);
}

/* The same work without HTTP: the store's and the service's share. */
static void
bench_in_process (const char *data_dir,
                  guint       n_users)
{
  g_autofree char *path = g_build_filename (data_dir, "fanfare.db", NULL);
  g_autoptr(FanfareDatabase) db = NULL;
  g_autoptr(GArray) feed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) nearby = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) contacts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *cell = grid_cell (GRID * GRID / 2 + GRID / 2);
  gint64 key_id;
  double cpu;

  db = fanfare_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_social_store_set_cell (db, 1, cell, FANFARE_NEARBY_LIFETIME, &error));
  cpu = own_cpu_ms ();

  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_auto(FanfareListPosition) after = { NULL, 0 };
      g_auto(FanfareListPosition) next = { NULL, 0 };
      gint64 started = g_get_monotonic_time ();
      g_autoptr(GArray) items = NULL;
      g_autoptr(GArray) people = NULL;
      double ms;

      items = fanfare_social_store_list_feed (db, 1, &after, 20, &next, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (feed, ms);

      started = g_get_monotonic_time ();
      people = fanfare_friend_finder_list_nearby (db, 1, &error);
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (nearby, ms);
    }
  report ("In process: the feed's first page (store)", feed, 30, 0.99);
  report ("In process: people nearby (store and cells)", nearby, 10, 0.99);
  g_print ("  processor time: %.2f ms for a page of the feed and a query of people nearby\n",
           (own_cpu_ms () - cpu) / N_REQUESTS);

  key_id = fanfare_social_store_get_contact_key (db, FANFARE_CONTACT_KEY_LIFETIME, &secret, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *email = g_strdup_printf ("listener%u@example.com", i % 2 == 0 ? 1 + i * 7 % (n_users - 1) :
                                                1000000 + i);

      g_ptr_array_add (hashes, fanfare_contacts_hash (secret, "email", email));
    }
  g_ptr_array_add (hashes, NULL);
  /* The first match makes the key's directory of keyed hashes; the others
   * find it made, until someone changes their contact settings. */
  {
    gint64 started = g_get_monotonic_time ();
    g_autoptr(GArray) found = NULL;

    cpu = own_cpu_ms ();
    found = fanfare_friend_finder_match_contacts (db, 2, key_id, (const char * const *) hashes->pdata, &error);
    g_assert_no_error (error);
    g_print ("In process: the first match, making the directory of %u discoverable users: %.2f ms"
             " (processor time %.2f ms)\n", n_users - 1, (g_get_monotonic_time () - started) / 1000.0,
             own_cpu_ms () - cpu);
  }
  cpu = own_cpu_ms ();
  for (guint i = 0; i < N_MATCHES; i++)
    {
      gint64 started = g_get_monotonic_time ();
      g_autoptr(GArray) found = fanfare_friend_finder_match_contacts (db, 2, key_id,
                                                                      (const char * const *) hashes->pdata, &error);
      double ms = (g_get_monotonic_time () - started) / 1000.0;

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >, 0);
      g_array_append_val (contacts, ms);
    }
  report ("In process: matching 1,000 contacts against 10,000 discoverable users", contacts, 100, 1.0);
  g_print ("  processor time: %.2f ms a match\n", (own_cpu_ms () - cpu) / N_MATCHES);

  /* What a list of people found costs to read, as the answers do. */
  {
    g_autoptr(GArray) found = fanfare_friend_finder_match_contacts (db, 2, key_id,
                                                                    (const char * const *) hashes->pdata, &error);
    g_autoptr(GArray) users = g_array_new (FALSE, FALSE, sizeof (double));

    g_assert_no_error (error);
    for (guint i = 0; i < N_MATCHES; i++)
      {
        gint64 started = g_get_monotonic_time ();
        g_autoptr(GPtrArray) read = fanfare_account_store_get_users (db, found, &error);
        double ms = (g_get_monotonic_time () - started) / 1000.0;

        g_assert_no_error (error);
        g_assert_cmpuint (read->len, ==, found->len);
        g_array_append_val (users, ms);
      }
    g_print ("(%u people found)\n", found->len);
    report ("In process: reading the people found", users, 100, 1.0);
  }

  fanfare_database_close (db);
}

int
main (int   argc,
      char *argv[])
{
  guint n_users = fanfare_bench_env_count ("FANFARE_BENCH_USERS", 10000);
  guint n_follows = fanfare_bench_env_count ("FANFARE_BENCH_FOLLOWS", 1000000);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *db_path = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *auth = NULL;
  FanfareTestStore store;
  GSubprocess *server;
  gint64 started;

  g_assert_cmpint (argc, >=, 2);

  fanfare_test_store_set_up (&store);
  g_assert_cmpint (fanfare_test_store_add_account (&store, "bench", "bench password 1", FANFARE_USER_ROLE_LISTENER),
                   ==, 1);
  db_path = g_build_filename (store.directory, "fanfare.db", NULL);
  data_dir = fanfare_test_store_close (&store);
  started = g_get_monotonic_time ();
  generate (db_path, n_users, n_follows);
  g_print ("Generated %u users, %u follows, %u playlists and %u playlist follows in %.1f s\n", n_users, n_follows,
           N_PLAYLISTS, N_PLAYLIST_FOLLOWS, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  {
    const char *args[] = { argv[1], "--data-dir", data_dir, "--listen", "127.0.0.1:0", NULL };

    server = fanfare_bench_spawn (args, &url);
  }
  token = fanfare_bench_log_in (url, "bench", "bench password 1");
  auth = g_strconcat ("Bearer ", token, NULL);

  {
    double cpu = fanfare_bench_cpu_ms (server);

    bench_feed (session, url, auth);
    report_cpu ("the feed", server, cpu, N_REQUESTS);
    cpu = fanfare_bench_cpu_ms (server);
    bench_nearby (session, url, auth);
    report_cpu ("a PUT and a GET of people nearby", server, cpu, N_REQUESTS);
    cpu = fanfare_bench_cpu_ms (server);
    bench_contacts (session, url, auth, n_users);
    report_cpu ("matching contacts, the key's directory made once", server, cpu, N_MATCHES + 1);
  }

  fanfare_bench_stop (server);
  bench_in_process (data_dir, n_users);
  fanfare_test_remove_tree (data_dir);

  return 0;
}
