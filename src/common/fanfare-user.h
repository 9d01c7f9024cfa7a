/* fanfare-user.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-common-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_USER (fanfare_user_get_type ())

G_DECLARE_FINAL_TYPE (FanfareUser, fanfare_user, FANFARE, USER, GObject);

FanfareUser *fanfare_user_new_from_json (JsonObject *json,
                                         GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *fanfare_user_to_json (FanfareUser *self) G_GNUC_WARN_UNUSED_RESULT;
const char * fanfare_user_get_id (FanfareUser *self);
const char * fanfare_user_get_username (FanfareUser *self);
const char * fanfare_user_get_display_name (FanfareUser *self);
FanfareUserRole fanfare_user_get_role (FanfareUser *self);
const char * fanfare_user_get_email (FanfareUser *self);
const char * fanfare_user_get_bio (FanfareUser *self);
const char * fanfare_user_get_avatar_uri (FanfareUser *self);
gboolean fanfare_user_get_verified (FanfareUser *self);
gboolean fanfare_user_get_moderator (FanfareUser *self);
const char * fanfare_user_get_artist_id (FanfareUser *self);
guint fanfare_user_get_follower_count (FanfareUser *self);
guint fanfare_user_get_following_count (FanfareUser *self);
GDateTime * fanfare_user_get_created_at (FanfareUser *self);

G_END_DECLS
