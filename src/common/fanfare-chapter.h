/* fanfare-chapter.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CHAPTER (fanfare_chapter_get_type ())

G_DECLARE_FINAL_TYPE (FanfareChapter, fanfare_chapter, FANFARE, CHAPTER, GObject);

FanfareChapter *fanfare_chapter_new_from_json (JsonObject *json,
                                               GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_chapter_to_json (FanfareChapter *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_chapter_get_title (FanfareChapter *self);
const char * fanfare_chapter_get_artist (FanfareChapter *self);
GTimeSpan fanfare_chapter_get_start (FanfareChapter *self);

G_END_DECLS
