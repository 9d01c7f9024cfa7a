/* bench-server-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store at scale, against a real fanfare-server on loopback.
 * Targets:
 *   - 1,000 purchases over 100 albums, all sent at once: every ledger
 *     transaction balanced (`fanfare-server audit`), p99 <= 50 ms
 *   - the supporters' leaderboard of a club of 100,000 members, who
 *     listened to the artist and bought their albums: <= 20 ms
 *
 *   bench-server-store FANFARE-SERVER
 *
 * A purchase's time is measured from when libsoup puts it on a
 * connection (64 at most, as a browser-sized pool would) to its answer;
 * the time from sending all 1,000 to the last answer is printed too. Four
 * client threads send them, a quarter each.
 * FANFARE_BENCH_MEMBERS makes the club smaller. */

#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "fanfare-bench-stats.h"
#include "fanfare-bench.h"
#include "fanfare-catalog-store.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"

#define N_ALBUMS          100
#define N_BUYERS          100
#define ALBUMS_PER_BUYER  10
#define PRICE_CENTS       100
#define MAX_CONNECTIONS   64
#define N_SENDERS         4
#define N_LEADERBOARD     20
#define PLAYS_PER_MEMBER  5
#define BUYER_PASSWORD    "buyer password 1"

typedef struct {
  GMutex  mutex;
  GArray *times;
  guint   failed;
} Purchases;

/* One client thread's share: its own main context and session. */
typedef struct {
  Purchases    *purchases;
  const char   *url;
  GStrv         tokens;
  const gint64 *albums;
  guint         first_buyer;
  guint         n_buyers;
  guint         pending;
  GArray       *times;
  guint         failed;
} Sender;

typedef struct {
  Sender *sender;
  gint64  started;
} Purchase;

static void
starting_cb (SoupMessage *msg,
             Purchase    *purchase)
{
  purchase->started = g_get_monotonic_time ();
}

static void
purchased_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Purchase *purchase = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  double ms = (g_get_monotonic_time () - purchase->started) / 1000.0;

  if (body == NULL || soup_message_get_status (msg) != SOUP_STATUS_CREATED)
    purchase->sender->failed++;
  g_array_append_val (purchase->sender->times, ms);
  purchase->sender->pending--;
  g_free (purchase);
}

/* Sends its buyers' purchases all at once on its own connections. A
 * single session with a thousand messages queued spends its time walking
 * the queue rather than sending: the client, not the server, was then
 * what the figures measured. */
static gpointer
sender_thread (gpointer  data)
{
  Sender *sender = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  guint connections = MAX_CONNECTIONS / N_SENDERS;

  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("max-conns", connections, "max-conns-per-host", connections,
                                           "timeout", 120, NULL);
  for (guint b = sender->first_buyer; b < sender->first_buyer + sender->n_buyers; b++)
    for (guint a = 0; a < ALBUMS_PER_BUYER; a++)
      {
        g_autofree char *uri = g_strdup_printf ("%s/api/v1/albums/%" G_GINT64_FORMAT "/purchase", sender->url,
                                                sender->albums[(b + a * (N_ALBUMS / ALBUMS_PER_BUYER)) % N_ALBUMS]);
        g_autofree char *auth = g_strconcat ("Bearer ", sender->tokens[b], NULL);
        g_autofree char *key = g_uuid_string_random ();
        g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
        Purchase *purchase = g_new0 (Purchase, 1);

        purchase->sender = sender;
        purchase->started = g_get_monotonic_time ();
        soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
        soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
        g_signal_connect (msg, "starting", G_CALLBACK (starting_cb), purchase);
        sender->pending++;
        soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, purchased_cb, purchase);
      }

  while (sender->pending > 0)
    g_main_context_iteration (context, TRUE);

  g_mutex_lock (&sender->purchases->mutex);
  g_array_append_vals (sender->purchases->times, sender->times->data, sender->times->len);
  sender->purchases->failed += sender->failed;
  g_mutex_unlock (&sender->purchases->mutex);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);

  return NULL;
}

/* Each buyer buys ALBUMS_PER_BUYER albums, the i-th buyer from album i
 * on, so that every album sells ten copies: all sent at once, by
 * N_SENDERS client threads sharing MAX_CONNECTIONS connections. */
