/* fanfare-client.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-client-items.h"
#include "fanfare-lyrics.h"
#include "fanfare-playlist.h"
#include "fanfare-session.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CLIENT (fanfare_client_get_type ())

G_DECLARE_FINAL_TYPE (FanfareClient, fanfare_client, FANFARE, CLIENT, GObject);

/* The platform's answer to a clip: which track, where in it the clip
 * starts (seconds), how fast it played, and how sure the match is (0 to 1). */
typedef struct {
  FanfareTrack *track;         /* NULL: no match */
  double        offset;
  double        speed;
  double        confidence;
} FanfareClientMatch;

FanfareClient *fanfare_client_new (const char *server_url,
                                   const char *cache_dir) G_GNUC_WARN_UNUSED_RESULT;
const char    *fanfare_client_get_server_url (FanfareClient *self);
FanfareUser   *fanfare_client_get_user (FanfareClient *self);
gboolean       fanfare_client_get_signed_in (FanfareClient *self);
gboolean       fanfare_client_get_online (FanfareClient *self);
void           fanfare_client_set_token (FanfareClient *self,
                                         const char    *token);
const char    *fanfare_client_get_token (FanfareClient *self);
char          *fanfare_client_dup_authorization (FanfareClient *self) G_GNUC_WARN_UNUSED_RESULT;
void           fanfare_client_set_max_image_loads (FanfareClient *self,
                                                   guint          max_loads);
guint          fanfare_client_get_image_loads (FanfareClient *self);
void           fanfare_client_check_now (FanfareClient *self);
void           fanfare_client_flush_cache (FanfareClient *self);

