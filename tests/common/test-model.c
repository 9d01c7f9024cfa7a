/* test-model.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-chapter.h"
#include "fanfare-common-enums.h"
#include "fanfare-error.h"
#include "fanfare-genre.h"
#include "fanfare-json.h"
#include "fanfare-playlist.h"
#include "fanfare-session.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

static FanfareTrack *
track_from_text (const char *text,
                 GError    **error)
{
  g_autoptr(JsonObject) json = fanfare_json_parse_object (text, -1, error);

  if (json == NULL)
    return NULL;

  return fanfare_track_new_from_json (json, error);
}

static void
test_track_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(FanfareTrack) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  const char * const *artists;

  track = track_from_text ("{\"id\": \"t42\", \"kind\": \"dj_mix\", \"source\": \"platform\","
                           " \"title\": \"夜空中最亮的星\", \"artists\": [\"逃跑计划\", \"Guest\"],"
                           " \"track_number\": 3, \"duration_ms\": 252500, \"genre\": null,"
                           " \"uri\": \"https://example.org/api/v1/tracks/t42/stream\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_track_get_id (track), ==, "t42");
  g_assert_cmpint (fanfare_track_get_kind (track), ==, FANFARE_TRACK_KIND_DJ_MIX);
  g_assert_cmpint (fanfare_track_get_source (track), ==, FANFARE_SOURCE_PLATFORM);
  g_assert_cmpstr (fanfare_track_get_title (track), ==, "夜空中最亮的星");
  g_assert_cmpuint (fanfare_track_get_track_number (track), ==, 3);
  g_assert_cmpint (fanfare_track_get_duration (track), ==, 252500 * G_TIME_SPAN_MILLISECOND);
  g_assert_null (fanfare_track_get_genre (track));
  artists = fanfare_track_get_artists (track);
  g_assert_cmpuint (g_strv_length ((char **) artists), ==, 2);
  g_assert_cmpstr (artists[0], ==, "逃跑计划");

  node = fanfare_track_to_json (track);
  text = fanfare_json_to_string (node);
  again = track_from_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_track_get_title (again), ==, fanfare_track_get_title (track));
  g_assert_cmpint (fanfare_track_get_kind (again), ==, FANFARE_TRACK_KIND_DJ_MIX);
  g_assert_cmpint (fanfare_track_get_duration (again), ==, fanfare_track_get_duration (track));
  g_assert_cmpstr (fanfare_track_get_uri (again), ==, fanfare_track_get_uri (track));
  g_assert_true (g_strv_equal (fanfare_track_get_artists (again), artists));
  g_assert_nonnull (strstr (text, "\"kind\":\"dj_mix\""));

  g_assert_finalize_object (g_steal_pointer (&track));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_track_rejects_bad_fields (void)
{
  static const struct {
    const char *json;
    const char *field;
  } cases[] = {
    { "{\"title\": \"No id\"}", "id" },
    { "{\"id\": \"1\"}", "title" },
    { "{\"id\": 1, \"title\": \"x\"}", "id" },
    { "{\"id\": \"1\", \"title\": [\"x\"]}", "title" },
    { "{\"id\": \"1\", \"title\": \"x\", \"track_number\": -1}", "track_number" },
    { "{\"id\": \"1\", \"title\": \"x\", \"track_number\": \"3\"}", "track_number" },
    { "{\"id\": \"1\", \"title\": \"x\", \"track_number\": 99999999999}", "track_number" },
    { "{\"id\": \"1\", \"title\": \"x\", \"duration_ms\": 1.5}", "duration_ms" },
    { "{\"id\": \"1\", \"title\": \"x\", \"kind\": \"podcast\"}", "kind" },
    { "{\"id\": \"1\", \"title\": \"x\", \"artists\": [\"a\", 2]}", "artists" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FanfareTrack) track = track_from_text (cases[i].json, &error);

      g_assert_null (track);
      g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
      /* The message names the field, so a client knows what to fix. */
      g_assert_nonnull (strstr (error->message, cases[i].field));
    }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_track_notifies_changes_only (void)
{
  g_autoptr(FanfareTrack) track = g_object_new (FANFARE_TYPE_TRACK, NULL);
  guint count = 0;

  g_signal_connect (track, "notify::title", G_CALLBACK (notify_cb), &count);
  g_object_set (track, "title", "Intro", NULL);
  g_object_set (track, "title", "Intro", NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (track, "title", NULL, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&track));
}

