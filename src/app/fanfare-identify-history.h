/* fanfare-identify-history.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

/* At most this many identifications are kept, newest first. */
#define FANFARE_IDENTIFY_HISTORY_MAX 200

GListStore *fanfare_identify_history_load (const char *path) G_GNUC_WARN_UNUSED_RESULT;
gboolean    fanfare_identify_history_add (GListStore   *history,
                                          FanfareTrack *track,
                                          const char   *path,
                                          GError      **error);
char       *fanfare_identify_history_dup_path (void) G_GNUC_WARN_UNUSED_RESULT;
GDateTime  *fanfare_identify_history_get_identified (FanfareTrack *track);
char       *fanfare_identify_history_format_when (GDateTime *when,
                                                  GDateTime *now) G_GNUC_WARN_UNUSED_RESULT;
char       *fanfare_cue_sheet_new (const char *title,
                                   GListModel *tracks,
                                   GArray     *starts) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
