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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/utils/set-str", test_set_str);

  return g_test_run ();
}
