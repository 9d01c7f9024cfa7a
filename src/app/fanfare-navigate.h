/* fanfare-navigate.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-genre.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

void fanfare_navigate_push (GtkWidget  *from,
                            GtkWidget  *page,
                            const char *title);
void fanfare_navigate_album (GtkWidget    *from,
                             FanfareAlbum *album);
void fanfare_navigate_album_of_track (GtkWidget    *from,
                                      FanfareTrack *track);
void fanfare_navigate_artist (GtkWidget     *from,
                              FanfareArtist *artist);
void fanfare_navigate_artist_of_track (GtkWidget    *from,
                                       FanfareTrack *track);
void fanfare_navigate_genre (GtkWidget    *from,
                             FanfareGenre *genre);

void fanfare_navigate_history (GtkWidget *from);
void fanfare_navigate_playlist (GtkWidget  *from,
                                const char *playlist_id);
void fanfare_navigate_local_playlist (GtkWidget *from,
                                      gint64     playlist_id);

void fanfare_navigate_profile (GtkWidget  *from,
                               const char *username);

void fanfare_navigate_track (GtkWidget    *from,
                             FanfareTrack *track);

void fanfare_play_album (GtkWidget    *from,
                         const char   *album_id,
                         GCancellable *cancellable);

G_END_DECLS
