/* test-lyrics.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-lyrics.h"

#define MS(ms) ((GTimeSpan) (ms) * G_TIME_SPAN_MILLISECOND)

static FanfareLyrics *
parse_ok (const char *lrc)
{
  g_autoptr(GError) error = NULL;
  FanfareLyrics *lyrics = fanfare_lyrics_new_from_lrc (lrc, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lyrics);
  return lyrics;
}

static void
assert_refused (const char *lrc,
                gssize      length,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareLyrics) lyrics = fanfare_lyrics_new_from_lrc (lrc, length, &error);

  g_assert_null (lyrics);
  g_assert_error (error, FANFARE_ERROR, code);
}

static void
test_lyrics_synced (void)
{
  g_autoptr(FanfareLyrics) lyrics = parse_ok ("\xef\xbb\xbf[ti:Song]\r\n"
                                              "[ar:Someone]\r\n"
                                              "[00:12.5]Second\r\n"
                                              "[00:01.00]First\r\n"
                                              "\r\n"
                                              "[01:02.345][00:20.00]  Twice  \r\n"
                                              "[00:30]\n");
  g_autofree char *text = NULL;

  g_assert_true (fanfare_lyrics_is_synced (lyrics));
  g_assert_false (fanfare_lyrics_is_enhanced (lyrics));
  g_assert_false (fanfare_lyrics_has_translation (lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (lyrics), ==, 5);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 0), ==, "First");
  g_assert_cmpint (fanfare_lyrics_get_line_time (lyrics, 0), ==, MS (1000));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 1), ==, "Second");
  g_assert_cmpint (fanfare_lyrics_get_line_time (lyrics, 1), ==, MS (12500));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 2), ==, "Twice");
  g_assert_cmpint (fanfare_lyrics_get_line_time (lyrics, 2), ==, MS (20000));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 3), ==, "");
  g_assert_cmpint (fanfare_lyrics_get_line_time (lyrics, 4), ==, MS (62345));
  g_assert_null (fanfare_lyrics_get_line_translation (lyrics, 0));

  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, 0), ==, -1);
  /* Found by the fuzz target: a byte order mark alone on a later line. */
  {
    g_autoptr(FanfareLyrics) mark = parse_ok ("\r\xef\xbb\xbf\r[00:01.00]\xef\xbb\xbf" "a");

    g_assert_cmpuint (fanfare_lyrics_get_n_lines (mark), ==, 1);
  }
  /* And times apart by spaces (form feeds, here) are times all the same. */
  {
    g_autoptr(FanfareLyrics) spaced = parse_ok ("[00:01]\f\f[01:01]\f0");

    g_assert_cmpuint (fanfare_lyrics_get_n_lines (spaced), ==, 2);
    g_assert_cmpstr (fanfare_lyrics_get_line_text (spaced, 1), ==, "0");
  }
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, MS (999)), ==, -1);
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, MS (1000)), ==, 0);
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, MS (12499)), ==, 0);
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, MS (12500)), ==, 1);
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, MS (40000)), ==, 3);
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, G_MAXINT64), ==, 4);

  text = fanfare_lyrics_to_text (lyrics);
  g_assert_cmpstr (text, ==, "First\nSecond\nTwice\n\nTwice");
}

static void
test_lyrics_unsynced (void)
{
  g_autoptr(FanfareLyrics) lyrics = parse_ok ("[ar:Someone]\nOne line\n\n  Another [with brackets]\n");
  g_autofree char *lrc = NULL;

  g_assert_false (fanfare_lyrics_is_synced (lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (lyrics), ==, 2);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 1), ==, "Another [with brackets]");
  g_assert_cmpint (fanfare_lyrics_find_line (lyrics, MS (5000)), ==, -1);
  lrc = fanfare_lyrics_to_lrc (lyrics);
  g_assert_cmpstr (lrc, ==, "One line\nAnother [with brackets]\n");
}

