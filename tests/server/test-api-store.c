/* test-api-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store through the real server: prices, top-ups with codes, buying,
 * gifts, refunds, the exactly-once rules, nameplates and their signatures,
 * sales charts and what artists give their buyers. */

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "fanfare-catalog-store.h"
#include "fanfare-ledger-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"

#define PRICE 1800  /* ¥18.00 */

typedef struct {
  FanfareTestServer *server;
  char              *artist;  /* tokens */
  char              *mei;
  char              *wang;
  char              *admin;
  gint64             album;
  gint64             second_album;
  gint64             draft_album;
  gint64             artist_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *tracks[] = { "晴天", "Outro", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *config = NULL;
  gint64 owner;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST);
  fixture->artist_id = fanfare_catalog_store_get_artist_for_user (store.db, owner, &error);
  g_assert_no_error (error);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "wang", "wang password 33", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_account (&store, "root", "root password 44", FANFARE_USER_ROLE_ADMIN);
  fixture->album = fanfare_test_store_add_album (&store, fixture->artist_id, "夏天的风", "2025-07-01", tracks, TRUE);
  fixture->second_album = fanfare_test_store_add_album (&store, fixture->artist_id, "星河来信", "2026-02-01", tracks,
                                                        TRUE);
  fixture->draft_album = fanfare_test_store_add_album (&store, fixture->artist_id, "Draft", "2026-06-01", tracks,
                                                       FALSE);
  data_dir = fanfare_test_store_close (&store);

  /* A 15% fee and low tiers, from the store's configuration. */
  config = g_build_filename (data_dir, "store.ini", NULL);
  g_assert_true (g_file_set_contents (config,
                                      "[store]\nplatform-fee-percent=15\ncurrency=CNY\n"
                                      "[certifications]\ngold=2\nplatinum=3\n", -1, NULL));

  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("zhou password 11");
  fanfare_test_note_secret ("mei password 22");
  fanfare_test_note_secret ("wang password 33");
  fanfare_test_note_secret ("root password 44");
  fixture->artist = fanfare_test_log_in (fixture->server, "zhou", "zhou password 11");
  fixture->mei = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
  fixture->wang = fanfare_test_log_in (fixture->server, "wang", "wang password 33");
  fixture->admin = fanfare_test_log_in (fixture->server, "root", "root password 44");
  fanfare_test_set_price (fixture->server, fixture->artist, fixture->album, PRICE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *report = NULL;

  /* Whatever a test did, the ledger is sound after it. */
  g_assert_cmpint (fanfare_test_audit (fixture->server->data_dir, &report), ==, 0);
  g_assert_nonnull (strstr (report, "The ledger is sound"));

  fanfare_test_server_stop (fixture->server);
  g_free (fixture->artist);
  g_free (fixture->mei);
  g_free (fixture->wang);
  g_free (fixture->admin);
}

static char *
purchase_path (gint64  album_id)
{
  return g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/purchase", album_id);
}

static FanfareTestResponse *
buy (Fixture    *fixture,
     const char *token,
     gint64      album_id,
     const char *key,
     const char *body)
{
  g_autofree char *path = purchase_path (album_id);

  return fanfare_test_money_request (fixture->server->url, path, token, key, body);
}

/* Fills @token's wallet with one code worth @amount. */
static void
fill_wallet (Fixture    *fixture,
             const char *token,
             const char *amount)
{
  g_auto(GStrv) codes = fanfare_test_issue_codes (fixture->server->data_dir, amount, 1);

  fanfare_test_top_up (fixture->server, token, codes[0]);
}

static gint64
get_balance_of (Fixture    *fixture,
                const char *kind,
                gint64      owner)
{
  g_autofree char *output = NULL;
  g_autofree char *db_path = g_build_filename (fixture->server->data_dir, "fanfare.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareDatabase) db = fanfare_database_open (db_path, &error);
  gint64 balance;

  g_assert_no_error (error);
  balance = fanfare_ledger_store_get_balance (db, kind, owner, "CNY", &error);
  g_assert_no_error (error);
  fanfare_database_close (db);

  return balance;
}

static void
test_top_up (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) codes = fanfare_test_issue_codes (fixture->server->data_dir, "50", 2);
  g_autofree char *body = g_strdup_printf ("{\"code\": \"%s\"}", codes[0]);
  g_autofree char *lower = g_ascii_strdown (codes[1], -1);
  g_autofree char *other_body = g_strdup_printf ("{\"code\": \"%s\"}", lower);
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autoptr(FanfareTestResponse) reused = NULL;
  g_autoptr(FanfareTestResponse) other_key = NULL;
  g_autoptr(FanfareTestResponse) bad = NULL;
  g_autoptr(FanfareTestResponse) no_key = NULL;
  g_autoptr(FanfareTestResponse) second = NULL;

  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 0);

  first = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, "t-1", body);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpint (fanfare_test_response_get_int (first, "top_up.amount_cents"), ==, 5000);
  g_assert_cmpint (fanfare_test_response_get_int (first, "top_up.balance_cents"), ==, 5000);

  /* The same request again is the same top-up, credited once. */
  again = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, "t-1", body);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_cmpstr (fanfare_test_response_get_string (again, "top_up.id"), ==,
                   fanfare_test_response_get_string (first, "top_up.id"));
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000);

  /* A code is used once, by anyone. */
  reused = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->wang, "t-2", body);
  fanfare_test_assert_error (reused, 409, "conflict", "credited already");
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->wang), ==, 0);

  /* The key names one request: another body under it is refused. */
  other_key = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, "t-1",
                                          other_body);
  fanfare_test_assert_error (other_key, 409, "conflict", "Idempotency-Key");

  bad = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, "t-3",
                                    "{\"code\": \"AAAA-AAAA-AAAA-AAAA\"}");
  fanfare_test_assert_error (bad, 404, "not_found", NULL);
  no_key = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, NULL,
                                       other_body);
  fanfare_test_assert_error (no_key, 400, "invalid", "Idempotency-Key");

  /* Case and dashes do not matter. */
  second = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, "t-4",
                                       other_body);
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 10000);
}

