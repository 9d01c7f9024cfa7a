/* fanfare-track-list-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_TRACK_LIST_PAGE (fanfare_track_list_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareTrackListPage, fanfare_track_list_page, FANFARE, TRACK_LIST_PAGE, GtkWidget);

GtkWidget  *fanfare_track_list_page_new (GListModel *tracks);
GListModel *fanfare_track_list_page_get_tracks (FanfareTrackListPage *self);

G_END_DECLS
