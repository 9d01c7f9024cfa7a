/* test-library-model.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The lists: sorted in SQL, read a page at a time, and changed by exactly
 * the rows that changed when the index does. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-genre.h"
#include "fanfare-test-library.h"
#include "fanfare-track.h"

#define N_TRACKS 300

typedef struct {
  FanfareTestHome       home;
  FanfareLibraryDb     *db;
  FanfareLibraryWriter *writer;
  FanfareLibrary       *library;
} Fixture;

static char *
song_path (Fixture *fixture,
           guint    i)
{
  g_autofree char *name = g_strdup_printf ("%03u.flac", i);

  return g_build_filename (fixture->home.music, name, NULL);
}

/* Song 000 to Song 299 by four artists on twelve albums, in three genres;
 * durations and years run against the titles. */
static void
put_song (Fixture    *fixture,
          guint       i,
          const char *title)
{
  g_autofree char *path = song_path (fixture, i);
  g_autofree char *artist = g_strdup_printf ("Artist %u", i % 4);
  g_autofree char *album = g_strdup_printf ("Album %02u", i % 12);
  static const char *genres[] = { "Jazz", "Rock", "Folk" };

  fanfare_test_put_track (fixture->writer, path, title, artist, album, genres[i % 3],
                          i / 12 + 1, 2000 + (N_TRACKS - i) % 20, (N_TRACKS - i) * 1000);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fanfare_test_home_init (&fixture->home);
  fixture->db = fanfare_library_db_open (fixture->home.db_path, &error);
  g_assert_no_error (error);
  fixture->writer = fanfare_library_writer_new (fixture->db);

  g_assert_true (fanfare_library_writer_begin (fixture->writer, &error));
  for (guint i = 0; i < N_TRACKS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Song %03u", i);

      put_song (fixture, i, title);
    }
  g_assert_true (fanfare_library_writer_commit (fixture->writer, &error));
  g_assert_no_error (error);

  fixture->library = fanfare_test_library_open (&fixture->home, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_assert_finalized (fixture->library);
  fanfare_library_writer_free (fixture->writer);
  fanfare_library_db_unref (fixture->db);
  fanfare_test_home_clear (&fixture->home);
}

static void
test_sorting (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  gint64 last = G_MAXINT64;

  songs = fanfare_library_list_songs (fixture->library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, N_TRACKS);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (songs)) == FANFARE_TYPE_TRACK);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (songs), N_TRACKS));

  /* Read out of order, across pages. */
  for (guint i = N_TRACKS; i-- > 0;)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (G_LIST_MODEL (songs), i);
      g_autofree char *title = g_strdup_printf ("Song %03u", i);

      g_assert_cmpstr (fanfare_track_get_title (track), ==, title);
    }

  fanfare_library_model_set_sort (songs, FANFARE_LIBRARY_SORT_DURATION, TRUE);
  g_assert_true (fanfare_library_model_get_loading (songs));
  fanfare_test_wait_loaded (songs);
  for (guint i = 0; i < N_TRACKS; i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (G_LIST_MODEL (songs), i);

      g_assert_cmpint (fanfare_track_get_duration (track), <=, last);
      last = fanfare_track_get_duration (track);
    }

  fanfare_library_model_set_sort (songs, FANFARE_LIBRARY_SORT_ARTIST, FALSE);
  fanfare_test_wait_loaded (songs);
  titles = fanfare_test_titles (G_LIST_MODEL (songs));
  /* Artist 0, Album 00, tracks 1, 2, 3...: songs 0, 12, 24... */
  g_assert_cmpstr (titles->pdata[0], ==, "Song 000");
  g_assert_cmpstr (titles->pdata[1], ==, "Song 012");
  g_assert_cmpstr (titles->pdata[N_TRACKS - 1], ==, "Song 299");
}

