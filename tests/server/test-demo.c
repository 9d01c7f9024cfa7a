/* test-demo.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* seed-demo, in its small form: the same platform every time, music that
 * differs from track to track and plays, names in Chinese and with
 * accents, and people who follow, curate and listen. */

#include "config.h"

#include <gst/gst.h>
#include <sqlite3.h>
#include <string.h>

#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define NOW "1780000000"

/* Every row a query returns, as text, one row a line. */
static char *
dump (const char *data_dir,
      const char *sql)
{
  g_autofree char *path = g_build_filename (data_dir, "fanfare.db", NULL);
  GString *text = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return g_string_free (text, FALSE);
}

static gint64
count (const char *data_dir,
       const char *sql)
{
  g_autofree char *text = dump (data_dir, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static const char * const contents[] = {
  "SELECT username, display_name, role, verified, bio FROM users ORDER BY id",
  "SELECT name, bio FROM artists ORDER BY id",
  "SELECT artist_id, title, genre, release_date, cover_id, track_count, duration_ms FROM albums ORDER BY id",
  "SELECT album_id, title, kind, track_number, duration_ms, media_hash FROM tracks ORDER BY id",
  "SELECT * FROM chapters ORDER BY track_id, position",
  "SELECT owner_id, title, visibility FROM playlists ORDER BY id",
  "SELECT playlist_id, position, track_id FROM playlist_entries ORDER BY playlist_id, position",
  "SELECT follower_id, followee_id FROM follows ORDER BY 1, 2",
  "SELECT user_id, track_id, played_at FROM plays ORDER BY id",
  "SELECT user_id, day, tracks, reasons FROM daily_picks ORDER BY 1",
  "SELECT track_id, neighbours FROM track_neighbours ORDER BY 1",
  "SELECT rank, track_id, listeners FROM popular_tracks ORDER BY 1",
};

static char *
seed (void)
{
  char *data_dir = fanfare_test_make_data_dir ();
  const char *args[] = { "seed-demo", "--small", "--now", NOW, "--data-dir", data_dir, NULL };
  g_autofree char *output = NULL;

  g_assert_cmpint (fanfare_test_run_command (args, NULL, &output), ==, 0);
  g_assert_true (g_str_has_prefix (output, "Seeded 36 artists"));

  return data_dir;
}

/* Decodes a media file with GStreamer; returns its duration in ms. */
static gint64
decode (const char *path)
{
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! decodebin ! audioconvert"
                                                  " ! fakesink sync=false", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = NULL;
  gint64 position = 0;

  g_assert_no_error (error);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  g_assert_true (gst_element_query_position (pipeline, GST_FORMAT_TIME, &position));
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return position / GST_MSECOND;
}

static void
test_deterministic (void)
{
  g_autofree char *first = seed ();
  g_autofree char *second = seed ();
  const char *again[] = { "seed-demo", "--small", "--data-dir", first, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *a = dump (first, contents[i]);
      g_autofree char *b = dump (second, contents[i]);

      g_assert_cmpuint (strlen (a), >, 0);
      g_assert_cmpstr (a, ==, b);
    }

  /* A platform with people on it is not seeded over. */
  g_assert_cmpint (fanfare_test_run_command (again, NULL, NULL), ==, 1);

  fanfare_test_note_database_secrets (first);
  fanfare_test_note_database_secrets (second);
  fanfare_test_remove_tree (first);
  fanfare_test_remove_tree (second);
}

static void
test_living_platform (void)
{
  g_autofree char *data_dir = seed ();
  g_autofree char *hash = NULL;
  g_autofree char *media = NULL;
  g_autofree char *token = NULL;
  g_autoptr(FanfareTestResponse) search = NULL;
  g_autoptr(FanfareTestResponse) stream = NULL;
  g_autoptr(FanfareTestResponse) featured = NULL;
  FanfareTestServer *server;
  gint64 duration_ms;

  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM users WHERE display_name GLOB '*[一-龥]*'"), >=, 10);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM artists WHERE name LIKE '%ë%'"), >=, 1);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM users WHERE verified = 1 AND role = 'artist'"), >=, 5);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM users WHERE verified = 1 AND role = 'listener'"), ==, 6);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM follows"), >=, 20);
  g_assert_cmpint (count (data_dir, "SELECT count(DISTINCT user_id) FROM plays"), ==, 6);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM playlists WHERE visibility = 'public'"), >=, 6);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM users WHERE avatar_id IS NOT NULL"), >=, 36);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM albums WHERE cover_id IS NULL"), ==, 0);
  g_assert_cmpint (count (data_dir, "SELECT count(DISTINCT user_id) FROM daily_picks"), ==, 6);

  /* Every track is music of its own: no two files are the same. */
  g_assert_cmpint (count (data_dir, "SELECT count(DISTINCT media_hash) FROM tracks"), ==,
                   count (data_dir, "SELECT count(*) FROM tracks"));
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM tracks WHERE kind = 'audiobook'"), ==, 1);
  g_assert_cmpint (count (data_dir, "SELECT count(*) FROM chapters c JOIN tracks t ON t.id = c.track_id"
                          " WHERE t.kind = 'dj_mix' AND c.artist IS NOT NULL"), ==, 2);

  /* The audio plays, as long as the catalog says. */
  hash = dump (data_dir, "SELECT media_hash FROM tracks ORDER BY id LIMIT 1");
  *strchr (hash, '|') = '\0';
  {
    char prefix[3] = { hash[0], hash[1], '\0' };

    media = g_build_filename (data_dir, "media", prefix, hash, NULL);
  }
  duration_ms = count (data_dir, "SELECT duration_ms FROM tracks ORDER BY id LIMIT 1");
  g_assert_cmpint (ABS (decode (media) - duration_ms), <, 100);

  /* The demo account signs in and finds music by a Chinese name. */
  server = fanfare_test_server_start (data_dir, NULL);
  token = fanfare_test_log_in (server, "demo", "fanfare-demo");
  search = fanfare_test_request (server, "GET", "/api/v1/search?q=%E9%9B%A8%E6%A1%90&type=artist", token, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (search, "items")), ==, 1);
  stream = fanfare_test_request (server, "GET", "/api/v1/tracks/1/stream", token, NULL);
  g_assert_cmpuint (stream->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (stream->body), >, 10000);

  /* The influencers' playlists are featured. */
  featured = fanfare_test_request (server, "GET", "/api/v1/featured/playlists", NULL, NULL);
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (featured, "items")), >=, 3);
  fanfare_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  fanfare_test_note_secret ("fanfare-demo");
  g_test_add_func ("/server/demo/deterministic", test_deterministic);
  g_test_add_func ("/server/demo/living-platform", test_living_platform);

  status = g_test_run ();
  gst_deinit ();

  return status;
}
