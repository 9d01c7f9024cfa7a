/* fanfare-studio-track-row.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_TRACK_ROW (fanfare_studio_track_row_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioTrackRow, fanfare_studio_track_row, FANFARE, STUDIO_TRACK_ROW, AdwEntryRow)

GtkWidget  *fanfare_studio_track_row_new (FanfareClient * client,
                                          JsonObject * track,
                                          gboolean first);
const char *fanfare_studio_track_row_get_track_id (FanfareStudioTrackRow *self);

G_END_DECLS
