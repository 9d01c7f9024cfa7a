/* fanfare-local-playlist-add.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-library-db.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

FanfareLibraryDb *fanfare_local_playlists_db (void);
gint64 fanfare_local_playlist_add_track (FanfareLibraryDb *db,
                                         gint64            playlist_id,
                                         FanfareTrack     *track,
                                         GError          **error);
void   fanfare_add_to_local_playlist (GtkWidget    *parent,
                                      FanfareTrack *track);

G_END_DECLS
