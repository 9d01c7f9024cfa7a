/* fanfare-player.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* FanfarePlayer owns playback: the queue, the GStreamer pipeline (in
 * fanfare-player-pipeline.c) and what is kept across runs. The UI, MPRIS
 * and the media keys all act through it, and it reports its state through
 * read-only properties they bind to. */

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>

#include "fanfare-player-enums.h"
#include "fanfare-player-private.h"

/* How often the position is read while playing, for a steady seek bar. */
#define POSITION_INTERVAL_MS       250
/* How often the position is saved while playing. */
#define POSITION_SAVE_INTERVAL_US  (5 * G_USEC_PER_SEC)
/* Queue edits are saved this long after the last one. */
#define SAVE_DELAY_MS              500
/* "Previous" restarts the track when it has played longer than this. */
#define RESTART_THRESHOLD_US       (3 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (FanfarePlayer, fanfare_player, G_TYPE_OBJECT)
G_DEFINE_QUARK (fanfare - player - error - quark, fanfare_player_error)

enum {
  PROP_0,
  PROP_QUEUE,
  PROP_STATE,
  PROP_CURRENT_TRACK,
  PROP_POSITION,
  PROP_DURATION,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_RATE,
  PROP_REPLAY_GAIN_MODE,
  PROP_CAN_GO_NEXT,
  PROP_CAN_GO_PREVIOUS,
  PROP_CAN_PLAY,
  PROP_CAN_SEEK,
  N_PROPS
};

enum {
  ERROR,
  SEEKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
notify (FanfarePlayer *self,
        guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* How many tracks are prepared ahead for about-to-finish. */
#define N_UPCOMING 3

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
      g_autoptr(FanfareTrack) track = NULL;
      FanfareUpcoming *upcoming;

      position = fanfare_play_queue_get_next_after (self->queue, position, TRUE);
      if (position < 0)
        break;

      track = g_list_model_get_item (G_LIST_MODEL (self->queue), position);
      upcoming = g_new0 (FanfareUpcoming, 1);
      upcoming->uri = g_strdup (fanfare_track_get_uri (track));
      upcoming->entry_id = fanfare_play_queue_get_entry_id (self->queue, position);
      g_queue_push_tail (&self->upcoming, upcoming);
    }

  g_mutex_unlock (&self->lock);
}

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

static void
schedule_save (FanfarePlayer *self)
{
  /* Nothing is written before the saved queue is back, or it would be
   * overwritten with an empty one. */
  if (self->store == NULL || !self->restored)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
set_position (FanfarePlayer *self,
              GTimeSpan      position)
{
  if (self->position == position)
    return;

  self->position = position;
  notify (self, PROP_POSITION);
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
  notify (self, PROP_CAN_GO_NEXT);
  notify (self, PROP_CAN_GO_PREVIOUS);
  notify (self, PROP_CAN_PLAY);
  notify (self, PROP_CAN_SEEK);
}

static void
queue_changed_cb (FanfarePlayer *self)
{
  prepare_next (self);
  update_capabilities (self);
  schedule_save (self);
}

static void
current_track_changed_cb (FanfarePlayer *self)
{
  FanfareTrack *track = fanfare_play_queue_get_current_track (self->queue);

  /* The queue removed what was playing, or cleared itself. */
  if (track == NULL && self->state != FANFARE_PLAYER_STATE_STOPPED)
    fanfare_player_stop (self);

  notify (self, PROP_CURRENT_TRACK);
}

static void
load_position (FanfarePlayer *self,
               int            position,
               gboolean       play,
               GTimeSpan      start)
{
  FanfareTrack *track;

  fanfare_play_queue_set_current (self->queue, position);
  track = fanfare_play_queue_get_current_track (self->queue);
  if (track == NULL)
    {
      fanfare_player_stop (self);
      return;
    }

  set_position (self, start);
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

  notify (self, PROP_STATE);
  update_capabilities (self);
}

void
_fanfare_player_set_duration (FanfarePlayer *self,
                              GTimeSpan      duration)
{
  if (self->duration == duration)
    return;

  self->duration = duration;
  notify (self, PROP_DURATION);
}

void
_fanfare_player_update_position (FanfarePlayer *self)
{
  GTimeSpan position = _fanfare_player_pipeline_query_position (self);

  if (position >= 0)
    set_position (self, position);
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

  set_position (self, 0);
  _fanfare_player_set_duration (self, track ? fanfare_track_get_duration (track) : 0);

  if (self->rate != 1.0)
    _fanfare_player_pipeline_seek (self, 0);

  /* Repeating one track does not change the current entry, but it starts
   * again, which a seek to the start reports to MPRIS. */
  if (same_entry)
    g_signal_emit (self, signals[SEEKED], 0, (gint64) 0);
}

void
_fanfare_player_reached_end (FanfarePlayer *self)
{
  /* about-to-finish found nothing to play next: the queue is over. */
  _fanfare_player_pipeline_stop (self);
  set_position (self, 0);
  _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_STOPPED);
}

