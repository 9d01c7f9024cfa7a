/* test-contacts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-contacts.h"

static void
test_email (void)
{
  g_autofree char *plain = fanfare_contacts_normalize_email ("  Wang.Li@Example.COM\n");

  g_assert_cmpstr (plain, ==, "wang.li@example.com");
  g_assert_null (fanfare_contacts_normalize_email ("no-at-sign"));
  g_assert_null (fanfare_contacts_normalize_email ("@example.com"));
  g_assert_null (fanfare_contacts_normalize_email ("a@b@c"));
  g_assert_null (fanfare_contacts_normalize_email ("two words@example.com"));
}

static void
test_phone (void)
{
  const struct {
    const char *raw;
    const char *region;
    const char *expected;
  } cases[] = {
    { "+86 138 0013 8000", NULL, "+8613800138000" },
    { "138-0013-8000", "86", "+8613800138000" },
    { "0044 20 7946 0958", "86", "+442079460958" },
    { "020 7946 0958", "44", "+442079460958" },
    { "(555) 010-9999", "1", "+15550109999" },
    { "138 0013 8000", NULL, NULL },
    { "12345", "86", NULL },
    { "call me", "86", NULL },
    { "+1234567890123456", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *phone = fanfare_contacts_normalize_phone (cases[i].raw, cases[i].region);

      g_assert_cmpstr (phone, ==, cases[i].expected);
    }
}

static void
test_hash (void)
{
  const char *key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  g_autofree char *a = fanfare_contacts_hash (key, "email", "wang@example.com");
  g_autofree char *b = fanfare_contacts_hash (key, "email", "wang@example.com");
  g_autofree char *tel = fanfare_contacts_hash (key, "tel", "wang@example.com");
  g_autofree char *other = fanfare_contacts_hash ("ff", "email", "wang@example.com");

  g_assert_cmpuint (strlen (a), ==, 64);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, tel);
  g_assert_cmpstr (a, !=, other);
  g_assert_null (fanfare_contacts_hash ("xyz", "email", "a@b"));
  g_assert_null (fanfare_contacts_hash ("", "email", "a@b"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/contacts/email", test_email);
  g_test_add_func ("/common/contacts/phone", test_phone);
  g_test_add_func ("/common/contacts/hash", test_hash);

  return g_test_run ();
}
