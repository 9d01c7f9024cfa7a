/* test-library-scanner.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Scans of real files: the first scan with its progress, every kind of bad
 * input, rescans that take in what changed, and files that vanish or change
 * while the scan runs. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/tag/tag.h>

#include "fanfare-library-scan.h"
#include "fanfare-track.h"
#include "fanfare-test-library.h"

static void
write_good_songs (FanfareTestHome *home)
{
  fanfare_test_write_song (home, "A/01.mp3", FANFARE_TEST_MP3, "Alpha", "Ann", "First", 1);
  fanfare_test_write_song (home, "A/02.flac", FANFARE_TEST_FLAC, "Beta", "Ann", "First", 2);
  fanfare_test_write_song (home, "B/01.ogg", FANFARE_TEST_OGG, "Gamma", "Bob", "Second", 1);
  fanfare_test_write_song (home, "B/02.opus", FANFARE_TEST_OPUS, "Delta", "Bob", "Second", 2);
  fanfare_test_write_song (home, "B/03.m4a", FANFARE_TEST_M4A, "Epsilon", "Bob", "Second", 3);
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Every kind of bad input, each beside good files. */
static void
write_bad_input (FanfareTestHome *home)
{
  g_autofree char *notes = fanfare_test_music_path (home, "bad/notes.mp3");
  g_autofree char *truncated = fanfare_test_music_path (home, "bad/truncated.flac");
  g_autofree char *absurd = fanfare_test_music_path (home, "bad/absurd.mp3");
  g_autofree char *locked_file = fanfare_test_music_path (home, "bad/locked.ogg");
  g_autofree char *locked_dir = fanfare_test_music_path (home, "locked/inside.mp3");
  g_autofree char *loop = fanfare_test_music_path (home, "loop/back");
  g_autofree char *locked_folder = NULL;
  g_autofree char *full = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  write_file (notes, "These are not sounds.\n", -1);

  /* The first 60 bytes of a FLAC file: the stream header is cut short. */
  full = fanfare_test_music_path (home, "bad/full.flac.tmp");
  fanfare_test_write_audio (full, FANFARE_TEST_FLAC, NULL);
  g_file_get_contents (full, &contents, &length, NULL);
  write_file (truncated, contents, MIN (length, 60));
  g_unlink (full);

  fanfare_test_write_absurd_mp3 (absurd);

  fanfare_test_write_audio (locked_file, FANFARE_TEST_OGG, NULL);
  g_assert_cmpint (g_chmod (locked_file, 0), ==, 0);

  fanfare_test_write_audio (locked_dir, FANFARE_TEST_MP3, NULL);
  locked_folder = g_path_get_dirname (locked_dir);
  g_assert_cmpint (g_chmod (locked_folder, 0), ==, 0);

  g_assert_cmpint (symlink ("..", loop), ==, 0);
}

typedef struct {
  guint    progress_notifies;
  guint    max_done;
  gboolean saw_scanning;
} Progress;

static void
progress_cb (FanfareLibraryScanner *scanner,
             GParamSpec            *pspec,
             Progress              *progress)
{
  progress->progress_notifies++;
  progress->max_done = MAX (progress->max_done, fanfare_library_scanner_get_files_done (scanner));
  if (fanfare_library_scanner_get_scanning (scanner))
    progress->saw_scanning = TRUE;
}

static char *
path_in (FanfareTestHome *home,
         const char      *relative)
{
  return g_build_filename (home->music, relative, NULL);
}

static void
assert_problem (FanfareLibrary            *library,
                FanfareTestHome           *home,
                const char                *relative,
                FanfareLibraryProblemKind  kind)
{
  g_autofree char *path = path_in (home, relative);

  g_assert_cmpint (fanfare_test_problem_for (library, path), ==, kind);
}

