/* test-mpris.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* MPRIS driven by the real client, playerctl, on the private session bus
 * the test suite runs in; a second connection watches what goes out on
 * the bus, as a desktop shell would. */

#include "config.h"

#include <string.h>

#include "fanfare-mpris.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-utils.h"

#define NAME "FanfareTest"

typedef struct {
  char                 *dir;
  FanfarePlayer        *player;
  FanfareMpris         *mpris;
  FanfareTestCollector *collector;
  GDBusConnection      *watcher;
  GPtrArray            *signals;  /* "Member: args" seen on the bus */
  guint                 subscription;
} Fixture;

/* Runs playerctl for our player while the main loop answers its calls. */
#define playerctl(...) fanfare_test_playerctl (NAME, __VA_ARGS__)

static void
signal_cb (GDBusConnection *connection,
           const char      *sender,
           const char      *path,
           const char      *interface,
           const char      *member,
           GVariant        *parameters,
           gpointer         user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *args = g_variant_print (parameters, FALSE);

  g_ptr_array_add (fixture->signals, g_strdup_printf ("%s: %s", member, args));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree gint16 * silence = g_new0 (gint16, 5 * FANFARE_TEST_RATE);

  fanfare_test_tolerate_playbin_race ();
  fixture->dir = fanfare_test_make_tmpdir ();
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("song-%u.wav", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *title = g_strdup_printf ("Song %u", i);
      g_autofree char *cover = g_strdup_printf ("file://%s/cover.png", fixture->dir);
      const char *artists[] = { "逃跑计划", "Guest", NULL };
      FanfareTrack *track;

      fanfare_test_write_wav (path, silence, 5 * FANFARE_TEST_RATE);
      track = fanfare_test_track_for_path (path, title);
      g_object_set (track,
                    "artists", artists,
                    "album", "世界",
                    "album-artist", "逃跑计划",
                    "track-number", i + 1,
                    "duration", (gint64) 5 * G_USEC_PER_SEC,
                    "cover-uri", cover,
                    NULL);
      g_ptr_array_add (tracks, track);
    }

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  fixture->collector = fanfare_test_collector_new (TRUE);
  fixture->player = fanfare_player_new ();
  fanfare_player_set_audio_sink (fixture->player, fanfare_test_collector_get_sink (fixture->collector));
  fanfare_play_queue_set_tracks (fanfare_player_get_queue (fixture->player), tracks, 0);
  fixture->mpris = fanfare_mpris_new (fixture->player, connection, NAME, "io.github.fanfare_music.Fanfare");

  /* A separate connection sees the signals as other processes do. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  fixture->watcher = g_dbus_connection_new_for_address_sync (address,
                                                             G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                             NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->signals = g_ptr_array_new_with_free_func (g_free);
  fixture->subscription =
    g_dbus_connection_signal_subscribe (fixture->watcher, NULL, NULL, NULL, "/org/mpris/MediaPlayer2", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, signal_cb, fixture, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_dbus_connection_signal_unsubscribe (fixture->watcher, fixture->subscription);
  g_clear_object (&fixture->watcher);
  g_assert_finalize_object (g_steal_pointer (&fixture->mpris));
  g_assert_finalize_object (g_steal_pointer (&fixture->player));
  fanfare_test_collector_free (fixture->collector);
  g_ptr_array_unref (fixture->signals);
  fanfare_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
signal_seen (Fixture    *fixture,
             const char *prefix,
             const char *needle)
{
  for (guint i = 0; i < fixture->signals->len; i++)
    {
      const char *signal = g_ptr_array_index (fixture->signals, i);

      if (g_str_has_prefix (signal, prefix) && (needle == NULL || strstr (signal, needle) != NULL))
        return TRUE;
    }

  return FALSE;
}

static void
test_playerctl (Fixture       *fixture,
                gconstpointer  data)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (fixture->player);
  g_autofree char *list = NULL;
  g_autofree char *metadata = NULL;
  g_autofree char *status = NULL;
  g_autofree char *track_id = NULL;
  g_autofree char *art = NULL;
  g_autofree char *artists = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *loop = NULL;
  g_autofree char *position = NULL;
  g_autofree char *shuffle = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree gint16 * silence = g_new0 (gint16, 10 * FANFARE_TEST_RATE);

  /* It is there, under its name. */
  {
    const char *argv[] = { "playerctl", "--list-all", NULL };

    list = fanfare_test_run (argv);
    g_assert_nonnull (strstr (list, NAME));
  }

  metadata = playerctl ("metadata", "--format", "{{artist}} - {{title}} ({{duration(mpris:length)}})", NULL);
  g_assert_cmpstr (metadata, ==, "逃跑计划, Guest - Song 0 (0:05)");
  track_id = playerctl ("metadata", "mpris:trackid", NULL);
  /* An object path of ours, outside /org/mpris (playerctl quotes it). */
  g_assert_nonnull (strstr (track_id, "'/io/github/fanfare_music/Fanfare/TrackList/"));
  art = playerctl ("metadata", "mpris:artUrl", NULL);
  g_assert_true (g_str_has_prefix (art, "file://"));
  artists = playerctl ("metadata", "--format", "{{xesam:albumArtist}}|{{xesam:album}}|{{xesam:trackNumber}}", NULL);
  g_assert_cmpstr (artists, ==, "逃跑计划|世界|1");
  status = playerctl ("status", NULL);
  g_assert_cmpstr (status, ==, "Stopped");

  /* Play and pause. */
  g_free (playerctl ("play-pause", NULL));
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PLAYING);
  g_free (status);
  status = playerctl ("status", NULL);
  g_assert_cmpstr (status, ==, "Playing");
  g_free (playerctl ("play-pause", NULL));
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PAUSED);

  /* Next and previous. */
  g_free (playerctl ("next", NULL));
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 1);
  g_free (metadata);
  metadata = playerctl ("metadata", "title", NULL);
  g_assert_cmpstr (metadata, ==, "Song 1");
  g_free (playerctl ("previous", NULL));
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 0);

  /* Position, absolute and relative, paused so that it holds still. */
  g_free (playerctl ("position", "2", NULL));
  g_assert_cmpint (fanfare_player_get_position (fixture->player), ==, 2 * G_USEC_PER_SEC);
  g_free (playerctl ("position", "1.5+", NULL));
  g_assert_cmpint (fanfare_player_get_position (fixture->player), ==, 3500 * G_TIME_SPAN_MILLISECOND);
  position = playerctl ("position", NULL);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (position, NULL), 3.5, 0.1);

  /* Volume, loop and shuffle, both ways. */
  g_free (playerctl ("volume", "0.5", NULL));
  g_assert_cmpfloat (fanfare_player_get_volume (fixture->player), ==, 0.5);
  volume = playerctl ("volume", NULL);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (volume, NULL), 0.5, 0.001);

  g_free (playerctl ("loop", "Track", NULL));
  g_assert_cmpint (fanfare_play_queue_get_repeat_mode (queue), ==, FANFARE_REPEAT_MODE_ONE);
  g_free (playerctl ("loop", "Playlist", NULL));
  g_assert_cmpint (fanfare_play_queue_get_repeat_mode (queue), ==, FANFARE_REPEAT_MODE_ALL);
  loop = playerctl ("loop", NULL);
  g_assert_cmpstr (loop, ==, "Playlist");

  g_free (playerctl ("shuffle", "On", NULL));
  g_assert_true (fanfare_play_queue_get_shuffle (queue));
  shuffle = playerctl ("shuffle", NULL);
  g_assert_cmpstr (shuffle, ==, "On");
  g_free (playerctl ("shuffle", "Off", NULL));
  g_assert_false (fanfare_play_queue_get_shuffle (queue));

  /* Opening a file queues it after the current track and plays it. */
  path = g_build_filename (fixture->dir, "opened.wav", NULL);
  fanfare_test_write_wav (path, silence, 10 * FANFARE_TEST_RATE);
  uri = g_filename_to_uri (path, NULL, NULL);
  g_free (playerctl ("open", uri, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 4);
  g_assert_cmpint (fanfare_play_queue_get_current (queue), ==, 1);
  g_assert_cmpint (fanfare_player_get_state (fixture->player), ==, FANFARE_PLAYER_STATE_PLAYING);
  out = playerctl ("metadata", "xesam:url", NULL);
  g_assert_cmpstr (out, ==, uri);

  /* What went out on the bus: Seeked for the seeks, and never Position in
   * PropertiesChanged. */
  fanfare_test_wait_ms (100);
  g_assert_true (signal_seen (fixture, "Seeked", "2000000"));
  g_assert_true (signal_seen (fixture, "Seeked", "3500000"));
  g_assert_true (signal_seen (fixture, "PropertiesChanged", "PlaybackStatus"));
  g_assert_true (signal_seen (fixture, "PropertiesChanged", "LoopStatus"));
  g_assert_true (signal_seen (fixture, "TrackListReplaced", NULL));
  g_assert_false (signal_seen (fixture, "PropertiesChanged", "'Position'"));
}