static void
test_album_and_artist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) album_json = NULL;
  g_autoptr(JsonObject) artist_json = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(FanfareArtist) artist = NULL;

  album_json = fanfare_json_parse_object ("{\"id\": \"a1\", \"title\": \"海阔天空\", \"year\": 1993,"
                                          " \"track_count\": 10, \"source\": \"platform\"}", -1, &error);
  g_assert_no_error (error);
  album = fanfare_album_new_from_json (album_json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_album_get_title (album), ==, "海阔天空");
  g_assert_cmpuint (fanfare_album_get_year (album), ==, 1993);
  g_assert_cmpuint (fanfare_album_get_track_count (album), ==, 10);

  artist_json = fanfare_json_parse_object ("{\"id\": \"r1\", \"name\": \"Beyond\", \"verified\": true}",
                                           -1, &error);
  g_assert_no_error (error);
  artist = fanfare_artist_new_from_json (artist_json, &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_artist_get_verified (artist));

  json_object_set_string_member (artist_json, "verified", "yes");
  g_clear_object (&artist);
  artist = fanfare_artist_new_from_json (artist_json, &error);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
  g_assert_null (artist);
}

static void
test_user_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(FanfareUser) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  GDateTime *created_at;

  json = fanfare_json_parse_object ("{\"id\": \"7\", \"username\": \"lin\", \"display_name\": \"林夕\","
                                    " \"role\": \"artist\", \"verified\": true, \"follower_count\": 12,"
                                    " \"created_at\": \"2026-03-01T08:30:00+08:00\"}", -1, &error);
  g_assert_no_error (error);
  user = fanfare_user_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_user_get_display_name (user), ==, "林夕");
  g_assert_cmpint (fanfare_user_get_role (user), ==, FANFARE_USER_ROLE_ARTIST);
  g_assert_true (fanfare_user_get_verified (user));
  g_assert_cmpuint (fanfare_user_get_follower_count (user), ==, 12);
  created_at = fanfare_user_get_created_at (user);
  g_assert_nonnull (created_at);
  g_assert_cmpint (g_date_time_to_unix (created_at), ==, 1772325000);

  /* Times go out in UTC, whatever zone they came in with. */
  node = fanfare_user_to_json (user);
  text = fanfare_json_to_string (node);
  g_assert_nonnull (strstr (text, "\"created_at\":\"2026-03-01T00:30:00Z\""));
  g_assert_nonnull (strstr (text, "\"role\":\"artist\""));
  g_clear_pointer (&json, json_object_unref);
  json = fanfare_json_parse_object (text, -1, &error);
  g_assert_no_error (error);
  again = fanfare_user_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (fanfare_user_get_created_at (again), created_at));

  g_assert_finalize_object (g_steal_pointer (&user));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_new_fields_reject_bad_values (void)
{
  static const struct {
    GType       type;
    const char *json;
    const char *field;
  } cases[] = {
    { 0, "{\"id\": \"1\", \"expires_at\": \"tomorrow\"}", "expires_at" },
    { 0, "{\"id\": \"1\", \"expires_at\": 1772325000}", "expires_at" },
    { 1, "{\"id\": \"1\", \"title\": \"x\", \"visibility\": \"secret\"}", "visibility" },
    { 2, "{\"id\": \"1\", \"title\": \"x\", \"replaygain_track_gain\": \"-3 dB\"}",
      "replaygain_track_gain" },
    { 3, "{\"title\": \"Chapter 1\", \"start_ms\": -5}", "start_ms" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) json = fanfare_json_parse_object (cases[i].json, -1, &error);
      g_autoptr(GObject) object = NULL;

      g_assert_no_error (error);
      if (cases[i].type == 0)
        object = G_OBJECT (fanfare_session_new_from_json (json, &error));
      else if (cases[i].type == 1)
        object = G_OBJECT (fanfare_playlist_new_from_json (json, &error));
      else if (cases[i].type == 2)
        object = G_OBJECT (fanfare_track_new_from_json (json, &error));
      else
        object = G_OBJECT (fanfare_chapter_new_from_json (json, &error));

      g_assert_null (object);
      g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].field));
    }
}

