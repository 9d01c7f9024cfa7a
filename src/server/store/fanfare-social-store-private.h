/* fanfare-social-store-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database-private.h"

G_BEGIN_DECLS

/* SQL that is true when either of two users (SQL expressions) blocked the
 * other: then neither sees the other anywhere. */
#define FANFARE_SQL_BLOCKED_EITHER(a, b) \
  "EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = " a " AND blocked_id = " b ")" \
  " OR (blocker_id = " b " AND blocked_id = " a "))"

gboolean _fanfare_social_store_check_not_blocked (FanfareConnection *conn,
                                                  gint64             a,
                                                  gint64             b,
                                                  GError           **error);

G_END_DECLS
