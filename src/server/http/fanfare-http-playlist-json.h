/* fanfare-http-playlist-json.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-playlist-store.h"
#include "fanfare-request.h"

G_BEGIN_DECLS

#define FANFARE_PLAYLIST_MAX_TITLE 100

/* What the playlist route groups share: a playlist's JSON for one viewer,
 * its entries, and reading the times and places of edits. */

void      fanfare_http_add_time (JsonBuilder *builder,
                                 const char  *member,
                                 gint64       seconds);
gboolean  fanfare_http_add_playlist (JsonBuilder         *builder,
                                     FanfareDatabase     *db,
                                     const FanfareViewer *viewer,
                                     gint64               playlist_id,
                                     GError             **error);
void      fanfare_http_add_entries (JsonBuilder *builder,
                                    const char  *member,
                                    GPtrArray   *entries);
void      fanfare_http_respond_playlist (FanfareRequest *request,
                                         guint           status,
                                         gint64          playlist_id,
                                         GPtrArray      *entries);
gboolean  fanfare_http_read_edit_time (JsonObject *body,
                                       const char *field,
                                       gint64     *milliseconds,
                                       GError    **error);
gboolean  fanfare_http_read_place (JsonObject           *body,
                                   FanfarePlaylistPlace *place,
                                   GError              **error);
gboolean  fanfare_http_read_track_id (JsonObject *object,
                                      const char *member,
                                      gboolean    required,
                                      gint64     *track_id,
                                      GError    **error);

G_END_DECLS
