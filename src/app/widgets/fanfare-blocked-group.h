/* fanfare-blocked-group.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_BLOCKED_GROUP (fanfare_blocked_group_get_type ())

G_DECLARE_FINAL_TYPE (FanfareBlockedGroup, fanfare_blocked_group, FANFARE, BLOCKED_GROUP, GtkWidget);

void        fanfare_blocked_group_show (FanfareBlockedGroup *self,
                                        FanfareClient       *client,
                                        GListModel          *people);
void        fanfare_blocked_group_unblock (FanfareBlockedGroup *self,
                                           const char          *username);
GListModel *fanfare_blocked_group_get_people (FanfareBlockedGroup *self);

G_END_DECLS
