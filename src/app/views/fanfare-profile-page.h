/* fanfare-profile-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"
#include "fanfare-profile-fandom.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PROFILE_PAGE (fanfare_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareProfilePage, fanfare_profile_page, FANFARE, PROFILE_PAGE, GtkWidget);

GtkWidget      *fanfare_profile_page_new (const char *username);
FanfareProfile *fanfare_profile_page_get_profile (FanfareProfilePage *self);
GListModel     *fanfare_profile_page_get_followers (FanfareProfilePage *self);
GListModel     *fanfare_profile_page_get_following (FanfareProfilePage *self);
FanfareProfileFandom *fanfare_profile_page_get_fandom (FanfareProfilePage *self);

G_END_DECLS
