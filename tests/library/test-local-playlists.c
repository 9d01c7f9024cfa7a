/* test-local-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists kept on this computer: made, changed and read back from the
 * index, across a restart, with tracks that left the library. */

#include "config.h"

#include <string.h>

#include "fanfare-local-playlists.h"
#include "fanfare-test-library.h"

typedef struct {
  FanfareTestHome       home;
  FanfareLibraryDb     *db;
  FanfareLibraryWriter *writer;
  gint64                ids[3];  /* of the library's tracks */
} Fixture;

static char *
song_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->home.music, name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *titles[] = { "Blue in Green", "So What", "Naïma" };
  static const char *artists[] = { "Miles Davis", "Miles Davis", "John Coltrane" };
  g_autoptr(GError) error = NULL;

  fanfare_test_home_init (&fixture->home);
  fixture->db = fanfare_library_db_open (fixture->home.db_path, &error);
  g_assert_no_error (error);
  fixture->writer = fanfare_library_writer_new (fixture->db);

  g_assert_true (fanfare_library_writer_begin (fixture->writer, &error));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.flac", i);
      g_autofree char *path = song_path (fixture, name);

      fanfare_test_put_track (fixture->writer, path, titles[i], artists[i], "Album", "Jazz",
                              i + 1, 1959, (i + 1) * 100000);
    }
  g_assert_true (fanfare_library_writer_commit (fixture->writer, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.flac", i);
      g_autofree char *path = song_path (fixture, name);

      fixture->ids[i] = fanfare_local_playlists_find_track (fixture->db, path, NULL, NULL);
      g_assert_cmpint (fixture->ids[i], >, 0);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->writer, fanfare_library_writer_free);
  g_clear_pointer (&fixture->db, fanfare_library_db_unref);
  fanfare_test_home_clear (&fixture->home);
}

/* The titles of all the entries, in order, joined by "|"; unavailable ones
 * in brackets. */
