/* fanfare-artist.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ARTIST (fanfare_artist_get_type ())

G_DECLARE_FINAL_TYPE (FanfareArtist, fanfare_artist, FANFARE, ARTIST, GObject);

FanfareArtist *fanfare_artist_new_from_json (JsonObject *json,
                                             GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_artist_to_json (FanfareArtist *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_artist_get_id (FanfareArtist *self);
FanfareSource fanfare_artist_get_source (FanfareArtist *self);
const char * fanfare_artist_get_name (FanfareArtist *self);
const char * fanfare_artist_get_image_uri (FanfareArtist *self);
gboolean fanfare_artist_get_verified (FanfareArtist *self);
guint fanfare_artist_get_album_count (FanfareArtist *self);
const char * fanfare_artist_get_bio (FanfareArtist *self);
const char * const *fanfare_artist_get_links (FanfareArtist *self);
const char * fanfare_artist_get_username (FanfareArtist *self);

G_END_DECLS
