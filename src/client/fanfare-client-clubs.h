/* fanfare-client-clubs.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-client-store.h"
#include "fanfare-client.h"

G_BEGIN_DECLS

typedef struct {
  char    *id;
  char    *artist_id;
  char    *artist;
  char    *name;
  char    *description;
  gboolean official;
  gboolean claimed;
  guint    member_count;
  char    *role;  /* the user's: founder, admin, member, or NULL */
} FanfareClientClub;

typedef struct {
  char    *id;
  char    *author;
  char    *body;
  char    *track_id;
  char    *album_id;
  char    *image_uri;
  gboolean pinned;
  guint    comment_count;
} FanfareClientClubPost;

typedef struct {
  guint      rank;
  char      *username;
  char      *display_name;
  char      *role;
  guint      purchases;
  gint64     listening_ms;
  guint      activity;
  guint      badge_level;
  GPtrArray *nameplates;  /* FanfareNameplate */
} FanfareClientSupporter;

typedef struct {
  char *id;
  char *post_id;
  char *author;
  char *body;
} FanfareClientClubComment;

/* What an admin or the founder does to a member. */
typedef enum {
  FANFARE_CLIENT_CLUB_MAKE_ADMIN,
  FANFARE_CLIENT_CLUB_MAKE_MEMBER,
  FANFARE_CLIENT_CLUB_REMOVE,
  FANFARE_CLIENT_CLUB_BAN,
  FANFARE_CLIENT_CLUB_UNBAN,
} FanfareClientClubAction;

void               fanfare_client_club_free (FanfareClientClub *club);
void               fanfare_client_club_post_free (FanfareClientClubPost *post);
void               fanfare_client_supporter_free (FanfareClientSupporter *supporter);
void               fanfare_client_club_comment_free (FanfareClientClubComment *comment);

void               fanfare_client_list_clubs_async (FanfareClient       *self,
                                                    const char          *artist_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray         *fanfare_client_list_clubs_finish (FanfareClient *self,
                                                     GAsyncResult  *result,
                                                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_client_create_club_async (FanfareClient       *self,
                                                     const char          *artist_id,
                                                     const char          *name,
                                                     gboolean             official,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
void               fanfare_client_join_club_async (FanfareClient       *self,
                                                   const char          *club_id,
                                                   gboolean             join,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
FanfareClientClub *fanfare_client_club_finish (FanfareClient *self,
                                               GAsyncResult  *result,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_client_list_club_posts_async (FanfareClient       *self,
                                                         const char          *club_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray         *fanfare_client_list_club_posts_finish (FanfareClient *self,
                                                          GAsyncResult  *result,
                                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_client_add_club_post_async (FanfareClient       *self,
                                                       const char          *club_id,
                                                       const char          *body,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
FanfareClientClubPost *fanfare_client_add_club_post_finish (FanfareClient *self,
                                                            GAsyncResult  *result,
                                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_client_club_leaderboard_async (FanfareClient       *self,
                                                          const char          *club_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray         *fanfare_client_club_leaderboard_finish (FanfareClient *self,
                                                           GAsyncResult  *result,
                                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* fanfare-client-club-moderation.c */
void               fanfare_client_list_my_clubs_async (FanfareClient       *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void               fanfare_client_get_club_async (FanfareClient       *self,
                                                  const char          *club_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void               fanfare_client_claim_club_async (FanfareClient       *self,
                                                    const char          *club_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void               fanfare_client_moderate_member_async (FanfareClient           *self,
                                                         const char              *club_id,
                                                         const char              *username,
                                                         FanfareClientClubAction  action,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
void               fanfare_client_remove_club_post_async (FanfareClient       *self,
                                                          const char          *post_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
void               fanfare_client_remove_club_comment_async (FanfareClient       *self,
                                                             const char          *comment_id,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean           fanfare_client_club_change_finish (FanfareClient *self,
                                                      GAsyncResult  *result,
                                                      GError       **error);
void               fanfare_client_pin_club_post_async (FanfareClient       *self,
                                                       const char          *post_id,
                                                       gboolean             pinned,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void               fanfare_client_list_club_comments_async (FanfareClient       *self,
                                                            const char          *post_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray         *fanfare_client_list_club_comments_finish (FanfareClient *self,
                                                             GAsyncResult  *result,
                                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_client_add_club_comment_async (FanfareClient       *self,
                                                          const char          *post_id,
                                                          const char          *text,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
FanfareClientClubComment *fanfare_client_add_club_comment_finish (FanfareClient *self,
                                                                  GAsyncResult  *result,
                                                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* fanfare-client-club-links.c: a person's clubs, posts with links and
 * pictures. */
void               fanfare_client_list_user_clubs_async (FanfareClient       *self,
                                                         const char          *username,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
void               fanfare_client_add_linked_club_post_async (FanfareClient       *self,
                                                              const char          *club_id,
                                                              const char          *text,
                                                              const char          *track_id,
                                                              const char          *album_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
void               fanfare_client_set_club_post_image_async (FanfareClient       *self,
                                                             const char          *post_id,
                                                             const char          *content_type,
                                                             GBytes              *image,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientClub, fanfare_client_club_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientClubPost, fanfare_client_club_post_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientClubComment, fanfare_client_club_comment_free)

G_END_DECLS
