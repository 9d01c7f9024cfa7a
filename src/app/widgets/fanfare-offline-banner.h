/* fanfare-offline-banner.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_OFFLINE_BANNER (fanfare_offline_banner_get_type ())

G_DECLARE_FINAL_TYPE (FanfareOfflineBanner, fanfare_offline_banner, FANFARE, OFFLINE_BANNER, GtkWidget);

void     fanfare_offline_banner_set_accounts (FanfareOfflineBanner  *self,
                                              FanfareAccountManager *accounts);
gboolean fanfare_offline_banner_get_revealed (FanfareOfflineBanner *self);

G_END_DECLS
