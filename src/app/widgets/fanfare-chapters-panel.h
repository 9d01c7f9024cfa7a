/* fanfare-chapters-panel.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-chapter.h"
#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CHAPTERS_PANEL (fanfare_chapters_panel_get_type ())

G_DECLARE_FINAL_TYPE (FanfareChaptersPanel, fanfare_chapters_panel, FANFARE, CHAPTERS_PANEL, GtkWidget);

void  fanfare_chapters_panel_set_player (FanfareChaptersPanel *self,
                                         FanfarePlayer        *player);
char *fanfare_format_time_left (GTimeSpan  left) G_GNUC_WARN_UNUSED_RESULT;
GtkWidget *fanfare_chapter_row_new (FanfareChapter *chapter);

G_END_DECLS
