/* fanfare-test-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "fanfare-account-store.h"
#include "fanfare-credentials.h"
#include "fanfare-test-store.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

void
fanfare_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          fanfare_test_remove_tree (child);
        else
          g_unlink (child);
      }

  g_rmdir (path);
}

void
fanfare_test_store_set_up (FanfareTestStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *media_path = NULL;

  store->directory = g_dir_make_tmp ("fanfare-store-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (store->directory, "fanfare.db", NULL);
  media_path = g_build_filename (store->directory, "media", NULL);

  store->db = fanfare_database_open (db_path, &error);
  g_assert_no_error (error);
  store->media = fanfare_media_store_new (store->db, media_path, &error);
  g_assert_no_error (error);
}

void
fanfare_test_store_tear_down (FanfareTestStore *store)
{
  g_assert_finalize_object (g_steal_pointer (&store->media));
  fanfare_database_close (store->db);
  g_assert_finalize_object (g_steal_pointer (&store->db));
  fanfare_test_remove_tree (store->directory);
  g_clear_pointer (&store->directory, g_free);
}

/**
 * fanfare_test_store_close:
 *
 * Closes the store but keeps its folder, for a server to serve.
 *
 * Returns: (transfer full): the folder
 */
char *
fanfare_test_store_close (FanfareTestStore *store)
{
  g_assert_finalize_object (g_steal_pointer (&store->media));
  fanfare_database_close (store->db);
  g_assert_finalize_object (g_steal_pointer (&store->db));

  return g_steal_pointer (&store->directory);
}

/* Adds a user who can sign in with @password; returns their user id. */
gint64
fanfare_test_store_add_account (FanfareTestStore *store,
                                const char       *username,
                                const char       *password,
                                FanfareUserRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autofree char *hash = NULL;

  g_assert_true (fanfare_credentials_init (&error));
  hash = fanfare_credentials_hash_password (password, &error);
  g_assert_no_error (error);
  user = fanfare_account_store_create_user (store->db, username, username, NULL, hash, role, &error);
  g_assert_no_error (error);

  return g_ascii_strtoll (fanfare_user_get_id (user), NULL, 10);
}

/* Adds an album of one track whose media is @content. */
gint64
fanfare_test_store_add_track (FanfareTestStore *store,
                              gint64            artist_id,
                              const char       *title,
                              GBytes           *content,
                              gboolean          published,
                              gint64           *album_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = fanfare_media_store_add_bytes (store->media, content, "audio/ogg", &error);
  g_autoptr(GPtrArray) tracks = NULL;
  FanfareViewer admin = { .admin = TRUE };
  FanfareTrackDraft track = { .title = title, .duration_ms = 1000, .media_hash = hash };
  FanfareAlbumDraft album = { .artist_id = artist_id, .title = title, .published = published };
  gint64 id;

  g_assert_no_error (error);
  id = fanfare_catalog_store_add_album (store->db, &album, &track, 1, &error);
  g_assert_no_error (error);
  if (album_id != NULL)
    *album_id = id;

  tracks = fanfare_catalog_store_list_album_tracks (store->db, &admin, id, &error);
  g_assert_no_error (error);

  return g_ascii_strtoll (fanfare_track_get_id (g_ptr_array_index (tracks, 0)), NULL, 10);
}

/* Adds a user with an unusable password hash; returns their id, or their
 * artist profile's id for an artist. */
gint64
fanfare_test_store_add_user (FanfareTestStore *store,
                             const char       *username,
                             const char       *display_name,
                             FanfareUserRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUser) user = NULL;
  gint64 user_id;

  user = fanfare_account_store_create_user (store->db, username, display_name, NULL, "!", role, &error);
  g_assert_no_error (error);
  user_id = g_ascii_strtoll (fanfare_user_get_id (user), NULL, 10);

  if (role != FANFARE_USER_ROLE_ARTIST)
    return user_id;

  return g_ascii_strtoll (fanfare_user_get_artist_id (user), NULL, 10);
}

