/* fanfare-search-text.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text as the search index sees it. Names and queries are folded the same
 * way before they meet: compatibility forms decomposed (full-width Latin
 * becomes ASCII), accents dropped, case folded, spaces collapsed. So
 * "Zoë", "ZOE" and "ｚｏｅ" are one word, in any script.
 *
 * The word index also puts a space around each ideograph: Chinese and
 * Japanese write words without spaces, so each character becomes a token,
 * and a query of one or two characters, too short for the trigram index,
 * becomes a phrase of adjacent characters, which is a substring. */

#include "config.h"

#include <string.h>

#include "fanfare-search-text.h"

gboolean
fanfare_search_text_is_ideograph (gunichar  c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_BOPOMOFO;
}

static char *
fold (const char *text,
      gboolean    split_ideographs)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
          type == G_UNICODE_FORMAT || type == G_UNICODE_CONTROL)
        continue;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }

      if (split_ideographs && fanfare_search_text_is_ideograph (c))
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          pending_space = TRUE;
          continue;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * fanfare_search_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text without accents, case or extra spaces
 */
char *
fanfare_search_text_fold (const char *text)
{
  return fold (text, FALSE);
}

/**
 * fanfare_search_text_fold_words:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): like fanfare_search_text_fold(), with each
 *   ideograph a word of its own
 */
char *
fanfare_search_text_fold_words (const char *text)
{
  return fold (text, TRUE);
}

static void
sql_fold (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  gboolean words = GPOINTER_TO_INT (sqlite3_user_data (context));
  char *folded = fold (text, words);

  sqlite3_result_text (context, folded, -1, g_free);
}

/**
 * fanfare_search_text_register_sql_functions:
 * @handle: a SQLite connection
 *
 * Makes fanfare_fold(text) and fanfare_fold_words(text) available in SQL,
 * for the statements that fill the search index.
 */
void
fanfare_search_text_register_sql_functions (sqlite3 *handle)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  sqlite3_create_function (handle, "fanfare_fold", 1, flags, GINT_TO_POINTER (FALSE),
                           sql_fold, NULL, NULL);
  sqlite3_create_function (handle, "fanfare_fold_words", 1, flags, GINT_TO_POINTER (TRUE),
                           sql_fold, NULL, NULL);
}
