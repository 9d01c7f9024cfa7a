/* fanfare-http-json.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-catalog-store.h"
#include "fanfare-request.h"

G_BEGIN_DECLS

/* The API's JSON shapes: objects in their model form, lists as
 * {"items": [...], "next_cursor": "..."}, cursors opaque. */

JsonNode *fanfare_http_object_to_json (GObject *object) G_GNUC_WARN_UNUSED_RESULT;
GBytes   *fanfare_http_json_form (JsonNode *node) G_GNUC_WARN_UNUSED_RESULT;
void      fanfare_http_append_member (GString    *text,
                                      const char *member,
                                      GBytes     *form);
void      fanfare_http_add_object (JsonBuilder *builder,
                                   const char  *member,
                                   gpointer     object);
void      fanfare_http_add_array (JsonBuilder *builder,
                                  const char  *member,
                                  GPtrArray   *objects);
void      fanfare_http_respond_object (FanfareRequest *request,
                                       guint           status,
                                       const char     *member,
                                       gpointer        object);
void      fanfare_http_respond_with_list (FanfareRequest *request,
                                          const char     *member,
                                          gpointer        object,
                                          const char     *list_member,
                                          GPtrArray      *list);
void      fanfare_http_add_cursor (JsonBuilder *builder,
                                   const char  *next_cursor);
void      fanfare_http_respond_items (FanfareRequest *request,
                                      GPtrArray      *objects,
                                      const char     *next_cursor);
char     *fanfare_http_cursor_encode (const char *key,
                                      gint64      id) G_GNUC_WARN_UNUSED_RESULT;
gboolean  fanfare_http_cursor_decode (const char *cursor,
                                      char      **key,
                                      gint64     *id,
                                      GError    **error);
gboolean  fanfare_http_get_position (FanfareRequest      *request,
                                     FanfareListPosition *position,
                                     GError             **error);
void      fanfare_http_respond_page (FanfareRequest            *request,
                                     GPtrArray                 *objects,
                                     const FanfareListPosition *next);

G_END_DECLS
