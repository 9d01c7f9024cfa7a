/* test-client-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store through the client library and a real server: topping up,
 * buying once whatever the retries, the Purchased Albums, and nameplates
 * verified offline. */

#include "config.h"

#include <locale.h>
#include <sodium.h>
#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-client-clubs.h"
#include "fanfare-client-store.h"
#include "fanfare-client.h"
#include "fanfare-error.h"
#include "fanfare-test-client.h"
#include "fanfare-test-shop.h"
#include "fanfare-test-store.h"

#define PRICE 1200

typedef struct {
  FanfareTestServer *server;
  FanfareClient     *client;
  GAsyncResult      *result;
  gint64             album;
  gint64             artist;
} Fixture;

#define WAIT(fixture) fanfare_test_wait_result (&(fixture)->result)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *tracks[] = { "晴天", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *artist_token = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  gint64 owner, artist;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST);
  artist = fanfare_catalog_store_get_artist_for_user (store.db, owner, &error);
  g_assert_no_error (error);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fixture->artist = artist;
  fixture->album = fanfare_test_store_add_album (&store, artist, "夏天的风", "2025-07-01", tracks, TRUE);
  data_dir = fanfare_test_store_close (&store);
  fanfare_test_note_secret ("zhou password 11");
  fanfare_test_note_secret ("mei password 22");

  fixture->server = fanfare_test_server_start (data_dir, NULL);
  artist_token = fanfare_test_log_in (fixture->server, "zhou", "zhou password 11");
  fanfare_test_set_price (fixture->server, artist_token, fixture->album, PRICE);

  fixture->client = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_sign_in_async (fixture->client, "mei", "mei password 22", NULL, fanfare_test_store_result,
                                &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *report = NULL;

  g_assert_cmpint (fanfare_test_audit (fixture->server->data_dir, &report), ==, 0);
  g_clear_object (&fixture->client);
  fanfare_test_server_stop (fixture->server);
}

