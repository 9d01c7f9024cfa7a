/* fanfare-client-social.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-client.h"
#include "fanfare-playlist.h"
#include "fanfare-user.h"

G_BEGIN_DECLS

/* What people do with each other, as the Friends page, profiles, comment
 * sections and the inbox show it. */

#define FANFARE_TYPE_ACTIVITY (fanfare_activity_get_type ())

G_DECLARE_FINAL_TYPE (FanfareActivity, fanfare_activity, FANFARE, ACTIVITY, GObject);

/* An item of the feed; its kind is a word ("playlist", "playlist_follow")
 * so that kinds the server adds later reach the app, which skips them. */
const char      *fanfare_activity_get_kind (FanfareActivity *self);
FanfareUser     *fanfare_activity_get_user (FanfareActivity *self);
FanfarePlaylist *fanfare_activity_get_playlist (FanfareActivity *self);
GDateTime       *fanfare_activity_get_created_at (FanfareActivity *self);

#define FANFARE_TYPE_COMMENT (fanfare_comment_get_type ())

G_DECLARE_FINAL_TYPE (FanfareComment, fanfare_comment, FANFARE, COMMENT, GObject);

const char  *fanfare_comment_get_id (FanfareComment *self);
const char  *fanfare_comment_get_parent_id (FanfareComment *self);
FanfareUser *fanfare_comment_get_author (FanfareComment *self);
const char  *fanfare_comment_get_body (FanfareComment *self);
gboolean     fanfare_comment_get_by_artist (FanfareComment *self);
gboolean     fanfare_comment_get_liked (FanfareComment *self);
guint        fanfare_comment_get_like_count (FanfareComment *self);
guint        fanfare_comment_get_reply_count (FanfareComment *self);
GDateTime   *fanfare_comment_get_created_at (FanfareComment *self);
GPtrArray   *fanfare_comment_get_nameplates (FanfareComment *self);

#define FANFARE_TYPE_MESSAGE (fanfare_message_get_type ())

G_DECLARE_FINAL_TYPE (FanfareMessage, fanfare_message, FANFARE, MESSAGE, GObject);

const char  *fanfare_message_get_id (FanfareMessage *self);
const char  *fanfare_message_get_kind (FanfareMessage *self);
FanfareUser *fanfare_message_get_sender (FanfareMessage *self);
GObject     *fanfare_message_get_item (FanfareMessage *self);
const char  *fanfare_message_get_note (FanfareMessage *self);
gboolean     fanfare_message_get_read (FanfareMessage *self);

#define FANFARE_TYPE_PROFILE (fanfare_profile_get_type ())

G_DECLARE_FINAL_TYPE (FanfareProfile, fanfare_profile, FANFARE, PROFILE, GObject);

/* A user's page: who they are, how the user stands with them, their
 * playlists and, when they share it, what they played last. */
FanfareUser *fanfare_profile_get_user (FanfareProfile *self);
gboolean     fanfare_profile_get_following (FanfareProfile *self);
gboolean     fanfare_profile_get_followed_by (FanfareProfile *self);
gboolean     fanfare_profile_get_blocking (FanfareProfile *self);
GListModel  *fanfare_profile_get_playlists (FanfareProfile *self);
GListModel  *fanfare_profile_get_recent_tracks (FanfareProfile *self);

/* What the user shares and how they may be found. */
typedef struct {
  gboolean discoverable_by_contact;
  char    *phone;
  gboolean share_playlists;
  gboolean share_playlist_follows;
  gboolean share_listening;
} FanfarePrivacySettings;

void fanfare_privacy_settings_free (FanfarePrivacySettings *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePrivacySettings, fanfare_privacy_settings_free)

/* Lists of people. */
typedef enum {
  FANFARE_PEOPLE_FOLLOWERS,   /* of a username */
  FANFARE_PEOPLE_FOLLOWING,   /* of a username */
  FANFARE_PEOPLE_FRIENDS,     /* the user's */
  FANFARE_PEOPLE_BLOCKED,     /* the user's */
  FANFARE_PEOPLE_NEARBY,      /* around the cell the user shared last */
} FanfarePeople;

