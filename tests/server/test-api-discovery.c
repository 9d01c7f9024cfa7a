/* test-api-discovery.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plays, history and charts; daily picks, the radio and featured
 * playlists, against the real server over a fixed history. */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "fanfare-account-store.h"
#include "fanfare-catalog-store.h"
#include "fanfare-playlist-store.h"
#include "fanfare-recommender.h"
#include "fanfare-social-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

#define N_ALBUMS 8
#define PER_ALBUM 6

typedef struct {
  FanfareTestServer *server;
  char              *data_dir;
  char              *mei;
} Fixture;

static void
play (FanfareTestStore *store,
      gint64            user,
      gint64            track,
      guint             times)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < times; i++)
    {
      gint64 at = now - 3600 * (i + 1);

      g_assert_true (fanfare_social_store_add_plays (store->db, user, &track, &at, 1, &error));
    }
}

/* Tracks run from 1 to 48, six to an album; the last album is new. mei
 * plays 1 and 2; five listeners play 1, 2, 3 and a spread of others, so
 * that 3 is mei's first pick; two play only 20, 21 and 22, so that 21 is
 * the nearest to 20; a looper plays 48 fifty times, two others 47 once. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *titles[] = { "One", "Two", "Three", "Four", "Five", "Six", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) recent = g_date_time_add_days (now, -3);
  g_autofree char *recent_date = g_date_time_format (recent, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  FanfareTestStore store;
  gint64 artist, mei, vinyl, plain, list;

  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_account (&store, "zhou", "zhou password 33", FANFARE_USER_ROLE_ARTIST);
  artist = fanfare_catalog_store_get_artist_for_user (store.db, artist, &error);
  g_assert_no_error (error);
  for (guint a = 0; a < N_ALBUMS; a++)
    {
      g_autofree char *title = g_strdup_printf ("Album %u", a + 1);

      fanfare_test_store_add_album (&store, artist, title, a + 1 == N_ALBUMS ? recent_date : "2020-01-01",
                                    titles, TRUE);
    }

  mei = fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  play (&store, mei, 1, 3);
  play (&store, mei, 2, 3);
  for (guint u = 0; u < 5; u++)
    {
      g_autofree char *name = g_strdup_printf ("fan%u", u);
      gint64 fan = fanfare_test_store_add_user (&store, name, name, FANFARE_USER_ROLE_LISTENER);

      play (&store, fan, 1, 1);
      play (&store, fan, 2, 1);
      play (&store, fan, 3, 2);
      for (guint t = 4; t <= 40; t++)
        if ((t + u) % 3 == 0)
          play (&store, fan, t == 20 || t == 21 || t == 22 ? 30 : t, 1);
      play (&store, fan, 43, 1);
    }
  for (guint u = 0; u < 2; u++)
    {
      g_autofree char *name = g_strdup_printf ("radio%u", u);
      gint64 fan = fanfare_test_store_add_user (&store, name, name, FANFARE_USER_ROLE_LISTENER);

      play (&store, fan, 20, 2);
      play (&store, fan, 21, 2);
      play (&store, fan, 22, 1);
      play (&store, fan, 47, 1);
    }
  play (&store, fanfare_test_store_add_user (&store, "looper", "Looper", FANFARE_USER_ROLE_LISTENER), 48, 50);

  vinyl = fanfare_test_store_add_user (&store, "vinyl", "Vinyl Vibes", FANFARE_USER_ROLE_LISTENER);
  plain = fanfare_test_store_add_user (&store, "plain", "Plain", FANFARE_USER_ROLE_LISTENER);
  g_assert_true (fanfare_account_store_set_verified (store.db, vinyl, TRUE, &error));
  {
    gint64 tracks[] = { 5, 6 };

    list = fanfare_playlist_store_create (store.db, vinyl, "Curated", NULL, FANFARE_PLAYLIST_VISIBILITY_PUBLIC,
                                          &error);
    g_assert_true (fanfare_playlist_store_add_tracks (store.db, list, tracks, 2, &error));
    list = fanfare_playlist_store_create (store.db, vinyl, "Drafts", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                          &error);
    g_assert_true (fanfare_playlist_store_add_tracks (store.db, list, tracks, 2, &error));
    list = fanfare_playlist_store_create (store.db, plain, "Mine", NULL, FANFARE_PLAYLIST_VISIBILITY_PUBLIC,
                                          &error);
    g_assert_true (fanfare_playlist_store_add_tracks (store.db, list, tracks, 2, &error));
  }
  g_assert_no_error (error);

  /* The day's run, as the server's job would make it. */
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);

    g_assert_true (fanfare_recommender_run (store.db, day, NULL, &error));
    g_assert_no_error (error);
  }

  fixture->data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (fixture->data_dir, NULL);
  fanfare_test_note_secret ("mei password 22");
  fixture->mei = fanfare_test_log_in (fixture->server, "mei", "mei password 22");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->data_dir);
  g_free (fixture->mei);
}

