/* fanfare-player-control.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What FanfarePlayer does: load, play, pause, skip and seek, follow the
 * pipeline from track to track, and move on when a track fails. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fanfare-player-private.h"

/* How often the position is read while playing, for a steady seek bar. */
#define POSITION_INTERVAL_MS      250
/* How often the position is saved while playing. */
#define POSITION_SAVE_INTERVAL_US (5 * G_USEC_PER_SEC)
/* "Previous" restarts the track when it has played longer than this. */
#define RESTART_THRESHOLD_US      (3 * G_USEC_PER_SEC)

/* How many tracks are prepared ahead for about-to-finish. */
#define N_UPCOMING 3

/* A dropped stream is fetched again up to MAX_RETRIES times, waiting
 * RETRY_FIRST_MS, then twice as long each time up to RETRY_MAX_MS: about
 * twenty seconds in all, as long as a server takes to restart. */
#define MAX_RETRIES    8
#define RETRY_FIRST_MS 250
#define RETRY_MAX_MS   4000
#define RETRY_RESET_US (2 * G_USEC_PER_SEC)

void
_fanfare_upcoming_free (FanfareUpcoming *upcoming)
{
  g_free (upcoming->uri);
  g_free (upcoming);
}

/* Prepares, for about-to-finish, the tracks that follow the one the
 * pipeline plays last: the current one, or one it started that the main
 * loop has not heard of yet. */
static void
prepare_next (FanfarePlayer *self)
{
  guint64 *last_started;
  int position;

  g_mutex_lock (&self->lock);

  g_queue_clear_full (&self->upcoming, (GDestroyNotify) _fanfare_upcoming_free);

  last_started = g_queue_peek_tail (&self->started);
  position = last_started ? fanfare_play_queue_find_entry (self->queue, *last_started)
                          : fanfare_play_queue_get_current (self->queue);

  for (guint i = 0; position >= 0 && i < N_UPCOMING; i++)
    {
      FanfareTrack *track;
      FanfareUpcoming *upcoming;

      position = fanfare_play_queue_get_next_after (self->queue, position, TRUE);
      if (position < 0)
        break;

      track = fanfare_play_queue_get_track (self->queue, position);
      upcoming = g_new0 (FanfareUpcoming, 1);
      upcoming->uri = g_strdup (fanfare_track_get_uri (track));
      upcoming->entry_id = fanfare_play_queue_get_entry_id (self->queue, position);
      g_queue_push_tail (&self->upcoming, upcoming);
    }

  g_mutex_unlock (&self->lock);
}

void
_fanfare_player_set_position (FanfarePlayer *self,
                              GTimeSpan      position)
{
  if (self->position == position)
    return;

  self->position = position;
  _fanfare_player_notify (self, PROP_POSITION);
}

static gboolean
position_cb (gpointer  data)
{
  FanfarePlayer *self = data;

  _fanfare_player_update_position (self);

  if (self->store != NULL && self->restored &&
      g_get_monotonic_time () - self->last_position_save > POSITION_SAVE_INTERVAL_US)
    {
      self->last_position_save = g_get_monotonic_time ();
      fanfare_player_store_save_position (self->store, self->position);
    }

  return G_SOURCE_CONTINUE;
}

static void
update_capabilities (FanfarePlayer *self)
{
  _fanfare_player_notify (self, PROP_CAN_GO_NEXT);
  _fanfare_player_notify (self, PROP_CAN_GO_PREVIOUS);
  _fanfare_player_notify (self, PROP_CAN_PLAY);
  _fanfare_player_notify (self, PROP_CAN_SEEK);
}

static void
queue_changed_cb (FanfarePlayer *self)
{
  prepare_next (self);
  update_capabilities (self);
  _fanfare_player_schedule_save (self);
}

static void
current_track_changed_cb (FanfarePlayer *self)
{
  FanfareTrack *track = fanfare_play_queue_get_current_track (self->queue);

  /* The queue removed what was playing, or cleared itself. */
  if (track == NULL && self->state != FANFARE_PLAYER_STATE_STOPPED)
    fanfare_player_stop (self);

  _fanfare_player_notify (self, PROP_CURRENT_TRACK);
}

