/* fanfare-application-plays.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plays of platform tracks, reported to the platform once a track has
 * played long enough (see fanfare_play_counts()). Only time spent playing
 * counts: pauses and seeks do not. The client keeps a report made offline
 * and sends it when the server answers again.
 *
 * The personal radio lives here too: an endless queue that asks the
 * server for more as it nears its end, and tells it of the tracks the
 * user skipped before they counted as plays. While it plays, app.radio-like
 * and app.radio-skip (the player bar's buttons) tell it what the user
 * thinks of the track playing. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application-private.h"

#define RADIO_BATCH 20

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

static gboolean
is_radio_track (FanfareApplication *self,
                FanfareTrack       *track)
{
  return self->radio_ids != NULL && track != NULL &&
         g_hash_table_contains (self->radio_ids, fanfare_track_get_id (track));
}

/* Like and skip are for the radio's tracks alone. */
static void
update_radio_actions (FanfareApplication *self)
{
  gboolean radio = is_radio_track (self, fanfare_player_get_current_track (self->player));
  static const char *names[] = { "radio-like", "radio-skip" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), radio);
    }
}

/* A batch of the radio asked for, and for which radio. */
typedef struct {
  FanfareApplication *self;
  guint               serial;
} RadioLoad;

static void
radio_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RadioLoad *load = user_data;
  g_autoptr(FanfareApplication) self = load->self;
  guint serial = load->serial;
  g_autoptr(GListModel) picks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  FanfarePlayQueue *queue;
  gboolean start;

  g_free (load);
  picks = fanfare_client_list_finish (FANFARE_CLIENT (object), result, &error);
  /* The user played something else meanwhile: the radio is over. */
  if (serial != self->radio_serial)
    return;

  queue = fanfare_player_get_queue (self->player);
  start = self->radio_ids == NULL;
  self->radio_loading = FALSE;
  if (picks == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _fanfare_application_toast (self, error->message);
      return;
    }
  if (g_list_model_get_n_items (picks) == 0)
    {
      if (start)
        _fanfare_application_toast (self, _("Your radio has nothing to play yet"));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(FanfarePick) pick = g_list_model_get_item (picks, i);

      g_ptr_array_add (tracks, g_object_ref (fanfare_pick_get_track (pick)));
    }

  /* The radio replaces the queue, which ends whatever radio was before;
   * its tracks are the radio's from then on. */
  if (start)
    fanfare_play_queue_set_tracks (queue, tracks, 0);
  if (self->radio_ids == NULL)
    self->radio_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < tracks->len; i++)
    g_hash_table_add (self->radio_ids, g_strdup (fanfare_track_get_id (g_ptr_array_index (tracks, i))));

  if (start)
    fanfare_player_play_position (self->player, 0);
  else
    fanfare_play_queue_append (queue, tracks);
  update_radio_actions (self);
}

static void
load_radio (FanfareApplication *self)
{
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);
  RadioLoad *load;

  if (client == NULL || self->radio_loading)
    return;
  self->radio_loading = TRUE;
  load = g_new0 (RadioLoad, 1);
  load->self = g_object_ref (self);
  load->serial = self->radio_serial;
  fanfare_client_list_radio_async (client, RADIO_BATCH, self->cancellable, radio_loaded_cb, load);
}

/* The queue was replaced: the radio's tracks are no longer the radio's,
 * even those that come again, and a batch still on its way is not
 * wanted, whatever replaced it: a list, a file opened, or the radio
 * starting afresh. */
static void
leave_radio (FanfareApplication *self)
{
  g_clear_pointer (&self->radio_ids, g_hash_table_unref);
  self->radio_serial++;
  self->radio_loading = FALSE;
  self->radio_skipped = FALSE;
  update_radio_actions (self);
}

/**
 * fanfare_application_play_radio:
 *
 * Replaces the queue with the user's personal radio, which goes on as long
 * as it is played.
 */
