/* fanfare-discover-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_DISCOVER_PAGE (fanfare_discover_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareDiscoverPage, fanfare_discover_page, FANFARE, DISCOVER_PAGE, GtkWidget);

void        fanfare_discover_page_set_accounts (FanfareDiscoverPage   *self,
                                                FanfareAccountManager *accounts);
GListModel *fanfare_discover_page_get_new_releases (FanfareDiscoverPage *self);
GListModel *fanfare_discover_page_get_picks (FanfareDiscoverPage *self);
GListModel *fanfare_discover_page_get_chart (FanfareDiscoverPage *self);
GListModel *fanfare_discover_page_get_featured (FanfareDiscoverPage *self);

G_END_DECLS
