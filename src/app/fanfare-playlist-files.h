/* fanfare-playlist-files.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client.h"
#include "fanfare-library-db.h"

G_BEGIN_DECLS

const char      *fanfare_playlist_file_format (GFile *file);
void             fanfare_playlist_export_async (FanfareClient       *client,
                                                const char          *playlist_id,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean         fanfare_playlist_export_finish (GAsyncResult *result,
                                                 GError      **error);
void             fanfare_playlist_import_async (FanfareClient       *client,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
FanfarePlaylist *fanfare_playlist_import_finish (GAsyncResult *result,
                                                 guint        *matched,
                                                 guint        *unmatched,
                                                 GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_choose_playlist_export (GtkWidget       *parent,
                                                 FanfarePlaylist *playlist);
void             fanfare_choose_playlist_import (GtkWidget *parent);
void             fanfare_import_playlist_file (GtkWidget *parent,
                                               GFile     *file);
gboolean         fanfare_local_playlist_export (FanfareLibraryDb *db,
                                                gint64            playlist_id,
                                                GFile            *file,
                                                GError          **error);
gint64           fanfare_local_playlist_import (FanfareLibraryDb *db,
                                                GFile            *file,
                                                guint            *matched,
                                                guint            *unmatched,
                                                GError          **error);
void             fanfare_choose_local_playlist_export (GtkWidget        *parent,
                                                       FanfareLibraryDb *db,
                                                       gint64            playlist_id,
                                                       const char       *name);

G_END_DECLS
