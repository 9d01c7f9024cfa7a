/* fanfare-http-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-request.h"
#include "fanfare-sales-store.h"

G_BEGIN_DECLS

/* The store's JSON shapes, shared by its route files. */

/* How many of a person's nameplates show beside their comments or their
 * place on a leaderboard: the app shows no more. */
#define FANFARE_HTTP_NAMEPLATES_SHOWN 3

void fanfare_http_add_nameplate (JsonBuilder                  *builder,
                                 FanfareRequest               *request,
                                 const FanfareNameplateRecord *record);
GHashTable *fanfare_http_collect_nameplates (FanfareRequest *request,
                                             const gint64   *owner_ids,
                                             guint           n_owners,
                                             gint64          artist_id,
                                             gint64          album_id,
                                             GPtrArray     **records);
void fanfare_http_add_purchase (JsonBuilder                 *builder,
                                FanfareRequest              *request,
                                const FanfarePurchaseRecord *purchase);

void fanfare_http_store_add_int (JsonBuilder *builder,
                                 const char  *member,
                                 gint64       value);
void fanfare_http_store_add_string (JsonBuilder *builder,
                                    const char  *member,
                                    const char  *value);
void fanfare_http_store_add_id (JsonBuilder *builder,
                                const char  *member,
                                gint64       id);
void fanfare_http_store_add_time (JsonBuilder *builder,
                                  const char  *member,
                                  gint64       unix_time);
void fanfare_http_store_respond (FanfareRequest *request,
                                 guint           status,
                                 JsonBuilder    *builder);

G_END_DECLS