char *
fanfare_test_store_add_media (FanfareTestStore *store,
                              const char       *content,
                              gsize             length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (content, length);
  g_autoptr(GError) error = NULL;
  char *hash;

  hash = fanfare_media_store_add_bytes (store->media, bytes, "audio/ogg", &error);
  g_assert_no_error (error);

  return hash;
}

gint64
fanfare_test_store_add_album (FanfareTestStore   *store,
                              gint64              artist_id,
                              const char         *title,
                              const char         *release_date,
                              const char * const *track_titles,
                              gboolean            published)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tracks = g_array_new (FALSE, TRUE, sizeof (FanfareTrackDraft));
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  FanfareAlbumDraft album = {
    .artist_id = artist_id,
    .title = title,
    .genre = "Pop",
    .release_date = release_date,
    .published = published,
  };
  gint64 album_id;

  for (guint i = 0; track_titles[i] != NULL; i++)
    {
      g_autofree char *content = g_strdup_printf ("%s/%s/%u", title, track_titles[i], i);
      FanfareTrackDraft track = {
        .title = track_titles[i],
        .kind = FANFARE_TRACK_KIND_SONG,
        .track_number = i + 1,
        .duration_ms = 180000 + i * 1000,
        .replaygain_gain = -4.5,
        .replaygain_peak = 0.9,
      };

      track.media_hash = fanfare_test_store_add_media (store, content, strlen (content));
      g_ptr_array_add (hashes, (char *) track.media_hash);
      g_array_append_val (tracks, track);
    }

  album_id = fanfare_catalog_store_add_album (store->db, &album, (FanfareTrackDraft *) tracks->data,
                                              tracks->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (album_id, >, 0);

  return album_id;
}

/* An album with a song (200 s), an audiobook (an hour, two chapters) and a
 * DJ mix (30 minutes), published. */
void
fanfare_test_store_add_long_items (FanfareTestStore *store,
                                   gint64            artist_id,
                                   gint64           *song,
                                   gint64           *book,
                                   gint64           *mix)
{
  static const FanfareChapterDraft chapters[] = {
    { 0, "Chapter One", NULL }, { 600000, "Chapter Two", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *h1 = fanfare_test_store_add_media (store, "song", 4);
  g_autofree char *h2 = fanfare_test_store_add_media (store, "book", 4);
  g_autofree char *h3 = fanfare_test_store_add_media (store, "mix", 3);
  FanfareAlbumDraft album = { artist_id, "Long Things", "Spoken", "2026-01-01", NULL, TRUE };
  FanfareTrackDraft tracks[3] = {
    { "A Song", FANFARE_TRACK_KIND_SONG, 1, 1, NULL, 200000, 0, 0, h1, NULL, NULL, NULL, 0 },
    { "A Book", FANFARE_TRACK_KIND_AUDIOBOOK, 1, 2, NULL, 3600000, 0, 0, h2, NULL, NULL, chapters, 2 },
    { "A Mix", FANFARE_TRACK_KIND_DJ_MIX, 1, 3, NULL, 1800000, 0, 0, h3, NULL, NULL, NULL, 0 },
  };
  gint64 album_id;

  album_id = fanfare_catalog_store_add_album (store->db, &album, tracks, 3, &error);
  g_assert_no_error (error);
  ids = fanfare_catalog_store_list_album_track_ids (store->db, album_id, &error);
  g_assert_no_error (error);
  *song = g_array_index (ids, gint64, 0);
  *book = g_array_index (ids, gint64, 1);
  *mix = g_array_index (ids, gint64, 2);
}

/* Runs @description to its end, its element "sink" writing to @path. */
void
fanfare_test_write_with_pipeline (const char *description,
                                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", path, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_true (message != NULL && GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

/* Writes @seconds of a 500 Hz tone at 16 kHz, mono, as WAV. */
void
fanfare_test_write_tone_wav (const char *path,
                             guint       seconds)
{
  g_autofree char *description = g_strdup_printf ("audiotestsrc num-buffers=%u samplesperbuffer=1600 freq=500"
                                                  " ! audio/x-raw,rate=16000,channels=1 ! wavenc"
                                                  " ! filesink name=sink", seconds * 10);

  fanfare_test_write_with_pipeline (description, path);
}
