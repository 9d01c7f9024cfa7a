/* fanfare-json.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Limits for JSON from outside: json-glib itself overflows its stack on very
 * deep nesting, so depth is checked before it parses anything. */
#define FANFARE_JSON_MAX_DEPTH 32

JsonNode *fanfare_json_parse (const char *data,
                              gssize      length,
                              guint       max_depth,
                              GError    **error) G_GNUC_WARN_UNUSED_RESULT;
JsonObject *fanfare_json_parse_object (const char *data,
                                       gssize      length,
                                       GError    **error) G_GNUC_WARN_UNUSED_RESULT;
char *fanfare_json_to_string (JsonNode *node) G_GNUC_WARN_UNUSED_RESULT;

gboolean fanfare_json_read_string (JsonObject  *object,
                                   const char  *member,
                                   gboolean     required,
                                   const char **value,
                                   GError     **error);
gboolean fanfare_json_read_int (JsonObject *object,
                                const char *member,
                                gboolean    required,
                                gint64     *value,
                                GError    **error);
gboolean fanfare_json_read_double (JsonObject *object,
                                   const char *member,
                                   gboolean    required,
                                   double     *value,
                                   GError    **error);
gboolean fanfare_json_read_boolean (JsonObject *object,
                                    const char *member,
                                    gboolean    required,
                                    gboolean   *value,
                                    GError    **error);
gboolean fanfare_json_read_strv (JsonObject *object,
                                 const char *member,
                                 gboolean    required,
                                 GStrv      *value,
                                 GError    **error);

G_END_DECLS
