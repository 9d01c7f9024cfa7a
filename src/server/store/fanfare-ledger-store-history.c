/* fanfare-ledger-store-history.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A wallet's history: its ledger entries, the latest first, each with
 * what it was for and the balance it left. The balance is the running sum
 * of the wallet's entries, which the audit holds equal to the cached one. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-ledger-store.h"

#define HISTORY_SQL \
  "SELECT e.id, e.amount_cents, a.currency," \
  " SUM (e.amount_cents) OVER (PARTITION BY e.account_id ORDER BY e.id)," \
  " t.kind, p.album_id, al.title, CASE WHEN p.owner_id <> p.buyer_id THEN o.username END, t.created_at" \
  " FROM ledger_accounts a JOIN ledger_entries e ON e.account_id = a.id" \
  " JOIN ledger_transactions t ON t.id = e.transaction_id" \
  " LEFT JOIN refunds r ON r.transaction_id = t.id" \
  " LEFT JOIN purchases p ON p.id = COALESCE (r.purchase_id," \
  "  (SELECT id FROM purchases WHERE transaction_id = t.id))" \
  " LEFT JOIN albums al ON al.id = p.album_id LEFT JOIN users o ON o.id = p.owner_id" \
  " WHERE a.kind = 'user_wallet' AND a.owner_id = ?1 AND e.id < ?2" \
  " ORDER BY e.id DESC LIMIT ?3"

void
fanfare_wallet_entry_free (FanfareWalletEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->currency);
  g_free (entry->album_title);
  g_free (entry->gift_to);
  g_free (entry);
}

static FanfareWalletEntry *
read_entry (FanfareStatement *stmt)
{
  FanfareWalletEntry *entry = g_new0 (FanfareWalletEntry, 1);
  const char *kind = _fanfare_statement_get_text (stmt, 4);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->amount_cents = sqlite3_column_int64 (stmt, 1);
  entry->currency = _fanfare_statement_dup_text (stmt, 2);
  entry->balance_cents = sqlite3_column_int64 (stmt, 3);
  entry->album_id = sqlite3_column_int64 (stmt, 5);
  entry->album_title = _fanfare_statement_dup_text (stmt, 6);
  entry->gift_to = _fanfare_statement_dup_text (stmt, 7);
  entry->created_at = sqlite3_column_int64 (stmt, 8);

  if (g_strcmp0 (kind, "topup") == 0)
    entry->kind = FANFARE_WALLET_ENTRY_TOP_UP;
  else if (g_strcmp0 (kind, "refund") == 0)
    entry->kind = FANFARE_WALLET_ENTRY_REFUND;
  else if (entry->gift_to != NULL)
    entry->kind = FANFARE_WALLET_ENTRY_GIFT;
  else
    entry->kind = FANFARE_WALLET_ENTRY_PURCHASE;

  return entry;
}

/**
 * fanfare_ledger_store_list_wallet_history:
 * @after: where the page starts; its id is the last entry of the page
 *   before, with no key for the first page
 * @last: (out caller-allocates): where the next page starts; its key is
 *   %NULL after the last page
 *
 * Returns: (transfer full) (element-type FanfareWalletEntry): the entries
 *   of @user_id's wallets, the latest first
 */
GPtrArray *
fanfare_ledger_store_list_wallet_history (FanfareDatabase           *db,
                                          gint64                     user_id,
                                          const FanfareListPosition *after,
                                          guint                      limit,
                                          FanfareListPosition       *last,
                                          GError                   **error)
{
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_wallet_entry_free);
  int rc;

  *last = (FanfareListPosition) { NULL, 0 };
  if ((conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, HISTORY_SQL, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, after->key != NULL ? after->id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, (gint64) limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && entries->len < limit)
    g_ptr_array_add (entries, read_entry (stmt));

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  if (rc == SQLITE_ROW && entries->len > 0)
    {
      const FanfareWalletEntry *end = g_ptr_array_index (entries, entries->len - 1);

      last->key = g_strdup_printf ("%" G_GINT64_FORMAT, end->created_at);
      last->id = end->id;
    }

  return g_steal_pointer (&entries);
}
