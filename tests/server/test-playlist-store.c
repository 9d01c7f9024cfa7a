/* test-playlist-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The playlist store below the API: a database of the first schema
 * keeps its playlists, and positions hold up under many insertions at one
 * place. */

#include "config.h"

#include <sqlite3.h>

#include "fanfare-database-private.h"
#include "fanfare-playlist-store.h"
#include "fanfare-test-store.h"
#include "fanfare-track.h"

static void
exec (sqlite3    *handle,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A database as the first release left it, with a playlist of two. */
static void
test_migrates_playlist_tracks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("fanfare-db-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "old.db", NULL);
  g_autoptr(FanfareDatabase) db = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  FanfareViewer owner = { 1, FALSE };
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  exec (handle, _fanfare_schema_get_version (1));
  exec (handle,
        "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (1, 'mei', 'Mei', '-', 0);"
        "INSERT INTO media (hash, content_type, size, created_at) VALUES ('h', 'audio/ogg', 1, 0);"
        "INSERT INTO artists (id, name, created_at) VALUES (1, 'Zhou', 0);"
        "INSERT INTO albums (id, artist_id, title, created_at) VALUES (1, 1, 'Summer', 0);"
        "INSERT INTO tracks (id, album_id, artist_id, title, media_hash, duration_ms, created_at)"
        " VALUES (1, 1, 1, 'First', 'h', 1000, 0), (2, 1, 1, 'Second', 'h', 2000, 0);"
        "INSERT INTO playlists (id, owner_id, title, visibility, created_at, updated_at)"
        " VALUES (1, 1, 'Old one', 'private', 0, 0);"
        "INSERT INTO playlist_tracks (playlist_id, position, track_id, added_at) VALUES (1, 0, 2, 5), (1, 1, 1, 6);"
        "PRAGMA user_version = 1;");
  sqlite3_close (handle);

  db = fanfare_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fanfare_database_get_schema_version (db), ==, fanfare_database_get_latest_schema_version ());

  tracks = fanfare_playlist_store_list_tracks (db, &owner, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 2);
  g_assert_cmpstr (fanfare_track_get_title (g_ptr_array_index (tracks, 0)), ==, "Second");
  g_assert_cmpstr (fanfare_track_get_title (g_ptr_array_index (tracks, 1)), ==, "First");

  /* The old entries have ids to move and remove them by. */
  entries = fanfare_playlist_store_list_entries (db, &owner, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((FanfarePlaylistEntry *) g_ptr_array_index (entries, 0))->entry_id, ==, "p0");
  g_assert_true (fanfare_playlist_store_remove_entry (db, &owner, 1, "p0", &error));
  g_assert_no_error (error);
  g_clear_pointer (&tracks, g_ptr_array_unref);
  tracks = fanfare_playlist_store_list_tracks (db, &owner, 1, &error);
  g_assert_cmpuint (tracks->len, ==, 1);

  fanfare_database_close (db);
  fanfare_test_remove_tree (directory);
}

static void
add_one (FanfareDatabase            *db,
         const FanfareViewer        *viewer,
         gint64                      playlist_id,
         const char                 *entry_id,
         gint64                      track_id,
         const FanfarePlaylistPlace *place)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_playlist_entry_free);
  FanfarePlaylistEntry *entry = fanfare_playlist_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->entry_id = g_strdup (entry_id);
  entry->track_id = track_id;
  g_ptr_array_add (entries, entry);
  g_assert_cmpuint (fanfare_playlist_store_add_entries (db, viewer, playlist_id, entries, place, &error), ==, 1);
  g_assert_no_error (error);
}

/* Halving the gap after one entry again and again runs out of room in a
 * double after about fifty times: the store renumbers and keeps order. */
static void
test_positions_make_room (void)
{
  const char *songs[] = { "Anchor", "Tail", NULL };
  FanfareTestStore store;
  FanfareViewer owner;
  FanfarePlaylistPlace after_anchor = { "anchor", FALSE };
  FanfarePlaylistPlace at_end = { NULL, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 artist, playlist_id;

  fanfare_test_store_set_up (&store);
  owner = (FanfareViewer) { fanfare_test_store_add_user (&store, "mei", "Mei", FANFARE_USER_ROLE_LISTENER), FALSE };
  artist = fanfare_test_store_add_user (&store, "zhou", "Zhou", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_album (&store, artist, "Album", "2025-01-01", songs, TRUE);
  playlist_id = fanfare_playlist_store_create (store.db, owner.user_id, "Room", NULL,
                                               FANFARE_PLAYLIST_VISIBILITY_PRIVATE, &error);
  g_assert_no_error (error);

  add_one (store.db, &owner, playlist_id, "anchor", 1, &at_end);
  add_one (store.db, &owner, playlist_id, "tail", 2, &at_end);
  /* Each new one goes right after the anchor, so the newest is second. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%03u", i);

      add_one (store.db, &owner, playlist_id, id, 1, &after_anchor);
    }

  entries = fanfare_playlist_store_list_entries (store.db, &owner, playlist_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 122);
  g_assert_cmpstr (((FanfarePlaylistEntry *) g_ptr_array_index (entries, 0))->entry_id, ==, "anchor");
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%03u", 119 - i);

      g_assert_cmpstr (((FanfarePlaylistEntry *) g_ptr_array_index (entries, i + 1))->entry_id, ==, id);
    }
  g_assert_cmpstr (((FanfarePlaylistEntry *) g_ptr_array_index (entries, 121))->entry_id, ==, "tail");

  fanfare_test_store_tear_down (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/playlist-store/migrates-playlist-tracks", test_migrates_playlist_tracks);
  g_test_add_func ("/server/playlist-store/positions-make-room", test_positions_make_room);

  return g_test_run ();
}
