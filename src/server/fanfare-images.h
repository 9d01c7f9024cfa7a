/* fanfare-images.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "fanfare-media-store.h"

G_BEGIN_DECLS

#define FANFARE_IMAGE_MAX_BYTES (8 * 1024 * 1024)

char *fanfare_images_add_bytes (FanfareMediaStore *media,
                                GBytes            *data,
                                GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_images_add_pixbuf (FanfareMediaStore *media,
                                 GdkPixbuf         *pixbuf,
                                 const char        *image_id,
                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
