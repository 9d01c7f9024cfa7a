/* test-store-crash.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real server killed with SIGKILL at random moments during a stream
 * of purchases, and started again; the client retries whatever got no
 * answer with the same key, as the app does. In the end every purchase
 * was charged once, every charge has its album and every album its
 * charge, and `fanfare-server audit` finds the ledger sound. */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"

#define N_LISTENERS 6
#define N_ALBUMS    10
#define MIN_KILLS   5
#define PRICE       990
#define TOP_UP      "200"

typedef struct {
  char       *path;
  const char *token;
  char       *key;
  char       *body;
  gboolean    answered;
} Order;

typedef struct {
  GSubprocess *process;
  GMutex       mutex;
  GCond        cond;
  gboolean     cancelled;
  guint        delay_ms;
} Killer;

static void
order_free (gpointer  data)
{
  Order *order = data;

  g_free (order->path);
  g_free (order->key);
  g_free (order->body);
  g_free (order);
}

/* Kills the server after a random delay, unless the round ends first. */
static gpointer
killer_thread (gpointer  data)
{
  Killer *killer = data;
  gint64 deadline = g_get_monotonic_time () + killer->delay_ms * G_TIME_SPAN_MILLISECOND;
  gboolean kill = TRUE;

  g_mutex_lock (&killer->mutex);
  while (!killer->cancelled)
    if (!g_cond_wait_until (&killer->cond, &killer->mutex, deadline))
      break;
  kill = !killer->cancelled;
  g_mutex_unlock (&killer->mutex);

  if (kill)
    g_subprocess_send_signal (killer->process, SIGKILL);

  return GINT_TO_POINTER (kill);
}

/* Forgets a killed server but keeps its data folder. */
static void
reap (FanfareTestServer *server)
{
  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->session);
  g_object_unref (server->process);
  g_free (server->data_dir);
  g_free (server->url);
  g_free (server->log_path);
  g_free (server);
}

