/* fanfare-artist-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-artist.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ARTIST_PAGE (fanfare_artist_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareArtistPage, fanfare_artist_page, FANFARE, ARTIST_PAGE, GtkWidget);

GtkWidget     *fanfare_artist_page_new (FanfareArtist *artist,
                                        GListModel    *albums);
FanfareArtist *fanfare_artist_page_get_artist (FanfareArtistPage *self);
void           fanfare_artist_page_set_artist (FanfareArtistPage *self,
                                               FanfareArtist     *artist);

G_END_DECLS