static void
test_purchase (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *offer_path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/offer", fixture->album);
  g_autoptr(FanfareTestResponse) offer = NULL;
  g_autoptr(FanfareTestResponse) poor = NULL;
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) retry = NULL;
  g_autoptr(FanfareTestResponse) twice = NULL;
  g_autoptr(FanfareTestResponse) owned = NULL;
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) not_for_sale = NULL;
  g_autoptr(FanfareTestResponse) draft = NULL;
  g_autoptr(FanfareTestResponse) analytics = NULL;
  g_autoptr(FanfareTestResponse) changed = NULL;
  JsonArray *items;

  offer = fanfare_test_request (fixture->server, "GET", offer_path, NULL, NULL);
  g_assert_cmpuint (offer->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (offer, "price_cents"), ==, PRICE);
  g_assert_cmpstr (fanfare_test_response_get_string (offer, "currency"), ==, "CNY");

  /* An empty wallet pays nothing. */
  poor = buy (fixture, fixture->mei, fixture->album, "p-0", NULL);
  fanfare_test_assert_error (poor, 402, "payment_required", NULL);

  fill_wallet (fixture, fixture->mei, "50");
  bought = buy (fixture, fixture->mei, fixture->album, "p-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);
  g_assert_cmpint (fanfare_test_response_get_int (bought, "purchase.serial"), ==, 1);
  g_assert_cmpint (fanfare_test_response_get_int (bought, "purchase.price_cents"), ==, PRICE);
  g_assert_cmpint (fanfare_test_response_get_int (bought, "purchase.nameplate.serial"), ==, 1);
  g_assert_cmpstr (fanfare_test_response_get_string (bought, "purchase.nameplate.album"), ==, "夏天的风");
  g_assert_cmpstr (fanfare_test_response_get_string (bought, "purchase.nameplate.owner"), ==, "mei");
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);

  /* The artist earns the price less the platform's 15%. */
  g_assert_cmpint (get_balance_of (fixture, "artist_earnings", fixture->artist_id), ==, PRICE - PRICE * 15 / 100);
  g_assert_cmpint (get_balance_of (fixture, "platform_fee", 0), ==, PRICE * 15 / 100);

  /* The artist's analytics in the studio count the sale and its earnings. */
  analytics = fanfare_test_request (fixture->server, "GET", "/api/v1/studio/analytics?days=7", fixture->artist, NULL);
  g_assert_cmpuint (analytics->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (analytics, "analytics.sales"), ==, 1);
  g_assert_cmpint (fanfare_test_response_get_int (analytics, "analytics.revenue_cents"), ==, PRICE - PRICE * 15 / 100);
  g_assert_cmpstr (fanfare_test_response_get_string (analytics, "analytics.currency"), ==, "CNY");
  /* Today, the last of the days, has the sale and its earnings. */
  {
    JsonArray *days = fanfare_test_response_get_array (analytics, "analytics.days");
    JsonObject *today = json_array_get_object_element (days, json_array_get_length (days) - 1);

    g_assert_cmpuint (json_array_get_length (days), ==, 7);
    g_assert_cmpint (json_object_get_int_member (today, "sales"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (today, "revenue_cents"), ==, PRICE - PRICE * 15 / 100);
  }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (fanfare_test_response_get_array (analytics,
                                                                                                               "analytics.days"),
                                                                              6), "sales"), ==, 1);

  /* A retry answers the first purchase and charges nothing. */
  retry = buy (fixture, fixture->mei, fixture->album, "p-1", NULL);
  g_assert_cmpuint (retry->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (retry->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_cmpstr (fanfare_test_response_get_string (retry, "purchase.id"), ==,
                   fanfare_test_response_get_string (bought, "purchase.id"));
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);

  /* The same key for another request is refused. */
  changed = buy (fixture, fixture->mei, fixture->album, "p-1", "{\"gift_to\": \"wang\"}");
  fanfare_test_assert_error (changed, 409, "conflict", "Idempotency-Key");

  /* One copy per account: a second is only a gift. */
  twice = buy (fixture, fixture->mei, fixture->album, "p-2", NULL);
  fanfare_test_assert_error (twice, 409, "conflict", "gift");
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);

  owned = fanfare_test_request (fixture->server, "GET", offer_path, fixture->mei, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (owned->json), "owned"));

  list = fanfare_test_request (fixture->server, "GET", "/api/v1/me/purchases", fixture->mei, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = fanfare_test_response_get_array (list, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (items,
                                                                                                                0),
                                                                                 "album"), "title"), ==, "夏天的风");

  /* Not for sale, or not to be seen. */
  not_for_sale = buy (fixture, fixture->mei, fixture->second_album, "p-3", NULL);
  fanfare_test_assert_error (not_for_sale, 409, "conflict", "not for sale");
  draft = buy (fixture, fixture->mei, fixture->draft_album, "p-4", NULL);
  fanfare_test_assert_error (draft, 404, "not_found", NULL);
}