static const char *
item_track_id (JsonArray  *items,
               guint       index,
               const char *member)
{
  JsonObject *item = json_array_get_object_element (items, index);

  return json_object_get_string_member (json_object_get_object_member (item, member), "id");
}

static void
test_plays (Fixture       *fixture,
            gconstpointer  data)
{
  const char *batch = "{\"plays\": ["
                      "{\"id\": \"q-1\", \"track_id\": \"9\", \"played_at\": \"2026-01-01T08:00:00Z\", \"ms_played\": 31000},"
                      "{\"id\": \"q-2\", \"track_id\": \"10\", \"played_at\": \"2026-01-01T09:00:00Z\", \"ms_played\": 95000},"
                      "{\"id\": \"q-3\", \"track_id\": \"11\", \"played_at\": \"2026-01-01T10:00:00Z\", \"ms_played\": 9000}"
                      "]}";
  g_autoptr(FanfareTestResponse) first = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autoptr(FanfareTestResponse) history = NULL;
  g_autoptr(FanfareTestResponse) older = NULL;
  g_autoptr(FanfareTestResponse) bad = NULL;
  g_autofree char *older_path = NULL;
  JsonArray *items;

  first = fanfare_test_request (fixture->server, "POST", "/api/v1/plays", fixture->mei, batch);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (first, "recorded"), ==, 2);
  g_assert_cmpint (fanfare_test_response_get_int (first, "ignored"), ==, 1);

  /* The queue sent again counts nothing twice. */
  again = fanfare_test_request (fixture->server, "POST", "/api/v1/plays", fixture->mei, batch);
  g_assert_cmpint (fanfare_test_response_get_int (again, "recorded"), ==, 0);
  g_assert_cmpint (fanfare_test_response_get_int (again, "duplicates"), ==, 2);

  bad = fanfare_test_request (fixture->server, "POST", "/api/v1/plays", fixture->mei,
                              "{\"plays\": [{\"id\": \"q-9\", \"track_id\": \"9\", \"played_at\": \"soon\","
                              " \"ms_played\": 31000}]}");
  fanfare_test_assert_error (bad, 400, "invalid", "played_at");

  /* mei's six earlier plays, then these two, the latest first. */
  history = fanfare_test_request (fixture->server, "GET", "/api/v1/me/history?limit=7", fixture->mei, NULL);
  g_assert_cmpuint (history->status, ==, 200);
  items = fanfare_test_response_get_array (history, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 7);
  g_assert_cmpstr (item_track_id (items, 0, "track"), !=, "10");
  older_path = g_strdup_printf ("/api/v1/me/history?limit=7&cursor=%s",
                                fanfare_test_response_get_string (history, "next_cursor"));
  older = fanfare_test_request (fixture->server, "GET", older_path, fixture->mei, NULL);
  items = fanfare_test_response_get_array (older, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (item_track_id (items, 0, "track"), ==, "9");
  g_assert_null (fanfare_test_response_get_string (older, "next_cursor"));
}

/* A play claimed to last longer than a day is none: it would stand in
 * the listener's history as it came. */
static void
test_absurd_plays (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *batch = "{\"plays\": ["
                      "{\"id\": \"z-1\", \"track_id\": \"9\", \"played_at\": \"2026-01-02T08:00:00Z\","
                      " \"ms_played\": 9000000000000000000},"
                      "{\"id\": \"z-2\", \"track_id\": \"9\", \"played_at\": \"2026-01-02T09:00:00Z\","
                      " \"ms_played\": 86400001}"
                      "]}";
  g_autoptr(FanfareTestResponse) reported = NULL;
  g_autoptr(FanfareTestResponse) history = NULL;

  reported = fanfare_test_request (fixture->server, "POST", "/api/v1/plays", fixture->mei, batch);
  g_assert_cmpuint (reported->status, ==, 200);
  g_assert_cmpint (fanfare_test_response_get_int (reported, "recorded"), ==, 0);
  g_assert_cmpint (fanfare_test_response_get_int (reported, "ignored"), ==, 2);
  history = fanfare_test_request (fixture->server, "GET", "/api/v1/me/history?limit=50", fixture->mei, NULL);
  g_assert_cmpuint (history->status, ==, 200);
  g_assert_false (fanfare_test_response_contains (history, "9000000000000000000"));
}

