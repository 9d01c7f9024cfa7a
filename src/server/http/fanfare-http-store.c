/* fanfare-http-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's money: albums' prices, buying (for oneself or as a gift),
 * the wallet and its top-ups, refunds. Every request that moves money
 * names itself with an Idempotency-Key; the ledger answers a retry with
 * the first result and refuses the key for a different request. */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "fanfare-album.h"
#include "fanfare-catalog-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-store.h"
#include "fanfare-json.h"
#include "fanfare-ledger-store.h"
#include "fanfare-request.h"
#include "fanfare-server.h"
#include "fanfare-shop.h"

#define MAX_KEY_LENGTH     200
#define MAX_MESSAGE_LENGTH 1000
#define MAX_PRICE_CENTS    (G_GINT64_CONSTANT (1000000) * 100)

static FanfareShop *
get_shop (FanfareRequest *request)
{
  return fanfare_server_get_shop (fanfare_request_get_server (request));
}

/* The key and a digest of the request: what it is, on what, and its body. */
static gboolean
read_money_request (FanfareRequest      *request,
                    const char          *what,
                    FanfareMoneyRequest *money,
                    char                 hash[65])
{
  const char *key = fanfare_request_get_header (request, "Idempotency-Key");
  GBytes *body = fanfare_request_get_body (request);
  g_autofree char *head = NULL;
  crypto_hash_sha256_state state;
  unsigned char digest[crypto_hash_sha256_BYTES];

  if (key == NULL || *key == '\0' || strlen (key) > MAX_KEY_LENGTH)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "A request that moves money needs an Idempotency-Key of 1 to 200 characters");
      return FALSE;
    }

  head = g_strdup_printf ("%s %s\n", what, fanfare_request_get_param (request, "id") != NULL
                          ? fanfare_request_get_param (request, "id") : "");
  crypto_hash_sha256_init (&state);
  crypto_hash_sha256_update (&state, (const unsigned char *) head, strlen (head));
  if (body != NULL)
    crypto_hash_sha256_update (&state, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  crypto_hash_sha256_final (&state, digest);
  sodium_bin2hex (hash, 65, digest, sizeof digest);

  money->user_id = fanfare_request_get_viewer (request)->user_id;
  money->key = key;
  money->request_hash = hash;

  return TRUE;
}

