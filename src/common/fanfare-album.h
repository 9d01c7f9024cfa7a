/* fanfare-album.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ALBUM (fanfare_album_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAlbum, fanfare_album, FANFARE, ALBUM, GObject);

FanfareAlbum *fanfare_album_new_from_json (JsonObject *json,
                                           GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_album_to_json (FanfareAlbum *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_album_get_id (FanfareAlbum *self);
FanfareSource fanfare_album_get_source (FanfareAlbum *self);
const char * fanfare_album_get_title (FanfareAlbum *self);
const char * fanfare_album_get_artist (FanfareAlbum *self);
const char * fanfare_album_get_artist_id (FanfareAlbum *self);
guint fanfare_album_get_year (FanfareAlbum *self);
const char * fanfare_album_get_genre (FanfareAlbum *self);
guint fanfare_album_get_track_count (FanfareAlbum *self);
GTimeSpan fanfare_album_get_duration (FanfareAlbum *self);
const char * fanfare_album_get_cover_uri (FanfareAlbum *self);
const char * fanfare_album_get_release_date (FanfareAlbum *self);

G_END_DECLS
