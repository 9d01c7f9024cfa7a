/* test-player-stream.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Streams over HTTP from a real server on loopback: the token goes in a
 * header, only to the server it is for; a seek asks for the range from
 * there on; a stream stopped while it trickles in stops at once, again
 * and again; and a server that cannot be reached gives an error that says
 * so. */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "fanfare-player.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-player.h"
#include "fanfare-test-utils.h"

#define TOKEN "Bearer s3cr3t-t0ken"

typedef struct {
  SoupServer *server;
  char       *base;
  GBytes     *wav;
  GPtrArray  *requests;  /* "PATH AUTHORIZATION" for each request */
  GPtrArray  *ranges;    /* the Range header of each request that had one */
  guint       trickling; /* answers of /slow/ still being sent */
} Server;

/* An answer of /slow/: the WAV, a little at a time, slower than it plays,
 * so that the player is always waiting for more. */
typedef struct {
  Server            *server;
  SoupServerMessage *message;
  gsize              sent;
  guint              timeout_id;
} Trickle;

#define TRICKLE_BYTES       1024
#define TRICKLE_INTERVAL_MS 20

static void
trickle_free (Trickle *trickle)
{
  trickle->server->trickling--;
  g_clear_handle_id (&trickle->timeout_id, g_source_remove);
  g_free (trickle);
}

static gboolean
trickle_cb (gpointer  data)
{
  Trickle *trickle = data;
  gsize size;
  const guint8 *wav = g_bytes_get_data (trickle->server->wav, &size);
  gsize n = MIN (TRICKLE_BYTES, size - trickle->sent);
  SoupMessageBody *body = soup_server_message_get_response_body (trickle->message);

  soup_message_body_append (body, SOUP_MEMORY_COPY, wav + trickle->sent, n);
  trickle->sent += n;
  if (trickle->sent == size)
    {
      soup_message_body_complete (body);
      trickle->timeout_id = 0;
    }
  soup_server_message_unpause (trickle->message);

  return trickle->timeout_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
trickle_start (Server            *server,
               SoupServerMessage *message)
{
  Trickle *trickle = g_new0 (Trickle, 1);

  trickle->server = server;
  trickle->message = message;
  server->trickling++;
  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message), SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message), "audio/x-wav", NULL);
  /* Whether it ends or the player hangs up, the trickle stops. */
  g_signal_connect_swapped (message, "finished", G_CALLBACK (trickle_free), trickle);
  trickle->timeout_id = g_timeout_add (TRICKLE_INTERVAL_MS, trickle_cb, trickle);
  soup_server_message_pause (message);
}

static void
handler (SoupServer        *soup_server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  const char *authorization = soup_message_headers_get_one (request_headers, "Authorization");
  g_autofree char *uri = g_uri_to_string (soup_server_message_get_uri (message));
  const char *range = soup_message_headers_get_one (request_headers, "Range");

  /* The full URI, query included, must not carry the token either. */
  g_assert_null (strstr (uri, "s3cr3t"));
  g_ptr_array_add (server->requests, g_strdup_printf ("%s %s", path, authorization ? authorization : "-"));
  if (range != NULL)
    g_ptr_array_add (server->ranges, g_strdup (range));

  if (g_str_has_prefix (path, "/private/") && g_strcmp0 (authorization, TOKEN) != 0)
    {
      soup_server_message_set_status (message, 401, NULL);
      return;
    }
  if (g_str_has_prefix (path, "/slow/"))
    {
      trickle_start (server, message);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message), "audio/x-wav", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message), server->wav);
}

static void
server_start (Server *server,
              char   *wav_path)
{
  g_autoptr(GError) error = NULL;
  g_autoslist (GUri) uris = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (wav_path, &contents, &length, &error);
  g_assert_no_error (error);
  server->wav = g_bytes_new_take (g_steal_pointer (&contents), length);
  server->requests = g_ptr_array_new_with_free_func (g_free);
  server->ranges = g_ptr_array_new_with_free_func (g_free);

  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handler, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  server->base = g_uri_to_string (uris->data);
}

static void
server_stop (Server *server)
{
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_clear_pointer (&server->wav, g_bytes_unref);
  g_clear_pointer (&server->requests, g_ptr_array_unref);
  g_clear_pointer (&server->ranges, g_ptr_array_unref);
  g_clear_pointer (&server->base, g_free);
}

