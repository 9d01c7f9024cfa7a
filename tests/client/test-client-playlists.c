/* test-client-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists, charts, picks and the radio through the client, against the
 * seeded demo platform. */

#include "config.h"

#include <string.h>

#include "fanfare-client.h"
#include "fanfare-error.h"
#include "fanfare-test-client.h"
#include "fanfare-test-utils.h"

static char *demo_dir;

typedef struct {
  FanfareTestServer *server;
  FanfareClient     *client;
  FanfareClient     *other;
  GAsyncResult      *result;
} Fixture;

#define WAIT(fixture) fanfare_test_wait_result (&(fixture)->result)

static FanfareClient *
signed_in_client (Fixture    *fixture,
                  const char *username)
{
  FanfareClient *client = fanfare_client_new (fixture->server->url, NULL);
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_sign_in_async (client, username, FANFARE_TEST_DEMO_PASSWORD, NULL,
                                fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (client));

  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = fanfare_test_demo_server_start (demo_dir);
  fixture->client = signed_in_client (fixture, FANFARE_TEST_DEMO_USER);
  fixture->other = signed_in_client (fixture, "xiaoyu");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_assert_finalized (fixture->client);
  fanfare_test_assert_finalized (fixture->other);
  fanfare_test_server_stop (fixture->server);
}

/* Finishes a call that answers one playlist; NULL with @error set. */
static FanfarePlaylist *
wait_playlist (Fixture               *fixture,
               FanfareClient         *client,
               FanfarePlaylistAccess *access,
               GError               **error)
{
  g_autoptr(GAsyncResult) result = WAIT (fixture);

  return fanfare_client_playlist_finish (client, result, access, error);
}

static FanfarePlaylist *
get_playlist (Fixture               *fixture,
              FanfareClient         *client,
              const char            *id,
              GListModel           **entries,
              FanfarePlaylistAccess *access,
              GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_get_playlist_async (client, id, NULL, fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);

  return fanfare_client_get_playlist_finish (client, result, entries, access, error);
}

static gboolean
wait_change (Fixture       *fixture,
             FanfareClient *client,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = WAIT (fixture);

  return fanfare_client_playlist_change_finish (client, result, error);
}

static GListModel *
wait_list (Fixture       *fixture,
           FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = WAIT (fixture);
  g_autoptr(GError) error = NULL;
  GListModel *items = fanfare_client_list_finish (client, result, &error);

  g_assert_no_error (error);

  return items;
}

static GListModel *
wait_playlists (Fixture       *fixture,
                FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = WAIT (fixture);
  g_autoptr(GError) error = NULL;
  GListModel *items = fanfare_client_list_playlists_finish (client, result, &error);

  g_assert_no_error (error);

  return items;
}

/* The tracks of the week's hottest chart, as a list of tracks. */
static GListModel *
chart_tracks (Fixture *fixture,
              guint    n)
{
  g_autoptr(GListModel) chart = NULL;
  GListStore *tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  fanfare_client_list_chart_tracks_async (fixture->client, n, NULL, fanfare_test_store_result, &fixture->result);
  chart = wait_list (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (chart), >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, i);

      g_assert_true (FANFARE_IS_TRACK (fanfare_chart_item_get_item (item)));
      g_assert_cmpuint (fanfare_chart_item_get_listeners (item), >, 0);
      g_list_store_append (tracks, fanfare_chart_item_get_item (item));
    }

  return G_LIST_MODEL (tracks);
}

