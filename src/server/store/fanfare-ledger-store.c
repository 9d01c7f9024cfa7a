/* fanfare-ledger-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The money: a double-entry ledger. Every movement is one transaction of
 * entries in integer cents that sum to zero, written in one database
 * transaction together with the idempotency key of the request that
 * caused it and whatever it bought, so that a retry finds the first result
 * and a crash leaves either all of it or nothing. Entries are never changed
 * or deleted (triggers refuse it); a refund adds the reversing entries.
 * Each account caches its balance, which the audit checks against the sum
 * of its entries. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-ledger-store.h"

#define TOPUP_SOURCE_OWNER 0
#define PLATFORM_OWNER     0

void
fanfare_purchase_record_free (FanfarePurchaseRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->currency);
  g_free (record->message);
  g_free (record);
}

void
fanfare_top_up_record_free (FanfareTopUpRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->currency);
  g_free (record);
}

void
fanfare_balance_free (FanfareBalance *balance)
{
  g_free (balance->currency);
  g_free (balance);
}

/* The id of a ledger account, opened at its first use. */
static gint64
ensure_account (FanfareConnection *conn,
                const char        *kind,
                gint64             owner_id,
                const char        *currency,
                gint64            *balance,
                GError           **error)
{
  g_autoptr(FanfareStatement) insert = NULL;
  g_autoptr(FanfareStatement) select = NULL;

  if ((insert = _fanfare_connection_prepare (conn,
                                             "INSERT INTO ledger_accounts (kind, owner_id, currency) VALUES (?1, ?2, ?3)"
                                             " ON CONFLICT (kind, owner_id, currency) DO NOTHING", error)) == NULL)
    return 0;

  _fanfare_statement_bind_text (insert, 1, kind);
  sqlite3_bind_int64 (insert, 2, owner_id);
  _fanfare_statement_bind_text (insert, 3, currency);
  if (!_fanfare_statement_run (insert, error))
    return 0;

  if ((select = _fanfare_connection_prepare (conn,
                                             "SELECT id, balance_cents FROM ledger_accounts"
                                             " WHERE kind = ?1 AND owner_id = ?2 AND currency = ?3", error)) == NULL)
    return 0;

  _fanfare_statement_bind_text (select, 1, kind);
  sqlite3_bind_int64 (select, 2, owner_id);
  _fanfare_statement_bind_text (select, 3, currency);
  if (!_fanfare_statement_step_row (select, "No such ledger account", error))
    return 0;

  if (balance != NULL)
    *balance = sqlite3_column_int64 (select, 1);

  return sqlite3_column_int64 (select, 0);
}

static gint64
begin_transaction (FanfareConnection *conn,
                   const char        *kind,
                   gint64             reverses,
                   GError           **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;

  if ((stmt = _fanfare_connection_prepare (conn,
                                           "INSERT INTO ledger_transactions (kind, reverses, created_at)"
                                           " VALUES (?1, ?2, ?3)", error)) == NULL)
    return 0;

  _fanfare_statement_bind_text (stmt, 1, kind);
  if (reverses > 0)
    sqlite3_bind_int64 (stmt, 2, reverses);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  return _fanfare_connection_last_insert_id (conn);
}

