/* fanfare-queue-panel.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_QUEUE_PANEL (fanfare_queue_panel_get_type ())

G_DECLARE_FINAL_TYPE (FanfareQueuePanel, fanfare_queue_panel, FANFARE, QUEUE_PANEL, GtkWidget);

void fanfare_queue_panel_set_player (FanfareQueuePanel *self,
                                     FanfarePlayer     *player);

G_END_DECLS
