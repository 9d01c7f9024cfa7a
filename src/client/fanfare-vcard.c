/* fanfare-vcard.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A strict reader of vCard files (RFC 2426 for 3.0, RFC 6350 for 4.0, and
 * the 2.1 that phones still export), for what finding friends needs: each
 * card's name, emails and phone numbers. Folded lines are unfolded, values
 * in quoted-printable are decoded (with a soft line break continuing the
 * value), escapes are undone. A card that is not well formed is skipped
 * whole and counted; text outside cards is ignored; a file with no card
 * at all is refused. Nothing is guessed: a property without a colon, a
 * card inside a card, an END without a BEGIN or a card never ended is a
 * card that is not read. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fanfare-contacts.h"
#include "fanfare-vcard.h"

/* A larger address book is not one a person keeps. */
#define MAX_FILE_BYTES (16 * 1024 * 1024)

void
fanfare_vcard_contact_free (FanfareVCardContact *contact)
{
  g_free (contact->name);
  g_ptr_array_unref (contact->emails);
  g_ptr_array_unref (contact->phones);
  g_free (contact);
}

static FanfareVCardContact *
contact_new (void)
{
  FanfareVCardContact *contact = g_new0 (FanfareVCardContact, 1);

  contact->emails = g_ptr_array_new_with_free_func (g_free);
  contact->phones = g_ptr_array_new_with_free_func (g_free);

  return contact;
}

/* Splits @text into logical lines: a line break followed by a space or a
 * tab continues the line (folding). */
static GPtrArray *
unfold (const char *text,
        gsize       length)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *line = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          if (i + 1 < length && (text[i + 1] == ' ' || text[i + 1] == '\t'))
            {
              i++;
              continue;
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
          line = g_string_new (NULL);
          continue;
        }
      g_string_append_c (line, c);
    }
  g_ptr_array_add (lines, g_string_free (line, FALSE));

  return lines;
}

/* Decodes quoted-printable; NULL for a malformed escape. */
static GString *
decode_quoted_printable (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      int high, low;

      if (*p != '=')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '\0')
        break;
      high = g_ascii_xdigit_value (p[1]);
      low = high >= 0 ? g_ascii_xdigit_value (p[2]) : -1;
      if (high < 0 || low < 0)
        return NULL;
      g_string_append_c (out, (char) (high * 16 + low));
      p += 2;
    }

  return g_steal_pointer (&out);
}

/* Undoes the escapes of a text value: \n, \, \; \\ */
static char *
unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

typedef struct {
  char    *name;      /* upper case, without its group */
  gboolean quoted_printable;
  char    *charset;
  char    *value;     /* raw */
} Property;

static void
property_clear (Property *property)
{
  g_clear_pointer (&property->name, g_free);
  g_clear_pointer (&property->charset, g_free);
  g_clear_pointer (&property->value, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Property, property_clear)

/* Reads "group.NAME;PARAM=VALUE;…:value"; FALSE for a line that is not a
 * property. A colon inside a quoted parameter value does not end it. */
static gboolean
parse_property (const char *line,
                Property   *property)
{
  g_auto(GStrv) params = NULL;
  const char *colon = NULL, *dot;
  gboolean quoted = FALSE;
  g_autofree char *head = NULL;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        {
          colon = p;
          break;
        }
    }
  if (colon == NULL || colon == line)
    return FALSE;

  head = g_strndup (line, colon - line);
  params = g_strsplit (head, ";", -1);
  dot = strrchr (params[0], '.');
  property->name = g_ascii_strup (dot != NULL ? dot + 1 : params[0], -1);
  if (*property->name == '\0')
    return FALSE;
  for (const char *n = property->name; *n != '\0'; n++)
    if (!g_ascii_isalnum (*n) && *n != '-')
      return FALSE;

  for (guint i = 1; params[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (params[i], "ENCODING=QUOTED-PRINTABLE") == 0 ||
          g_ascii_strcasecmp (params[i], "QUOTED-PRINTABLE") == 0)
        property->quoted_printable = TRUE;
      else if (g_ascii_strncasecmp (params[i], "CHARSET=", 8) == 0)
        property->charset = g_strdup (params[i] + 8);
    }
  property->value = g_strdup (colon + 1);

  return TRUE;
}

/* The value as UTF-8 text; NULL when it cannot be decoded. */
static char *
decode_value (const Property *property)
{
  g_autoptr(GString) bytes = NULL;
  g_autofree char *text = NULL;

  if (!property->quoted_printable)
    bytes = g_string_new (property->value);
  else if ((bytes = decode_quoted_printable (property->value)) == NULL)
    return NULL;

  if (property->charset != NULL && g_ascii_strcasecmp (property->charset, "UTF-8") != 0)
    text = g_convert (bytes->str, bytes->len, "UTF-8", property->charset, NULL, NULL, NULL);
  else
    text = g_strndup (bytes->str, bytes->len);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  return unescape (text);
}

/* Adds a property to the card; FALSE when it cannot be read. */
static gboolean
add_property (FanfareVCardContact *contact,
              const Property      *property)
{
  g_autofree char *value = NULL;

  if (!g_str_equal (property->name, "FN") && !g_str_equal (property->name, "EMAIL") &&
      !g_str_equal (property->name, "TEL"))
    return TRUE;

  if ((value = decode_value (property)) == NULL)
    return FALSE;
  g_strstrip (value);
  if (*value == '\0')
    return TRUE;

  if (g_str_equal (property->name, "FN"))
    {
      g_free (contact->name);
      contact->name = g_steal_pointer (&value);
    }
  else if (g_str_equal (property->name, "EMAIL"))
    g_ptr_array_add (contact->emails, g_steal_pointer (&value));
  else
    g_ptr_array_add (contact->phones, g_strdup (g_ascii_strncasecmp (value, "tel:", 4) == 0 ? value + 4 : value));

  return TRUE;
}