static void
test_first_scan (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  FanfareLibraryScanner *scanner;
  Progress progress = { 0 };
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_good_songs (&home);
  write_bad_input (&home);

  library = fanfare_test_library_open (&home, NULL);
  scanner = fanfare_library_get_scanner (library);
  g_signal_connect (scanner, "notify::progress", G_CALLBACK (progress_cb), &progress);
  g_signal_connect (scanner, "notify::scanning", G_CALLBACK (progress_cb), &progress);

  fanfare_test_library_scan (library);

  /* The progress went up on the main thread while it scanned. */
  g_assert_true (progress.saw_scanning);
  g_assert_false (fanfare_library_scanner_get_scanning (scanner));
  g_assert_cmpuint (progress.max_done, ==, fanfare_library_scanner_get_files_found (scanner));
  g_assert_cmpfloat (fanfare_library_scanner_get_progress (scanner), ==, 1.0);
  g_assert_true (fanfare_library_get_watching (library));

  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  titles = fanfare_test_titles (G_LIST_MODEL (songs));
  /* The good files, and the absurd one under its file name. */
  g_assert_cmpuint (titles->len, ==, 6);
  g_assert_cmpstr (titles->pdata[0], ==, "absurd");
  g_assert_cmpstr (titles->pdata[1], ==, "Alpha");
  g_assert_cmpstr (titles->pdata[5], ==, "Gamma");

  assert_problem (library, &home, "bad/notes.mp3", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);
  assert_problem (library, &home, "bad/truncated.flac", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);
  assert_problem (library, &home, "bad/absurd.mp3", FANFARE_LIBRARY_PROBLEM_BAD_TAGS);
  assert_problem (library, &home, "bad/locked.ogg", FANFARE_LIBRARY_PROBLEM_UNREADABLE_FILE);
  assert_problem (library, &home, "locked", FANFARE_LIBRARY_PROBLEM_UNREADABLE_FOLDER);
  assert_problem (library, &home, "loop/back", FANFARE_LIBRARY_PROBLEM_SYMLINK_LOOP);
  assert_problem (library, &home, "A/01.mp3", FANFARE_LIBRARY_PROBLEM_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_library_get_problems (library)), ==, 6);

  /* Each problem has a reason in words. */
  {
    g_autoptr(FanfareLibraryProblem) problem = g_list_model_get_item (fanfare_library_get_problems (library), 0);

    g_assert_cmpstr (fanfare_library_problem_get_reason (problem), !=, "");
  }

  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

static void
test_rescan (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *broken = NULL;
  FanfareLibraryScanner *scanner;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_good_songs (&home);
  broken = path_in (&home, "B/broken.mp3");
  write_file (broken, "Not yet a song.\n", -1);
  library = fanfare_test_library_open (&home, NULL);
  scanner = fanfare_library_get_scanner (library);
  fanfare_test_library_scan (library);
  g_assert_cmpuint (fanfare_library_scanner_get_files_found (scanner), ==, 6);
  assert_problem (library, &home, "B/broken.mp3", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);

  /* Nothing changed: only the file that is not audio is read again. */
  fanfare_test_library_scan (library);
  g_assert_cmpuint (fanfare_library_scanner_get_files_found (scanner), ==, 1);
  assert_problem (library, &home, "B/broken.mp3", FANFARE_LIBRARY_PROBLEM_NOT_AUDIO);

  /* Modified, removed, renamed and added. */
  fanfare_test_write_song (&home, "A/02.flac", FANFARE_TEST_FLAC, "Beta Again", "Ann", "First", 2);
  gone = path_in (&home, "B/01.ogg");
  g_assert_cmpint (g_unlink (gone), ==, 0);
  old_path = path_in (&home, "A/01.mp3");
  new_path = path_in (&home, "A/renamed.mp3");
  g_assert_cmpint (g_rename (old_path, new_path), ==, 0);
  fanfare_test_write_song (&home, "C/new.opus", FANFARE_TEST_OPUS, "Zeta", "Cy", "Third", 1);
  /* Repaired: the problem goes. */
  g_unlink (broken);
  fanfare_test_write_song (&home, "B/broken.mp3", FANFARE_TEST_MP3, "Eta", "Bob", "Second", 4);

  fanfare_test_library_scan (library);
  g_assert_cmpuint (fanfare_library_scanner_get_files_found (scanner), ==, 4);
  assert_problem (library, &home, "B/broken.mp3", FANFARE_LIBRARY_PROBLEM_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_library_get_problems (library)), ==, 0);

  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  titles = fanfare_test_titles (G_LIST_MODEL (songs));
  g_assert_cmpuint (titles->len, ==, 6);
  g_assert_cmpstr (titles->pdata[0], ==, "Alpha");
  g_assert_cmpstr (titles->pdata[1], ==, "Beta Again");
  g_assert_cmpstr (titles->pdata[2], ==, "Delta");
  g_assert_cmpstr (titles->pdata[3], ==, "Epsilon");
  g_assert_cmpstr (titles->pdata[4], ==, "Eta");
  g_assert_cmpstr (titles->pdata[5], ==, "Zeta");

  {
    g_autoptr(FanfareTrack) alpha = g_list_model_get_item (G_LIST_MODEL (songs), 0);
    g_autofree char *uri = g_filename_to_uri (new_path, NULL, NULL);

    g_assert_cmpstr (fanfare_track_get_uri (alpha), ==, uri);
    g_assert_cmpint (fanfare_track_get_source (alpha), ==, FANFARE_SOURCE_LOCAL);
  }

  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

