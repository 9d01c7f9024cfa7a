/* fanfare-local-playlist-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-library.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LOCAL_PLAYLIST_PAGE (fanfare_local_playlist_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLocalPlaylistPage, fanfare_local_playlist_page, FANFARE, LOCAL_PLAYLIST_PAGE, GtkWidget);

GtkWidget *fanfare_local_playlist_page_new (FanfareLibrary *library,
                                            gint64          playlist_id);
gint64     fanfare_local_playlist_page_get_id (FanfareLocalPlaylistPage *self);
guint      fanfare_local_playlist_page_get_n_entries (FanfareLocalPlaylistPage *self);
void       fanfare_local_playlist_page_reload (FanfareLocalPlaylistPage *self);
void       fanfare_local_playlist_page_rename (FanfareLocalPlaylistPage *self,
                                               const char               *name);
void       fanfare_local_playlist_page_move_entry (FanfareLocalPlaylistPage *self,
                                                   guint                     from,
                                                   guint                     to);
void       fanfare_local_playlist_page_remove_entry (FanfareLocalPlaylistPage *self,
                                                     guint                     position);
void       fanfare_local_playlist_page_delete (FanfareLocalPlaylistPage *self);
void       fanfare_local_playlist_page_upload (FanfareLocalPlaylistPage *self);

G_END_DECLS