/* Reads a property whose value is quoted-printable and ends with a soft
 * line break: the value goes on in the lines after it. */
static char *
join_soft_breaks (GPtrArray *lines,
                  guint     *index)
{
  GString *line = g_string_new (g_ptr_array_index (lines, *index));

  while (line->len > 0 && line->str[line->len - 1] == '=' && *index + 1 < lines->len)
    {
      g_string_truncate (line, line->len - 1);
      (*index)++;
      g_string_append (line, g_ptr_array_index (lines, *index));
    }

  return g_string_free (line, FALSE);
}

/**
 * fanfare_vcard_parse:
 * @n_skipped: (out) (optional): how many cards were not well formed
 *
 * Returns: (transfer full) (element-type FanfareVCardContact): the cards,
 *   or %NULL with %G_IO_ERROR_INVALID_DATA for something that holds no
 *   card, is not UTF-8 or is too large
 */
GPtrArray *
fanfare_vcard_parse (const char *text,
                     gsize       length,
                     guint      *n_skipped,
                     GError    **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_vcard_contact_free);
  g_autoptr(GPtrArray) lines = NULL;
  FanfareVCardContact *card = NULL;
  gboolean card_ok = FALSE, versioned = FALSE;
  guint skipped = 0;

  if (length > MAX_FILE_BYTES || !g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This file is not an address book (vCard)"));
      return NULL;
    }

  lines = unfold (text, length);
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto(Property) property = { NULL, FALSE, NULL, NULL };
      g_autofree char *line = NULL;

      line = g_strdup (g_ptr_array_index (lines, i));
      if (*g_strstrip (line) == '\0')
        continue;

      if (!parse_property (line, &property))
        {
          /* Junk outside a card is ignored; inside one it spoils the card. */
          card_ok = FALSE;
          continue;
        }

      if (property.quoted_printable && g_str_has_suffix (property.value, "="))
        {
          g_autofree char *joined = join_soft_breaks (lines, &i);

          property_clear (&property);
          if (!parse_property (g_strstrip (joined), &property))
            {
              card_ok = FALSE;
              continue;
            }
        }

      if (g_str_equal (property.name, "BEGIN") && g_ascii_strcasecmp (property.value, "VCARD") == 0)
        {
          if (card != NULL)
            {
              /* A card inside a card: the outer one is not read. */
              fanfare_vcard_contact_free (card);
              skipped++;
            }
          card = contact_new ();
          card_ok = TRUE;
          versioned = FALSE;
        }
      else if (g_str_equal (property.name, "END") && g_ascii_strcasecmp (property.value, "VCARD") == 0)
        {
          if (card == NULL)
            continue;
          if (card_ok && versioned)
            g_ptr_array_add (contacts, g_steal_pointer (&card));
          else
            {
              g_clear_pointer (&card, fanfare_vcard_contact_free);
              skipped++;
            }
        }
      else if (card != NULL && g_str_equal (property.name, "VERSION"))
        {
          versioned = g_str_equal (property.value, "2.1") || g_str_equal (property.value, "3.0") ||
                      g_str_equal (property.value, "4.0");
          card_ok = card_ok && versioned;
        }
      else if (card != NULL && card_ok)
        card_ok = add_property (card, &property);
    }

  if (card != NULL)
    {
      /* Never ended. */
      fanfare_vcard_contact_free (card);
      skipped++;
    }

  if (n_skipped != NULL)
    *n_skipped = skipped;

  if (contacts->len == 0 && skipped == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This file is not an address book (vCard)"));
      return NULL;
    }

  return g_steal_pointer (&contacts);
}

static void
add_hash (GPtrArray  *hashes,
          GHashTable *seen,
          const char *key_hex,
          const char *kind,
          char       *normalized)
{
  char *hash;

  if (normalized == NULL)
    return;

  hash = fanfare_contacts_hash (key_hex, kind, normalized);
  g_free (normalized);
  if (hash == NULL || !g_hash_table_add (seen, hash))
    return;

  g_ptr_array_add (hashes, g_strdup (hash));
}

/**
 * fanfare_vcard_hash_contacts:
 * @contacts: (element-type FanfareVCardContact): an address book
 * @key_hex: the server's contact key
 * @country_code: digits of the country of numbers written without one
 * @max_hashes: at most this many
 *
 * Normalizes every email and number of @contacts and makes their keyed
 * hashes, which is all that is sent to find friends.
 *
 * Returns: (transfer full): the hashes, each once
 */
GStrv
fanfare_vcard_hash_contacts (GPtrArray  *contacts,
                             const char *key_hex,
                             const char *country_code,
                             guint       max_hashes)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < contacts->len && hashes->len < max_hashes; i++)
    {
      FanfareVCardContact *contact = g_ptr_array_index (contacts, i);

      for (guint j = 0; j < contact->emails->len && hashes->len < max_hashes; j++)
        add_hash (hashes, seen, key_hex, "email",
                  fanfare_contacts_normalize_email (g_ptr_array_index (contact->emails, j)));
      for (guint j = 0; j < contact->phones->len && hashes->len < max_hashes; j++)
        add_hash (hashes, seen, key_hex, "tel",
                  fanfare_contacts_normalize_phone (g_ptr_array_index (contact->phones, j), country_code));
    }

  g_ptr_array_add (hashes, NULL);

  return (GStrv) g_ptr_array_steal (hashes, NULL);
}
