/* fanfare-privacy-group.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PRIVACY_GROUP (fanfare_privacy_group_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePrivacyGroup, fanfare_privacy_group, FANFARE, PRIVACY_GROUP, GtkWidget);

void                          fanfare_privacy_group_set_client (FanfarePrivacyGroup *self,
                                                                FanfareClient       *client);
const FanfarePrivacySettings *fanfare_privacy_group_get_settings (FanfarePrivacyGroup *self);

void                          fanfare_privacy_group_set_phone (FanfarePrivacyGroup *self,
                                                               const char          *phone);

G_END_DECLS