static void
load_position (FanfarePlayer *self,
               int            position,
               gboolean       play,
               GTimeSpan      start)
{
  FanfareTrack *track;

  g_clear_handle_id (&self->retry_source, g_source_remove);
  fanfare_play_queue_set_current (self->queue, position);
  track = fanfare_play_queue_get_current_track (self->queue);
  if (track == NULL)
    {
      fanfare_player_stop (self);
      return;
    }

  _fanfare_player_set_position (self, start);
  _fanfare_player_set_duration (self, fanfare_track_get_duration (track));
  _fanfare_player_pipeline_load (self, track, play, start);
  _fanfare_player_set_state (self, play ? FANFARE_PLAYER_STATE_PLAYING : FANFARE_PLAYER_STATE_PAUSED);
}

void
_fanfare_player_set_state (FanfarePlayer      *self,
                           FanfarePlayerState  state)
{
  if (self->state == state)
    return;

  self->state = state;

  g_clear_handle_id (&self->position_source, g_source_remove);
  if (state == FANFARE_PLAYER_STATE_PLAYING)
    self->position_source = g_timeout_add (POSITION_INTERVAL_MS, position_cb, self);
  else if (self->store != NULL && self->restored)
    fanfare_player_store_save_position (self->store, self->position);

  _fanfare_player_notify (self, PROP_STATE);
  update_capabilities (self);
}

void
_fanfare_player_set_duration (FanfarePlayer *self,
                              GTimeSpan      duration)
{
  if (self->duration == duration)
    return;

  self->duration = duration;
  _fanfare_player_notify (self, PROP_DURATION);
}

void
_fanfare_player_update_position (FanfarePlayer *self)
{
  GTimeSpan position = _fanfare_player_pipeline_query_position (self);

  if (position >= 0)
    _fanfare_player_set_position (self, position);

  /* The stream plays again: a later drop gets every retry afresh. */
  if (self->retries > 0 && position > self->retry_position + RETRY_RESET_US)
    self->retries = 0;
}

void
_fanfare_player_advanced (FanfarePlayer *self,
                          guint64        entry_id)
{
  int position = fanfare_play_queue_find_entry (self->queue, entry_id);
  gboolean same_entry = position == fanfare_play_queue_get_current (self->queue);
  FanfareTrack *track;

  /* The entry was removed from the queue after it was prepared: it plays
   * all the same, and the queue stays where it is. */
  if (position < 0)
    return;

  /* The pipeline moved on by itself, gaplessly: follow it. */
  self->failures = 0;
  fanfare_play_queue_set_current (self->queue, position);
  track = fanfare_play_queue_get_current_track (self->queue);

  _fanfare_player_set_position (self, 0);
  _fanfare_player_set_duration (self, track ? fanfare_track_get_duration (track) : 0);

  if (self->rate != 1.0)
    _fanfare_player_pipeline_seek (self, 0);

  /* Repeating one track does not change the current entry, but it starts
   * again, which a seek to the start reports to MPRIS. */
  if (same_entry)
    _fanfare_player_emit_seeked (self, 0);
}

void
_fanfare_player_reached_end (FanfarePlayer *self)
{
  /* about-to-finish found nothing to play next: the queue is over. */
  _fanfare_player_pipeline_stop (self);
  _fanfare_player_set_position (self, 0);
  _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_STOPPED);
}

static gboolean
retry_cb (gpointer  data)
{
  FanfarePlayer *self = data;
  int current = fanfare_play_queue_get_current (self->queue);

  self->retry_source = 0;
  g_debug ("Reconnecting the stream at %" G_GINT64_FORMAT " ms (attempt %u)",
           self->retry_position / G_TIME_SPAN_MILLISECOND, self->retries);
  if (current >= 0)
    load_position (self, current, TRUE, self->retry_position);

  return G_SOURCE_REMOVE;
}

/* A stream of the platform that dropped, because the connection did or
 * the server restarted, is fetched again from where it stopped, after a
 * delay that grows; the listener hears a pause, not a skip. */