static void
bench_purchases (const char   *url,
                 GStrv         tokens,
                 const gint64 *albums)
{
  Purchases purchases = { .times = g_array_new (FALSE, FALSE, sizeof (double)) };
  Sender senders[N_SENDERS];
  GThread *threads[N_SENDERS];
  gint64 started = g_get_monotonic_time ();
  double total_s;

  g_mutex_init (&purchases.mutex);
  for (guint i = 0; i < N_SENDERS; i++)
    {
      senders[i] = (Sender) {
        .purchases = &purchases, .url = url, .tokens = tokens, .albums = albums,
        .first_buyer = i * (N_BUYERS / N_SENDERS), .n_buyers = N_BUYERS / N_SENDERS,
        .times = g_array_new (FALSE, FALSE, sizeof (double)),
      };
      threads[i] = g_thread_new ("sender", sender_thread, &senders[i]);
    }
  for (guint i = 0; i < N_SENDERS; i++)
    {
      g_thread_join (threads[i]);
      g_array_unref (senders[i].times);
    }
  total_s = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  g_print ("%u purchases over %d albums sent at once through %d connections by %d client threads: %u failed,"
           " all answered in %.2f s (%.0f purchases/s)\n", purchases.times->len, N_ALBUMS, MAX_CONNECTIONS,
           N_SENDERS, purchases.failed, total_s, purchases.times->len / total_s);
  g_print ("  each on its connection: p50 %.2f ms, p99 %.2f ms, slowest %.2f ms (target p99 <= 50 ms: %s)\n",
           fanfare_bench_percentile (purchases.times, 0.5), fanfare_bench_percentile (purchases.times, 0.99),
           fanfare_bench_percentile (purchases.times, 1.0),
           fanfare_bench_percentile (purchases.times, 0.99) <= 50 ? "met" : "MISSED");
  g_assert_cmpuint (purchases.failed, ==, 0);
  g_array_unref (purchases.times);
  g_mutex_clear (&purchases.mutex);
}

/* @token signs the requests in, or NULL: only anonymous answers are
 * cached, so signed-in ones show what the server does to answer. */
static void
bench_leaderboard (const char *url,
                   guint       n_members,
                   const char *token)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = g_strconcat (url, "/api/v1/clubs/1/leaderboard", NULL);
  g_autofree char *auth = token != NULL ? g_strconcat ("Bearer ", token, NULL) : NULL;
  gsize size = 0;
  double first;

  for (guint i = 0; i < N_LEADERBOARD; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;
      gint64 started = g_get_monotonic_time ();
      double ms;

      if (auth != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      body = soup_session_send_and_read (session, msg, NULL, &error);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
      g_array_append_val (times, ms);
      size = g_bytes_get_size (body);
    }

  first = g_array_index (times, double, 0);
  g_print ("GET /api/v1/clubs/{id}/leaderboard, a club of %u members, %u %s requests of %" G_GSIZE_FORMAT " KB:"
           " first %.2f ms, p50 %.2f ms, p99 %.2f ms (target <= 20 ms: %s)\n", n_members, times->len,
           token != NULL ? "signed-in (never cached)" : "anonymous", size / 1024,
           first, fanfare_bench_percentile (times, 0.5),
           fanfare_bench_percentile (times, 0.99), fanfare_bench_percentile (times, 0.99) <= 20 ? "met" : "MISSED");
}

/* The artist's official club: the buyers and @n_members others, each
 * of whom played the artist's tracks a few times. */
static void
generate_club (const char *path,
               gint64      artist_user,
               gint64      artist_id,
               guint       n_members)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GArray) tracks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  fanfare_bench_exec_sql (handle, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; BEGIN;");
  sql = g_strdup_printf ("INSERT INTO users (id, username, display_name, password_hash, created_at)"
                         " WITH RECURSIVE u(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM u WHERE i < %u)"
                         " SELECT 10000 + i, 'fan' || i, 'Fan ' || i, '-', 0 FROM u;"
                         "INSERT INTO fan_clubs (id, artist_id, name, official, claimed, created_at)"
                         " VALUES (1, %" G_GINT64_FORMAT ", 'Supporters', 1, 1, %" G_GINT64_FORMAT ");"
                         "INSERT INTO fan_club_members (club_id, user_id, role, joined_at)"
                         " SELECT 1, id, CASE WHEN id = %" G_GINT64_FORMAT " THEN 'founder' ELSE 'member' END,"
                         " %" G_GINT64_FORMAT " - id FROM users;",
                         n_members, artist_id, now, artist_user, now);
  fanfare_bench_exec_sql (handle, sql);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT id FROM tracks", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (tracks, id);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO plays (user_id, track_id, played_at, ms_played)"
                                       " VALUES (?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 1; i <= n_members; i++)
    for (guint p = 0; p < PLAYS_PER_MEMBER; p++)
      {
        sqlite3_bind_int64 (stmt, 1, 10000 + i);
        sqlite3_bind_int64 (stmt, 2, g_array_index (tracks, gint64, g_rand_int_range (rand, 0, tracks->len)));
        sqlite3_bind_int64 (stmt, 3, now - g_rand_int_range (rand, 0, 90 * 86400));
        sqlite3_bind_int64 (stmt, 4, g_rand_int_range (rand, 30000, 240000));
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_reset (stmt);
      }
  sqlite3_finalize (stmt);
  fanfare_bench_exec_sql (handle, "COMMIT; ANALYZE;");
  sqlite3_close (handle);
}

