/* fanfare-chapter-button.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* In the player bar, for an item with chapters (an audiobook, a mix's
 * tracklist): a button whose popover lists them, the one playing marked;
 * choosing one plays from there. Hidden when there are none. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-chapter-button.h"
#include "fanfare-chapters-panel.h"

struct _FanfareChapterButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkListBox    *list;

  /* Owned references */
  FanfarePlayer *player;
  GSignalGroup  *player_signals;
  GSignalGroup  *chapters_signals;
};

G_DEFINE_FINAL_TYPE (FanfareChapterButton, fanfare_chapter_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_row (gpointer  item,
          gpointer  user_data)
{
  GtkWidget *row = fanfare_chapter_row_new (item);
  GtkWidget *mark = gtk_image_new_from_icon_name ("media-playback-start-symbolic");

  gtk_widget_set_visible (mark, FALSE);
  gtk_widget_add_css_class (mark, "current-mark");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Playing"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
  g_object_set_data (G_OBJECT (row), "fanfare-current-mark", mark);
  return row;
}

static void
update_current (FanfareChapterButton *self)
{
  int current = self->player != NULL ? fanfare_player_get_chapter (self->player) : -1;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "fanfare-current-mark"), i == current);
      if (i == current)
        gtk_widget_add_css_class (GTK_WIDGET (row), "current");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "current");
    }
}

static void
update_visible (FanfareChapterButton *self)
{
  GListModel *chapters = self->player != NULL ? fanfare_player_get_chapters (self->player) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), chapters != NULL && g_list_model_get_n_items (chapters) > 0);
  update_current (self);
}

static void
fanfare_chapter_button_row_activated_cb (FanfareChapterButton *self,
                                         GtkListBoxRow        *row)
{
  g_assert (FANFARE_IS_CHAPTER_BUTTON (self));

  gtk_menu_button_popdown (self->menu_button);
  if (self->player != NULL)
    fanfare_player_play_chapter (self->player, (guint) gtk_list_box_row_get_index (row));
}

static void
fanfare_chapter_button_dispose (GObject *object)
{
  FanfareChapterButton *self = FANFARE_CHAPTER_BUTTON (object);

  g_clear_object (&self->player_signals);
  g_clear_object (&self->chapters_signals);
  g_clear_object (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CHAPTER_BUTTON);

  G_OBJECT_CLASS (fanfare_chapter_button_parent_class)->dispose (object);
}

static void
fanfare_chapter_button_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FanfareChapterButton *self = FANFARE_CHAPTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PLAYER:
      g_value_set_object (value, self->player);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_chapter_button_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  FanfareChapterButton *self = FANFARE_CHAPTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_PLAYER:
      fanfare_chapter_button_set_player (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_chapter_button_class_init (FanfareChapterButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_chapter_button_dispose;
  object_class->get_property = fanfare_chapter_button_get_property;
  object_class->set_property = fanfare_chapter_button_set_property;

  properties[PROP_PLAYER] = g_param_spec_object ("player", NULL, NULL, FANFARE_TYPE_PLAYER,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-chapter-button.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareChapterButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareChapterButton, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_chapter_button_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chapterbutton");
}

static void
fanfare_chapter_button_init (FanfareChapterButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->player_signals = g_signal_group_new (FANFARE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::chapter", G_CALLBACK (update_current), self);
  self->chapters_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->chapters_signals, "items-changed", G_CALLBACK (update_visible), self);
  update_visible (self);
}

/**
 * fanfare_chapter_button_get_player:
 *
 * Returns: (transfer none) (nullable): the player whose chapters are listed
 */
FanfarePlayer *
fanfare_chapter_button_get_player (FanfareChapterButton *self)
{
  g_return_val_if_fail (FANFARE_IS_CHAPTER_BUTTON (self), NULL);

  return self->player;
}

/**
 * fanfare_chapter_button_set_player:
 * @self: a #FanfareChapterButton
 * @player: (nullable): the player whose chapters to list
 */
void
fanfare_chapter_button_set_player (FanfareChapterButton *self,
                                   FanfarePlayer        *player)
{
  GListModel *chapters;

  g_return_if_fail (FANFARE_IS_CHAPTER_BUTTON (self));

  if (!g_set_object (&self->player, player))
    return;

  chapters = player != NULL ? fanfare_player_get_chapters (player) : NULL;
  g_signal_group_set_target (self->player_signals, player);
  /* The list box makes its rows before the button hears of a change: its
   * handler is connected first. */
  gtk_list_box_bind_model (self->list, chapters, make_row, NULL, NULL);
  g_signal_group_set_target (self->chapters_signals, chapters);
  update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYER]);
}