static void
test_playlist_chapter_and_gain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfareChapter) chapter = NULL;
  g_autoptr(FanfareTrack) track = NULL;

  json = fanfare_json_parse_object ("{\"id\": \"3\", \"title\": \"深夜电台\", \"visibility\": \"unlisted\","
                                    " \"duration_ms\": 61000, \"owner\": \"dj\"}", -1, &error);
  g_assert_no_error (error);
  playlist = fanfare_playlist_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fanfare_playlist_get_visibility (playlist), ==, FANFARE_PLAYLIST_VISIBILITY_UNLISTED);
  g_assert_cmpint (fanfare_playlist_get_duration (playlist), ==, 61 * G_TIME_SPAN_SECOND);

  g_clear_pointer (&json, json_object_unref);
  json = fanfare_json_parse_object ("{\"title\": \"第二章\", \"start_ms\": 90500}", -1, &error);
  g_assert_no_error (error);
  chapter = fanfare_chapter_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fanfare_chapter_get_start (chapter), ==, 90500 * G_TIME_SPAN_MILLISECOND);

  g_clear_pointer (&json, json_object_unref);
  json = fanfare_json_parse_object ("{\"id\": \"9\", \"title\": \"x\", \"replaygain_track_gain\": -6.5,"
                                    " \"replaygain_track_peak\": 1}", -1, &error);
  g_assert_no_error (error);
  track = fanfare_track_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fanfare_track_get_replaygain_track_gain (track), ==, -6.5);
  g_assert_cmpfloat (fanfare_track_get_replaygain_track_peak (track), ==, 1.0);
}

static void
test_genre (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(FanfareGenre) genre = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json = fanfare_json_parse_object ("{\"id\": \"7\", \"source\": \"local\", \"name\": \"爵士\","
                                    " \"track_count\": 12}", -1, &error);
  g_assert_no_error (error);
  genre = fanfare_genre_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_genre_get_id (genre), ==, "7");
  g_assert_cmpstr (fanfare_genre_get_name (genre), ==, "爵士");
  g_assert_cmpuint (fanfare_genre_get_track_count (genre), ==, 12);
  g_assert_cmpint (fanfare_genre_get_source (genre), ==, FANFARE_SOURCE_LOCAL);

  node = fanfare_genre_to_json (genre);
  text = fanfare_json_to_string (node);
  g_assert_nonnull (strstr (text, "\"track_count\":12"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/model/track-round-trip", test_track_round_trip);
  g_test_add_func ("/common/model/track-rejects-bad-fields", test_track_rejects_bad_fields);
  g_test_add_func ("/common/model/track-notifies-changes-only", test_track_notifies_changes_only);
  g_test_add_func ("/common/model/album-and-artist", test_album_and_artist);
  g_test_add_func ("/common/model/user-round-trip", test_user_round_trip);
  g_test_add_func ("/common/model/new-fields-reject-bad-values", test_new_fields_reject_bad_values);
  g_test_add_func ("/common/model/playlist-chapter-and-gain", test_playlist_chapter_and_gain);
  g_test_add_func ("/common/model/genre", test_genre);

  return g_test_run ();
}
