/* fanfare-now-playing-view.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_NOW_PLAYING_VIEW (fanfare_now_playing_view_get_type ())

G_DECLARE_FINAL_TYPE (FanfareNowPlayingView, fanfare_now_playing_view, FANFARE, NOW_PLAYING_VIEW, GtkWidget);

void     fanfare_now_playing_view_set_player (FanfareNowPlayingView *self,
                                              FanfarePlayer         *player);
gboolean fanfare_now_playing_view_get_wide (FanfareNowPlayingView *self);

G_END_DECLS
