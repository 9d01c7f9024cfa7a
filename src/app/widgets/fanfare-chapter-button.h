/* fanfare-chapter-button.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CHAPTER_BUTTON (fanfare_chapter_button_get_type ())

G_DECLARE_FINAL_TYPE (FanfareChapterButton, fanfare_chapter_button, FANFARE, CHAPTER_BUTTON, GtkWidget);

FanfarePlayer *fanfare_chapter_button_get_player (FanfareChapterButton *self);
void           fanfare_chapter_button_set_player (FanfareChapterButton *self,
                                                  FanfarePlayer        *player);

G_END_DECLS
