/* fanfare-client-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store: offers, buying, the wallet, purchased albums and nameplates.
 * A call that moves money takes the caller's idempotency key: the caller
 * makes one per purchase the user confirms and sends it again with every
 * retry, so that a purchase whose answer was lost is never made twice. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-client-store.h"
#include "fanfare-error.h"

void
fanfare_client_offer_free (FanfareClientOffer *offer)
{
  if (offer == NULL)
    return;

  g_free (offer->currency);
  g_free (offer);
}

void
fanfare_client_purchase_free (FanfareClientPurchase *purchase)
{
  if (purchase == NULL)
    return;

  g_free (purchase->id);
  g_clear_object (&purchase->album);
  fanfare_nameplate_free (purchase->nameplate);
  g_free (purchase->from);
  g_free (purchase->message);
  g_free (purchase);
}

static gpointer
parse_offer (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  FanfareClientOffer *offer = g_new0 (FanfareClientOffer, 1);

  offer->for_sale = json_object_get_boolean_member_with_default (json, "for_sale", FALSE);
  offer->price_cents = json_object_get_int_member_with_default (json, "price_cents", 0);
  offer->currency = g_strdup (json_object_get_string_member_with_default (json, "currency", NULL));
  offer->owned = json_object_get_boolean_member_with_default (json, "owned", FALSE);

  return offer;
}

void
fanfare_client_get_offer_async (FanfareClient       *self,
                                const char          *album_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (album_id);
  g_autofree char *path = g_strconcat ("/api/v1/albums/", escaped, "/offer", NULL);
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", path, NULL);

  _fanfare_client_call (self, msg, parse_offer, (GDestroyNotify) fanfare_client_offer_free,
                        _fanfare_client_task_new (self, fanfare_client_get_offer_async, cancellable, callback,
                                                  user_data));
}

FanfareClientOffer *
fanfare_client_get_offer_finish (FanfareClient *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_offer_async, error);
}

/* A PURCHASE, or an item of the Purchased Albums. */
static FanfareClientPurchase *
new_purchase (JsonObject *json,
              GError    **error)
{
  g_autoptr(FanfareClientPurchase) purchase = g_new0 (FanfareClientPurchase, 1);
  JsonObject *nameplate = json_object_get_object_member (json, "nameplate");

  purchase->id = g_strdup (json_object_get_string_member_with_default (json, "id", NULL));
  purchase->from = g_strdup (json_object_get_string_member_with_default (json, "from", NULL));
  purchase->message = g_strdup (json_object_get_string_member_with_default (json, "message", NULL));
  if (json_object_has_member (json, "album") &&
      (purchase->album = _fanfare_client_parse_object (json, "album", FANFARE_TYPE_ALBUM, error)) == NULL)
    return NULL;
  if (nameplate != NULL && (purchase->nameplate = fanfare_nameplate_new_from_json (nameplate, error)) == NULL)
    return NULL;

  if (purchase->id == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A purchase without its id");
      return NULL;
    }

  return g_steal_pointer (&purchase);
}

static gpointer
parse_purchase (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  JsonObject *object = json_object_get_object_member (json, "purchase");

  if (object == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "An answer without its purchase");
      return NULL;
    }

  return new_purchase (object, error);
}

/**
 * fanfare_client_purchase_async:
 * @gift_to: (nullable): the username of the friend it is a gift to
 * @message: (nullable): a gift's note
 * @idempotency_key: the same for every attempt of this purchase
 *
 * Buys an album with the wallet (POST /api/v1/albums/{id}/purchase).
 */
