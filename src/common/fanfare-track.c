/* fanfare-track.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A song, an audiobook or a DJ mix, from the local library or the platform.
 * Its uri is what the player plays: file:// for local files, the stream URL
 * for the platform. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-track.h"

struct _FanfareTrack
{
  GObject parent_instance;

  /* Owned strings */
  char *id;
  char *uri;
  char *title;
  char *artist;
  GStrv artists;
  char *artist_id;
  char *album;
  char *album_id;
  char *album_artist;
  char *genre;
  char *cover_uri;

  /* Values */
  FanfareTrackKind kind;
  FanfareSource    source;
  guint            track_number;
  guint            disc_number;
  guint            year;
  GTimeSpan        duration;
  double           replaygain_track_gain;
  double           replaygain_track_peak;
  gboolean         has_lyrics;
};

G_DEFINE_FINAL_TYPE (FanfareTrack, fanfare_track, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "id", "id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, id), G_TYPE_INVALID, TRUE },
  { "kind", "kind", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfareTrack, kind), G_TYPE_INVALID, FALSE },
  { "source", "source", FANFARE_FIELD_ENUM, G_STRUCT_OFFSET (FanfareTrack, source), G_TYPE_INVALID, FALSE },
  { "uri", "uri", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, uri), G_TYPE_INVALID, FALSE },
  { "title", "title", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, title), G_TYPE_INVALID, TRUE },
  { "artist", "artist", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, artist), G_TYPE_INVALID, FALSE },
  { "artists", "artists", FANFARE_FIELD_STRV, G_STRUCT_OFFSET (FanfareTrack, artists), G_TYPE_INVALID, FALSE },
  { "artist-id", "artist_id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, artist_id), G_TYPE_INVALID, FALSE },
  { "album", "album", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, album), G_TYPE_INVALID, FALSE },
  { "album-id", "album_id", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, album_id), G_TYPE_INVALID, FALSE },
  { "album-artist", "album_artist", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, album_artist), G_TYPE_INVALID, FALSE },
  { "track-number", "track_number", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareTrack, track_number), G_TYPE_INVALID, FALSE },
  { "disc-number", "disc_number", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareTrack, disc_number), G_TYPE_INVALID, FALSE },
  { "year", "year", FANFARE_FIELD_UINT, G_STRUCT_OFFSET (FanfareTrack, year), G_TYPE_INVALID, FALSE },
  { "genre", "genre", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, genre), G_TYPE_INVALID, FALSE },
  { "duration", "duration_ms", FANFARE_FIELD_DURATION, G_STRUCT_OFFSET (FanfareTrack, duration), G_TYPE_INVALID, FALSE },
  { "cover-uri", "cover_uri", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareTrack, cover_uri), G_TYPE_INVALID, FALSE },
  { "replaygain-track-gain", "replaygain_track_gain", FANFARE_FIELD_DOUBLE, G_STRUCT_OFFSET (FanfareTrack, replaygain_track_gain), G_TYPE_INVALID, FALSE },
  { "replaygain-track-peak", "replaygain_track_peak", FANFARE_FIELD_DOUBLE, G_STRUCT_OFFSET (FanfareTrack, replaygain_track_peak), G_TYPE_INVALID, FALSE },
};

/* Known on this computer only, so not in the JSON form: whether the
 * local library found lyrics for the track. */
#define PROP_HAS_LYRICS (G_N_ELEMENTS (fields) + 1)

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];
static GParamSpec *has_lyrics_pspec;

static void
fanfare_track_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_track_parent_class)->finalize (object);
}

static void
fanfare_track_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id == PROP_HAS_LYRICS)
    g_value_set_boolean (value, FANFARE_TRACK (object)->has_lyrics);
  else
    _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_track_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FanfareTrack *self = FANFARE_TRACK (object);

  if (prop_id != PROP_HAS_LYRICS)
    _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
  else if (self->has_lyrics != g_value_get_boolean (value))
    {
      self->has_lyrics = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, has_lyrics_pspec);
    }
}

static void
fanfare_track_class_init (FanfareTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_track_finalize;
  object_class->get_property = fanfare_track_get_property;
  object_class->set_property = fanfare_track_set_property;

  fields[1].enum_type = FANFARE_TYPE_TRACK_KIND;
  fields[2].enum_type = FANFARE_TYPE_SOURCE;
  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
  has_lyrics_pspec = g_param_spec_boolean ("has-lyrics", NULL, NULL, FALSE,
                                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_HAS_LYRICS, has_lyrics_pspec);
}

static void
fanfare_track_init (FanfareTrack *self)
{
}

/**
 * fanfare_track_new_from_json:
 * @json: the JSON form of a track
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareTrack, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareTrack *
fanfare_track_new_from_json (JsonObject *json,
                             GError    **error)
{
  g_autoptr(FanfareTrack) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_TRACK, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_track_to_json:
 * @self: a #FanfareTrack
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_track_to_json (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_track_get_id (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->id;
}

FanfareTrackKind
fanfare_track_get_kind (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->kind;
}

FanfareSource
fanfare_track_get_source (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->source;
}

const char *
fanfare_track_get_uri (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->uri;
}

const char *
fanfare_track_get_title (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->title;
}

const char *
fanfare_track_get_artist (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->artist;
}

const char * const *
fanfare_track_get_artists (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return (const char * const *) self->artists;
}

const char *
fanfare_track_get_artist_id (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->artist_id;
}

const char *
fanfare_track_get_album (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->album;
}

const char *
fanfare_track_get_album_id (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->album_id;
}

const char *
fanfare_track_get_album_artist (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->album_artist;
}

guint
fanfare_track_get_track_number (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->track_number;
}

guint
fanfare_track_get_disc_number (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->disc_number;
}

guint
fanfare_track_get_year (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->year;
}

const char *
fanfare_track_get_genre (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->genre;
}

GTimeSpan
fanfare_track_get_duration (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->duration;
}

const char *
fanfare_track_get_cover_uri (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->cover_uri;
}

/**
 * fanfare_track_get_replaygain_track_gain:
 * @self: a #FanfareTrack
 *
 * Returns: the gain in dB that brings the track to the ReplayGain reference
 *   loudness
 */
double
fanfare_track_get_replaygain_track_gain (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->replaygain_track_gain;
}

/**
 * fanfare_track_get_replaygain_track_peak:
 * @self: a #FanfareTrack
 *
 * Returns: the track's highest sample, 1.0 being full scale
 */
double
fanfare_track_get_replaygain_track_peak (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), 0);

  return self->replaygain_track_peak;
}

/**
 * fanfare_track_get_has_lyrics:
 *
 * Returns: whether the local library found lyrics for the track
 */
gboolean
fanfare_track_get_has_lyrics (FanfareTrack *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK (self), FALSE);

  return self->has_lyrics;
}
