/* fanfare-player-persist.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How FanfarePlayer is kept across runs: its queue, current track and
 * position go to FanfarePlayerStore a moment after they change, and come
 * back, paused, at start-up. */

#include "config.h"

#include "fanfare-player-private.h"

/* Queue edits are saved this long after the last one. */
#define SAVE_DELAY_MS 500

static FanfarePlayerSnapshot *
take_snapshot (FanfarePlayer *self)
{
  FanfarePlayerSnapshot *snapshot = g_new0 (FanfarePlayerSnapshot, 1);

  snapshot->tracks = fanfare_play_queue_dup_original_order (self->queue);
  snapshot->shuffle = fanfare_play_queue_get_shuffle (self->queue);
  snapshot->play_order = snapshot->shuffle ? fanfare_play_queue_dup_play_order (self->queue) : NULL;
  snapshot->current = fanfare_play_queue_get_current (self->queue);
  snapshot->repeat_mode = fanfare_play_queue_get_repeat_mode (self->queue);
  snapshot->position = self->position;

  return snapshot;
}

static gboolean
save_cb (gpointer  data)
{
  FanfarePlayer *self = data;
  g_autoptr(FanfarePlayerSnapshot) snapshot = take_snapshot (self);

  self->save_source = 0;
  fanfare_player_store_save (self->store, snapshot);

  return G_SOURCE_REMOVE;
}

void
_fanfare_player_schedule_save (FanfarePlayer *self)
{
  /* Nothing is written before the saved queue is back, or it would be
   * overwritten with an empty one. */
  if (self->store == NULL || !self->restored)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfarePlayer *self = g_task_get_source_object (task);
  g_autoptr(FanfarePlayerSnapshot) snapshot = NULL;
  GError *error = NULL;

  snapshot = fanfare_player_store_load_finish (FANFARE_PLAYER_STORE (object), result, &error);
  self->restored = TRUE;

  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _fanfare_player_longform_restore (self, snapshot->resume);

  /* Something may have been queued while the saved queue loaded; that
   * wins over the old one. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->queue)) == 0 && snapshot->tracks->len > 0)
    {
      fanfare_play_queue_restore (self->queue, snapshot->tracks, snapshot->play_order,
                                  snapshot->current, snapshot->shuffle, snapshot->repeat_mode);
      if (fanfare_play_queue_get_current (self->queue) >= 0)
        {
          FanfareTrack *track = fanfare_play_queue_get_current_track (self->queue);

          /* Paused where it was left, without touching GStreamer yet. */
          _fanfare_player_set_duration (self, fanfare_track_get_duration (track));
          _fanfare_player_set_position (self, snapshot->position);
          _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_PAUSED);
        }
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * fanfare_player_restore_async:
 * @self: a #FanfarePlayer
 * @database_path: where playback is kept across runs
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Brings back the queue, the current track and the position of the last
 * run, paused, and keeps them up to date in @database_path from now on.
 */
void
fanfare_player_restore_async (FanfarePlayer       *self,
                              const char          *database_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (self->store == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_player_restore_async);

  self->store = fanfare_player_store_new (database_path);
  self->restored = FALSE;
  fanfare_player_store_load_async (self->store, cancellable, restore_cb, g_steal_pointer (&task));
}

/**
 * fanfare_player_restore_finish:
 *
 * Returns: whether the saved playback could be read
 */
gboolean
fanfare_player_restore_finish (FanfarePlayer *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fanfare_player_save_now:
 * @self: a #FanfarePlayer
 *
 * Writes the queue and the position now and waits until they are on disk,
 * as the application does when it quits.
 */
void
fanfare_player_save_now (FanfarePlayer *self)
{
  g_autoptr(FanfarePlayerSnapshot) snapshot = NULL;

  g_return_if_fail (FANFARE_IS_PLAYER (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->store == NULL || !self->restored)
    return;

  _fanfare_player_update_position (self);
  snapshot = take_snapshot (self);
  fanfare_player_store_save (self->store, snapshot);
  fanfare_player_store_flush (self->store);
}
