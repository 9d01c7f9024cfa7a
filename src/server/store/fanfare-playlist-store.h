/* fanfare-playlist-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

gint64           fanfare_playlist_store_create (FanfareDatabase           *db,
                                                gint64                     owner_id,
                                                const char                *title,
                                                const char                *description,
                                                FanfarePlaylistVisibility  visibility,
                                                GError                   **error);
gboolean         fanfare_playlist_store_add_tracks (FanfareDatabase *db,
                                                    gint64           playlist_id,
                                                    const gint64    *track_ids,
                                                    guint            n_tracks,
                                                    GError         **error);
FanfarePlaylist *fanfare_playlist_store_get (FanfareDatabase     *db,
                                             const FanfareViewer *viewer,
                                             gint64               playlist_id,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray       *fanfare_playlist_store_list_tracks (FanfareDatabase     *db,
                                                     const FanfareViewer *viewer,
                                                     gint64               playlist_id,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray       *fanfare_playlist_store_list_for_user (FanfareDatabase     *db,
                                                       const FanfareViewer *viewer,
                                                       gint64               owner_id,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* The most entries a playlist holds, so that it stays one anyone can
 * read at once. */
#define FANFARE_PLAYLIST_MAX_ENTRIES 10000

/* A local track said to last longer than this is no song: its duration
 * is taken as unknown. */
#define FANFARE_PLAYLIST_MAX_DURATION_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

/* An entry of a playlist: a platform track, or a track that stays on the
 * device that added it and is known here by its tags only. */
typedef struct {
  char         *entry_id;
  gint64        track_id;     /* 0 for a local track */
  FanfareTrack *track;        /* the platform track, when the viewer may play it */
  char         *title;        /* a local track's tags */
  char         *artist;
  char         *album;
  gint64        duration_ms;
  char         *added_by;     /* the username, or NULL */
  gint64        added_at;     /* seconds since the epoch */
  double        position;     /* its place, when read a page at a time */
} FanfarePlaylistEntry;

/* What a playlist is to one viewer, beyond its model form. */
typedef struct {
  gint64   owner_id;
  guint    follower_count;
  gboolean following;
  gboolean can_edit;
  gboolean is_owner;
  GStrv    collaborators;     /* usernames; only for those who may edit */
} FanfarePlaylistInfo;

/* A change of a playlist's fields. A field is changed only if its time
* (the client's, in milliseconds) is not older than its last change. */
typedef struct {
  const char *title;          /* NULL: unchanged */
  const char *description;    /* NULL: unchanged; "": cleared */
  int         visibility;     /* -1: unchanged */
  gint64      title_at;
  gint64      description_at;
  gint64      visibility_at;
} FanfarePlaylistChanges;

/* Where entries go: after @after, first, or else at the end. */
typedef struct {
  const char *after;
  gboolean    first;
} FanfarePlaylistPlace;

FanfarePlaylistEntry *fanfare_playlist_entry_new (void);
void             fanfare_playlist_entry_free (FanfarePlaylistEntry *entry);
void             fanfare_playlist_info_clear (FanfarePlaylistInfo *info);

gint64           fanfare_playlist_store_create_from (FanfareDatabase           *db,
                                                     gint64                     owner_id,
                                                     const char                *client_id,
                                                     const char                *title,
                                                     const char                *description,
                                                     FanfarePlaylistVisibility  visibility,
                                                     gboolean                  *created,
                                                     GError                   **error);
gboolean         fanfare_playlist_store_update (FanfareDatabase              *db,
                                                const FanfareViewer          *viewer,
                                                gint64                        playlist_id,
                                                const FanfarePlaylistChanges *changes,
                                                GError                      **error);
gboolean         fanfare_playlist_store_check_editor (FanfareDatabase     *db,
                                                      const FanfareViewer *viewer,
                                                      gint64               playlist_id,
                                                      GError             **error);
gboolean         fanfare_playlist_store_delete (FanfareDatabase     *db,
                                                const FanfareViewer *viewer,
                                                gint64               playlist_id,
                                                GError             **error);
gboolean         fanfare_playlist_store_set_cover (FanfareDatabase     *db,
                                                   const FanfareViewer *viewer,
                                                   gint64               playlist_id,
                                                   const char          *image_id,
                                                   GError             **error);
guint            fanfare_playlist_store_add_entries (FanfareDatabase            *db,
                                                     const FanfareViewer        *viewer,
                                                     gint64                      playlist_id,
                                                     GPtrArray                  *entries,
                                                     const FanfarePlaylistPlace *place,
                                                     GError                    **error);
gboolean         fanfare_playlist_store_remove_entry (FanfareDatabase     *db,
                                                      const FanfareViewer *viewer,
                                                      gint64               playlist_id,
                                                      const char          *entry_id,
                                                      GError             **error);
gboolean         fanfare_playlist_store_move_entry (FanfareDatabase            *db,
                                                    const FanfareViewer        *viewer,
                                                    gint64                      playlist_id,
                                                    const char                 *entry_id,
                                                    const FanfarePlaylistPlace *place,
                                                    gint64                      moved_at,
                                                    GError                    **error);
GPtrArray       *fanfare_playlist_store_list_entries (FanfareDatabase     *db,
                                                      const FanfareViewer *viewer,
                                                      gint64               playlist_id,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray       *fanfare_playlist_store_list_entries_page (FanfareDatabase           *db,
                                                           const FanfareViewer       *viewer,
                                                           gint64                     playlist_id,
                                                           const FanfareListPosition *after,
                                                           guint                      offset,
                                                           guint                      limit,
                                                           FanfareListPosition       *last,
                                                           GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         fanfare_playlist_store_get_info (FanfareDatabase     *db,
                                                  const FanfareViewer *viewer,
                                                  gint64               playlist_id,
                                                  FanfarePlaylistInfo *info,
                                                  GError             **error);
gboolean         fanfare_playlist_store_set_following (FanfareDatabase     *db,
                                                       const FanfareViewer *viewer,
                                                       gint64               playlist_id,
                                                       gboolean             following,
                                                       GError             **error);
gboolean         fanfare_playlist_store_set_collaborator (FanfareDatabase     *db,
                                                          const FanfareViewer *viewer,
                                                          gint64               playlist_id,
                                                          gint64               user_id,
                                                          gboolean             invited,
                                                          GError             **error);
gint64           fanfare_playlist_store_match_track (FanfareDatabase     *db,
                                                     const FanfareViewer *viewer,
                                                     gint64               track_id,
                                                     const char          *artist,
                                                     const char          *title,
                                                     GError             **error);
GPtrArray       *fanfare_playlist_store_list_followed (FanfareDatabase     *db,
                                                       const FanfareViewer *viewer,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray       *fanfare_playlist_store_list_featured (FanfareDatabase     *db,
                                                       const FanfareViewer *viewer,
                                                       guint                limit,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePlaylistEntry, fanfare_playlist_entry_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FanfarePlaylistInfo, fanfare_playlist_info_clear)

G_END_DECLS
