/* fanfare-player-actions.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The player.* actions: what the player bar's buttons and the keyboard
 * shortcuts do. Each acts on the player, and each is enabled only when the
 * player can do it, so the buttons follow by themselves. */

#include "config.h"

#include "fanfare-player-actions.h"

#define VOLUME_STEP 0.1


static void
play_pause_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  fanfare_player_play_pause (user_data);
}

static void
previous_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  fanfare_player_previous (user_data);
}

static void
next_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  fanfare_player_next (user_data);
}

static void
stop_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  fanfare_player_stop (user_data);
}

static void
volume_up_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  fanfare_player_set_volume (user_data, fanfare_player_get_volume (user_data) + VOLUME_STEP);
}

static void
volume_down_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  fanfare_player_set_volume (user_data, fanfare_player_get_volume (user_data) - VOLUME_STEP);
}

static void
shuffle_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (user_data);

  fanfare_play_queue_set_shuffle (queue, !fanfare_play_queue_get_shuffle (queue));
}

static void
repeat_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (user_data);

  /* Off, then the whole queue, then the one track, then off again. */
  switch (fanfare_play_queue_get_repeat_mode (queue))
    {
    case FANFARE_REPEAT_MODE_OFF:
      fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_ALL);
      break;

    case FANFARE_REPEAT_MODE_ALL:
      fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_ONE);
      break;

    case FANFARE_REPEAT_MODE_ONE:
    default:
      fanfare_play_queue_set_repeat_mode (queue, FANFARE_REPEAT_MODE_OFF);
      break;
    }
}

static void
shuffle_changed_cb (FanfarePlayQueue *queue,
                    GParamSpec       *pspec,
                    GSimpleAction    *action)
{
  g_simple_action_set_state (action, g_variant_new_boolean (fanfare_play_queue_get_shuffle (queue)));
}

static const GActionEntry entries[] = {
  { "play-pause", play_pause_cb },
  { "previous", previous_cb },
  { "next", next_cb },
  { "stop", stop_cb },
  { "volume-up", volume_up_cb },
  { "volume-down", volume_down_cb },
  { "shuffle", shuffle_cb, NULL, "false" },
  { "repeat", repeat_cb },
};

static void
bind_enabled (GActionMap    *group,
              FanfarePlayer *player,
              const char    *action_name,
              const char    *property)
{
  GAction *action = g_action_map_lookup_action (group, action_name);

  g_object_bind_property (player, property, action, "enabled", G_BINDING_SYNC_CREATE);
}

/**
 * fanfare_player_actions_new:
 * @player: the player to act on
 *
 * Returns: (transfer full): the actions, to insert as "player"
 */
GActionGroup *
fanfare_player_actions_new (FanfarePlayer *player)
{
  GSimpleActionGroup *group;
  FanfarePlayQueue *queue;
  GAction *shuffle;

  g_return_val_if_fail (FANFARE_IS_PLAYER (player), NULL);

  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), player);

  /* The actions must not outlive the player they act on. */
  g_object_set_data_full (G_OBJECT (group), "player", g_object_ref (player), g_object_unref);

  bind_enabled (G_ACTION_MAP (group), player, "play-pause", "can-play");
  bind_enabled (G_ACTION_MAP (group), player, "previous", "can-go-previous");
  bind_enabled (G_ACTION_MAP (group), player, "next", "can-go-next");

  queue = fanfare_player_get_queue (player);
  shuffle = g_action_map_lookup_action (G_ACTION_MAP (group), "shuffle");
  g_simple_action_set_state (G_SIMPLE_ACTION (shuffle), g_variant_new_boolean (fanfare_play_queue_get_shuffle (queue)));
  g_signal_connect_object (queue, "notify::shuffle", G_CALLBACK (shuffle_changed_cb), shuffle, 0);

  return G_ACTION_GROUP (group);
}
