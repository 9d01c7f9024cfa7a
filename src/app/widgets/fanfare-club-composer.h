/* fanfare-club-composer.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "fanfare-album.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_CLUB_COMPOSER (fanfare_club_composer_get_type ())

G_DECLARE_FINAL_TYPE (FanfareClubComposer, fanfare_club_composer, FANFARE, CLUB_COMPOSER, GtkWidget)

void         fanfare_club_composer_set_club (FanfareClubComposer *self,
                                             const char          *club_id);
GtkEditable *fanfare_club_composer_get_entry (FanfareClubComposer *self);
void         fanfare_club_composer_set_image (FanfareClubComposer *self,
                                              GFile               *file);
gboolean     fanfare_club_composer_get_has_image (FanfareClubComposer *self);
void         fanfare_club_composer_link (FanfareClubComposer *self,
                                         GObject             *item);
void         fanfare_club_composer_post (FanfareClubComposer *self);
gboolean     fanfare_club_composer_get_busy (FanfareClubComposer *self);
GListModel  *fanfare_club_composer_get_results (FanfareClubComposer *self);

G_END_DECLS