void
fanfare_http_store_add_int (JsonBuilder *builder,
                            const char  *member,
                            gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
fanfare_http_store_add_string (JsonBuilder *builder,
                               const char  *member,
                               const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
fanfare_http_store_add_id (JsonBuilder *builder,
                           const char  *member,
                           gint64       id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  fanfare_http_store_add_string (builder, member, text);
}

void
fanfare_http_store_add_time (JsonBuilder *builder,
                             const char  *member,
                             gint64       unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = g_date_time_format_iso8601 (time);

  fanfare_http_store_add_string (builder, member, text);
}

/* Ends the object @builder began and answers it. */
void
fanfare_http_store_respond (FanfareRequest *request,
                            guint           status,
                            JsonBuilder    *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  fanfare_request_respond_json (request, status, root);
}

/* A NAMEPLATE: the facts, the signed payload and its signature. */
void
fanfare_http_add_nameplate (JsonBuilder                  *builder,
                            FanfareRequest               *request,
                            const FanfareNameplateRecord *record)
{
  FanfareShop *shop = get_shop (request);
  g_autofree char *payload = fanfare_shop_nameplate_payload (record);
  g_autofree char *signature = fanfare_shop_sign (shop, payload);
  g_autofree char *key_id = fanfare_shop_get_key_id (shop);

  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", record->purchase_id);
  fanfare_http_store_add_int (builder, "serial", record->serial);
  fanfare_http_store_add_id (builder, "album_id", record->album_id);
  fanfare_http_store_add_string (builder, "album", record->album_title);
  fanfare_http_store_add_string (builder, "artist", record->artist_name);
  fanfare_http_store_add_string (builder, "artwork_uri", record->artwork_uri);
  fanfare_http_store_add_id (builder, "owner_id", record->owner_id);
  fanfare_http_store_add_string (builder, "owner", record->owner_username);
  fanfare_http_store_add_string (builder, "owner_display_name", record->owner_display_name);
  fanfare_http_store_add_time (builder, "issued_at", record->issued_at);
  fanfare_http_store_add_string (builder, "payload", payload);
  fanfare_http_store_add_string (builder, "signature", signature);
  fanfare_http_store_add_string (builder, "key_id", key_id);
  json_builder_end_object (builder);
}

/**
 * fanfare_http_collect_nameplates:
 * @owner_ids: (array length=n_owners): whose nameplates
 * @artist_id: the artist whose albums count
 * @album_id: an album whose nameplate goes first, or 0
 * @records: (out) (transfer full): the nameplates the table points into
 *
 * Reads the nameplates @owner_ids hold of @artist_id's albums in one
 * query, for a whole page of people. If they cannot be read, the page
 * still shows without them.
 *
 * Returns: (transfer full): a table from each owner's id to up to
 *   FANFARE_HTTP_NAMEPLATES_SHOWN of their nameplates, @album_id's
 *   first, then the latest
 */
GHashTable *
fanfare_http_collect_nameplates (FanfareRequest *request,
                                 const gint64   *owner_ids,
                                 guint           n_owners,
                                 gint64          artist_id,
                                 gint64          album_id,
                                 GPtrArray     **records)
{
  GHashTable *by_owner = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) error = NULL;

  *records = NULL;
  if (artist_id == 0 || n_owners == 0)
    return by_owner;

  *records = fanfare_sales_store_list_artist_nameplates (fanfare_request_get_database (request), owner_ids, n_owners,
                                                         artist_id, album_id, &error);
  if (*records == NULL)
    {
      g_warning ("Could not read nameplates: %s", error->message);
      return by_owner;
    }

  for (guint i = 0; i < (*records)->len; i++)
    {
      FanfareNameplateRecord *record = g_ptr_array_index (*records, i);
      GPtrArray *owned = g_hash_table_lookup (by_owner, &record->owner_id);

      if (owned == NULL)
        {
          owned = g_ptr_array_new ();
          g_hash_table_insert (by_owner, &record->owner_id, owned);
        }
      if (owned->len < FANFARE_HTTP_NAMEPLATES_SHOWN)
        g_ptr_array_add (owned, record);
    }

  return by_owner;
}

/* A PURCHASE, with its nameplate unless it was refunded. */
void
fanfare_http_add_purchase (JsonBuilder                 *builder,
                           FanfareRequest              *request,
                           const FanfarePurchaseRecord *purchase)
{
  g_autoptr(FanfareNameplateRecord) nameplate = NULL;

  if (!purchase->refunded)
    nameplate = fanfare_sales_store_get_nameplate (fanfare_request_get_database (request), purchase->id, NULL);

  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", purchase->id);
  fanfare_http_store_add_id (builder, "album_id", purchase->album_id);
  fanfare_http_store_add_id (builder, "buyer_id", purchase->buyer_id);
  fanfare_http_store_add_id (builder, "owner_id", purchase->owner_id);
  json_builder_set_member_name (builder, "gift");
  json_builder_add_boolean_value (builder, purchase->buyer_id != purchase->owner_id);
  fanfare_http_store_add_int (builder, "price_cents", purchase->price_cents);
  fanfare_http_store_add_string (builder, "currency", purchase->currency);
  fanfare_http_store_add_int (builder, "serial", purchase->serial);
  fanfare_http_store_add_string (builder, "message", purchase->message);
  fanfare_http_store_add_time (builder, "created_at", purchase->created_at);
  json_builder_set_member_name (builder, "refunded");
  json_builder_add_boolean_value (builder, purchase->refunded);
  if (nameplate != NULL)
    {
      json_builder_set_member_name (builder, "nameplate");
      fanfare_http_add_nameplate (builder, request, nameplate);
    }
  json_builder_end_object (builder);
}

static void
respond_purchase (FanfareRequest              *request,
                  guint                        status,
                  const FanfarePurchaseRecord *purchase)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "purchase");
  fanfare_http_add_purchase (builder, request, purchase);

  if (purchase->replayed)
    fanfare_request_add_header (request, "Idempotent-Replayed", "true");
  fanfare_http_store_respond (request, status, builder);
}

