/* fanfare-client-social-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-client-private.h"
#include "fanfare-client-social.h"

G_BEGIN_DECLS

FanfareActivity *_fanfare_activity_new_from_json (JsonObject *json,
                                                  GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareComment  *_fanfare_comment_new_from_json (JsonObject *json,
                                                 GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareProfile  *_fanfare_profile_new_from_json (JsonObject *json,
                                                 GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareMessage  *_fanfare_message_new_from_json (JsonObject *json,
                                                 GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Calls that the social files share (fanfare-client-social.c). */
void     _fanfare_client_social_call_simple (FanfareClient       *self,
                                             const char          *method,
                                             const char          *path,
                                             JsonBuilder         *body,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void     _fanfare_client_social_call_list (FanfareClient       *self,
                                           const char          *method,
                                           const char          *path,
                                           JsonBuilder         *body,
                                           FanfareParseFunc     parse,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gpointer _fanfare_client_social_new_page (JsonObject *json,
                                          GListModel *items);
char    *_fanfare_client_social_with_cursor (const char *path,
                                             const char *cursor) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
