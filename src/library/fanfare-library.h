/* fanfare-library.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-library-db.h"
#include "fanfare-library-model.h"
#include "fanfare-library-problem.h"
#include "fanfare-library-scanner.h"
#include "fanfare-library-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LIBRARY (fanfare_library_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLibrary, fanfare_library, FANFARE, LIBRARY, GObject);

FanfareLibrary        *fanfare_library_new (GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibrary        *fanfare_library_new_full (const char *db_path,
                                                 const char *cover_dir,
                                                 GSettings  *settings) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_library_open_async (FanfareLibrary      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean               fanfare_library_open_finish (FanfareLibrary *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void                   fanfare_library_scan_async (FanfareLibrary      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean               fanfare_library_scan_finish (FanfareLibrary *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
GStrv                  fanfare_library_get_folders (FanfareLibrary *self) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_library_add_folder (FanfareLibrary *self,
                                                   GFile          *folder);
void                   fanfare_library_remove_folder (FanfareLibrary *self,
                                                      GFile          *folder);
gboolean               fanfare_library_get_open (FanfareLibrary *self);
FanfareLibraryDb      *fanfare_library_get_db (FanfareLibrary *self);
FanfareLibraryScanner *fanfare_library_get_scanner (FanfareLibrary *self);
GListModel            *fanfare_library_get_problems (FanfareLibrary *self);
gboolean               fanfare_library_get_watching (FanfareLibrary *self);

FanfareLibraryModel   *fanfare_library_list_songs (FanfareLibrary     *self,
                                                   FanfareLibrarySort  sort,
                                                   gboolean            descending) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_albums (FanfareLibrary *self) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_artists (FanfareLibrary *self) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_genres (FanfareLibrary *self) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_album_tracks (FanfareLibrary *self,
                                                          const char     *album_id) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_artist_albums (FanfareLibrary *self,
                                                           const char     *artist_id) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_artist_tracks (FanfareLibrary *self,
                                                           const char     *artist_id) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_list_genre_tracks (FanfareLibrary *self,
                                                          const char     *genre_id) G_GNUC_WARN_UNUSED_RESULT;
FanfareLibraryModel   *fanfare_library_search (FanfareLibrary *self,
                                               const char     *text) G_GNUC_WARN_UNUSED_RESULT;

char                  *fanfare_library_cover_uri_at_size (const char *cover_uri,
                                                          guint       size) G_GNUC_WARN_UNUSED_RESULT;
gint64                 fanfare_library_scan_only (const char *folder,
                                                  GError    **error);

G_END_DECLS