static void
proxy_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GDBusProxy **proxy = user_data;
  g_autoptr(GError) error = NULL;

  *proxy = g_dbus_proxy_new_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_is_set (gpointer  data)
{
  return *(gpointer *) data != NULL;
}

/* The player answers on this process's main loop: never block it. */
static GDBusProxy *
make_proxy (Fixture    *fixture,
            const char *interface)
{
  GDBusProxy *proxy = NULL;

  g_dbus_proxy_new (fixture->watcher, G_DBUS_PROXY_FLAGS_NONE, NULL, "org.mpris.MediaPlayer2." NAME,
                    "/org/mpris/MediaPlayer2", interface, NULL, proxy_cb, &proxy);
  g_assert_true (fanfare_test_wait_for (pointer_is_set, &proxy, 10000));

  return proxy;
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GVariant **reply = user_data;
  g_autoptr(GError) error = NULL;

  *reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, &error);
  g_assert_no_error (error);
}

static GVariant *
call (GDBusProxy *proxy,
      const char *method,
      GVariant   *parameters)
{
  GVariant *reply = NULL;

  g_dbus_proxy_call (proxy, method, parameters, G_DBUS_CALL_FLAGS_NONE, -1, NULL, call_cb, &reply);
  g_assert_true (fanfare_test_wait_for (pointer_is_set, &reply, 10000));

  return reply;
}