void
_fanfare_player_failed (FanfarePlayer *self,
                        GError        *error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  int next = fanfare_play_queue_get_next (self->queue, FALSE);
  gboolean was_playing = self->state == FANFARE_PLAYER_STATE_PLAYING;

  g_signal_emit (self, signals[ERROR], 0, error);

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
      set_position (self, 0);
      _fanfare_player_set_state (self, FANFARE_PLAYER_STATE_STOPPED);
    }
}

void
_fanfare_player_emit_seeked (FanfarePlayer *self)
{
  g_signal_emit (self, signals[SEEKED], 0, (gint64) self->position);
}

static void
fanfare_player_dispose (GObject *object)
{
  FanfarePlayer *self = FANFARE_PLAYER (object);

  if (self->save_source != 0)
    fanfare_player_save_now (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->position_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  _fanfare_player_pipeline_destroy (self);

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  gst_clear_object (&self->audio_sink);

  G_OBJECT_CLASS (fanfare_player_parent_class)->dispose (object);
}

static void
fanfare_player_finalize (GObject *object)
{
  FanfarePlayer *self = FANFARE_PLAYER (object);

  g_queue_clear_full (&self->upcoming, (GDestroyNotify) _fanfare_upcoming_free);
  g_queue_clear_full (&self->started, g_free);
  g_free (self->auth_prefix);
  g_free (self->auth_value);
  g_free (self->audio_sink_description);
  g_free (self->missing_plugin);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fanfare_player_parent_class)->finalize (object);
}

static void
fanfare_player_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FanfarePlayer *self = FANFARE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CURRENT_TRACK:
      g_value_set_object (value, fanfare_player_get_current_track (self));
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;

    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;

    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;

    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;

    case PROP_REPLAY_GAIN_MODE:
      g_value_set_enum (value, self->replay_gain_mode);
      break;

    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, fanfare_player_get_can_go_next (self));
      break;

    case PROP_CAN_GO_PREVIOUS:
      g_value_set_boolean (value, fanfare_player_get_can_go_previous (self));
      break;

    case PROP_CAN_PLAY:
      g_value_set_boolean (value, fanfare_player_get_can_play (self));
      break;

    case PROP_CAN_SEEK:
      g_value_set_boolean (value, fanfare_player_get_can_seek (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_player_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FanfarePlayer *self = FANFARE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_VOLUME:
      fanfare_player_set_volume (self, g_value_get_double (value));
      break;

    case PROP_MUTED:
      fanfare_player_set_muted (self, g_value_get_boolean (value));
      break;

    case PROP_RATE:
      fanfare_player_set_rate (self, g_value_get_double (value));
      break;

    case PROP_REPLAY_GAIN_MODE:
      fanfare_player_set_replay_gain_mode (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_player_class_init (FanfarePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fanfare_player_dispose;
  object_class->finalize = fanfare_player_finalize;
  object_class->get_property = fanfare_player_get_property;
  object_class->set_property = fanfare_player_set_property;

  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL, FANFARE_TYPE_PLAY_QUEUE, ro);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       FANFARE_TYPE_PLAYER_STATE, FANFARE_PLAYER_STATE_STOPPED, ro);
  properties[PROP_CURRENT_TRACK] =
    g_param_spec_object ("current-track", NULL, NULL, FANFARE_TYPE_TRACK, ro);
  /**
   * FanfarePlayer:position:
   *
   * The position in the current track, in microseconds, updated a few times
   * a second while playing.
   */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /**
   * FanfarePlayer:volume:
   *
   * The volume from 0 to 1, on the cubic scale a listener hears.
   */
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0, rw);
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE, rw);
  /**
   * FanfarePlayer:rate:
   *
   * The playback speed, from 0.5 to 2.0, with the pitch kept.
   */
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, 0.5, 2.0, 1.0, rw);
  properties[PROP_REPLAY_GAIN_MODE] =
    g_param_spec_enum ("replay-gain-mode", NULL, NULL,
                       FANFARE_TYPE_REPLAY_GAIN_MODE, FANFARE_REPLAY_GAIN_MODE_TRACK, rw);
  properties[PROP_CAN_GO_NEXT] =
    g_param_spec_boolean ("can-go-next", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_GO_PREVIOUS] =
    g_param_spec_boolean ("can-go-previous", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_PLAY] =
    g_param_spec_boolean ("can-play", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_SEEK] =
    g_param_spec_boolean ("can-seek", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfarePlayer::error:
   * @self: the player
   * @error: what went wrong, in words for the user
   *
   * A track could not be played; the player has moved on to the next one
   * that can be.
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * FanfarePlayer::seeked:
   * @self: the player
   * @position: the new position, in microseconds
   *
   * The position jumped: a seek, or a track starting again.
   */
  signals[SEEKED] =
    g_signal_new ("seeked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
fanfare_player_init (FanfarePlayer *self)
{
  g_mutex_init (&self->lock);

  self->queue = fanfare_play_queue_new ();
  self->cancellable = g_cancellable_new ();
  self->volume = 1.0;
  self->rate = 1.0;
  self->pending_seek = -1;
  self->replay_gain_mode = FANFARE_REPLAY_GAIN_MODE_TRACK;
  /* Without a saved state to restore, there is nothing to protect. */
  self->restored = TRUE;

  g_signal_connect_swapped (self->queue, "items-changed", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::current", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::repeat-mode", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::shuffle", G_CALLBACK (queue_changed_cb), self);
  g_signal_connect_swapped (self->queue, "notify::current-track", G_CALLBACK (current_track_changed_cb), self);
}

/**
 * fanfare_player_new:
 *
 * Creates the player. GStreamer is not touched until something plays.
 *
 * Returns: (transfer full): a new #FanfarePlayer
 */
FanfarePlayer *
fanfare_player_new (void)
{
  return g_object_new (FANFARE_TYPE_PLAYER, NULL);
}

/**
 * fanfare_player_get_queue:
 * @self: a #FanfarePlayer
 *
 * Returns: (transfer none): the play queue
 */
FanfarePlayQueue *
fanfare_player_get_queue (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), NULL);

  return self->queue;
}

/**
 * fanfare_player_get_state:
 * @self: a #FanfarePlayer
 *
 * Returns: whether the player is stopped, paused or playing
 */
FanfarePlayerState
fanfare_player_get_state (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FANFARE_PLAYER_STATE_STOPPED);

  return self->state;
}