static gboolean
retry_stream (FanfarePlayer *self,
              const GError  *error)
{
  FanfareTrack *track = fanfare_play_queue_get_current_track (self->queue);
  const char *uri = track != NULL ? fanfare_track_get_uri (track) : NULL;
  guint delay;

  if (!g_error_matches (error, FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NETWORK) ||
      self->state != FANFARE_PLAYER_STATE_PLAYING || uri == NULL ||
      !(g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://")))
    return FALSE;

  /* A track that never started fails at once, as a file would: only a
   * stream that was playing is worth waiting for. */
  if (self->retries == 0 && self->position <= 0)
    return FALSE;

  if (self->retry_source == 0 && self->retries >= MAX_RETRIES)
    return FALSE;

  if (self->retry_source == 0)
    {
      /* A failed reconnection keeps the position of the first drop. */
      if (self->retries == 0)
        self->retry_position = self->position;
      delay = MIN (RETRY_FIRST_MS << MIN (self->retries, 8), RETRY_MAX_MS);
      self->retries++;
      g_debug ("Stream dropped (%s); trying again in %u ms", error->message, delay);
      self->retry_source = g_timeout_add (delay, retry_cb, self);
    }

  /* Whatever else the old pipeline still posts must not count. */
  _fanfare_player_pipeline_destroy (self);
  self->loaded = FALSE;

  return TRUE;
}

void
_fanfare_player_failed (FanfarePlayer *self,
                        GError        *error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  int next = fanfare_play_queue_get_next (self->queue, FALSE);
  gboolean was_playing = self->state == FANFARE_PLAYER_STATE_PLAYING;

  if (retry_stream (self, error))
    return;

  if (self->retries > 0)
    {
      g_autoptr(GError) gave_up = g_error_new_literal (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NETWORK,
                                                       _("The connection to the server was lost; playback stopped"));

      /* The next track is on the same server: stop rather than skip
       * through the whole queue. */
      self->retries = 0;
      _fanfare_player_emit_error (self, gave_up);
      _fanfare_player_pipeline_destroy (self);
      self->loaded = FALSE;
      _fanfare_player_set_position (self, self->retry_position);
      _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_PAUSED);
      return;
    }

  _fanfare_player_emit_error (self, error);

  self->failures++;

  /* One failure posts more than one error, some from threads that outlive
   * the state change: a new pipeline leaves them all behind. */
  _fanfare_player_pipeline_destroy (self);
  self->loaded = FALSE;

  /* Move on to the next playable track, but not round and round a queue
   * where nothing plays. */
  if (was_playing && next >= 0 && self->failures < n_items)
    load_position (self, next, TRUE, 0);
  else
    {
      self->failures = 0;
      _fanfare_player_set_position (self, 0);
      _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_STOPPED);
    }
}

/**
 * fanfare_player_play:
 * @self: a #FanfarePlayer
 *
 * Plays, or resumes, the current track; the first one when there is none.
 */
void
fanfare_player_play (FanfarePlayer *self)
{
  int current;

  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (self->state == FANFARE_PLAYER_STATE_PLAYING)
    return;

  current = fanfare_play_queue_get_current (self->queue);
  if (self->state == FANFARE_PLAYER_STATE_PAUSED && self->loaded)
    {
      _fanfare_player_pipeline_set_playing (self, TRUE);
      _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_PLAYING);
      return;
    }

  if (current < 0 && g_list_model_get_n_items (G_LIST_MODEL (self->queue)) > 0)
    current = 0;
  if (current < 0)
    return;

  /* A restored track starts where it was left. */
  load_position (self, current, TRUE,
                 self->state == FANFARE_PLAYER_STATE_PAUSED ? self->position : 0);
}

/**
 * fanfare_player_pause:
 * @self: a #FanfarePlayer
 */
void
fanfare_player_pause (FanfarePlayer *self)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (self->state != FANFARE_PLAYER_STATE_PLAYING)
    return;

  /* Paused while reconnecting: play starts again from where it dropped. */
  if (self->retry_source != 0)
    {
      g_clear_handle_id (&self->retry_source, g_source_remove);
      self->retries = 0;
      _fanfare_player_set_position (self, self->retry_position);
      _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_PAUSED);
      return;
    }

  _fanfare_player_update_position (self);
  _fanfare_player_pipeline_set_playing (self, FALSE);
  _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_PAUSED);
}

