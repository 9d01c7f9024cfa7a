/* test-client-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics and listening positions through the client library against a
 * real server: an artist gives a song lyrics that a listener reads, and
 * one listener on two devices (two clients) resumes a book on the second
 * where the first stopped, the newest position winning; a position
 * reported while the server is down waits on disk, across a restart of
 * the app, and arrives when the server is back. */

#include "config.h"

#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-chapter.h"
#include "fanfare-client.h"
#include "fanfare-error.h"
#include "fanfare-test-client.h"
#include "fanfare-test-store.h"
#include "fanfare-test-utils.h"

typedef struct {
  FanfareTestServer *server;
  char              *song;
  char              *book;
  char              *mix;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 owner, song, book, mix;

  fanfare_test_store_set_up (&store);
  owner = fanfare_test_store_add_account (&store, "zhou", "zhou password 11", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "mei", "mei password 22", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_long_items (&store, fanfare_catalog_store_get_artist_for_user (store.db, owner, &error),
                                     &song, &book, &mix);
  g_assert_no_error (error);
  fixture->song = g_strdup_printf ("%" G_GINT64_FORMAT, song);
  fixture->book = g_strdup_printf ("%" G_GINT64_FORMAT, book);
  fixture->mix = g_strdup_printf ("%" G_GINT64_FORMAT, mix);

  data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (data_dir, NULL);
  fanfare_test_note_secret ("zhou password 11");
  fanfare_test_note_secret ("mei password 22");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  g_free (fixture->song);
  g_free (fixture->book);
  g_free (fixture->mix);
}

static void
sign_in (FanfareClient *client,
         const char    *username,
         const char    *password)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  fanfare_client_sign_in_async (client, username, password, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (client));
}

static FanfareClient *
signed_in (Fixture    *fixture,
           const char *username,
           const char *password)
{
  FanfareClient *client = fanfare_client_new (fixture->server->url, NULL);

  sign_in (client, username, password);
  return client;
}

