/* fanfare-player-bar.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The player bar along the bottom of the window. Its buttons act through
* the player.* actions; what it shows follows the player's properties. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-chapter-button.h"
#include "fanfare-chapter.h"
#include "fanfare-cover-image.h"
#include "fanfare-player-bar.h"
#include "fanfare-utils.h"

struct _FanfarePlayerBar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox            *box;
  FanfareCoverImage *cover_image;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkButton         *play_button;
  GtkScale          *seek_scale;
  GtkLabel          *elapsed_label;
  GtkLabel          *remaining_label;
  GtkScaleButton    *volume_button;
  GtkButton         *repeat_button;

  /* Owned references */
  FanfarePlayer *player;
  GSignalGroup  *player_signals;
  GSignalGroup  *queue_signals;
  GSignalGroup  *track_signals;
  GBinding      *volume_binding;

  /* State */
  guint compact : 1;
};

G_DEFINE_FINAL_TYPE (FanfarePlayerBar, fanfare_player_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  PROP_PLAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_button_label (GtkButton  *button,
                  const char *icon_name,
                  const char *label)
{
  gtk_button_set_icon_name (button, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_state (FanfarePlayerBar *self)
{
  gboolean playing = self->player != NULL &&
                     fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_PLAYING;

  if (playing)
    set_button_label (self->play_button, "media-playback-pause-symbolic", _("Pause"));
  else
    set_button_label (self->play_button, "media-playback-start-symbolic", _("Play"));
}

static void
update_position (FanfarePlayerBar *self)
{
  GTimeSpan position = self->player ? fanfare_player_get_position (self->player) : 0;
  GTimeSpan duration = self->player ? fanfare_player_get_duration (self->player) : 0;
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (self->seek_scale));
  g_autofree char *elapsed = fanfare_format_duration (position);
  g_autofree char *left = fanfare_format_duration (duration - position);
  g_autofree char *remaining = NULL;

  gtk_adjustment_configure (adjustment,
                            (double) position / G_USEC_PER_SEC,
                            0, MAX ((double) duration / G_USEC_PER_SEC, 1.0),
                            1.0, 10.0, 0.0);
  gtk_label_set_label (self->elapsed_label, elapsed);

  /* Translators: the time left in a track, such as "−2:35" */
  remaining = duration > 0 ? g_strdup_printf (_("−%s"), left) : g_strdup ("");
  gtk_label_set_label (self->remaining_label, remaining);

  gtk_widget_set_sensitive (GTK_WIDGET (self->seek_scale),
                            self->player != NULL && fanfare_player_get_can_seek (self->player));
}

static void
update_track (FanfarePlayerBar *self)
{
  FanfareTrack *track = self->player ? fanfare_player_get_current_track (self->player) : NULL;
  const char *artist;

  if (track == NULL)
    {
      gtk_label_set_label (self->title_label, _("Not Playing"));
      gtk_label_set_label (self->subtitle_label, _("Choose something to play"));
      fanfare_cover_image_set_uri (self->cover_image, NULL);
      return;
    }

  artist = fanfare_track_get_artist (track);
  gtk_label_set_label (self->title_label, fanfare_track_get_title (track));
  gtk_label_set_label (self->subtitle_label, artist ? artist : _("Unknown Artist"));
  fanfare_cover_image_set_uri (self->cover_image, fanfare_track_get_cover_uri (track));

  /* A DJ mix: the entry playing is the title, its artist and the mix below. */
  if (fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_DJ_MIX && fanfare_player_get_current_chapter (self->player))
    {
      FanfareChapter *entry = fanfare_player_get_current_chapter (self->player);
      g_autofree char *subtitle = NULL;

      if (fanfare_chapter_get_artist (entry) != NULL)
        /* Translators: under a DJ mix's entry in the player bar: its artist — the mix */
        subtitle = g_strdup_printf (_("%s — %s"), fanfare_chapter_get_artist (entry), fanfare_track_get_title (track));
      gtk_label_set_label (self->title_label, fanfare_chapter_get_title (entry));
      gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : fanfare_track_get_title (track));
    }
}

static void
current_track_changed_cb (FanfarePlayerBar *self)
{
  g_signal_group_set_target (self->track_signals, fanfare_player_get_current_track (self->player));
  update_track (self);
}

static void
update_repeat (FanfarePlayerBar *self)
{
  FanfareRepeatMode mode = FANFARE_REPEAT_MODE_OFF;

  if (self->player != NULL)
    mode = fanfare_play_queue_get_repeat_mode (fanfare_player_get_queue (self->player));

  switch (mode)
    {
    case FANFARE_REPEAT_MODE_ALL:
      set_button_label (self->repeat_button, "media-playlist-repeat-symbolic", _("Repeat: the Queue"));
      break;

    case FANFARE_REPEAT_MODE_ONE:
      set_button_label (self->repeat_button, "media-playlist-repeat-song-symbolic", _("Repeat: This Track"));
      break;

    case FANFARE_REPEAT_MODE_OFF:
    default:
      set_button_label (self->repeat_button, "media-playlist-repeat-symbolic", _("Repeat: Off"));
      break;
    }

  if (mode == FANFARE_REPEAT_MODE_OFF)
    gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_button), "on");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->repeat_button), "on");
}