static void
test_sigkill_during_purchases (void)
{
  const char *tracks[] = { "一", "二", NULL };
  const char *names[N_LISTENERS] = { "an", "bo", "cai", "dong", "er", "fang" };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (order_free);
  g_auto(GStrv) codes = NULL;
  g_autofree char *report = NULL;
  g_autofree char *expected = NULL;
  char *tokens[N_LISTENERS], *artist_token;
  gint64 albums[N_ALBUMS], artist_user, artist_id;
  FanfareTestServer *server;
  guint answered = 0, kills = 0, rounds = 0, stalled = 0;

  fanfare_test_store_set_up (&store);
  artist_user = fanfare_test_store_add_account (&store, "artist", "artist password 1", FANFARE_USER_ROLE_ARTIST);
  artist_id = fanfare_catalog_store_get_artist_for_user (store.db, artist_user, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_ALBUMS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Album %u", i);

      albums[i] = fanfare_test_store_add_album (&store, artist_id, title, "2026-01-01", tracks, TRUE);
    }
  for (guint i = 0; i < N_LISTENERS; i++)
    {
      g_autofree char *password = g_strdup_printf ("%s password 2", names[i]);

      fanfare_test_store_add_account (&store, names[i], password, FANFARE_USER_ROLE_LISTENER);
      fanfare_test_note_secret (password);
    }
  fanfare_test_store_add_account (&store, "friend", "friend password 3", FANFARE_USER_ROLE_LISTENER);
  data_dir = fanfare_test_store_close (&store);
  fanfare_test_note_secret ("artist password 1");
  fanfare_test_note_secret ("friend password 3");

  codes = fanfare_test_issue_codes (data_dir, TOP_UP, N_LISTENERS);
  server = fanfare_test_server_start (data_dir, NULL);
  artist_token = fanfare_test_log_in (server, "artist", "artist password 1");
  for (guint i = 0; i < N_ALBUMS; i++)
    fanfare_test_set_price (server, artist_token, albums[i], PRICE);
  for (guint i = 0; i < N_LISTENERS; i++)
    {
      g_autofree char *password = g_strdup_printf ("%s password 2", names[i]);

      tokens[i] = fanfare_test_log_in (server, names[i], password);
      g_assert_cmpint (fanfare_test_top_up (server, tokens[i], codes[i]), ==, 20000);
    }

  /* Everyone buys every album, and gives one to a friend. */
  for (guint a = 0; a < N_ALBUMS; a++)
    for (guint i = 0; i < N_LISTENERS; i++)
      {
        Order *order = g_new0 (Order, 1);

        order->path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", albums[a]);
        order->token = tokens[i];
        order->key = g_uuid_string_random ();
        g_ptr_array_add (orders, order);
        if (a == i)
          {
            order = g_new0 (Order, 1);
            order->path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", albums[a]);
            order->token = tokens[i];
            order->key = g_uuid_string_random ();
            order->body = g_strdup ("{\"gift_to\": \"friend\", \"message\": \"for you\"}");
            g_ptr_array_add (orders, order);
          }
      }

  /* Until every order is answered and the server was killed a few times. */
  while (answered < orders->len || kills < MIN_KILLS)
    {
      Killer killer = { server->process };
      GThread *thread;
      gboolean killed;

      g_assert_cmpuint (++rounds, <, 500);
      g_mutex_init (&killer.mutex);
      g_cond_init (&killer.cond);
      /* A slow server (a busy machine, a sanitizer) gets longer the more
       * rounds it went without answering anything new. */
      killer.delay_ms = g_test_rand_int_range (1, 60) << MIN (stalled, 7);
      thread = g_thread_new ("killer", killer_thread, &killer);

      /* Each order is sent until it is answered; a copy may follow. Once
       * all are answered, copies go on until the server is killed. */
      if (answered < orders->len)
        stalled++;
      for (guint i = 0;; i++)
        {
          Order *order;
          g_autoptr(FanfareTestResponse) response = NULL;

          if (i == orders->len)
            {
              if (kills >= MIN_KILLS)
                break;
              i = 0;
            }

          order = g_ptr_array_index (orders, i);
          if (order->answered && !g_test_rand_bit ())
            continue;

          response = fanfare_test_money_try (server->url, order->path, order->token, order->key, order->body);
          if (response == NULL)
            break;

          g_assert_cmpuint (response->status, ==, 201);
          if (!order->answered)
            {
              answered++;
              stalled = 0;
            }
          order->answered = TRUE;
        }

      g_mutex_lock (&killer.mutex);
      killer.cancelled = TRUE;
      g_cond_signal (&killer.cond);
      g_mutex_unlock (&killer.mutex);
      killed = GPOINTER_TO_INT (g_thread_join (thread));
      g_mutex_clear (&killer.mutex);
      g_cond_clear (&killer.cond);

      if (killed)
        {
          kills++;
          reap (server);
          server = fanfare_test_server_start (data_dir, NULL);
        }
    }

  g_test_message ("%u orders in %u rounds, %u kills", orders->len, rounds, kills);
  g_assert_cmpuint (kills, >=, MIN_KILLS);

  /* Each paid once: every album and a gift. */
  for (guint i = 0; i < N_LISTENERS; i++)
    {
      g_autoptr(FanfareTestResponse) purchases = fanfare_test_request (server, "GET", "/api/v1/me/purchases", tokens[i],
                                                                       NULL);

      g_assert_cmpint (fanfare_test_wallet_balance (server, tokens[i]), ==, 20000 - (N_ALBUMS + 1) * PRICE);
      g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (purchases, "items")), ==, N_ALBUMS);
    }

  g_assert_cmpint (fanfare_test_audit (data_dir, &report), ==, 0);
  g_test_message ("%s", report);
  expected = g_strdup_printf ("ok purchases not refunded have their album: %u checked, 0 wrong", orders->len);
  g_assert_nonnull (strstr (report, expected));
  g_free (expected);
  expected = g_strdup_printf ("ok charges have their purchase: %u checked, 0 wrong", orders->len);
  g_assert_nonnull (strstr (report, expected));

  fanfare_test_server_stop (server);
  for (guint i = 0; i < N_LISTENERS; i++)
    g_free (tokens[i]);
  g_free (artist_token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/sigkill-during-purchases", test_sigkill_during_purchases);

  return g_test_run ();
}
