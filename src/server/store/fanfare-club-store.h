/* fanfare-club-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

/* A member's standing in a club, in order of power. */
typedef enum {
  FANFARE_CLUB_ROLE_NONE,
  FANFARE_CLUB_ROLE_MEMBER,
  FANFARE_CLUB_ROLE_ADMIN,
  FANFARE_CLUB_ROLE_FOUNDER,
} FanfareClubRole;

typedef struct {
  gint64   id;
  gint64   artist_id;
  gint64   artist_user_id;  /* 0 when the artist has no account */
  char    *artist_name;
  char    *name;
  char    *description;
  gboolean official;
  gboolean claimed;
  gint64   founder_id;
  guint    member_count;
  gint64   created_at;
} FanfareClubRecord;

typedef struct {
  gint64   id;
  gint64   club_id;
  gint64   author_id;
  char    *author;
  char    *body;
  char    *image_uri;
  gint64   track_id;
  gint64   album_id;
  gboolean pinned;
  guint    comment_count;
  gint64   created_at;
} FanfareClubPostRecord;

typedef struct {
  gint64 id;
  gint64 post_id;
  gint64 club_id;
  gint64 author_id;
  char  *author;
  char  *body;
  gint64 created_at;
} FanfareClubCommentRecord;

/* A member's contribution to the artist the club is about. */
typedef struct {
  gint64          user_id;
  char           *username;
  char           *display_name;
  FanfareClubRole role;
  guint           purchases;
  gint64          listening_ms;
  guint           activity;  /* posts and comments in the club, not removed */
  gint64          score;
} FanfareClubSupporter;

void                      fanfare_club_record_free (FanfareClubRecord *record);
void                      fanfare_club_post_record_free (FanfareClubPostRecord *record);
void                      fanfare_club_comment_record_free (FanfareClubCommentRecord *record);
void                      fanfare_club_supporter_free (FanfareClubSupporter *supporter);
const char               *fanfare_club_role_to_string (FanfareClubRole  role);
FanfareClubRole           fanfare_club_role_from_string (const char *name);

gint64                    fanfare_club_store_create (FanfareDatabase *db,
                                                     gint64           artist_id,
                                                     gint64           founder_id,
                                                     const char      *name,
                                                     const char      *description,
                                                     gboolean         official,
                                                     gboolean         claimed,
                                                     GError         **error);
FanfareClubRecord        *fanfare_club_store_get (FanfareDatabase *db,
                                                  gint64           club_id,
                                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray                *fanfare_club_store_list (FanfareDatabase *db,
                                                   gint64           artist_id,
                                                   gint64           member_id,
                                                   GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                  fanfare_club_store_claim (FanfareDatabase *db,
                                                    gint64           club_id,
                                                    gint64           artist_user_id,
                                                    GError         **error);
FanfareClubRole           fanfare_club_store_get_role (FanfareDatabase *db,
                                                       gint64           club_id,
                                                       gint64           user_id,
                                                       GError         **error);
gboolean                  fanfare_club_store_join (FanfareDatabase *db,
                                                   gint64           club_id,
                                                   gint64           user_id,
                                                   GError         **error);
gboolean                  fanfare_club_store_set_role (FanfareDatabase *db,
                                                       gint64           club_id,
                                                       gint64           user_id,
                                                       FanfareClubRole  role,
                                                       GError         **error);
gboolean                  fanfare_club_store_remove_member (FanfareDatabase *db,
                                                            gint64           club_id,
                                                            gint64           user_id,
                                                            gint64           banned_by,
                                                            GError         **error);
gboolean                  fanfare_club_store_unban (FanfareDatabase *db,
                                                    gint64           club_id,
                                                    gint64           user_id,
                                                    GError         **error);
gint64                    fanfare_club_store_add_post (FanfareDatabase *db,
                                                       gint64           club_id,
                                                       gint64           author_id,
                                                       const char      *body,
                                                       gint64           track_id,
                                                       gint64           album_id,
                                                       GError         **error);
FanfareClubPostRecord    *fanfare_club_store_get_post (FanfareDatabase *db,
                                                       gint64           post_id,
                                                       GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray                *fanfare_club_store_list_posts (FanfareDatabase *db,
                                                         gint64           club_id,
                                                         guint            limit,
                                                         GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                  fanfare_club_store_update_post (FanfareDatabase *db,
                                                          gint64           post_id,
                                                          const char      *column,
                                                          int              value,
                                                          const char      *image_id,
                                                          GError         **error);
gint64                    fanfare_club_store_add_comment (FanfareDatabase *db,
                                                          gint64           post_id,
                                                          gint64           author_id,
                                                          const char      *body,
                                                          GError         **error);
FanfareClubCommentRecord *fanfare_club_store_get_comment (FanfareDatabase *db,
                                                          gint64           comment_id,
                                                          GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray                *fanfare_club_store_list_comments (FanfareDatabase *db,
                                                            gint64           post_id,
                                                            GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean                  fanfare_club_store_remove_comment (FanfareDatabase *db,
                                                             gint64           comment_id,
                                                             GError         **error);
GPtrArray                *fanfare_club_store_leaderboard (FanfareDatabase *db,
                                                          gint64           club_id,
                                                          guint            limit,
                                                          GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gint64                    fanfare_club_store_get_artist (FanfareDatabase *db,
                                                         gint64           club_id,
                                                         GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClubRecord, fanfare_club_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClubPostRecord, fanfare_club_post_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareClubCommentRecord, fanfare_club_comment_record_free)

G_END_DECLS
