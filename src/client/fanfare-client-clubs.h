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

void               fanfare_client_club_free (FanfareClientClub *club);
void               fanfare_client_club_post_free (FanfareClientClubPost *post);
void               fanfare_client_supporter_free (FanfareClientSupporter *supporter);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientClub, fanfare_client_club_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClientClubPost, fanfare_client_club_post_free)

G_END_DECLS
