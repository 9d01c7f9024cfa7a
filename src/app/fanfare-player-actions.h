/* fanfare-player-actions.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

GActionGroup *fanfare_player_actions_new (FanfarePlayer *player) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
