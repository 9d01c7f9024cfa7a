/* fanfare-sales-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"
#include "fanfare-ledger-store.h"

G_BEGIN_DECLS

/* What a purchase shows: the nameplate's facts. */
typedef struct {
  gint64 purchase_id;
  gint64 serial;
  gint64 album_id;
  char  *album_title;
  gint64 artist_id;
  char  *artist_name;
  char  *artwork_uri;
  gint64 owner_id;
  char  *owner_username;
  char  *owner_display_name;
  gint64 buyer_id;
  char  *buyer_username;
  char  *message;
  gint64 issued_at;
} FanfareNameplateRecord;

typedef struct {
  gint64 album_id;
  guint  buyers;          /* in the period */
  guint  all_time_buyers; /* for certification */
} FanfareSalesEntry;

typedef struct {
  gint64   price_cents;   /* -1: not for sale */
  char    *currency;
  gint64   artist_user_id;
  gboolean owned;         /* by the viewer */
  gint64   purchase_id;   /* the viewer's, when owned */
} FanfareOfferRecord;

void                    fanfare_nameplate_record_free (FanfareNameplateRecord *record);
void                    fanfare_offer_record_free (FanfareOfferRecord *record);

FanfareOfferRecord     *fanfare_sales_store_get_offer (FanfareDatabase *db,
                                                       gint64           album_id,
                                                       gint64           viewer_id,
                                                       GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                fanfare_sales_store_set_price (FanfareDatabase *db,
                                                       gint64           album_id,
                                                       gint64           price_cents,
                                                       const char      *currency,
                                                       GError         **error);
GPtrArray              *fanfare_sales_store_list_nameplates (FanfareDatabase *db,
                                                             gint64           owner_id,
                                                             gboolean         gifts_only,
                                                             GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray              *fanfare_sales_store_list_artist_nameplates (FanfareDatabase *db,
                                                                    const gint64    *owner_ids,
                                                                    guint            n_owners,
                                                                    gint64           artist_id,
                                                                    gint64           album_id,
                                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareNameplateRecord *fanfare_sales_store_get_nameplate (FanfareDatabase *db,
                                                           gint64           purchase_id,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray                 *fanfare_sales_store_chart (FanfareDatabase *db,
                                                   gint64           since,
                                                   guint            limit,
                                                   GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                fanfare_sales_store_set_letter (FanfareDatabase *db,
                                                        gint64           album_id,
                                                        const char      *letter,
                                                        GError         **error);
gboolean                fanfare_sales_store_add_photo (FanfareDatabase *db,
                                                       gint64           album_id,
                                                       const char      *image_id,
                                                       guint            max_photos,
                                                       GError         **error);
gboolean                fanfare_sales_store_get_extras (FanfareDatabase *db,
                                                        gint64           album_id,
                                                        char           **letter,
                                                        GStrv           *photo_uris,
                                                        GError         **error);
gboolean                fanfare_sales_store_add_codes (FanfareDatabase    *db,
                                                       const char * const *code_hashes,
                                                       gint64              amount_cents,
                                                       const char         *currency,
                                                       GError            **error);
gboolean                fanfare_sales_store_find_code (FanfareDatabase *db,
                                                       const char      *code_hash,
                                                       gint64          *amount_cents,
                                                       char           **currency,
                                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareNameplateRecord, fanfare_nameplate_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareOfferRecord, fanfare_offer_record_free)

G_END_DECLS