/* Accounts */
void         fanfare_client_register_async (FanfareClient       *self,
                                            const char          *username,
                                            const char          *display_name,
                                            const char          *password,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
FanfareUser *fanfare_client_register_finish (FanfareClient *self,
                                             GAsyncResult  *result,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void         fanfare_client_sign_in_async (FanfareClient       *self,
                                           const char          *username,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
FanfareUser *fanfare_client_sign_in_finish (FanfareClient *self,
                                            GAsyncResult  *result,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void         fanfare_client_sign_out_async (FanfareClient       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean     fanfare_client_sign_out_finish (FanfareClient *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void         fanfare_client_get_me_async (FanfareClient       *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
FanfareUser *fanfare_client_get_me_finish (FanfareClient *self,
                                           GAsyncResult  *result,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void         fanfare_client_list_sessions_async (FanfareClient       *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GListModel  *fanfare_client_list_sessions_finish (FanfareClient *self,
                                                  GAsyncResult  *result,
                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void         fanfare_client_revoke_session_async (FanfareClient       *self,
                                                  const char          *session_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean     fanfare_client_revoke_session_finish (FanfareClient *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* Catalog */
void           fanfare_client_search_async (FanfareClient       *self,
                                            const char          *query,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GListModel    *fanfare_client_search_finish (FanfareClient *self,
                                             GAsyncResult  *result,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void           fanfare_client_get_artist_async (FanfareClient       *self,
                                                const char          *artist_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
FanfareArtist *fanfare_client_get_artist_finish (FanfareClient *self,
                                                 GAsyncResult  *result,
                                                 GListModel   **albums,
                                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void           fanfare_client_get_album_async (FanfareClient       *self,
                                               const char          *album_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
FanfareAlbum  *fanfare_client_get_album_finish (FanfareClient *self,
                                                GAsyncResult  *result,
                                                GListModel   **tracks,
                                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void           fanfare_client_get_track_async (FanfareClient       *self,
                                               const char          *track_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
FanfareTrack  *fanfare_client_get_track_finish (FanfareClient *self,
                                                GAsyncResult  *result,
                                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void           fanfare_client_list_new_releases_async (FanfareClient       *self,
                                                       guint                limit,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GListModel    *fanfare_client_list_new_releases_finish (FanfareClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The user's library */
GListModel *fanfare_client_get_saved_albums (FanfareClient *self);
GListModel *fanfare_client_get_saved_tracks (FanfareClient *self);
gboolean    fanfare_client_get_saved (FanfareClient *self,
                                      gpointer       item);
void        fanfare_client_set_saved_async (FanfareClient       *self,
                                            gpointer             item,
                                            gboolean             saved,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    fanfare_client_set_saved_finish (FanfareClient *self,
                                             GAsyncResult  *result,
                                             GError       **error);

/* Playlists */

/**
 * FanfarePlaylistAccess:
 * @follower_count: how many others follow the playlist
 * @following: whether the user follows it
 * @can_edit: whether the user owns it or was invited to edit it
 * @collaborators: (nullable): usernames of those invited, for those who may
 *   edit
 *
 * What a playlist is to the user who asked for it.
 */
typedef struct {
  guint    follower_count;
  gboolean following;
  gboolean can_edit;
  GStrv    collaborators;
} FanfarePlaylistAccess;

void             fanfare_playlist_access_clear (FanfarePlaylistAccess *access);

void             fanfare_client_get_playlist_async (FanfareClient       *self,
                                                    const char          *playlist_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
FanfarePlaylist *fanfare_client_get_playlist_finish (FanfareClient         *self,
                                                     GAsyncResult          *result,
                                                     GListModel           **entries,
                                                     FanfarePlaylistAccess *access,
                                                     GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_client_list_entries_async (FanfareClient       *self,
                                                    const char          *playlist_id,
                                                    guint                limit,
                                                    const char          *cursor,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             fanfare_client_list_entries_at_async (FanfareClient       *self,
                                                       const char          *playlist_id,
                                                       guint                offset,
                                                       guint                limit,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FanfarePlaylist *fanfare_client_list_entries_finish (FanfareClient         *self,
                                                     GAsyncResult          *result,
                                                     GListModel           **entries,
                                                     FanfarePlaylistAccess *access,
                                                     char                 **next_cursor,
                                                     GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_client_list_user_playlists_async (FanfareClient       *self,
                                                           const char          *username,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void             fanfare_client_list_followed_playlists_async (FanfareClient       *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
void             fanfare_client_list_featured_playlists_async (FanfareClient       *self,
                                                               guint                limit,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel      *fanfare_client_list_playlists_finish (FanfareClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_client_create_playlist_async (FanfareClient             *self,
                                                       const char                *title,
                                                       const char                *description,
                                                       FanfarePlaylistVisibility  visibility,
                                                       const char                *client_id,
                                                       GCancellable              *cancellable,
                                                       GAsyncReadyCallback        callback,
                                                       gpointer                   user_data);
void             fanfare_client_update_playlist_async (FanfareClient       *self,
                                                       const char          *playlist_id,
                                                       const char          *title,
                                                       const char          *description,
                                                       int                  visibility,
                                                       GDateTime           *edited_at,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void             fanfare_client_set_following_playlist_async (FanfareClient       *self,
                                                              const char          *playlist_id,
                                                              gboolean             following,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
void             fanfare_client_set_collaborator_async (FanfareClient       *self,
                                                        const char          *playlist_id,
                                                        const char          *username,
                                                        gboolean             invited,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void             fanfare_client_add_entries_async (FanfareClient       *self,
                                                   const char          *playlist_id,
                                                   GListModel          *tracks,
                                                   const char * const  *entry_ids,
                                                   const char          *after,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
FanfarePlaylist *fanfare_client_playlist_finish (FanfareClient         *self,
                                                 GAsyncResult          *result,
                                                 FanfarePlaylistAccess *access,
                                                 GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_client_delete_playlist_async (FanfareClient       *self,
                                                       const char          *playlist_id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void             fanfare_client_remove_entry_async (FanfareClient       *self,
                                                    const char          *playlist_id,
                                                    const char          *entry_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             fanfare_client_move_entry_async (FanfareClient       *self,
                                                  const char          *playlist_id,
                                                  const char          *entry_id,
                                                  const char          *after,
                                                  GDateTime           *edited_at,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         fanfare_client_playlist_change_finish (FanfareClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);
void             fanfare_client_export_playlist_async (FanfareClient       *self,
                                                       const char          *playlist_id,
                                                       const char          *format,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GBytes          *fanfare_client_export_playlist_finish (FanfareClient *self,
                                                        GAsyncResult  *result,
                                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_client_import_playlist_async (FanfareClient       *self,
                                                       GBytes              *file,
                                                       const char          *format,
                                                       const char          *title,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FanfarePlaylist *fanfare_client_import_playlist_finish (FanfareClient *self,
                                                        GAsyncResult  *result,
                                                        guint         *matched,
                                                        guint         *unmatched,
                                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void             fanfare_client_set_playlist_edits_file (FanfareClient *self,
                                                         const char    *path);
guint            fanfare_client_get_pending_playlist_edits (FanfareClient *self);
char            *fanfare_client_dup_pending_playlist_id (const char *client_id) G_GNUC_WARN_UNUSED_RESULT;
const char      *fanfare_client_get_made_playlist_id (FanfareClient *self,
                                                      const char    *pending_id);
char            *fanfare_client_dup_share_uri (FanfareClient *self,
                                               const char    *playlist_id) G_GNUC_WARN_UNUSED_RESULT;
char            *fanfare_client_parse_playlist_uri (FanfareClient *self,
                                                    const char    *uri) G_GNUC_WARN_UNUSED_RESULT;

/* Plays, charts and discovery */
gboolean    fanfare_play_counts (GTimeSpan  played,
                                 GTimeSpan  duration);
void        fanfare_client_set_plays_file (FanfareClient *self,
                                           const char    *path);
void        fanfare_client_report_play (FanfareClient *self,
                                        FanfareTrack  *track,
                                        GDateTime     *played_at,
                                        GTimeSpan      played);
guint       fanfare_client_get_pending_plays (FanfareClient *self);
void        fanfare_client_list_history_async (FanfareClient       *self,
                                               guint                limit,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void        fanfare_client_list_history_page_async (FanfareClient       *self,
                                                    guint                limit,
                                                    const char          *cursor,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void        fanfare_client_list_chart_tracks_async (FanfareClient       *self,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void        fanfare_client_list_chart_albums_async (FanfareClient       *self,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void        fanfare_client_list_daily_picks_async (FanfareClient       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
void        fanfare_client_list_radio_async (FanfareClient       *self,
                                             guint                limit,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GListModel *fanfare_client_list_finish (FanfareClient *self,
                                        GAsyncResult  *result,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
GListModel *fanfare_client_list_page_finish (FanfareClient *self,
                                             GAsyncResult  *result,
                                             char         **next_cursor,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void        fanfare_client_send_radio_feedback_async (FanfareClient       *self,
                                                      FanfareTrack        *track,
                                                      gboolean             liked,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean    fanfare_client_send_radio_feedback_finish (FanfareClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

/* Media */
void    fanfare_client_read_stream_async (FanfareClient       *self,
                                          FanfareTrack        *track,
                                          goffset              offset,
                                          gssize               length,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GBytes *fanfare_client_read_stream_finish (FanfareClient *self,
                                           GAsyncResult  *result,
                                           goffset       *total_size,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void    fanfare_client_read_stream_if_range_async (FanfareClient       *self,
                                                   FanfareTrack        *track,
                                                   goffset              offset,
                                                   gssize               length,
                                                   const char          *etag,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GBytes *fanfare_client_read_stream_if_range_finish (FanfareClient *self,
                                                    GAsyncResult  *result,
                                                    goffset       *start,
                                                    goffset       *total_size,
                                                    char         **etag,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void    fanfare_client_load_image_async (FanfareClient       *self,
                                         const char          *uri,
                                         int                  priority,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GBytes *fanfare_client_load_image_finish (FanfareClient *self,
                                          GAsyncResult  *result,
                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Identification */
void     fanfare_client_identify_async (FanfareClient       *self,
                                        int                  version,
                                        GBytes              *records,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean fanfare_client_identify_finish (FanfareClient      *self,
                                         GAsyncResult       *result,
                                         FanfareClientMatch *match,
                                         GError            **error);
void     fanfare_client_match_clear (FanfareClientMatch *match);

gboolean fanfare_client_error_is_offline (const GError *error);

/* Lyrics and listening positions: fanfare-client-longform.c */
typedef struct {
  FanfareTrack *track;      /* in lists only */
  GTimeSpan     position;
  gint64        edited_at;  /* milliseconds since 1970 */
} FanfareClientPosition;

void                   fanfare_client_position_free (FanfareClientPosition *position);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientPosition, fanfare_client_position_free)

void                   fanfare_client_get_lyrics_async (FanfareClient       *self,
                                                        const char          *track_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
FanfareLyrics         *fanfare_client_get_lyrics_finish (FanfareClient *self,
                                                         GAsyncResult  *result,
                                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_set_lyrics_async (FanfareClient       *self,
                                                        const char          *track_id,
                                                        const char          *lrc,
                                                        const char          *translation,
                                                        const char          *language,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean               fanfare_client_set_lyrics_finish (FanfareClient *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);
void                   fanfare_client_list_chapters_async (FanfareClient       *self,
                                                           const char          *track_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel            *fanfare_client_list_chapters_finish (FanfareClient *self,
                                                            GAsyncResult  *result,
                                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_put_position_async (FanfareClient       *self,
                                                          const char          *track_id,
                                                          GTimeSpan            position,
                                                          gint64               edited_at,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
FanfareClientPosition *fanfare_client_put_position_finish (FanfareClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_get_position_async (FanfareClient       *self,
                                                          const char          *track_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
FanfareClientPosition *fanfare_client_get_position_finish (FanfareClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_client_list_unfinished_async (FanfareClient       *self,
                                                             guint                limit,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GPtrArray             *fanfare_client_list_unfinished_finish (FanfareClient *self,
                                                              GAsyncResult  *result,
                                                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The studio (see fanfare-client-studio.c) */
void        fanfare_client_studio_call_async (FanfareClient       *self,
                                              const char          *method,
                                              const char          *path,
                                              JsonNode            *body,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void        fanfare_client_studio_send_bytes_async (FanfareClient       *self,
                                                    const char          *method,
                                                    const char          *path,
                                                    const char          *content_type,
                                                    GBytes              *bytes,
                                                    const char          *content_range,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
JsonObject *fanfare_client_studio_call_finish (FanfareClient *self,
                                               GAsyncResult  *result,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Positions reported now or later: fanfare-client-positions.c */
void                   fanfare_client_set_positions_file (FanfareClient *self,
                                                          const char    *path);
void                   fanfare_client_report_position (FanfareClient *self,
                                                       const char    *track_id,
                                                       GTimeSpan      position,
                                                       gint64         edited_at);
guint                  fanfare_client_get_pending_positions (FanfareClient *self);

G_END_DECLS