/* One entry, and the account's cached balance with it. */
static gboolean
post_entry (FanfareConnection *conn,
            gint64             transaction_id,
            gint64             account_id,
            gint64             amount_cents,
            GError           **error)
{
  g_autoptr(FanfareStatement) entry = NULL;
  g_autoptr(FanfareStatement) balance = NULL;

  if (amount_cents == 0)
    return TRUE;

  if ((entry = _fanfare_connection_prepare (conn,
                                            "INSERT INTO ledger_entries (transaction_id, account_id, amount_cents)"
                                            " VALUES (?1, ?2, ?3)", error)) == NULL ||
      (balance = _fanfare_connection_prepare (conn,
                                              "UPDATE ledger_accounts SET balance_cents = balance_cents + ?2"
                                              " WHERE id = ?1", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (entry, 1, transaction_id);
  sqlite3_bind_int64 (entry, 2, account_id);
  sqlite3_bind_int64 (entry, 3, amount_cents);
  sqlite3_bind_int64 (balance, 1, account_id);
  sqlite3_bind_int64 (balance, 2, amount_cents);

  return _fanfare_statement_run (entry, error) && _fanfare_statement_run (balance, error);
}

/* Whether @request was answered before: %TRUE with the id of its result,
 * a conflict when the key named another request. */
static gboolean
find_key (FanfareConnection         *conn,
          const FanfareMoneyRequest *request,
          const char                *kind,
          gint64                    *result_id,
          GError                   **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  *result_id = 0;
  if ((stmt = _fanfare_connection_prepare (conn,
                                           "SELECT request_hash, kind, result_id FROM idempotency_keys"
                                           " WHERE user_id = ?1 AND key = ?2", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, request->user_id);
  _fanfare_statement_bind_text (stmt, 2, request->key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _fanfare_statement_error (stmt, error);

  if (g_strcmp0 (_fanfare_statement_get_text (stmt, 0), request->request_hash) != 0 ||
      g_strcmp0 (_fanfare_statement_get_text (stmt, 1), kind) != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                           "This Idempotency-Key was used for another request");
      return FALSE;
    }

  *result_id = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

static gboolean
record_key (FanfareConnection         *conn,
            const FanfareMoneyRequest *request,
            const char                *kind,
            gint64                     result_id,
            GError                   **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;

  if ((stmt = _fanfare_connection_prepare (conn,
                                           "INSERT INTO idempotency_keys (user_id, key, request_hash, kind, result_id,"
                                           " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, request->user_id);
  _fanfare_statement_bind_text (stmt, 2, request->key);
  _fanfare_statement_bind_text (stmt, 3, request->request_hash);
  _fanfare_statement_bind_text (stmt, 4, kind);
  sqlite3_bind_int64 (stmt, 5, result_id);
  sqlite3_bind_int64 (stmt, 6, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

static FanfarePurchaseRecord *
fetch_purchase (FanfareConnection *conn,
                gint64             purchase_id,
                GError           **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;
  FanfarePurchaseRecord *record;

  if ((stmt = _fanfare_connection_prepare (conn,
                                           "SELECT p.album_id, p.buyer_id, p.owner_id, p.price_cents, p.currency,"
                                           " p.serial, p.message, p.created_at, r.purchase_id IS NOT NULL"
                                           " FROM purchases p LEFT JOIN refunds r ON r.purchase_id = p.id"
                                           " WHERE p.id = ?1", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, purchase_id);
  if (!_fanfare_statement_step_row (stmt, "No such purchase", error))
    return NULL;

  record = g_new0 (FanfarePurchaseRecord, 1);
  record->id = purchase_id;
  record->album_id = sqlite3_column_int64 (stmt, 0);
  record->buyer_id = sqlite3_column_int64 (stmt, 1);
  record->owner_id = sqlite3_column_int64 (stmt, 2);
  record->price_cents = sqlite3_column_int64 (stmt, 3);
  record->currency = _fanfare_statement_dup_text (stmt, 4);
  record->serial = sqlite3_column_int64 (stmt, 5);
  record->message = _fanfare_statement_dup_text (stmt, 6);
  record->created_at = sqlite3_column_int64 (stmt, 7);
  record->refunded = sqlite3_column_int (stmt, 8);

  return record;
}

typedef struct {
  gint64 price_cents;
  char  *currency;
  gint64 artist_id;
} Offer;

/* The album's price, if it is for sale to anyone. */
static gboolean
fetch_offer (FanfareConnection *conn,
             gint64             album_id,
             Offer             *offer,
             GError           **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;

  if ((stmt = _fanfare_connection_prepare (conn,
                                           "SELECT price_cents, currency, artist_id FROM albums"
                                           " WHERE id = ?1 AND published = 1", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  if (!_fanfare_statement_step_row (stmt, "No such album", error))
    return FALSE;

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL || sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "This album is not for sale");
      return FALSE;
    }

  offer->price_cents = sqlite3_column_int64 (stmt, 0);
  offer->currency = _fanfare_statement_dup_text (stmt, 1);
  offer->artist_id = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

static gboolean
check_not_owned (FanfareConnection *conn,
                 gint64             user_id,
                 gint64             album_id,
                 gboolean           gift,
                 GError           **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  if ((stmt = _fanfare_connection_prepare (conn,
                                           "SELECT 1 FROM owned_albums WHERE user_id = ?1 AND album_id = ?2",
                                           error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, album_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _fanfare_statement_error (stmt, error);

  g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                       gift ? "They own this album already" : "You own this album already; another copy can only be a gift");
  return FALSE;
}

/* The entries of a purchase: the wallet pays, the artist earns the price
 * less the platform's fee. */
static gint64
charge (FanfareConnection *conn,
        gint64             buyer_id,
        const Offer       *offer,
        guint              fee_percent,
        GError           **error)
{
  gint64 balance = 0, wallet, earnings, platform, transaction_id;
  gint64 fee = offer->price_cents * fee_percent / 100;

  if ((wallet = ensure_account (conn, "user_wallet", buyer_id, offer->currency, &balance, error)) == 0 ||
      (earnings = ensure_account (conn, "artist_earnings", offer->artist_id, offer->currency, NULL, error)) == 0 ||
      (platform = ensure_account (conn, "platform_fee", PLATFORM_OWNER, offer->currency, NULL, error)) == 0)
    return 0;

  if (balance < offer->price_cents)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_PAYMENT_REQUIRED,
                           "The wallet holds less than the price");
      return 0;
    }

  if ((transaction_id = begin_transaction (conn, "purchase", 0, error)) == 0 ||
      !post_entry (conn, transaction_id, wallet, -offer->price_cents, error) ||
      !post_entry (conn, transaction_id, earnings, offer->price_cents - fee, error) ||
      !post_entry (conn, transaction_id, platform, fee, error))
    return 0;

  return transaction_id;
}

static gint64
insert_purchase (FanfareConnection *conn,
                 gint64             album_id,
                 gint64             buyer_id,
                 gint64             owner_id,
                 const Offer       *offer,
                 const char        *message,
                 gint64             transaction_id,
                 GError           **error)
{
  g_autoptr(FanfareStatement) purchase = NULL;
  g_autoptr(FanfareStatement) owned = NULL;
  gint64 purchase_id;

  if ((purchase = _fanfare_connection_prepare (conn,
                                               "INSERT INTO purchases (album_id, buyer_id, owner_id, price_cents, currency,"
                                               " serial, message, transaction_id, created_at)"
                                               " SELECT ?1, ?2, ?3, ?4, ?5, COALESCE (MAX (serial), 0) + 1, ?6, ?7, ?8"
                                               " FROM purchases WHERE album_id = ?1", error)) == NULL ||
      (owned = _fanfare_connection_prepare (conn,
                                            "INSERT INTO owned_albums (user_id, album_id, purchase_id) VALUES (?1, ?2, ?3)",
                                            error)) == NULL)
    return 0;

  sqlite3_bind_int64 (purchase, 1, album_id);
  sqlite3_bind_int64 (purchase, 2, buyer_id);
  sqlite3_bind_int64 (purchase, 3, owner_id);
  sqlite3_bind_int64 (purchase, 4, offer->price_cents);
  _fanfare_statement_bind_text (purchase, 5, offer->currency);
  _fanfare_statement_bind_text (purchase, 6, message);
  sqlite3_bind_int64 (purchase, 7, transaction_id);
  sqlite3_bind_int64 (purchase, 8, _fanfare_now ());
  if (!_fanfare_statement_run (purchase, error))
    return 0;

  purchase_id = _fanfare_connection_last_insert_id (conn);
  sqlite3_bind_int64 (owned, 1, owner_id);
  sqlite3_bind_int64 (owned, 2, album_id);
  sqlite3_bind_int64 (owned, 3, purchase_id);
  if (!_fanfare_statement_run (owned, error))
    return 0;

  return purchase_id;
}

typedef struct {
  const FanfareMoneyRequest *request;
  gint64                     album_id;
  gint64                     owner_id;
  const char                *message;
  guint                      fee_percent;
  FanfarePurchaseRecord     *record;
} Purchase;

/* A purchase, in a transaction it shares with others. */
static gboolean
write_purchase (FanfareConnection *conn,
                gpointer           data,
                GError           **error)
{
  Purchase *purchase = data;
  const FanfareMoneyRequest *request = purchase->request;
  Offer offer = { 0 };
  gint64 earlier = 0, transaction_id, purchase_id = 0;

  if (!find_key (conn, request, "purchase", &earlier, error))
    return FALSE;

  if (earlier != 0)
    {
      if ((purchase->record = fetch_purchase (conn, earlier, error)) != NULL)
        purchase->record->replayed = TRUE;
      return purchase->record != NULL;
    }

  if (fetch_offer (conn, purchase->album_id, &offer, error) &&
      check_not_owned (conn, purchase->owner_id, purchase->album_id, purchase->owner_id != request->user_id, error) &&
      (transaction_id = charge (conn, request->user_id, &offer, purchase->fee_percent, error)) != 0 &&
      (purchase_id = insert_purchase (conn, purchase->album_id, request->user_id, purchase->owner_id, &offer,
                                      purchase->message, transaction_id, error)) != 0 &&
      record_key (conn, request, "purchase", purchase_id, error))
    purchase->record = fetch_purchase (conn, purchase_id, error);

  g_free (offer.currency);

  return purchase->record != NULL;
}

/**
 * fanfare_ledger_store_purchase:
 * @owner_id: who gets the album: the buyer, or the friend it is a gift to
 * @message: (nullable): a gift's note
 * @fee_percent: the platform's share of the price
 *
 * Buys an album with the wallet of @request's user: the charge, the
 * purchase with the next serial number of the album and the ownership, all
 * in one transaction with the request's key. A request with a key used
 * before answers the first result, marked replayed. Purchases made at the
 * same moment share their transaction's commit, each undone alone if it
 * fails.
 *
 * Returns: (transfer full): the purchase, or %NULL: not found, not for
 *   sale or owned already (conflict), the wallet short (payment required)
 */
FanfarePurchaseRecord *
fanfare_ledger_store_purchase (FanfareDatabase           *db,
                               const FanfareMoneyRequest *request,
                               gint64                     album_id,
                               gint64                     owner_id,
                               const char                *message,
                               guint                      fee_percent,
                               GError                   **error)
{
  Purchase purchase = {
    .request = request, .album_id = album_id, .owner_id = owner_id, .message = message, .fee_percent = fee_percent,
  };

  g_return_val_if_fail (request != NULL && request->key != NULL, NULL);

  if (!_fanfare_database_write_grouped (db, write_purchase, &purchase, error))
    {
      g_clear_pointer (&purchase.record, fanfare_purchase_record_free);
      return NULL;
    }

  return purchase.record;
}

/**
 * fanfare_ledger_store_top_up:
 * @provider: the payment provider's name
 * @reference: what the provider names the payment by; each is credited once
 *
 * Credits the wallet of @request's user with a payment the provider
 * confirmed. A payment credited before is a conflict, unless it is the
 * same request again, which answers the first result.
 */
FanfareTopUpRecord *
fanfare_ledger_store_top_up (FanfareDatabase           *db,
                             const FanfareMoneyRequest *request,
                             const char                *provider,
                             const char                *reference,
                             gint64                     amount_cents,
                             const char                *currency,
                             GError                   **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareTopUpRecord) record = g_new0 (FanfareTopUpRecord, 1);
  gint64 earlier = 0, source, wallet, transaction_id, topup_id;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (amount_cents > 0, NULL);

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !find_key (conn, request, "topup", &earlier, error) ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT t.id, t.amount_cents, t.currency, a.balance_cents"
                                           " FROM topups t JOIN ledger_accounts a ON a.kind = 'user_wallet'"
                                           " AND a.owner_id = t.user_id AND a.currency = t.currency WHERE t.id = ?1",
                                           error)) == NULL)
    return NULL;

  if (earlier == 0)
    {
      g_autoptr(FanfareStatement) insert = NULL;

      if ((source = ensure_account (conn, "topup_source", TOPUP_SOURCE_OWNER, currency, NULL, error)) == 0 ||
          (wallet = ensure_account (conn, "user_wallet", request->user_id, currency, NULL, error)) == 0 ||
          (transaction_id = begin_transaction (conn, "topup", 0, error)) == 0 ||
          !post_entry (conn, transaction_id, source, -amount_cents, error) ||
          !post_entry (conn, transaction_id, wallet, amount_cents, error) ||
          (insert = _fanfare_connection_prepare (conn,
                                                 "INSERT INTO topups (user_id, provider, reference, amount_cents, currency,"
                                                 " transaction_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                                 error)) == NULL)
        return NULL;

      sqlite3_bind_int64 (insert, 1, request->user_id);
      _fanfare_statement_bind_text (insert, 2, provider);
      _fanfare_statement_bind_text (insert, 3, reference);
      sqlite3_bind_int64 (insert, 4, amount_cents);
      _fanfare_statement_bind_text (insert, 5, currency);
      sqlite3_bind_int64 (insert, 6, transaction_id);
      sqlite3_bind_int64 (insert, 7, _fanfare_now ());
      if (!_fanfare_statement_run (insert, &local_error))
        {
          if (g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT))
            g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "This payment was credited already");
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      topup_id = _fanfare_connection_last_insert_id (conn);
      if (!record_key (conn, request, "topup", topup_id, error))
        return NULL;
    }
  else
    {
      topup_id = earlier;
      record->replayed = TRUE;
    }

  sqlite3_bind_int64 (stmt, 1, topup_id);
  if (!_fanfare_statement_step_row (stmt, "No such top-up", error))
    return NULL;

  record->id = topup_id;
  record->amount_cents = sqlite3_column_int64 (stmt, 1);
  record->currency = _fanfare_statement_dup_text (stmt, 2);
  record->balance_cents = sqlite3_column_int64 (stmt, 3);
  _fanfare_statement_reset (g_steal_pointer (&stmt));

  if (earlier == 0 && !_fanfare_connection_commit (conn, error))
    return NULL;

  return g_steal_pointer (&record);
}

/**
 * fanfare_ledger_store_refund:
 *
 * Refunds a purchase: a transaction of the reversing entries, and the album
 * is no longer owned. A purchase is refunded once.
 */
gboolean
fanfare_ledger_store_refund (FanfareDatabase *db,
                             gint64           purchase_id,
                             GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) find = NULL;
  g_autoptr(FanfareStatement) entries = NULL;
  g_autoptr(FanfareStatement) refund = NULL;
  g_autoptr(FanfareStatement) disown = NULL;
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 original, transaction_id;
  int rc;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (find = _fanfare_connection_prepare (conn,
                                           "SELECT p.transaction_id, r.purchase_id FROM purchases p"
                                           " LEFT JOIN refunds r ON r.purchase_id = p.id WHERE p.id = ?1",
                                           error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (find, 1, purchase_id);
  if (!_fanfare_statement_step_row (find, "No such purchase", error))
    return FALSE;

  if (sqlite3_column_type (find, 1) != SQLITE_NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "This purchase was refunded already");
      return FALSE;
    }

  original = sqlite3_column_int64 (find, 0);
  if ((transaction_id = begin_transaction (conn, "refund", original, error)) == 0 ||
      (entries = _fanfare_connection_prepare (conn,
                                              "SELECT account_id, amount_cents FROM ledger_entries"
                                              " WHERE transaction_id = ?1 ORDER BY id", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (entries, 1, original);
  while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (entries, 0), sqlite3_column_int64 (entries, 1) };

      g_array_append_vals (reversed, pair, 2);
    }
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (entries, error);

  for (guint i = 0; i < reversed->len; i += 2)
    if (!post_entry (conn, transaction_id, g_array_index (reversed, gint64, i),
                     -g_array_index (reversed, gint64, i + 1), error))
      return FALSE;

  if ((refund = _fanfare_connection_prepare (conn,
                                             "INSERT INTO refunds (purchase_id, transaction_id, created_at)"
                                             " VALUES (?1, ?2, ?3)", error)) == NULL ||
      (disown = _fanfare_connection_prepare (conn, "DELETE FROM owned_albums WHERE purchase_id = ?1",
                                             error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (refund, 1, purchase_id);
  sqlite3_bind_int64 (refund, 2, transaction_id);
  sqlite3_bind_int64 (refund, 3, _fanfare_now ());
  sqlite3_bind_int64 (disown, 1, purchase_id);

  return _fanfare_statement_run (refund, error) && _fanfare_statement_run (disown, error) &&
         _fanfare_connection_commit (conn, error);
}

FanfarePurchaseRecord *
fanfare_ledger_store_get_purchase (FanfareDatabase *db,
                                   gint64           purchase_id,
                                   GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL)
    return NULL;

  return fetch_purchase (conn, purchase_id, error);
}

/**
 * fanfare_ledger_store_list_balances:
 *
 * Returns: (transfer full) (element-type FanfareBalance): the user's
 *   wallets, one per currency they ever held
 */
GPtrArray *
fanfare_ledger_store_list_balances (FanfareDatabase *db,
                                    gint64           user_id,
                                    GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) balances = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_balance_free);
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT currency, balance_cents FROM ledger_accounts"
                                           " WHERE kind = 'user_wallet' AND owner_id = ?1 ORDER BY currency",
                                           error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareBalance *balance = g_new0 (FanfareBalance, 1);

      balance->currency = _fanfare_statement_dup_text (stmt, 0);
      balance->balance_cents = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (balances, balance);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&balances);
}

/**
 * fanfare_ledger_store_get_balance:
 * @kind: `user_wallet`, `artist_earnings`, `platform_fee` or `topup_source`
 * @owner_id: the user or artist; 0 for the platform's accounts
 *
 * Returns: the balance, 0 for an account never used
 */
gint64
fanfare_ledger_store_get_balance (FanfareDatabase *db,
                                  const char      *kind,
                                  gint64           owner_id,
                                  const char      *currency,
                                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT balance_cents FROM ledger_accounts"
                                           " WHERE kind = ?1 AND owner_id = ?2 AND currency = ?3", error)) == NULL)
    return 0;

  _fanfare_statement_bind_text (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  _fanfare_statement_bind_text (stmt, 3, currency);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    _fanfare_statement_error (stmt, error);

  return 0;
}
