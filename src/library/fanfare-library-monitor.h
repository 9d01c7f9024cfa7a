/* fanfare-library-monitor.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_LIBRARY_MONITOR (fanfare_library_monitor_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLibraryMonitor, fanfare_library_monitor, FANFARE, LIBRARY_MONITOR, GObject);

FanfareLibraryMonitor *fanfare_library_monitor_new (void) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_library_monitor_watch (FanfareLibraryMonitor *self,
                                                      const char * const    *folders);
void                   fanfare_library_monitor_unwatch (FanfareLibraryMonitor *self,
                                                        const char            *folder);
guint                  fanfare_library_monitor_get_n_folders (FanfareLibraryMonitor *self);

G_END_DECLS
