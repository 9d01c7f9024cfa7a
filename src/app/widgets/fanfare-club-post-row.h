/* fanfare-club-post-row.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-clubs.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CLUB_POST_ROW (fanfare_club_post_row_get_type ())

G_DECLARE_FINAL_TYPE (FanfareClubPostRow, fanfare_club_post_row, FANFARE, CLUB_POST_ROW, AdwExpanderRow)

GtkWidget  *fanfare_club_post_row_new (FanfareClient * client,
                                       const FanfareClientClubPost * post,
                                       gboolean member,
                                       gboolean moderator);
const char *fanfare_club_post_row_get_post_id (FanfareClubPostRow *self);
guint       fanfare_club_post_row_get_n_comments (FanfareClubPostRow *self);
GObject    *fanfare_club_post_row_get_linked (FanfareClubPostRow *self);
GtkWidget  *fanfare_club_moderation_button_new (GMenuModel *menu);
void        fanfare_club_post_row_add_comment (FanfareClubPostRow *self,
                                               const char         *text);

G_END_DECLS
