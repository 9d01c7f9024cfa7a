/* fanfare-player-bar.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PLAYER_BAR (fanfare_player_bar_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlayerBar, fanfare_player_bar, FANFARE, PLAYER_BAR, GtkWidget);

gboolean       fanfare_player_bar_get_compact (FanfarePlayerBar *self);
void           fanfare_player_bar_set_compact (FanfarePlayerBar *self,
                                               gboolean          compact);
FanfarePlayer *fanfare_player_bar_get_player (FanfarePlayerBar *self);
void           fanfare_player_bar_set_player (FanfarePlayerBar *self,
                                              FanfarePlayer    *player);

G_END_DECLS