static void
assert_entries (GListModel         *entries,
                const char * const *ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, g_strv_length ((GStrv) ids));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, i);

      g_assert_cmpstr (fanfare_playlist_entry_get_id (entry), ==, ids[i]);
      g_assert_true (fanfare_playlist_entry_get_available (entry));
      g_assert_nonnull (fanfare_playlist_entry_get_title (entry));
    }
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  const char *entry_ids[] = { "e-one", "e-two", "e-three", NULL };
  g_autoptr(GListModel) tracks = chart_tracks (fixture, 3);
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfarePlaylist) again = NULL;
  g_autoptr(FanfarePlaylist) read = NULL;
  g_autoptr(FanfarePlaylist) imported = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *share = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *from_scheme = NULL;
  g_autoptr(GDateTime) earlier = g_date_time_new_from_unix_utc (1000000000);
  FanfarePlaylistAccess access = { 0 };
  guint matched = 0;
  guint unmatched = 0;

  /* Made twice under one client id: one playlist. */
  fanfare_client_create_playlist_async (fixture->client, "Road trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        "made-offline-1", NULL, fanfare_test_store_result, &fixture->result);
  playlist = wait_playlist (fixture, fixture->client, &access, &error);
  g_assert_no_error (error);
  g_assert_true (access.can_edit);
  fanfare_playlist_access_clear (&access);
  fanfare_client_create_playlist_async (fixture->client, "Road trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        "made-offline-1", NULL, fanfare_test_store_result, &fixture->result);
  again = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_id (again), ==, fanfare_playlist_get_id (playlist));
  g_clear_object (&again);

  /* Renamed, described, made public; an older rename loses. */
  fanfare_client_update_playlist_async (fixture->client, fanfare_playlist_get_id (playlist), "Road trip 2026",
                                        "For the coast", FANFARE_PLAYLIST_VISIBILITY_PUBLIC, NULL, NULL,
                                        fanfare_test_store_result, &fixture->result);
  again = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (again), ==, "Road trip 2026");
  g_assert_cmpstr (fanfare_playlist_get_description (again), ==, "For the coast");
  g_assert_cmpint (fanfare_playlist_get_visibility (again), ==, FANFARE_PLAYLIST_VISIBILITY_PUBLIC);
  g_clear_object (&again);
  fanfare_client_update_playlist_async (fixture->client, fanfare_playlist_get_id (playlist), "Stale title",
                                        NULL, -1, earlier, NULL, fanfare_test_store_result, &fixture->result);
  again = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (again), ==, "Road trip 2026");
  g_clear_object (&again);

  /* Three tracks added, sent twice: three entries. */
  for (guint i = 0; i < 2; i++)
    {
      fanfare_client_add_entries_async (fixture->client, fanfare_playlist_get_id (playlist), tracks, entry_ids,
                                        NULL, NULL, fanfare_test_store_result, &fixture->result);
      again = wait_playlist (fixture, fixture->client, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fanfare_playlist_get_track_count (again), ==, 3);
      g_clear_object (&again);
    }

  /* The last moved first, the middle one removed. */
  fanfare_client_move_entry_async (fixture->client, fanfare_playlist_get_id (playlist), "e-three", NULL, NULL,
                                   NULL, fanfare_test_store_result, &fixture->result);
  g_assert_true (wait_change (fixture, fixture->client, &error));
  g_assert_no_error (error);
  fanfare_client_remove_entry_async (fixture->client, fanfare_playlist_get_id (playlist), "e-two", NULL,
                                     fanfare_test_store_result, &fixture->result);
  g_assert_true (wait_change (fixture, fixture->client, &error));
  g_assert_no_error (error);
  read = get_playlist (fixture, fixture->client, fanfare_playlist_get_id (playlist), &entries, NULL, &error);
  g_assert_no_error (error);
  assert_entries (entries, (const char *[]) { "e-three", "e-one", NULL });

  /* Out as XSPF and back in as a new playlist of the same tracks. */
  fanfare_client_export_playlist_async (fixture->client, fanfare_playlist_get_id (playlist), "xspf", NULL,
                                        fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  file = fanfare_client_export_playlist_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (file, NULL), g_bytes_get_size (file), "<playlist"));
  g_clear_object (&result);
  fanfare_client_import_playlist_async (fixture->client, file, "xspf", "Copy of the trip", NULL,
                                        fanfare_test_store_result, &fixture->result);
  result = WAIT (fixture);
  imported = fanfare_client_import_playlist_finish (fixture->client, result, &matched, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (imported), ==, "Copy of the trip");
  g_assert_cmpuint (matched, ==, 2);
  g_assert_cmpuint (unmatched, ==, 0);

  /* The share link names the playlist, as the app's own links do. */
  share = fanfare_client_dup_share_uri (fixture->client, fanfare_playlist_get_id (playlist));
  g_assert_true (g_str_has_prefix (share, fixture->server->url));
  parsed = fanfare_client_parse_playlist_uri (fixture->client, share);
  g_assert_cmpstr (parsed, ==, fanfare_playlist_get_id (playlist));
  from_scheme = fanfare_client_parse_playlist_uri (fixture->client, "fanfare://playlist/42");
  g_assert_cmpstr (from_scheme, ==, "42");
  g_assert_null (fanfare_client_parse_playlist_uri (fixture->client, "https://elsewhere.example/p/42"));

  /* Deleted: gone for its owner too. */
  fanfare_client_delete_playlist_async (fixture->client, fanfare_playlist_get_id (playlist), NULL,
                                        fanfare_test_store_result, &fixture->result);
  g_assert_true (wait_change (fixture, fixture->client, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = get_playlist (fixture, fixture->client, fanfare_playlist_get_id (playlist), NULL, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
}

static void
test_others (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfarePlaylist) answer = NULL;
  g_autoptr(GListModel) followed = NULL;
  g_autoptr(FanfareClient) anonymous = fanfare_client_new (fixture->server->url, NULL);
  g_autoptr(GError) error = NULL;
  FanfarePlaylistAccess access = { 0 };
  const char *id;

  fanfare_client_create_playlist_async (fixture->client, "Shared", NULL, FANFARE_PLAYLIST_VISIBILITY_UNLISTED,
                                        NULL, NULL, fanfare_test_store_result, &fixture->result);
  playlist = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  id = fanfare_playlist_get_id (playlist);

  /* Someone who sees it may not rename it: the server's words. */
  fanfare_client_update_playlist_async (fixture->other, id, "Mine now", NULL, -1, NULL, NULL,
                                        fanfare_test_store_result, &fixture->result);
  answer = wait_playlist (fixture, fixture->other, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* …but may follow it, and finds it among those they follow. */
  fanfare_client_set_following_playlist_async (fixture->other, id, TRUE, NULL, fanfare_test_store_result,
                                               &fixture->result);
  answer = wait_playlist (fixture, fixture->other, &access, &error);
  g_assert_no_error (error);
  g_assert_true (access.following);
  g_assert_false (access.can_edit);
  g_assert_cmpuint (access.follower_count, ==, 1);
  fanfare_playlist_access_clear (&access);
  g_clear_object (&answer);
  fanfare_client_list_followed_playlists_async (fixture->other, NULL, fanfare_test_store_result, &fixture->result);
  followed = wait_playlists (fixture, fixture->other);
  g_assert_cmpuint (g_list_model_get_n_items (followed), >=, 1);
  answer = g_list_model_get_item (followed, 0);
  g_assert_cmpstr (fanfare_playlist_get_id (answer), ==, id);
  g_clear_object (&answer);

  /* Invited, they may edit it; the owner sees who. */
  fanfare_client_set_collaborator_async (fixture->client, id, "xiaoyu", TRUE, NULL, fanfare_test_store_result,
                                         &fixture->result);
  answer = wait_playlist (fixture, fixture->client, &access, &error);
  g_assert_no_error (error);
  g_assert_nonnull (access.collaborators);
  g_assert_cmpstr (access.collaborators[0], ==, "xiaoyu");
  fanfare_playlist_access_clear (&access);
  g_clear_object (&answer);
  fanfare_client_update_playlist_async (fixture->other, id, "Ours", NULL, -1, NULL, NULL,
                                        fanfare_test_store_result, &fixture->result);
  answer = wait_playlist (fixture, fixture->other, &access, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (answer), ==, "Ours");
  g_assert_true (access.can_edit);
  fanfare_playlist_access_clear (&access);
  g_clear_object (&answer);

  /* Only the owner deletes it, and it stays the owner's. */
  fanfare_client_delete_playlist_async (fixture->other, id, NULL, fanfare_test_store_result, &fixture->result);
  g_assert_false (wait_change (fixture, fixture->other, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Unfollowed; and a private one is not there for others at all. */
  fanfare_client_set_following_playlist_async (fixture->other, id, FALSE, NULL, fanfare_test_store_result,
                                               &fixture->result);
  answer = wait_playlist (fixture, fixture->other, &access, &error);
  g_assert_no_error (error);
  g_assert_false (access.following);
  g_assert_cmpuint (access.follower_count, ==, 0);
  fanfare_playlist_access_clear (&access);
  g_clear_object (&answer);
  fanfare_client_set_collaborator_async (fixture->client, id, "xiaoyu", FALSE, NULL, fanfare_test_store_result,
                                         &fixture->result);
  answer = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&answer);
  fanfare_client_update_playlist_async (fixture->client, id, NULL, NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &fixture->result);
  answer = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&answer);
  answer = get_playlist (fixture, fixture->other, id, NULL, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Signed out, nothing is made. */
  fanfare_client_create_playlist_async (anonymous, "Nobody's", NULL, FANFARE_PLAYLIST_VISIBILITY_PUBLIC, NULL,
                                        NULL, fanfare_test_store_result, &fixture->result);
  answer = wait_playlist (fixture, anonymous, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED);
}

static void
test_discovery (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) featured = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(GListModel) radio = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GListModel) tracks = chart_tracks (fixture, 2);
  g_autoptr(FanfarePick) pick = NULL;
  g_autoptr(FanfarePlay) play = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean explained = FALSE;

  fanfare_client_list_featured_playlists_async (fixture->client, 10, NULL, fanfare_test_store_result,
                                                &fixture->result);
  featured = wait_playlists (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (featured), >, 0);
  playlist = g_list_model_get_item (featured, 0);
  g_assert_cmpint (fanfare_playlist_get_visibility (playlist), ==, FANFARE_PLAYLIST_VISIBILITY_PUBLIC);

  fanfare_client_list_chart_albums_async (fixture->client, 10, NULL, fanfare_test_store_result, &fixture->result);
  albums = wait_list (fixture, fixture->client);
  /* The demo's albums are older than the chart's 30 days: answered, empty. */
  g_assert_cmpuint (g_list_model_get_n_items (albums), ==, 0);

  /* The demo listener's picks, each saying why. */
  fanfare_client_list_daily_picks_async (fixture->client, NULL, fanfare_test_store_result, &fixture->result);
  picks = wait_list (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (picks), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(FanfarePick) item = g_list_model_get_item (picks, i);
      g_autofree char *text = fanfare_pick_dup_reason_text (item);

      g_assert_nonnull (fanfare_pick_get_track (item));
      if (fanfare_pick_get_reason (item) == FANFARE_PICK_REASON_PLAYED)
        {
          g_assert_nonnull (strstr (text, fanfare_pick_get_reason_title (item)));
          explained = TRUE;
        }
    }
  g_assert_true (explained);

  /* The radio plays on; a like and a skip are taken. */
  fanfare_client_list_radio_async (fixture->client, 5, NULL, fanfare_test_store_result, &fixture->result);
  radio = wait_list (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (radio), ==, 5);
  pick = g_list_model_get_item (radio, 0);
  reason = fanfare_pick_dup_reason_text (pick);
  g_assert_cmpstr (reason, !=, "");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, i);

      fanfare_client_send_radio_feedback_async (fixture->client, track, i == 0, NULL,
                                                fanfare_test_store_result, &fixture->result);
      result = WAIT (fixture);
      g_assert_true (fanfare_client_send_radio_feedback_finish (fixture->client, result, &error));
      g_assert_no_error (error);
      g_clear_object (&result);
    }

  fanfare_client_list_history_async (fixture->client, 20, NULL, fanfare_test_store_result, &fixture->result);
  history = wait_list (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (history), >, 0);
  play = g_list_model_get_item (history, 0);
  g_assert_nonnull (fanfare_play_get_track (play));
  g_assert_nonnull (fanfare_play_get_played_at (play));

  /* The user's own playlists, private ones too. */
  fanfare_client_create_playlist_async (fixture->client, "Just mine", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &fixture->result);
  g_clear_object (&playlist);
  playlist = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  fanfare_client_list_user_playlists_async (fixture->client, FANFARE_TEST_DEMO_USER, NULL,
                                            fanfare_test_store_result, &fixture->result);
  mine = wait_playlists (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
}