static void
raise_cb (FanfareMpris *mpris,
          gboolean     *raised)
{
  *raised = TRUE;
}

static void
test_root_and_tracklist (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDBusProxy) root = NULL;
  g_autoptr(GDBusProxy) tracklist = NULL;
  g_autoptr(GVariant) identity = NULL;
  g_autoptr(GVariant) entry = NULL;
  g_autoptr(GVariant) tracks = NULL;
  g_autoptr(GVariant) result = NULL;
  g_autofree char *second = NULL;
  gboolean raised = FALSE;

  g_signal_connect (fixture->mpris, "raise", G_CALLBACK (raise_cb), &raised);

  root = make_proxy (fixture, "org.mpris.MediaPlayer2");
  identity = g_dbus_proxy_get_cached_property (root, "Identity");
  entry = g_dbus_proxy_get_cached_property (root, "DesktopEntry");
  g_assert_cmpstr (g_variant_get_string (identity, NULL), ==, "Fanfare");
  g_assert_cmpstr (g_variant_get_string (entry, NULL), ==, "io.github.fanfare_music.Fanfare");

  g_variant_unref (call (root, "Raise", NULL));
  g_assert_true (raised);

  tracklist = make_proxy (fixture, "org.mpris.MediaPlayer2.TrackList");
  tracks = g_dbus_proxy_get_cached_property (tracklist, "Tracks");
  g_assert_cmpuint (g_variant_n_children (tracks), ==, 3);

  /* GoTo the second entry, by its id. */
  g_variant_get_child (tracks, 1, "o", &second);
  result = call (tracklist, "GetTracksMetadata", g_variant_new_parsed ("([%o],)", second));
  {
    g_autoptr(GVariant) list = g_variant_get_child_value (result, 0);
    g_autoptr(GVariant) first = g_variant_get_child_value (list, 0);
    g_autoptr(GVariant) title = g_variant_lookup_value (first, "xesam:title", G_VARIANT_TYPE_STRING);

    g_assert_cmpstr (g_variant_get_string (title, NULL), ==, "Song 1");
  }

  g_variant_unref (call (tracklist, "GoTo", g_variant_new ("(o)", second)));
  g_assert_cmpint (fanfare_play_queue_get_current (fanfare_player_get_queue (fixture->player)), ==, 1);

  /* Removing it leaves two. */
  g_variant_unref (call (tracklist, "RemoveTrack", g_variant_new ("(o)", second)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (fixture->player))), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add ("/player/mpris/playerctl", Fixture, NULL, fixture_set_up, test_playerctl, fixture_tear_down);
  g_test_add ("/player/mpris/root-and-tracklist", Fixture, NULL, fixture_set_up, test_root_and_tracklist,
              fixture_tear_down);

  return g_test_run ();
}
