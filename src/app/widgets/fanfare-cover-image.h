/* fanfare-cover-image.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_COVER_IMAGE (fanfare_cover_image_get_type ())

G_DECLARE_FINAL_TYPE (FanfareCoverImage, fanfare_cover_image, FANFARE, COVER_IMAGE, GtkWidget);

GtkWidget  *fanfare_cover_image_new (void);
const char *fanfare_cover_image_get_uri (FanfareCoverImage *self);
void        fanfare_cover_image_set_uri (FanfareCoverImage *self,
                                         const char        *uri);
int         fanfare_cover_image_get_size (FanfareCoverImage *self);
void        fanfare_cover_image_set_size (FanfareCoverImage *self,
                                          int                size);
GdkTexture *fanfare_cover_image_get_texture (FanfareCoverImage *self);

G_END_DECLS
