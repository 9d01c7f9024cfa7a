/* fanfare-contacts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The forms that make the same email or number written two ways one
 * hash: an email trimmed and in lower case; a number as "+" and its
 * digits with the country code (E.164), a national number taking the
 * default country's code in place of its leading 0. */

#include "config.h"

#include <string.h>

#include "fanfare-contacts.h"

/**
 * fanfare_contacts_normalize_email:
 *
 * Returns: (transfer full) (nullable): @email trimmed and folded to lower
 *   case, or %NULL for something that is not an address
 */
char *
fanfare_contacts_normalize_email (const char *email)
{
  g_autofree char *trimmed = NULL;
  const char *at;

  if (email == NULL || !g_utf8_validate (email, -1, NULL))
    return NULL;

  trimmed = g_strstrip (g_strdup (email));
  at = strchr (trimmed, '@');
  if (at == NULL || at == trimmed || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strpbrk (trimmed, " \t\r\n<>,;") != NULL || strlen (trimmed) > 254)
    return NULL;

  return g_utf8_strdown (trimmed, -1);
}

/**
 * fanfare_contacts_normalize_phone:
 * @default_country_code: digits of the country code for numbers written
 *   without one, such as "86"; %NULL to accept only international ones
 *
 * Returns: (transfer full) (nullable): "+" and 8 to 15 digits, or %NULL
 */
char *
fanfare_contacts_normalize_phone (const char *phone,
                                  const char *default_country_code)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean international = FALSE;
  const char *p;

  if (phone == NULL)
    return NULL;

  p = phone;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" -.()/\t", *p) == NULL)
        return NULL;
    }

  if (!international && g_str_has_prefix (digits->str, "00"))
    {
      g_string_erase (digits, 0, 2);
      international = TRUE;
    }

  if (!international)
    {
      if (default_country_code == NULL || *default_country_code == '\0')
        return NULL;
      if (digits->str[0] == '0')
        g_string_erase (digits, 0, 1);
      g_string_prepend (digits, default_country_code);
    }

  if (digits->len < 8 || digits->len > 15 || digits->str[0] == '0')
    return NULL;

  g_string_prepend_c (digits, '+');

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * fanfare_contacts_hash:
 * @key_hex: the server's contact key, hexadecimal
 * @kind: "email" or "tel"
 * @normalized: the address or number, normalized
 *
 * Returns: (transfer full) (nullable): the keyed hash, hexadecimal; %NULL
 *   for a key that is not hexadecimal
 */
char *
fanfare_contacts_hash (const char *key_hex,
                       const char *kind,
                       const char *normalized)
{
  g_autoptr(GHmac) hmac = NULL;
  g_autofree guint8 * key = NULL;
  gsize length = key_hex != NULL ? strlen (key_hex) : 0;

  if (length == 0 || length % 2 != 0)
    return NULL;

  key = g_malloc (length / 2);
  for (gsize i = 0; i < length / 2; i++)
    {
      int high = g_ascii_xdigit_value (key_hex[2 * i]);
      int low = g_ascii_xdigit_value (key_hex[2 * i + 1]);

      if (high < 0 || low < 0)
        return NULL;
      key[i] = high * 16 + low;
    }

  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, length / 2);
  g_hmac_update (hmac, (const guchar *) kind, -1);
  g_hmac_update (hmac, (const guchar *) ":", 1);
  g_hmac_update (hmac, (const guchar *) normalized, -1);

  return g_strdup (g_hmac_get_string (hmac));
}
