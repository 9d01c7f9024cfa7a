/* fanfare-lyrics-view.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LYRICS_VIEW (fanfare_lyrics_view_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLyricsView, fanfare_lyrics_view, FANFARE, LYRICS_VIEW, GtkWidget);

void fanfare_lyrics_view_set_player (FanfareLyricsView *self,
                                     FanfarePlayer     *player);
int  fanfare_lyrics_view_get_current_line (FanfareLyricsView *self);

G_END_DECLS
