/* fanfare-studio-chapters.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_STUDIO_CHAPTERS (fanfare_studio_chapters_get_type ())

G_DECLARE_FINAL_TYPE (FanfareStudioChapters, fanfare_studio_chapters, FANFARE, STUDIO_CHAPTERS, AdwWindow)

GtkWidget  *fanfare_studio_chapters_new (FanfareClient * client,
                                         const char    *track_id,
                                         const char    *track_title,
                                         gboolean dj_mix);
void        fanfare_studio_chapters_set_text (FanfareStudioChapters *self,
                                              const char            *text);
const char *fanfare_studio_chapters_get_text (FanfareStudioChapters *self);
void        fanfare_studio_chapters_save (FanfareStudioChapters *self);
gboolean    fanfare_studio_chapters_is_loaded (FanfareStudioChapters *self);

/* Exposed for tests */
JsonNode   *fanfare_studio_chapters_parse (const char *text,
                                           gboolean    dj_mix,
                                           guint      *bad_line);

G_END_DECLS
