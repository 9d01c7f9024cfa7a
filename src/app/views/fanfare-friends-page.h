/* fanfare-friends-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_FRIENDS_PAGE (fanfare_friends_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareFriendsPage, fanfare_friends_page, FANFARE, FRIENDS_PAGE, GtkWidget);

void        fanfare_friends_page_set_accounts (FanfareFriendsPage    *self,
                                               FanfareAccountManager *accounts);
void        fanfare_friends_page_reload (FanfareFriendsPage *self);
void        fanfare_friends_page_find_people (FanfareFriendsPage *self,
                                              const char         *text);
GListModel *fanfare_friends_page_get_feed (FanfareFriendsPage *self);
GListModel *fanfare_friends_page_get_people (FanfareFriendsPage *self);

G_END_DECLS