static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) hot = fanfare_test_request (fixture->server, "GET", "/api/v1/charts/tracks?limit=100",
                                                             NULL, NULL);
  g_autoptr(FanfareTestResponse) fresh = fanfare_test_request (fixture->server, "GET",
                                                               "/api/v1/charts/new-releases", NULL, NULL);
  JsonArray *items = fanfare_test_response_get_array (hot, "items");
  gint64 previous = G_MAXINT64;
  int rank_47 = -1, rank_48 = -1;

  g_assert_cmpuint (hot->status, ==, 200);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 listeners = json_object_get_int_member (item, "listeners");
      const char *id = item_track_id (items, i, "track");

      g_assert_cmpint (listeners, <=, previous);
      previous = listeners;
      if (g_str_equal (id, "48"))
        {
          rank_48 = i;
          g_assert_cmpint (listeners, ==, 1);
        }
      if (g_str_equal (id, "47"))
        {
          rank_47 = i;
          g_assert_cmpint (listeners, ==, 2);
        }
    }
  /* Fifty plays by one looper rank below two listeners. */
  g_assert_cmpint (rank_47, >=, 0);
  g_assert_cmpint (rank_48, >, rank_47);

  items = fanfare_test_response_get_array (fresh, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                                                    json_array_get_object_element (items, 0), "album"), "title"),
                   ==, "Album 8");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "listeners"), ==, 8);
}

static FanfareTestResponse *
get_picks (Fixture *fixture)
{
  FanfareTestResponse *picks = fanfare_test_request (fixture->server, "GET", "/api/v1/me/daily-picks", fixture->mei,
                                                     NULL);

  g_assert_cmpuint (picks->status, ==, 200);

  return picks;
}

static char *
body_text (FanfareTestResponse *response)
{
  return g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
}

static char *
picks_text (Fixture *fixture)
{
  g_autoptr(FanfareTestResponse) picks = get_picks (fixture);

  return body_text (picks);
}

static void
test_daily_picks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) picks = fanfare_test_request (fixture->server, "GET", "/api/v1/me/daily-picks",
                                                               fixture->mei, NULL);
  g_autofree char *before = picks_text (fixture);
  g_autofree char *after = NULL;
  g_autofree char *output = NULL;
  JsonArray *items = fanfare_test_response_get_array (picks, "items");
  JsonObject *reason;

  g_assert_cmpuint (json_array_get_length (items), ==, FANFARE_RECOMMENDER_PICKS);
  g_assert_nonnull (fanfare_test_response_get_string (picks, "day"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_assert_cmpstr (item_track_id (items, i, "track"), !=, "1");
      g_assert_cmpstr (item_track_id (items, i, "track"), !=, "2");
    }

  /* Listeners of what mei plays play "Three" most. */
  g_assert_cmpstr (item_track_id (items, 0, "track"), ==, "3");
  reason = json_object_get_object_member (json_array_get_object_element (items, 0), "reason");
  g_assert_cmpstr (json_object_get_string_member (reason, "kind"), ==, "played");
  g_assert_cmpstr (json_object_get_string_member (reason, "track_id"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (reason, "track_title"), ==, "One");
  g_assert_cmpstr (json_object_get_string_member (reason, "text"), ==, "Because you played “One”");

  /* The same history gives the same picks. */
  {
    const char *args[] = { "recommend", "--data-dir", fixture->data_dir, NULL };

    g_assert_cmpint (fanfare_test_run_command (args, NULL, &output), ==, 0);
  }
  after = picks_text (fixture);
  g_assert_cmpstr (after, ==, before);
}

static JsonObject *
item_member (FanfareTestResponse *picks,
             guint                index,
             const char          *member)
{
  JsonArray *items = fanfare_test_response_get_array (picks, "items");

  return json_object_get_object_member (json_array_get_object_element (items, index), member);
}

static void
edit_as (Fixture    *fixture,
         const char *token,
         const char *method,
         const char *path,
         const char *body,
         guint       expected_status)
{
  g_autoptr(FanfareTestResponse) response = fanfare_test_request (fixture->server, method, path, token, body);

  g_assert_cmpuint (response->status, ==, expected_status);
}

/* A snapshot of a running server's database in a new data folder. */
static char *
copy_data_dir (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "fanfare.db", NULL);
  char *copy = fanfare_test_make_data_dir ();
  g_autofree char *copy_path = g_build_filename (copy, "fanfare.db", NULL);
  char *sql = sqlite3_mprintf ("VACUUM INTO %Q", copy_path);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  sqlite3_free (sql);

  return copy;
}

