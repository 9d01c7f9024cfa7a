/* fanfare-ledger-store-audit.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The audit of the ledger: every transaction sums to zero, every cached
 * balance is the sum of its account's entries, no wallet is overdrawn,
 * every charge has its purchase and album and every album owned has its
 * charge. It reads one snapshot of the database. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-ledger-store.h"

typedef struct {
  const char *what;     /* what was checked, for the report */
  const char *count;    /* how many there are */
  const char *problems; /* one row per problem: an id and a number */
  const char *problem;  /* what a problem is */
} Check;

static const Check checks[] = {
  {
    "transactions sum to zero",
    "SELECT COUNT(*) FROM ledger_transactions",
    "SELECT t.id, COALESCE (SUM (e.amount_cents), 0) FROM ledger_transactions t"
    " LEFT JOIN ledger_entries e ON e.transaction_id = t.id GROUP BY t.id"
    " HAVING COALESCE (SUM (e.amount_cents), 0) <> 0",
    "a transaction does not sum to zero",
  },
  {
    "balances equal the sum of their entries",
    "SELECT COUNT(*) FROM ledger_accounts",
    "SELECT a.id, a.balance_cents - COALESCE ((SELECT SUM (e.amount_cents) FROM ledger_entries e"
    " WHERE e.account_id = a.id), 0) AS d FROM ledger_accounts a WHERE d <> 0",
    "an account's balance is not the sum of its entries",
  },
  {
    "wallets are not overdrawn",
    "SELECT COUNT(*) FROM ledger_accounts WHERE kind = 'user_wallet'",
    "SELECT id, balance_cents FROM ledger_accounts WHERE kind = 'user_wallet' AND balance_cents < 0",
    "a wallet is overdrawn",
  },
  {
    "charges have their purchase",
    "SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'purchase'",
    "SELECT t.id, 0 FROM ledger_transactions t WHERE t.kind = 'purchase'"
    " AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.transaction_id = t.id)",
    "a charge has no purchase",
  },
  {
    "purchases were charged their price",
    "SELECT COUNT(*) FROM purchases",
    "SELECT p.id, COALESCE ((SELECT SUM (e.amount_cents) FROM ledger_entries e"
    " JOIN ledger_accounts a ON a.id = e.account_id WHERE e.transaction_id = p.transaction_id"
    " AND a.kind = 'user_wallet' AND a.owner_id = p.buyer_id AND a.currency = p.currency), 0) AS paid"
    " FROM purchases p WHERE paid <> -p.price_cents",
    "a purchase was not charged its price",
  },
  {
    "purchases not refunded have their album",
    "SELECT COUNT(*) FROM purchases p WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id)",
    "SELECT p.id, 0 FROM purchases p WHERE NOT EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = p.id)"
    " AND NOT EXISTS (SELECT 1 FROM owned_albums o WHERE o.purchase_id = p.id"
    " AND o.user_id = p.owner_id AND o.album_id = p.album_id)",
    "a purchase has no album",
  },
  {
    "albums owned were paid for",
    "SELECT COUNT(*) FROM owned_albums",
    "SELECT o.purchase_id, 0 FROM owned_albums o LEFT JOIN purchases p ON p.id = o.purchase_id"
    " WHERE p.id IS NULL OR p.owner_id <> o.user_id OR p.album_id <> o.album_id"
    " OR EXISTS (SELECT 1 FROM refunds r WHERE r.purchase_id = o.purchase_id)",
    "an album is owned without its purchase",
  },
  {
    "refunds reverse their purchase",
    "SELECT COUNT(*) FROM refunds",
    "SELECT r.purchase_id, 0 FROM refunds r JOIN purchases p ON p.id = r.purchase_id"
    " JOIN ledger_transactions t ON t.id = r.transaction_id"
    " WHERE t.kind <> 'refund' OR t.reverses IS NOT p.transaction_id",
    "a refund does not reverse its purchase",
  },
  {
    "top-ups have their credit",
    "SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'topup'",
    "SELECT t.id, 0 FROM ledger_transactions t WHERE t.kind = 'topup'"
    " AND NOT EXISTS (SELECT 1 FROM topups u WHERE u.transaction_id = t.id)",
    "a credit has no top-up",
  },
};

static gboolean
run_check (FanfareConnection *conn,
           const Check       *check,
           GString           *report,
           guint             *n_problems,
           GError           **error)
{
  g_autoptr(FanfareStatement) count = NULL;
  g_autoptr(FanfareStatement) problems = NULL;
  guint found = 0;
  int rc;

  if ((count = _fanfare_connection_prepare (conn, check->count, error)) == NULL ||
      !_fanfare_statement_step_row (count, "Nothing counted", error) ||
      (problems = _fanfare_connection_prepare (conn, check->problems, error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (problems)) == SQLITE_ROW)
    {
      g_string_append_printf (report, "PROBLEM: %s (id %" G_GINT64_FORMAT ", amount %" G_GINT64_FORMAT ")\n",
                              check->problem, (gint64) sqlite3_column_int64 (problems, 0),
                              (gint64) sqlite3_column_int64 (problems, 1));
      found++;
    }
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (problems, error);

  g_string_append_printf (report, "%s %s: %" G_GINT64_FORMAT " checked, %u wrong\n",
                          found == 0 ? "ok" : "FAILED", check->what, (gint64) sqlite3_column_int64 (count, 0), found);
  *n_problems += found;

  return TRUE;
}

/**
 * fanfare_ledger_store_audit:
 * @report: where a line per check goes, and a line per problem
 *
 * Returns: the number of problems found (0 for a sound ledger); 0 with
 *   @error set when the database could not be read
 */
guint
fanfare_ledger_store_audit (FanfareDatabase *db,
                            GString         *report,
                            GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  guint n_problems = 0;

  /* One snapshot for every check: a read transaction. */
  if (conn == NULL || !_fanfare_connection_exec (conn, "BEGIN", error))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (!run_check (conn, &checks[i], report, &n_problems, error))
      return 0;

  _fanfare_connection_exec (conn, "COMMIT", NULL);

  return n_problems;
}
