/* fanfare-demo-art.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

GdkPixbuf *fanfare_demo_draw_cover (guint32  seed,
                                    int      size) G_GNUC_WARN_UNUSED_RESULT;
GdkPixbuf *fanfare_demo_draw_avatar (guint32  seed,
                                     int      size) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
