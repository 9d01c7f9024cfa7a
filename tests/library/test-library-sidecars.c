/* test-library-sidecars.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A .cue sheet or .lrc file added beside an audio file, or taken away,
 * while the audio file stays as it was: the next scan reads that file
 * again, and only that one, and the watched library takes it in by
 * itself. */

#include "config.h"

#include <glib/gstdio.h>

#include "fanfare-library-scan.h"
#include "fanfare-test-library.h"

static const char cue_sheet[] =
  "FILE \"book.ogg\" WAVE\n"
  "TRACK 01 AUDIO\n  TITLE \"One\"\n  INDEX 01 00:00:00\n"
  "TRACK 02 AUDIO\n  TITLE \"Two\"\n  INDEX 01 00:00:20\n";

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Scans the Music folder without the library object, so that no file
 * monitor races it, and returns how many files it read. */
static guint
scan (FanfareTestHome *home)
{
  const char *roots[] = { home->music, NULL };
  g_autoptr(GError) error = NULL;
  FanfareLibraryScanResult result;
  guint files_read;

  g_assert_true (fanfare_library_scan_run (home->db_path, NULL, roots, FALSE, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  files_read = result.files_read;
  fanfare_library_scan_result_clear (&result);

  return files_read;
}

/* The track titled @title, as a list made now gives it. */
static FanfareTrack *
track_now (FanfareLibrary *library,
           const char     *title)
{
  g_autoptr(FanfareLibraryModel) songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);

  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, 3);

  return fanfare_test_track_titled (G_LIST_MODEL (songs), title);
}

static void
assert_track (FanfareLibrary       *library,
              FanfareTestHome      *home,
              const char           *title,
              FanfareTrackKind      kind,
              gboolean              has_lyrics,
              FanfareLibraryExtras  extras)
{
  g_autoptr(FanfareTrack) track = track_now (library, title);

  g_test_message ("%s", title);
  g_assert_cmpint (fanfare_track_get_kind (track), ==, kind);
  g_assert_cmpint (fanfare_track_get_has_lyrics (track), ==, has_lyrics);
  g_assert_cmpuint (fanfare_test_extras_of (home, track), ==, extras);
}

static void
write_three_songs (FanfareTestHome *home)
{
  fanfare_test_write_song (home, "Shelf/book.ogg", FANFARE_TEST_OGG, "Book", "Ann", "Tales", 1);
  fanfare_test_write_song (home, "Shelf/song.mp3", FANFARE_TEST_MP3, "Song", "Bob", "Tunes", 1);
  fanfare_test_write_song (home, "Elsewhere/other.flac", FANFARE_TEST_FLAC, "Other", "Cy", "More", 1);
}

static void
test_rescan (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autofree char *cue = NULL;
  g_autofree char *lrc = NULL;
  g_autofree char *unrelated = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_three_songs (&home);
  cue = fanfare_test_music_path (&home, "Shelf/book.cue");
  lrc = fanfare_test_music_path (&home, "Shelf/song.lrc");
  unrelated = fanfare_test_music_path (&home, "Shelf/nothing.cue");

  g_assert_cmpuint (scan (&home), ==, 3);
  library = fanfare_test_library_open (&home, NULL);
  assert_track (library, &home, "Book", FANFARE_TRACK_KIND_SONG, FALSE, FANFARE_LIBRARY_EXTRAS_NONE);

  /* A cue sheet: the book is read again, the others are not. */
  write_file (cue, cue_sheet);
  g_assert_cmpuint (scan (&home), ==, 1);
  assert_track (library, &home, "Book", FANFARE_TRACK_KIND_AUDIOBOOK, FALSE, FANFARE_LIBRARY_EXTRAS_CUE_FILE);
  assert_track (library, &home, "Song", FANFARE_TRACK_KIND_SONG, FALSE, FANFARE_LIBRARY_EXTRAS_NONE);

  /* Lyrics beside the song; a cue sheet that goes with no audio file. */
  write_file (lrc, "[00:00.10]A line\n");
  write_file (unrelated, cue_sheet);
  g_assert_cmpuint (scan (&home), ==, 1);
  assert_track (library, &home, "Song", FANFARE_TRACK_KIND_SONG, TRUE, FANFARE_LIBRARY_EXTRAS_LRC_FILE);
  assert_track (library, &home, "Book", FANFARE_TRACK_KIND_AUDIOBOOK, FALSE, FANFARE_LIBRARY_EXTRAS_CUE_FILE);

  /* Nothing changed: nothing is read. */
  g_assert_cmpuint (scan (&home), ==, 0);

  /* The cue sheet goes: a song again. */
  g_assert_cmpint (g_unlink (cue), ==, 0);
  g_assert_cmpuint (scan (&home), ==, 1);
  assert_track (library, &home, "Book", FANFARE_TRACK_KIND_SONG, FALSE, FANFARE_LIBRARY_EXTRAS_NONE);
  assert_track (library, &home, "Song", FANFARE_TRACK_KIND_SONG, TRUE, FANFARE_LIBRARY_EXTRAS_LRC_FILE);
  assert_track (library, &home, "Other", FANFARE_TRACK_KIND_SONG, FALSE, FANFARE_LIBRARY_EXTRAS_NONE);

  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

typedef struct {
  FanfareLibraryModel *songs;
  const char          *title;
  FanfareTrackKind     kind;
} ExpectKind;

static gboolean
has_kind (gpointer  data)
{
  ExpectKind *expect = data;
  GListModel *model = G_LIST_MODEL (expect->songs);

  if (fanfare_library_model_get_loading (expect->songs))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (model, i);

      if (g_strcmp0 (fanfare_track_get_title (track), expect->title) == 0)
        return fanfare_track_get_kind (track) == expect->kind;
    }

  return FALSE;
}

static void
wait_for_kind (FanfareLibraryModel *songs,
               const char          *title,
               FanfareTrackKind     kind)
{
  ExpectKind expect = { songs, title, kind };

  g_assert_true (fanfare_test_wait_until (has_kind, &expect, 15000));
}

/* The watched library sees the cue sheet come and go by itself. */
static void
test_monitor (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autofree char *cue = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_three_songs (&home);
  cue = fanfare_test_music_path (&home, "Shelf/book.cue");
  library = fanfare_test_library_open (&home, NULL);
  fanfare_test_library_scan (library);
  g_assert_true (fanfare_library_get_watching (library));
  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  wait_for_kind (songs, "Book", FANFARE_TRACK_KIND_SONG);

  write_file (cue, cue_sheet);
  wait_for_kind (songs, "Book", FANFARE_TRACK_KIND_AUDIOBOOK);

  g_assert_cmpint (g_unlink (cue), ==, 0);
  wait_for_kind (songs, "Book", FANFARE_TRACK_KIND_SONG);

  fanfare_test_wait_idle (library);
  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/sidecars/rescan", test_rescan);
  g_test_add_func ("/library/sidecars/monitor", test_monitor);

  return g_test_run ();
}
