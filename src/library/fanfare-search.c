/* fanfare-search.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text the full-text index holds and the queries that search it.
 *
 * Both are folded the same way (compatibility forms, no diacritics, case
 * folded), so that "BJÖRK" finds "Björk" and a full-width "ＡＢＣ" finds
 * "ABC". Two FTS5 tables hold the folded title, artist and album of each
 * track: one with the trigram tokenizer, which finds any substring of three
 * characters or more (Chinese has no spaces between words, so a substring
 * is what a Chinese query means), and one with unicode61 over the same text
 * with a space around every CJK character, which answers the shorter
 * terms: a Latin term of one or two characters as the prefix of a word
 * ("u2"), a CJK one as a run of adjacent characters ("周杰"). */

#include "config.h"

#include "fanfare-search.h"

/**
 * fanfare_search_fold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text in compatibility form, without combining
 *   marks and with case folded
 */
char *
fanfare_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *stripped;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (stripped, c);
    }

  folded = g_utf8_casefold (stripped->str, stripped->len);
  g_string_free (stripped, TRUE);

  /* Composed again, so that Hangul syllables are whole characters. */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

/**
 * fanfare_search_sort_key:
 * @text: (nullable): a title or a name
 *
 * The key that lists sort @text by: folded as for search, with each run of
 * digits written as its length without leading zeros, its value, and how
 * many zeros led it; so "Vol. 2" comes before "Vol. 10", and "Track 2"
 * just before "Track 02". Texts have the same key when they fold the same,
 * and (for runs of fewer than 100 digits) only then.
 *
 * Returns: (transfer full): the key, "" for %NULL
 */
char *
fanfare_search_sort_key (const char *text)
{
  g_autofree char *folded = fanfare_search_fold (text);
  GString *key = g_string_sized_new (strlen (folded) + 8);

  for (const char *p = folded; *p != '\0';)
    {
      gsize digits = strspn (p, "0123456789");
      gsize zeros = 0;

      if (digits == 0)
        {
          g_string_append_c (key, *p++);
          continue;
        }

      while (zeros + 1 < digits && p[zeros] == '0')
        zeros++;

      g_string_append_printf (key, "%02u", (guint) MIN (digits - zeros, 99));
      g_string_append_len (key, p + zeros, digits - zeros);
      g_string_append_printf (key, "%02u", (guint) MIN (zeros, 99));
      p += digits;
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_cjk (gunichar  c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * fanfare_search_space_cjk:
 * @folded: folded text
 *
 * Returns: (transfer full): @folded with a space around each CJK character,
 *   so that the unicode61 tokenizer makes a token of each
 */
char *
fanfare_search_space_cjk (const char *folded)
{
  GString *spaced = g_string_sized_new (strlen (folded) * 2);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cjk (c))
        {
          g_string_append_c (spaced, ' ');
          g_string_append_unichar (spaced, c);
          g_string_append_c (spaced, ' ');
        }
      else
        {
          g_string_append_unichar (spaced, c);
        }
    }

  return g_string_free (spaced, FALSE);
}

/* An FTS5 string: double quotes doubled inside double quotes. */
static void
append_phrase (GString    *match,
               const char *text)
{
  if (match->len > 0)
    g_string_append (match, " AND ");

  g_string_append_c (match, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

static gboolean
has_word_character (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_cjk (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/**
 * fanfare_search_build_match:
 * @query: what the user typed
 * @trigram_match: (out) (transfer full) (nullable): the MATCH expression for
 *   the trigram table, or %NULL when no term needs it
 * @words_match: (out) (transfer full) (nullable): the MATCH expression for
 *   the words table, or %NULL when no term needs it
 *
 * Every term of @query must be found in the title, the artist or the album
 * of a track, in any order.
 *
 * Returns: %FALSE when @query has no term
 */
gboolean
fanfare_search_build_match (const char *query,
                            char      **trigram_match,
                            char      **words_match)
{
  g_autofree char *folded = fanfare_search_fold (query);
  g_auto(GStrv) terms = g_strsplit_set (folded, " \t\n\r\f\v", -1);
  GString *trigram = g_string_new (NULL);
  GString *words = g_string_new (NULL);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];
      glong n_chars = g_utf8_strlen (term, -1);

      /* Punctuation alone is no word for unicode61. */
      if (n_chars == 0 || (n_chars < 3 && !has_word_character (term)))
        continue;

      if (n_chars >= 3)
        {
          append_phrase (trigram, term);
        }
      else if (has_cjk (term))
        {
          g_autofree char *spaced = fanfare_search_space_cjk (term);

          append_phrase (words, g_strstrip (spaced));
        }
      else
        {
          append_phrase (words, term);
          g_string_append_c (words, '*');
        }
    }

  *trigram_match = trigram->len > 0 ? g_string_free (trigram, FALSE) : (g_string_free (trigram, TRUE), NULL);
  *words_match = words->len > 0 ? g_string_free (words, FALSE) : (g_string_free (words, TRUE), NULL);

  return *trigram_match != NULL || *words_match != NULL;
}
