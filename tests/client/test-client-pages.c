/* test-client-pages.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Long lists read a page at a time through the client, against the
 * seeded demo platform: a playlist's entries and the history of plays. */

#include "config.h"

#include "fanfare-client.h"
#include "fanfare-test-client.h"
#include "fanfare-test-utils.h"

#define LENGTH 130

static char *demo_dir;

typedef struct {
  FanfareTestServer *server;
  FanfareClient     *client;
  GAsyncResult      *result;
} Fixture;

#define WAIT(fixture) fanfare_test_wait_result (&(fixture)->result)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = fanfare_test_demo_server_start (demo_dir);
  fixture->client = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_sign_in_async (fixture->client, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, NULL,
                                fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (fixture->client));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_assert_finalized (fixture->client);
  fanfare_test_server_stop (fixture->server);
}

/* A playlist of LENGTH entries: the chart's tracks over and over. */
static char *
make_playlist (Fixture *fixture)
{
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(GListModel) chart = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfarePlaylist) filled = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_list_chart_tracks_async (fixture->client, 10, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  chart = fanfare_client_list_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chart), >, 0);
  for (guint i = 0; i < LENGTH; i++)
    {
      g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, i % g_list_model_get_n_items (chart));

      g_list_store_append (tracks, fanfare_chart_item_get_item (item));
    }

  g_clear_object (&result);
  fanfare_client_create_playlist_async (fixture->client, "Long", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE, NULL,
                                        NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  playlist = fanfare_client_playlist_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
  fanfare_client_add_entries_async (fixture->client, fanfare_playlist_get_id (playlist), G_LIST_MODEL (tracks),
                                    NULL, NULL, NULL, fanfare_test_store_result, &fixture->result);
  added = WAIT (fixture);
  filled = fanfare_client_playlist_finish (fixture->client, added, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fanfare_playlist_get_track_count (filled), ==, LENGTH);

  return g_strdup (fanfare_playlist_get_id (playlist));
}

/* The pages hold every entry once, in the order of the whole playlist,
 * each with the full count. */
static void
test_entries (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = make_playlist (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(FanfarePlaylist) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  guint seen = 0;
  guint pages = 0;

  fanfare_client_get_playlist_async (fixture->client, id, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  whole = fanfare_client_get_playlist_finish (fixture->client, result, &all, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, LENGTH);

  do
    {
      g_autoptr(GAsyncResult) page_result = NULL;
      g_autoptr(FanfarePlaylist) playlist = NULL;
      g_autoptr(GListModel) entries = NULL;
      FanfarePlaylistAccess access = { 0 };
      char *next = NULL;

      fanfare_client_list_entries_async (fixture->client, id, 50, cursor, NULL, fanfare_test_store_result,
                                         &fixture->result);
      page_result = WAIT (fixture);
      playlist = fanfare_client_list_entries_finish (fixture->client, page_result, &entries, &access, &next, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fanfare_playlist_get_track_count (playlist), ==, LENGTH);
      g_assert_true (access.can_edit);
      fanfare_playlist_access_clear (&access);
      g_assert_cmpuint (g_list_model_get_n_items (entries), ==, MIN (50, LENGTH - seen));
      for (guint i = 0; i < g_list_model_get_n_items (entries); i++, seen++)
        {
          g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, i);
          g_autoptr(FanfarePlaylistEntry) expected = g_list_model_get_item (all, seen);

          g_assert_cmpstr (fanfare_playlist_entry_get_id (entry), ==, fanfare_playlist_entry_get_id (expected));
          g_assert_true (fanfare_playlist_entry_get_available (entry));
        }
      g_free (cursor);
      cursor = next;
      pages++;
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen, ==, LENGTH);
  g_assert_cmpuint (pages, ==, 3);
}

/* Pages of two plays follow one another as one list of all of them. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  guint seen = 0;

  fanfare_client_list_history_page_async (fixture->client, 100, NULL, NULL, fanfare_test_store_result,
                                          &fixture->result);
  result = WAIT (fixture);
  all = fanfare_client_list_page_finish (fixture->client, result, &cursor, &error);
  g_assert_no_error (error);
  g_assert_null (cursor);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 4);

  do
    {
      g_autoptr(GAsyncResult) page_result = NULL;
      g_autoptr(GListModel) plays = NULL;
      char *next = NULL;

      fanfare_client_list_history_page_async (fixture->client, 2, cursor, NULL, fanfare_test_store_result,
                                              &fixture->result);
      page_result = WAIT (fixture);
      plays = fanfare_client_list_page_finish (fixture->client, page_result, &next, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (plays), ==, MIN (2, g_list_model_get_n_items (all) - seen));
      for (guint i = 0; i < g_list_model_get_n_items (plays); i++, seen++)
        {
          g_autoptr(FanfarePlay) play = g_list_model_get_item (plays, i);
          g_autoptr(FanfarePlay) expected = g_list_model_get_item (all, seen);

          g_assert_cmpstr (fanfare_track_get_id (fanfare_play_get_track (play)), ==,
                           fanfare_track_get_id (fanfare_play_get_track (expected)));
          g_assert_true (g_date_time_equal (fanfare_play_get_played_at (play), fanfare_play_get_played_at (expected)));
        }
      g_free (cursor);
      cursor = next;
    }
  while (cursor != NULL);

  g_assert_cmpuint (seen, ==, g_list_model_get_n_items (all));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("XDG_CACHE_HOME", g_get_tmp_dir (), TRUE);
  demo_dir = fanfare_test_seed_demo ();

  g_test_add ("/client/pages/entries", Fixture, NULL, fixture_set_up, test_entries, fixture_tear_down);
  g_test_add ("/client/pages/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);

  status = g_test_run ();
  fanfare_test_rm_rf (demo_dir);
  g_free (demo_dir);

  return status;
}
