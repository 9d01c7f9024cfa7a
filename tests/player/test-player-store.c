/* test-player-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The queue, the current track and the position survive a restart: one
 * player saves into a real SQLite file, a new one restores from it. */

#include "config.h"

#include "fanfare-player.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-player.h"
#include "fanfare-test-utils.h"

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  fanfare_player_restore_finish (FANFARE_PLAYER (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "restored");
}

/* Restores @player from @db and returns the error, or NULL. */
static GError *
restore (FanfarePlayer *player,
         const char    *db)
{
  GError *result = NULL;

  fanfare_player_restore_async (player, db, NULL, restore_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (g_error_matches (result, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&result);

  return result;
}

static void
test_queue_survives_restart (void)
{
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "data", "fanfare", "playback.db", NULL);
  g_autofree gint16 * silence = g_new0 (gint16, 4 * FANFARE_TEST_RATE);
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(FanfareTestCollector) collector2 = fanfare_test_collector_new (TRUE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(FanfarePlayer) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) order_before = NULL;
  g_autoptr(GArray) order_after = NULL;
  FanfarePlayQueue *queue;
  FanfareTestPositionWait wait;

  fanfare_test_tolerate_playbin_race ();
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("track-%u.wav", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      fanfare_test_write_wav (path, silence, 4 * FANFARE_TEST_RATE);
      g_ptr_array_add (tracks, fanfare_test_track_for_path (path, name));
    }

  /* The first run: nothing was saved. */
  error = restore (player, db);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (player))), ==, 0);
  g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_STOPPED);

  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (player, tracks, 2);
  queue = fanfare_player_get_queue (player);
  fanfare_play_queue_set_shuffle (queue, TRUE);
  fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_ALL);
  order_before = fanfare_play_queue_dup_play_order (queue);
  fanfare_player_seek (player, 2500 * G_TIME_SPAN_MILLISECOND);
  wait = (FanfareTestPositionWait) { player, 2600 * G_TIME_SPAN_MILLISECOND };
  g_assert_true (fanfare_test_wait_for (fanfare_test_position_reached, &wait, 20000));
  fanfare_player_pause (player);
  fanfare_player_save_now (player);
  g_test_message ("saved at %" G_GINT64_FORMAT " µs", fanfare_player_get_position (player));

  /* The next run finds it all, paused at the same place. */
  again = fanfare_player_new ();
  error = restore (again, db);
  g_assert_no_error (error);
  queue = fanfare_player_get_queue (again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 5);
  g_assert_true (fanfare_play_queue_get_shuffle (queue));
  g_assert_cmpint (fanfare_play_queue_get_repeat_mode (queue), ==, FANFARE_REPEAT_MODE_ALL);
  order_after = fanfare_play_queue_dup_play_order (queue);
  g_assert_cmpmem (order_after->data, order_after->len * sizeof (guint),
                   order_before->data, order_before->len * sizeof (guint));
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 0);
  g_assert_cmpstr (fanfare_track_get_title (fanfare_player_get_current_track (again)), ==, "track-2.wav");
  g_assert_cmpint (fanfare_player_get_state (again), ==, FANFARE_PLAYER_STATE_PAUSED);
  g_assert_cmpint (fanfare_player_get_position (again), >=, 2600 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (fanfare_player_get_position (again), <, 3 * G_USEC_PER_SEC);
  g_assert_cmpint (fanfare_player_get_duration (again), ==, 0);

  /* Play carries on from there, not from the start. */
  fanfare_player_set_audio_sink (again, fanfare_test_collector_get_sink (collector2));
  fanfare_player_play (again);
  wait = (FanfareTestPositionWait) { again, 3 * G_USEC_PER_SEC };
  g_assert_true (fanfare_test_wait_for (fanfare_test_position_reached, &wait, 20000));
  {
    g_autoptr(GArray) heard = fanfare_test_collector_dup_samples (collector2);

    /* Less than the whole track was heard to get there. */
    g_assert_cmpuint (heard->len, <, 2 * FANFARE_TEST_RATE);
  }

  g_clear_object (&player);
  g_clear_object (&again);
  fanfare_test_rm_rf (dir);
}

static void
test_damaged_database (void)
{
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "playback.db", NULL);
  g_autofree char *aside = g_build_filename (dir, "playback.db.damaged", NULL);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(FanfarePlayer) again = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  fanfare_test_tolerate_playbin_race ();
  g_file_set_contents (db, "this is not a database, not even close to one", -1, &error);
  g_assert_no_error (error);

  /* The damaged file is set aside, and the player works all the same. */
  error = restore (player, db);
  g_assert_no_error (error);
  g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_STOPPED);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));

  g_ptr_array_add (tracks, g_object_new (FANFARE_TYPE_TRACK, "id", "x", "title", "Kept", "uri", "file:///nowhere",
                                         NULL));
  fanfare_play_queue_append (fanfare_player_get_queue (player), tracks);
  fanfare_player_save_now (player);

  again = fanfare_player_new ();
  error = restore (again, db);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (again))), ==, 1);

  g_clear_object (&player);
  g_clear_object (&again);
  fanfare_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/player/store/queue-survives-restart", test_queue_survives_restart);
  g_test_add_func ("/player/store/damaged-database", test_damaged_database);

  return g_test_run ();
}
