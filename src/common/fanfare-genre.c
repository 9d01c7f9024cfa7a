/* fanfare-genre.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A genre, as the tags of the local library's tracks name it, with the
 * number of tracks that have it. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-genre.h"

struct _FanfareGenre
{
  GObject parent_instance;

  /* Owned strings */
  char *id;
  char *name;

  /* Values */
  FanfareSource source;
  guint         track_count;
};

G_DEFINE_FINAL_TYPE (FanfareGenre, fanfare_genre, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareGenre, id), G_TYPE_INVALID, TRUE },
  { "source", "source", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfareGenre, source), G_TYPE_INVALID, FALSE },
  { "name", "name", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareGenre, name), G_TYPE_INVALID, TRUE },
  { "track-count", "track_count", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareGenre, track_count), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_genre_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_genre_parent_class)->finalize (object);
}

static void
fanfare_genre_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_genre_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_genre_class_init (FanfareGenreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_genre_finalize;
  object_class->get_property = fanfare_genre_get_property;
  object_class->set_property = fanfare_genre_set_property;

  fields[1].enum_type = FANFARE_TYPE_SOURCE;
  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_genre_init (FanfareGenre *self)
{
}

/**
 * fanfare_genre_new_from_json:
 * @json: the JSON form of a genre
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareGenre, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareGenre *
fanfare_genre_new_from_json (JsonObject *json,
                             GError    **error)
{
  g_autoptr(FanfareGenre) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_GENRE, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_genre_to_json:
 * @self: a #FanfareGenre
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_genre_to_json (FanfareGenre *self)
{
  g_return_val_if_fail (FANFARE_IS_GENRE (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_genre_get_id (FanfareGenre *self)
{
  g_return_val_if_fail (FANFARE_IS_GENRE (self), 0);

  return self->id;
}

FanfareSource
fanfare_genre_get_source (FanfareGenre *self)
{
  g_return_val_if_fail (FANFARE_IS_GENRE (self), 0);

  return self->source;
}

const char *
fanfare_genre_get_name (FanfareGenre *self)
{
  g_return_val_if_fail (FANFARE_IS_GENRE (self), 0);

  return self->name;
}

guint
fanfare_genre_get_track_count (FanfareGenre *self)
{
  g_return_val_if_fail (FANFARE_IS_GENRE (self), 0);

  return self->track_count;
}
