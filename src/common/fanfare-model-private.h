/* fanfare-model-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The model types are plain records of properties with a JSON form. Each
 * describes its fields once, in a table, and these helpers install the
 * properties, get and set them, and read and write the JSON. Property ids
 * are the index in the table plus one. */

typedef enum {
  FANFARE_FIELD_STRING,
  FANFARE_FIELD_STRV,
  FANFARE_FIELD_UINT,
  FANFARE_FIELD_BOOLEAN,
  FANFARE_FIELD_ENUM,
  FANFARE_FIELD_DURATION, /* a GTimeSpan in microseconds; milliseconds in JSON */
  FANFARE_FIELD_DOUBLE,
  FANFARE_FIELD_DATETIME, /* a GDateTime; ISO 8601 in UTC in JSON */
} FanfareFieldType;

typedef struct {
  const char      *name;        /* the property, kebab-case */
  const char      *json_name;   /* the JSON member, snake_case */
  FanfareFieldType type;
  gsize            offset;      /* of the field in the instance struct */
  GType            enum_type;   /* for FANFARE_FIELD_ENUM */
  gboolean         required;    /* in JSON */
} FanfareField;

void      _fanfare_model_install_properties (GObjectClass       *klass,
                                             const FanfareField *fields,
                                             guint               n_fields,
                                             GParamSpec        **pspecs);
void      _fanfare_model_get_property (GObject            *object,
                                       const FanfareField *fields,
                                       guint               n_fields,
                                       guint               prop_id,
                                       GValue             *value);
void      _fanfare_model_set_property (GObject            *object,
                                       const FanfareField *fields,
                                       guint               n_fields,
                                       GParamSpec        **pspecs,
                                       guint               prop_id,
                                       const GValue       *value);
void      _fanfare_model_clear (GObject            *object,
                                const FanfareField *fields,
                                guint               n_fields);
gboolean  _fanfare_model_load_json (GObject            *object,
                                    const FanfareField *fields,
                                    guint               n_fields,
                                    JsonObject         *json,
                                    GError            **error);
JsonNode *_fanfare_model_to_json (GObject            *object,
                                  const FanfareField *fields,
                                  guint               n_fields);

G_END_DECLS
