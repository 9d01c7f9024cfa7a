/* fanfare-player-types.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareMpris FanfareMpris;
typedef struct _FanfarePlayQueue FanfarePlayQueue;
typedef struct _FanfarePlayer FanfarePlayer;

/**
 * FanfarePlayerState:
 * @FANFARE_PLAYER_STATE_STOPPED: nothing is loaded
 * @FANFARE_PLAYER_STATE_PAUSED: a track is loaded and paused
 * @FANFARE_PLAYER_STATE_PLAYING: a track is playing
 *
 * What the player is doing, as the user sees it.
 */
typedef enum {
  FANFARE_PLAYER_STATE_STOPPED,
  FANFARE_PLAYER_STATE_PAUSED,
  FANFARE_PLAYER_STATE_PLAYING,
} FanfarePlayerState;

/**
 * FanfareRepeatMode:
 * @FANFARE_REPEAT_MODE_OFF: stop after the last track
 * @FANFARE_REPEAT_MODE_ALL: start the queue again after the last track
 * @FANFARE_REPEAT_MODE_ONE: play the current track again and again
 *
 * What follows the end of a track.
 */
typedef enum {
  FANFARE_REPEAT_MODE_OFF,
  FANFARE_REPEAT_MODE_ALL,
  FANFARE_REPEAT_MODE_ONE,
} FanfareRepeatMode;

/**
 * FanfareReplayGainMode:
 * @FANFARE_REPLAY_GAIN_MODE_OFF: play at the level of the file
 * @FANFARE_REPLAY_GAIN_MODE_TRACK: every track at the same loudness
 * @FANFARE_REPLAY_GAIN_MODE_ALBUM: every album at the same loudness, keeping
 *   the differences between its tracks
 *
 * How loudness is normalised.
 */
typedef enum {
  FANFARE_REPLAY_GAIN_MODE_OFF,
  FANFARE_REPLAY_GAIN_MODE_TRACK,
  FANFARE_REPLAY_GAIN_MODE_ALBUM,
} FanfareReplayGainMode;

#define FANFARE_PLAYER_ERROR (fanfare_player_error_quark ())

/**
 * FanfarePlayerError:
 * @FANFARE_PLAYER_ERROR_NOT_FOUND: the file or stream does not exist
 * @FANFARE_PLAYER_ERROR_UNSUPPORTED: the format cannot be played
 * @FANFARE_PLAYER_ERROR_MISSING_PLUGIN: a GStreamer plugin is missing
 * @FANFARE_PLAYER_ERROR_NETWORK: the stream could not be fetched
 * @FANFARE_PLAYER_ERROR_NO_OUTPUT: there is no audio output
 * @FANFARE_PLAYER_ERROR_FAILED: anything else
 *
 * Why a track could not be played.
 */
typedef enum {
  FANFARE_PLAYER_ERROR_NOT_FOUND,
  FANFARE_PLAYER_ERROR_UNSUPPORTED,
  FANFARE_PLAYER_ERROR_MISSING_PLUGIN,
  FANFARE_PLAYER_ERROR_NETWORK,
  FANFARE_PLAYER_ERROR_NO_OUTPUT,
  FANFARE_PLAYER_ERROR_FAILED,
} FanfarePlayerError;

GQuark fanfare_player_error_quark (void);

G_END_DECLS