static gboolean
nothing_pending (gpointer  data)
{
  return fanfare_client_get_pending_plays (data) == 0;
}

static gboolean
is_offline (gpointer  data)
{
  return !fanfare_client_get_online (data);
}

/* How many plays of @track at @played_at the user's history holds. */
static guint
count_plays (Fixture      *fixture,
             FanfareTrack *track,
             GDateTime    *played_at,
             GTimeSpan    *played)
{
  g_autoptr(GListModel) history = NULL;
  guint count = 0;

  fanfare_client_list_history_async (fixture->client, 100, NULL, fanfare_test_store_result, &fixture->result);
  history = wait_list (fixture, fixture->client);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(FanfarePlay) play = g_list_model_get_item (history, i);

      if (g_strcmp0 (fanfare_track_get_id (fanfare_play_get_track (play)), fanfare_track_get_id (track)) == 0 &&
          g_date_time_compare (fanfare_play_get_played_at (play), played_at) == 0)
        {
          *played = fanfare_play_get_played (play);
          count++;
        }
    }

  return count;
}

static void
test_plays (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) tracks = chart_tracks (fixture, 1);
  g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, 0);
  g_autoptr(GDateTime) played_at = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC - 40);
  g_autoptr(FanfareClient) next_run = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fanfare", "unsent-plays.json", NULL);
  g_autofree char *contents = NULL;
  GTimeSpan played = 0;

  /* 30 seconds, or half of a shorter track. */
  g_assert_false (fanfare_play_counts (29 * G_TIME_SPAN_SECOND, 0));
  g_assert_true (fanfare_play_counts (30 * G_TIME_SPAN_SECOND, 0));
  g_assert_true (fanfare_play_counts (30 * G_TIME_SPAN_SECOND, 240 * G_TIME_SPAN_SECOND));
  g_assert_false (fanfare_play_counts (29 * G_TIME_SPAN_SECOND, 240 * G_TIME_SPAN_SECOND));
  g_assert_true (fanfare_play_counts (20 * G_TIME_SPAN_SECOND, 40 * G_TIME_SPAN_SECOND));
  g_assert_false (fanfare_play_counts (19 * G_TIME_SPAN_SECOND, 40 * G_TIME_SPAN_SECOND));

  /* Played while the server is down: kept on disk. */
  fanfare_client_set_plays_file (fixture->client, path);
  fanfare_test_server_kill (fixture->server);
  fanfare_client_report_play (fixture->client, track, played_at, 31 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fanfare_client_get_pending_plays (fixture->client), ==, 1);
  g_assert_true (fanfare_test_wait_for (is_offline, fixture->client, 10000));
  g_assert_cmpuint (fanfare_client_get_pending_plays (fixture->client), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fanfare_track_get_id (track)));

  /* The next run of the app finds it there. */
  next_run = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_set_plays_file (next_run, path);
  g_assert_cmpuint (fanfare_client_get_pending_plays (next_run), ==, 1);

  /* The server is back: the play arrives by itself, with how long it played. */
  fanfare_test_server_restart (fixture->server);
  g_assert_true (fanfare_test_wait_for (nothing_pending, fixture->client, 20000));
  g_assert_cmpuint (count_plays (fixture, track, played_at, &played), ==, 1);
  g_assert_cmpint (played, ==, 31 * G_TIME_SPAN_SECOND);

  /* The next run sends its copy once signed in; it counts once. */
  fanfare_client_sign_in_async (next_run, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, NULL,
                                fanfare_test_store_result, &fixture->result);
  {
    g_autoptr(GAsyncResult) result = WAIT (fixture);
    g_autoptr(FanfareUser) user = fanfare_client_sign_in_finish (next_run, result, NULL);

    g_assert_nonnull (user);
    fanfare_test_note_secret (fanfare_client_get_token (next_run));
  }
  g_assert_true (fanfare_test_wait_for (nothing_pending, next_run, 20000));
  g_assert_cmpuint (count_plays (fixture, track, played_at, &played), ==, 1);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, fanfare_track_get_id (track)));

  fanfare_test_rm_rf (dir);
}