/**
 * fanfare_player_get_current_track:
 * @self: a #FanfarePlayer
 *
 * Returns: (transfer none) (nullable): the track playing or paused
 */
FanfareTrack *
fanfare_player_get_current_track (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), NULL);

  return fanfare_play_queue_get_current_track (self->queue);
}

/**
 * fanfare_player_get_position:
 * @self: a #FanfarePlayer
 *
 * Returns: the position in the current track, in microseconds
 */
GTimeSpan
fanfare_player_get_position (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), 0);

  /* Fresh while playing, but without notifying: this is called from
   * handlers of that very notification. */
  if (self->state == FANFARE_PLAYER_STATE_PLAYING && self->pending_seek < 0)
    {
      GTimeSpan position = _fanfare_player_pipeline_query_position (self);

      if (position >= 0)
        return position;
    }

  return self->position;
}

/**
 * fanfare_player_get_duration:
 * @self: a #FanfarePlayer
 *
 * Returns: the length of the current track, in microseconds, or 0
 */
GTimeSpan
fanfare_player_get_duration (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), 0);

  return self->duration;
}

/**
 * fanfare_player_get_volume:
 * @self: a #FanfarePlayer
 *
 * Returns: the volume, from 0 to 1 on a cubic scale
 */
double
fanfare_player_get_volume (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), 0);

  return self->volume;
}

/**
 * fanfare_player_set_volume:
 * @self: a #FanfarePlayer
 * @volume: from 0 to 1, on a cubic scale
 */
void
fanfare_player_set_volume (FanfarePlayer *self,
                           double         volume)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (G_APPROX_VALUE (self->volume, volume, DBL_EPSILON))
    return;

  self->volume = volume;
  _fanfare_player_pipeline_update_volume (self);
  notify (self, PROP_VOLUME);
}

/**
 * fanfare_player_get_muted:
 * @self: a #FanfarePlayer
 *
 * Returns: whether the sound is muted
 */
gboolean
fanfare_player_get_muted (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);

  return self->muted;
}

/**
 * fanfare_player_set_muted:
 * @self: a #FanfarePlayer
 * @muted: whether to mute the sound
 */
void
fanfare_player_set_muted (FanfarePlayer *self,
                          gboolean       muted)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  muted = !!muted;
  if (self->muted == muted)
    return;

  self->muted = muted;
  _fanfare_player_pipeline_update_volume (self);
  notify (self, PROP_MUTED);
}

/**
 * fanfare_player_get_rate:
 * @self: a #FanfarePlayer
 *
 * Returns: the playback speed
 */
double
fanfare_player_get_rate (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), 1.0);

  return self->rate;
}