void
fanfare_client_purchase_async (FanfareClient       *self,
                               const char          *album_id,
                               const char          *gift_to,
                               const char          *message,
                               const char          *idempotency_key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (album_id);
  g_autofree char *path = g_strconcat ("/api/v1/albums/", escaped, "/purchase", NULL);
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (idempotency_key != NULL);

  json_builder_begin_object (body);
  if (gift_to != NULL)
    {
      json_builder_set_member_name (body, "gift_to");
      json_builder_add_string_value (body, gift_to);
    }
  if (message != NULL)
    {
      json_builder_set_member_name (body, "message");
      json_builder_add_string_value (body, message);
    }
  json_builder_end_object (body);

  msg = _fanfare_client_new_message (self, "POST", path, body);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", idempotency_key);
  _fanfare_client_call (self, msg, parse_purchase, (GDestroyNotify) fanfare_client_purchase_free,
                        _fanfare_client_task_new (self, fanfare_client_purchase_async, cancellable, callback,
                                                  user_data));
}

FanfareClientPurchase *
fanfare_client_purchase_finish (FanfareClient *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_purchase_async, error);
}

static gpointer
parse_top_up (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  JsonObject *top_up = json_object_get_object_member (json, "top_up");
  gint64 *balance;

  if (top_up == NULL || !json_object_has_member (top_up, "balance_cents"))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "An answer without the balance");
      return NULL;
    }

  balance = g_new (gint64, 1);
  *balance = json_object_get_int_member (top_up, "balance_cents");

  return balance;
}

/**
 * fanfare_client_top_up_async:
 * @code: a top-up code
 * @idempotency_key: the same for every attempt of this top-up
 *
 * Redeems a top-up code into the wallet.
 */
