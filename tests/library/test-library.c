/* test-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library as the application uses it: its folders (the XDG Music
 * folder and the setting), changes taken in by the file monitors, album
 * covers, and `fanfare --scan-only`. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <gst/tag/tag.h>

#include "fanfare-album.h"
#include "fanfare-cover-cache.h"
#include "fanfare-test-library.h"
#include "fanfare-track.h"

typedef struct {
  GListModel *model;
  const char *title;
  gboolean    present;
} Expect;

static gboolean
title_presence_is (gpointer  data)
{
  Expect *expect = data;

  return fanfare_test_has_title (expect->model, expect->title) == expect->present;
}

static void
wait_for_title (FanfareLibraryModel *model,
                const char          *title,
                gboolean             present)
{
  Expect expect = { G_LIST_MODEL (model), title, present };

  if (!fanfare_test_wait_until (title_presence_is, &expect, 30000))
    {
      g_autoptr(GPtrArray) titles = fanfare_test_titles (G_LIST_MODEL (model));

      for (guint i = 0; i < titles->len; i++)
        g_printerr ("# in the list: %s\n", (char *) titles->pdata[i]);
      g_error ("“%s” did not %s the list (loading: %d)", title, present ? "join" : "leave",
               fanfare_library_model_get_loading (model));
    }
}

typedef struct {
  GListModel *model;
  const char *title;
  const char *uri;
} ExpectUri;

static gboolean
title_has_uri (gpointer  data)
{
  ExpectUri *expect = data;

  for (guint i = 0; i < g_list_model_get_n_items (expect->model); i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (expect->model, i);

      if (g_strcmp0 (fanfare_track_get_title (track), expect->title) == 0 &&
          g_strcmp0 (fanfare_track_get_uri (track), expect->uri) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct {
  GListModel         *model;
  const char * const *uris;
} ExpectUris;

static gboolean
uris_are (gpointer  data)
{
  ExpectUris *expect = data;
  guint n = g_list_model_get_n_items (expect->model);

  if (n != g_strv_length ((char **) expect->uris))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (expect->model, i);

      if (!g_strv_contains (expect->uris, fanfare_track_get_uri (track)))
        return FALSE;
    }

  return TRUE;
}

/* Waits until the list holds the files of @uris and nothing else: the
 * scans the monitors start, and the lists after them, take a moment. */
static void
wait_for_uris (FanfareLibraryModel *model,
               const char * const  *uris)
{
  ExpectUris expect = { G_LIST_MODEL (model), uris };

  if (!fanfare_test_wait_until (uris_are, &expect, 30000))
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
        {
          g_autoptr(FanfareTrack) track = g_list_model_get_item (G_LIST_MODEL (model), i);

          g_printerr ("# in the list: %s\n", fanfare_track_get_uri (track));
        }
      g_error ("The list did not come to hold the %u files expected",
               g_strv_length ((char **) uris));
    }
}

