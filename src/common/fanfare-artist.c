/* fanfare-artist.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A performer or a band, of the local library or of the platform, where an
 * artist may be verified. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-artist.h"

struct _FanfareArtist
{
  GObject parent_instance;

  /* Owned strings */
  char  *id;
  char  *name;
  char  *image_uri;
  char  *bio;
  char  *username;
  char **links;

  /* Values */
  FanfareSource source;
  gboolean      verified;
  guint         album_count;
};

G_DEFINE_FINAL_TYPE (FanfareArtist, fanfare_artist, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareArtist, id), G_TYPE_INVALID, TRUE },
  { "source", "source", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfareArtist, source), G_TYPE_INVALID, FALSE },
  { "name", "name", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareArtist, name), G_TYPE_INVALID, TRUE },
  { "image-uri", "image_uri", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareArtist, image_uri), G_TYPE_INVALID, FALSE },
  { "verified", "verified", FANFARE_FIELD_BOOLEAN, G_STRUCT_OFFSET (FanfareArtist, verified), G_TYPE_INVALID, FALSE },
  { "album-count", "album_count", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareArtist, album_count), G_TYPE_INVALID, FALSE },
  { "bio", "bio", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareArtist, bio), G_TYPE_INVALID, FALSE },
  { "username", "username", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareArtist, username), G_TYPE_INVALID, FALSE },
  { "links", "links", FANFARE_FIELD_STRV, G_STRUCT_OFFSET (FanfareArtist, links), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_artist_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_artist_parent_class)->finalize (object);
}

static void
fanfare_artist_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_artist_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_artist_class_init (FanfareArtistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_artist_finalize;
  object_class->get_property = fanfare_artist_get_property;
  object_class->set_property = fanfare_artist_set_property;

  fields[1].enum_type = FANFARE_TYPE_SOURCE;
  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_artist_init (FanfareArtist *self)
{
}

/**
 * fanfare_artist_new_from_json:
 * @json: the JSON form of a artist
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareArtist, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareArtist *
fanfare_artist_new_from_json (JsonObject *json,
                              GError    **error)
{
  g_autoptr(FanfareArtist) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_ARTIST, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_artist_to_json:
 * @self: a #FanfareArtist
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_artist_to_json (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_artist_get_id (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->id;
}

FanfareSource
fanfare_artist_get_source (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->source;
}

const char *
fanfare_artist_get_name (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->name;
}

const char *
fanfare_artist_get_image_uri (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->image_uri;
}

gboolean
fanfare_artist_get_verified (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->verified;
}

guint
fanfare_artist_get_album_count (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->album_count;
}

const char *
fanfare_artist_get_bio (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->bio;
}

/**
 * fanfare_artist_get_username:
 * @self: a #FanfareArtist
 *
 * Returns: (nullable): the user who owns this artist profile on the platform
 */
const char *
fanfare_artist_get_username (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), 0);

  return self->username;
}

/**
 * fanfare_artist_get_links:
 * @self: a #FanfareArtist
 *
 * Returns: (nullable) (array zero-terminated=1): the web addresses the
 *   artist gives on their profile
 */
const char * const *
fanfare_artist_get_links (FanfareArtist *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST (self), NULL);

  return (const char * const *) self->links;
}
