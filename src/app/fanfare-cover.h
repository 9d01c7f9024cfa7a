/* fanfare-cover.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        fanfare_cover_load_async (const char          *uri,
                                      int                  size,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GdkTexture *fanfare_cover_load_finish (GAsyncResult *result,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void        fanfare_cover_get_colors (GdkTexture *texture,
                                      GdkRGBA    *dark,
                                      GdkRGBA    *light);

G_END_DECLS