typedef struct {
  FanfareTestHome *home;
  gboolean         done;
} DuringScan;

/* Called by the scan after its walk and before any file is read. */
static void
change_during_scan (guint     files_found,
                    guint     files_done,
                    gpointer  user_data)
{
  DuringScan *during = user_data;
  g_autofree char *vanishing = NULL;

  if (during->done || files_found == 0)
    return;
  during->done = TRUE;

  vanishing = path_in (during->home, "B/01.ogg");
  g_assert_cmpint (g_unlink (vanishing), ==, 0);
  fanfare_test_write_song (during->home, "A/02.flac", FANFARE_TEST_FLAC, "Beta Rewritten", "Ann",
                           "First", 2);
}

static void
test_changes_during_scan (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GError) error = NULL;
  const char *roots[2] = { NULL, NULL };
  FanfareLibraryScanCallbacks callbacks = { change_during_scan, NULL, NULL, NULL };
  FanfareLibraryScanResult result;
  DuringScan during = { 0 };
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_good_songs (&home);
  during.home = &home;
  callbacks.user_data = &during;
  roots[0] = home.music;

  g_assert_true (fanfare_library_scan_run (home.db_path, home.cover_dir, roots, FALSE,
                                           &callbacks, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (during.done);
  g_assert_cmpuint (result.files_found, ==, 5);
  fanfare_library_scan_result_clear (&result);

  library = fanfare_test_library_open (&home, NULL);
  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  titles = fanfare_test_titles (G_LIST_MODEL (songs));
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (titles->pdata[1], ==, "Beta Rewritten");
  assert_problem (library, &home, "B/01.ogg", FANFARE_LIBRARY_PROBLEM_VANISHED);

  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

typedef struct {
  GThread *main_thread;
  guint    in_main;
  guint    elsewhere;
} Threads;

static void
index_changed_cb (FanfareLibraryScanner *scanner,
                  Threads               *threads)
{
  if (g_thread_self () == threads->main_thread)
    threads->in_main++;
  else
    threads->elsewhere++;
}

static void
files_done_cb (FanfareLibraryScanner *scanner,
               GParamSpec            *pspec,
               Threads               *threads)
{
  index_changed_cb (scanner, threads);
}

/* The scanner says what it did in the thread of the context it was made
* in, even when that thread is busy elsewhere and not running its loop:
* a worker thread that found the context free used to take it and emit the
* signals itself, beside the main thread reading the same connection. */
static void
test_signals_in_main_thread (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FanfareLibraryScanner *scanner;
  Threads threads = { g_thread_self (), 0, 0 };
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_good_songs (&home);
  library = fanfare_test_library_open (&home, NULL);
  scanner = fanfare_library_get_scanner (library);
  g_signal_connect (scanner, "index-changed", G_CALLBACK (index_changed_cb), &threads);
  g_signal_connect (scanner, "notify::files-done", G_CALLBACK (files_done_cb), &threads);

  fanfare_library_scan_async (library, NULL, fanfare_test_async_result_cb, &result);
  /* Busy, not iterating: the scan of six small files is over long before. */
  g_usleep (G_USEC_PER_SEC);
  g_assert_true (fanfare_test_wait_until (fanfare_test_result_ready, &result, 60000));
  g_assert_true (fanfare_library_scan_finish (library, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (threads.in_main, >, 0);
  g_assert_cmpuint (threads.elsewhere, ==, 0);

  g_clear_object (&result);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

/* An MP3 whose ID3v2.3 tag holds one chapter (CHAP), as audiobook tools
 * write them. */
static void
write_chaptered_mp3 (const char *path)
{
  static const guint8 tag[] = {
    'I', 'D', '3', 3, 0, 0, 0, 0, 0, 30,
    'C', 'H', 'A', 'P', 0, 0, 0, 20, 0, 0,
    'c', 'h', '0', 0, 0, 0, 0, 0, 0, 0, 0x03, 0xe8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  };
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autofree char *audio = NULL;
  gsize length;

  fanfare_test_write_audio (path, FANFARE_TEST_MP3, NULL);
  g_assert_true (g_file_get_contents (path, &audio, &length, NULL));
  g_byte_array_append (file, tag, sizeof tag);
  g_byte_array_append (file, (const guint8 *) audio, length);
  write_file (path, (const char *) file->data, file->len);
}

/* The scan notes where lyrics and chapters are, so that the app knows a
 * local audiobook and a song with lyrics without reading the files. */
static void
test_extras (void)
{
  struct {
    const char          *title;
    gboolean             has_lyrics;
    FanfareTrackKind     kind;
    FanfareLibraryExtras extras;
  } expected[] = {
    { "Plain", FALSE, FANFARE_TRACK_KIND_SONG, FANFARE_LIBRARY_EXTRAS_NONE },
    { "Beside", TRUE, FANFARE_TRACK_KIND_SONG, FANFARE_LIBRARY_EXTRAS_LRC_FILE },
    { "Tagged", TRUE, FANFARE_TRACK_KIND_SONG, FANFARE_LIBRARY_EXTRAS_LYRICS_TAG },
    { "Book", FALSE, FANFARE_TRACK_KIND_AUDIOBOOK, FANFARE_LIBRARY_EXTRAS_CUE_FILE },
    { "chapters", FALSE, FANFARE_TRACK_KIND_AUDIOBOOK, FANFARE_LIBRARY_EXTRAS_CHAPTERS_TAG },
  };
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GstTagList) tags = fanfare_test_tags_new ("Tagged", "Ann", NULL, 0);
  g_autofree char *tagged = NULL;
  g_autofree char *chaptered = NULL;
  g_autofree char *lrc = NULL;
  g_autofree char *cue = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  fanfare_test_write_song (&home, "plain.ogg", FANFARE_TEST_OGG, "Plain", "Ann", NULL, 0);
  fanfare_test_write_song (&home, "beside.ogg", FANFARE_TEST_OGG, "Beside", "Ann", NULL, 0);
  lrc = path_in (&home, "beside.lrc");
  write_file (lrc, "[00:00.50]A line\n", -1);
  tagged = path_in (&home, "tagged.ogg");
  gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_EXTENDED_COMMENT, "LYRICS=Words in the tags", NULL);
  fanfare_test_write_audio (tagged, FANFARE_TEST_OGG, tags);
  fanfare_test_write_song (&home, "book.ogg", FANFARE_TEST_OGG, "Book", "Ann", NULL, 0);
  cue = path_in (&home, "book.cue");
  write_file (cue, "FILE \"book.ogg\" WAVE\nTRACK 01 AUDIO\nTITLE \"One\"\nINDEX 01 00:00:00\n", -1);
  chaptered = path_in (&home, "chapters.mp3");
  write_chaptered_mp3 (chaptered);

  library = fanfare_test_library_open (&home, NULL);
  fanfare_test_library_scan (library);
  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(FanfareTrack) track = fanfare_test_track_titled (G_LIST_MODEL (songs), expected[i].title);

      g_test_message ("%s", expected[i].title);
      g_assert_cmpint (fanfare_track_get_has_lyrics (track), ==, expected[i].has_lyrics);
      g_assert_cmpint (fanfare_track_get_kind (track), ==, expected[i].kind);
      g_assert_cmpuint (fanfare_test_extras_of (&home, track), ==, expected[i].extras);
    }

  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

int
main (int   argc,
      char *argv[])
{
  fanfare_test_drop_dac_override ();
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/scanner/first-scan", test_first_scan);
  g_test_add_func ("/library/scanner/rescan", test_rescan);
  g_test_add_func ("/library/scanner/changes-during-scan", test_changes_during_scan);
  g_test_add_func ("/library/scanner/signals-in-main-thread", test_signals_in_main_thread);
  g_test_add_func ("/library/scanner/extras", test_extras);

  return g_test_run ();
}