static void
test_default_folder (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_auto(GStrv) folders = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  library = fanfare_library_new_full (home.db_path, home.cover_dir, settings);
  folders = fanfare_library_get_folders (library);
  g_assert_cmpuint (g_strv_length (folders), ==, 1);
  g_assert_cmpstr (folders[0], ==, home.music);

  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

static void
test_monitor (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autofree char *moved_from = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *moved_uri = NULL;
  g_autofree char *deep_path = NULL;
  g_autofree char *deep_uri = NULL;
  g_autofree char *renewed_path = NULL;
  g_autofree char *renewed_uri = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  fanfare_test_write_song (&home, "A/01.flac", FANFARE_TEST_FLAC, "Original", "Ann", "First", 1);
  library = fanfare_test_library_open (&home, NULL);
  fanfare_test_library_scan (library);
  g_assert_true (fanfare_library_get_watching (library));

  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, 1);

  /* Added, in a watched folder and in a new folder. */
  fanfare_test_write_song (&home, "A/02.ogg", FANFARE_TEST_OGG, "Newcomer", "Ann", "First", 2);
  wait_for_title (songs, "Newcomer", TRUE);
  fanfare_test_write_song (&home, "New/Deeper/03.mp3", FANFARE_TEST_MP3, "Deep", "Cy", "Third", 1);
  wait_for_title (songs, "Deep", TRUE);

  /* Modified. */
  fanfare_test_write_song (&home, "A/01.flac", FANFARE_TEST_FLAC, "Renewed", "Ann", "First", 1);
  wait_for_title (songs, "Renewed", TRUE);
  wait_for_title (songs, "Original", FALSE);

  /* Renamed: the same song under its new name, and no longer under the old. */
  moved_from = g_build_filename (home.music, "A", "02.ogg", NULL);
  moved_to = g_build_filename (home.music, "A", "moved.ogg", NULL);
  moved_uri = g_filename_to_uri (moved_to, NULL, NULL);
  deep_path = g_build_filename (home.music, "New", "Deeper", "03.mp3", NULL);
  deep_uri = g_filename_to_uri (deep_path, NULL, NULL);
  renewed_path = g_build_filename (home.music, "A", "01.flac", NULL);
  renewed_uri = g_filename_to_uri (renewed_path, NULL, NULL);
  g_assert_cmpint (g_rename (moved_from, moved_to), ==, 0);
  {
    ExpectUri expect = { G_LIST_MODEL (songs), "Newcomer", moved_uri };
    const char *uris[] = { renewed_uri, moved_uri, deep_uri, NULL };

    g_assert_true (fanfare_test_wait_until (title_has_uri, &expect, 15000));
    wait_for_uris (songs, uris);
  }

  /* Removed. */
  g_assert_cmpint (g_unlink (renewed_path), ==, 0);
  wait_for_title (songs, "Renewed", FALSE);
  {
    const char *uris[] = { moved_uri, deep_uri, NULL };

    wait_for_uris (songs, uris);
  }

  fanfare_test_wait_idle (library);
  g_clear_object (&songs);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

static void
test_added_folder (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(FanfareLibraryModel) albums = NULL;
  g_autoptr(GstTagList) away_tags = fanfare_test_tags_new ("away", "Bea", "Elsewhere", 1);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GFile) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *song = NULL;
  g_auto(GStrv) folders = NULL;
  g_auto(GStrv) entries = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  fanfare_test_write_song (&home, "01.flac", FANFARE_TEST_FLAC, "At Home", "Ann", "First", 1);
  other_path = g_build_filename (home.root, "Other", NULL);
  song = g_build_filename (other_path, "away.opus", NULL);
  g_assert_cmpint (g_mkdir_with_parents (other_path, 0700), ==, 0);
  /* With an album, which must go with the folder. */
  fanfare_test_write_audio (song, FANFARE_TEST_OPUS, away_tags);
  other = g_file_new_for_path (other_path);

  library = fanfare_test_library_open (&home, settings);
  fanfare_test_library_scan (library);
  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, 1);

  fanfare_library_add_folder (library, other);
  entries = g_settings_get_strv (settings, "library-folders");
  g_assert_cmpuint (g_strv_length (entries), ==, 1);
  folders = fanfare_library_get_folders (library);
  g_assert_cmpuint (g_strv_length (folders), ==, 2);
  g_assert_cmpstr (folders[1], ==, other_path);
  wait_for_title (songs, "away", TRUE);

  albums = fanfare_library_list_albums (library);
  fanfare_test_wait_loaded (albums);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (albums)), ==, 2);

  fanfare_library_remove_folder (library, other);
  wait_for_title (songs, "away", FALSE);
  g_assert_true (fanfare_test_has_title (G_LIST_MODEL (songs), "At Home"));
  fanfare_test_wait_n_items (albums, 1);
  g_settings_reset (settings, "library-folders");

  fanfare_test_wait_idle (library);
  g_clear_object (&songs);
  g_clear_object (&albums);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

