/* fanfare-http-clubs.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-club-store.h"
#include "fanfare-request.h"

G_BEGIN_DECLS

/* What the fan clubs' route files share. */
FanfareClubRole fanfare_http_club_role (FanfareRequest *request,
                                        gint64          club_id,
                                        GError        **error);
gboolean        fanfare_http_club_check (FanfareRequest  *request,
                                         gint64           club_id,
                                         FanfareClubRole  needed,
                                         const char      *what);
const char     *fanfare_http_club_read_text (FanfareRequest *request,
                                             JsonObject     *body,
                                             const char     *member,
                                             gboolean        required,
                                             guint           max);

G_END_DECLS
