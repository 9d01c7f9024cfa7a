/* fanfare-track.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_TRACK (fanfare_track_get_type ())

G_DECLARE_FINAL_TYPE (FanfareTrack, fanfare_track, FANFARE, TRACK, GObject);

FanfareTrack *fanfare_track_new_from_json (JsonObject *json,
                                           GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_track_to_json (FanfareTrack *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_track_get_id (FanfareTrack *self);
FanfareTrackKind fanfare_track_get_kind (FanfareTrack *self);
FanfareSource fanfare_track_get_source (FanfareTrack *self);
const char * fanfare_track_get_uri (FanfareTrack *self);
const char * fanfare_track_get_title (FanfareTrack *self);
const char * fanfare_track_get_artist (FanfareTrack *self);
const char * const * fanfare_track_get_artists (FanfareTrack *self);
const char * fanfare_track_get_artist_id (FanfareTrack *self);
const char * fanfare_track_get_album (FanfareTrack *self);
const char * fanfare_track_get_album_id (FanfareTrack *self);
const char * fanfare_track_get_album_artist (FanfareTrack *self);
guint fanfare_track_get_track_number (FanfareTrack *self);
guint fanfare_track_get_disc_number (FanfareTrack *self);
guint fanfare_track_get_year (FanfareTrack *self);
const char * fanfare_track_get_genre (FanfareTrack *self);
GTimeSpan fanfare_track_get_duration (FanfareTrack *self);
const char * fanfare_track_get_cover_uri (FanfareTrack *self);
double fanfare_track_get_replaygain_track_gain (FanfareTrack *self);
double fanfare_track_get_replaygain_track_peak (FanfareTrack *self);
gboolean fanfare_track_get_has_lyrics (FanfareTrack *self);

G_END_DECLS
