/* fanfare-track-row.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

/**
 * FanfareTrackRowStyle:
 * @FANFARE_TRACK_ROW_COVER: a small cover, the title, and the artist and
 *   album below it
 * @FANFARE_TRACK_ROW_NUMBER: the track number and the title, with the
 *   artist below it only where it is not the album's, as on an album page
 *
 * How a row shows its track.
 */
typedef enum {
  FANFARE_TRACK_ROW_COVER,
  FANFARE_TRACK_ROW_NUMBER,
} FanfareTrackRowStyle;

#define FANFARE_TYPE_TRACK_ROW (fanfare_track_row_get_type ())

G_DECLARE_FINAL_TYPE (FanfareTrackRow, fanfare_track_row, FANFARE, TRACK_ROW, GtkWidget);

GtkWidget          *fanfare_track_row_new (FanfareTrackRowStyle  style);
GtkListItemFactory *fanfare_track_row_factory_new (FanfareTrackRowStyle  style) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack *fanfare_track_row_get_track (FanfareTrackRow *self);
void          fanfare_track_row_set_track (FanfareTrackRow *self,
                                           FanfareTrack    *track);

G_END_DECLS