/* @text with every @url taken out, in place. */
static char *
without (char       *text,
         const char *url)
{
  char *found;

  while ((found = strstr (text, url)) != NULL)
    memmove (found, found + strlen (url), strlen (found + strlen (url)) + 1);

  return text;
}

/* The picks are served from the forms of their tracks made before: what
 * the artist changes shows at once, and what they hide or remove goes. */
static void
test_daily_picks_follow_the_catalog (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *zhou = fanfare_test_log_in (fixture->server, "zhou", "zhou password 33");
  g_autofree char *warm = NULL;
  g_autofree char *cold = NULL;
  g_autofree char *copy = NULL;
  FanfareTestServer *fresh;
  g_autofree char *album_path = NULL;
  g_autofree char *deleted_path = NULL;
  g_autofree char *deleted_id = NULL;
  g_autoptr(FanfareTestResponse) picks = get_picks (fixture);
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autoptr(FanfareTestResponse) renamed = NULL;
  g_autoptr(FanfareTestResponse) retitled = NULL;
  g_autoptr(FanfareTestResponse) deleted = NULL;
  g_autoptr(FanfareTestResponse) hidden = NULL;
  const char *album_id;
  JsonArray *items;

  again = get_picks (fixture);
  g_assert_cmpstr (json_object_get_string_member (item_member (again, 0, "track"), "title"), ==, "Three");
  g_assert_cmpstr (json_object_get_string_member (item_member (again, 0, "track"), "artist"), ==, "zhou");
  g_assert_cmpstr (json_object_get_string_member (item_member (again, 0, "reason"), "artist"), ==, "zhou");

  /* The artist's new name, on the picked track and on the reason. */
  edit_as (fixture, zhou, "PATCH", "/api/v1/me/artist", "{\"name\": \"周雨桐\"}", 200);
  renamed = get_picks (fixture);
  g_assert_cmpstr (json_object_get_string_member (item_member (renamed, 0, "track"), "artist"), ==, "周雨桐");
  g_assert_cmpstr (json_object_get_string_member (item_member (renamed, 0, "reason"), "artist"), ==, "周雨桐");

  /* A track's new title, picked and as the reason. */
  edit_as (fixture, zhou, "PATCH", "/api/v1/studio/tracks/3", "{\"title\": \"Tres\"}", 200);
  edit_as (fixture, zhou, "PATCH", "/api/v1/studio/tracks/1", "{\"title\": \"Uno\"}", 200);
  retitled = get_picks (fixture);
  g_assert_cmpstr (json_object_get_string_member (item_member (retitled, 0, "track"), "title"), ==, "Tres");
  g_assert_cmpstr (json_object_get_string_member (item_member (retitled, 0, "reason"), "track_title"), ==, "Uno");
  g_assert_cmpstr (json_object_get_string_member (item_member (retitled, 0, "reason"), "text"), ==,
                   "Because you played “Uno”");

  /* A track removed from its album is picked no more. */
  album_id = json_object_get_string_member (item_member (retitled, 0, "track"), "album_id");
  items = fanfare_test_response_get_array (retitled, "items");
  for (guint i = 0; i < json_array_get_length (items) && deleted_id == NULL; i++)
    if (!g_str_equal (json_object_get_string_member (item_member (retitled, i, "track"), "album_id"), album_id))
      deleted_id = g_strdup (item_track_id (items, i, "track"));
  g_assert_nonnull (deleted_id);
  deleted_path = g_strconcat ("/api/v1/studio/tracks/", deleted_id, NULL);
  edit_as (fixture, zhou, "DELETE", deleted_path, NULL, 204);
  deleted = get_picks (fixture);
  items = fanfare_test_response_get_array (deleted, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, FANFARE_RECOMMENDER_PICKS - 1);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_cmpstr (item_track_id (items, i, "track"), !=, deleted_id);

  /* An album taken back hides its tracks, and the reasons they gave. */
  album_path = g_strconcat ("/api/v1/studio/albums/", album_id, "/unpublish", NULL);
  edit_as (fixture, zhou, "POST", album_path, NULL, 200);
  hidden = get_picks (fixture);
  items = fanfare_test_response_get_array (hidden, "items");
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  g_assert_cmpuint (json_array_get_length (items), <, FANFARE_RECOMMENDER_PICKS - 1);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_assert_cmpstr (json_object_get_string_member (item_member (hidden, i, "track"), "album_id"), !=, album_id);
      g_assert_cmpstr (json_object_get_string_member (item_member (hidden, i, "reason"), "kind"), ==, "popular");
    }

  /* The answer of a server that kept forms is the one a server that
   * starts afresh on the same database makes, but for its address. */
  warm = picks_text (fixture);
  copy = copy_data_dir (fixture->data_dir);
  fresh = fanfare_test_server_start (copy, NULL);
  {
    g_autoptr(FanfareTestResponse) cold_picks = fanfare_test_request (fresh, "GET", "/api/v1/me/daily-picks",
                                                                      fixture->mei, NULL);

    g_assert_cmpuint (cold_picks->status, ==, 200);
    cold = body_text (cold_picks);
  }
  g_assert_cmpstr (without (warm, fixture->server->url), ==, without (cold, fresh->url));
  fanfare_test_server_stop (fresh);
}

