/* fanfare-client-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-album.h"
#include "fanfare-client.h"

G_BEGIN_DECLS

/* A nameplate as the server signed it: the facts it shows, and the
 * payload and signature that prove them (docs/api.md, Store). */
typedef struct {
  char  *id;       /* its purchase's */
  gint64 serial;
  char  *album_id;
  char  *album;
  char  *artist;
  char  *artwork_uri;
  char  *owner_id;
  char  *owner;
  char  *owner_display_name;
  char  *payload;
  char  *signature;
  char  *key_id;
} FanfareNameplate;

typedef struct {
  gboolean for_sale;
  gint64   price_cents;
  char    *currency;
  gboolean owned;
} FanfareClientOffer;

/* An album the user owns, or one that was just bought. */
typedef struct {
  char             *id;
  FanfareAlbum     *album;      /* in lists; NULL right after buying */
  FanfareNameplate *nameplate;
  char             *from;       /* who gave it, for a gift received */
  char             *message;
} FanfareClientPurchase;

/* The artist's letter and photos for an album's owners. */
typedef struct {
  char *letter;   /* or NULL */
  GStrv photos;   /* their URIs */
} FanfareClientExtras;

typedef enum {
  FANFARE_CLIENT_WALLET_TOP_UP,
  FANFARE_CLIENT_WALLET_PURCHASE,
  FANFARE_CLIENT_WALLET_GIFT,      /* an album bought for someone */
  FANFARE_CLIENT_WALLET_REFUND,
} FanfareClientWalletKind;

/* An entry of the wallet's history. */
typedef struct {
  char                   *id;
  FanfareClientWalletKind kind;
  gint64                  amount_cents;   /* in (> 0) or out (< 0) */
  char                   *currency;
  gint64                  balance_cents;  /* after it */
  char                   *album_id;       /* or NULL for a top-up */
  char                   *album;
  char                   *to;             /* a gift's receiver */
  GDateTime              *created_at;
} FanfareClientWalletEntry;

void                   fanfare_client_wallet_entry_free (FanfareClientWalletEntry *entry);
void                   fanfare_client_list_wallet_history_async (FanfareClient       *self,
                                                                 const char          *cursor,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GPtrArray             *fanfare_client_list_wallet_history_finish (FanfareClient *self,
                                                                  GAsyncResult  *result,
                                                                  char         **next_cursor,
                                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;

void                   fanfare_client_extras_free (FanfareClientExtras *extras);
void                   fanfare_client_get_album_extras_async (FanfareClient       *self,
                                                              const char          *album_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
FanfareClientExtras   *fanfare_client_get_album_extras_finish (FanfareClient *self,
                                                               GAsyncResult  *result,
                                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

FanfareNameplate      *fanfare_nameplate_new_from_json (JsonObject *json,
                                                        GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_nameplate_free (FanfareNameplate *nameplate);
gboolean               fanfare_nameplate_verify (const FanfareNameplate *nameplate,
                                                 const char             *public_key);
char                  *fanfare_nameplate_format_serial (gint64  serial) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_offer_free (FanfareClientOffer *offer);
void                   fanfare_client_purchase_free (FanfareClientPurchase *purchase);

void                   fanfare_client_get_offer_async (FanfareClient       *self,
                                                       const char          *album_id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FanfareClientOffer    *fanfare_client_get_offer_finish (FanfareClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_purchase_async (FanfareClient       *self,
                                                      const char          *album_id,
                                                      const char          *gift_to,
                                                      const char          *message,
                                                      const char          *idempotency_key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
FanfareClientPurchase *fanfare_client_purchase_finish (FanfareClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_top_up_async (FanfareClient       *self,
                                                    const char          *code,
                                                    const char          *idempotency_key,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean               fanfare_client_top_up_finish (FanfareClient *self,
                                                     GAsyncResult  *result,
                                                     gint64        *balance_cents,
                                                     GError       **error);
void                   fanfare_client_get_wallet_async (FanfareClient       *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean               fanfare_client_get_wallet_finish (FanfareClient *self,
                                                         GAsyncResult  *result,
                                                         gint64        *balance_cents,
                                                         char         **currency,
                                                         GError       **error);
void                   fanfare_client_list_purchases_async (FanfareClient       *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
void                   fanfare_client_list_gifts_async (FanfareClient       *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray             *fanfare_client_list_purchases_finish (FanfareClient *self,
                                                             GAsyncResult  *result,
                                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_list_nameplates_async (FanfareClient       *self,
                                                             const char          *username,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GPtrArray             *fanfare_client_list_nameplates_finish (FanfareClient *self,
                                                              GAsyncResult  *result,
                                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_get_store_key_async (FanfareClient       *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
char                  *fanfare_client_get_store_key_finish (FanfareClient *self,
                                                            GAsyncResult  *result,
                                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareNameplate, fanfare_nameplate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientOffer, fanfare_client_offer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientPurchase, fanfare_client_purchase_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientExtras, fanfare_client_extras_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientWalletEntry, fanfare_client_wallet_entry_free)

G_END_DECLS
