/* fanfare-lyrics-id3.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics from the bodies of ID3v2 frames. USLT: a text encoding, a
 * language, a description, then the text (read as LRC). SYLT: a text encoding, a
 * language, the unit of the times, the kind of content and a description,
 * then each piece of text followed by its time as four big-endian bytes.
 * Only times in milliseconds are taken (times in MPEG frames depend on the
 * stream); texts in ISO-8859-1, UTF-16 with a byte order mark, UTF-16BE
 * and UTF-8 are read. Anything cut short or not in those forms is refused
 * with a GError. */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-lyrics.h"

enum {
  ENCODING_LATIN1,
  ENCODING_UTF16,
  ENCODING_UTF16BE,
  ENCODING_UTF8,
};

#define TIMES_IN_MS 2

static gboolean
refuse (GError    **error,
        const char *what)
{
  g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The lyrics frame %s", what);
  return FALSE;
}

/* Reads the terminated string at *@p as UTF-8 into @text. */
static gboolean
read_string (const guint8 **p,
             const guint8  *end,
             int            encoding,
             char         **text,
             GError       **error)
{
  gsize unit = encoding == ENCODING_UTF16 || encoding == ENCODING_UTF16BE ? 2 : 1;
  const guint8 *s = *p;
  const char *from = "UTF-16BE";
  gsize length = 0;

  while (TRUE)
    {
      if ((gsize) (end - s) < length + unit)
        return refuse (error, "has a text without its end");
      if (s[length] == 0 && (unit == 1 || s[length + 1] == 0))
        break;
      length += unit;
    }
  *p = s + length + unit;

  switch (encoding)
    {
    case ENCODING_LATIN1:
      *text = g_convert ((const char *) s, (gssize) length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      break;

    case ENCODING_UTF8:
      if (!g_utf8_validate_len ((const char *) s, length, NULL))
        return refuse (error, "has a text that is not UTF-8");
      *text = g_strndup ((const char *) s, length);
      break;

    case ENCODING_UTF16:
      if (length < 2 || !((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
        return refuse (error, "has a UTF-16 text without a byte order mark");
      from = s[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
      s += 2;
      length -= 2;
      G_GNUC_FALLTHROUGH;

    case ENCODING_UTF16BE:
    default:
      *text = g_convert ((const char *) s, (gssize) length, "UTF-8", from, NULL, NULL, NULL);
      break;
    }

  if (*text == NULL)
    return refuse (error, "has a text that cannot be read in its encoding");
  return TRUE;
}

/**
 * fanfare_lyrics_new_from_sylt:
 * @data: (array length=length): the body of a SYLT frame, after its header
 * @length: its size in bytes
 * @error: return location for a #GError
 *
 * Reads the synced lyrics of an ID3v2 SYLT frame.
 *
 * Returns: (transfer full) (nullable): synced lyrics, or %NULL with @error
 *   set
 */
FanfareLyrics *
fanfare_lyrics_new_from_sylt (const guint8 *data,
                              gsize         length,
                              GError      **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (GTimeSpan));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = NULL;
  const guint8 *p = data, *end = data + length;
  int encoding;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > FANFARE_LYRICS_MAX_BYTES)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE, "The synced lyrics frame is too large");
      return NULL;
    }
  if (length < 6)
    return refuse (error, "is cut short"), NULL;
  encoding = p[0];
  if (encoding > ENCODING_UTF8)
    return refuse (error, "has an unknown text encoding"), NULL;
  if (p[4] != TIMES_IN_MS)
    return refuse (error, "has times that are not in milliseconds"), NULL;
  p += 6;
  if (!read_string (&p, end, encoding, &description, error))
    return NULL;

  while (p < end)
    {
      char *text = NULL;
      GTimeSpan time;

      if (texts->len >= FANFARE_LYRICS_MAX_LINES)
        {
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE,
                       "The lyrics have more than %u lines", FANFARE_LYRICS_MAX_LINES);
          return NULL;
        }
      if (!read_string (&p, end, encoding, &text, error))
        return NULL;
      g_ptr_array_add (texts, text);
      if (end - p < 4)
        return refuse (error, "has a text without its time"), NULL;
      time = (GTimeSpan) (((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3]);
      p += 4;
      time *= G_TIME_SPAN_MILLISECOND;
      g_array_append_val (times, time);
      /* A piece may start with the line break that ends the one before. */
      g_strdelimit (text, "\r\n", ' ');
    }
  if (texts->len == 0)
    return refuse (error, "has no text"), NULL;

  g_ptr_array_add (texts, NULL);
  return fanfare_lyrics_new_from_timed_lines ((const GTimeSpan *) (gpointer) times->data,
                                              (const char * const *) texts->pdata, times->len, error);
}

/**
 * fanfare_lyrics_new_from_uslt:
 * @data: (array length=length): the body of a USLT frame, after its header
 * @length: its size in bytes
 * @error: return location for a #GError
 *
 * Reads the lyrics of an ID3v2 USLT frame, synced when they are LRC.
 *
 * Returns: (transfer full) (nullable): the lyrics, or %NULL with @error set
 */
FanfareLyrics *
fanfare_lyrics_new_from_uslt (const guint8 *data,
                              gsize         length,
                              GError      **error)
{
  g_autoptr(GByteArray) rest = g_byte_array_new ();
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  const guint8 *p = data, *end = data + length;
  static const guint8 terminator[2] = { 0, 0 };
  int encoding;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > FANFARE_LYRICS_MAX_BYTES)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE, "The lyrics frame is too large");
      return NULL;
    }
  if (length < 4 || (encoding = data[0]) > ENCODING_UTF8)
    return refuse (error, "is cut short or has an unknown text encoding"), NULL;
  p += 4;
  if (!read_string (&p, end, encoding, &description, error))
    return NULL;

  /* The text runs to the end of the frame, ended or not. */
  g_byte_array_append (rest, p, (guint) (end - p));
  g_byte_array_append (rest, terminator, sizeof terminator);
  p = rest->data;
  if (!read_string (&p, rest->data + rest->len, encoding, &text, error))
    return NULL;

  return fanfare_lyrics_new_from_lrc (text, -1, error);
}