static gboolean
is_stopped (gpointer  data)
{
  return fanfare_player_get_state (data) == FANFARE_PLAYER_STATE_STOPPED;
}

static void
error_cb (FanfarePlayer *player,
          const GError  *error,
          GPtrArray     *errors)
{
  g_ptr_array_add (errors, g_error_copy (error));
}

static FanfareTrack *
remote_track (const char *uri,
              const char *title)
{
  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", title,
                       "uri", uri,
                       "title", title,
                       "source", FANFARE_SOURCE_PLATFORM,
                       NULL);
}

static void
test_token_in_header_only (void)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GArray) samples = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *wav = g_build_filename (dir, "tone.wav", NULL);
  g_autofree gint16 * signal = g_new0 (gint16, FANFARE_TEST_RATE / 2);
  g_autofree char *prefix = NULL;
  g_autofree char *private_uri = NULL;
  g_autofree char *other_uri = NULL;
  Server server = { 0 };

  fanfare_test_tolerate_playbin_race ();
  fanfare_test_write_wav (wav, signal, FANFARE_TEST_RATE / 2);
  server_start (&server, wav);

  prefix = g_strconcat (server.base, "private/", NULL);
  private_uri = g_strconcat (server.base, "private/tracks/1/stream", NULL);
  /* The same host, outside the prefix the token is for. */
  other_uri = g_strconcat (server.base, "elsewhere/tracks/2.wav", NULL);
  g_ptr_array_add (tracks, remote_track (private_uri, "Private"));
  g_ptr_array_add (tracks, remote_track (other_uri, "Elsewhere"));

  fanfare_player_set_authorization (player, prefix, TOKEN);
  g_signal_connect (player, "error", G_CALLBACK (error_cb), errors);
  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (player, tracks, 0);

  g_assert_true (fanfare_test_wait_for (is_stopped, player, 20000));
  g_assert_cmpuint (errors->len, ==, 0);

  /* Both played, the first one only because the token reached the server. */
  samples = fanfare_test_collector_dup_samples (collector);
  g_assert_cmpuint (samples->len, ==, FANFARE_TEST_RATE);

  for (guint i = 0; i < server.requests->len; i++)
    {
      const char *request = g_ptr_array_index (server.requests, i);

      g_test_message ("request: %s", request);
      if (g_str_has_prefix (request, "/private/"))
        g_assert_true (g_str_has_suffix (request, " " TOKEN));
      else
        g_assert_true (g_str_has_suffix (request, " -"));
    }
  g_assert_cmpuint (server.requests->len, >=, 2);

  server_stop (&server);
  fanfare_test_rm_rf (dir);
}

/* A seek in a stream asks the server for the rest from there, and plays
 * on from the new position to the end. */
static void
test_seek (void)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GArray) samples = NULL;
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *wav = g_build_filename (dir, "tone.wav", NULL);
  g_autofree gint16 * signal = g_new0 (gint16, 6 * FANFARE_TEST_RATE);
  g_autofree char *uri = NULL;
  FanfareTestPositionWait wait = { player, 200 * G_TIME_SPAN_MILLISECOND };
  Server server = { 0 };

  fanfare_test_tolerate_playbin_race ();
  fanfare_test_write_wav (wav, signal, 6 * FANFARE_TEST_RATE);
  server_start (&server, wav);
  uri = g_strconcat (server.base, "tracks/1/stream", NULL);
  g_ptr_array_add (tracks, remote_track (uri, "Six Seconds"));

  g_signal_connect (player, "error", G_CALLBACK (error_cb), errors);
  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));
  fanfare_player_play_tracks (player, tracks, 0);
  g_assert_true (fanfare_test_wait_for (fanfare_test_position_reached, &wait, 20000));
  g_assert_cmpint (fanfare_player_get_duration (player), ==, 6 * G_USEC_PER_SEC);
  g_assert_true (fanfare_player_get_can_seek (player));

  fanfare_player_seek (player, 5 * G_USEC_PER_SEC);
  g_assert_true (fanfare_test_wait_for (is_stopped, player, 20000));
  g_assert_cmpuint (errors->len, ==, 0);

  /* The server was asked for a range that starts past the first second. */
  g_assert_cmpuint (server.ranges->len, >=, 1);
  for (guint i = 0; i < server.ranges->len; i++)
    g_test_message ("range: %s", (const char *) g_ptr_array_index (server.ranges, i));
  {
    const char *range = g_ptr_array_index (server.ranges, server.ranges->len - 1);
    guint64 from;

    g_assert_true (g_str_has_prefix (range, "bytes="));
    from = g_ascii_strtoull (range + strlen ("bytes="), NULL, 10);
    g_assert_cmpuint (from, >, 2 * FANFARE_TEST_RATE * sizeof (gint16));
  }

  /* Less than the whole track was heard: what came before the seek and
   * the last second. */
  samples = fanfare_test_collector_dup_samples (collector);
  g_assert_cmpuint (samples->len, <, 3 * FANFARE_TEST_RATE);
  g_assert_cmpuint (samples->len, >=, FANFARE_TEST_RATE);

  server_stop (&server);
  fanfare_test_rm_rf (dir);
}

