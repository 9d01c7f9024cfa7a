/* fanfare-local-playlists.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-library-db.h"
#include "fanfare-playlist-formats.h"

G_BEGIN_DECLS

/* A playlist kept on this computer, in the library's index. */
typedef struct {
  gint64 id;
  char  *name;
  char  *description;
  guint  n_entries;
  gint64 duration_ms;
  gint64 modified;              /* Unix seconds */
} FanfareLocalPlaylist;

/* One entry: a library track (track_id > 0) or a platform track
 * (platform_id). The title, artist and duration are the library's when the
 * track is still there, else those kept when it was added; available says
 * whether it can be played from here. */
typedef struct {
  gint64   id;
  guint    position;
  gint64   track_id;
  char    *path;
  char    *platform_id;
  char    *title;
  char    *artist;
  gint64   duration_ms;
  gboolean available;
} FanfareLocalEntry;

void               fanfare_local_playlist_free (FanfareLocalPlaylist *playlist);
void               fanfare_local_entry_free (FanfareLocalEntry *entry);

gint64             fanfare_local_playlists_create (FanfareLibraryDb *db,
                                                   const char       *name,
                                                   const char       *description,
                                                   GError          **error);
GPtrArray         *fanfare_local_playlists_list (FanfareLibraryDb *db,
                                                 GError          **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareLocalPlaylist *fanfare_local_playlists_get (FanfareLibraryDb *db,
                                                   gint64            playlist_id,
                                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           fanfare_local_playlists_update (FanfareLibraryDb *db,
                                                   gint64            playlist_id,
                                                   const char       *name,
                                                   const char       *description,
                                                   GError          **error);
gboolean           fanfare_local_playlists_delete (FanfareLibraryDb *db,
                                                   gint64            playlist_id,
                                                   GError          **error);
gint64             fanfare_local_playlists_add_track (FanfareLibraryDb *db,
                                                      gint64            playlist_id,
                                                      gint64            track_id,
                                                      GError          **error);
gint64             fanfare_local_playlists_add_platform_track (FanfareLibraryDb *db,
                                                               gint64            playlist_id,
                                                               const char       *platform_id,
                                                               const char       *title,
                                                               const char       *artist,
                                                               gint64            duration_ms,
                                                               GError          **error);
gboolean           fanfare_local_playlists_remove_entry (FanfareLibraryDb *db,
                                                         gint64            entry_id,
                                                         GError          **error);
gboolean           fanfare_local_playlists_move_entry (FanfareLibraryDb *db,
                                                       gint64            entry_id,
                                                       guint             position,
                                                       GError          **error);
GPtrArray         *fanfare_local_playlists_list_entries (FanfareLibraryDb *db,
                                                         gint64            playlist_id,
                                                         guint             offset,
                                                         guint             limit,
                                                         GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gint64             fanfare_local_playlists_find_track (FanfareLibraryDb *db,
                                                       const char       *path,
                                                       const char       *artist,
                                                       const char       *title);
gint64             fanfare_local_playlists_import (FanfareLibraryDb    *db,
                                                   FanfarePlaylistFile *file,
                                                   const char          *base_dir,
                                                   guint               *matched,
                                                   guint               *unmatched,
                                                   GError             **error);
FanfarePlaylistFile *fanfare_local_playlists_export (FanfareLibraryDb *db,
                                                     gint64            playlist_id,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareLocalPlaylist, fanfare_local_playlist_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareLocalEntry, fanfare_local_entry_free)

G_END_DECLS
