/* fanfare-local-extras.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "fanfare-lyrics.h"

G_BEGIN_DECLS

FanfareLyrics *fanfare_local_lyrics_load (const char       *path,
                                          const GstTagList *tags) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *fanfare_local_chapters_load (const char *path,
                                            GstToc     *toc) G_GNUC_WARN_UNUSED_RESULT;
void           fanfare_local_extras_load_async (const char          *path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       fanfare_local_extras_load_finish (GAsyncResult   *result,
                                                 FanfareLyrics **lyrics,
                                                 GPtrArray     **chapters,
                                                 GError        **error);

G_END_DECLS
