/* test-json.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-json.h"

static void
test_deep_nesting_is_refused (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* This depth crashes json-glib 1.6 when it parses it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');

  node = fanfare_json_parse (text->str, text->len, FANFARE_JSON_MAX_DEPTH, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
  g_assert_null (node);
}

static void
test_depth_counts_only_outside_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) deep = NULL;

  /* Brackets and escaped quotes inside strings are text, not nesting. */
  node = fanfare_json_parse ("{\"a\": \"[[[[[[\\\"[[[[[[[[\"}", -1, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  deep = fanfare_json_parse ("{\"a\": {\"b\": {\"c\": 1}}}", -1, 2, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
  g_assert_null (deep);
}

static void
test_malformed_and_wrong_root (void)
{
  const char *bad[] = { "", "{", "{\"a\": }", "nul", "{\"a\": 1} trailing", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = fanfare_json_parse_object (bad[i], -1, &error);

      g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
      g_assert_null (object);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) object = fanfare_json_parse_object ("[1, 2]", -1, &error);

    g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
    g_assert_null (object);
  }
}

static void
test_readers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_auto(GStrv) strv = NULL;
  const char *str = "untouched";
  gint64 number = 7;
  double real = 0;
  gboolean boolean = FALSE;

  object = fanfare_json_parse_object ("{\"s\": \"x\", \"n\": 12, \"d\": 2.5, \"b\": true,"
                                      " \"v\": [\"p\", \"q\"], \"z\": null}", -1, &error);
  g_assert_no_error (error);

  g_assert_true (fanfare_json_read_string (object, "s", TRUE, &str, &error));
  g_assert_cmpstr (str, ==, "x");
  g_assert_true (fanfare_json_read_int (object, "n", TRUE, &number, &error));
  g_assert_cmpint (number, ==, 12);
  g_assert_true (fanfare_json_read_double (object, "n", TRUE, &real, &error));
  g_assert_cmpfloat (real, ==, 12);
  g_assert_true (fanfare_json_read_double (object, "d", TRUE, &real, &error));
  g_assert_cmpfloat (real, ==, 2.5);
  g_assert_true (fanfare_json_read_boolean (object, "b", TRUE, &boolean, &error));
  g_assert_true (boolean);
  g_assert_true (fanfare_json_read_strv (object, "v", TRUE, &strv, &error));
  g_assert_cmpstr (strv[1], ==, "q");

  /* Absent and null are the same; optional leaves the value alone. */
  str = "untouched";
  g_assert_true (fanfare_json_read_string (object, "z", FALSE, &str, &error));
  g_assert_true (fanfare_json_read_string (object, "missing", FALSE, &str, &error));
  g_assert_cmpstr (str, ==, "untouched");
  g_assert_no_error (error);

  g_assert_false (fanfare_json_read_string (object, "z", TRUE, &str, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (fanfare_json_read_int (object, "d", TRUE, &number, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“d”"));
  g_clear_error (&error);

  g_assert_false (fanfare_json_read_boolean (object, "n", TRUE, &boolean, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
}

static void
test_error_table (void)
{
  g_assert_cmpstr (fanfare_error_to_api_code (FANFARE_ERROR_NOT_FOUND), ==, "not_found");
  g_assert_cmpuint (fanfare_error_to_http_status (FANFARE_ERROR_NOT_FOUND), ==, 404);
  g_assert_cmpint (fanfare_error_from_api_code ("rate_limited"), ==, FANFARE_ERROR_RATE_LIMITED);
  g_assert_cmpint (fanfare_error_from_api_code ("something_new"), ==, FANFARE_ERROR_INTERNAL);
  g_assert_cmpint (fanfare_error_from_api_code (NULL), ==, FANFARE_ERROR_INTERNAL);
  g_assert_cmpint (fanfare_error_from_http_status (413), ==, FANFARE_ERROR_TOO_LARGE);
  g_assert_cmpstr (fanfare_error_to_api_code (FANFARE_ERROR_METHOD_NOT_ALLOWED), ==, "method_not_allowed");
  g_assert_cmpint (fanfare_error_from_http_status (502), ==, FANFARE_ERROR_UNAVAILABLE);

  /* Every code survives the trip through the wire in both forms. */
  for (FanfareError code = FANFARE_ERROR_INVALID; code <= FANFARE_ERROR_UNAVAILABLE; code++)
    {
      g_assert_cmpint (fanfare_error_from_api_code (fanfare_error_to_api_code (code)), ==, code);
      g_assert_cmpint (fanfare_error_from_http_status (fanfare_error_to_http_status (code)), ==, code);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/json/deep-nesting-is-refused", test_deep_nesting_is_refused);
  g_test_add_func ("/common/json/depth-counts-only-outside-strings", test_depth_counts_only_outside_strings);
  g_test_add_func ("/common/json/malformed-and-wrong-root", test_malformed_and_wrong_root);
  g_test_add_func ("/common/json/readers", test_readers);
  g_test_add_func ("/common/error/table", test_error_table);

  return g_test_run ();
}
