/* test-catalog-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-catalog-store.h"
#include "fanfare-chapter.h"
#include "fanfare-error.h"
#include "fanfare-test-store.h"
#include "fanfare-track.h"

static gint64
id_of (const char *id)
{
  return g_ascii_strtoll (id, NULL, 10);
}

static void
test_album_with_tracks (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(FanfareArtist) artist = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  const char *titles[] = { "晴天", "Zoë's Song", "Outro", NULL };
  FanfareTrack *track;
  gint64 artist_id, album_id;

  fanfare_test_store_set_up (&store);
  artist_id = fanfare_test_store_add_user (&store, "zhou", "周雨桐", FANFARE_USER_ROLE_ARTIST);
  album_id = fanfare_test_store_add_album (&store, artist_id, "夏天的风", "2025-07-01", titles, TRUE);

  album = fanfare_catalog_store_get_album (store.db, NULL, album_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_album_get_title (album), ==, "夏天的风");
  g_assert_cmpstr (fanfare_album_get_artist (album), ==, "周雨桐");
  g_assert_cmpstr (fanfare_album_get_release_date (album), ==, "2025-07-01");
  g_assert_cmpuint (fanfare_album_get_year (album), ==, 2025);
  g_assert_cmpuint (fanfare_album_get_track_count (album), ==, 3);
  g_assert_cmpint (fanfare_album_get_duration (album), ==, (180 + 181 + 182) * G_TIME_SPAN_SECOND);

  tracks = fanfare_catalog_store_list_album_tracks (store.db, NULL, album_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 3);
  track = g_ptr_array_index (tracks, 1);
  g_assert_cmpstr (fanfare_track_get_title (track), ==, "Zoë's Song");
  g_assert_cmpuint (fanfare_track_get_track_number (track), ==, 2);
  g_assert_cmpstr (fanfare_track_get_artist (track), ==, "周雨桐");
  g_assert_cmpfloat (fanfare_track_get_replaygain_track_gain (track), ==, -4.5);
  g_assert_true (g_str_has_prefix (fanfare_track_get_uri (track), "/api/v1/tracks/"));
  g_assert_true (g_str_has_suffix (fanfare_track_get_uri (track), "/stream"));

  artist = fanfare_catalog_store_get_artist (store.db, artist_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_artist_get_username (artist), ==, "zhou");
  g_assert_cmpuint (fanfare_artist_get_album_count (artist), ==, 1);

  fanfare_test_store_tear_down (&store);
}

static void
test_unpublished_is_hidden (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GPtrArray) albums = NULL;
  g_autofree char *media = NULL;
  const char *titles[] = { "Demo", NULL };
  FanfareViewer stranger = { 0 };
  FanfareViewer owner = { 0 };
  FanfareViewer admin = { .admin = TRUE };
  FanfareListPosition last = { 0 };
  gint64 artist_id, album_id, track_id;

  fanfare_test_store_set_up (&store);
  artist_id = fanfare_test_store_add_user (&store, "wang", "Wang", FANFARE_USER_ROLE_ARTIST);
  owner.user_id = 1;
  stranger.user_id = fanfare_test_store_add_user (&store, "guest", "Guest", FANFARE_USER_ROLE_LISTENER);
  album_id = fanfare_test_store_add_album (&store, artist_id, "Draft", "2026-01-01", titles, FALSE);

  album = fanfare_catalog_store_get_album (store.db, &stranger, album_id, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_assert_null (album);
  g_clear_error (&error);

  albums = fanfare_catalog_store_list_albums (store.db, NULL, 50, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (albums->len, ==, 0);

  album = fanfare_catalog_store_get_album (store.db, &owner, album_id, &error);
  g_assert_no_error (error);
  g_clear_object (&album);
  album = fanfare_catalog_store_get_album (store.db, &admin, album_id, &error);
  g_assert_no_error (error);

  /* Its track cannot be played by others either. */
  g_clear_pointer (&albums, g_ptr_array_unref);
  albums = fanfare_catalog_store_list_album_tracks (store.db, &owner, album_id, &error);
  g_assert_no_error (error);
  track_id = id_of (fanfare_track_get_id (g_ptr_array_index (albums, 0)));
  media = fanfare_catalog_store_get_track_media (store.db, &stranger, track_id, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  media = fanfare_catalog_store_get_track_media (store.db, &owner, track_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (media);

  g_assert_true (fanfare_catalog_store_set_album_published (store.db, album_id, TRUE, &error));
  g_clear_object (&album);
  album = fanfare_catalog_store_get_album (store.db, &stranger, album_id, &error);
  g_assert_no_error (error);

  fanfare_test_store_tear_down (&store);
}

static void
test_pages_of_albums (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FanfareListPosition position = { 0 };
  const char *titles[] = { "One", NULL };
  g_autofree char *previous_date = g_strdup ("9999");
  gint64 artist_id;
  guint pages = 0;

  fanfare_test_store_set_up (&store);
  artist_id = fanfare_test_store_add_user (&store, "li", "Li", FANFARE_USER_ROLE_ARTIST);

  /* Some albums share a release date: the id breaks the tie. */
  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *title = g_strdup_printf ("Album %u", i);
      g_autofree char *date = g_strdup_printf ("2024-0%u-01", 1 + i / 2);

      fanfare_test_store_add_album (&store, artist_id, title, date, titles, TRUE);
    }

  do
    {
      g_autoptr(GPtrArray) albums = NULL;
      FanfareListPosition after = { position.key, position.id };

      position.key = NULL;
      albums = fanfare_catalog_store_list_albums (store.db, pages > 0 ? &after : NULL, 4, &position, &error);
      g_free (after.key);
      g_assert_no_error (error);
      g_assert_cmpuint (albums->len, <=, 4);
      pages++;

      for (guint i = 0; i < albums->len; i++)
        {
          FanfareAlbum *album = g_ptr_array_index (albums, i);

          g_assert_cmpstr (fanfare_album_get_release_date (album), <=, previous_date);
          g_free (previous_date);
          previous_date = g_strdup (fanfare_album_get_release_date (album));
          g_assert_true (g_hash_table_add (seen, g_strdup (fanfare_album_get_id (album))));
        }
    }
  while (position.key != NULL);

  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 11);

  fanfare_test_store_tear_down (&store);
}

