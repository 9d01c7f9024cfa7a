/* fanfare-client-clubs-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-client-private.h"

G_BEGIN_DECLS

gpointer _fanfare_client_parse_member (JsonObject         *json,
                                       const char         *member,
                                       FanfareNewItemFunc  new_item,
                                       GError            **error);
gpointer _fanfare_client_parse_club (FanfareClient *self,
                                     JsonObject    *json,
                                     GError       **error);
gpointer _fanfare_client_parse_clubs (FanfareClient *self,
                                      JsonObject    *json,
                                      GError       **error);
gpointer _fanfare_client_parse_post (FanfareClient *self,
                                     JsonObject    *json,
                                     GError       **error);
void     _fanfare_client_club_call (FanfareClient       *self,
                                    const char          *method,
                                    const char          *path,
                                    const char          *id,
                                    const char          *suffix,
                                    JsonBuilder         *body,
                                    FanfareParseFunc     parse,
                                    GDestroyNotify       destroy,
                                    gpointer             source_tag,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

G_END_DECLS
