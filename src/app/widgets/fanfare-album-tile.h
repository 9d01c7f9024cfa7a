/* fanfare-album-tile.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-album.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ALBUM_TILE (fanfare_album_tile_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAlbumTile, fanfare_album_tile, FANFARE, ALBUM_TILE, GtkWidget);

GtkWidget          *fanfare_album_tile_new (void);
GtkListItemFactory *fanfare_album_tile_factory_new (gboolean  show_year) G_GNUC_WARN_UNUSED_RESULT;
void                fanfare_album_tile_set_show_year (FanfareAlbumTile *self,
                                                      gboolean          show_year);
FanfareAlbum *fanfare_album_tile_get_album (FanfareAlbumTile *self);
void          fanfare_album_tile_set_album (FanfareAlbumTile *self,
                                            FanfareAlbum     *album);

GtkWidget    *fanfare_album_tile_new_for_album (gpointer  item,
                                                gpointer  user_data);

G_END_DECLS