static void
test_chapters (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  g_autofree char *media = NULL;
  const FanfareChapterDraft drafts[] = {
    { 0, "第一章 出发", NULL },
    { 95000, "第二章 山路", NULL },
  };
  FanfareTrackDraft track = {
    .title = "远行", .kind = FANFARE_TRACK_KIND_AUDIOBOOK, .duration_ms = 200000,
    .chapters = drafts, .n_chapters = G_N_ELEMENTS (drafts),
  };
  FanfareAlbumDraft album = { .title = "远行 (有声书)", .published = TRUE };
  gint64 album_id;

  fanfare_test_store_set_up (&store);
  album.artist_id = fanfare_test_store_add_user (&store, "reader", "Reader", FANFARE_USER_ROLE_ARTIST);
  media = fanfare_test_store_add_media (&store, "book", 4);
  track.media_hash = media;
  album_id = fanfare_catalog_store_add_album (store.db, &album, &track, 1, &error);
  g_assert_no_error (error);

  tracks = fanfare_catalog_store_list_album_tracks (store.db, NULL, album_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fanfare_track_get_kind (g_ptr_array_index (tracks, 0)), ==, FANFARE_TRACK_KIND_AUDIOBOOK);

  chapters = fanfare_catalog_store_list_chapters (store.db, id_of (fanfare_track_get_id (g_ptr_array_index (tracks, 0))),
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chapters->len, ==, 2);
  g_assert_cmpstr (fanfare_chapter_get_title (g_ptr_array_index (chapters, 1)), ==, "第二章 山路");
  g_assert_cmpint (fanfare_chapter_get_start (g_ptr_array_index (chapters, 1)), ==, 95 * G_TIME_SPAN_SECOND);

  fanfare_test_store_tear_down (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/catalog-store/album-with-tracks", test_album_with_tracks);
  g_test_add_func ("/server/catalog-store/unpublished-is-hidden", test_unpublished_is_hidden);
  g_test_add_func ("/server/catalog-store/pages-of-albums", test_pages_of_albums);
  g_test_add_func ("/server/catalog-store/chapters", test_chapters);

  return g_test_run ();
}