static gboolean
trickle_started (gpointer  data)
{
  Server *server = data;

  return server->trickling > 0;
}

static gboolean
nothing_trickles (gpointer  data)
{
  Server *server = data;

  return server->trickling == 0;
}

/* A stream that comes in slower than it plays is stopped while the player
 * waits for it, over and over, as a listener skipping tracks does: each
 * stop is at once, the connection is dropped, and nothing fails. */
static void
test_stop_while_reading (void)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (TRUE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *dir = fanfare_test_make_tmpdir ();
  g_autofree char *wav = g_build_filename (dir, "tone.wav", NULL);
  g_autofree gint16 * signal = g_new0 (gint16, 10 * FANFARE_TEST_RATE);
  Server server = { 0 };

  fanfare_test_tolerate_playbin_race ();
  fanfare_test_write_wav (wav, signal, 10 * FANFARE_TEST_RATE);
  server_start (&server, wav);
  g_signal_connect (player, "error", G_CALLBACK (error_cb), errors);
  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *uri = g_strdup_printf ("%sslow/tracks/%u/stream", server.base, i);
      gint64 start;

      g_ptr_array_add (tracks, remote_track (uri, "Slow"));
      fanfare_player_play_tracks (player, tracks, 0);
      g_assert_true (fanfare_test_wait_for (trickle_started, &server, 20000));
      /* Now and then at once, otherwise once some of it has come. */
      fanfare_test_wait_ms (i % 3 * 100);

      start = g_get_monotonic_time ();
      fanfare_player_stop (player);
      g_assert_cmpint (fanfare_player_get_state (player), ==, FANFARE_PLAYER_STATE_STOPPED);
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      g_assert_true (fanfare_test_wait_for (nothing_trickles, &server, 20000));
    }
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (server.requests->len, ==, 12);

  server_stop (&server);
  fanfare_test_rm_rf (dir);
}

static void
test_unreachable_server (void)
{
  g_autoptr(FanfareTestCollector) collector = fanfare_test_collector_new (FALSE);
  g_autoptr(FanfarePlayer) player = fanfare_player_new ();
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  guint16 port;
  gint64 start;

  fanfare_test_tolerate_playbin_race ();
  /* A port that was free a moment ago: nothing answers there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  uri = g_strdup_printf ("http://127.0.0.1:%u/tracks/1/stream", port);
  g_ptr_array_add (tracks, remote_track (uri, "Unreachable"));

  g_signal_connect (player, "error", G_CALLBACK (error_cb), errors);
  fanfare_player_set_audio_sink (player, fanfare_test_collector_get_sink (collector));
  start = g_get_monotonic_time ();
  fanfare_player_play_tracks (player, tracks, 0);

  g_assert_true (fanfare_test_wait_for (is_stopped, player, 20000));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_error ((GError *) g_ptr_array_index (errors, 0), FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NETWORK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/player/stream/token-in-header-only", test_token_in_header_only);
  g_test_add_func ("/player/stream/seek", test_seek);
  g_test_add_func ("/player/stream/stop-while-reading", test_stop_while_reading);
  g_test_add_func ("/player/stream/unreachable-server", test_unreachable_server);

  return g_test_run ();
}