static void
test_lyrics_enhanced (void)
{
  g_autoptr(FanfareLyrics) lyrics = parse_ok ("[00:01.00] <00:01.00>Hello <00:01.50>big <00:02.25>world\n"
                                              "[00:03.00]<00:03.00>Bye\n");
  g_autoptr(FanfareLyrics) again = NULL;
  g_autofree char *lrc = NULL;
  g_autofree char *lrc_again = NULL;
  guint start, end;

  g_assert_true (fanfare_lyrics_is_enhanced (lyrics));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 0), ==, "Hello big world");
  g_assert_cmpuint (fanfare_lyrics_get_n_words (lyrics, 0), ==, 3);
  g_assert_cmpint (fanfare_lyrics_get_word_time (lyrics, 0, 1), ==, MS (1500));
  fanfare_lyrics_get_word_range (lyrics, 0, 1, &start, &end);
  g_assert_cmpuint (start, ==, 6);
  g_assert_cmpuint (end, ==, 10);
  fanfare_lyrics_get_word_range (lyrics, 0, 2, &start, &end);
  g_assert_cmpuint (start, ==, 10);
  g_assert_cmpuint (end, ==, 15);
  g_assert_cmpint (fanfare_lyrics_find_word (lyrics, 0, MS (1499)), ==, 0);
  g_assert_cmpint (fanfare_lyrics_find_word (lyrics, 0, MS (2300)), ==, 2);

  /* Written back, the lyrics read the same. */
  lrc = fanfare_lyrics_to_lrc (lyrics);
  again = parse_ok (lrc);
  lrc_again = fanfare_lyrics_to_lrc (again);
  g_assert_cmpstr (lrc, ==, lrc_again);
  g_assert_cmpuint (fanfare_lyrics_get_n_words (again, 0), ==, 3);
}

