/* fanfare-playlists-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PLAYLISTS_PAGE (fanfare_playlists_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlaylistsPage, fanfare_playlists_page, FANFARE, PLAYLISTS_PAGE, GtkWidget);

void        fanfare_playlists_page_set_accounts (FanfarePlaylistsPage  *self,
                                                 FanfareAccountManager *accounts);
GListModel *fanfare_playlists_page_get_own (FanfarePlaylistsPage *self);
GListModel *fanfare_playlists_page_get_followed (FanfarePlaylistsPage *self);
gint64      fanfare_playlists_page_create_local (FanfarePlaylistsPage *self,
                                                 const char           *title,
                                                 GError              **error);
guint       fanfare_playlists_page_get_n_local (FanfarePlaylistsPage *self);

const char *fanfare_visibility_get_label (FanfarePlaylistVisibility  visibility);

G_END_DECLS
