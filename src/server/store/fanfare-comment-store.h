/* fanfare-comment-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

typedef enum {
  FANFARE_COMMENT_TARGET_TRACK,
  FANFARE_COMMENT_TARGET_ALBUM,
  FANFARE_COMMENT_TARGET_PLAYLIST,
} FanfareCommentTarget;

typedef enum {
  FANFARE_COMMENT_SORT_NEW,
  FANFARE_COMMENT_SORT_HOT,
} FanfareCommentSort;

typedef struct {
  gint64   id;
  gint64   parent_id;   /* 0 for a comment, the comment's id for a reply */
  gint64   author_id;
  char    *body;
  gboolean by_artist;   /* the artist of the track or album, or the playlist's owner when an artist */
  gboolean liked;       /* by the viewer */
  guint    like_count;
  guint    reply_count;
  gint64   created_at;
} FanfareCommentRow;

gint64     fanfare_comment_store_add (FanfareDatabase      *db,
                                      FanfareCommentTarget  target,
                                      gint64                target_id,
                                      gint64                parent_id,
                                      gint64                author_id,
                                      const char           *body,
                                      guint                 max_per_minute,
                                      GError              **error);
GPtrArray *fanfare_comment_store_list (FanfareDatabase           *db,
                                       gint64                     viewer_id,
                                       FanfareCommentTarget       target,
                                       gint64                     target_id,
                                       gint64                     parent_id,
                                       FanfareCommentSort         sort,
                                       const FanfareListPosition *after,
                                       guint                      limit,
                                       FanfareListPosition       *last,
                                       GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareCommentRow *fanfare_comment_store_get (FanfareDatabase      *db,
                                              gint64                viewer_id,
                                              gint64                comment_id,
                                              FanfareCommentTarget *target,
                                              gint64               *target_id,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   fanfare_comment_store_delete (FanfareDatabase *db,
                                         gint64           comment_id,
                                         gint64           user_id,
                                         GError         **error);
gboolean   fanfare_comment_store_set_liked (FanfareDatabase *db,
                                            gint64           comment_id,
                                            gint64           user_id,
                                            gboolean         liked,
                                            GError         **error);
gboolean   fanfare_comment_store_report (FanfareDatabase *db,
                                         gint64           comment_id,
                                         gint64           user_id,
                                         const char      *reason,
                                         GError         **error);
void       fanfare_comment_row_free (FanfareCommentRow *row);

/* A reported comment, as moderators see it. */
typedef struct {
  gint64 comment_id;
  guint  count;        /* of people who reported it */
  gint64 reported_at;  /* the latest report */
  GStrv  reasons;      /* the latest first, a few */
} FanfareCommentReports;

GArray    *fanfare_comment_store_list_reports (FanfareDatabase           *db,
                                               const FanfareListPosition *after,
                                               guint                      limit,
                                               FanfareListPosition       *last,
                                               GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   fanfare_comment_store_dismiss_reports (FanfareDatabase *db,
                                                  gint64           comment_id,
                                                  GError         **error);
void       fanfare_comment_reports_clear (FanfareCommentReports *reports);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareCommentRow, fanfare_comment_row_free)

G_END_DECLS
