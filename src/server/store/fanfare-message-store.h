/* fanfare-message-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

/* A message in an inbox: something of the platform's sent with a note.
 * Its kind is a word ("track", "album", "playlist"), so that kinds added
 * later, such as gifts, need no change here. */
typedef struct {
  gint64   id;
  gint64   sender_id;
  char    *kind;
  gint64   item_id;
  char    *note;
  gint64   created_at;
  gboolean read;
} FanfareMessageRow;

gint64     fanfare_message_store_send (FanfareDatabase *db,
                                       gint64           sender_id,
                                       gint64           recipient_id,
                                       const char      *kind,
                                       gint64           item_id,
                                       const char      *note,
                                       GError         **error);
GPtrArray *fanfare_message_store_list (FanfareDatabase *db,
                                       gint64           recipient_id,
                                       gint64           before_id,
                                       guint            limit,
                                       gboolean        *more,
                                       GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gint64     fanfare_message_store_count_unread (FanfareDatabase *db,
                                               gint64           recipient_id,
                                               GError         **error);
gboolean   fanfare_message_store_mark_read (FanfareDatabase *db,
                                            gint64           recipient_id,
                                            gint64           message_id,
                                            GError         **error);
gboolean   fanfare_message_store_delete (FanfareDatabase *db,
                                         gint64           recipient_id,
                                         gint64           message_id,
                                         GError         **error);
void       fanfare_message_row_free (FanfareMessageRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareMessageRow, fanfare_message_row_free)

G_END_DECLS
