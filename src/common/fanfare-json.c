/* fanfare-json.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading JSON that comes from elsewhere, with errors that name the field. */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-json.h"

/* Counts brackets outside strings; json-glib is not asked to parse what
 * nests deeper than @max_depth. */
static gboolean
check_depth (const char *data,
             gsize       length,
             guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * fanfare_json_parse:
 * @data: the JSON text
 * @length: its length, or -1 if it ends with a nul byte
 * @max_depth: how deep objects and arrays may nest
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the root node, or %NULL with
 *   %FANFARE_ERROR_INVALID set
 */
JsonNode *
fanfare_json_parse (const char *data,
                    gssize      length,
                    guint       max_depth,
                    GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (!check_depth (data, length, max_depth))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "JSON nests deeper than %u levels", max_depth);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "Malformed JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "Empty JSON");
      return NULL;
    }

  return json_node_ref (root);
}

/**
 * fanfare_json_parse_object:
 * @data: the JSON text
 * @length: its length, or -1 if it ends with a nul byte
 * @error: return location for a #GError
 *
 * Parses JSON whose root must be an object, nested at most
 * %FANFARE_JSON_MAX_DEPTH deep.
 *
 * Returns: (transfer full): the object, or %NULL with an error set
 */
JsonObject *
fanfare_json_parse_object (const char *data,
                           gssize      length,
                           GError    **error)
{
  g_autoptr(JsonNode) root = NULL;

  root = fanfare_json_parse (data, length, FANFARE_JSON_MAX_DEPTH, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The JSON must be an object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/**
 * fanfare_json_to_string:
 * @node: a #JsonNode
 *
 * Returns: (transfer full): @node as compact JSON text
 */
char *
fanfare_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

/* Finds @member; a missing member or a null one is absent, which is an
 * error only when it is @required. */
static gboolean
find_member (JsonObject *object,
             const char *member,
             gboolean    required,
             JsonNode  **node,
             GError    **error)
{
  *node = json_object_get_member (object, member);

  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    *node = NULL;

  if (*node == NULL && required)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “%s” is required", member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
wrong_type (const char *member,
            const char *expected,
            GError    **error)
{
  g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
               "The field “%s” must be %s", member, expected);
  return FALSE;
}

static gboolean
holds_value_type (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Finds @member and checks that it holds a value of @type, which the error
 * calls @expected. *@node is %NULL when the member is absent. */
static gboolean
find_value (JsonObject *object,
            const char *member,
            gboolean    required,
            GType       type,
            const char *expected,
            JsonNode  **node,
            GError    **error)
{
  if (!find_member (object, member, required, node, error))
    return FALSE;

  if (*node != NULL && !holds_value_type (*node, type))
    return wrong_type (member, expected, error);

  return TRUE;
}

/**
 * fanfare_json_read_string:
 * @object: a #JsonObject
 * @member: the member to read
 * @required: whether a missing member is an error
 * @value: (out) (transfer none): the string, left alone when absent
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %FANFARE_ERROR_INVALID set when the member has
 *   another type or is missing but required
 */
gboolean
fanfare_json_read_string (JsonObject  *object,
                          const char  *member,
                          gboolean     required,
                          const char **value,
                          GError     **error)
{
  JsonNode *node;

  if (!find_value (object, member, required, G_TYPE_STRING, "a string", &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_string (node);

  return TRUE;
}

/**
 * fanfare_json_read_int:
 *
 * Like fanfare_json_read_string(), for a whole number.
 */
gboolean
fanfare_json_read_int (JsonObject *object,
                       const char *member,
                       gboolean    required,
                       gint64     *value,
                       GError    **error)
{
  JsonNode *node;

  if (!find_value (object, member, required, G_TYPE_INT64, "a whole number", &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_int (node);

  return TRUE;
}

/**
 * fanfare_json_read_double:
 *
 * Like fanfare_json_read_string(), for a number; whole numbers are accepted.
 */
gboolean
fanfare_json_read_double (JsonObject *object,
                          const char *member,
                          gboolean    required,
                          double     *value,
                          GError    **error)
{
  JsonNode *node;

  if (!find_member (object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (holds_value_type (node, G_TYPE_INT64))
    *value = json_node_get_int (node);
  else if (holds_value_type (node, G_TYPE_DOUBLE))
    *value = json_node_get_double (node);
  else
    return wrong_type (member, "a number", error);

  return TRUE;
}

/**
 * fanfare_json_read_boolean:
 *
 * Like fanfare_json_read_string(), for true or false.
 */
gboolean
fanfare_json_read_boolean (JsonObject *object,
                           const char *member,
                           gboolean    required,
                           gboolean   *value,
                           GError    **error)
{
  JsonNode *node;

  if (!find_value (object, member, required, G_TYPE_BOOLEAN, "true or false", &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_boolean (node);

  return TRUE;
}

/**
 * fanfare_json_read_strv:
 * @value: (out) (transfer full): the strings, left alone when absent
 *
 * Like fanfare_json_read_string(), for an array of strings.
 */
gboolean
fanfare_json_read_strv (JsonObject *object,
                        const char *member,
                        gboolean    required,
                        GStrv      *value,
                        GError    **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  JsonNode *node;
  guint length;

  if (!find_member (object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (member, "an array of strings", error);

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds_value_type (element, G_TYPE_STRING))
        return wrong_type (member, "an array of strings", error);
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *value = g_strv_builder_end (builder);

  return TRUE;
}