static void
test_lyrics_translation (void)
{
  g_autoptr(FanfareLyrics) lyrics = parse_ok ("[00:01.00]Hello\n[00:01.00]你好\n[00:04.00]Goodbye\n");
  g_autoptr(FanfareLyrics) plain = parse_ok ("[00:01.00]Hello\n[00:04.00]Goodbye\n");
  g_autoptr(FanfareLyrics) translation = parse_ok ("[00:01.00]Bonjour\n[00:04.00]Au revoir\n");
  g_autoptr(FanfareLyrics) wrong = parse_ok ("[00:01.00]Bonjour\n[00:05.00]Au revoir\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareLyrics) again = NULL;
  g_autofree char *lrc = NULL;

  g_assert_true (fanfare_lyrics_has_translation (lyrics));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (lyrics), ==, 2);
  g_assert_cmpstr (fanfare_lyrics_get_line_translation (lyrics, 0), ==, "你好");
  g_assert_null (fanfare_lyrics_get_line_translation (lyrics, 1));
  lrc = fanfare_lyrics_to_lrc (lyrics);
  again = parse_ok (lrc);
  g_assert_cmpstr (fanfare_lyrics_get_line_translation (again, 0), ==, "你好");

  g_assert_false (fanfare_lyrics_add_translation (plain, wrong, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
  g_assert_true (fanfare_lyrics_add_translation (plain, translation, NULL));
  g_assert_cmpstr (fanfare_lyrics_get_line_translation (plain, 1), ==, "Au revoir");
}

static void
test_lyrics_offset (void)
{
  g_autoptr(FanfareLyrics) earlier = parse_ok ("[offset:+500]\n[00:02.00]A\n[00:00.20]B\n");
  g_autoptr(FanfareLyrics) later = parse_ok ("[offset:-1500]\n[00:02.00]<00:02.00>A\n");

  g_assert_cmpint (fanfare_lyrics_get_line_time (earlier, 0), ==, 0);
  g_assert_cmpint (fanfare_lyrics_get_line_time (earlier, 1), ==, MS (1500));
  g_assert_cmpint (fanfare_lyrics_get_line_time (later, 0), ==, MS (3500));
  g_assert_cmpint (fanfare_lyrics_get_word_time (later, 0, 0), ==, MS (3500));
}

static void
test_lyrics_malformed (void)
{
  const char *bad[] = {
    "[00:1.00]seconds need two digits",
    "[00:60.00]sixty seconds",
    "[1000:00.00]four minute digits",
    "[00:01.0000]four fraction digits",
    "[00:01.00 no bracket",
    "[00:01.00]ok\nno time here",
    "untimed first\n[00:01.00]then timed",
    "[-1:00.00]negative",
    "[00:01.00]<00:02.00>a <00:01.00>words go back",
    "[00:01.00]<00:01.00>a <00:0x.00>bad word time",
    "[00:02.00]<00:01.00>word before its line",
    "[00:01.00][00:02.00]<00:02.00>words sung twice",
    "[offset:99999999999]\n[00:01.00]huge offset",
    "[offset:3600001]\n[00:01.00]over an hour",
    "[offset:12abc]\n[00:01.00]not a number",
    "[:x]\n[00:01.00]empty key",
    "[ar:x]trailing\n[00:01.00]a",
    "[00:01.00]a\n[00:01.00]b\n[00:01.00]c",
    "[00:01.00]<00:01.00>[00:02.00]word times hiding a time",
    "[00:00][00:00][00:00][00:00][00:00][00:00][00:00][00:00]"
    "[00:00][00:00][00:00][00:00][00:00][00:00][00:00][00:00]too many",
  };
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      assert_refused (bad[i], -1, FANFARE_ERROR_INVALID);
    }

  assert_refused ("[00:01.00]caf\xe9\n", -1, FANFARE_ERROR_INVALID);
  assert_refused ("[00:01.00]\xc3", -1, FANFARE_ERROR_INVALID);
  assert_refused ("[00:01.00]a\0b", 13, FANFARE_ERROR_INVALID);
  assert_refused ("\xed\xa0\x80", -1, FANFARE_ERROR_INVALID);

  /* 100,000 lines: refused quickly, not read. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (many, "[%02u:%02u.00]line %u\n", i / 60 % 1000, i % 60, i);
  assert_refused (many->str, -1, FANFARE_ERROR_TOO_LARGE);
  for (guint i = 0; i < FANFARE_LYRICS_MAX_BYTES; i++)
    g_string_append_c (huge, 'a');
  g_string_append_c (huge, '\n');
  assert_refused (huge->str, -1, FANFARE_ERROR_TOO_LARGE);
}

/* The most the reader accepts still reads in full. */
static void
test_lyrics_limits (void)
{
  g_autoptr(GString) lrc = g_string_new ("[offset:-3600000]\n");
  g_autoptr(FanfareLyrics) lyrics = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < FANFARE_LYRICS_MAX_LINES; i++)
    g_string_append_printf (lrc, "[%03u:%02u.%03u]line %u\n", 999 - i / 60, i % 60, i % 1000, i);
  lyrics = parse_ok (lrc->str);
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (lyrics), ==, FANFARE_LYRICS_MAX_LINES);
  g_assert_cmpint (fanfare_lyrics_get_line_time (lyrics, 0), >=, G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
}

/* Random bytes and random cuts of valid LRC: a result or an error, never
* anything else; whatever is read writes back as LRC that reads again. */
static void
test_lyrics_random (void)
{
  const char *seed = "[ti:x]\n[00:01.00]<00:01.00>a <00:01.50>b\n[00:01.00]t\n[00:02.00]c\n";
  const char alphabet[] = "[]<>:.0123456789 abc\n\r\xc3\xa9-+offset";
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  const char *more = g_getenv ("FANFARE_FUZZ_ROUNDS");
  guint rounds = more != NULL ? (guint) g_ascii_strtoull (more, NULL, 10) : 20000;

  for (guint round = 0; round < rounds; round++)
    {
      char buffer[96];
      gsize length = (gsize) g_rand_int_range (rand, 0, sizeof buffer);
      g_autoptr(FanfareLyrics) lyrics = NULL;
      g_autoptr(GError) error = NULL;

      for (gsize i = 0; i < length; i++)
        {
          if (round % 2 == 0 && i < strlen (seed))
            buffer[i] = g_rand_int_range (rand, 0, 8) == 0
                        ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)] : seed[i];
          else
            buffer[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        }

      lyrics = fanfare_lyrics_new_from_lrc (buffer, (gssize) length, &error);
      g_assert_true ((lyrics == NULL) != (error == NULL));
      if (lyrics != NULL)
        {
          g_autofree char *lrc = fanfare_lyrics_to_lrc (lyrics);
          g_autoptr(FanfareLyrics) again = parse_ok (lrc);

          g_assert_cmpuint (fanfare_lyrics_get_n_lines (again), ==, fanfare_lyrics_get_n_lines (lyrics));
        }
    }
}

