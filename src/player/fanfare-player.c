/* fanfare-player.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* FanfarePlayer owns playback: the queue, the GStreamer pipeline (in
 * fanfare-player-pipeline.c) and what is kept across runs. The UI, MPRIS
 * and the media keys all act through it, and it reports its state through
 * read-only properties they bind to. This file holds the object and its
 * properties; fanfare-player-control.c what it does, and
 * fanfare-player-persist.c how it is kept across runs. */

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>

#include "fanfare-player-enums.h"
#include "fanfare-player-private.h"

G_DEFINE_FINAL_TYPE (FanfarePlayer, fanfare_player, G_TYPE_OBJECT)
G_DEFINE_QUARK (fanfare_player_error_quark, fanfare_player_error)

enum {
  ERROR,
  SEEKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_fanfare_player_notify (FanfarePlayer *self,
                        guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}




















void
_fanfare_player_emit_error (FanfarePlayer *self,
                            GError        *error)
{
  g_signal_emit (self, signals[ERROR], 0, error);
}

void
_fanfare_player_emit_seeked (FanfarePlayer *self,
                             GTimeSpan      position)
{
  g_signal_emit (self, signals[SEEKED], 0, (gint64) position);
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
  g_clear_handle_id (&self->retry_source, g_source_remove);
  _fanfare_player_longform_dispose (self);
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

  if (_fanfare_player_longform_get_property (self, prop_id, value))
    return;

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
  _fanfare_player_longform_install_properties (properties);

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

  _fanfare_player_connect_queue (self);
  _fanfare_player_longform_init (self);
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
  _fanfare_player_notify (self, PROP_VOLUME);
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
  _fanfare_player_notify (self, PROP_MUTED);
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
  _fanfare_player_notify (self, PROP_RATE);
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
  _fanfare_player_notify (self, PROP_REPLAY_GAIN_MODE);
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

  return fanfare_play_queue_get_next (self->queue, FALSE) >= 0 || _fanfare_player_longform_can_go_next (self);
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