static gboolean
no_edits_pending (gpointer  data)
{
  return fanfare_client_get_pending_playlist_edits (data) == 0;
}

static int
entry_index (GListModel *entries,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (fanfare_playlist_entry_get_id (entry), id) == 0)
        return i;
    }

  return -1;
}

/* An edit made with the server down: it waits, and says so. */
static void
assert_waits (Fixture       *fixture,
              FanfareClient *client)
{
  g_autoptr(FanfarePlaylist) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = wait_playlist (fixture, client, NULL, &error);
  g_assert_null (answer);
  g_assert_true (fanfare_client_error_is_offline (error));
}

static void
test_offline_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) tracks = chart_tracks (fixture, 3);
  g_autoptr(GListStore) base = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(GListStore) mine = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(GListStore) theirs = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(FanfareTrack) first = g_list_model_get_item (tracks, 0);
  g_autoptr(FanfareTrack) second = g_list_model_get_item (tracks, 1);
  g_autoptr(FanfareTrack) third = g_list_model_get_item (tracks, 2);
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(FanfarePlaylist) answer = NULL;
  g_autoptr(FanfarePlaylist) merged = NULL;
  g_autoptr(FanfareClient) next_run = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fanfare", "unsent-playlist-changes.json", NULL);
  g_autofree char *other_path = g_build_filename (dir, "fanfare", "other-changes.json", NULL);
  g_autofree char *contents = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) t1 = g_date_time_new_from_unix_utc (now - 40);
  g_autoptr(GDateTime) t2 = g_date_time_new_from_unix_utc (now - 30);
  g_autoptr(GDateTime) t3 = g_date_time_new_from_unix_utc (now - 20);
  g_autoptr(GDateTime) t4 = g_date_time_new_from_unix_utc (now - 10);
  const char *id;

  g_list_store_append (base, first);
  g_list_store_append (mine, second);
  g_list_store_append (theirs, third);

  /* A playlist of two, edited by its owner and an invited collaborator. */
  fanfare_client_set_playlist_edits_file (fixture->client, path);
  fanfare_client_set_playlist_edits_file (fixture->other, other_path);
  fanfare_client_create_playlist_async (fixture->client, "Before", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &fixture->result);
  playlist = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  id = fanfare_playlist_get_id (playlist);
  fanfare_client_add_entries_async (fixture->client, id, G_LIST_MODEL (base), (const char *[]) { "base", NULL },
                                    NULL, NULL, fanfare_test_store_result, &fixture->result);
  answer = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&answer);
  fanfare_client_set_collaborator_async (fixture->client, id, "xiaoyu", TRUE, NULL, fanfare_test_store_result,
                                         &fixture->result);
  answer = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&answer);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (fixture->client), ==, 0);

  /* The server goes down; both edit: each adds a track, and each changes
   * the title and the description at other times. */
  fanfare_test_server_kill (fixture->server);
  fanfare_client_add_entries_async (fixture->client, id, G_LIST_MODEL (mine), (const char *[]) { "mine", NULL },
                                    NULL, NULL, fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  fanfare_client_update_playlist_async (fixture->client, id, "Owner's title", NULL, -1, t1, NULL,
                                        fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  fanfare_client_update_playlist_async (fixture->client, id, NULL, "Owner's words", -1, t4, NULL,
                                        fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  fanfare_client_add_entries_async (fixture->other, id, G_LIST_MODEL (theirs), (const char *[]) { "theirs", NULL },
                                    NULL, NULL, fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->other);
  fanfare_client_update_playlist_async (fixture->other, id, "Collaborator's title", "Collaborator's words", -1,
                                        t2, NULL, fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->other);
  fanfare_client_move_entry_async (fixture->other, id, "base", "theirs", t3, NULL, fanfare_test_store_result,
                                   &fixture->result);
  g_assert_false (wait_change (fixture, fixture->other, &error));
  g_assert_true (fanfare_client_error_is_offline (error));
  g_clear_error (&error);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (fixture->client), ==, 3);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (fixture->other), ==, 3);

  /* They are on disk, for the next run of the app. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Owner's words"));
  next_run = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_set_playlist_edits_file (next_run, path);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (next_run), ==, 3);

  /* The server is back: the edits arrive by themselves and merge. */
  fanfare_test_server_restart (fixture->server);
  g_assert_true (fanfare_test_wait_for (no_edits_pending, fixture->client, 30000));
  g_assert_true (fanfare_test_wait_for (no_edits_pending, fixture->other, 30000));
  merged = get_playlist (fixture, fixture->client, id, &entries, NULL, &error);
  g_assert_no_error (error);
  /* Both additions are kept, in whichever order they arrived; the move too. */
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  g_assert_cmpint (entry_index (entries, "mine"), >=, 0);
  g_assert_cmpint (entry_index (entries, "base"), >, entry_index (entries, "theirs"));
  g_assert_cmpint (entry_index (entries, "theirs"), >=, 0);
  g_assert_cmpstr (fanfare_playlist_get_title (merged), ==, "Collaborator's title");
  g_assert_cmpstr (fanfare_playlist_get_description (merged), ==, "Owner's words");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Owner's words"));

  fanfare_test_rm_rf (dir);
}

