/* fanfare-playlist-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PLAYLIST_PAGE (fanfare_playlist_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlaylistPage, fanfare_playlist_page, FANFARE, PLAYLIST_PAGE, GtkWidget);

GtkWidget       *fanfare_playlist_page_new (const char *playlist_id);
FanfarePlaylist *fanfare_playlist_page_get_playlist (FanfarePlaylistPage *self);
GListModel      *fanfare_playlist_page_get_entries (FanfarePlaylistPage *self);
guint            fanfare_playlist_page_get_n_read (FanfarePlaylistPage *self);
void             fanfare_playlist_page_rename (FanfarePlaylistPage *self,
                                               const char          *title,
                                               const char          *description);
void             fanfare_playlist_page_set_visibility (FanfarePlaylistPage       *self,
                                                       FanfarePlaylistVisibility  visibility);
void             fanfare_playlist_page_move_entry (FanfarePlaylistPage *self,
                                                   guint                from,
                                                   guint                to);
void             fanfare_playlist_page_remove_entry (FanfarePlaylistPage *self,
                                                     guint                position);
void             fanfare_playlist_page_set_collaborator (FanfarePlaylistPage *self,
                                                         const char          *username,
                                                         gboolean             invited);
const char * const *fanfare_playlist_page_get_collaborators (FanfarePlaylistPage *self);

G_END_DECLS