/* The album, if the caller may see it. */
static FanfareOfferRecord *
get_visible_offer (FanfareRequest *request,
                   GError        **error)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 album_id = fanfare_request_get_id (request, "id");
  g_autoptr(FanfareAlbum) album = fanfare_catalog_store_get_album (db, viewer, album_id, error);

  if (album == NULL)
    return NULL;

  return fanfare_sales_store_get_offer (db, album_id, viewer->user_id, error);
}

static void
get_offer (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareOfferRecord) offer = get_visible_offer (request, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (offer == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "album_id", fanfare_request_get_id (request, "id"));
  json_builder_set_member_name (builder, "for_sale");
  json_builder_add_boolean_value (builder, offer->price_cents >= 0);
  if (offer->price_cents >= 0)
    {
      fanfare_http_store_add_int (builder, "price_cents", offer->price_cents);
      fanfare_http_store_add_string (builder, "currency", offer->currency);
    }
  json_builder_set_member_name (builder, "owned");
  json_builder_add_boolean_value (builder, offer->owned);
  if (offer->owned)
    fanfare_http_store_add_id (builder, "purchase_id", offer->purchase_id);

  fanfare_http_store_respond (request, 200, builder);
}

/* Whether the caller is the album's artist, or an admin. */
static gboolean
check_artist (FanfareRequest           *request,
              const FanfareOfferRecord *offer)
{
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);

  if (viewer->admin || (offer->artist_user_id != 0 && offer->artist_user_id == viewer->user_id))
    return TRUE;

  fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN, "Only the album's artist may change this");
  return FALSE;
}

static gboolean
valid_currency (const char *currency)
{
  if (currency == NULL || strlen (currency) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (currency[i]))
      return FALSE;

  return TRUE;
}

static void
set_price (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareOfferRecord) offer = get_visible_offer (request, &error);
  g_autoptr(JsonObject) body = NULL;
  const char *currency = NULL;
  gint64 price = -1;

  if (offer == NULL || (body = fanfare_request_parse_body (request, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!check_artist (request, offer))
    return;

  if ((json_object_has_member (body, "price_cents") && !json_object_get_null_member (body, "price_cents") &&
       !fanfare_json_read_int (body, "price_cents", TRUE, &price, &error)) ||
      !fanfare_json_read_string (body, "currency", FALSE, &currency, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (json_object_has_member (body, "price_cents") && !json_object_get_null_member (body, "price_cents") &&
      (price < 0 || price > MAX_PRICE_CENTS))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “price_cents” must be 0 to 100,000,000, or null");
      return;
    }

  if (currency == NULL)
    currency = fanfare_shop_get_currency (get_shop (request));
  if (!valid_currency (currency))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “currency” must be an ISO 4217 code such as CNY");
      return;
    }

  if (!fanfare_sales_store_set_price (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                      price, currency, &error))
    fanfare_request_fail (request, error);
  else
    get_offer (request);
}

static void
purchase (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareOfferRecord) offer = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(FanfarePurchaseRecord) record = NULL;
  const char *gift_to = NULL, *message = NULL;
  FanfareMoneyRequest money;
  char hash[65];
  gint64 owner_id;
  GBytes *bytes = fanfare_request_get_body (request);

  if (!read_money_request (request, "purchase", &money, hash))
    return;

  if ((offer = get_visible_offer (request, &error)) == NULL ||
      (bytes != NULL && g_bytes_get_size (bytes) > 0 &&
       ((body = fanfare_request_parse_body (request, &error)) == NULL ||
        !fanfare_json_read_string (body, "gift_to", FALSE, &gift_to, &error) ||
        !fanfare_json_read_string (body, "message", FALSE, &message, &error))))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (message != NULL && g_utf8_strlen (message, -1) > MAX_MESSAGE_LENGTH)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “message” must be at most 1000 characters");
      return;
    }

  owner_id = viewer->user_id;
  if (gift_to != NULL &&
      (owner_id = fanfare_account_store_lookup_user_id (db, gift_to, &error)) == 0)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (gift_to != NULL && owner_id == viewer->user_id)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “gift_to” must name someone else");
      return;
    }

  record = fanfare_ledger_store_purchase (db, &money, fanfare_request_get_id (request, "id"), owner_id,
                                          message, fanfare_shop_get_fee_percent (get_shop (request)), &error);
  if (record == NULL)
    fanfare_request_fail (request, error);
  else
    respond_purchase (request, 201, record);
}

