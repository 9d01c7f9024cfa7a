/* fanfare-application-plays.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plays of platform tracks, reported to the platform once a track has
 * played long enough (see fanfare_play_counts()). Only time spent playing
 * counts: pauses and seeks do not. The client keeps a report made offline
 * and sends it when the server answers again. */

#include "config.h"

#include "fanfare-application-private.h"

#define TICK_MS 1000

static void
count_elapsed (FanfareApplication *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->play_tick != 0)
    self->play_counted += now - self->play_tick;
  self->play_tick = fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_PLAYING ? now : 0;
}

static void
report_if_counted (FanfareApplication *self)
{
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);

  if (self->play_track == NULL || self->play_reported || client == NULL ||
      !fanfare_play_counts (self->play_counted, fanfare_track_get_duration (self->play_track)))
    return;

  self->play_reported = TRUE;
  fanfare_client_report_play (client, self->play_track, self->play_started_at, self->play_counted);
}

static gboolean
tick_cb (gpointer  data)
{
  FanfareApplication *self = data;

  count_elapsed (self);
  report_if_counted (self);

  return G_SOURCE_CONTINUE;
}

static void
state_changed_cb (FanfareApplication *self)
{
  gboolean playing = fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_PLAYING;

  count_elapsed (self);
  report_if_counted (self);
  if (playing && self->play_source == 0 && self->play_track != NULL)
    self->play_source = g_timeout_add (TICK_MS, tick_cb, self);
  else if (!playing)
    g_clear_handle_id (&self->play_source, g_source_remove);
}

static void
track_changed_cb (FanfareApplication *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self->player);

  count_elapsed (self);
  report_if_counted (self);

  g_clear_object (&self->play_track);
  g_clear_pointer (&self->play_started_at, g_date_time_unref);
  self->play_counted = 0;
  self->play_reported = FALSE;
  if (track != NULL && fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM)
    {
      self->play_track = g_object_ref (track);
      self->play_started_at = g_date_time_new_now_utc ();
    }
  state_changed_cb (self);
}

void
_fanfare_application_plays_startup (FanfareApplication *self)
{
  g_signal_connect_object (self->player, "notify::current-track", G_CALLBACK (track_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_fanfare_application_plays_shutdown (FanfareApplication *self)
{
  count_elapsed (self);
  report_if_counted (self);
  g_clear_handle_id (&self->play_source, g_source_remove);
  g_clear_object (&self->play_track);
  g_clear_pointer (&self->play_started_at, g_date_time_unref);
}
