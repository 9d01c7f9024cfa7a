/* fanfare-comment-section.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_COMMENT_SECTION (fanfare_comment_section_get_type ())

G_DECLARE_FINAL_TYPE (FanfareCommentSection, fanfare_comment_section, FANFARE, COMMENT_SECTION, GtkWidget);

void        fanfare_comment_section_set_target (FanfareCommentSection *self,
                                                FanfareClient         *client,
                                                FanfareSocialTarget    target,
                                                const char            *target_id);
void        fanfare_comment_section_post (FanfareCommentSection *self,
                                          const char            *body);
void        fanfare_comment_section_set_newest_first (FanfareCommentSection *self,
                                                      gboolean               newest_first);
GListModel *fanfare_comment_section_get_comments (FanfareCommentSection *self);

G_END_DECLS
