/* fanfare-client-wallet.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The wallet's history, a page at a time: what came in and went out, the
 * latest first (GET /api/v1/me/wallet/history). */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-client-store.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

typedef struct {
  GPtrArray *entries;
  char      *next_cursor;
} HistoryPage;

static void
history_page_free (HistoryPage *page)
{
  g_clear_pointer (&page->entries, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

void
fanfare_client_wallet_entry_free (FanfareClientWalletEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->currency);
  g_free (entry->album_id);
  g_free (entry->album);
  g_free (entry->to);
  g_clear_pointer (&entry->created_at, g_date_time_unref);
  g_free (entry);
}

static const char *entry_kinds[] = {
  [FANFARE_CLIENT_WALLET_TOP_UP] = "top-up",
  [FANFARE_CLIENT_WALLET_PURCHASE] = "purchase",
  [FANFARE_CLIENT_WALLET_GIFT] = "gift",
  [FANFARE_CLIENT_WALLET_REFUND] = "refund",
};

static gpointer
new_entry (JsonObject *json,
           GError    **error)
{
  g_autoptr(FanfareClientWalletEntry) entry = g_new0 (FanfareClientWalletEntry, 1);
  const char *kind = NULL, *created_at = NULL;
  guint i;

  if (!fanfare_json_read_string (json, "kind", TRUE, &kind, error) ||
      !fanfare_json_read_string (json, "created_at", TRUE, &created_at, error))
    return NULL;

  for (i = 0; i < G_N_ELEMENTS (entry_kinds) && !g_str_equal (kind, entry_kinds[i]); i++)
    ;
  if (i == G_N_ELEMENTS (entry_kinds) ||
      (entry->created_at = g_date_time_new_from_iso8601 (created_at, NULL)) == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A wallet entry the app does not know");
      return NULL;
    }

  entry->kind = i;
  entry->id = _fanfare_client_dup_member (json, "id");
  entry->amount_cents = json_object_get_int_member_with_default (json, "amount_cents", 0);
  entry->currency = _fanfare_client_dup_member (json, "currency");
  entry->balance_cents = json_object_get_int_member_with_default (json, "balance_cents", 0);
  entry->album_id = _fanfare_client_dup_member (json, "album_id");
  entry->album = _fanfare_client_dup_member (json, "album");
  entry->to = _fanfare_client_dup_member (json, "to");

  return g_steal_pointer (&entry);
}

static gpointer
parse_history (FanfareClient *self,
               JsonObject    *json,
               GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  HistoryPage *page;

  if ((entries = _fanfare_client_parse_array (json, new_entry, (GDestroyNotify) fanfare_client_wallet_entry_free,
                                              error)) == NULL)
    return NULL;

  page = g_new0 (HistoryPage, 1);
  page->entries = g_steal_pointer (&entries);
  page->next_cursor = _fanfare_client_dup_member (json, "next_cursor");

  return page;
}

/**
 * fanfare_client_list_wallet_history_async:
 * @cursor: (nullable): where the page starts, from the page before; %NULL
 *   for the latest entries
 *
 * Reads a page of the wallet's history.
 */
void
fanfare_client_list_wallet_history_async (FanfareClient       *self,
                                          const char          *cursor,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
  g_autofree char *path = g_strconcat ("/api/v1/me/wallet/history", cursor != NULL ? "?cursor=" : "", escaped, NULL);
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", path, NULL);

  _fanfare_client_call (self, msg, parse_history, (GDestroyNotify) history_page_free,
                        _fanfare_client_task_new (self, fanfare_client_list_wallet_history_async, cancellable,
                                                  callback, user_data));
}

/**
 * fanfare_client_list_wallet_history_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): where the
 *   next page starts, %NULL after the last
 *
 * Returns: (transfer full) (element-type FanfareClientWalletEntry): the
 *   page's entries, the latest first
 */
GPtrArray *
fanfare_client_list_wallet_history_finish (FanfareClient *self,
                                           GAsyncResult  *result,
                                           char         **next_cursor,
                                           GError       **error)
{
  HistoryPage *page = _fanfare_client_propagate (self, result, fanfare_client_list_wallet_history_async, error);
  GPtrArray *entries;

  if (page == NULL)
    return NULL;

  entries = g_steal_pointer (&page->entries);
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (&page->next_cursor);
  history_page_free (page);

  return entries;
}
