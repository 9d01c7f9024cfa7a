/* test-cue-sheet.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-chapter.h"
#include "fanfare-cue-sheet.h"
#include "fanfare-error.h"

static void
test_cue_sheet_mix (void)
{
  const char *sheet = "REM GENRE House\r\n"
                      "PERFORMER \"DJ Someone\"\r\n"
                      "TITLE \"Night Mix\"\r\n"
                      "FILE \"night mix.wav\" WAVE\r\n"
                      "  TRACK 01 AUDIO\r\n"
                      "    TITLE \"Opening\"\r\n"
                      "    PERFORMER \"First Artist\"\r\n"
                      "    INDEX 01 00:00:00\r\n"
                      "  TRACK 02 AUDIO\r\n"
                      "    TITLE \"Caf\xe9\"\r\n"
                      "    INDEX 00 03:58:00\r\n"
                      "    INDEX 01 04:00:37\r\n"
                      "  TRACK 03 AUDIO\r\n"
                      "    TITLE Closing\r\n"
                      "    INDEX 01 75:10:74\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chapters = fanfare_cue_sheet_parse (sheet, -1, "night mix.flac", &error);
  FanfareChapter *chapter;

  g_assert_no_error (error);
  g_assert_cmpuint (chapters->len, ==, 3);
  chapter = g_ptr_array_index (chapters, 0);
  g_assert_cmpstr (fanfare_chapter_get_title (chapter), ==, "Opening");
  g_assert_cmpstr (fanfare_chapter_get_artist (chapter), ==, "First Artist");
  g_assert_cmpint (fanfare_chapter_get_start (chapter), ==, 0);
  chapter = g_ptr_array_index (chapters, 1);
  /* Written in Windows-1252. */
  g_assert_cmpstr (fanfare_chapter_get_title (chapter), ==, "Café");
  g_assert_null (fanfare_chapter_get_artist (chapter));
  g_assert_cmpint (fanfare_chapter_get_start (chapter), ==, 240 * G_TIME_SPAN_SECOND + 37 * G_TIME_SPAN_SECOND / 75);
  chapter = g_ptr_array_index (chapters, 2);
  g_assert_cmpstr (fanfare_chapter_get_title (chapter), ==, "Closing");
  g_assert_cmpint (fanfare_chapter_get_start (chapter), ==, 4510 * G_TIME_SPAN_SECOND + 74 * G_TIME_SPAN_SECOND / 75);
}

static void
test_cue_sheet_files (void)
{
  const char *sheet = "FILE \"a.flac\" WAVE\n"
                      "TRACK 01 AUDIO\nTITLE \"A1\"\nINDEX 01 00:00:00\n"
                      "TRACK 02 AUDIO\nTITLE \"A2\"\nINDEX 01 01:00:00\n"
                      "FILE \"b.flac\" WAVE\n"
                      "TRACK 03 AUDIO\nTITLE \"B1\"\nINDEX 01 00:00:00\n";
  g_autoptr(GPtrArray) a = fanfare_cue_sheet_parse (sheet, -1, "a.flac", NULL);
  g_autoptr(GPtrArray) b = fanfare_cue_sheet_parse (sheet, -1, "b.flac", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) c = fanfare_cue_sheet_parse (sheet, -1, "c.flac", &error);

  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (fanfare_chapter_get_title (g_ptr_array_index (b, 0)), ==, "B1");
  g_assert_null (c);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
}

static void
test_cue_sheet_malformed (void)
{
  const char *bad[] = {
    "",
    "FILE \"x.wav\" WAVE\n",
    "TRACK 01 AUDIO\nINDEX 01 00:00:00\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:60:00\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:75\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00 extra\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nTITLE \"unclosed\nINDEX 01 00:00:00\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nTITLE \"no index\"\n",
    "FILE \"x.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 02:00:00\nTRACK 02 AUDIO\nINDEX 01 01:00:00\n",
    "FILE \"x.wav\" WAVE\nINDEX 01 00:00:00\n",
    "FILE\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) chapters = fanfare_cue_sheet_parse (bad[i], -1, "x.flac", &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (chapters);
      g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
    }
}

static void
test_cue_sheet_random (void)
{
  const char alphabet[] = "FILETRACKINDEXTITLE \"01:2345\n\xe9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20000; round++)
    {
      char buffer[128];
      gsize length = (gsize) g_rand_int_range (rand, 0, sizeof buffer);
      g_autoptr(GPtrArray) chapters = NULL;
      g_autoptr(GError) error = NULL;

      for (gsize i = 0; i < length; i++)
        buffer[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      chapters = fanfare_cue_sheet_parse (buffer, (gssize) length, NULL, &error);
      g_assert_true ((chapters == NULL) != (error == NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/cue-sheet/mix", test_cue_sheet_mix);
  g_test_add_func ("/common/cue-sheet/files", test_cue_sheet_files);
  g_test_add_func ("/common/cue-sheet/malformed", test_cue_sheet_malformed);
  g_test_add_func ("/common/cue-sheet/random", test_cue_sheet_random);

  return g_test_run ();
}
