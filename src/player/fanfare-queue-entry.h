/* fanfare-queue-entry.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_QUEUE_ENTRY (fanfare_queue_entry_get_type ())

G_DECLARE_FINAL_TYPE (FanfareQueueEntry, fanfare_queue_entry, FANFARE, QUEUE_ENTRY, GObject);

FanfareQueueEntry *fanfare_queue_entry_new (FanfareTrack *track,
                                            guint64       id) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack      *fanfare_queue_entry_get_track (FanfareQueueEntry *self);
guint64            fanfare_queue_entry_get_id (FanfareQueueEntry *self);

G_END_DECLS