/* Hand-written SYLT frame bodies, as taggers write them. */
static const guint8 sylt_utf8[] = {
  3, 'z', 'h', 'o', 2, 1, 'd', 0,
  '\n', 0xe6, 0x9c, 0x88, 0xe5, 0x85, 0x89, 0, 0x00, 0x00, 0x04, 0xb0,   /* 月光 at 1.2 s */
  'F', 'i', 'r', 's', 't', 0, 0x00, 0x00, 0x01, 0xf4,                   /* First at 0.5 s */
};
static const guint8 sylt_utf16[] = {
  1, 'e', 'n', 'g', 2, 1, 0xff, 0xfe, 0, 0,
  0xff, 0xfe, 'H', 0, 'i', 0, 0, 0, 0x00, 0x00, 0x03, 0xe8,
};
static const guint8 sylt_latin1[] = {
  0, 'f', 'r', 'a', 2, 1, 0,
  'C', 'a', 'f', 0xe9, 0, 0x00, 0x00, 0x07, 0xd0,
};
static const guint8 sylt_frames[] = {
  3, 'e', 'n', 'g', 1, 1, 0, 'x', 0, 0x00, 0x00, 0x00, 0x10,
};
static const guint8 sylt_cut[] = {
  3, 'e', 'n', 'g', 2, 1, 0, 'x', 0, 0x00, 0x00,
};
static const guint8 sylt_unended[] = {
  1, 'e', 'n', 'g', 2, 1, 0xff, 0xfe, 'a', 0, 'b',
};

static void
test_lyrics_sylt (void)
{
  g_autoptr(FanfareLyrics) utf8 = fanfare_lyrics_new_from_sylt (sylt_utf8, sizeof sylt_utf8, NULL);
  g_autoptr(FanfareLyrics) utf16 = fanfare_lyrics_new_from_sylt (sylt_utf16, sizeof sylt_utf16, NULL);
  g_autoptr(FanfareLyrics) latin1 = fanfare_lyrics_new_from_sylt (sylt_latin1, sizeof sylt_latin1, NULL);
  const struct {
    const guint8 *data;
    gsize         length;
  } refused[] = {
    { sylt_frames, sizeof sylt_frames },
    { sylt_cut, sizeof sylt_cut },
    { sylt_unended, sizeof sylt_unended },
    { sylt_utf8, 5 },
    { sylt_utf8, 8 },
  };

  /* In time order, the line break before a piece left out. */
  g_assert_nonnull (utf8);
  g_assert_true (fanfare_lyrics_is_synced (utf8));
  g_assert_cmpuint (fanfare_lyrics_get_n_lines (utf8), ==, 2);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (utf8, 0), ==, "First");
  g_assert_cmpint (fanfare_lyrics_get_line_time (utf8, 0), ==, 500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (utf8, 1), ==, "月光");
  g_assert_cmpint (fanfare_lyrics_get_line_time (utf8, 1), ==, 1200 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (fanfare_lyrics_find_line (utf8, 1300 * G_TIME_SPAN_MILLISECOND), ==, 1);

  g_assert_nonnull (utf16);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (utf16, 0), ==, "Hi");
  g_assert_cmpint (fanfare_lyrics_get_line_time (utf16, 0), ==, G_TIME_SPAN_SECOND);
  g_assert_nonnull (latin1);
  g_assert_cmpstr (fanfare_lyrics_get_line_text (latin1, 0), ==, "Café");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FanfareLyrics) none = fanfare_lyrics_new_from_sylt (refused[i].data, refused[i].length, &error);

      g_assert_null (none);
      g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
    }
}