static void
test_price_rules (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/price", fixture->second_album);
  g_autoptr(FanfareTestResponse) listener = NULL;
  g_autoptr(FanfareTestResponse) negative = NULL;
  g_autoptr(FanfareTestResponse) currency = NULL;
  g_autoptr(FanfareTestResponse) off = NULL;
  g_autoptr(FanfareTestResponse) admin = NULL;

  listener = fanfare_test_request (fixture->server, "PUT", path, fixture->mei, "{\"price_cents\": 100}");
  fanfare_test_assert_error (listener, 403, "forbidden", NULL);
  negative = fanfare_test_request (fixture->server, "PUT", path, fixture->artist, "{\"price_cents\": -1}");
  fanfare_test_assert_error (negative, 400, "invalid", "price_cents");
  currency = fanfare_test_request (fixture->server, "PUT", path, fixture->artist,
                                   "{\"price_cents\": 100, \"currency\": \"yuan\"}");
  fanfare_test_assert_error (currency, 400, "invalid", "currency");
  admin = fanfare_test_request (fixture->server, "PUT", path, fixture->admin, "{\"price_cents\": 990}");
  g_assert_cmpuint (admin->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (admin->json), "for_sale"));
  off = fanfare_test_request (fixture->server, "PUT", path, fixture->artist, "{\"price_cents\": null}");
  g_assert_cmpuint (off->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (off->json), "for_sale"));
}

static void
test_gift (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) gift = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autoptr(FanfareTestResponse) self = NULL;
  g_autoptr(FanfareTestResponse) nobody = NULL;
  g_autoptr(FanfareTestResponse) inbox = NULL;
  g_autoptr(FanfareTestResponse) purchases = NULL;
  g_autoptr(FanfareTestResponse) own = NULL;
  g_autoptr(FanfareTestResponse) givers = NULL;
  JsonObject *item;

  fill_wallet (fixture, fixture->mei, "100");

  /* The giver need not own the album, and may own it too. */
  gift = buy (fixture, fixture->mei, fixture->album, "g-1", "{\"gift_to\": \"wang\", \"message\": \"生日快乐\"}");
  g_assert_cmpuint (gift->status, ==, 201);
  g_assert_true (json_node_get_boolean (json_object_get_member (json_object_get_object_member (json_node_get_object (
                                                                                                 gift->json),
                                                                                               "purchase"), "gift")));
  g_assert_cmpstr (fanfare_test_response_get_string (gift, "purchase.nameplate.owner"), ==, "wang");
  own = buy (fixture, fixture->mei, fixture->album, "g-2", NULL);
  g_assert_cmpuint (own->status, ==, 201);
  g_assert_cmpint (fanfare_test_response_get_int (own, "purchase.serial"), ==, 2);

  /* Not to someone who owns it already, not to oneself, not to nobody. */
  again = buy (fixture, fixture->mei, fixture->album, "g-3", "{\"gift_to\": \"wang\"}");
  fanfare_test_assert_error (again, 409, "conflict", "own this album already");
  self = buy (fixture, fixture->mei, fixture->album, "g-4", "{\"gift_to\": \"mei\"}");
  fanfare_test_assert_error (self, 400, "invalid", "gift_to");
  nobody = buy (fixture, fixture->mei, fixture->album, "g-5", "{\"gift_to\": \"nobody-here\"}");
  fanfare_test_assert_error (nobody, 404, "not_found", NULL);
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 10000 - 2 * PRICE);
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->wang), ==, 0);

  /* It reaches their gifts and their purchased albums. */
  inbox = fanfare_test_request (fixture->server, "GET", "/api/v1/me/gifts", fixture->wang, NULL);
  g_assert_cmpuint (inbox->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (inbox, "items")), ==, 1);
  item = json_array_get_object_element (fanfare_test_response_get_array (inbox, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "from"), ==, "mei");
  g_assert_cmpstr (json_object_get_string_member (item, "message"), ==, "生日快乐");
  purchases = fanfare_test_request (fixture->server, "GET", "/api/v1/me/purchases", fixture->wang, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (purchases, "items")), ==, 1);
  givers = fanfare_test_request (fixture->server, "GET", "/api/v1/me/gifts", fixture->mei, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (givers, "items")), ==, 0);
}