static FanfareLyrics *
get_lyrics (FanfareClient *client,
            const char    *track,
            GError       **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_get_lyrics_async (client, track, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  return fanfare_client_get_lyrics_finish (client, result, error);
}

static gboolean
set_lyrics (FanfareClient *client,
            const char    *track,
            const char    *lrc,
            const char    *translation,
            GError       **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  fanfare_client_set_lyrics_async (client, track, lrc, translation, "zh-CN", NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  return fanfare_client_set_lyrics_finish (client, result, error);
}

static void
test_lyrics (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FanfareClient) artist = signed_in (fixture, "zhou", "zhou password 11");
  g_autoptr(FanfareClient) listener = signed_in (fixture, "mei", "mei password 22");
  g_autoptr(FanfareLyrics) none = NULL;
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autoptr(GError) error = NULL;

  none = get_lyrics (listener, fixture->song, &error);
  g_assert_null (none);
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (set_lyrics (listener, fixture->song, "[00:01.00]Mine", NULL, &error));
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_true (set_lyrics (artist, fixture->song, "[00:01.00]<00:01.00>Hello <00:01.60>there\n[00:04.00]Bye",
                             "[00:01.00]你好\n[00:04.00]再见", &error));
  g_assert_no_error (error);

  lyrics = get_lyrics (listener, fixture->song, &error);
  g_assert_no_error (error);
  g_assert_true (fanfare_lyrics_is_enhanced (lyrics));
  g_assert_cmpstr (fanfare_lyrics_get_line_text (lyrics, 0), ==, "Hello there");
  g_assert_cmpstr (fanfare_lyrics_get_line_translation (lyrics, 1), ==, "再见");
}

static FanfareClientPosition *
put_position (FanfareClient *client,
              const char    *track,
              GTimeSpan      position,
              gint64         edited_at)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FanfareClientPosition *kept;

  fanfare_client_put_position_async (client, track, position, edited_at, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_put_position_finish (client, result, &error);
  g_assert_no_error (error);
  return kept;
}

/* The phone stops a chapter in; the laptop resumes there. The laptop's
 * older position, sent late, does not win. */
static void
test_two_devices (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FanfareClient) phone = signed_in (fixture, "mei", "mei password 22");
  g_autoptr(FanfareClient) laptop = signed_in (fixture, "mei", "mei password 22");
  g_autoptr(FanfareClientPosition) sent = NULL;
  g_autoptr(FanfareClientPosition) late = NULL;
  g_autoptr(FanfareClientPosition) read = NULL;
  g_autoptr(GPtrArray) unfinished = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 now = g_get_real_time () / 1000;
  FanfareClientPosition *item;

  sent = put_position (phone, fixture->book, 754321 * G_TIME_SPAN_MILLISECOND, now - 1000);
  g_assert_cmpint (sent->position, ==, 754321 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sent->edited_at, ==, now - 1000);

  late = put_position (laptop, fixture->book, 5 * G_TIME_SPAN_SECOND, now - 60000);
  g_assert_cmpint (late->position, ==, 754321 * G_TIME_SPAN_MILLISECOND);

  fanfare_client_get_position_async (laptop, fixture->book, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  read = fanfare_client_get_position_finish (laptop, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->position, ==, 754321 * G_TIME_SPAN_MILLISECOND);
  g_clear_object (&result);

  fanfare_client_list_unfinished_async (laptop, 10, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  unfinished = fanfare_client_list_unfinished_finish (laptop, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unfinished->len, ==, 1);
  item = g_ptr_array_index (unfinished, 0);
  g_assert_cmpstr (fanfare_track_get_title (item->track), ==, "A Book");
  g_assert_cmpint (fanfare_track_get_kind (item->track), ==, FANFARE_TRACK_KIND_AUDIOBOOK);
  g_assert_cmpint (item->position, ==, 754321 * G_TIME_SPAN_MILLISECOND);
}

static gboolean
nothing_pending (gpointer  data)
{
  return fanfare_client_get_pending_positions (data) == 0;
}

static gboolean
is_offline (gpointer  data)
{
  return !fanfare_client_get_online (data);
}

static GTimeSpan
server_position (FanfareClient *client,
                 const char    *track)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfareClientPosition) read = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_client_get_position_async (client, track, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  read = fanfare_client_get_position_finish (client, result, &error);
  g_assert_no_error (error);
  return read->position;
}

static void
test_offline_positions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FanfareClient) phone = signed_in (fixture, "mei", "mei password 22");
  g_autoptr(FanfareClient) next_run = NULL;
  g_autoptr(FanfareClient) laptop = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fanfare", "unsent-positions.json", NULL);
  g_autofree char *contents = NULL;
  gint64 now = g_get_real_time () / 1000;

  /* Stopped while the server is down: kept on disk; an older report of
   * the same book that comes later does not replace it. */
  fanfare_client_set_positions_file (phone, path);
  fanfare_test_server_kill (fixture->server);
  fanfare_client_report_position (phone, fixture->book, 1234 * G_TIME_SPAN_SECOND, now - 2000);
  fanfare_client_report_position (phone, fixture->book, 3 * G_TIME_SPAN_SECOND, now - 9000);
  g_assert_cmpuint (fanfare_client_get_pending_positions (phone), ==, 1);
  g_assert_true (fanfare_test_wait_for (is_offline, phone, 10000));
  g_assert_cmpuint (fanfare_client_get_pending_positions (phone), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "1234000"));

  /* The next run of the app finds it there. */
  next_run = fanfare_client_new (fixture->server->url, NULL);
  fanfare_client_set_positions_file (next_run, path);
  g_assert_cmpuint (fanfare_client_get_pending_positions (next_run), ==, 1);

  /* The server is back: it arrives by itself and the laptop resumes there. */
  fanfare_test_server_restart (fixture->server);
  g_assert_true (fanfare_test_wait_for (nothing_pending, phone, 20000));
  laptop = signed_in (fixture, "mei", "mei password 22");
  g_assert_cmpint (server_position (laptop, fixture->book), ==, 1234 * G_TIME_SPAN_SECOND);

  /* The laptop goes on listening; the phone's copy sent late does not
   * take the laptop back. */
  fanfare_client_report_position (laptop, fixture->book, 1500 * G_TIME_SPAN_SECOND, now);
  g_assert_true (fanfare_test_wait_for (nothing_pending, laptop, 20000));
  sign_in (next_run, "mei", "mei password 22");
  g_assert_true (fanfare_test_wait_for (nothing_pending, next_run, 20000));
  g_assert_cmpint (server_position (laptop, fixture->book), ==, 1500 * G_TIME_SPAN_SECOND);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "1234000"));

  fanfare_test_rm_rf (dir);
}

static void
test_chapters (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FanfareClient) listener = signed_in (fixture, "mei", "mei password 22");
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(FanfareChapter) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_client_list_chapters_async (listener, fixture->book, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  chapters = fanfare_client_list_chapters_finish (listener, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 2);
  second = g_list_model_get_item (chapters, 1);
  g_assert_cmpstr (fanfare_chapter_get_title (second), ==, "Chapter Two");
  g_assert_cmpint (fanfare_chapter_get_start (second), ==, 600 * G_TIME_SPAN_SECOND);
  g_clear_object (&result);

  fanfare_client_list_chapters_async (listener, fixture->song, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  none = fanfare_client_list_chapters_finish (listener, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/longform/lyrics", Fixture, NULL, fixture_set_up, test_lyrics, fixture_tear_down);
  g_test_add ("/client/longform/chapters", Fixture, NULL, fixture_set_up, test_chapters, fixture_tear_down);
  g_test_add ("/client/longform/two-devices", Fixture, NULL, fixture_set_up, test_two_devices, fixture_tear_down);
  g_test_add ("/client/longform/offline-positions", Fixture, NULL, fixture_set_up, test_offline_positions,
              fixture_tear_down);

  return g_test_run ();
}
