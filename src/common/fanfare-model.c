/* fanfare-model.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-model-private.h"
#include "fanfare-utils.h"

#define FIELD_PTR(object, field) G_STRUCT_MEMBER_P ((object), (field)->offset)

void
_fanfare_model_install_properties (GObjectClass       *klass,
                                   const FanfareField *fields,
                                   guint               n_fields,
                                   GParamSpec        **pspecs)
{
  const GParamFlags flags = (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < n_fields; i++)
    {
      const FanfareField *field = &fields[i];
      GParamSpec *pspec = NULL;

      switch (field->type)
        {
        case FANFARE_FIELD_STRING:
          pspec = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
          break;

        case FANFARE_FIELD_STRV:
          pspec = g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_STRV, flags);
          break;

        case FANFARE_FIELD_UINT:
          pspec = g_param_spec_uint (field->name, NULL, NULL, 0, G_MAXUINT, 0, flags);
          break;

        case FANFARE_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
          break;

        case FANFARE_FIELD_ENUM:
          pspec = g_param_spec_enum (field->name, NULL, NULL, field->enum_type, 0, flags);
          break;

        case FANFARE_FIELD_DURATION:
          pspec = g_param_spec_int64 (field->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;

        case FANFARE_FIELD_DOUBLE:
          pspec = g_param_spec_double (field->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;

        case FANFARE_FIELD_DATETIME:
          pspec = g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_DATE_TIME, flags);
          break;

        default:
          g_assert_not_reached ();
        }

      pspecs[i + 1] = pspec;
    }

  g_object_class_install_properties (klass, n_fields + 1, pspecs);
}

static const FanfareField *
field_for_prop_id (const FanfareField *fields,
                   guint               n_fields,
                   guint               prop_id)
{
  g_assert (prop_id >= 1 && prop_id <= n_fields);

  return &fields[prop_id - 1];
}

void
_fanfare_model_get_property (GObject            *object,
                             const FanfareField *fields,
                             guint               n_fields,
                             guint               prop_id,
                             GValue             *value)
{
  const FanfareField *field = field_for_prop_id (fields, n_fields, prop_id);
  gpointer ptr = FIELD_PTR (object, field);

  switch (field->type)
    {
    case FANFARE_FIELD_STRING:
      g_value_set_string (value, *(char **) ptr);
      break;

    case FANFARE_FIELD_STRV:
      g_value_set_boxed (value, *(GStrv *) ptr);
      break;

    case FANFARE_FIELD_UINT:
      g_value_set_uint (value, *(guint *) ptr);
      break;

    case FANFARE_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;

    case FANFARE_FIELD_ENUM:
      g_value_set_enum (value, *(int *) ptr);
      break;

    case FANFARE_FIELD_DURATION:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;

    case FANFARE_FIELD_DOUBLE:
      g_value_set_double (value, *(double *) ptr);
      break;

    case FANFARE_FIELD_DATETIME:
      g_value_set_boxed (value, *(GDateTime **) ptr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
set_strv (GStrv              *strv_pointer,
          const char * const *new_strv)
{
  if (*strv_pointer == NULL && new_strv == NULL)
    return FALSE;

  if (*strv_pointer != NULL && new_strv != NULL &&
      g_strv_equal ((const char * const *) *strv_pointer, new_strv))
    return FALSE;

  g_strfreev (*strv_pointer);
  *strv_pointer = g_strdupv ((char **) new_strv);

  return TRUE;
}

static gboolean
set_date_time (GDateTime **date_time_pointer,
               GDateTime  *new_date_time)
{
  if (*date_time_pointer == new_date_time)
    return FALSE;

  if (*date_time_pointer != NULL && new_date_time != NULL &&
      g_date_time_equal (*date_time_pointer, new_date_time))
    return FALSE;

  g_clear_pointer (date_time_pointer, g_date_time_unref);
  if (new_date_time != NULL)
    *date_time_pointer = g_date_time_ref (new_date_time);

  return TRUE;
}

void
_fanfare_model_set_property (GObject            *object,
                             const FanfareField *fields,
                             guint               n_fields,
                             GParamSpec        **pspecs,
                             guint               prop_id,
                             const GValue       *value)
{
  const FanfareField *field = field_for_prop_id (fields, n_fields, prop_id);
  gpointer ptr = FIELD_PTR (object, field);
  gboolean changed = FALSE;

  switch (field->type)
    {
    case FANFARE_FIELD_STRING:
      changed = fanfare_set_str (ptr, g_value_get_string (value));
      break;

    case FANFARE_FIELD_STRV:
      changed = set_strv (ptr, g_value_get_boxed (value));
      break;

    case FANFARE_FIELD_UINT:
      changed = *(guint *) ptr != g_value_get_uint (value);
      *(guint *) ptr = g_value_get_uint (value);
      break;

    case FANFARE_FIELD_BOOLEAN:
      changed = *(gboolean *) ptr != g_value_get_boolean (value);
      *(gboolean *) ptr = g_value_get_boolean (value);
      break;

    case FANFARE_FIELD_ENUM:
      changed = *(int *) ptr != g_value_get_enum (value);
      *(int *) ptr = g_value_get_enum (value);
      break;

    case FANFARE_FIELD_DURATION:
      changed = *(gint64 *) ptr != g_value_get_int64 (value);
      *(gint64 *) ptr = g_value_get_int64 (value);
      break;

    case FANFARE_FIELD_DOUBLE:
      changed = *(double *) ptr != g_value_get_double (value);
      *(double *) ptr = g_value_get_double (value);
      break;

    case FANFARE_FIELD_DATETIME:
      changed = set_date_time (ptr, g_value_get_boxed (value));
      break;

    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object, pspecs[prop_id]);
}

void
_fanfare_model_clear (GObject            *object,
                      const FanfareField *fields,
                      guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer ptr = FIELD_PTR (object, &fields[i]);

      if (fields[i].type == FANFARE_FIELD_STRING)
        g_clear_pointer ((char **) ptr, g_free);
      else if (fields[i].type == FANFARE_FIELD_STRV)
        g_clear_pointer ((GStrv *) ptr, g_strfreev);
      else if (fields[i].type == FANFARE_FIELD_DATETIME)
        g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
    }
}

/* Reads an ISO 8601 date and time; one without a time zone is taken as UTC. */
static gboolean
load_date_time (const FanfareField *field,
                JsonObject         *json,
                GDateTime         **date_time_pointer,
                GError            **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *str = NULL;
  GDateTime *date_time;

  if (!fanfare_json_read_string (json, field->json_name, field->required, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;

  date_time = g_date_time_new_from_iso8601 (str, utc);
  if (date_time == NULL)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “%s” must be a date and time in ISO 8601", field->json_name);
      return FALSE;
    }

  g_clear_pointer (date_time_pointer, g_date_time_unref);
  *date_time_pointer = date_time;

  return TRUE;
}

static gboolean
load_field (GObject            *object,
            const FanfareField *field,
            JsonObject         *json,
            GError            **error)
{
  gpointer ptr = FIELD_PTR (object, field);
  JsonNode *member = json_object_get_member (json, field->json_name);
  gboolean present = member != NULL && !JSON_NODE_HOLDS_NULL (member);
  const char *str = NULL;
  gint64 number = 0;
  gboolean boolean;
  double real;
  GStrv strv = NULL;

  switch (field->type)
    {
    case FANFARE_FIELD_STRING:
      if (!fanfare_json_read_string (json, field->json_name, field->required, &str, error))
        return FALSE;
      fanfare_set_str (ptr, str);
      return TRUE;

    case FANFARE_FIELD_STRV:
      if (!fanfare_json_read_strv (json, field->json_name, field->required, &strv, error))
        return FALSE;
      g_strfreev (*(GStrv *) ptr);
      *(GStrv *) ptr = strv;
      return TRUE;

    case FANFARE_FIELD_UINT:
    case FANFARE_FIELD_DURATION:
      if (!fanfare_json_read_int (json, field->json_name, field->required, &number, error))
        return FALSE;
      if (!present)
        return TRUE;
      if (number < 0 || (field->type == FANFARE_FIELD_UINT && number > G_MAXUINT) ||
          (field->type == FANFARE_FIELD_DURATION && number > G_MAXINT64 / 1000))
        {
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                       "The field “%s” is out of range", field->json_name);
          return FALSE;
        }
      if (field->type == FANFARE_FIELD_UINT)
        *(guint *) ptr = number;
      else
        *(gint64 *) ptr = number * 1000;
      return TRUE;

    case FANFARE_FIELD_BOOLEAN:
      boolean = *(gboolean *) ptr;
      if (!fanfare_json_read_boolean (json, field->json_name, field->required, &boolean, error))
        return FALSE;
      *(gboolean *) ptr = boolean;
      return TRUE;

    case FANFARE_FIELD_DOUBLE:
      real = *(double *) ptr;
      if (!fanfare_json_read_double (json, field->json_name, field->required, &real, error))
        return FALSE;
      *(double *) ptr = real;
      return TRUE;

    case FANFARE_FIELD_DATETIME:
      return load_date_time (field, json, ptr, error);

    case FANFARE_FIELD_ENUM:
      if (!fanfare_json_read_string (json, field->json_name, field->required, &str, error))
        return FALSE;
      if (str != NULL && !fanfare_enum_from_string (field->enum_type, str, ptr))
        {
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                       "The field “%s” has an unknown value “%s”", field->json_name, str);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
_fanfare_model_load_json (GObject            *object,
                          const FanfareField *fields,
                          guint               n_fields,
                          JsonObject         *json,
                          GError            **error)
{
  for (guint i = 0; i < n_fields; i++)
    if (!load_field (object, &fields[i], json, error))
      return FALSE;

  return TRUE;
}

static char *
date_time_to_json (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

JsonNode *
_fanfare_model_to_json (GObject            *object,
                        const FanfareField *fields,
                        guint               n_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);

  for (guint i = 0; i < n_fields; i++)
    {
      const FanfareField *field = &fields[i];
      gpointer ptr = FIELD_PTR (object, field);
      g_autofree char *text = NULL;

      switch (field->type)
        {
        case FANFARE_FIELD_STRING:
          if (*(char **) ptr == NULL)
            continue;
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_string_value (builder, *(char **) ptr);
          break;

        case FANFARE_FIELD_STRV:
          if (*(GStrv *) ptr == NULL)
            continue;
          json_builder_set_member_name (builder, field->json_name);
          json_builder_begin_array (builder);
          for (GStrv s = *(GStrv *) ptr; *s != NULL; s++)
            json_builder_add_string_value (builder, *s);
          json_builder_end_array (builder);
          break;

        case FANFARE_FIELD_UINT:
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_int_value (builder, *(guint *) ptr);
          break;

        case FANFARE_FIELD_BOOLEAN:
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_boolean_value (builder, *(gboolean *) ptr);
          break;

        case FANFARE_FIELD_ENUM:
          text = fanfare_enum_to_string (field->enum_type, *(int *) ptr);
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_string_value (builder, text);
          break;

        case FANFARE_FIELD_DURATION:
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_int_value (builder, *(gint64 *) ptr / 1000);
          break;

        case FANFARE_FIELD_DOUBLE:
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_double_value (builder, *(double *) ptr);
          break;

        case FANFARE_FIELD_DATETIME:
          if (*(GDateTime **) ptr == NULL)
            continue;
          text = date_time_to_json (*(GDateTime **) ptr);
          json_builder_set_member_name (builder, field->json_name);
          json_builder_add_string_value (builder, text);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
