/* fanfare-library-scanner.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-library-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LIBRARY_SCANNER (fanfare_library_scanner_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLibraryScanner, fanfare_library_scanner, FANFARE, LIBRARY_SCANNER, GObject);

FanfareLibraryScanner *fanfare_library_scanner_new (const char *db_path,
                                                    const char *cover_dir) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_library_scanner_scan_async (FanfareLibraryScanner *self,
                                                           const char * const    *roots,
                                                           gboolean               roots_may_vanish,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
void                   fanfare_library_scanner_forget_async (FanfareLibraryScanner *self,
                                                             const char            *folder,
                                                             const char * const    *keep,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean               fanfare_library_scanner_scan_finish (FanfareLibraryScanner *self,
                                                            GAsyncResult          *result,
                                                            GStrv                 *folders,
                                                            GError               **error);
gboolean               fanfare_library_scanner_get_scanning (FanfareLibraryScanner *self);
guint                  fanfare_library_scanner_get_files_found (FanfareLibraryScanner *self);
guint                  fanfare_library_scanner_get_files_done (FanfareLibraryScanner *self);
double                 fanfare_library_scanner_get_progress (FanfareLibraryScanner *self);

G_END_DECLS
