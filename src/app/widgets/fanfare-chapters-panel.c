/* fanfare-chapters-panel.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Beside the player for long items: an audiobook's chapters or a DJ
 * mix's tracklist with their times, the one playing highlighted, a click
 * seeking to one; how long is left at the current speed; the speed
 * (0.5× to 2×, the pitch kept); and the sleep timer. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-chapter.h"
#include "fanfare-chapters-panel.h"
#include "fanfare-utils.h"

static const double speeds[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0 };

struct _FanfareChaptersPanel
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget     *box;
  GtkLabel      *time_left_label;
  GtkDropDown   *speed_dropdown;
  GtkMenuButton *sleep_button;
  GtkListBox    *list;

  /* Owned references */
  FanfarePlayer *player;
  GSignalGroup  *player_signals;

  /* State */
  int current;
};

G_DEFINE_FINAL_TYPE (FanfareChaptersPanel, fanfare_chapters_panel, GTK_TYPE_WIDGET)

/**
 * fanfare_format_time_left:
 * @left: how long a long item plays on
 *
 * Returns: (transfer full): "38 min left", "2 h 5 min left"
 */
char *
fanfare_format_time_left (GTimeSpan left)
{
  guint minutes = (guint) ((MAX (left, 0) + 59 * G_TIME_SPAN_SECOND) / G_TIME_SPAN_MINUTE);

  if (minutes < 60)
    return g_strdup_printf (ngettext ("%u min left", "%u min left", minutes), minutes);

  /* TRANSLATORS: hours and minutes of an audiobook or a mix still to play */
  return g_strdup_printf (_("%u h %u min left"), minutes / 60, minutes % 60);
}

/**
 * fanfare_chapter_row_new:
 * @chapter: a chapter or an entry of a tracklist
 *
 * Returns: (transfer floating): an activatable row with its title, its
 *   artist and its start
 */
GtkWidget *
fanfare_chapter_row_new (FanfareChapter *chapter)
{
  const char *artist = fanfare_chapter_get_artist (chapter);
  g_autofree char *start = fanfare_format_duration (fanfare_chapter_get_start (chapter));
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *time = gtk_label_new (start);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_chapter_get_title (chapter));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (artist != NULL)
    adw_action_row_set_subtitle (row, artist);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "dim-label");
  adw_action_row_add_suffix (row, time);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return GTK_WIDGET (row);
}

static GtkWidget *
make_row (gpointer  item,
          gpointer  user_data)
{
  return fanfare_chapter_row_new (item);
}

static void
update_current (FanfareChaptersPanel *self)
{
  int chapter = self->player != NULL ? fanfare_player_get_chapter (self->player) : -1;
  GtkListBoxRow *row;

  if ((row = gtk_list_box_get_row_at_index (self->list, self->current)) != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "current");
  if ((row = gtk_list_box_get_row_at_index (self->list, chapter)) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "current");
  self->current = chapter;
}

static void
update_time_left (FanfareChaptersPanel *self)
{
  GTimeSpan left = self->player != NULL ? fanfare_player_get_time_left (self->player) : -1;
  g_autofree char *text = left >= 0 ? fanfare_format_time_left (left) : NULL;

  gtk_label_set_label (self->time_left_label, text != NULL ? text : "");
}

static void
rate_cb (FanfareChaptersPanel *self)
{
  double rate = fanfare_player_get_rate (self->player);

  for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
    if (G_APPROX_VALUE (speeds[i], rate, 0.001))
      gtk_drop_down_set_selected (self->speed_dropdown, i);
  update_time_left (self);
}

static void
sleep_cb (FanfareChaptersPanel *self)
{
  gboolean active = fanfare_player_get_sleep_timer_active (self->player);

  gtk_menu_button_set_icon_name (self->sleep_button,
                                 active ? "alarm-symbolic" : "weather-clear-night-symbolic");
}

static void
fanfare_chapters_panel_speed_cb (FanfareChaptersPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  g_assert (FANFARE_IS_CHAPTERS_PANEL (self));

  if (self->player != NULL && selected < G_N_ELEMENTS (speeds))
    fanfare_player_set_rate (self->player, speeds[selected]);
}

static void
fanfare_chapters_panel_row_activated_cb (FanfareChaptersPanel *self,
                                         GtkListBoxRow        *row)
{
  g_assert (FANFARE_IS_CHAPTERS_PANEL (self));

  fanfare_player_play_chapter (self->player, (guint) gtk_list_box_row_get_index (row));
}

static void
sleep_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareChaptersPanel *self = FANFARE_CHAPTERS_PANEL (widget);
  int minutes = g_variant_get_int32 (parameter);

  if (self->player == NULL)
    return;
  if (minutes < 0)
    fanfare_player_sleep_at_chapter_end (self->player);
  else
    fanfare_player_set_sleep_timer (self->player, (GTimeSpan) minutes * G_TIME_SPAN_MINUTE);
}

static void
fanfare_chapters_panel_dispose (GObject *object)
{
  FanfareChaptersPanel *self = FANFARE_CHAPTERS_PANEL (object);

  g_clear_object (&self->player_signals);
  g_clear_object (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CHAPTERS_PANEL);

  G_OBJECT_CLASS (fanfare_chapters_panel_parent_class)->dispose (object);
}

static void
fanfare_chapters_panel_class_init (FanfareChaptersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_chapters_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-chapters-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareChaptersPanel, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareChaptersPanel, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareChaptersPanel, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FanfareChaptersPanel, sleep_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareChaptersPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_chapters_panel_speed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_chapters_panel_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "longform.sleep", "i", sleep_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chapterspanel");
}

static void
fanfare_chapters_panel_init (FanfareChaptersPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current = -1;
  self->player_signals = g_signal_group_new (FANFARE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::chapter", G_CALLBACK (update_current), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::position", G_CALLBACK (update_time_left), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::duration", G_CALLBACK (update_time_left), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::rate", G_CALLBACK (rate_cb), self);
  g_signal_group_connect_swapped (self->player_signals, "notify::sleep-timer-active", G_CALLBACK (sleep_cb), self);
}

/**
 * fanfare_chapters_panel_set_player:
 * @self: a #FanfareChaptersPanel
 * @player: (nullable): the player whose chapters to show
 */
void
fanfare_chapters_panel_set_player (FanfareChaptersPanel *self,
                                   FanfarePlayer        *player)
{
  g_return_if_fail (FANFARE_IS_CHAPTERS_PANEL (self));

  if (!g_set_object (&self->player, player))
    return;

  g_signal_group_set_target (self->player_signals, player);
  gtk_list_box_bind_model (self->list, player != NULL ? fanfare_player_get_chapters (player) : NULL,
                           make_row, NULL, NULL);
  self->current = -1;
  if (player != NULL)
    {
      update_current (self);
      rate_cb (self);
      sleep_cb (self);
    }
  update_time_left (self);
}