/* The track ids of the radio's next batch, joined by ",". */
static char *
next_batch (Fixture    *fixture,
            const char *expected_reason,
            const char *expected_first)
{
  g_autoptr(FanfareTestResponse) radio = fanfare_test_request (fixture->server, "GET", "/api/v1/me/radio?limit=5",
                                                               fixture->mei, NULL);
  g_autoptr(GString) ids = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (radio->status, ==, 200);
  items = fanfare_test_response_get_array (radio, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 5);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (ids, ",%s,", item_track_id (items, i, "track"));

  if (expected_first != NULL)
    {
      JsonObject *reason = json_object_get_object_member (json_array_get_object_element (items, 0), "reason");

      g_assert_cmpstr (item_track_id (items, 0, "track"), ==, expected_first);
      g_assert_cmpstr (json_object_get_string_member (reason, "kind"), ==, expected_reason);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static FanfareTestResponse *
feedback (Fixture    *fixture,
          const char *body)
{
  return fanfare_test_request (fixture->server, "POST", "/api/v1/me/radio/feedback", fixture->mei, body);
}

static void
test_radio (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *first = next_batch (fixture, "played", "3");
  g_autofree char *liked = NULL;
  g_autoptr(FanfareTestResponse) like = NULL;
  g_autoptr(FanfareTestResponse) skip = NULL;
  g_autoptr(FanfareTestResponse) bad = NULL;

  /* A like of 20 brings its nearest neighbour, 21, next. */
  like = feedback (fixture, "{\"track_id\": \"20\", \"kind\": \"like\"}");
  g_assert_cmpuint (like->status, ==, 204);
  liked = next_batch (fixture, "liked", "21");
  g_assert_null (strstr (liked, ",3,"));

  /* A skipped track never comes back, however long the radio plays. */
  skip = feedback (fixture, "{\"track_id\": \"3\", \"kind\": \"skip\"}");
  g_assert_cmpuint (skip->status, ==, 204);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *batch = next_batch (fixture, NULL, NULL);

      g_assert_null (strstr (batch, ",3,"));
    }

  bad = feedback (fixture, "{\"track_id\": \"20\", \"kind\": \"meh\"}");
  fanfare_test_assert_error (bad, 400, "invalid", "kind");
}

static void
test_featured (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) featured = fanfare_test_request (fixture->server, "GET",
                                                                  "/api/v1/featured/playlists", NULL, NULL);
  JsonArray *items = fanfare_test_response_get_array (featured, "items");

  g_assert_cmpuint (featured->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "title"), ==,
                   "Curated");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/api/discovery/plays", test_plays);
  ADD ("/api/discovery/absurd-plays", test_absurd_plays);
  ADD ("/api/discovery/charts", test_charts);
  ADD ("/api/discovery/daily-picks", test_daily_picks);
  ADD ("/api/discovery/daily-picks-follow-the-catalog", test_daily_picks_follow_the_catalog);
  ADD ("/api/discovery/radio", test_radio);
  ADD ("/api/discovery/featured", test_featured);

  return g_test_run ();
}
