/* fanfare-purchased-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-album-download.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PURCHASED_PAGE (fanfare_purchased_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePurchasedPage, fanfare_purchased_page, FANFARE, PURCHASED_PAGE, GtkWidget);

void     fanfare_purchased_page_reload (FanfarePurchasedPage *self);
guint    fanfare_purchased_page_get_n_albums (FanfarePurchasedPage *self);
guint    fanfare_purchased_page_get_n_verified (FanfarePurchasedPage *self);
void     fanfare_purchased_page_download_to (FanfarePurchasedPage *self,
                                             const char           *album_id,
                                             GFile                *folder);
FanfareAlbumDownload *fanfare_purchased_page_get_download (FanfarePurchasedPage *self,
                                                           const char           *album_id);

G_END_DECLS
