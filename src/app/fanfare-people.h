/* fanfare-people.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-social.h"

G_BEGIN_DECLS

/* Rows of people, shared by the Friends page and profiles. */
GtkWidget *fanfare_person_row_new (FanfareUser *user,
                                   gboolean     is_friend,
                                   GtkWidget   *suffix);
FanfareUser *fanfare_person_row_get_user (GtkWidget *row);
GHashTable *fanfare_usernames_of (GListModel *users) G_GNUC_WARN_UNUSED_RESULT;
GtkWidget  *fanfare_placeholder_new (const char *text);
void        fanfare_toast (GtkWidget  *from,
                           const char *text);
char       *fanfare_activity_dup_text (FanfareActivity *activity) G_GNUC_WARN_UNUSED_RESULT;
const char *fanfare_local_country_code (void);

G_END_DECLS
