/* fanfare-application-playback.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the application does around playback: it binds the player to the
 * preferences, publishes it over MPRIS, keeps the computer awake while
 * music plays, tells of a new track when the window is not in front, and
 * brings back the queue of the last run. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application-private.h"
#include "fanfare-player-enums.h"
#include "fanfare-window.h"

static gboolean
replay_gain_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *mode = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (mode, "off") == 0)
    g_value_set_enum (value, FANFARE_REPLAY_GAIN_MODE_OFF);
  else if (g_strcmp0 (mode, "album") == 0)
    g_value_set_enum (value, FANFARE_REPLAY_GAIN_MODE_ALBUM);
  else
    g_value_set_enum (value, FANFARE_REPLAY_GAIN_MODE_TRACK);

  return TRUE;
}

static gboolean
any_window_visible (FanfareApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      return TRUE;

  return FALSE;
}

static void
update_inhibit (FanfareApplication *self)
{
  gboolean playing = fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_PLAYING;

  if (playing && self->inhibit_cookie == 0)
    self->inhibit_cookie =
      gtk_application_inhibit (GTK_APPLICATION (self),
                               gtk_application_get_active_window (GTK_APPLICATION (self)),
                               GTK_APPLICATION_INHIBIT_SUSPEND,
                               _("Playing music"));
  else if (!playing && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
state_changed_cb (FanfareApplication *self)
{
  update_inhibit (self);

  /* Music that played on with the window closed has ended: nothing is
   * left for the application to do. */
  if (fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_STOPPED &&
      gtk_application_get_windows (GTK_APPLICATION (self)) != NULL &&
      !any_window_visible (self))
    g_application_quit (G_APPLICATION (self));
}

static void
notify_track (FanfareApplication *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self->player);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autofree char *body = NULL;
  const char *artist, *album, *cover;

  if (track == NULL || track == self->notified_track ||
      fanfare_player_get_state (self->player) != FANFARE_PLAYER_STATE_PLAYING ||
      !g_settings_get_boolean (self->settings, "notify-track-change"))
    return;

  /* Whoever looks at the window sees the player bar already. */
  if (window != NULL && gtk_widget_get_visible (GTK_WIDGET (window)) && gtk_window_is_active (window))
    return;

  g_set_object (&self->notified_track, track);

  artist = fanfare_track_get_artist (track);
  album = fanfare_track_get_album (track);
  if (artist != NULL && album != NULL)
    /* Translators: the body of the notification of a new track: artist — album */
    body = g_strdup_printf (_("%s — %s"), artist, album);
  else
    body = g_strdup (artist != NULL ? artist : album);

  notification = g_notification_new (fanfare_track_get_title (track));
  if (body != NULL)
    g_notification_set_body (notification, body);

  cover = fanfare_track_get_cover_uri (track);
  if (cover != NULL && g_str_has_prefix (cover, "file://"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (cover);

      icon = g_file_icon_new (file);
    }
  else
    icon = g_themed_icon_new (APP_ID);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_LOW);

  g_application_send_notification (G_APPLICATION (self), "now-playing", notification);
}

static void
raise_cb (FanfareApplication *self)
{
  g_application_activate (G_APPLICATION (self));
}

static void
quit_cb (FanfareApplication *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

static void
error_cb (FanfareApplication *self,
          const GError       *error)
{
  g_debug ("Playback: %s", error->message);
  _fanfare_application_toast (self, error->message);
}

void
_fanfare_application_playback_startup (FanfareApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autofree char *sink = g_settings_get_string (self->settings, "audio-sink");

  g_settings_bind_with_mapping (self->settings, "replay-gain",
                                self->player, "replay-gain-mode",
                                G_SETTINGS_BIND_GET,
                                replay_gain_get_mapping, NULL, NULL, NULL);
  g_settings_bind (self->settings, "volume", self->player, "volume", G_SETTINGS_BIND_DEFAULT);
  fanfare_player_set_audio_sink_description (self->player, sink);

  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::current-track", G_CALLBACK (notify_track), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (notify_track), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "error", G_CALLBACK (error_cb), self, G_CONNECT_SWAPPED);

  /* Without a session bus there are no media keys, but music still plays. */
  if (connection != NULL)
    {
      self->mpris = fanfare_mpris_new (self->player, connection,
                                       DEVELOPMENT_BUILD ? "Fanfare.Devel" : "Fanfare", APP_ID);
      g_signal_connect_object (self->mpris, "raise", G_CALLBACK (raise_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->mpris, "quit", G_CALLBACK (quit_cb), self, G_CONNECT_SWAPPED);
    }
}

void
_fanfare_application_playback_shutdown (FanfareApplication *self)
{
  fanfare_player_save_now (self->player);

  if (self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_player_restore_finish (FANFARE_PLAYER (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The queue of the last run is lost: %s", error->message);
}

static gboolean
restore_cb (gpointer  data)
{
  FanfareApplication *self = data;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "fanfare", "playback.db", NULL);

  self->restore_source = 0;
  fanfare_player_restore_async (self->player, path, self->cancellable, restored_cb, NULL);

  return G_SOURCE_REMOVE;
}

void
_fanfare_application_schedule_restore (FanfareApplication *self)
{
  /* Once, and after the first frame: a low-priority idle runs after the
   * window has drawn. */
  if (self->restore_scheduled)
    return;
  self->restore_scheduled = TRUE;

  self->restore_source = g_idle_add_full (G_PRIORITY_LOW, restore_cb, self, NULL);
}
