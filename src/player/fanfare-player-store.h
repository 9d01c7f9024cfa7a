/* fanfare-player-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-player-types.h"

G_BEGIN_DECLS

/* What is kept of playback across runs. */
typedef struct {
  GPtrArray        *tracks;     /* FanfareTrack, in the order added */
  GArray           *play_order; /* guint indices into tracks; NULL when not shuffled */
  int               current;
  gboolean          shuffle;
  FanfareRepeatMode repeat_mode;
  GTimeSpan         position;
  GHashTable       *resume;     /* track key -> FanfareResumePoint: where long items stopped */
} FanfarePlayerSnapshot;

/* Where the listener stopped in a long item, and when (Unix seconds). */
typedef struct {
  GTimeSpan position;
  GTimeSpan duration;
  gint64    updated;
} FanfareResumePoint;

void fanfare_player_snapshot_free (FanfarePlayerSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePlayerSnapshot, fanfare_player_snapshot_free)

#define FANFARE_TYPE_PLAYER_STORE (fanfare_player_store_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlayerStore, fanfare_player_store, FANFARE, PLAYER_STORE, GObject);

FanfarePlayerStore    *fanfare_player_store_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_player_store_load_async (FanfarePlayerStore  *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
FanfarePlayerSnapshot *fanfare_player_store_load_finish (FanfarePlayerStore *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
void                   fanfare_player_store_save (FanfarePlayerStore    *self,
                                                  FanfarePlayerSnapshot *snapshot);
void                   fanfare_player_store_save_position (FanfarePlayerStore *self,
                                                           GTimeSpan           position);
void                   fanfare_player_store_save_resume (FanfarePlayerStore       *self,
                                                         const char               *key,
                                                         const FanfareResumePoint *point);
void                   fanfare_player_store_flush (FanfarePlayerStore *self);

G_END_DECLS