static void
test_refund (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) forbidden = NULL;
  g_autoptr(FanfareTestResponse) refunded = NULL;
  g_autoptr(FanfareTestResponse) twice = NULL;
  g_autoptr(FanfareTestResponse) list = NULL;
  g_autoptr(FanfareTestResponse) nameplate = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autofree char *refund_path = NULL;
  g_autofree char *nameplate_path = NULL;

  fill_wallet (fixture, fixture->mei, "50");
  bought = buy (fixture, fixture->mei, fixture->album, "r-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);
  refund_path = g_strdup_printf ("/api/v1/purchases/%s/refund", fanfare_test_response_get_string (bought, "purchase.id"));
  nameplate_path = g_strdup_printf ("/api/v1/nameplates/%s", fanfare_test_response_get_string (bought, "purchase.id"));

  forbidden = fanfare_test_request (fixture->server, "POST", refund_path, fixture->mei, NULL);
  fanfare_test_assert_error (forbidden, 403, "forbidden", NULL);

  refunded = fanfare_test_request (fixture->server, "POST", refund_path, fixture->admin, NULL);
  g_assert_cmpuint (refunded->status, ==, 200);
  g_assert_true (json_node_get_boolean (json_object_get_member (json_object_get_object_member (json_node_get_object (
                                                                                                 refunded->json),
                                                                                               "purchase"),
                                                                "refunded")));
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000);
  g_assert_cmpint (get_balance_of (fixture, "artist_earnings", fixture->artist_id), ==, 0);
  g_assert_cmpint (get_balance_of (fixture, "platform_fee", 0), ==, 0);

  twice = fanfare_test_request (fixture->server, "POST", refund_path, fixture->admin, NULL);
  fanfare_test_assert_error (twice, 409, "conflict", "refunded already");

  /* The album and its nameplate went with the money. */
  list = fanfare_test_request (fixture->server, "GET", "/api/v1/me/purchases", fixture->mei, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (list, "items")), ==, 0);
  nameplate = fanfare_test_request (fixture->server, "GET", nameplate_path, NULL, NULL);
  g_assert_cmpuint (nameplate->status, ==, 404);

  /* It may be bought again, with a new serial. */
  again = buy (fixture, fixture->mei, fixture->album, "r-2", NULL);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_cmpint (fanfare_test_response_get_int (again, "purchase.serial"), ==, 2);
}

typedef struct {
  const char *url;
  const char *token;
  char       *path;
  const char *key;
  GMutex      mutex;
  GCond       cond;
  gboolean    go;
} Race;

static gpointer
race_thread (gpointer  data)
{
  Race *race = data;
  FanfareTestResponse *response;

  g_mutex_lock (&race->mutex);
  while (!race->go)
    g_cond_wait (&race->cond, &race->mutex);
  g_mutex_unlock (&race->mutex);

  response = fanfare_test_money_request (race->url, race->path, race->token, race->key, NULL);

  return response;
}

/* @n requests at the same moment; @same_key: all with one key, or each
 * with its own. Returns their responses. */
static GPtrArray *
race (Fixture    *fixture,
      const char *token,
      gint64      album_id,
      guint       n,
      gboolean    same_key)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *responses = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_test_response_free);
  Race *races = g_new0 (Race, n);
  g_autofree char *path = purchase_path (album_id);
  g_autofree char *shared_key = g_uuid_string_random ();

  for (guint i = 0; i < n; i++)
    {
      char *key = same_key ? g_strdup (shared_key) : g_uuid_string_random ();

      g_ptr_array_add (keys, key);
      races[i] = (Race) { fixture->server->url, token, path, key };
      g_mutex_init (&races[i].mutex);
      g_cond_init (&races[i].cond);
      g_ptr_array_add (threads, g_thread_new ("race", race_thread, &races[i]));
    }

  for (guint i = 0; i < n; i++)
    {
      g_mutex_lock (&races[i].mutex);
      races[i].go = TRUE;
      g_cond_signal (&races[i].cond);
      g_mutex_unlock (&races[i].mutex);
    }

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (responses, g_thread_join (g_ptr_array_index (threads, i)));
      g_mutex_clear (&races[i].mutex);
      g_cond_clear (&races[i].cond);
    }
  g_free (races);

  return responses;
}

static void
test_concurrent_same_key (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) responses = NULL;
  const char *purchase_id = NULL;

  fill_wallet (fixture, fixture->mei, "50");
  responses = race (fixture, fixture->mei, fixture->album, 24, TRUE);

  /* Every copy answers the one purchase. */
  for (guint i = 0; i < responses->len; i++)
    {
      FanfareTestResponse *response = g_ptr_array_index (responses, i);

      g_assert_cmpuint (response->status, ==, 201);
      if (purchase_id == NULL)
        purchase_id = fanfare_test_response_get_string (response, "purchase.id");
      g_assert_cmpstr (fanfare_test_response_get_string (response, "purchase.id"), ==, purchase_id);
    }

  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);
}

