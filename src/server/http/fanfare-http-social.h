/* fanfare-http-social.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-catalog-store.h"
#include "fanfare-comment-store.h"
#include "fanfare-request.h"

G_BEGIN_DECLS

/* What the social route groups share: the user a path names, as the
 * caller may see them, and lists of users. */

gint64    fanfare_http_social_path_user (FanfareRequest *request);
gboolean  fanfare_http_social_can_see (FanfareRequest *request,
                                       gint64          user_id,
                                       GError        **error);
gboolean  fanfare_http_add_user (JsonBuilder     *builder,
                                 const char      *member,
                                 FanfareDatabase *db,
                                 gint64           user_id,
                                 GError         **error);
void      fanfare_http_respond_users (FanfareRequest            *request,
                                      GArray                    *user_ids,
                                      const FanfareListPosition *next);
gboolean  fanfare_http_collect_node (GPtrArray *nodes,
                                     JsonNode  *node,
                                     GError   **error);
void      fanfare_http_respond_nodes (FanfareRequest *request,
                                      GPtrArray      *nodes,
                                      const char     *next_cursor);
gboolean  fanfare_http_add_comment (JsonBuilder             *builder,
                                    FanfareDatabase         *db,
                                    const FanfareCommentRow *row,
                                    GError                 **error);
gboolean  fanfare_http_read_id (JsonObject *object,
                                const char *member,
                                gint64     *id,
                                GError    **error);

G_END_DECLS
