/* test-playlist-formats.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* XSPF and M3U8 written and read back, and read as other players write
 * them. */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-playlist-formats.h"

static FanfarePlaylistFile *
sample (void)
{
  FanfarePlaylistFile *file = fanfare_playlist_file_new ("Rock & <Roll> “夜”");
  FanfarePlaylistItem *item = fanfare_playlist_file_add (file);

  item->track_id = 42;
  item->location = g_strdup ("https://music.example/api/v1/tracks/42/stream");
  item->title = g_strdup ("Zoë & the \"Band\"");
  item->artist = g_strdup ("周雨桐");
  item->album = g_strdup ("Live <1999>");
  item->duration_ms = 215000;

  item = fanfare_playlist_file_add (file);
  item->title = g_strdup ("Demo take 3");
  item->artist = g_strdup ("Me");

  return file;
}

static void
test_round_trip (gconstpointer  data)
{
  FanfarePlaylistFormat format = GPOINTER_TO_INT (data);
  g_autoptr(FanfarePlaylistFile) file = sample ();
  g_autoptr(FanfarePlaylistFile) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fanfare_playlist_file_write (file, format);
  const FanfarePlaylistItem *first, *second;

  read = fanfare_playlist_file_parse (format, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->title, ==, file->title);
  g_assert_cmpuint (read->items->len, ==, 2);

  first = g_ptr_array_index (read->items, 0);
  g_assert_cmpint (first->track_id, ==, 42);
  g_assert_cmpstr (first->title, ==, "Zoë & the \"Band\"");
  g_assert_cmpstr (first->artist, ==, "周雨桐");
  g_assert_cmpstr (first->album, ==, "Live <1999>");
  g_assert_cmpint (first->duration_ms, ==, 215000);

  second = g_ptr_array_index (read->items, 1);
  g_assert_cmpint (second->track_id, ==, 0);
  g_assert_cmpstr (second->title, ==, "Demo take 3");
  g_assert_cmpstr (second->artist, ==, "Me");
}

static void
test_other_players (void)
{
  const char *m3u = "C:\\Music\\Song One.mp3\r\n#EXTINF:61,Solo Title\r\nhttp://radio.example/live\r\n";
  const char *xspf = "<?xml version=\"1.0\"?><x:playlist xmlns:x=\"http://xspf.org/ns/0/\"><x:trackList>"
                     "<x:track><x:identifier>fanfare:track:7</x:identifier><x:title>Seven</x:title></x:track>"
                     "</x:trackList></x:playlist>";
  g_autoptr(FanfarePlaylistFile) from_m3u = NULL;
  g_autoptr(FanfarePlaylistFile) from_xspf = NULL;
  g_autoptr(FanfarePlaylistFile) nothing = NULL;
  g_autoptr(GError) error = NULL;
  const FanfarePlaylistItem *item;

  from_m3u = fanfare_playlist_file_parse (FANFARE_PLAYLIST_FORMAT_M3U8, m3u, strlen (m3u), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_m3u->items->len, ==, 2);
  item = g_ptr_array_index (from_m3u->items, 1);
  g_assert_cmpstr (item->title, ==, "Solo Title");
  g_assert_null (item->artist);
  g_assert_cmpint (item->duration_ms, ==, 61000);

  from_xspf = fanfare_playlist_file_parse (FANFARE_PLAYLIST_FORMAT_XSPF, xspf, strlen (xspf), &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (from_xspf->items, 0);
  g_assert_cmpint (item->track_id, ==, 7);
  g_assert_cmpstr (item->title, ==, "Seven");

  nothing = fanfare_playlist_file_parse (FANFARE_PLAYLIST_FORMAT_M3U8, "\xff\xfe", 2, &error);
  g_assert_null (nothing);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/server/playlist-formats/xspf-round-trip", GINT_TO_POINTER (FANFARE_PLAYLIST_FORMAT_XSPF),
                        test_round_trip);
  g_test_add_data_func ("/server/playlist-formats/m3u8-round-trip", GINT_TO_POINTER (FANFARE_PLAYLIST_FORMAT_M3U8),
                        test_round_trip);
  g_test_add_func ("/server/playlist-formats/other-players", test_other_players);

  return g_test_run ();
}
