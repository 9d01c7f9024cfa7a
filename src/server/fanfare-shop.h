/* fanfare-shop.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"
#include "fanfare-sales-store.h"
#include "fanfare-server-types.h"

G_BEGIN_DECLS

/* The store's rules and keys: the platform's fee, the certification tiers
 * (both from `store.ini` in the data folder), the key that signs
 * nameplates (`nameplate-signing.key`, made at the first start, readable
 * by the server's user only) and the payment providers. */



/* A payment a provider confirmed: what it is worth, and the provider's
 * unique name for it, which the ledger credits once. */
typedef struct {
  gint64 amount_cents;
  char  *currency;
  char  *reference;
} FanfarePayment;

/* A payment provider. @confirm runs in a worker thread and checks the
 * payment the client names by @token; it never credits anything itself. */
typedef struct _FanfarePaymentProvider FanfarePaymentProvider;
struct _FanfarePaymentProvider {
  const char *name;
  gboolean    (*confirm) (const FanfarePaymentProvider *self,
                          FanfareDatabase              *db,
                          const char                   *token,
                          FanfarePayment               *payment,
                          GError                      **error);
};

/* The built-in provider: top-up codes an admin issues. */
extern const FanfarePaymentProvider fanfare_payment_codes;

/* A certification tier: the all-time unique buyers it takes. */
typedef struct {
  char *name;
  guint buyers;
} FanfareCertification;

#define FANFARE_NAMEPLATE_FORMAT "fanfare-nameplate-1"

FanfareShop                  *fanfare_shop_new (const char *data_dir,
                                                GError    **error);
void                          fanfare_shop_free (FanfareShop *self);
guint                         fanfare_shop_get_fee_percent (FanfareShop *self);
const char                   *fanfare_shop_get_currency (FanfareShop *self);
const char                   *fanfare_shop_certify (FanfareShop *self,
                                                    guint        buyers);
const FanfarePaymentProvider *fanfare_shop_get_provider (FanfareShop *self,
                                                         const char  *name);
char                         *fanfare_shop_get_public_key (FanfareShop *self) G_GNUC_WARN_UNUSED_RESULT;
char                         *fanfare_shop_get_key_id (FanfareShop *self) G_GNUC_WARN_UNUSED_RESULT;
char                         *fanfare_shop_nameplate_payload (const FanfareNameplateRecord *record) G_GNUC_WARN_UNUSED_RESULT;
char                         *fanfare_shop_sign (FanfareShop *self,
                                                 const char  *payload) G_GNUC_WARN_UNUSED_RESULT;

void                          fanfare_payment_clear (FanfarePayment *payment);
char                         *fanfare_payment_new_code (void) G_GNUC_WARN_UNUSED_RESULT;
char                         *fanfare_payment_hash_code (const char *code) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareShop, fanfare_shop_free)

G_END_DECLS
