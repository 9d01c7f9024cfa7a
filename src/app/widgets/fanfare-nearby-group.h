/* fanfare-nearby-group.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"
#include "fanfare-location-source.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_NEARBY_GROUP (fanfare_nearby_group_get_type ())

G_DECLARE_FINAL_TYPE (FanfareNearbyGroup, fanfare_nearby_group, FANFARE, NEARBY_GROUP, GtkWidget);

void        fanfare_nearby_group_set_client (FanfareNearbyGroup *self,
                                             FanfareClient      *client);
void        fanfare_nearby_group_set_source (FanfareNearbyGroup    *self,
                                             FanfareLocationSource *source);
void        fanfare_nearby_group_set_sharing (FanfareNearbyGroup *self,
                                              gboolean            sharing);
const char *fanfare_nearby_group_get_cell (FanfareNearbyGroup *self);
GListModel *fanfare_nearby_group_get_people (FanfareNearbyGroup *self);

G_END_DECLS
