/* fanfare-track-loader.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

FanfareTrack *fanfare_track_new_for_file (GFile *file) G_GNUC_WARN_UNUSED_RESULT;
void          fanfare_track_loader_fill_async (GPtrArray           *tracks,
                                               const char          *cover_cache_dir,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      fanfare_track_loader_fill_finish (GAsyncResult *result,
                                                GError      **error);
void          fanfare_track_loader_collect_async (GFile              **files,
                                                  guint                n_files,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray    *fanfare_track_loader_collect_finish (GAsyncResult *result,
                                                   GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
