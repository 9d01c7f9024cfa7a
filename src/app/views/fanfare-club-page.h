/* fanfare-club-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-club-composer.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CLUB_PAGE (fanfare_club_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareClubPage, fanfare_club_page, FANFARE, CLUB_PAGE, GtkWidget)

GtkWidget  *fanfare_club_page_new (const char *club_id);
void        fanfare_club_page_reload (FanfareClubPage *self);
const char *fanfare_club_page_get_role (FanfareClubPage *self);
gboolean    fanfare_club_page_get_loaded (FanfareClubPage *self);
guint       fanfare_club_page_get_n_posts (FanfareClubPage *self);
guint       fanfare_club_page_get_n_supporters (FanfareClubPage *self);
GtkEditable *fanfare_club_page_get_post_entry (FanfareClubPage *self);
FanfareClubComposer *fanfare_club_page_get_composer (FanfareClubPage *self);
void        fanfare_club_report_error (GtkWidget    *from,
                                       const GError *error);

G_END_DECLS
