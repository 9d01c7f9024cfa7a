/* fanfare-user.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A person on the platform: a listener, an artist or an admin. The email
 * is only filled in for the user themselves. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-user.h"

struct _FanfareUser
{
  GObject parent_instance;

  /* Owned */
  char      *id;
  char      *username;
  char      *display_name;
  char      *email;
  char      *bio;
  char      *avatar_uri;
  char      *artist_id;
  GDateTime *created_at;

  /* Values */
  FanfareUserRole role;
  gboolean        verified;
  guint           follower_count;
  guint           following_count;
  gboolean        moderator;
};

G_DEFINE_FINAL_TYPE (FanfareUser, fanfare_user, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, id), G_TYPE_INVALID, TRUE },
  { "username", "username", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, username), G_TYPE_INVALID, TRUE },
  { "display-name", "display_name", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, display_name), G_TYPE_INVALID, FALSE },
  { "role", "role", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfareUser, role), G_TYPE_INVALID, FALSE },
  { "email", "email", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, email), G_TYPE_INVALID, FALSE },
  { "bio", "bio", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, bio), G_TYPE_INVALID, FALSE },
  { "avatar-uri", "avatar_uri", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, avatar_uri), G_TYPE_INVALID, FALSE },
  { "verified", "verified", FANFARE_FIELD_BOOLEAN, G_STRUCT_OFFSET (FanfareUser, verified), G_TYPE_INVALID, FALSE },
  { "artist-id", "artist_id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareUser, artist_id), G_TYPE_INVALID, FALSE },
  { "follower-count", "follower_count", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareUser, follower_count), G_TYPE_INVALID, FALSE },
  { "following-count", "following_count", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareUser, following_count), G_TYPE_INVALID, FALSE },
  { "created-at", "created_at", FANFARE_FIELD_DATETIME, G_STRUCT_OFFSET (FanfareUser, created_at), G_TYPE_INVALID, FALSE },
  { "moderator", "moderator", FANFARE_FIELD_BOOLEAN, G_STRUCT_OFFSET (FanfareUser, moderator), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_user_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_user_parent_class)->finalize (object);
}

static void
fanfare_user_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_user_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_user_class_init (FanfareUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_user_finalize;
  object_class->get_property = fanfare_user_get_property;
  object_class->set_property = fanfare_user_set_property;

  fields[3].enum_type = FANFARE_TYPE_USER_ROLE;
  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_user_init (FanfareUser *self)
{
}

/**
 * fanfare_user_new_from_json:
 * @json: the JSON form of a user
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareUser, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareUser *
fanfare_user_new_from_json (JsonObject *json,
                            GError    **error)
{
  g_autoptr(FanfareUser) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_USER, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_user_to_json:
 * @self: a #FanfareUser
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_user_to_json (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_user_get_id (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->id;
}

const char *
fanfare_user_get_username (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->username;
}

const char *
fanfare_user_get_display_name (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->display_name;
}

FanfareUserRole
fanfare_user_get_role (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->role;
}

const char *
fanfare_user_get_email (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->email;
}

const char *
fanfare_user_get_bio (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->bio;
}

const char *
fanfare_user_get_avatar_uri (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->avatar_uri;
}

gboolean
fanfare_user_get_verified (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->verified;
}

/* Whether they settle reports of comments (admins do too). */
gboolean
fanfare_user_get_moderator (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), FALSE);

  return self->moderator || self->role == FANFARE_USER_ROLE_ADMIN;
}

const char *
fanfare_user_get_artist_id (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->artist_id;
}

guint
fanfare_user_get_follower_count (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->follower_count;
}

guint
fanfare_user_get_following_count (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->following_count;
}

GDateTime *
fanfare_user_get_created_at (FanfareUser *self)
{
  g_return_val_if_fail (FANFARE_IS_USER (self), 0);

  return self->created_at;
}
