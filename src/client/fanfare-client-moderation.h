/* fanfare-client-moderation.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-client-social.h"

G_BEGIN_DECLS

/* What moderators of comments read and do: the reported comments, and
 * removing one or dismissing its reports. */

#define FANFARE_TYPE_COMMENT_REPORT (fanfare_comment_report_get_type ())

G_DECLARE_FINAL_TYPE (FanfareCommentReport, fanfare_comment_report, FANFARE, COMMENT_REPORT, GObject);

FanfareComment     *fanfare_comment_report_get_comment (FanfareCommentReport *self);
const char         *fanfare_comment_report_get_target_kind (FanfareCommentReport *self);
const char         *fanfare_comment_report_get_target_id (FanfareCommentReport *self);
guint               fanfare_comment_report_get_count (FanfareCommentReport *self);
const char * const *fanfare_comment_report_get_reasons (FanfareCommentReport *self);

void fanfare_client_list_comment_reports_async (FanfareClient       *self,
                                                const char          *cursor,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void fanfare_client_settle_comment_report_async (FanfareClient       *self,
                                                 const char          *comment_id,
                                                 gboolean             remove,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);

G_END_DECLS
