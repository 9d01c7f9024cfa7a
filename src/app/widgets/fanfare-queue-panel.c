/* fanfare-queue-panel.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The play queue beside the content: click a track to play it, drag it to
 * reorder, remove it, or clear the queue. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-queue-panel.h"
#include "fanfare-queue-row.h"

struct _FanfareQueuePanel
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox      *box;
  GtkLabel    *count_label;
  GtkStack    *stack;
  GtkListView *list_view;

  /* Owned references */
  FanfarePlayer *player;
  GSignalGroup  *queue_signals;
};

G_DEFINE_FINAL_TYPE (FanfareQueuePanel, fanfare_queue_panel, GTK_TYPE_WIDGET)

static FanfarePlayQueue *
queue (FanfareQueuePanel * self)
{
  return self->player ? fanfare_player_get_queue (self->player) : NULL;
}

static void
update_count (FanfareQueuePanel *self)
{
  guint n = queue (self) ? g_list_model_get_n_items (G_LIST_MODEL (queue (self))) : 0;
  g_autofree char *count = g_strdup_printf (ngettext ("%u track", "%u tracks", n), n);

  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "tracks" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "queue.clear", n > 0);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          FanfareQueuePanel        *self)
{
  gtk_list_item_set_child (item, fanfare_queue_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         FanfareQueuePanel        *self)
{
  guint position = gtk_list_item_get_position (item);

  fanfare_queue_row_bind (FANFARE_QUEUE_ROW (gtk_list_item_get_child (item)),
                          fanfare_queue_entry_get_track (gtk_list_item_get_item (item)), position,
                          (int) position == fanfare_play_queue_get_current (queue (self)));
}

/* Only the rows on screen exist: mark the one that plays among them. */
static void
current_changed_cb (FanfareQueuePanel *self)
{
  int current = fanfare_play_queue_get_current (queue (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (FANFARE_IS_QUEUE_ROW (row))
        fanfare_queue_row_set_current (FANFARE_QUEUE_ROW (row),
                                       (int) fanfare_queue_row_get_position (FANFARE_QUEUE_ROW (row)) == current);
    }
}

static void
fanfare_queue_panel_activate_cb (FanfareQueuePanel *self,
                                 guint              position)
{
  g_assert (FANFARE_IS_QUEUE_PANEL (self));

  if (self->player != NULL)
    fanfare_player_play_position (self->player, position);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareQueuePanel *self = FANFARE_QUEUE_PANEL (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (queue (self) != NULL && position < g_list_model_get_n_items (G_LIST_MODEL (queue (self))))
    fanfare_play_queue_remove (queue (self), position);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareQueuePanel *self = FANFARE_QUEUE_PANEL (widget);
  guint from, to, n;

  g_variant_get (parameter, "(uu)", &from, &to);
  n = queue (self) ? g_list_model_get_n_items (G_LIST_MODEL (queue (self))) : 0;
  if (from < n && to < n)
    fanfare_play_queue_move (queue (self), from, to);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareQueuePanel *self = FANFARE_QUEUE_PANEL (widget);

  if (self->player != NULL)
    {
      fanfare_player_stop (self->player);
      fanfare_play_queue_clear (queue (self));
    }
}

static void
fanfare_queue_panel_dispose (GObject *object)
{
  FanfareQueuePanel *self = FANFARE_QUEUE_PANEL (object);

  g_clear_object (&self->queue_signals);
  g_clear_object (&self->player);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_QUEUE_PANEL);

  G_OBJECT_CLASS (fanfare_queue_panel_parent_class)->dispose (object);
}

static void
fanfare_queue_panel_class_init (FanfareQueuePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_queue_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-queue-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareQueuePanel, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueuePanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueuePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueuePanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_queue_panel_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "queuepanel");

  gtk_widget_class_install_action (widget_class, "queue.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "queue.move", "(uu)", move_action);
  gtk_widget_class_install_action (widget_class, "queue.clear", NULL, clear_action);
}

static void
fanfare_queue_panel_init (FanfareQueuePanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->queue_signals = g_signal_group_new (FANFARE_TYPE_PLAY_QUEUE);
  g_signal_group_connect_swapped (self->queue_signals, "notify::n-items", G_CALLBACK (update_count), self);
  g_signal_group_connect_swapped (self->queue_signals, "notify::current", G_CALLBACK (current_changed_cb), self);

  update_count (self);
}

/**
 * fanfare_queue_panel_set_player:
 * @self: a #FanfareQueuePanel
 * @player: (nullable): the player whose queue to show
 */
void
fanfare_queue_panel_set_player (FanfareQueuePanel *self,
                                FanfarePlayer     *player)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (FANFARE_IS_QUEUE_PANEL (self));

  if (!g_set_object (&self->player, player))
    return;

  if (player != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (fanfare_player_get_queue (player))));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_group_set_target (self->queue_signals, queue (self));
  update_count (self);
}