typedef struct {
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changed;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *changed)
{
  changed->calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
refresh_and_expect (FanfareLibraryModel *songs,
                    Changed             *changed,
                    guint                position,
                    guint                removed,
                    guint                added)
{
  memset (changed, 0, sizeof *changed);
  fanfare_library_model_refresh (songs);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (changed->calls, ==, 1);
  g_assert_cmpuint (changed->position, ==, position);
  g_assert_cmpuint (changed->removed, ==, removed);
  g_assert_cmpuint (changed->added, ==, added);
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autofree char *path = NULL;
  Changed changed = { 0 };

  songs = fanfare_library_list_songs (fixture->library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  fanfare_test_wait_loaded (songs);
  g_signal_connect (songs, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  /* Nothing changed: nothing is announced. */
  fanfare_library_model_refresh (songs);
  fanfare_test_wait_loaded (songs);
  g_assert_cmpuint (changed.calls, ==, 0);

  /* Added between Song 150 and Song 151. */
  g_assert_true (fanfare_library_writer_begin (fixture->writer, &error));
  put_song (fixture, 1000, "Song 150b");
  g_assert_true (fanfare_library_writer_commit (fixture->writer, &error));
  refresh_and_expect (songs, &changed, 151, 0, 1);
  track = g_list_model_get_item (G_LIST_MODEL (songs), 151);
  g_assert_cmpstr (fanfare_track_get_title (track), ==, "Song 150b");

  /* Written again in place: the row changes. */
  g_assert_true (fanfare_library_writer_begin (fixture->writer, &error));
  put_song (fixture, 10, "Song 010");
  g_assert_true (fanfare_library_writer_commit (fixture->writer, &error));
  refresh_and_expect (songs, &changed, 10, 1, 1);

  /* Removed. */
  g_assert_true (fanfare_library_writer_begin (fixture->writer, &error));
  g_assert_true (fanfare_library_writer_remove_track (fixture->writer, 1, &error));
  g_assert_true (fanfare_library_writer_commit (fixture->writer, &error));
  g_assert_no_error (error);
  refresh_and_expect (songs, &changed, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (songs)), ==, N_TRACKS);
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareLibraryModel) albums = fanfare_library_list_albums (fixture->library);
  g_autoptr(FanfareLibraryModel) artists = fanfare_library_list_artists (fixture->library);
  g_autoptr(FanfareLibraryModel) genres = fanfare_library_list_genres (fixture->library);
  g_autoptr(FanfareLibraryModel) album_tracks = NULL;
  g_autoptr(FanfareLibraryModel) artist_albums = NULL;
  g_autoptr(FanfareLibraryModel) artist_tracks = NULL;
  g_autoptr(FanfareLibraryModel) genre_tracks = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(FanfareArtist) artist = NULL;
  g_autoptr(FanfareGenre) genre = NULL;
  g_autoptr(FanfareTrack) track = NULL;

  fanfare_test_wait_loaded (albums);
  fanfare_test_wait_loaded (artists);
  fanfare_test_wait_loaded (genres);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (albums)), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (artists)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (genres)), ==, 3);

  album = g_list_model_get_item (G_LIST_MODEL (albums), 1);
  g_assert_cmpstr (fanfare_album_get_title (album), ==, "Album 01");
  g_assert_cmpstr (fanfare_album_get_artist (album), ==, "Artist 1");
  g_assert_cmpuint (fanfare_album_get_track_count (album), ==, N_TRACKS / 12);
  g_assert_cmpint (fanfare_album_get_source (album), ==, FANFARE_SOURCE_LOCAL);

  album_tracks = fanfare_library_list_album_tracks (fixture->library, fanfare_album_get_id (album));
  fanfare_test_wait_loaded (album_tracks);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (album_tracks)), ==, N_TRACKS / 12);
  track = g_list_model_get_item (G_LIST_MODEL (album_tracks), 0);
  g_assert_cmpstr (fanfare_track_get_title (track), ==, "Song 001");
  g_assert_cmpstr (fanfare_track_get_album_id (track), ==, fanfare_album_get_id (album));

  artist = g_list_model_get_item (G_LIST_MODEL (artists), 2);
  g_assert_cmpstr (fanfare_artist_get_name (artist), ==, "Artist 2");
  g_assert_cmpuint (fanfare_artist_get_album_count (artist), ==, 3);
  artist_albums = fanfare_library_list_artist_albums (fixture->library, fanfare_artist_get_id (artist));
  fanfare_test_wait_loaded (artist_albums);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (artist_albums)), ==, 3);

  /* An artist plays as the tracks of the artist's three albums. */
  artist_tracks = fanfare_library_list_artist_tracks (fixture->library, fanfare_artist_get_id (artist));
  fanfare_test_wait_loaded (artist_tracks);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (artist_tracks)), ==, 3 * (N_TRACKS / 12));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (artist_tracks)); i++)
    {
      g_autoptr(FanfareTrack) by_artist = g_list_model_get_item (G_LIST_MODEL (artist_tracks), i);

      g_assert_cmpstr (fanfare_track_get_artist_id (by_artist), ==, fanfare_artist_get_id (artist));
    }

  genre = g_list_model_get_item (G_LIST_MODEL (genres), 0);
  g_assert_cmpstr (fanfare_genre_get_name (genre), ==, "Folk");
  g_assert_cmpuint (fanfare_genre_get_track_count (genre), ==, N_TRACKS / 3);
  genre_tracks = fanfare_library_list_genre_tracks (fixture->library, fanfare_genre_get_id (genre));
  fanfare_test_wait_loaded (genre_tracks);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (genre_tracks)), ==, N_TRACKS / 3);
}

