/* fanfare-genre.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_GENRE (fanfare_genre_get_type ())

G_DECLARE_FINAL_TYPE (FanfareGenre, fanfare_genre, FANFARE, GENRE, GObject);

FanfareGenre *fanfare_genre_new_from_json (JsonObject *json,
                                           GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_genre_to_json (FanfareGenre *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_genre_get_id (FanfareGenre *self);
FanfareSource fanfare_genre_get_source (FanfareGenre *self);
const char * fanfare_genre_get_name (FanfareGenre *self);
guint fanfare_genre_get_track_count (FanfareGenre *self);

G_END_DECLS
