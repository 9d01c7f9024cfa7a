/* test-player-resume.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A platform track plays through the player with the token in a header;
 * the server dies mid-track and comes back, and the player resumes where
 * it was without a word to the listener. */

#include "config.h"

#include <gst/gst.h>
#include <math.h>
#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-client.h"
#include "fanfare-player.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-client.h"
#include "fanfare-test-store.h"
#include "fanfare-test-utils.h"

#define RATE     48000
#define CHANNELS 2
#define SECONDS  60

/* A minute of a quiet tone as WAV: large enough (11 MB) that the player
 * cannot have it all buffered when the server goes away. */
static GBytes *
make_wav (void)
{
  guint32 n_samples = RATE * SECONDS;
  guint32 data_size = n_samples * CHANNELS * 2;
  guint8 *wav = g_malloc (44 + data_size);
  gint16 *samples = (gint16 *) (wav + 44);
  guint32 u32;
  guint16 u16;

  memcpy (wav, "RIFF", 4);
  u32 = GUINT32_TO_LE (36 + data_size);
  memcpy (wav + 4, &u32, 4);
  memcpy (wav + 8, "WAVEfmt ", 8);
  u32 = GUINT32_TO_LE (16);
  memcpy (wav + 16, &u32, 4);
  u16 = GUINT16_TO_LE (1);
  memcpy (wav + 20, &u16, 2);
  u16 = GUINT16_TO_LE (CHANNELS);
  memcpy (wav + 22, &u16, 2);
  u32 = GUINT32_TO_LE (RATE);
  memcpy (wav + 24, &u32, 4);
  u32 = GUINT32_TO_LE (RATE * CHANNELS * 2);
  memcpy (wav + 28, &u32, 4);
  u16 = GUINT16_TO_LE (CHANNELS * 2);
  memcpy (wav + 32, &u16, 2);
  u16 = GUINT16_TO_LE (16);
  memcpy (wav + 34, &u16, 2);
  memcpy (wav + 36, "data", 4);
  u32 = GUINT32_TO_LE (data_size);
  memcpy (wav + 40, &u32, 4);

  for (guint32 i = 0; i < n_samples; i++)
    {
      gint16 value = (gint16) (3000 * sin (2 * G_PI * 440 * i / RATE));

      samples[i * CHANNELS] = GINT16_TO_LE (value);
      samples[i * CHANNELS + 1] = GINT16_TO_LE (value);
    }

  return g_bytes_new_take (wav, 44 + data_size);
}

typedef struct {
  FanfarePlayer *player;
  GTimeSpan      position;
} PositionWait;

static gboolean
plays_past (gpointer  data)
{
  PositionWait *wait = data;

  return fanfare_player_get_state (wait->player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_player_get_position (wait->player) >= wait->position;
}

static void
count_error (FanfarePlayer *player,
             const GError  *error,
             guint         *n_errors)
{
  g_test_message ("Player error: %s", error->message);
  (*n_errors)++;
}

static void
test_resume_after_restart (void)
{
  FanfareTestStore store;
  g_autoptr(GBytes) wav = make_wav ();
  g_autoptr(FanfareClient) client = NULL;
  g_autoptr(FanfarePlayer) player = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new ();
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *track_id = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *prefix = NULL;
  FanfareTestServer *server;
  GAsyncResult *slot = NULL;
  PositionWait wait;
  guint n_errors = 0;
  gint64 artist, id;

  fanfare_test_tolerate_playbin_race ();
  fanfare_test_store_set_up (&store);
  artist = fanfare_test_store_add_user (&store, "tone", "Tone", FANFARE_USER_ROLE_ARTIST);
  fanfare_test_store_add_account (&store, "listener", "listener pass 1", FANFARE_USER_ROLE_LISTENER);
  id = fanfare_test_store_add_track (&store, artist, "A Long Tone", wav, TRUE, NULL);
  track_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  data_dir = fanfare_test_store_close (&store);
  fanfare_test_note_secret ("listener pass 1");
  server = fanfare_test_server_start (data_dir, NULL);

  client = fanfare_client_new (server->url, NULL);
  fanfare_client_sign_in_async (client, "listener", "listener pass 1", NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (client));
  g_clear_object (&result);

  fanfare_client_get_track_async (client, track_id, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  track = fanfare_client_get_track_finish (client, result, &error);
  g_assert_no_error (error);

  player = fanfare_player_new ();
  fanfare_player_set_audio_sink_description (player, "fakesink sync=true");
  authorization = fanfare_client_dup_authorization (client);
  prefix = g_strconcat (server->url, "/", NULL);
  fanfare_player_set_authorization (player, prefix, authorization);
  g_signal_connect (player, "error", G_CALLBACK (count_error), &n_errors);
  g_ptr_array_add (tracks, track);
  fanfare_player_play_tracks (player, tracks, 0);

  wait.player = player;
  wait.position = G_USEC_PER_SEC;
  g_assert_true (fanfare_test_wait_for (plays_past, &wait, 20000));

  /* The server dies, and the listener moves to a part not fetched yet: a
   * new request, which fails until the server is back. */
  fanfare_test_server_kill (server);
  fanfare_player_seek (player, 40 * G_USEC_PER_SEC);
  fanfare_test_wait_ms (1500);
  g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_PLAYING);
  g_assert_cmpuint (n_errors, ==, 0);

  fanfare_test_server_restart (server);
  wait.position = 41 * G_USEC_PER_SEC;
  g_assert_true (fanfare_test_wait_for (plays_past, &wait, 20000));
  g_assert_cmpint (fanfare_player_get_position (player), <, 45 * G_USEC_PER_SEC);
  g_assert_cmpuint (n_errors, ==, 0);

  fanfare_player_stop (player);
  g_clear_object (&player);
  fanfare_test_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/player/platform/resume-after-restart", test_resume_after_restart);

  return g_test_run ();
}
