/* fanfare-ledger-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* A request that moves money: who asks, the key they named it with and a
 * digest of what they asked, so that a retry is recognised and a different
 * request under the same key refused. */
typedef struct {
  gint64      user_id;
  const char *key;
  const char *request_hash;
} FanfareMoneyRequest;

/* One purchase of an album: for the buyer, or a gift to its owner. */
typedef struct {
  gint64   id;
  gint64   album_id;
  gint64   buyer_id;
  gint64   owner_id;
  gint64   price_cents;
  char    *currency;
  gint64   serial;
  char    *message;
  gint64   created_at;
  gboolean refunded;
  gboolean replayed;  /* the result of an earlier request with the same key */
} FanfarePurchaseRecord;

typedef struct {
  gint64   id;
  gint64   amount_cents;
  char    *currency;
  gint64   balance_cents;  /* of the wallet after it */
  gboolean replayed;
} FanfareTopUpRecord;

typedef struct {
  char  *currency;
  gint64 balance_cents;
} FanfareBalance;

typedef enum {
  FANFARE_WALLET_ENTRY_TOP_UP,
  FANFARE_WALLET_ENTRY_PURCHASE,
  FANFARE_WALLET_ENTRY_GIFT,
  FANFARE_WALLET_ENTRY_REFUND,
} FanfareWalletEntryKind;

/* One entry of a wallet's history. */
typedef struct {
  gint64                 id;
  FanfareWalletEntryKind kind;
  gint64                 amount_cents;   /* in (> 0) or out (< 0) */
  char                  *currency;
  gint64                 balance_cents;  /* of the wallet after it */
  gint64                 album_id;       /* of a purchase, gift or refund; else 0 */
  char                  *album_title;
  char                  *gift_to;        /* the username a gift went to */
  gint64                 created_at;
} FanfareWalletEntry;

void                   fanfare_purchase_record_free (FanfarePurchaseRecord *record);
void                   fanfare_top_up_record_free (FanfareTopUpRecord *record);
void                   fanfare_balance_free (FanfareBalance *balance);
void                   fanfare_wallet_entry_free (FanfareWalletEntry *entry);

FanfarePurchaseRecord *fanfare_ledger_store_purchase (FanfareDatabase           *db,
                                                      const FanfareMoneyRequest *request,
                                                      gint64                     album_id,
                                                      gint64                     owner_id,
                                                      const char                *message,
                                                      guint                      fee_percent,
                                                      GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareTopUpRecord    *fanfare_ledger_store_top_up (FanfareDatabase           *db,
                                                    const FanfareMoneyRequest *request,
                                                    const char                *provider,
                                                    const char                *reference,
                                                    gint64                     amount_cents,
                                                    const char                *currency,
                                                    GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean               fanfare_ledger_store_refund (FanfareDatabase *db,
                                                    gint64           purchase_id,
                                                    GError         **error);
FanfarePurchaseRecord *fanfare_ledger_store_get_purchase (FanfareDatabase *db,
                                                          gint64           purchase_id,
                                                          GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray             *fanfare_ledger_store_list_balances (FanfareDatabase *db,
                                                           gint64           user_id,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gint64                 fanfare_ledger_store_get_balance (FanfareDatabase *db,
                                                         const char      *kind,
                                                         gint64           owner_id,
                                                         const char      *currency,
                                                         GError         **error);
GPtrArray             *fanfare_ledger_store_list_wallet_history (FanfareDatabase           *db,
                                                                 gint64                     user_id,
                                                                 const FanfareListPosition *after,
                                                                 guint                      limit,
                                                                 FanfareListPosition       *last,
                                                                 GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
guint                  fanfare_ledger_store_audit (FanfareDatabase *db,
                                                   GString         *report,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePurchaseRecord, fanfare_purchase_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareTopUpRecord, fanfare_top_up_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareWalletEntry, fanfare_wallet_entry_free)

G_END_DECLS
