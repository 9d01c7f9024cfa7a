/* fanfare-friend-finder.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

/* A contact key is handed out for a week and accepted for two. */
#define FANFARE_CONTACT_KEY_LIFETIME (7 * 24 * 3600)
#define FANFARE_CONTACT_KEY_ACCEPTED (14 * 24 * 3600)
#define FANFARE_CONTACT_MAX_HASHES   5000

/* A cell of people nearby lasts half an hour; a cell with fewer people
 * than this is shown to nobody. */
#define FANFARE_NEARBY_LIFETIME      (30 * 60)
#define FANFARE_NEARBY_MIN_PEOPLE    3
#define FANFARE_NEARBY_MAX_PEOPLE    100

gboolean fanfare_friend_finder_is_hash (const char *hash);
GArray  *fanfare_friend_finder_match_contacts (FanfareDatabase    *db,
                                               gint64              viewer_id,
                                               gint64              key_id,
                                               const char * const *hashes,
                                               GError            **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_friend_finder_share_cell (FanfareDatabase *db,
                                           gint64           viewer_id,
                                           const char      *cell,
                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray  *fanfare_friend_finder_list_nearby (FanfareDatabase *db,
                                            gint64           viewer_id,
                                            GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
