/* fanfare-http-wallet.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The wallet's history: what came in and went out, page by page, the
 * latest first. Only the caller's own wallet is ever read. */

#include "config.h"

#include "fanfare-http-json.h"
#include "fanfare-http-store.h"
#include "fanfare-ledger-store.h"
#include "fanfare-request.h"
#include "fanfare-route.h"

static const char *entry_kinds[] = {
  [FANFARE_WALLET_ENTRY_TOP_UP] = "top-up",
  [FANFARE_WALLET_ENTRY_PURCHASE] = "purchase",
  [FANFARE_WALLET_ENTRY_GIFT] = "gift",
  [FANFARE_WALLET_ENTRY_REFUND] = "refund",
};

static void
add_entry (JsonBuilder              *builder,
           const FanfareWalletEntry *entry)
{
  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", entry->id);
  fanfare_http_store_add_string (builder, "kind", entry_kinds[entry->kind]);
  fanfare_http_store_add_int (builder, "amount_cents", entry->amount_cents);
  fanfare_http_store_add_string (builder, "currency", entry->currency);
  fanfare_http_store_add_int (builder, "balance_cents", entry->balance_cents);
  if (entry->album_id != 0)
    {
      fanfare_http_store_add_id (builder, "album_id", entry->album_id);
      fanfare_http_store_add_string (builder, "album", entry->album_title);
    }
  if (entry->gift_to != NULL)
    fanfare_http_store_add_string (builder, "to", entry->gift_to);
  fanfare_http_store_add_time (builder, "created_at", entry->created_at);
  json_builder_end_object (builder);
}

static void
get_history (FanfareRequest *request)
{
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_auto(FanfareListPosition) next = { NULL, 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *cursor = NULL;
  guint limit;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      !fanfare_http_get_position (request, &after, &error) ||
      (entries = fanfare_ledger_store_list_wallet_history (fanfare_request_get_database (request),
                                                           fanfare_request_get_viewer (request)->user_id,
                                                           &after, limit, &next, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    add_entry (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);
  if (next.key != NULL)
    cursor = fanfare_http_cursor_encode (next.key, next.id);
  fanfare_http_add_cursor (builder, cursor);
  fanfare_http_store_respond (request, 200, builder);
}

const FanfareRoute fanfare_http_wallet_routes[] = {
  { "GET", "/api/v1/me/wallet/history", FANFARE_ACCESS_USER, 0, get_history },
  { NULL }
};