int
main (int   argc,
      char *argv[])
{
  const char *track_titles[] = { "Opening", "Closing", NULL };
  guint n_members = fanfare_bench_env_count ("FANFARE_BENCH_MEMBERS", 100000);
  g_autofree char *db_path = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *url = NULL;
  g_autofree char *report = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GError) error = NULL;
  gint64 albums[N_ALBUMS];
  gint64 artist_user, artist_id;
  FanfareTestStore store;
  GSubprocess *server;
  gint64 started;

  g_assert_cmpint (argc, >=, 2);
  g_set_prgname ("bench-server-store");
  g_setenv ("FANFARE_SERVER", argv[1], TRUE);

  started = g_get_monotonic_time ();
  fanfare_test_store_set_up (&store);
  artist_user = fanfare_test_store_add_account (&store, "artist", "artist password 1", FANFARE_USER_ROLE_ARTIST);
  artist_id = fanfare_catalog_store_get_artist_for_user (store.db, artist_user, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_ALBUMS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Album %u", i + 1);

      albums[i] = fanfare_test_store_add_album (&store, artist_id, title, "2026-01-01", track_titles, TRUE);
    }
  for (guint i = 0; i < N_BUYERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("buyer%u", i + 1);

      fanfare_test_store_add_account (&store, name, BUYER_PASSWORD, FANFARE_USER_ROLE_LISTENER);
    }
  db_path = g_build_filename (store.directory, "fanfare.db", NULL);
  data_dir = fanfare_test_store_close (&store);
  {
    sqlite3 *handle = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE albums SET price_cents = %d, currency = 'CNY';", PRICE_CENTS);

    g_assert_cmpint (sqlite3_open (db_path, &handle), ==, SQLITE_OK);
    fanfare_bench_exec_sql (handle, sql);
    sqlite3_close (handle);
  }
  generate_club (db_path, artist_user, artist_id, n_members);
  codes = fanfare_test_issue_codes (data_dir, "100", N_BUYERS);
  g_print ("Generated %d albums, %d buyers and a club of %u members with %u plays in %.1f s\n", N_ALBUMS, N_BUYERS,
           n_members, n_members * PLAYS_PER_MEMBER,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  {
    const char *args[] = { argv[1], "--data-dir", data_dir, "--listen", "127.0.0.1:0", NULL };

    server = fanfare_bench_spawn (args, &url);
  }

  /* Every buyer signs in and tops up their wallet. */
  for (guint i = 0; i < N_BUYERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("buyer%u", i + 1);
      g_autofree char *token = fanfare_bench_log_in (url, name, BUYER_PASSWORD);
      g_autofree char *key = g_uuid_string_random ();
      g_autofree char *body = g_strdup_printf ("{\"provider\": \"codes\", \"code\": \"%s\"}", codes[i]);
      g_autoptr(FanfareTestResponse) topped = fanfare_test_money_request (url, "/api/v1/me/wallet/top-ups", token,
                                                                          key, body);

      g_assert_cmpuint (topped->status, ==, 201);
      g_strv_builder_add (builder, token);
    }
  tokens = g_strv_builder_end (builder);

  bench_purchases (url, tokens, albums);
  bench_leaderboard (url, n_members, NULL);
  bench_leaderboard (url, n_members, tokens[0]);
  fanfare_bench_stop (server);

  /* Every transaction balanced, every charge with its album. */
  g_assert_cmpint (fanfare_test_audit (data_dir, &report), ==, 0);
  g_print ("Audit: %s\n", g_strstrip (report));
  fanfare_test_remove_tree (data_dir);

  return 0;
}
