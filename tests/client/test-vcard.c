/* test-vcard.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading address books as phones and desktops export them. */

#include "config.h"

#include <string.h>

#include "fanfare-contacts.h"
#include "fanfare-vcard.h"

static GPtrArray *
parse (const char *text,
       guint      *skipped)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = fanfare_vcard_parse (text, strlen (text), skipped, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contacts);

  return contacts;
}

static FanfareVCardContact *
contact (GPtrArray *contacts,
         guint      index)
{
  g_assert_cmpuint (index, <, contacts->len);

  return g_ptr_array_index (contacts, index);
}

static const char *
nth (GPtrArray *values,
     guint      index)
{
  g_assert_cmpuint (index, <, values->len);

  return g_ptr_array_index (values, index);
}

static void
test_version_3_and_4 (void)
{
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:王 丽\r\n"
    "EMAIL;TYPE=INTERNET,HOME:wang.li@example.com\r\n"
    "EMAIL;TYPE=WORK:Wang.Li@Work.example\r\n"
    "item1.TEL;TYPE=CELL:+86 138 0013 8000\r\n"
    "TEL;TYPE=HOME:010-6552-9988\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "FN:Mei\n"
    "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+1-555-010-9999\n"
    "END:VCARD\n";
  g_autoptr(GPtrArray) contacts = NULL;
  guint skipped = 99;

  contacts = parse (text, &skipped);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpstr (contact (contacts, 0)->name, ==, "王 丽");
  g_assert_cmpuint (contact (contacts, 0)->emails->len, ==, 2);
  g_assert_cmpstr (nth (contact (contacts, 0)->emails, 1), ==, "Wang.Li@Work.example");
  g_assert_cmpuint (contact (contacts, 0)->phones->len, ==, 2);
  g_assert_cmpstr (nth (contact (contacts, 0)->phones, 0), ==, "+86 138 0013 8000");
  g_assert_cmpstr (nth (contact (contacts, 1)->phones, 0), ==, "+1-555-010-9999");
}

static void
test_folded_lines (void)
{
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:A very long na\r\n"
    " me indeed\r\n"
    "EMAIL:some.body@exam\r\n"
    "\tple.com\r\n"
    "NOTE:one\\, two\\; three\\nfour\r\n"
    "END:VCARD\r\n";
  g_autoptr(GPtrArray) contacts = parse (text, NULL);

  g_assert_cmpstr (contact (contacts, 0)->name, ==, "A very long name indeed");
  g_assert_cmpstr (nth (contact (contacts, 0)->emails, 0), ==, "some.body@example.com");
}

static void
test_quoted_printable (void)
{
  const char *text =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E=E9=9B=B7=20=E5=92=8C=\r\n"
    "=E9=9F=A9=E6=A2=85\r\n"
    "EMAIL;INTERNET;QUOTED-PRINTABLE:li=3Dlei@example.com\r\n"
    "TEL;CELL:13912345678\r\n"
    "END:VCARD\r\n";
  g_autoptr(GPtrArray) contacts = parse (text, NULL);

  g_assert_cmpstr (contact (contacts, 0)->name, ==, "李雷 和韩梅");
  g_assert_cmpstr (nth (contact (contacts, 0)->emails, 0), ==, "li=lei@example.com");
  g_assert_cmpstr (nth (contact (contacts, 0)->phones, 0), ==, "13912345678");
}

static void
test_junk (void)
{
  const char *text =
    "This is not part of any card\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Broken\n"
    "a line without a colon\n"
    "EMAIL:broken@example.com\n"
    "END:VCARD\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "FN:No version\n"
    "EMAIL:noversion@example.com\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "EMAIL;ENCODING=QUOTED-PRINTABLE:bad=ZZescape@example.com\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Good\n"
    "EMAIL:good@example.com\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Never ended\n";
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const char latin1[] = "BEGIN:VCARD\nVERSION:3.0\nFN:Ren\xe9\nEND:VCARD\n";
  guint skipped = 0;

  contacts = parse (text, &skipped);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (contact (contacts, 0)->name, ==, "Good");
  g_assert_cmpuint (skipped, ==, 4);

  /* Something that is no address book at all. */
  none = fanfare_vcard_parse ("hello\nworld\n", 12, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (none);
  g_clear_error (&error);
  g_assert_null (fanfare_vcard_parse (latin1, strlen (latin1), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_hashes (void)
{
  const char *key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  const char *text =
    "BEGIN:VCARD\nVERSION:3.0\nEMAIL: Wang.Li@Example.com \nEMAIL:wang.li@example.com\n"
    "TEL:138 0013 8000\nTEL:+86 138-0013-8000\nTEL:12\nEND:VCARD\n";
  g_autoptr(GPtrArray) contacts = parse (text, NULL);
  g_auto(GStrv) hashes = fanfare_vcard_hash_contacts (contacts, key, "86", 5000);
  g_auto(GStrv) capped = fanfare_vcard_hash_contacts (contacts, key, "86", 1);
  g_autofree char *email = fanfare_contacts_hash (key, "email", "wang.li@example.com");
  g_autofree char *phone = fanfare_contacts_hash (key, "tel", "+8613800138000");

  /* One email and one number, each written two ways; the short number is
   * none. Only hashes, never the addresses. */
  g_assert_cmpuint (g_strv_length (hashes), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) hashes, email));
  g_assert_true (g_strv_contains ((const char * const *) hashes, phone));
  g_assert_cmpuint (g_strv_length (capped), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/vcard/version-3-and-4", test_version_3_and_4);
  g_test_add_func ("/client/vcard/folded-lines", test_folded_lines);
  g_test_add_func ("/client/vcard/quoted-printable", test_quoted_printable);
  g_test_add_func ("/client/vcard/junk", test_junk);
  g_test_add_func ("/client/vcard/hashes", test_hashes);

  return g_test_run ();
}
