/* fanfare-local-fingerprints.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-fp-index.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LOCAL_FINGERPRINTS (fanfare_local_fingerprints_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLocalFingerprints, fanfare_local_fingerprints, FANFARE, LOCAL_FINGERPRINTS, GObject)

FanfareLocalFingerprints *fanfare_local_fingerprints_new (const char *path) G_GNUC_WARN_UNUSED_RESULT;
char                     *fanfare_local_fingerprints_dup_default_path (void) G_GNUC_WARN_UNUSED_RESULT;
void                      fanfare_local_fingerprints_update_async (FanfareLocalFingerprints *self,
                                                                   GListModel               *tracks,
                                                                   GCancellable             *cancellable,
                                                                   GAsyncReadyCallback       callback,
                                                                   gpointer                  user_data);
gboolean                  fanfare_local_fingerprints_update_finish (FanfareLocalFingerprints *self,
                                                                    GAsyncResult             *result,
                                                                    GError                  **error);
guint                     fanfare_local_fingerprints_get_generation (FanfareLocalFingerprints *self);
FanfareFpIndex           *fanfare_local_fingerprints_load_index (FanfareLocalFingerprints *self) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack             *fanfare_local_fingerprints_lookup (const char *id,
                                                             gpointer    self);

G_END_DECLS