static void
put_numbered (FanfareLibraryWriter *writer,
              FanfareTestHome      *home,
              const char           *title,
              const char           *album)
{
  g_autofree char *name = g_strconcat (title, ".flac", NULL);
  g_autofree char *path = g_build_filename (home->music, name, NULL);

  fanfare_test_put_track (writer, path, title, "Numbers", album, NULL, 1, 2000, 1000);
}

static void
assert_numbered_order (FanfareTestHome *home)
{
  g_autoptr(FanfareLibrary) library = fanfare_test_library_open (home, NULL);
  g_autoptr(FanfareLibraryModel) songs = NULL;
  g_autoptr(FanfareLibraryModel) albums = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) album_titles = NULL;

  songs = fanfare_library_list_songs (library, FANFARE_LIBRARY_SORT_TITLE, FALSE);
  albums = fanfare_library_list_albums (library);
  fanfare_test_wait_loaded (songs);
  fanfare_test_wait_loaded (albums);

  titles = fanfare_test_titles (G_LIST_MODEL (songs));
  g_assert_cmpuint (titles->len, ==, 5);
  g_assert_cmpstr (titles->pdata[0], ==, "Track 1");
  g_assert_cmpstr (titles->pdata[1], ==, "Track 2");
  g_assert_cmpstr (titles->pdata[2], ==, "Track 02");
  g_assert_cmpstr (titles->pdata[3], ==, "Track 9b");
  g_assert_cmpstr (titles->pdata[4], ==, "Track 10");

  album_titles = fanfare_test_titles (G_LIST_MODEL (albums));
  g_assert_cmpuint (album_titles->len, ==, 3);
  g_assert_cmpstr (album_titles->pdata[0], ==, "Vol. 2");
  g_assert_cmpstr (album_titles->pdata[1], ==, "Vol. 9");
  g_assert_cmpstr (album_titles->pdata[2], ==, "Vol. 10");

  g_clear_object (&songs);
  g_clear_object (&albums);
  fanfare_test_assert_finalized (g_steal_pointer (&library));
}

/* Numbers sort by value, in an index written now and in one written
 * before the keys knew numbers, which opening brings up to date. */
static void
test_numbers_by_value (void)
{
  g_autoptr(GError) error = NULL;
  FanfareLibraryWriter *writer;
  FanfareLibraryDb *db;
  FanfareTestHome home;
  sqlite3 *handle;

  fanfare_test_home_init (&home);
  db = fanfare_library_db_open (home.db_path, &error);
  g_assert_no_error (error);
  writer = fanfare_library_writer_new (db);
  g_assert_true (fanfare_library_writer_begin (writer, &error));
  put_numbered (writer, &home, "Track 10", "Vol. 10");
  put_numbered (writer, &home, "Track 2", "Vol. 2");
  put_numbered (writer, &home, "Track 9b", "Vol. 9");
  put_numbered (writer, &home, "Track 1", "Vol. 10");
  put_numbered (writer, &home, "Track 02", "Vol. 2");
  g_assert_true (fanfare_library_writer_commit (writer, &error));
  g_assert_no_error (error);
  fanfare_library_writer_free (writer);

  assert_numbered_order (&home);

  /* Back to the keys of schema 1: the text folded, numbers as text. */
  handle = fanfare_library_db_get_handle (db);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "UPDATE tracks SET title_key = lower (title), album_key = lower (album);"
                                 "UPDATE albums SET title_key = lower (title);"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  fanfare_library_db_unref (db);

  db = fanfare_library_db_open (home.db_path, &error);
  g_assert_no_error (error);
  assert_numbered_order (&home);

  fanfare_library_db_unref (db);
  fanfare_test_home_clear (&home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library/model/sorting", Fixture, NULL, fixture_set_up, test_sorting, fixture_tear_down);
  g_test_add ("/library/model/items-changed", Fixture, NULL, fixture_set_up, test_items_changed,
              fixture_tear_down);
  g_test_add ("/library/model/browse", Fixture, NULL, fixture_set_up, test_browse, fixture_tear_down);
  g_test_add_func ("/library/model/numbers-by-value", test_numbers_by_value);

  return g_test_run ();
}
