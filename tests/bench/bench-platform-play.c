/* bench-platform-play.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* From playing a platform track to its first audio at the sink, on
 * loopback: the request with the token in a header, the Ogg Opus stream's
 * first bytes, decoding, and the sink's first buffer, as a click on a track
 * row starts them. The target is a median of 300 ms at most. Run it with
 *
 *   build-aux/dev.sh bench platform-play
 */

#include "config.h"

#include <gst/gst.h>
#include <stdlib.h>

#include "fanfare-client.h"
#include "fanfare-player.h"
#include "fanfare-test-client.h"
#include "fanfare-test-utils.h"

#define RUNS 25

/* 0: waiting; 1: the first buffer is being timed; 2: timed. */
static gint seen;
static gint64 first_buffer;

static GstPadProbeReturn
first_buffer_cb (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  if (g_atomic_int_compare_and_exchange (&seen, 0, 1))
    {
      first_buffer = g_get_monotonic_time ();
      g_atomic_int_set (&seen, 2);
    }

  return GST_PAD_PROBE_OK;
}

static gboolean
buffer_arrived (gpointer  data)
{
  return g_atomic_int_get (&seen) == 2;
}

static int
compare_doubles (gconstpointer  a,
                 gconstpointer  b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static GListModel *
platform_tracks (FanfareClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GListModel *tracks = NULL;

  fanfare_client_list_new_releases_async (client, 10, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  albums = fanfare_client_list_new_releases_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  album = g_list_model_get_item (albums, 0);
  fanfare_client_get_album_async (client, fanfare_album_get_id (album), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  g_clear_object (&album);
  album = fanfare_client_get_album_finish (client, result, &tracks, &error);
  g_assert_no_error (error);

  return tracks;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *demo = NULL;
  g_autoptr(FanfareClient) client = NULL;
  g_autoptr(FanfarePlayer) player = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GstPad) pad = NULL;
  FanfareTestServer *server;
  GAsyncResult *slot = NULL;
  GstElement *sink;
  double times[RUNS];

  gst_init (&argc, &argv);
  demo = fanfare_test_seed_demo ();
  server = fanfare_test_demo_server_start (demo);
  fanfare_test_rm_rf (demo);

  client = fanfare_client_new (server->url, NULL);
  fanfare_client_sign_in_async (client, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, NULL,
                                fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  tracks = platform_tracks (client);

  player = fanfare_player_new ();
  sink = gst_element_factory_make ("fakesink", NULL);
  g_object_set (sink, "sync", TRUE, NULL);
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, first_buffer_cb, NULL, NULL);
  fanfare_player_set_audio_sink (player, sink);
  authorization = fanfare_client_dup_authorization (client);
  prefix = g_strconcat (server->url, "/", NULL);
  fanfare_player_set_authorization (player, prefix, authorization);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 start;

      g_ptr_array_add (queue, g_list_model_get_item (tracks, i % g_list_model_get_n_items (tracks)));
      g_atomic_int_set (&seen, 0);
      start = g_get_monotonic_time ();
      fanfare_player_play_tracks (player, queue, 0);
      g_assert_true (fanfare_test_wait_for (buffer_arrived, NULL, 10000));
      times[i] = (first_buffer - start) / 1000.0;
      fanfare_player_stop (player);
      fanfare_test_wait_ms (100);
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("platform track, play to first audio on loopback (%d runs): median %.1f ms, p90 %.1f ms, max %.1f ms "
           "(target: median <= 300 ms)\n",
           RUNS, times[RUNS / 2], times[RUNS * 9 / 10], times[RUNS - 1]);

  g_clear_object (&player);
  fanfare_test_server_stop (server);

  return times[RUNS / 2] <= 300 ? EXIT_SUCCESS : EXIT_FAILURE;
}