void
fanfare_application_play_radio (FanfareApplication *self)
{
  g_return_if_fail (FANFARE_IS_APPLICATION (self));

  leave_radio (self);
  load_radio (self);
}

/**
 * fanfare_application_get_playing_radio:
 *
 * Returns: whether the track playing came from the radio
 */
gboolean
fanfare_application_get_playing_radio (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), FALSE);

  return is_radio_track (self, fanfare_player_get_current_track (self->player));
}

/* Near the end of the radio's tracks, more are asked for; one left
 * before it counted is a skip the radio hears of. */
static void
follow_radio (FanfareApplication *self,
              FanfareTrack       *previous,
              gboolean            counted)
{
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);
  FanfarePlayQueue *queue = fanfare_player_get_queue (self->player);
  FanfareTrack *track = fanfare_player_get_current_track (self->player);

  if (client != NULL && is_radio_track (self, previous) && !counted && self->play_counted > 0 &&
      !self->radio_skipped)
    fanfare_client_send_radio_feedback_async (client, previous, FALSE, NULL, NULL, NULL);
  self->radio_skipped = FALSE;

  if (!is_radio_track (self, track))
    return;
  if (fanfare_play_queue_get_current (queue) + 3 >= (int) g_list_model_get_n_items (G_LIST_MODEL (queue)))
    load_radio (self);
}

static void
radio_liked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FanfareApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fanfare_client_send_radio_feedback_finish (FANFARE_CLIENT (object), result, &error))
    _fanfare_application_toast (self, _("Your radio will play more like it"));
  else
    _fanfare_application_toast (self, error->message);
}

/**
 * fanfare_application_like_track:
 * @track: a platform track
 *
 * Tells the radio to play more like @track, and the user that it will.
 */
void
fanfare_application_like_track (FanfareApplication *self,
                                FanfareTrack       *track)
{
  FanfareClient *client;

  g_return_if_fail (FANFARE_IS_APPLICATION (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  client = fanfare_account_manager_get_client (self->accounts);
  if (client != NULL)
    fanfare_client_send_radio_feedback_async (client, track, TRUE, NULL, radio_liked_cb, g_object_ref (self));
}

static void
radio_like_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  FanfareApplication *self = user_data;
  FanfareTrack *track = fanfare_player_get_current_track (self->player);

  if (is_radio_track (self, track))
    fanfare_application_like_track (self, track);
}

/* The radio hears of the skip at once, and the next track plays. */
static void
radio_skip_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  FanfareApplication *self = user_data;
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);
  FanfareTrack *track = fanfare_player_get_current_track (self->player);

  if (client == NULL || !is_radio_track (self, track))
    return;
  fanfare_client_send_radio_feedback_async (client, track, FALSE, NULL, NULL, NULL);
  self->radio_skipped = TRUE;
  fanfare_player_next (self->player);
}

static void
track_changed_cb (FanfareApplication *self)
{
  FanfareTrack *track = fanfare_player_get_current_track (self->player);
  g_autoptr(FanfareTrack) previous = NULL;

  count_elapsed (self);
  report_if_counted (self);
  previous = self->play_track != NULL ? g_object_ref (self->play_track) : NULL;
  if (previous != track)
    follow_radio (self, previous, self->play_reported);

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
  update_radio_actions (self);
}

static const GActionEntry radio_actions[] = {
  { "radio-like", radio_like_action },
  { "radio-skip", radio_skip_action },
};

void
_fanfare_application_plays_startup (FanfareApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), radio_actions, G_N_ELEMENTS (radio_actions), self);
  update_radio_actions (self);
  g_signal_connect_object (self->player, "notify::current-track", G_CALLBACK (track_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (fanfare_player_get_queue (self->player), "replaced", G_CALLBACK (leave_radio), self,
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
  g_clear_pointer (&self->radio_ids, g_hash_table_unref);
}
