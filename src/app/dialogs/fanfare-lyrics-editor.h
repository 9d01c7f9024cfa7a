/* fanfare-lyrics-editor.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"
#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LYRICS_EDITOR (fanfare_lyrics_editor_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLyricsEditor, fanfare_lyrics_editor, FANFARE, LYRICS_EDITOR, AdwWindow);

FanfareLyricsEditor *fanfare_lyrics_editor_new (GtkWindow     *parent,
                                                FanfareClient *client,
                                                FanfarePlayer *player,
                                                FanfareTrack  *track) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_lyrics_editor_set_text (FanfareLyricsEditor *self,
                                                     const char          *lrc);
char                *fanfare_lyrics_editor_dup_text (FanfareLyricsEditor *self) G_GNUC_WARN_UNUSED_RESULT;
char                *fanfare_lyrics_stamp_line (const char *text,
                                                guint       line,
                                                GTimeSpan   time) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
