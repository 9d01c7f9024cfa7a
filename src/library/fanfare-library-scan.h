/* fanfare-library-scan.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One scan of some folders or files into the index, run in the thread that
 * calls fanfare_library_scan_run(); it reads tags in a pool of threads of
 * its own. The callbacks are called from the scanning thread. */
typedef struct {
  void (*progress)(guint     files_found,
                   guint     files_done,
                   gpointer  user_data);
  void (*committed)(gpointer  user_data);
  void (*indexed)(gpointer  user_data);   /* every track in, the covers to come */
  gpointer user_data;
} FanfareLibraryScanCallbacks;

typedef struct {
  GPtrArray *folders;          /* every folder walked, for the monitors */
  guint      files_found;
  guint      files_read;
  guint      problems;
} FanfareLibraryScanResult;

gboolean fanfare_library_scan_run (const char                        *db_path,
                                   const char                        *cover_dir,
                                   const char * const                *roots,
                                   gboolean                           roots_may_vanish,
                                   const FanfareLibraryScanCallbacks *callbacks,
                                   FanfareLibraryScanResult          *result,
                                   GCancellable                      *cancellable,
                                   GError                           **error);
gboolean fanfare_library_forget_run (const char         *db_path,
                                     const char         *folder,
                                     const char * const *keep,
                                     GError            **error);
void     fanfare_library_scan_result_clear (FanfareLibraryScanResult *result);
gboolean fanfare_library_is_audio_name (const char *name);

G_END_DECLS
