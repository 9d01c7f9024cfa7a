/* test-utils.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-utils.h"

static void
test_set_str (void)
{
  g_autofree char *str = NULL;
  const char *same;

  g_assert_false (fanfare_set_str (&str, NULL));
  g_assert_null (str);

  g_assert_true (fanfare_set_str (&str, "Discover"));
  g_assert_cmpstr (str, ==, "Discover");

  /* An equal string is no change, and the pointer is kept. */
  same = str;
  g_assert_false (fanfare_set_str (&str, "Discover"));
  g_assert_true (str == same);

  /* Setting a string to itself must not free it first. */
  g_assert_false (fanfare_set_str (&str, str));
  g_assert_cmpstr (str, ==, "Discover");

  g_assert_true (fanfare_set_str (&str, "发现"));
  g_assert_cmpstr (str, ==, "发现");

  g_assert_true (fanfare_set_str (&str, NULL));
  g_assert_null (str);
}

static void
test_format_duration (void)
{
  static const struct {
    GTimeSpan   duration;
    const char *text;
  } cases[] = {
    { 0, "0:00" },
    { (gint64) - 5 * G_USEC_PER_SEC, "0:00" },
    { 999999, "0:00" },
    { (gint64) 65 * G_USEC_PER_SEC, "1:05" },
    { (gint64) (59 * 60 + 59) * G_USEC_PER_SEC, "59:59" },
    { (gint64) 3600 * G_USEC_PER_SEC, "1:00:00" },
    { (gint64) (3 * 3600 + 2 * 60 + 9) * G_USEC_PER_SEC, "3:02:09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fanfare_format_duration (cases[i].duration);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/utils/set-str", test_set_str);
  g_test_add_func ("/common/utils/format-duration", test_format_duration);

  return g_test_run ();
}
