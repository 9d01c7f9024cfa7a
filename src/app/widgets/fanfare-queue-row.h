/* fanfare-queue-row.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_QUEUE_ROW (fanfare_queue_row_get_type ())

G_DECLARE_FINAL_TYPE (FanfareQueueRow, fanfare_queue_row, FANFARE, QUEUE_ROW, GtkWidget);

GtkWidget *fanfare_queue_row_new (void);
void       fanfare_queue_row_bind (FanfareQueueRow *self,
                                   FanfareTrack    *track,
                                   guint            position,
                                   gboolean         current);
void       fanfare_queue_row_set_current (FanfareQueueRow *self,
                                          gboolean         current);
guint      fanfare_queue_row_get_position (FanfareQueueRow *self);

G_END_DECLS