/* A playlist made while the server is down waits like an edit and is made
 * once when it is back; every change is on disk before it goes out, so an
 * app that quits before the answer loses nothing. */
static void
test_offline_create (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(FanfarePlaylist) made = NULL;
  g_autoptr(FanfarePlaylist) again = NULL;
  g_autoptr(FanfarePlaylist) renamed = NULL;
  g_autoptr(FanfareClient) next_run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fanfare", "unsent-playlist-changes.json", NULL);
  g_autofree char *contents = NULL;

  fanfare_client_set_playlist_edits_file (fixture->client, path);
  fanfare_test_server_kill (fixture->server);
  fanfare_client_create_playlist_async (fixture->client, "Road trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        "3f7c-road-trip", NULL, fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (fixture->client), ==, 1);
  next_run = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_set_playlist_edits_file (next_run, path);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (next_run), ==, 1);

  fanfare_test_server_restart (fixture->server);
  g_assert_true (fanfare_test_wait_for (no_edits_pending, fixture->client, 30000));
  fanfare_client_list_user_playlists_async (fixture->client, FANFARE_TEST_DEMO_USER, NULL,
                                            fanfare_test_store_result, &fixture->result);
  mine = wait_playlists (fixture, fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);
  made = g_list_model_get_item (mine, 0);
  g_assert_cmpstr (fanfare_playlist_get_title (made), ==, "Road trip");

  /* Sent again, as the next run would: the same playlist. */
  fanfare_client_create_playlist_async (fixture->client, "Road trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        "3f7c-road-trip", NULL, fanfare_test_store_result, &fixture->result);
  again = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_id (again), ==, fanfare_playlist_get_id (made));

  /* Written before the main loop has run to send it. */
  fanfare_client_update_playlist_async (fixture->client, fanfare_playlist_get_id (made), "Long drive", NULL, -1,
                                        NULL, NULL, fanfare_test_store_result, &fixture->result);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Long drive"));
  renamed = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (renamed), ==, "Long drive");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Long drive"));

  fanfare_test_rm_rf (dir);
}