static char *
entry_titles (FanfareLibraryDb *db,
              gint64            playlist_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = fanfare_local_playlists_list_entries (db, playlist_id, 0, 100, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      FanfareLocalEntry *entry = g_ptr_array_index (entries, i);

      g_assert_cmpuint (entry->position, ==, i);
      g_string_append_printf (titles, entry->available ? "%s%s" : "%s[%s]",
                              i > 0 ? "|" : "", entry->title);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define assert_titles(db, id, expected) G_STMT_START { \
    g_autofree char *titles_ = entry_titles (db, id); \
    g_assert_cmpstr (titles_, ==, expected); \
} G_STMT_END

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playlists = NULL;
  g_autoptr(FanfareLocalPlaylist) playlist = NULL;
  gint64 id;
  gint64 entries[4];

  id = fanfare_local_playlists_create (fixture->db, "Late night", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  entries[0] = fanfare_local_playlists_add_track (fixture->db, id, fixture->ids[0], &error);
  g_assert_no_error (error);
  entries[1] = fanfare_local_playlists_add_platform_track (fixture->db, id, "trk_42", "Giant Steps",
                                                           "John Coltrane", 287000, &error);
  g_assert_no_error (error);
  entries[2] = fanfare_local_playlists_add_track (fixture->db, id, fixture->ids[1], &error);
  g_assert_no_error (error);
  entries[3] = fanfare_local_playlists_add_track (fixture->db, id, fixture->ids[2], &error);
  g_assert_no_error (error);
  assert_titles (fixture->db, id, "Blue in Green|Giant Steps|So What|Naïma");

  /* Dragged down, then up, then past the end. */
  g_assert_true (fanfare_local_playlists_move_entry (fixture->db, entries[0], 2, &error));
  assert_titles (fixture->db, id, "Giant Steps|So What|Blue in Green|Naïma");
  g_assert_true (fanfare_local_playlists_move_entry (fixture->db, entries[3], 0, &error));
  assert_titles (fixture->db, id, "Naïma|Giant Steps|So What|Blue in Green");
  g_assert_true (fanfare_local_playlists_move_entry (fixture->db, entries[1], 99, &error));
  g_assert_no_error (error);
  assert_titles (fixture->db, id, "Naïma|So What|Blue in Green|Giant Steps");

  g_assert_true (fanfare_local_playlists_remove_entry (fixture->db, entries[2], &error));
  g_assert_no_error (error);
  assert_titles (fixture->db, id, "Naïma|Blue in Green|Giant Steps");

  /* A page from the middle. */
  {
    g_autoptr(GPtrArray) page = fanfare_local_playlists_list_entries (fixture->db, id, 1, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
    g_assert_cmpstr (((FanfareLocalEntry *) page->pdata[0])->title, ==, "Blue in Green");
  }

  g_assert_true (fanfare_local_playlists_update (fixture->db, id, "After hours", "For the drive home", &error));
  g_assert_true (fanfare_local_playlists_update (fixture->db, id, NULL, NULL, &error));
  g_assert_no_error (error);
  playlist = fanfare_local_playlists_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (playlist->name, ==, "After hours");
  g_assert_cmpstr (playlist->description, ==, "For the drive home");
  g_assert_cmpuint (playlist->n_entries, ==, 3);
  g_assert_cmpint (playlist->duration_ms, ==, 300000 + 100000 + 287000);

  /* What is not there is said to be missing, not made. */
  g_assert_cmpint (fanfare_local_playlists_add_track (fixture->db, id + 1, fixture->ids[0], &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (fanfare_local_playlists_move_entry (fixture->db, entries[2], 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (fanfare_local_playlists_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  playlists = fanfare_local_playlists_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (playlists->len, ==, 0);
  assert_titles (fixture->db, id, "");
}

/* A playlist outlives the app and the files it names: a track the library
 * lost keeps its title and shows as unavailable. */
static void
test_restart (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playlists = NULL;
  gint64 older;
  gint64 newer;

  older = fanfare_local_playlists_create (fixture->db, "Older", "", &error);
  newer = fanfare_local_playlists_create (fixture->db, "Newer", "", &error);
  g_assert_no_error (error);
  fanfare_local_playlists_add_track (fixture->db, newer, fixture->ids[1], &error);
  fanfare_local_playlists_add_track (fixture->db, newer, fixture->ids[2], &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_library_writer_begin (fixture->writer, &error));
  g_assert_true (fanfare_library_writer_remove_track (fixture->writer, fixture->ids[1], &error));
  g_assert_true (fanfare_library_writer_commit (fixture->writer, &error));
  g_assert_no_error (error);

  g_clear_pointer (&fixture->writer, fanfare_library_writer_free);
  g_clear_pointer (&fixture->db, fanfare_library_db_unref);
  fixture->db = fanfare_library_db_open (fixture->home.db_path, &error);
  g_assert_no_error (error);

  playlists = fanfare_local_playlists_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (playlists->len, ==, 2);
  g_assert_cmpstr (((FanfareLocalPlaylist *) playlists->pdata[0])->name, ==, "Newer");
  g_assert_cmpint (((FanfareLocalPlaylist *) playlists->pdata[1])->id, ==, older);
  assert_titles (fixture->db, newer, "[So What]|Naïma");
}

/* Tracks are found by path, else by artist and title as the lists compare
 * them. */
static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *missing = song_path (fixture, "missing.flac");

  g_assert_cmpint (fanfare_local_playlists_find_track (fixture->db, missing, "MILES DAVIS", "so what"),
                   ==, fixture->ids[1]);
  g_assert_cmpint (fanfare_local_playlists_find_track (fixture->db, NULL, "John Coltrane", "Naima"),
                   ==, fixture->ids[2]);
  g_assert_cmpint (fanfare_local_playlists_find_track (fixture->db, missing, "Miles Davis", "Naima"), ==, 0);
  g_assert_cmpint (fanfare_local_playlists_find_track (fixture->db, missing, NULL, NULL), ==, 0);
}

/* An imported file finds the library's files by absolute and relative
 * path, the platform's tracks by their URLs, then the library's by artist
 * and title; what is found nowhere stays, unavailable. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = song_path (fixture, "0.flac");
  g_autofree char *first_uri = g_filename_to_uri (first, NULL, NULL);
  g_autofree char *base_dir = g_build_filename (fixture->home.root, "Playlists", NULL);
  g_autofree char *m3u = g_strdup_printf ("#EXTM3U\n#PLAYLIST:Imported\n"
                                          "%s\n"
                                          "#EXTINF:0,Someone - Not this title\n../Music/1.flac\n"
                                          "#EXTINF:287,John Coltrane - Giant Steps\n"
                                          "https://fanfare.example/api/v1/tracks/42/stream\n"
                                          "#EXTINF:300,JOHN COLTRANE - naima\n/elsewhere/naima.mp3\n"
                                          "#EXTINF:60,Nobody - Nothing\nnothing.ogg\n", first_uri);
  g_autoptr(FanfarePlaylistFile) file = fanfare_playlist_file_parse (FANFARE_PLAYLIST_FORMAT_M3U8, m3u,
                                                                     strlen (m3u), &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(FanfareLocalPlaylist) playlist = NULL;
  guint matched = 0;
  guint unmatched = 0;
  gint64 id;

  g_assert_no_error (error);
  id = fanfare_local_playlists_import (fixture->db, file, base_dir, &matched, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matched, ==, 4);
  g_assert_cmpuint (unmatched, ==, 1);

  playlist = fanfare_local_playlists_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (playlist->name, ==, "Imported");
  assert_titles (fixture->db, id, "Blue in Green|So What|Giant Steps|Naïma|[Nothing]");

  entries = fanfare_local_playlists_list_entries (fixture->db, id, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((FanfareLocalEntry *) entries->pdata[0])->track_id, ==, fixture->ids[0]);
  g_assert_cmpint (((FanfareLocalEntry *) entries->pdata[1])->track_id, ==, fixture->ids[1]);
  g_assert_cmpstr (((FanfareLocalEntry *) entries->pdata[2])->platform_id, ==, "42");
  g_assert_cmpstr (((FanfareLocalEntry *) entries->pdata[2])->artist, ==, "John Coltrane");
  g_assert_cmpint (((FanfareLocalEntry *) entries->pdata[3])->track_id, ==, fixture->ids[2]);
  g_assert_true (g_str_has_suffix (((FanfareLocalEntry *) entries->pdata[4])->path, "/Playlists/nothing.ogg"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library/local-playlists/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/library/local-playlists/restart", Fixture, NULL, fixture_set_up, test_restart, fixture_tear_down);
  g_test_add ("/library/local-playlists/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/library/local-playlists/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);

  return g_test_run ();
}
