/* fanfare-library-db.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* One connection to the index. A connection is used by one thread at a
 * time; the main thread has its own for the list models' pages, and each
 * scan and each model refresh opens one in its worker thread. WAL mode lets
 * them read while a scan writes. */
typedef struct _FanfareLibraryDb FanfareLibraryDb;

#define FANFARE_LIBRARY_DB_VERSION 4

FanfareLibraryDb *fanfare_library_db_open (const char *path,
                                           GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryDb *fanfare_library_db_ref (FanfareLibraryDb *self);
void              fanfare_library_db_unref (FanfareLibraryDb *self);
const char       *fanfare_library_db_get_path (FanfareLibraryDb *self);
sqlite3          *fanfare_library_db_get_handle (FanfareLibraryDb *self);
sqlite3_stmt     *fanfare_library_db_prepare (FanfareLibraryDb *self,
                                              const char       *sql,
                                              GError          **error);
gboolean          fanfare_library_db_exec (FanfareLibraryDb *self,
                                           const char       *sql,
                                           GError          **error);
gboolean          fanfare_library_db_set_error (FanfareLibraryDb *self,
                                                GError          **error);
gint64            fanfare_library_db_count_tracks (FanfareLibraryDb *self,
                                                   const char       *folder);
char             *fanfare_library_db_default_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareLibraryDb, fanfare_library_db_unref)

G_END_DECLS
