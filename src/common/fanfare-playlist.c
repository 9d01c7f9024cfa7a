/* fanfare-playlist.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A playlist of the platform, with who owns it and who may see it. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-playlist.h"

struct _FanfarePlaylist
{
  GObject parent_instance;

  /* Owned */
  char      *id;
  char      *title;
  char      *description;
  char      *owner;
  char      *owner_name;
  char      *cover_uri;
  GDateTime *updated_at;

  /* Values */
  FanfarePlaylistVisibility visibility;
  guint                     track_count;
  GTimeSpan                 duration;
};

G_DEFINE_FINAL_TYPE (FanfarePlaylist, fanfare_playlist, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfarePlaylist, id), G_TYPE_INVALID, TRUE },
  { "title", "title", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfarePlaylist, title), G_TYPE_INVALID, TRUE },
  { "description", "description", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfarePlaylist, description), G_TYPE_INVALID, FALSE },
  { "owner", "owner", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfarePlaylist, owner), G_TYPE_INVALID, FALSE },
  { "owner-name", "owner_name", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfarePlaylist, owner_name), G_TYPE_INVALID, FALSE },
  { "visibility", "visibility", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfarePlaylist, visibility), G_TYPE_INVALID, FALSE },
  { "track-count", "track_count", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfarePlaylist, track_count), G_TYPE_INVALID, FALSE },
  { "duration", "duration_ms", FANFARE_FIELD_DURATION, G_STRUCT_OFFSET (FanfarePlaylist, duration), G_TYPE_INVALID, FALSE },
  { "cover-uri", "cover_uri", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfarePlaylist, cover_uri), G_TYPE_INVALID, FALSE },
  { "updated-at", "updated_at", FANFARE_FIELD_DATETIME, G_STRUCT_OFFSET (FanfarePlaylist, updated_at), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_playlist_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_playlist_parent_class)->finalize (object);
}

static void
fanfare_playlist_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_playlist_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_playlist_class_init (FanfarePlaylistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_playlist_finalize;
  object_class->get_property = fanfare_playlist_get_property;
  object_class->set_property = fanfare_playlist_set_property;

  fields[5].enum_type = FANFARE_TYPE_PLAYLIST_VISIBILITY;
  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_playlist_init (FanfarePlaylist *self)
{
}

/**
 * fanfare_playlist_new_from_json:
 * @json: the JSON form of a playlist
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfarePlaylist, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfarePlaylist *
fanfare_playlist_new_from_json (JsonObject *json,
                                GError    **error)
{
  g_autoptr(FanfarePlaylist) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_PLAYLIST, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_playlist_to_json:
 * @self: a #FanfarePlaylist
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_playlist_to_json (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_playlist_get_id (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->id;
}

const char *
fanfare_playlist_get_title (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->title;
}

const char *
fanfare_playlist_get_description (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->description;
}

const char *
fanfare_playlist_get_owner (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->owner;
}

const char *
fanfare_playlist_get_owner_name (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->owner_name;
}

FanfarePlaylistVisibility
fanfare_playlist_get_visibility (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->visibility;
}

guint
fanfare_playlist_get_track_count (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->track_count;
}

GTimeSpan
fanfare_playlist_get_duration (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->duration;
}

const char *
fanfare_playlist_get_cover_uri (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->cover_uri;
}

GDateTime *
fanfare_playlist_get_updated_at (FanfarePlaylist *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST (self), 0);

  return self->updated_at;
}
