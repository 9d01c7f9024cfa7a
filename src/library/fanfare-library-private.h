/* fanfare-library-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-cover-cache.h"
#include "fanfare-library-db.h"
#include "fanfare-library-monitor.h"
#include "fanfare-library.h"

G_BEGIN_DECLS

struct _FanfareLibrary
{
  GObject parent_instance;

  /* Owned */
  char                  *db_path;
  char                  *cover_dir;
  GSettings             *settings;
  FanfareLibraryDb      *db;            /* the main thread's connection */
  FanfareLibraryScanner *scanner;
  FanfareLibraryMonitor *monitor;
  GListStore            *problems;
  GCancellable          *cancellable;
  GStrv                  folders;       /* as last scanned */
};

GStrv    _fanfare_library_read_folders (GSettings *settings);
void     _fanfare_library_connect (FanfareLibrary *self);
void     _fanfare_library_reload_problems (FanfareLibrary *self);

G_END_DECLS
