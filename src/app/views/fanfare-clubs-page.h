/* fanfare-clubs-page.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-client-clubs.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CLUBS_PAGE (fanfare_clubs_page_get_type ())

G_DECLARE_FINAL_TYPE (FanfareClubsPage, fanfare_clubs_page, FANFARE, CLUBS_PAGE, GtkWidget)

GtkWidget *fanfare_clubs_page_new_for_artist (const char *artist_id,
                                              const char *artist_name);
void       fanfare_clubs_page_reload (FanfareClubsPage *self);
guint      fanfare_clubs_page_get_n_clubs (FanfareClubsPage *self);

GtkWidget *fanfare_club_row_new (const FanfareClientClub *club);

void       fanfare_navigate_artist_clubs (GtkWidget  *from,
                                          const char *artist_id,
                                          const char *artist_name);
void       fanfare_navigate_club (GtkWidget  *from,
                                  const char *club_id,
                                  const char *name);

G_END_DECLS