static void
assert_cover_size (const char *uri,
                   guint       size,
                   int         width,
                   int         height)
{
  g_autofree char *sized = fanfare_library_cover_uri_at_size (uri, size);
  g_autofree char *path = g_filename_from_uri (sized, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static void
write_with_picture (FanfareTestHome *home,
                    const char      *relative,
                    const char      *title,
                    GBytes          *picture)
{
  g_autofree char *path = fanfare_test_music_path (home, relative);
  g_autoptr(GstTagList) tags = fanfare_test_tags_new (title, "Painter", "Pictured", 1);
  g_autoptr(GstSample) image = NULL;

  image = gst_tag_image_data_to_image_sample (g_bytes_get_data (picture, NULL), g_bytes_get_size (picture),
                                              GST_TAG_IMAGE_TYPE_FRONT_COVER);
  gst_tag_list_add (tags, GST_TAG_MERGE_APPEND, GST_TAG_IMAGE, image, NULL);
  fanfare_test_write_audio (path, FANFARE_TEST_FLAC, tags);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_covers (void)
{
  g_autoptr(FanfareLibrary) library = NULL;
  g_autoptr(FanfareLibraryModel) albums = NULL;
  g_autoptr(FanfareLibraryModel) tracks = NULL;
  g_autoptr(GBytes) jpeg = fanfare_test_image_new (800, 600, 0x3366cc, "jpeg");
  g_autoptr(GBytes) png = fanfare_test_image_new (300, 300, 0xcc6633, "png");
  g_autoptr(FanfareAlbum) bare = NULL;
  g_autoptr(FanfareAlbum) folder_art = NULL;
  g_autoptr(FanfareAlbum) pictured = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cover_png = NULL;
  g_autofree char *large_dir = NULL;
  FanfareTestHome home;

  fanfare_test_home_init (&home);
  write_with_picture (&home, "Pictured/01.flac", "One", jpeg);
  write_with_picture (&home, "Pictured/02.flac", "Two", jpeg);
  fanfare_test_write_song (&home, "Folder/01.ogg", FANFARE_TEST_OGG, "Three", "Sketcher", "Folder Art", 1);
  fanfare_test_write_song (&home, "Folder/02.ogg", FANFARE_TEST_OGG, "Four", "Sketcher", "Folder Art", 2);
  cover_png = fanfare_test_music_path (&home, "Folder/Cover.PNG");
  g_file_set_contents (cover_png, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  fanfare_test_write_song (&home, "Bare/01.opus", FANFARE_TEST_OPUS, "Five", "Nobody", "Bare", 1);

  library = fanfare_test_library_open (&home, NULL);
  fanfare_test_library_scan (library);
  albums = fanfare_library_list_albums (library);
  fanfare_test_wait_loaded (albums);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (albums)), ==, 3);

  bare = g_list_model_get_item (G_LIST_MODEL (albums), 0);
  folder_art = g_list_model_get_item (G_LIST_MODEL (albums), 1);
  pictured = g_list_model_get_item (G_LIST_MODEL (albums), 2);
  g_assert_cmpstr (fanfare_album_get_title (pictured), ==, "Pictured");
  g_assert_cmpuint (fanfare_album_get_track_count (pictured), ==, 2);
  g_assert_null (fanfare_album_get_cover_uri (bare));

  /* Scaled down to each size, never up. */
  assert_cover_size (fanfare_album_get_cover_uri (pictured), 512, 512, 384);
  assert_cover_size (fanfare_album_get_cover_uri (pictured), 192, 192, 144);
  assert_cover_size (fanfare_album_get_cover_uri (pictured), 64, 64, 48);
  assert_cover_size (fanfare_album_get_cover_uri (folder_art), 512, 300, 300);
  assert_cover_size (fanfare_album_get_cover_uri (folder_art), 64, 64, 64);

  /* Once per album: the tracks show the album's cover. */
  large_dir = g_build_filename (home.cover_dir, "512", NULL);
  g_assert_cmpuint (count_files (large_dir), ==, 2);
  tracks = fanfare_library_list_album_tracks (library, fanfare_album_get_id (pictured));
  fanfare_test_wait_loaded (tracks);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tracks)), ==, 2);
  track = g_list_model_get_item (G_LIST_MODEL (tracks), 1);
  g_assert_cmpstr (fanfare_track_get_title (track), ==, "Two");
  g_assert_cmpstr (fanfare_track_get_cover_uri (track), ==, fanfare_album_get_cover_uri (pictured));

  g_clear_object (&albums);
  g_clear_object (&tracks);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
  fanfare_test_home_clear (&home);
}

static void
test_scan_only (void)
{
  const char *fanfare = g_getenv ("FANFARE_EXE");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *cache_home = NULL;
  g_autofree char *db_path = NULL;
  FanfareTestHome home;

  g_assert_nonnull (fanfare);
  fanfare_test_home_init (&home);
  fanfare_test_write_song (&home, "x/01.flac", FANFARE_TEST_FLAC, "One", "Ann", "First", 1);
  fanfare_test_write_song (&home, "x/02.m4a", FANFARE_TEST_M4A, "Two", "Ann", "First", 2);
  fanfare_test_write_song (&home, "y/03.mp3", FANFARE_TEST_MP3, "Three", "Ann", "Other", 1);

  data_home = g_build_filename (home.root, "xdg-data", NULL);
  cache_home = g_build_filename (home.root, "xdg-cache", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, fanfare, "--scan-only",
                                         home.music, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (out, ==, "3\n");

  db_path = g_build_filename (data_home, "fanfare", "library.db", NULL);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));

  fanfare_test_home_clear (&home);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/library/default-folder", test_default_folder);
  g_test_add_func ("/library/library/monitor", test_monitor);
  g_test_add_func ("/library/library/added-folder", test_added_folder);
  g_test_add_func ("/library/library/covers", test_covers);
  g_test_add_func ("/library/library/scan-only", test_scan_only);

  return g_test_run ();
}
