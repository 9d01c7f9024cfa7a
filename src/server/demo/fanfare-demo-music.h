/* fanfare-demo-music.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareStyle FanfareStyle;

guint               fanfare_demo_get_n_styles (void);
const FanfareStyle *fanfare_demo_get_style (guint  index);
const char         *fanfare_style_get_genre (const FanfareStyle *style);
const char         *fanfare_style_get_name (const FanfareStyle *style);

float              *fanfare_demo_compose_song (const FanfareStyle *style,
                                               guint32             seed,
                                               double              seconds,
                                               gsize              *n_frames) G_GNUC_WARN_UNUSED_RESULT;
float              *fanfare_demo_compose_mix (guint32  seed,
                                              guint    n_parts,
                                              double   seconds,
                                              double  *part_starts,
                                              gsize   *n_frames) G_GNUC_WARN_UNUSED_RESULT;
float              *fanfare_demo_compose_narration (guint32  seed,
                                                    double   seconds,
                                                    guint    n_chapters,
                                                    double  *chapter_starts,
                                                    gsize   *n_frames) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
