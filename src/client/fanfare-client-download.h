/* fanfare-client-download.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

/* How far a download is: @done bytes of @total. */
typedef void (*FanfareDownloadProgress) (goffset   done,
                                         goffset   total,
                                         gpointer  user_data);

void     fanfare_client_download_track_async (FanfareClient           *self,
                                              FanfareTrack            *track,
                                              GFile                   *file,
                                              gsize                    chunk_size,
                                              FanfareDownloadProgress  progress,
                                              gpointer                 progress_data,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data);
gboolean fanfare_client_download_track_finish (FanfareClient *self,
                                               GAsyncResult  *result,
                                               GError       **error);
GFile   *fanfare_client_download_partial_file (GFile *file) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
