/* fuzz-lyrics.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the LRC, USLT and SYLT readers, built only with clang:
 *
 *   export CC=clang CFLAGS=-fsanitize=fuzzer-no-link
 *   meson setup _build-fuzz -Db_sanitize=address,undefined
 *   ninja -C _build-fuzz tests/common/fuzz-lyrics
 *   _build-fuzz/tests/common/fuzz-lyrics -max_total_time=600
 *
 * Whatever the reader accepts must write back as LRC it accepts again,
 * with as many lines, and every word range must lie inside its line. */

#include "config.h"

#include <string.h>

#include "fanfare-lyrics.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_words (FanfareLyrics *lyrics)
{
  for (guint i = 0; i < fanfare_lyrics_get_n_lines (lyrics); i++)
    {
      gsize length = strlen (fanfare_lyrics_get_line_text (lyrics, i));

      for (guint j = 0; j < fanfare_lyrics_get_n_words (lyrics, i); j++)
        {
          guint start, end;

          fanfare_lyrics_get_word_range (lyrics, i, j, &start, &end);
          g_assert_true (start <= end && end <= length);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autoptr(FanfareLyrics) again = NULL;
  g_autoptr(FanfareLyrics) sylt = NULL;
  g_autoptr(FanfareLyrics) uslt = NULL;
  g_autofree char *lrc = NULL;

  /* The same bytes as the bodies of ID3 lyrics frames. */
  uslt = fanfare_lyrics_new_from_uslt (data, size, NULL);
  sylt = fanfare_lyrics_new_from_sylt (data, size, NULL);
  for (guint i = 0; sylt != NULL && i < fanfare_lyrics_get_n_lines (sylt); i++)
    g_assert_true (g_utf8_validate (fanfare_lyrics_get_line_text (sylt, i), -1, NULL));

  lyrics = fanfare_lyrics_new_from_lrc ((const char *) data, (gssize) size, NULL);
  if (lyrics == NULL)
    return 0;

  check_words (lyrics);
  lrc = fanfare_lyrics_to_lrc (lyrics);
  again = fanfare_lyrics_new_from_lrc (lrc, -1, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (again), ==, fanfare_lyrics_get_n_lines (lyrics));

  return 0;
}
