/* fanfare-social-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

gboolean fanfare_social_store_follow (FanfareDatabase *db,
                                      gint64           follower_id,
                                      gint64           followee_id,
                                      GError         **error);
gboolean fanfare_social_store_add_plays (FanfareDatabase *db,
                                         gint64           user_id,
                                         const gint64    *track_ids,
                                         const gint64    *played_at,
                                         guint            n_plays,
                                         GError         **error);
gint64   fanfare_social_store_count_plays (FanfareDatabase *db,
                                           gint64           user_id,
                                           GError         **error);

G_END_DECLS