static void
get_wallet (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) balances = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  balances = fanfare_ledger_store_list_balances (fanfare_request_get_database (request),
                                                 fanfare_request_get_viewer (request)->user_id, &error);
  if (balances == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  fanfare_http_store_add_string (builder, "currency", fanfare_shop_get_currency (get_shop (request)));
  json_builder_set_member_name (builder, "balances");
  json_builder_begin_array (builder);
  for (guint i = 0; i < balances->len; i++)
    {
      FanfareBalance *balance = g_ptr_array_index (balances, i);

      json_builder_begin_object (builder);
      fanfare_http_store_add_string (builder, "currency", balance->currency);
      fanfare_http_store_add_int (builder, "balance_cents", balance->balance_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  fanfare_http_store_respond (request, 200, builder);
}

static void
top_up (FanfareRequest *request)
{
  FanfareShop *shop = get_shop (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(FanfareTopUpRecord) record = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const FanfarePaymentProvider *provider;
  const char *provider_name = "codes", *token = NULL;
  FanfarePayment payment = { 0 };
  FanfareMoneyRequest money;
  char hash[65];

  if (!read_money_request (request, "topup", &money, hash))
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "provider", FALSE, &provider_name, &error) ||
      !fanfare_json_read_string (body, "code", TRUE, &token, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (provider_name == NULL)
    provider_name = "codes";
  if ((provider = fanfare_shop_get_provider (shop, provider_name)) == NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “provider” names no payment provider of this server");
      return;
    }

  if (provider->confirm (provider, fanfare_request_get_database (request), token, &payment, &error))
    record = fanfare_ledger_store_top_up (fanfare_request_get_database (request), &money, provider->name,
                                          payment.reference, payment.amount_cents, payment.currency, &error);
  fanfare_payment_clear (&payment);

  if (record == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "top_up");
  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", record->id);
  fanfare_http_store_add_int (builder, "amount_cents", record->amount_cents);
  fanfare_http_store_add_string (builder, "currency", record->currency);
  fanfare_http_store_add_int (builder, "balance_cents", record->balance_cents);
  json_builder_end_object (builder);

  if (record->replayed)
    fanfare_request_add_header (request, "Idempotent-Replayed", "true");
  fanfare_http_store_respond (request, 201, builder);
}

static void
refund (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 purchase_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfarePurchaseRecord) record = NULL;

  if (!fanfare_ledger_store_refund (db, purchase_id, &error) ||
      (record = fanfare_ledger_store_get_purchase (db, purchase_id, &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    respond_purchase (request, 200, record);
}

static void
get_public_key (FanfareRequest *request)
{
  FanfareShop *shop = get_shop (request);
  g_autofree char *key = fanfare_shop_get_public_key (shop);
  g_autofree char *key_id = fanfare_shop_get_key_id (shop);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  fanfare_http_store_add_string (builder, "algorithm", "ed25519");
  fanfare_http_store_add_string (builder, "public_key", key);
  fanfare_http_store_add_string (builder, "key_id", key_id);
  fanfare_http_store_add_string (builder, "format", FANFARE_NAMEPLATE_FORMAT);

  fanfare_http_store_respond (request, 200, builder);
}

const FanfareRoute fanfare_http_store_routes[] = {
  { "GET", "/api/v1/store/public-key", FANFARE_ACCESS_ANYONE, 0, get_public_key, TRUE },
  { "GET", "/api/v1/albums/{id}/offer", FANFARE_ACCESS_ANYONE, 0, get_offer },
  { "PUT", "/api/v1/albums/{id}/price", FANFARE_ACCESS_USER, 0, set_price },
  { "POST", "/api/v1/albums/{id}/purchase", FANFARE_ACCESS_USER, 0, purchase },
  { "GET", "/api/v1/me/wallet", FANFARE_ACCESS_USER, 0, get_wallet },
  { "POST", "/api/v1/me/wallet/top-ups", FANFARE_ACCESS_USER, 0, top_up },
  { "POST", "/api/v1/purchases/{id}/refund", FANFARE_ACCESS_ADMIN, 0, refund },
  { NULL },
};