static gboolean
fanfare_player_bar_seek_cb (FanfarePlayerBar *self,
                            GtkScrollType     scroll,
                            double            value)
{
  g_assert (FANFARE_IS_PLAYER_BAR (self));

  if (self->player != NULL)
    fanfare_player_seek (self->player, (GTimeSpan) (value * G_USEC_PER_SEC));

  return FALSE;
}

static void
fanfare_player_bar_dispose (GObject *object)
{
  FanfarePlayerBar *self = FANFARE_PLAYER_BAR (object);

  g_clear_pointer (&self->volume_binding, g_binding_unbind);
  g_clear_object (&self->player_signals);
  g_clear_object (&self->queue_signals);
  g_clear_object (&self->track_signals);
  g_clear_object (&self->player);

  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PLAYER_BAR);

  G_OBJECT_CLASS (fanfare_player_bar_parent_class)->dispose (object);
}

static void
fanfare_player_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FanfarePlayerBar *self = FANFARE_PLAYER_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_PLAYER:
      g_value_set_object (value, self->player);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_player_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FanfarePlayerBar *self = FANFARE_PLAYER_BAR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      fanfare_player_bar_set_compact (self, g_value_get_boolean (value));
      break;

    case PROP_PLAYER:
      fanfare_player_bar_set_player (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_player_bar_class_init (FanfarePlayerBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_player_bar_dispose;
  object_class->get_property = fanfare_player_bar_get_property;
  object_class->set_property = fanfare_player_bar_set_property;

  /**
   * FanfarePlayerBar:compact:
   *
   * Whether the bar shows only the essentials, for narrow windows.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfarePlayerBar:player:
   *
   * The player the bar shows.
   */
  properties[PROP_PLAYER] =
    g_param_spec_object ("player", NULL, NULL,
                         FANFARE_TYPE_PLAYER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FANFARE_TYPE_CHAPTER_BUTTON);
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-player-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, box);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, cover_image);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, seek_scale);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, elapsed_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, volume_button);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlayerBar, repeat_button);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_player_bar_seek_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "playerbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fanfare_player_bar_init (FanfarePlayerBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Player"),
                                  -1);

  self->player_signals = g_signal_group_new (FANFARE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::state", G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::position", G_CALLBACK (update_position), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::duration", G_CALLBACK (update_position), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::can-seek", G_CALLBACK (update_position), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::current-track",
                                  G_CALLBACK (current_track_changed_cb), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::chapter", G_CALLBACK (update_track), self);

  self->queue_signals = g_signal_group_new (FANFARE_TYPE_PLAY_QUEUE);
  g_signal_group_connect_swapped (self->queue_signals, "notify::repeat-mode", G_CALLBACK (update_repeat), self);

  /* Tags read while playing fill in a file's title, artist and cover. */
  self->track_signals = g_signal_group_new (FANFARE_TYPE_TRACK);
  g_signal_group_connect_swapped (self->track_signals, "notify", G_CALLBACK (update_track), self);

  update_state (self);
  update_position (self);
  update_track (self);
  update_repeat (self);
}

/**
 * fanfare_player_bar_get_compact:
 * @self: a #FanfarePlayerBar
 *
 * Returns: whether the bar shows only the essentials
 */
gboolean
fanfare_player_bar_get_compact (FanfarePlayerBar *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER_BAR (self), FALSE);

  return self->compact;
}

/**
 * fanfare_player_bar_set_compact:
 * @self: a #FanfarePlayerBar
 * @compact: whether to show only the essentials
 *
 * Narrow windows hide the seek bar and the secondary buttons.
 */
void
fanfare_player_bar_set_compact (FanfarePlayerBar *self,
                                gboolean          compact)
{
  g_return_if_fail (FANFARE_IS_PLAYER_BAR (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/**
 * fanfare_player_bar_get_player:
 * @self: a #FanfarePlayerBar
 *
 * Returns: (transfer none) (nullable): the player the bar shows
 */
FanfarePlayer *
fanfare_player_bar_get_player (FanfarePlayerBar *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYER_BAR (self), NULL);

  return self->player;
}

/**
 * fanfare_player_bar_set_player:
 * @self: a #FanfarePlayerBar
 * @player: (nullable): the player to show
 */
void
fanfare_player_bar_set_player (FanfarePlayerBar *self,
                               FanfarePlayer    *player)
{
  g_return_if_fail (FANFARE_IS_PLAYER_BAR (self));
  g_return_if_fail (!player || FANFARE_IS_PLAYER (player));

  if (!g_set_object (&self->player, player))
    return;

  g_clear_pointer (&self->volume_binding, g_binding_unbind);
  if (player != NULL)
    self->volume_binding = g_object_bind_property (player, "volume",
                                                   gtk_scale_button_get_adjustment (self->volume_button), "value",
                                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_group_set_target (self->player_signals, player);
  g_signal_group_set_target (self->queue_signals, player ? fanfare_player_get_queue (player) : NULL);
  g_signal_group_set_target (self->track_signals, player ? fanfare_player_get_current_track (player) : NULL);

  update_state (self);
  update_position (self);
  update_track (self);
  update_repeat (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYER]);
}
