/* fanfare-session.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One signed-in device of a user. The token itself never leaves the
 * response that created it; this is what the user may see and revoke. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-session.h"

struct _FanfareSession
{
  GObject parent_instance;

  /* Owned */
  char      *id;
  char      *device;
  GDateTime *created_at;
  GDateTime *last_used_at;
  GDateTime *expires_at;

  /* Values */
  gboolean current;
};

G_DEFINE_FINAL_TYPE (FanfareSession, fanfare_session, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareSession, id), G_TYPE_INVALID, TRUE },
  { "device", "device", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareSession, device), G_TYPE_INVALID, FALSE },
  { "current", "current", FANFARE_FIELD_BOOLEAN, G_STRUCT_OFFSET (FanfareSession, current), G_TYPE_INVALID, FALSE },
  { "created-at", "created_at", FANFARE_FIELD_DATETIME, G_STRUCT_OFFSET (FanfareSession, created_at), G_TYPE_INVALID, FALSE },
  { "last-used-at", "last_used_at", FANFARE_FIELD_DATETIME, G_STRUCT_OFFSET (FanfareSession, last_used_at), G_TYPE_INVALID, FALSE },
  { "expires-at", "expires_at", FANFARE_FIELD_DATETIME, G_STRUCT_OFFSET (FanfareSession, expires_at), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_session_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_session_parent_class)->finalize (object);
}

static void
fanfare_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_session_class_init (FanfareSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_session_finalize;
  object_class->get_property = fanfare_session_get_property;
  object_class->set_property = fanfare_session_set_property;

  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_session_init (FanfareSession *self)
{
}

/**
 * fanfare_session_new_from_json:
 * @json: the JSON form of a session
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareSession, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareSession *
fanfare_session_new_from_json (JsonObject *json,
                               GError    **error)
{
  g_autoptr(FanfareSession) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_SESSION, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_session_to_json:
 * @self: a #FanfareSession
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_session_to_json (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_session_get_id (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), 0);

  return self->id;
}

const char *
fanfare_session_get_device (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), 0);

  return self->device;
}

gboolean
fanfare_session_get_current (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), 0);

  return self->current;
}

GDateTime *
fanfare_session_get_created_at (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), 0);

  return self->created_at;
}

GDateTime *
fanfare_session_get_last_used_at (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), 0);

  return self->last_used_at;
}

GDateTime *
fanfare_session_get_expires_at (FanfareSession *self)
{
  g_return_val_if_fail (FANFARE_IS_SESSION (self), 0);

  return self->expires_at;
}