/* Changes made to a playlist that waits to be made name it by its pending
 * id; once the server has made it they reach it, in the order made, and
 * a change made later by the pending id still finds it. */
static void
test_offline_create_then_edit (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GListModel) tracks = chart_tracks (fixture, 2);
  g_autoptr(FanfarePlaylist) merged = NULL;
  g_autoptr(FanfarePlaylist) described = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fanfare", "unsent-playlist-changes.json", NULL);
  g_autofree char *pending = fanfare_client_dup_pending_playlist_id ("9b2d-made-offline");
  g_autofree char *contents = NULL;
  const char *made;

  fanfare_client_set_playlist_edits_file (fixture->client, path);
  fanfare_test_server_kill (fixture->server);
  fanfare_client_create_playlist_async (fixture->client, "Road trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        "9b2d-made-offline", NULL, fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  fanfare_client_add_entries_async (fixture->client, pending, tracks, (const char *[]) { "one", "two", NULL },
                                    NULL, NULL, fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  fanfare_client_update_playlist_async (fixture->client, pending, "Long drive", NULL, -1, NULL, NULL,
                                        fanfare_test_store_result, &fixture->result);
  assert_waits (fixture, fixture->client);
  fanfare_client_move_entry_async (fixture->client, pending, "two", NULL, NULL, NULL, fanfare_test_store_result,
                                   &fixture->result);
  g_assert_false (wait_change (fixture, fixture->client, &error));
  g_assert_true (fanfare_client_error_is_offline (error));
  g_clear_error (&error);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (fixture->client), ==, 4);
  g_assert_null (fanfare_client_get_made_playlist_id (fixture->client, pending));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, pending));

  /* The server is back: the playlist is made, then changed. */
  fanfare_test_server_restart (fixture->server);
  g_assert_true (fanfare_test_wait_for (no_edits_pending, fixture->client, 30000));
  made = fanfare_client_get_made_playlist_id (fixture->client, pending);
  g_assert_nonnull (made);
  g_assert_cmpstr (made, !=, pending);
  merged = get_playlist (fixture, fixture->client, made, &entries, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (merged), ==, "Long drive");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  g_assert_cmpint (entry_index (entries, "two"), ==, 0);
  g_assert_cmpint (entry_index (entries, "one"), ==, 1);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, pending));

  /* A page still showing the pending id changes the same playlist. */
  fanfare_client_update_playlist_async (fixture->client, pending, NULL, "Windows down", -1, NULL, NULL,
                                        fanfare_test_store_result, &fixture->result);
  described = wait_playlist (fixture, fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_id (described), ==, made);
  g_assert_cmpstr (fanfare_playlist_get_description (described), ==, "Windows down");

  fanfare_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_setenv ("XDG_CACHE_HOME", g_get_tmp_dir (), TRUE);
  demo_dir = fanfare_test_seed_demo ();

  g_test_add ("/client/playlists/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/client/playlists/others", Fixture, NULL, fixture_set_up, test_others, fixture_tear_down);
  g_test_add ("/client/playlists/offline-edits", Fixture, NULL, fixture_set_up, test_offline_edits,
              fixture_tear_down);
  g_test_add ("/client/playlists/offline-create", Fixture, NULL, fixture_set_up, test_offline_create,
              fixture_tear_down);
  g_test_add ("/client/playlists/offline-create-then-edit", Fixture, NULL, fixture_set_up,
              test_offline_create_then_edit, fixture_tear_down);
  g_test_add ("/client/plays", Fixture, NULL, fixture_set_up, test_plays, fixture_tear_down);
  g_test_add ("/client/discovery", Fixture, NULL, fixture_set_up, test_discovery, fixture_tear_down);

  status = g_test_run ();
  fanfare_test_rm_rf (demo_dir);
  g_free (demo_dir);

  return status;
}
