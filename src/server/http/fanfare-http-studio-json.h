/* fanfare-http-studio-json.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-request.h"
#include "fanfare-studio-store.h"

G_BEGIN_DECLS

gint64    fanfare_http_studio_artist (FanfareRequest *request);
gboolean  fanfare_http_read_text (JsonObject  *body,
                                  const char  *member,
                                  gboolean     required,
                                  gsize        min_length,
                                  gsize        max_length,
                                  const char **value,
                                  GError     **error);
void      fanfare_http_add_optional_time (JsonBuilder *builder,
                                          const char  *member,
                                          gint64       seconds);
JsonNode *fanfare_http_upload_to_json (const FanfareUpload *upload) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_http_artist_request_to_json (const FanfareArtistRequest *artist_request) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_http_analytics_to_json (const FanfareAnalytics *analytics) G_GNUC_WARN_UNUSED_RESULT;
void      fanfare_http_respond_member (FanfareRequest *request,
                                       guint           status,
                                       const char     *member,
                                       JsonNode       *node);

G_END_DECLS
