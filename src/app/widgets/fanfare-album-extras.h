/* fanfare-album-extras.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ALBUM_EXTRAS (fanfare_album_extras_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAlbumExtras, fanfare_album_extras, FANFARE, ALBUM_EXTRAS, GtkWidget)

void     fanfare_album_extras_load (FanfareAlbumExtras *self,
                                    FanfareClient      *client,
                                    const char         *album_id,
                                    const char         *title);
guint    fanfare_album_extras_get_n_photos (FanfareAlbumExtras *self);
gboolean fanfare_album_extras_get_card_ready (FanfareAlbumExtras *self);
gboolean fanfare_album_extras_save_card_to (FanfareAlbumExtras *self,
                                            GFile              *file,
                                            GError            **error);

G_END_DECLS