static void
test_concurrent_keys (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) responses = NULL;
  guint bought = 0, refused = 0;

  fill_wallet (fixture, fixture->mei, "50");
  responses = race (fixture, fixture->mei, fixture->album, 24, FALSE);

  /* Different requests for the same album: one buys, the rest own it. */
  for (guint i = 0; i < responses->len; i++)
    {
      FanfareTestResponse *response = g_ptr_array_index (responses, i);

      if (response->status == 201)
        bought++;
      else
        {
          fanfare_test_assert_error (response, 409, "conflict", NULL);
          refused++;
        }
    }

  g_assert_cmpuint (bought, ==, 1);
  g_assert_cmpuint (refused, ==, 23);
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);
}

static JsonObject *
first_nameplate (Fixture    *fixture,
                 const char *username)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%s/nameplates", username);
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);

  return json_object_ref (json_array_get_object_element (items, 0));
}

static gboolean
verify (const char   *payload,
        const char   *signature_base64,
        const guchar *public_key)
{
  gsize length = 0;
  g_autofree guchar * signature = g_base64_decode (signature_base64, &length);

  return length == crypto_sign_BYTES &&
         crypto_sign_verify_detached (signature, (const guchar *) payload, strlen (payload), public_key) == 0;
}

static void
test_nameplate_signature (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) key = NULL;
  g_autoptr(JsonObject) nameplate = NULL;
  g_autofree guchar * public_key = NULL;
  g_autofree char *key_path = g_build_filename (fixture->server->data_dir, "nameplate-signing.key", NULL);
  g_autofree char *tampered = NULL;
  g_autofree char *expected_line = NULL;
  guchar other_public[crypto_sign_PUBLICKEYBYTES], other_secret[crypto_sign_SECRETKEYBYTES];
  const char *payload, *signature;
  gsize length = 0;
  struct stat st;

  g_assert_cmpint (sodium_init (), >=, 0);
  fill_wallet (fixture, fixture->mei, "50");
  bought = buy (fixture, fixture->mei, fixture->album, "n-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);

  /* The private key is the server's user's alone. */
  g_assert_cmpint (stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  key = fanfare_test_request (fixture->server, "GET", "/api/v1/store/public-key", NULL, NULL);
  g_assert_cmpuint (key->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (key, "algorithm"), ==, "ed25519");
  public_key = g_base64_decode (fanfare_test_response_get_string (key, "public_key"), &length);
  g_assert_cmpuint (length, ==, crypto_sign_PUBLICKEYBYTES);

  nameplate = first_nameplate (fixture, "mei");
  payload = json_object_get_string_member (nameplate, "payload");
  signature = json_object_get_string_member (nameplate, "signature");
  g_assert_cmpstr (json_object_get_string_member (nameplate, "key_id"), ==,
                   fanfare_test_response_get_string (key, "key_id"));

  /* Valid, and the payload holds what the nameplate shows. */
  g_assert_true (verify (payload, signature, public_key));
  g_assert_true (g_str_has_prefix (payload, "fanfare-nameplate-1\n"));
  g_assert_nonnull (strstr (payload, "\nserial=1\n"));
  g_assert_nonnull (strstr (payload, "\nowner=mei\n"));
  expected_line = g_strdup_printf ("\nalbum=%s\n", json_object_get_string_member (nameplate, "album"));
  g_assert_nonnull (strstr (payload, expected_line));

  /* Tampered: another serial number. */
  tampered = g_strdup (payload);
  *strstr (tampered, "serial=1") = 'S';
  g_assert_false (verify (tampered, signature, public_key));
  g_free (tampered);
  tampered = g_strdup (payload);
  strstr (tampered, "serial=1")[7] = '2';
  g_assert_false (verify (tampered, signature, public_key));

  /* Wrongly keyed: another key does not verify it. */
  crypto_sign_keypair (other_public, other_secret);
  g_assert_false (verify (payload, signature, other_public));
}

static void
test_sales_chart (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) before = NULL;
  g_autoptr(FanfareTestResponse) one = NULL;
  g_autoptr(FanfareTestResponse) gifts = NULL;
  g_autoptr(FanfareTestResponse) weekly = NULL;
  g_autoptr(FanfareTestResponse) all_time = NULL;
  g_autoptr(FanfareTestResponse) bad = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  JsonObject *entry;

  before = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/sales?period=daily", NULL, NULL);
  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (before, "items")), ==, 0);

  fill_wallet (fixture, fixture->mei, "100");
  fill_wallet (fixture, fixture->wang, "100");
  response = buy (fixture, fixture->mei, fixture->album, "c-1", NULL);
  g_assert_cmpuint (response->status, ==, 201);
  one = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/sales?period=daily", NULL, NULL);
  entry = json_array_get_object_element (fanfare_test_response_get_array (one, "items"), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "buyers"), ==, 1);
  g_assert_false (json_object_has_member (entry, "certification"));

  /* Gifts bought by the same account count once. */
  g_clear_pointer (&response, fanfare_test_response_free);
  response = buy (fixture, fixture->mei, fixture->album, "c-2", "{\"gift_to\": \"wang\"}");
  g_assert_cmpuint (response->status, ==, 201);
  gifts = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/sales?period=daily", NULL, NULL);
  entry = json_array_get_object_element (fanfare_test_response_get_array (gifts, "items"), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "buyers"), ==, 1);

  /* Another buyer reaches gold (2 in this server's configuration). */
  g_clear_pointer (&response, fanfare_test_response_free);
  response = buy (fixture, fixture->wang, fixture->album, "c-3", "{\"gift_to\": \"zhou\"}");
  g_assert_cmpuint (response->status, ==, 201);
  weekly = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/sales?period=weekly", NULL, NULL);
  entry = json_array_get_object_element (fanfare_test_response_get_array (weekly, "items"), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "rank"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (entry, "buyers"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "certification"), ==, "gold");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "album"), "title"), ==,
                   "夏天的风");
  all_time = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/sales?period=all_time", NULL, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (all_time, "items")), ==, 1);

  bad = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/sales?period=monthly", NULL, NULL);
  fanfare_test_assert_error (bad, 400, "invalid", "period");
}