/* A USLT frame: the text runs to the frame's end, LRC or plain. */
static void
test_lyrics_uslt (void)
{
  static const guint8 utf16[] = {
    1, 'e', 'n', 'g', 0xff, 0xfe, 0, 0,
    0xff, 0xfe, '[', 0, '0', 0, '0', 0, ':', 0, '0', 0, '2', 0, ']', 0, 'A', 0, 'h', 0,
  };
  static const guint8 latin1[] = { 0, 'f', 'r', 'a', 0, 'C', 'a', 'f', 0xe9, 0 };
  static const guint8 unknown[] = { 7, 'e', 'n', 'g', 0, 'x' };
  g_autoptr(FanfareLyrics) synced = fanfare_lyrics_new_from_uslt (utf16, sizeof utf16, NULL);
  g_autoptr(FanfareLyrics) plain = fanfare_lyrics_new_from_uslt (latin1, sizeof latin1, NULL);
  g_autoptr(FanfareLyrics) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (synced);
  g_assert_true (fanfare_lyrics_is_synced (synced));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (synced, 0), ==, "Ah");
  g_assert_cmpint (fanfare_lyrics_get_line_time (synced, 0), ==, 2 * G_TIME_SPAN_SECOND);
  g_assert_nonnull (plain);
  g_assert_false (fanfare_lyrics_is_synced (plain));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (plain, 0), ==, "Café");
  none = fanfare_lyrics_new_from_uslt (unknown, sizeof unknown, &error);
  g_assert_null (none);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
}

/* Random changes and cuts of valid frames, read as SYLT and as USLT: a
 * result or an error. */
static void
test_lyrics_id3_random (void)
{
  const guint8 *seeds[] = { sylt_utf8, sylt_utf16, sylt_latin1 };
  const gsize lengths[] = { sizeof sylt_utf8, sizeof sylt_utf16, sizeof sylt_latin1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  const char *more = g_getenv ("FANFARE_FUZZ_ROUNDS");
  guint rounds = more != NULL ? (guint) g_ascii_strtoull (more, NULL, 10) : 20000;

  for (guint round = 0; round < rounds; round++)
    {
      guint which = round % G_N_ELEMENTS (seeds);
      gsize length = (gsize) g_rand_int_range (rand, 0, (gint32) lengths[which] + 1);
      g_autofree guint8 * buffer = g_memdup2 (seeds[which], lengths[which]);
      g_autoptr(FanfareLyrics) lyrics = NULL;
      g_autoptr(GError) error = NULL;

      for (guint n = (guint) g_rand_int_range (rand, 0, 4); n > 0 && length > 0; n--)
        buffer[g_rand_int_range (rand, 0, (gint32) length)] = (guint8) g_rand_int_range (rand, 0, 256);
      lyrics = fanfare_lyrics_new_from_sylt (buffer, length, &error);
      g_assert_true ((lyrics == NULL) != (error == NULL));
      g_clear_error (&error);
      g_clear_object (&lyrics);
      lyrics = fanfare_lyrics_new_from_uslt (buffer, length, &error);
      g_assert_true ((lyrics == NULL) != (error == NULL));
      for (guint i = 0; lyrics != NULL && i < fanfare_lyrics_get_n_lines (lyrics); i++)
        g_assert_true (g_utf8_validate (fanfare_lyrics_get_line_text (lyrics, i), -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/lyrics/synced", test_lyrics_synced);
  g_test_add_func ("/common/lyrics/unsynced", test_lyrics_unsynced);
  g_test_add_func ("/common/lyrics/enhanced", test_lyrics_enhanced);
  g_test_add_func ("/common/lyrics/translation", test_lyrics_translation);
  g_test_add_func ("/common/lyrics/offset", test_lyrics_offset);
  g_test_add_func ("/common/lyrics/malformed", test_lyrics_malformed);
  g_test_add_func ("/common/lyrics/limits", test_lyrics_limits);
  g_test_add_func ("/common/lyrics/random", test_lyrics_random);
  g_test_add_func ("/common/lyrics/sylt", test_lyrics_sylt);
  g_test_add_func ("/common/lyrics/uslt", test_lyrics_uslt);
  g_test_add_func ("/common/lyrics/id3-random", test_lyrics_id3_random);

  return g_test_run ();
}
