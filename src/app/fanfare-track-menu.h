/* fanfare-track-menu.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

void          fanfare_track_menu_popup (GtkWidget    *parent,
                                        FanfareTrack *track,
                                        double        x,
                                        double        y);
void          fanfare_track_menu_attach (GtkWidget *list);
void          fanfare_track_menu_mark (GtkWidget    *widget,
                                       FanfareTrack *track);
FanfareTrack *fanfare_track_menu_find_track (GtkWidget *widget);
void          fanfare_show_in_files (GtkWidget  *parent,
                                     const char *uri);

void          fanfare_add_to_playlist (GtkWidget    *parent,
                                       FanfareTrack *track);
GtkWidget    *fanfare_track_menu_dialog_list (AdwMessageDialog *dialog,
                                              const char       *label);
void          fanfare_toggle_saved (GtkWidget *from,
                                    gpointer   item);

G_END_DECLS
