/* fanfare-chapter.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A chapter of an audiobook, or one entry of a DJ mix's timed tracklist. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-model-private.h"
#include "fanfare-chapter.h"

struct _FanfareChapter
{
  GObject parent_instance;

  /* Owned */
  char *title;
  char *artist;

  /* Values */
  GTimeSpan start;
};

G_DEFINE_FINAL_TYPE (FanfareChapter, fanfare_chapter, G_TYPE_OBJECT)

static FanfareField fields[] = {
  { "title", "title", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareChapter, title), G_TYPE_INVALID, TRUE },
  { "artist", "artist", FANFARE_FIELD_STRING, G_STRUCT_OFFSET (FanfareChapter, artist), G_TYPE_INVALID, FALSE },
  { "start", "start_ms", FANFARE_FIELD_DURATION, G_STRUCT_OFFSET (FanfareChapter, start), G_TYPE_INVALID, FALSE },
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

static void
fanfare_chapter_finalize (GObject *object)
{
  _fanfare_model_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (fanfare_chapter_parent_class)->finalize (object);
}

static void
fanfare_chapter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  _fanfare_model_get_property (object, fields, G_N_ELEMENTS (fields), prop_id, value);
}

static void
fanfare_chapter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  _fanfare_model_set_property (object, fields, G_N_ELEMENTS (fields), properties, prop_id, value);
}

static void
fanfare_chapter_class_init (FanfareChapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_chapter_finalize;
  object_class->get_property = fanfare_chapter_get_property;
  object_class->set_property = fanfare_chapter_set_property;

  _fanfare_model_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
fanfare_chapter_init (FanfareChapter *self)
{
}

/**
 * fanfare_chapter_new_from_json:
 * @json: the JSON form of a chapter
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new #FanfareChapter, or %NULL with
 *   %FANFARE_ERROR_INVALID set when a field is missing or has the wrong type
 */
FanfareChapter *
fanfare_chapter_new_from_json (JsonObject *json,
                               GError    **error)
{
  g_autoptr(FanfareChapter) self = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_CHAPTER, NULL);
  if (!_fanfare_model_load_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields), json, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_chapter_to_json:
 * @self: a #FanfareChapter
 *
 * Returns: (transfer full): the JSON form of @self
 */
JsonNode *
fanfare_chapter_to_json (FanfareChapter *self)
{
  g_return_val_if_fail (FANFARE_IS_CHAPTER (self), NULL);

  return _fanfare_model_to_json (G_OBJECT (self), fields, G_N_ELEMENTS (fields));
}

const char *
fanfare_chapter_get_title (FanfareChapter *self)
{
  g_return_val_if_fail (FANFARE_IS_CHAPTER (self), 0);

  return self->title;
}

const char *
fanfare_chapter_get_artist (FanfareChapter *self)
{
  g_return_val_if_fail (FANFARE_IS_CHAPTER (self), 0);

  return self->artist;
}

GTimeSpan
fanfare_chapter_get_start (FanfareChapter *self)
{
  g_return_val_if_fail (FANFARE_IS_CHAPTER (self), 0);

  return self->start;
}
