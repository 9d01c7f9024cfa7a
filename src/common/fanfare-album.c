/* fanfare-album.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An album of the local library or the platform. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-album.h"

struct _FanfareAlbum
{
  GObject parent_instance;

  /* Owned strings */
  char *id;
  char *title;
  char *artist;
  char *artist_id;
  char *genre;
  char *cover_uri;
  char *release_date;

  /* Values */
  FanfareSource source;
  guint         year;
  guint         track_count;
  GTimeSpan     duration;
};

G_DEFINE_FINAL_TYPE (FanfareAlbum, fanfare_album, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, id), G_TYPE_INVALID, TRUE },
  { "source", "source", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfareAlbum, source), G_TYPE_INVALID, FALSE },
  { "title", "title", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, title), G_TYPE_INVALID, TRUE },
  { "artist", "artist", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, artist), G_TYPE_INVALID, FALSE },
  { "artist-id", "artist_id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, artist_id), G_TYPE_INVALID, FALSE },
  { "year", "year", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareAlbum, year), G_TYPE_INVALID, FALSE },
  { "genre", "genre", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, genre), G_TYPE_INVALID, FALSE },
  { "track-count", "track_count", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareAlbum, track_count), G_TYPE_INVALID, FALSE },
  { "duration", "duration_ms", FANFARE_FIELD_DURATION, G_STRUCT_OFFSET (FanfareAlbum, duration), G_TYPE_INVALID, FALSE },
  { "cover-uri", "cover_uri", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, cover_uri), G_TYPE_INVALID, FALSE },
  { "release-date", "release_date", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareAlbum, release_date), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_album_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_album_parent_class)->finalize (object);
}

static void
fanfare_album_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_album_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_album_class_init (FanfareAlbumClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_album_finalize;
  object_class->get_property = fanfare_album_get_property;
  object_class->set_property = fanfare_album_set_property;

  fields[1].enum_type = FANFARE_TYPE_SOURCE;
  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_album_init (FanfareAlbum *self)
{
}

/**
 * fanfare_album_new_from_json:
 * @json: the JSON form of a album
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareAlbum, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareAlbum *
fanfare_album_new_from_json (JsonObject *json,
                             GError    **error)
{
  g_autoptr(FanfareAlbum) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_ALBUM, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_album_to_json:
 * @self: a #FanfareAlbum
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_album_to_json (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_album_get_id (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->id;
}

FanfareSource
fanfare_album_get_source (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->source;
}

const char *
fanfare_album_get_title (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->title;
}

const char *
fanfare_album_get_artist (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->artist;
}

const char *
fanfare_album_get_artist_id (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->artist_id;
}

guint
fanfare_album_get_year (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->year;
}

const char *
fanfare_album_get_genre (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->genre;
}

guint
fanfare_album_get_track_count (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->track_count;
}

GTimeSpan
fanfare_album_get_duration (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->duration;
}

const char *
fanfare_album_get_cover_uri (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->cover_uri;
}

/**
 * fanfare_album_get_release_date:
 * @self: a #FanfareAlbum
 *
 * Returns: (nullable): the release date as YYYY-MM-DD
 */
const char *
fanfare_album_get_release_date (FanfareAlbum *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM (self), 0);

  return self->release_date;
}
