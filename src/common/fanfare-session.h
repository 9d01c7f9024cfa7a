/* fanfare-session.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_SESSION (fanfare_session_get_type ())

G_DECLARE_FINAL_TYPE (FanfareSession, fanfare_session, FANFARE, SESSION, GObject);

FanfareSession *fanfare_session_new_from_json (JsonObject *json,
                                               GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_session_to_json (FanfareSession *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_session_get_id (FanfareSession *self);
const char * fanfare_session_get_device (FanfareSession *self);
gboolean fanfare_session_get_current (FanfareSession *self);
GDateTime * fanfare_session_get_created_at (FanfareSession *self);
GDateTime * fanfare_session_get_last_used_at (FanfareSession *self);
GDateTime * fanfare_session_get_expires_at (FanfareSession *self);

G_END_DECLS
