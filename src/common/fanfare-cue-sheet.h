/* fanfare-cue-sheet.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FANFARE_CUE_SHEET_MAX_BYTES (256 * 1024)
#define FANFARE_CUE_SHEET_MAX_TRACKS 999

GPtrArray *fanfare_cue_sheet_parse (const char *data,
                                    gssize      length,
                                    const char *file_name,
                                    GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