static void
test_extras (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *letter_path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/extras/letter",
                                                  fixture->album);
  g_autofree char *extras_path = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/extras", fixture->album);
  g_autoptr(FanfareTestResponse) by_listener = NULL;
  g_autoptr(FanfareTestResponse) written = NULL;
  g_autoptr(FanfareTestResponse) not_owner = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  g_autoptr(FanfareTestResponse) owner = NULL;

  by_listener = fanfare_test_request (fixture->server, "PUT", letter_path, fixture->mei, "{\"letter\": \"Hi\"}");
  fanfare_test_assert_error (by_listener, 403, "forbidden", NULL);
  written = fanfare_test_request (fixture->server, "PUT", letter_path, fixture->artist,
                                  "{\"letter\": \"谢谢你听我的歌\"}");
  g_assert_cmpuint (written->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (written, "letter"), ==, "谢谢你听我的歌");

  /* Only owners read it. */
  not_owner = fanfare_test_request (fixture->server, "GET", extras_path, fixture->mei, NULL);
  fanfare_test_assert_error (not_owner, 403, "forbidden", NULL);
  fill_wallet (fixture, fixture->mei, "50");
  response = buy (fixture, fixture->mei, fixture->album, "e-1", NULL);
  g_assert_cmpuint (response->status, ==, 201);
  owner = fanfare_test_request (fixture->server, "GET", extras_path, fixture->mei, NULL);
  g_assert_cmpuint (owner->status, ==, 200);
  g_assert_cmpstr (fanfare_test_response_get_string (owner, "letter"), ==, "谢谢你听我的歌");
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (owner, "photos")), ==, 0);
}

/* What one account does with its wallet and its albums grants nothing to
 * another, and nobody moves another's money. */
static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *second_offer = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/offer", fixture->second_album);
  g_autofree char *second_extras = g_strdup_printf ("/api/v1/albums/%" G_GINT64_FORMAT "/extras",
                                                    fixture->second_album);
  g_autofree char *refund_path = NULL;
  g_auto(GStrv) codes = fanfare_test_issue_codes (fixture->server->data_dir, "50", 2);
  g_autofree char *mei_code = g_strdup_printf ("{\"code\": \"%s\"}", codes[0]);
  g_autofree char *wang_code = g_strdup_printf ("{\"code\": \"%s\"}", codes[1]);
  g_autoptr(FanfareTestResponse) topped = NULL;
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) nameplates = NULL;
  g_autoptr(FanfareTestResponse) offer = NULL;
  g_autoptr(FanfareTestResponse) extras = NULL;
  g_autoptr(FanfareTestResponse) poor = NULL;
  g_autoptr(FanfareTestResponse) other_topped = NULL;
  g_autoptr(FanfareTestResponse) other_bought = NULL;
  g_autoptr(FanfareTestResponse) refund = NULL;
  g_autoptr(FanfareTestResponse) mine = NULL;
  JsonArray *items;

  fanfare_test_set_price (fixture->server, fixture->artist, fixture->second_album, PRICE);
  topped = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->mei, "k-1",
                                       mei_code);
  g_assert_cmpuint (topped->status, ==, 201);
  bought = buy (fixture, fixture->mei, fixture->album, "k-2", NULL);
  g_assert_cmpuint (bought->status, ==, 201);

  /* Album A's purchase is A's nameplate alone: B is not owned, and its
   * extras stay closed. */
  nameplates = fanfare_test_request (fixture->server, "GET", "/api/v1/users/mei/nameplates", NULL, NULL);
  items = fanfare_test_response_get_array (nameplates, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "album"), ==, "夏天的风");
  offer = fanfare_test_request (fixture->server, "GET", second_offer, fixture->mei, NULL);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (offer->json), "owned"));
  extras = fanfare_test_request (fixture->server, "GET", second_extras, fixture->mei, NULL);
  fanfare_test_assert_error (extras, 403, "forbidden", NULL);

  /* Mei's keys are hers: under them Wang's requests are his own, paid
   * from his wallet or refused, and never answer with Mei's results. */
  poor = buy (fixture, fixture->wang, fixture->second_album, "k-2", NULL);
  fanfare_test_assert_error (poor, 402, "payment_required", NULL);
  other_topped = fanfare_test_money_request (fixture->server->url, "/api/v1/me/wallet/top-ups", fixture->wang, "k-1",
                                             wang_code);
  g_assert_cmpuint (other_topped->status, ==, 201);
  g_assert_null (soup_message_headers_get_one (other_topped->headers, "Idempotent-Replayed"));
  g_assert_cmpstr (fanfare_test_response_get_string (other_topped, "top_up.id"), !=,
                   fanfare_test_response_get_string (topped, "top_up.id"));
  other_bought = buy (fixture, fixture->wang, fixture->second_album, "k-2", NULL);
  g_assert_cmpuint (other_bought->status, ==, 201);
  g_assert_null (soup_message_headers_get_one (other_bought->headers, "Idempotent-Replayed"));
  g_assert_cmpstr (fanfare_test_response_get_string (other_bought, "purchase.nameplate.owner"), ==, "wang");
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->wang), ==, 5000 - PRICE);

  /* Nor does anyone but an admin refund Mei's purchase. */
  refund_path = g_strdup_printf ("/api/v1/purchases/%s/refund", fanfare_test_response_get_string (bought, "purchase.id"));
  refund = fanfare_test_request (fixture->server, "POST", refund_path, fixture->wang, NULL);
  fanfare_test_assert_error (refund, 403, "forbidden", NULL);
  mine = fanfare_test_request (fixture->server, "GET", "/api/v1/me/purchases", fixture->mei, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (mine, "items")), ==, 1);
  g_assert_cmpint (fanfare_test_wallet_balance (fixture->server, fixture->mei), ==, 5000 - PRICE);
}

