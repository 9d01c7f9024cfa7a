/* fanfare-test-player.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A wait the player's tests share. Inline, so that the tests of other
 * parts, which share the audio helpers, need not link the player. */

#pragma once

#include "fanfare-player.h"

G_BEGIN_DECLS

/* What fanfare_test_position_reached() waits for. */
typedef struct {
  FanfarePlayer *player;
  GTimeSpan      at_least;
} FanfareTestPositionWait;

/* A condition for fanfare_test_wait_for(): the player has played to at
 * least the position asked for. */
static inline gboolean
fanfare_test_position_reached (gpointer  data)
{
  FanfareTestPositionWait *wait = data;

  return fanfare_player_get_position (wait->player) >= wait->at_least;
}

G_END_DECLS