void
fanfare_client_top_up_async (FanfareClient       *self,
                             const char          *code,
                             const char          *idempotency_key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (code != NULL && idempotency_key != NULL);

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "provider");
  json_builder_add_string_value (body, "codes");
  json_builder_set_member_name (body, "code");
  json_builder_add_string_value (body, code);
  json_builder_end_object (body);

  msg = _fanfare_client_new_message (self, "POST", "/api/v1/me/wallet/top-ups", body);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", idempotency_key);
  _fanfare_client_call (self, msg, parse_top_up, g_free,
                        _fanfare_client_task_new (self, fanfare_client_top_up_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_top_up_finish:
 * @balance_cents: (out): the wallet's balance after the top-up
 */
gboolean
fanfare_client_top_up_finish (FanfareClient *self,
                              GAsyncResult  *result,
                              gint64        *balance_cents,
                              GError       **error)
{
  g_autofree gint64 * balance = _fanfare_client_propagate (self, result, fanfare_client_top_up_async, error);

  if (balance == NULL)
    return FALSE;

  *balance_cents = *balance;

  return TRUE;
}

typedef struct {
  gint64 balance_cents;
  char  *currency;
} Wallet;

static void
wallet_free (Wallet *wallet)
{
  g_free (wallet->currency);
  g_free (wallet);
}

static gpointer
parse_wallet (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  Wallet *wallet = g_new0 (Wallet, 1);
  JsonArray *balances = json_object_get_array_member (json, "balances");

  wallet->currency = g_strdup (json_object_get_string_member_with_default (json, "currency", "CNY"));
  for (guint i = 0; balances != NULL && i < json_array_get_length (balances); i++)
    {
      JsonObject *balance = json_array_get_object_element (balances, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (balance, "currency", NULL), wallet->currency) == 0)
        wallet->balance_cents = json_object_get_int_member_with_default (balance, "balance_cents", 0);
    }

  return wallet;
}

void
fanfare_client_get_wallet_async (FanfareClient       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", "/api/v1/me/wallet", NULL);

  _fanfare_client_call (self, msg, parse_wallet, (GDestroyNotify) wallet_free,
                        _fanfare_client_task_new (self, fanfare_client_get_wallet_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_get_wallet_finish:
 * @balance_cents: (out): the balance in the store's currency
 * @currency: (out) (optional): the store's currency
 */
gboolean
fanfare_client_get_wallet_finish (FanfareClient *self,
                                  GAsyncResult  *result,
                                  gint64        *balance_cents,
                                  char         **currency,
                                  GError       **error)
{
  Wallet *wallet = _fanfare_client_propagate (self, result, fanfare_client_get_wallet_async, error);

  if (wallet == NULL)
    return FALSE;

  *balance_cents = wallet->balance_cents;
  if (currency != NULL)
    *currency = g_steal_pointer (&wallet->currency);
  wallet_free (wallet);

  return TRUE;
}

/* The "items" of a list answer, each made by @new_item. */
GPtrArray *
_fanfare_client_parse_array (JsonObject         *json,
                             FanfareNewItemFunc  new_item,
                             GDestroyNotify      free_item,
                             GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_item);
  JsonArray *array = json_object_get_array_member (json, "items");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gpointer item = new_item (json_array_get_object_element (array, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static gpointer
parse_purchases (FanfareClient *self,
                 JsonObject    *json,
                 GError       **error)
{
  return _fanfare_client_parse_array (json, (FanfareNewItemFunc) new_purchase, (GDestroyNotify) fanfare_client_purchase_free, error);
}

/* The Purchased Albums: everything the user owns, bought or given. */
void
fanfare_client_list_purchases_async (FanfareClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", "/api/v1/me/purchases", NULL);

  _fanfare_client_call (self, msg, parse_purchases, (GDestroyNotify) g_ptr_array_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_purchases_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_list_gifts_async:
 *
 * The albums others gave the user, for the inbox; finish with
 * fanfare_client_list_purchases_finish().
 */
void
fanfare_client_list_gifts_async (FanfareClient       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", "/api/v1/me/gifts", NULL);

  _fanfare_client_call (self, msg, parse_purchases, (GDestroyNotify) g_ptr_array_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_purchases_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_list_purchases_finish:
 *
 * Returns: (transfer full) (element-type FanfareClientPurchase): the latest first
 */
GPtrArray *
fanfare_client_list_purchases_finish (FanfareClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_purchases_async, error);
}

static gpointer
parse_nameplates (FanfareClient *self,
                  JsonObject    *json,
                  GError       **error)
{
  return _fanfare_client_parse_array (json, (FanfareNewItemFunc) fanfare_nameplate_new_from_json, (GDestroyNotify) fanfare_nameplate_free,
                                      error);
}

void
fanfare_client_list_nameplates_async (FanfareClient       *self,
                                      const char          *username,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (username);
  g_autofree char *path = g_strconcat ("/api/v1/users/", escaped, "/nameplates", NULL);
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", path, NULL);

  _fanfare_client_call (self, msg, parse_nameplates, (GDestroyNotify) g_ptr_array_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_nameplates_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_list_nameplates_finish:
 *
 * Returns: (transfer full) (element-type FanfareNameplate): a user's
 *   nameplates, not yet verified
 */
GPtrArray *
fanfare_client_list_nameplates_finish (FanfareClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_nameplates_async, error);
}

static gpointer
parse_key (FanfareClient *self,
           JsonObject    *json,
           GError       **error)
{
  const char *key = json_object_get_string_member_with_default (json, "public_key", NULL);

  if (key == NULL || g_strcmp0 (json_object_get_string_member_with_default (json, "algorithm", NULL), "ed25519") != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The server names no nameplate key");
      return NULL;
    }

  return g_strdup (key);
}

/* The server's public key for nameplates; the caller keeps it to verify
 * nameplates offline. */
void
fanfare_client_get_store_key_async (FanfareClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", "/api/v1/store/public-key", NULL);

  _fanfare_client_call (self, msg, parse_key, g_free,
                        _fanfare_client_task_new (self, fanfare_client_get_store_key_async, cancellable, callback,
                                                  user_data));
}

char *
fanfare_client_get_store_key_finish (FanfareClient *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_store_key_async, error);
}

/* A string member, or %NULL. */
char *
_fanfare_client_dup_member (JsonObject *json,
                            const char *member)
{
  return g_strdup (json_object_get_string_member_with_default (json, member, NULL));
}
