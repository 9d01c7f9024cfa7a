/* fanfare-playlist.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PLAYLIST (fanfare_playlist_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlaylist, fanfare_playlist, FANFARE, PLAYLIST, GObject);

FanfarePlaylist *fanfare_playlist_new_from_json (JsonObject *json,
                                                 GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_playlist_to_json (FanfarePlaylist *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_playlist_get_id (FanfarePlaylist *self);
const char * fanfare_playlist_get_title (FanfarePlaylist *self);
const char * fanfare_playlist_get_description (FanfarePlaylist *self);
const char * fanfare_playlist_get_owner (FanfarePlaylist *self);
const char * fanfare_playlist_get_owner_name (FanfarePlaylist *self);
FanfarePlaylistVisibility fanfare_playlist_get_visibility (FanfarePlaylist *self);
guint fanfare_playlist_get_track_count (FanfarePlaylist *self);
GTimeSpan fanfare_playlist_get_duration (FanfarePlaylist *self);
const char * fanfare_playlist_get_cover_uri (FanfarePlaylist *self);
GDateTime * fanfare_playlist_get_updated_at (FanfarePlaylist *self);

G_END_DECLS
