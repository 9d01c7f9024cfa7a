/* fanfare-application-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The platform's side of long items and lyrics, for the player: when a
 * platform track becomes current, its lyrics and chapters are fetched and
 * handed to the player; where the listener stopped in a book or a mix goes
 * to the platform on pause and when another track starts, and a newer
 * position from another device is taken when the item starts. A DJ mix's
 * entry playing is announced like a new track. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application-private.h"
#include "fanfare-chapter.h"
#include "fanfare-error.h"

/* A position from elsewhere that differs less than this is not sought to. */
#define RESUME_SLACK (5 * G_TIME_SPAN_SECOND)

static FanfareClient *
client_for (FanfareApplication *self,
            FanfareTrack       *track)
{
  FanfareClient *client = self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;

  if (track == NULL || fanfare_track_get_source (track) != FANFARE_SOURCE_PLATFORM ||
      fanfare_track_get_id (track) == NULL || client == NULL || fanfare_client_get_user (client) == NULL)
    return NULL;

  return client;
}

static void
lyrics_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareTrack) track = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareLyrics) lyrics = fanfare_client_get_lyrics_finish (FANFARE_CLIENT (object), result, &error);
  FanfareApplication *self = FANFARE_APPLICATION (g_application_get_default ());

  if (lyrics == NULL)
    {
      if (!g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        g_debug ("No lyrics for %s: %s", fanfare_track_get_id (track), error->message);
      return;
    }
  if (self != NULL && self->player != NULL)
    fanfare_player_set_extras (self->player, track, lyrics, NULL);
}

static void
chapters_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareTrack) track = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) chapters = fanfare_client_list_chapters_finish (FANFARE_CLIENT (object), result, &error);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  FanfareApplication *self = FANFARE_APPLICATION (g_application_get_default ());

  if (chapters == NULL)
    {
      g_debug ("No chapters for %s: %s", fanfare_track_get_id (track), error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    g_ptr_array_add (array, g_list_model_get_item (chapters, i));
  if (self != NULL && self->player != NULL)
    fanfare_player_set_extras (self->player, track, NULL, array);
}

/* Sends where this device stopped in @track, with when it stopped there. */
static void
send_local_position (FanfareApplication *self,
                     FanfareClient      *client,
                     FanfareTrack       *track)
{
  GTimeSpan position = fanfare_player_get_resume_position (self->player, track);
  gint64 updated = fanfare_player_get_resume_updated (self->player, track);

  if (position > 0 && updated > 0)
    fanfare_client_report_position (client, fanfare_track_get_id (track), position, updated * 1000);
}

static void
position_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareTrack) track = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientPosition) position = NULL;
  FanfareApplication *self = FANFARE_APPLICATION (g_application_get_default ());
  GTimeSpan local;

  position = fanfare_client_get_position_finish (FANFARE_CLIENT (object), result, &error);
  if (self == NULL || self->player == NULL)
    return;
  if (position == NULL)
    {
      /* Never heard of there: this device's position is the newest. */
      if (g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        send_local_position (self, FANFARE_CLIENT (object), track);
      return;
    }

  /* The newer of the two wins: this device's goes to the platform... */
  if (fanfare_player_get_resume_updated (self->player, track) > position->edited_at / 1000)
    {
      send_local_position (self, FANFARE_CLIENT (object), track);
      return;
    }

  /* ...or, listened elsewhere since, go there if this device has not moved on. */
  local = fanfare_player_get_resume_position (self->player, track);
  fanfare_player_merge_resume_position (self->player, track, position->position, position->edited_at / 1000);
  if (fanfare_player_get_current_track (self->player) == track &&
      fanfare_player_get_resume_position (self->player, track) == position->position &&
      ABS (position->position - MAX (local, 0)) > RESUME_SLACK &&
      fanfare_player_get_position (self->player) <= MAX (local, 0) + RESUME_SLACK)
    fanfare_player_seek (self->player, position->position);
}

static void
send_position (FanfareApplication *self,
               FanfareTrack       *track)
{
  FanfareClient *client = client_for (self, track);
  GTimeSpan position;

  if (client == NULL || fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_SONG)
    return;

  /* Sent now, or kept on disk until the server answers again. */
  position = fanfare_player_get_resume_position (self->player, track);
  fanfare_client_report_position (client, fanfare_track_get_id (track), MAX (position, 0),
                                  g_get_real_time () / 1000);
}

static void
track_changed_cb (FanfareApplication *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self->player);
  FanfareClient *client = client_for (self, track);
  if (self->longform_track == track)
    return;
  if (self->longform_track != NULL)
    send_position (self, self->longform_track);
  g_set_object (&self->longform_track, track);
  if (client == NULL)
    return;

  fanfare_client_get_lyrics_async (client, fanfare_track_get_id (track), NULL, lyrics_cb, g_object_ref (track));
  if (fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_SONG)
    return;
  fanfare_client_list_chapters_async (client, fanfare_track_get_id (track), NULL, chapters_cb, g_object_ref (track));
  fanfare_client_get_position_async (client, fanfare_track_get_id (track), NULL, position_cb, g_object_ref (track));
}

static void
state_changed_cb (FanfareApplication *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self->player);

  if (track != NULL && fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_PAUSED)
    send_position (self, track);
}

/* A mix's new entry, as a new track's notification. */
static void
chapter_changed_cb (FanfareApplication *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self->player);
  FanfareChapter *entry = fanfare_player_get_current_chapter (self->player);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  const char *artist;

  if (track == NULL || entry == NULL || fanfare_track_get_kind (track) != FANFARE_TRACK_KIND_DJ_MIX ||
      fanfare_player_get_state (self->player) != FANFARE_PLAYER_STATE_PLAYING ||
      !g_settings_get_boolean (self->settings, "notify-track-change") ||
      (window != NULL && gtk_widget_get_visible (GTK_WIDGET (window)) && gtk_window_is_active (window)))
    return;

  artist = fanfare_chapter_get_artist (entry);
  /* Translators: the body of the notification of a DJ mix's next entry: artist — mix */
  body = artist != NULL ? g_strdup_printf (_("%s — %s"), artist, fanfare_track_get_title (track))
         : g_strdup (fanfare_track_get_title (track));
  notification = g_notification_new (fanfare_chapter_get_title (entry));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_LOW);
  g_application_send_notification (G_APPLICATION (self), "now-playing", notification);
}

void
_fanfare_application_longform_startup (FanfareApplication *self)
{
  g_signal_connect_object (self->player, "notify::current-track", G_CALLBACK (track_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::chapter", G_CALLBACK (chapter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_fanfare_application_longform_shutdown (FanfareApplication *self)
{
  g_clear_object (&self->longform_track);
}
