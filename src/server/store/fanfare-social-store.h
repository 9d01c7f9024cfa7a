/* fanfare-social-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* How the viewer and another user stand. */
typedef struct {
  gboolean following;    /* the viewer follows them */
  gboolean followed_by;  /* they follow the viewer */
  gboolean blocking;     /* the viewer blocked them */
  gboolean blocked_by;   /* they blocked the viewer */
} FanfareRelation;

/* What a user lets others see and find. */
typedef struct {
  gboolean discoverable_by_contact;
  char    *phone;                    /* E.164, "+8613800138000", or NULL */
  gboolean share_playlists;          /* new public playlists, in followers' feeds */
  gboolean share_playlist_follows;   /* playlists they follow, in followers' feeds */
  gboolean share_listening;          /* listening now and recent tracks */
} FanfareSocialSettings;

/* The kinds of a feed's items. Purchases and fan-club posts come after
 * these, each with its own setting. */
typedef enum {
  FANFARE_FEED_PLAYLIST = 0,        /* a new public playlist of theirs */
  FANFARE_FEED_PLAYLIST_FOLLOW = 1, /* they follow a public playlist */
} FanfareFeedKind;

typedef struct {
  FanfareFeedKind kind;
  gint64          user_id;
  gint64          object_id;
  gint64          created_at;
} FanfareFeedItem;

/* A play of someone the viewer follows; in the feed's listening now. */
typedef struct {
  gint64 user_id;
  gint64 track_id;
  gint64 played_at;
} FanfareListening;

/* Someone who may be found by their email or phone. */
typedef struct {
  gint64 user_id;
  char  *email;
  char  *phone;
} FanfareContactCandidate;

gboolean fanfare_social_store_follow (FanfareDatabase *db,
                                      gint64           follower_id,
                                      gint64           followee_id,
                                      GError         **error);
gboolean fanfare_social_store_unfollow (FanfareDatabase *db,
                                        gint64           follower_id,
                                        gint64           followee_id,
                                        GError         **error);
gboolean fanfare_social_store_set_blocked (FanfareDatabase *db,
                                           gint64           blocker_id,
                                           gint64           blocked_id,
                                           gboolean         blocked,
                                           GError         **error);
gboolean fanfare_social_store_get_relation (FanfareDatabase *db,
                                            gint64           viewer_id,
                                            gint64           other_id,
                                            FanfareRelation *relation,
                                            GError         **error);
GArray  *fanfare_social_store_list_follows (FanfareDatabase           *db,
                                            gint64                     user_id,
                                            gboolean                   followers,
                                            gint64                     viewer_id,
                                            const FanfareListPosition *after,
                                            guint                      limit,
                                            FanfareListPosition       *last,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_social_store_list_friends (FanfareDatabase *db,
                                            gint64           user_id,
                                            GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_social_store_list_blocked (FanfareDatabase *db,
                                            gint64           user_id,
                                            GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean fanfare_social_store_get_settings (FanfareDatabase       *db,
                                            gint64                 user_id,
                                            FanfareSocialSettings *settings,
                                            GError               **error);
gboolean fanfare_social_store_set_settings (FanfareDatabase             *db,
                                            gint64                       user_id,
                                            const FanfareSocialSettings *settings,
                                            GError                     **error);
void     fanfare_social_settings_clear (FanfareSocialSettings *settings);

GArray  *fanfare_social_store_list_feed (FanfareDatabase           *db,
                                         gint64                     viewer_id,
                                         const FanfareListPosition *after,
                                         guint                      limit,
                                         FanfareListPosition       *last,
                                         GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_social_store_list_listening (FanfareDatabase *db,
                                              gint64           viewer_id,
                                              gint64           since,
                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_social_store_list_recent_tracks (FanfareDatabase *db,
                                                  gint64           user_id,
                                                  guint            limit,
                                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;

gint64   fanfare_social_store_get_contact_key (FanfareDatabase *db,
                                               gint64           max_age,
                                               char           **secret,
                                               GError         **error);
gboolean fanfare_social_store_find_contact_key (FanfareDatabase *db,
                                                gint64           key_id,
                                                gint64           max_age,
                                                char           **secret,
                                                GError         **error);
gboolean fanfare_social_store_get_directory_version (FanfareDatabase *db,
                                                     gint64          *version,
                                                     GError         **error);
GArray  *fanfare_social_store_list_discoverable (FanfareDatabase *db,
                                                 gint64          *version,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_social_store_filter_discoverable (FanfareDatabase *db,
                                                   gint64           viewer_id,
                                                   GArray          *user_ids,
                                                   GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void     fanfare_contact_candidate_clear (FanfareContactCandidate *candidate);

gboolean fanfare_social_store_set_cell (FanfareDatabase *db,
                                        gint64           user_id,
                                        const char      *cell,
                                        gint64           max_age,
                                        GError         **error);
gboolean fanfare_social_store_get_cell (FanfareDatabase *db,
                                        gint64           user_id,
                                        gint64           max_age,
                                        char           **cell,
                                        GError         **error);
gboolean fanfare_social_store_clear_cell (FanfareDatabase *db,
                                          gint64           user_id,
                                          GError         **error);
GArray  *fanfare_social_store_list_nearby (FanfareDatabase    *db,
                                           gint64              viewer_id,
                                           const char * const *cells,
                                           gint64              max_age,
                                           guint               min_per_cell,
                                           guint               limit,
                                           GError            **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean fanfare_social_store_add_plays (FanfareDatabase *db,
                                         gint64           user_id,
                                         const gint64    *track_ids,
                                         const gint64    *played_at,
                                         guint            n_plays,
                                         GError         **error);
gint64   fanfare_social_store_count_plays (FanfareDatabase *db,
                                           gint64           user_id,
                                           GError         **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FanfareSocialSettings, fanfare_social_settings_clear)

G_END_DECLS