static void
assert_entry (JsonArray  *items,
              guint       index,
              const char *kind,
              gint64      amount_cents,
              gint64      balance_cents,
              const char *album)
{
  JsonObject *entry = json_array_get_object_element (items, index);

  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, kind);
  g_assert_cmpint (json_object_get_int_member (entry, "amount_cents"), ==, amount_cents);
  g_assert_cmpint (json_object_get_int_member (entry, "balance_cents"), ==, balance_cents);
  g_assert_cmpstr (json_object_get_string_member (entry, "currency"), ==, "CNY");
  g_assert_cmpstr (json_object_get_string_member_with_default (entry, "album", NULL), ==, album);
  g_assert_true (json_object_has_member (entry, "created_at"));
}

/* The wallet's history, the latest first, page by page, with what each
 * entry was for and the balance it left; one's own only. */
static void
test_wallet_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *refund_path = NULL;
  g_autofree char *second_path = NULL;
  g_autoptr(FanfareTestResponse) bought = NULL;
  g_autoptr(FanfareTestResponse) gift = NULL;
  g_autoptr(FanfareTestResponse) refunded = NULL;
  g_autoptr(FanfareTestResponse) first_page = NULL;
  g_autoptr(FanfareTestResponse) second_page = NULL;
  g_autoptr(FanfareTestResponse) wang = NULL;
  g_autoptr(FanfareTestResponse) anonymous = NULL;
  g_autoptr(FanfareTestResponse) bad_cursor = NULL;
  JsonArray *items;

  fill_wallet (fixture, fixture->mei, "50");
  bought = buy (fixture, fixture->mei, fixture->album, "h-1", NULL);
  g_assert_cmpuint (bought->status, ==, 201);
  gift = buy (fixture, fixture->mei, fixture->album, "h-2", "{\"gift_to\": \"wang\"}");
  g_assert_cmpuint (gift->status, ==, 201);
  refund_path = g_strdup_printf ("/api/v1/purchases/%s/refund", fanfare_test_response_get_string (bought, "purchase.id"));
  refunded = fanfare_test_request (fixture->server, "POST", refund_path, fixture->admin, NULL);
  g_assert_cmpuint (refunded->status, ==, 200);

  first_page = fanfare_test_request (fixture->server, "GET", "/api/v1/me/wallet/history?limit=2", fixture->mei, NULL);
  g_assert_cmpuint (first_page->status, ==, 200);
  items = fanfare_test_response_get_array (first_page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  assert_entry (items, 0, "refund", PRICE, 5000 - PRICE, "夏天的风");
  assert_entry (items, 1, "gift", -PRICE, 5000 - 2 * PRICE, "夏天的风");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "to"), ==, "wang");
  g_assert_nonnull (fanfare_test_response_get_string (first_page, "next_cursor"));

  second_path = g_strdup_printf ("/api/v1/me/wallet/history?limit=2&cursor=%s",
                                 fanfare_test_response_get_string (first_page, "next_cursor"));
  second_page = fanfare_test_request (fixture->server, "GET", second_path, fixture->mei, NULL);
  g_assert_cmpuint (second_page->status, ==, 200);
  items = fanfare_test_response_get_array (second_page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  assert_entry (items, 0, "purchase", -PRICE, 5000 - PRICE, "夏天的风");
  g_assert_false (json_object_has_member (json_array_get_object_element (items, 0), "to"));
  assert_entry (items, 1, "top-up", 5000, 5000, NULL);
  g_assert_true (json_node_is_null (json_object_get_member (json_node_get_object (second_page->json), "next_cursor")));

  /* The gift's receiver paid nothing; nobody reads another's history. */
  wang = fanfare_test_request (fixture->server, "GET", "/api/v1/me/wallet/history", fixture->wang, NULL);
  g_assert_cmpuint (wang->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (wang, "items")), ==, 0);
  anonymous = fanfare_test_request (fixture->server, "GET", "/api/v1/me/wallet/history", NULL, NULL);
  g_assert_cmpuint (anonymous->status, ==, 401);
  bad_cursor = fanfare_test_request (fixture->server, "GET", "/api/v1/me/wallet/history?cursor=%21", fixture->mei,
                                     NULL);
  fanfare_test_assert_error (bad_cursor, 400, "invalid", "cursor");
}

