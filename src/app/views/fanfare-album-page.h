/* fanfare-album-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-album.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ALBUM_PAGE (fanfare_album_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAlbumPage, fanfare_album_page, FANFARE, ALBUM_PAGE, GtkWidget);

GtkWidget    *fanfare_album_page_new (FanfareAlbum *album,
                                      GListModel   *tracks);
FanfareAlbum *fanfare_album_page_get_album (FanfareAlbumPage *self);
GListModel   *fanfare_album_page_get_tracks (FanfareAlbumPage *self);

G_END_DECLS
