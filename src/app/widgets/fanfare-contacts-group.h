/* fanfare-contacts-group.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CONTACTS_GROUP (fanfare_contacts_group_get_type ())

G_DECLARE_FINAL_TYPE (FanfareContactsGroup, fanfare_contacts_group, FANFARE, CONTACTS_GROUP, GtkWidget);

void        fanfare_contacts_group_set_client (FanfareContactsGroup *self,
                                               FanfareClient        *client);
void        fanfare_contacts_group_find_in_file (FanfareContactsGroup *self,
                                                 GFile                *file);
void        fanfare_contacts_group_leave_out (FanfareContactsGroup *self,
                                              GHashTable           *usernames);
GListModel *fanfare_contacts_group_get_matches (FanfareContactsGroup *self);

G_END_DECLS
