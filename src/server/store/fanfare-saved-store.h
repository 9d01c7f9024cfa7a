/* fanfare-saved-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

/* What a listener can save to their library. */
typedef enum {
  FANFARE_SAVED_ALBUM,
  FANFARE_SAVED_TRACK,
} FanfareSavedKind;

gboolean fanfare_saved_store_set (FanfareDatabase  *db,
                                  gint64            user_id,
                                  FanfareSavedKind  kind,
                                  gint64            item_id,
                                  gboolean          saved,
                                  GError          **error);
GArray  *fanfare_saved_store_list (FanfareDatabase  *db,
                                   gint64            user_id,
                                   FanfareSavedKind  kind,
                                   guint             limit,
                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
