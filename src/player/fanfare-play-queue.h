/* fanfare-play-queue.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-player-types.h"
#include "fanfare-queue-entry.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PLAY_QUEUE (fanfare_play_queue_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlayQueue, fanfare_play_queue, FANFARE, PLAY_QUEUE, GObject);

FanfarePlayQueue *fanfare_play_queue_new (void) G_GNUC_WARN_UNUSED_RESULT;
void              fanfare_play_queue_set_tracks (FanfarePlayQueue *self,
                                                 GPtrArray        *tracks,
                                                 guint             current);
void              fanfare_play_queue_insert (FanfarePlayQueue *self,
                                             guint             position,
                                             GPtrArray        *tracks);
void              fanfare_play_queue_insert_next (FanfarePlayQueue *self,
                                                  GPtrArray        *tracks);
void              fanfare_play_queue_append (FanfarePlayQueue *self,
                                             GPtrArray        *tracks);
void              fanfare_play_queue_move (FanfarePlayQueue *self,
                                           guint             from,
                                           guint             to);
void              fanfare_play_queue_remove (FanfarePlayQueue *self,
                                             guint             position);
void              fanfare_play_queue_clear (FanfarePlayQueue *self);
int               fanfare_play_queue_get_current (FanfarePlayQueue *self);
void              fanfare_play_queue_set_current (FanfarePlayQueue *self,
                                                  int               position);
FanfareTrack     *fanfare_play_queue_get_current_track (FanfarePlayQueue *self);
FanfareTrack     *fanfare_play_queue_get_track (FanfarePlayQueue *self,
                                                guint             position);
guint64           fanfare_play_queue_get_entry_id (FanfarePlayQueue *self,
                                                   guint             position);
int               fanfare_play_queue_find_entry (FanfarePlayQueue *self,
                                                 guint64           entry_id);
int               fanfare_play_queue_get_next (FanfarePlayQueue *self,
                                               gboolean          automatic);
int               fanfare_play_queue_get_next_after (FanfarePlayQueue *self,
                                                     int               position,
                                                     gboolean          automatic);
int               fanfare_play_queue_get_previous (FanfarePlayQueue *self);
FanfareRepeatMode fanfare_play_queue_get_repeat_mode (FanfarePlayQueue *self);
void              fanfare_play_queue_set_repeat_mode (FanfarePlayQueue  *self,
                                                      FanfareRepeatMode  mode);
gboolean          fanfare_play_queue_get_shuffle (FanfarePlayQueue *self);
void              fanfare_play_queue_set_shuffle (FanfarePlayQueue *self,
                                                  gboolean          shuffle);
GPtrArray        *fanfare_play_queue_dup_original_order (FanfarePlayQueue *self) G_GNUC_WARN_UNUSED_RESULT;
GArray           *fanfare_play_queue_dup_play_order (FanfarePlayQueue *self) G_GNUC_WARN_UNUSED_RESULT;
void              fanfare_play_queue_restore (FanfarePlayQueue  *self,
                                              GPtrArray         *tracks,
                                              GArray            *play_order,
                                              int                current,
                                              gboolean           shuffle,
                                              FanfareRepeatMode  repeat_mode);

G_END_DECLS