/* What comments are on, and what messages carry. */
typedef enum {
  FANFARE_SOCIAL_TARGET_TRACK,
  FANFARE_SOCIAL_TARGET_ALBUM,
  FANFARE_SOCIAL_TARGET_PLAYLIST,
} FanfareSocialTarget;

void        fanfare_client_set_following_async (FanfareClient       *self,
                                                const char          *username,
                                                gboolean             following,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void        fanfare_client_set_blocked_async (FanfareClient       *self,
                                              const char          *username,
                                              gboolean             blocked,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void        fanfare_client_delete_comment_async (FanfareClient       *self,
                                                 const char          *comment_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void        fanfare_client_set_comment_liked_async (FanfareClient       *self,
                                                    const char          *comment_id,
                                                    gboolean             liked,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void        fanfare_client_report_comment_async (FanfareClient       *self,
                                                 const char          *comment_id,
                                                 const char          *reason,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void        fanfare_client_send_to_friend_async (FanfareClient       *self,
                                                 const char          *username,
                                                 FanfareSocialTarget  kind,
                                                 const char          *item_id,
                                                 const char          *note,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void        fanfare_client_mark_message_read_async (FanfareClient       *self,
                                                    const char          *message_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void        fanfare_client_stop_sharing_location_async (FanfareClient       *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean    fanfare_client_social_finish (FanfareClient *self,
                                          GAsyncResult  *result,
                                          GError       **error);

void        fanfare_client_list_people_async (FanfareClient       *self,
                                              FanfarePeople        people,
                                              const char          *username,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void        fanfare_client_find_people_async (FanfareClient       *self,
                                              const char          *query,
                                              const char          *cursor,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void        fanfare_client_list_feed_async (FanfareClient       *self,
                                            const char          *cursor,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
void        fanfare_client_list_comments_async (FanfareClient       *self,
                                                FanfareSocialTarget  target,
                                                const char          *target_id,
                                                gboolean             newest_first,
                                                const char          *cursor,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void        fanfare_client_list_replies_async (FanfareClient       *self,
                                               const char          *comment_id,
                                               const char          *cursor,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void        fanfare_client_list_inbox_async (FanfareClient       *self,
                                             const char          *cursor,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void        fanfare_client_share_location_async (FanfareClient       *self,
                                                 const char          *cell,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void        fanfare_client_find_contacts_async (FanfareClient       *self,
                                                GPtrArray           *contacts,
                                                const char          *country_code,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GListModel *fanfare_client_social_list_finish (FanfareClient *self,
                                               GAsyncResult  *result,
                                               char         **next_cursor,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

void            fanfare_client_post_comment_async (FanfareClient       *self,
                                                   FanfareSocialTarget  target,
                                                   const char          *target_id,
                                                   const char          *parent_id,
                                                   const char          *body,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
FanfareComment *fanfare_client_post_comment_finish (FanfareClient *self,
                                                    GAsyncResult  *result,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

void            fanfare_client_count_unread_async (FanfareClient       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gint64          fanfare_client_count_unread_finish (FanfareClient *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

void                    fanfare_client_get_profile_async (FanfareClient       *self,
                                                          const char          *username,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
FanfareProfile         *fanfare_client_get_profile_finish (FanfareClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;

void                    fanfare_client_get_privacy_async (FanfareClient       *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
void                    fanfare_client_set_privacy_async (FanfareClient                *self,
                                                          const FanfarePrivacySettings *settings,
                                                          GCancellable                 *cancellable,
                                                          GAsyncReadyCallback           callback,
                                                          gpointer                      user_data);
FanfarePrivacySettings *fanfare_client_privacy_finish (FanfareClient *self,
                                                       GAsyncResult  *result,
                                                       GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
