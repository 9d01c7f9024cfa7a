/* fanfare-send-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"

G_BEGIN_DECLS

GtkWidget *fanfare_send_to_friend (GtkWidget           *from,
                                   FanfareSocialTarget  kind,
                                   const char          *item_id,
                                   const char          *title);

G_END_DECLS