static gint64
top_up (Fixture    *fixture,
        const char *amount)
{
  g_auto(GStrv) codes = fanfare_test_issue_codes (fixture->server->data_dir, amount, 1);
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 balance = 0;

  fanfare_client_top_up_async (fixture->client, codes[0], key, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  g_assert_true (fanfare_client_top_up_finish (fixture->client, result, &balance, &error));
  g_assert_no_error (error);

  return balance;
}

static gint64
wallet (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  gint64 balance = -1;

  fanfare_client_get_wallet_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  g_assert_true (fanfare_client_get_wallet_finish (fixture->client, result, &balance, &currency, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (currency, ==, "CNY");

  return balance;
}

static FanfareClientPurchase *
buy (Fixture    *fixture,
     const char *key,
     GError    **error)
{
  g_autofree char *album_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->album);
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_purchase_async (fixture->client, album_id, NULL, NULL, key, NULL, fanfare_test_store_result,
                                 &fixture->result);
  result = WAIT (fixture);

  return fanfare_client_purchase_finish (fixture->client, result, error);
}

static void
test_buy_once (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *album_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->album);
  g_autoptr(FanfareClientOffer) offer = NULL;
  g_autoptr(FanfareClientPurchase) poor = NULL;
  g_autoptr(FanfareClientPurchase) first = NULL;
  g_autoptr(FanfareClientPurchase) again = NULL;
  g_autoptr(FanfareClientPurchase) lost = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_get_offer_async (fixture->client, album_id, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  offer = fanfare_client_get_offer_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (offer->for_sale);
  g_assert_cmpint (offer->price_cents, ==, PRICE);
  g_assert_false (offer->owned);

  /* Not enough money: the server's words. */
  poor = buy (fixture, "k-0", &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_PAYMENT_REQUIRED);
  g_clear_error (&error);

  g_assert_cmpint (top_up (fixture, "20"), ==, 2000);
  first = buy (fixture, "k-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->nameplate->serial, ==, 1);
  g_assert_cmpint (wallet (fixture), ==, 2000 - PRICE);

  /* The same purchase again is the first one, paid once. */
  again = buy (fixture, "k-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, first->id);
  g_assert_cmpint (wallet (fixture), ==, 2000 - PRICE);

  /* The server dies before the retry: the client says it is offline, and
  * the retry with the same key after it is back charges nothing more. */
  fanfare_test_server_kill (fixture->server);
  lost = buy (fixture, "k-1", &error);
  g_assert_null (lost);
  g_assert_true (fanfare_client_error_is_offline (error));
  g_clear_error (&error);
  fanfare_test_server_restart (fixture->server);
  lost = buy (fixture, "k-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lost->id, ==, first->id);
  g_assert_cmpint (wallet (fixture), ==, 2000 - PRICE);
}

static void
test_purchased_albums (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FanfareClientPurchase) bought = NULL;
  g_autoptr(GPtrArray) purchases = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FanfareClientPurchase *item;

  top_up (fixture, "20");
  bought = buy (fixture, "p-1", &error);
  g_assert_no_error (error);

  fanfare_client_list_purchases_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  purchases = fanfare_client_list_purchases_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purchases->len, ==, 1);
  item = g_ptr_array_index (purchases, 0);
  g_assert_cmpstr (fanfare_album_get_title (item->album), ==, "夏天的风");
  g_assert_cmpstr (item->nameplate->owner, ==, "mei");
  g_assert_null (item->from);
}

static void
test_nameplate_verify (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FanfareClientPurchase) bought = NULL;
  g_autoptr(GPtrArray) nameplates = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) key_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *album = NULL;
  g_autofree char *other_key = NULL;
  guchar other_public[32], other_secret[64];
  FanfareNameplate *nameplate;

  top_up (fixture, "20");
  bought = buy (fixture, "n-1", &error);
  g_assert_no_error (error);

  fanfare_client_get_store_key_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  key_result = WAIT (fixture);
  key = fanfare_client_get_store_key_finish (fixture->client, key_result, &error);
  g_assert_no_error (error);

  fanfare_client_list_nameplates_async (fixture->client, "mei", NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  nameplates = fanfare_client_list_nameplates_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nameplates->len, ==, 1);
  nameplate = g_ptr_array_index (nameplates, 0);

  /* Valid: verified with the server's key, no network needed. */
  g_assert_true (fanfare_nameplate_verify (nameplate, key));
  g_assert_true (fanfare_nameplate_verify (bought->nameplate, key));

  /* Tampered: a fact that is not in the signed payload. */
  nameplate->serial = 2;
  g_assert_false (fanfare_nameplate_verify (nameplate, key));
  nameplate->serial = 1;
  album = g_steal_pointer (&nameplate->album);
  nameplate->album = g_strdup ("Another album");
  g_assert_false (fanfare_nameplate_verify (nameplate, key));
  g_free (nameplate->album);
  nameplate->album = g_steal_pointer (&album);
  /* Tampered: the payload itself. */
  payload = g_strdup (nameplate->payload);
  *strstr (nameplate->payload, "owner=mei") = 'O';
  g_assert_false (fanfare_nameplate_verify (nameplate, key));
  strcpy (nameplate->payload, payload);
  g_assert_true (fanfare_nameplate_verify (nameplate, key));

  /* Wrongly keyed: another key, or none. */
  crypto_sign_keypair (other_public, other_secret);
  other_key = g_base64_encode (other_public, sizeof other_public);
  g_assert_false (fanfare_nameplate_verify (nameplate, other_key));
  g_assert_false (fanfare_nameplate_verify (nameplate, "not a key"));
}

static void
test_fan_club (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *artist_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->artist);
  g_autoptr(FanfareClientClub) club = NULL;
  g_autoptr(FanfareClientClubPost) post = NULL;
  g_autoptr(FanfareClientPurchase) bought = NULL;
  g_autoptr(GPtrArray) clubs = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) supporters = NULL;
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) posted = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GAsyncResult) ranked = NULL;
  g_autoptr(GAsyncResult) key_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  FanfareClientSupporter *top;

  fanfare_client_create_club_async (fixture->client, artist_id, "晴天后援会", TRUE, NULL, fanfare_test_store_result,
                                    &fixture->result);
  created = WAIT (fixture);
  club = fanfare_client_club_finish (fixture->client, created, &error);
  g_assert_no_error (error);
  g_assert_true (club->official);
  g_assert_false (club->claimed);
  g_assert_cmpstr (club->role, ==, "founder");

  fanfare_client_list_clubs_async (fixture->client, artist_id, NULL, fanfare_test_store_result, &fixture->result);
  listed = WAIT (fixture);
  clubs = fanfare_client_list_clubs_finish (fixture->client, listed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clubs->len, ==, 1);

  fanfare_client_add_club_post_async (fixture->client, club->id, "大家好", NULL, fanfare_test_store_result,
                                      &fixture->result);
  posted = WAIT (fixture);
  post = fanfare_client_add_club_post_finish (fixture->client, posted, &error);
  g_assert_no_error (error);
  fanfare_client_list_club_posts_async (fixture->client, club->id, NULL, fanfare_test_store_result, &fixture->result);
  read = WAIT (fixture);
  posts = fanfare_client_list_club_posts_finish (fixture->client, read, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpstr (((FanfareClientClubPost *) g_ptr_array_index (posts, 0))->body, ==, "大家好");

  /* A supporter with a verified nameplate of the artist's album. */
  top_up (fixture, "20");
  bought = buy (fixture, "c-1", &error);
  g_assert_no_error (error);
  fanfare_client_club_leaderboard_async (fixture->client, club->id, NULL, fanfare_test_store_result, &fixture->result);
  ranked = WAIT (fixture);
  supporters = fanfare_client_club_leaderboard_finish (fixture->client, ranked, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (supporters->len, ==, 1);
  top = g_ptr_array_index (supporters, 0);
  g_assert_cmpstr (top->username, ==, "mei");
  g_assert_cmpuint (top->purchases, ==, 1);
  g_assert_cmpuint (top->activity, ==, 1);
  g_assert_cmpuint (top->badge_level, ==, 2);
  g_assert_cmpuint (top->nameplates->len, ==, 1);
  fanfare_client_get_store_key_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  key_result = WAIT (fixture);
  key = fanfare_client_get_store_key_finish (fixture->client, key_result, &error);
  g_assert_true (fanfare_nameplate_verify (g_ptr_array_index (top->nameplates, 0), key));
}

static void
test_album_extras (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *album_id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->album);
  g_autofree char *path = g_strdup_printf ("/api/v1/albums/%s/extras/letter", album_id);
  g_autofree char *artist_token = fanfare_test_log_in (fixture->server, "zhou", "zhou password 11");
  g_autoptr(FanfareClientPurchase) bought = NULL;
  g_autoptr(FanfareClientExtras) extras = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GError) error = NULL;
  FanfareTestResponse *response;

  fanfare_test_note_secret (artist_token);
  response = fanfare_test_request (fixture->server, "PUT", path, artist_token, "{\"letter\": \"谢谢你听我的歌\"}");
  fanfare_test_response_free (response);

  /* Only owners read them. */
  fanfare_client_get_album_extras_async (fixture->client, album_id, NULL, fanfare_test_store_result, &fixture->result);
  refused = WAIT (fixture);
  g_assert_null (fanfare_client_get_album_extras_finish (fixture->client, refused, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  top_up (fixture, "20");
  bought = buy (fixture, "x-1", &error);
  g_assert_no_error (error);
  fanfare_client_get_album_extras_async (fixture->client, album_id, NULL, fanfare_test_store_result, &fixture->result);
  read = WAIT (fixture);
  extras = fanfare_client_get_album_extras_finish (fixture->client, read, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (extras->letter, ==, "谢谢你听我的歌");
  g_assert_cmpuint (g_strv_length (extras->photos), ==, 0);
}

static void
test_serial_format (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *grouped = NULL;

  plain = fanfare_nameplate_format_serial (7);
  g_assert_cmpstr (plain, ==, "7");
  /* The platform's home audience groups digits by three with commas. */
  if (setlocale (LC_NUMERIC, "zh_CN.UTF-8") == NULL && setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("No locale to group digits with");
      return;
    }
  grouped = fanfare_nameplate_format_serial (1234);
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (grouped, ==, "1,234");
}

/* The wallet's history, the latest first, with the balance each left. */
static void
test_wallet_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FanfareClientPurchase) bought = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  FanfareClientWalletEntry *entry;

  top_up (fixture, "20");
  bought = buy (fixture, "h-1", &error);
  g_assert_no_error (error);
  top_up (fixture, "10");

  fanfare_client_list_wallet_history_async (fixture->client, NULL, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  entries = fanfare_client_list_wallet_history_finish (fixture->client, result, &next_cursor, &error);
  g_assert_no_error (error);
  g_assert_null (next_cursor);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->kind, ==, FANFARE_CLIENT_WALLET_TOP_UP);
  g_assert_cmpint (entry->amount_cents, ==, 1000);
  g_assert_cmpint (entry->balance_cents, ==, 3000 - PRICE);
  g_assert_null (entry->album);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->kind, ==, FANFARE_CLIENT_WALLET_PURCHASE);
  g_assert_cmpint (entry->amount_cents, ==, -PRICE);
  g_assert_cmpint (entry->balance_cents, ==, 2000 - PRICE);
  g_assert_cmpstr (entry->album, ==, "夏天的风");
  g_assert_cmpstr (entry->currency, ==, "CNY");
  g_assert_nonnull (entry->created_at);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->kind, ==, FANFARE_CLIENT_WALLET_TOP_UP);
  g_assert_cmpint (entry->balance_cents, ==, 2000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/store/buy-once", Fixture, NULL, fixture_set_up, test_buy_once, fixture_tear_down);
  g_test_add ("/client/store/purchased-albums", Fixture, NULL, fixture_set_up, test_purchased_albums,
              fixture_tear_down);
  g_test_add ("/client/store/nameplate-verify", Fixture, NULL, fixture_set_up, test_nameplate_verify,
              fixture_tear_down);
  g_test_add ("/client/store/fan-club", Fixture, NULL, fixture_set_up, test_fan_club, fixture_tear_down);
  g_test_add ("/client/store/album-extras", Fixture, NULL, fixture_set_up, test_album_extras, fixture_tear_down);
  g_test_add ("/client/store/wallet-history", Fixture, NULL, fixture_set_up, test_wallet_history, fixture_tear_down);
  g_test_add_func ("/client/store/serial-format", test_serial_format);

  return g_test_run ();
}