/**
 * fanfare_player_play_pause:
 * @self: a #FanfarePlayer
 */
void
fanfare_player_play_pause (FanfarePlayer *self)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (self->state == FANFARE_PLAYER_STATE_PLAYING)
    fanfare_player_pause (self);
  else
    fanfare_player_play (self);
}

/**
 * fanfare_player_stop:
 * @self: a #FanfarePlayer
 *
 * Stops, back at the start of the current track.
 */
void
fanfare_player_stop (FanfarePlayer *self)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retries = 0;
  _fanfare_player_pipeline_stop (self);
  self->pending_seek = -1;
  _fanfare_player_set_position (self, 0);
  _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_STOPPED);
}

static void
go_to (FanfarePlayer *self,
       int            position)
{
  gboolean play = self->state == FANFARE_PLAYER_STATE_PLAYING;

  if (position < 0)
    return;

  self->failures = 0;
  if (self->state == FANFARE_PLAYER_STATE_STOPPED)
    {
      fanfare_play_queue_set_current (self->queue, position);
      return;
    }

  load_position (self, position, play, 0);
}

/**
 * fanfare_player_next:
 * @self: a #FanfarePlayer
 *
 * Skips to the next track, keeping on playing or staying paused.
 */
void
fanfare_player_next (FanfarePlayer *self)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (_fanfare_player_longform_next (self))
    return;
  go_to (self, fanfare_play_queue_get_next (self->queue, FALSE));
}

/**
 * fanfare_player_previous:
 * @self: a #FanfarePlayer
 *
 * Goes back to the start of the track, or to the track before when the
 * current one has only just begun.
 */
void
fanfare_player_previous (FanfarePlayer *self)
{
  int previous;

  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (_fanfare_player_longform_previous (self))
    return;
  previous = fanfare_play_queue_get_previous (self->queue);
  if (fanfare_player_get_position (self) > RESTART_THRESHOLD_US || previous < 0)
    fanfare_player_seek (self, 0);
  else
    go_to (self, previous);
}

/**
 * fanfare_player_play_position:
 * @self: a #FanfarePlayer
 * @position: a position in the queue
 *
 * Plays the queued track at @position.
 */
void
fanfare_player_play_position (FanfarePlayer *self,
                              guint          position)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->queue)));

  self->failures = 0;
  load_position (self, position, TRUE, 0);
}

/**
 * fanfare_player_play_tracks:
 * @self: a #FanfarePlayer
 * @tracks: (element-type FanfareTrack): the tracks to play
 * @first: the position in @tracks to start at
 *
 * Replaces the queue with @tracks and plays from @first.
 */
void
fanfare_player_play_tracks (FanfarePlayer *self,
                            GPtrArray     *tracks,
                            guint          first)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));
  g_return_if_fail (tracks != NULL && first < tracks->len);

  fanfare_play_queue_set_tracks (self->queue, tracks, first);
  self->failures = 0;
  load_position (self, fanfare_play_queue_get_current (self->queue), TRUE, 0);
}

/**
 * fanfare_player_seek:
 * @self: a #FanfarePlayer
 * @position: where to go in the current track, in microseconds
 */
void
fanfare_player_seek (FanfarePlayer *self,
                     GTimeSpan      position)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (fanfare_play_queue_get_current (self->queue) < 0)
    return;

  position = MAX (position, 0);
  if (self->duration > 0)
    position = MIN (position, self->duration);

  if (self->loaded)
    _fanfare_player_pipeline_seek (self, position);
  else if (self->state != FANFARE_PLAYER_STATE_STOPPED)
    self->pending_seek = position;
  else
    return;

  _fanfare_player_set_position (self, position);
  _fanfare_player_emit_seeked (self, self->position);
}

/* What the player follows in its queue. */
void
_fanfare_player_connect_queue (FanfarePlayer *self)
{
  g_signal_connect_swapped (self->queue, "items-changed", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::current", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::repeat-mode", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::shuffle", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::current-track", G_CALLBACK (current_track_changed_cb), self);
}
