/* fanfare-photo-card.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_PHOTO_CARD_WIDTH  1080
#define FANFARE_PHOTO_CARD_HEIGHT 1350

GBytes *fanfare_photo_card_render (GdkTexture *photo,
                                   const char *buyer,
                                   const char *album,
                                   gint64      serial,
                                   GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