/**
 * fanfare_player_set_rate:
 * @self: a #FanfarePlayer
 * @rate: the speed, from 0.5 to 2.0; the pitch stays the same
 */
void
fanfare_player_set_rate (FanfarePlayer *self,
                         double         rate)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  rate = CLAMP (rate, 0.5, 2.0);
  if (G_APPROX_VALUE (self->rate, rate, DBL_EPSILON))
    return;

  self->rate = rate;
  /* A seek to where we are carries the new rate. */
  _fanfare_player_pipeline_seek (self, fanfare_player_get_position (self));
  notify (self, PROP_RATE);
}

/**
 * fanfare_player_get_replay_gain_mode:
 * @self: a #FanfarePlayer
 *
 * Returns: how loudness is normalised
 */
FanfareReplayGainMode
fanfare_player_get_replay_gain_mode (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FANFARE_REPLAY_GAIN_MODE_OFF);

  return self->replay_gain_mode;
}

/**
 * fanfare_player_set_replay_gain_mode:
 * @self: a #FanfarePlayer
 * @mode: how to normalise loudness
 */
void
fanfare_player_set_replay_gain_mode (FanfarePlayer         *self,
                                     FanfareReplayGainMode  mode)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  if (self->replay_gain_mode == mode)
    return;

  self->replay_gain_mode = mode;
  _fanfare_player_pipeline_rebuild_filters (self);
  notify (self, PROP_REPLAY_GAIN_MODE);
}

/**
 * fanfare_player_get_can_go_next:
 * @self: a #FanfarePlayer
 *
 * Returns: whether there is a track after the current one
 */
gboolean
fanfare_player_get_can_go_next (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);

  return fanfare_play_queue_get_next (self->queue, FALSE) >= 0;
}

/**
 * fanfare_player_get_can_go_previous:
 * @self: a #FanfarePlayer
 *
 * Returns: whether "previous" does something: go back, or restart the track
 */
gboolean
fanfare_player_get_can_go_previous (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);

  return fanfare_play_queue_get_current (self->queue) >= 0;
}

/**
 * fanfare_player_get_can_play:
 * @self: a #FanfarePlayer
 *
 * Returns: whether there is anything to play
 */
gboolean
fanfare_player_get_can_play (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->queue)) > 0;
}

/**
 * fanfare_player_get_can_seek:
 * @self: a #FanfarePlayer
 *
 * Returns: whether the current track can be sought in
 */
gboolean
fanfare_player_get_can_seek (FanfarePlayer *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER (self), FALSE);

  /* Until the pipeline says otherwise, a track can be sought: a seek
   * asked for before it is ready waits for it. */
  return fanfare_play_queue_get_current (self->queue) >= 0 &&
         self->state != FANFARE_PLAYER_STATE_STOPPED &&
         (self->seekable || !self->seek_known);
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

  _fanfare_player_pipeline_stop (self);
  self->pending_seek = -1;
  set_position (self, 0);
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

  set_position (self, position);
  _fanfare_player_emit_seeked (self);
}

/**
 * fanfare_player_set_audio_sink:
 * @self: a #FanfarePlayer
 * @sink: (nullable): the element to play through, or %NULL for the default
 *
 * Takes effect when the pipeline is built, the first time something plays.
 */
void
fanfare_player_set_audio_sink (FanfarePlayer *self,
                               GstElement    *sink)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  gst_object_replace ((GstObject **) &self->audio_sink, (GstObject *) sink);
}

/**
 * fanfare_player_set_audio_sink_description:
 * @self: a #FanfarePlayer
 * @description: (nullable): a gst-launch description such as "pulsesink"
 *
 * The audio output, when the environment variable FANFARE_AUDIO_SINK does
 * not name one. Takes effect when the pipeline is built.
 */
void
fanfare_player_set_audio_sink_description (FanfarePlayer *self,
                                           const char    *description)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  g_free (self->audio_sink_description);
  self->audio_sink_description = g_strdup (description);
}

/**
 * fanfare_player_set_authorization:
 * @self: a #FanfarePlayer
 * @uri_prefix: (nullable): the server's address, such as "https://example.org/"
 * @authorization: (nullable): the Authorization header for it
 *
 * Streams from @uri_prefix are requested with @authorization; no other
 * address ever sees it.
 */
void
fanfare_player_set_authorization (FanfarePlayer *self,
                                  const char    *uri_prefix,
                                  const char    *authorization)
{
  g_return_if_fail (FANFARE_IS_PLAYER (self));

  g_mutex_lock (&self->lock);
  g_free (self->auth_prefix);
  g_free (self->auth_value);
  self->auth_prefix = g_strdup (uri_prefix);
  self->auth_value = g_strdup (authorization);
  g_mutex_unlock (&self->lock);
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
          set_position (self, snapshot->position);
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
