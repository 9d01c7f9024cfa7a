/* fanfare-track-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_TRACK_PAGE (fanfare_track_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareTrackPage, fanfare_track_page, FANFARE, TRACK_PAGE, GtkWidget);

GtkWidget    *fanfare_track_page_new (FanfareTrack *track);
FanfareTrack *fanfare_track_page_get_track (FanfareTrackPage *self);

G_END_DECLS