static void
test_audit_finds_problems (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->server->data_dir, "fanfare.db", NULL);
  g_autofree char *report = NULL;
  g_autoptr(FanfareTestResponse) response = NULL;
  sqlite3 *handle = NULL;

  fill_wallet (fixture, fixture->mei, "50");
  response = buy (fixture, fixture->mei, fixture->album, "a-1", NULL);
  g_assert_cmpuint (response->status, ==, 201);

  /* Money from nowhere, and a cached balance that lies. */
  g_assert_cmpint (sqlite3_open (db_path, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 10000);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "BEGIN;"
                                 "INSERT INTO ledger_transactions (kind, created_at) VALUES ('topup', 0);"
                                 "INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)"
                                 "  SELECT MAX (id), (SELECT id FROM ledger_accounts WHERE kind = 'user_wallet'), 1"
                                 "  FROM ledger_transactions;"
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Entries cannot be changed or deleted. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE ledger_entries SET amount_cents = 0", NULL, NULL, NULL), !=,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM ledger_entries", NULL, NULL, NULL), !=, SQLITE_OK);

  g_assert_cmpint (fanfare_test_audit (fixture->server->data_dir, &report), ==, 1);
  g_assert_nonnull (strstr (report, "PROBLEM: a transaction does not sum to zero"));
  g_assert_nonnull (strstr (report, "PROBLEM: an account's balance is not the sum of its entries"));
  g_assert_nonnull (strstr (report, "PROBLEM: a credit has no top-up"));
  g_clear_pointer (&report, g_free);

  /* Put right with reversing entries, so the tear-down's audit passes. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "BEGIN;"
                                 "INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)"
                                 "  SELECT MAX (id), (SELECT id FROM ledger_accounts WHERE kind = 'topup_source'), -1"
                                 "  FROM ledger_transactions;"
                                 "UPDATE ledger_accounts SET balance_cents = balance_cents + 1 WHERE kind = 'user_wallet';"
                                 "UPDATE ledger_accounts SET balance_cents = balance_cents - 1 WHERE kind = 'topup_source';"
                                 "INSERT INTO topups (user_id, provider, reference, amount_cents, currency,"
                                 "  transaction_id, created_at) SELECT 0, 'test', 'fix', 1, 'CNY', MAX (id), 0"
                                 "  FROM ledger_transactions;"
                                 "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/api/store/top-up", Fixture, NULL, fixture_set_up, test_top_up, fixture_tear_down);
  g_test_add ("/api/store/purchase", Fixture, NULL, fixture_set_up, test_purchase, fixture_tear_down);
  g_test_add ("/api/store/price-rules", Fixture, NULL, fixture_set_up, test_price_rules, fixture_tear_down);
  g_test_add ("/api/store/gift", Fixture, NULL, fixture_set_up, test_gift, fixture_tear_down);
  g_test_add ("/api/store/refund", Fixture, NULL, fixture_set_up, test_refund, fixture_tear_down);
  g_test_add ("/api/store/concurrent-same-key", Fixture, NULL, fixture_set_up, test_concurrent_same_key,
              fixture_tear_down);
  g_test_add ("/api/store/concurrent-keys", Fixture, NULL, fixture_set_up, test_concurrent_keys, fixture_tear_down);
  g_test_add ("/api/store/nameplate-signature", Fixture, NULL, fixture_set_up, test_nameplate_signature,
              fixture_tear_down);
  g_test_add ("/api/store/sales-chart", Fixture, NULL, fixture_set_up, test_sales_chart, fixture_tear_down);
  g_test_add ("/api/store/extras", Fixture, NULL, fixture_set_up, test_extras, fixture_tear_down);
  g_test_add ("/api/store/permissions", Fixture, NULL, fixture_set_up, test_permissions, fixture_tear_down);
  g_test_add ("/api/store/wallet-history", Fixture, NULL, fixture_set_up, test_wallet_history, fixture_tear_down);
  g_test_add ("/api/store/audit-finds-problems", Fixture, NULL, fixture_set_up, test_audit_finds_problems,
              fixture_tear_down);

  return g_test_run ();
}
