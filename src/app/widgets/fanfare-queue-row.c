/* fanfare-queue-row.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A track in the queue panel. It can be dragged onto another row to move
 * it there; its remove button acts through queue.remove. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-queue-row.h"
#include "fanfare-utils.h"

struct _FanfareQueueRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox    *box;
  GtkImage  *playing_image;
  GtkLabel  *title_label;
  GtkLabel  *artist_label;
  GtkLabel  *duration_label;
  GtkButton *remove_button;

  /* Owned references */
  FanfareTrack *track;
  GSignalGroup *track_signals;

  /* State */
  guint position;
};

G_DEFINE_FINAL_TYPE (FanfareQueueRow, fanfare_queue_row, GTK_TYPE_WIDGET)

static void
update (FanfareQueueRow *self)
{
  g_autofree char *duration = NULL;
  const char *artist;

  if (self->track == NULL)
    return;

  artist = fanfare_track_get_artist (self->track);
  gtk_label_set_label (self->title_label, fanfare_track_get_title (self->track));
  gtk_label_set_label (self->artist_label, artist ? artist : _("Unknown Artist"));
  if (fanfare_track_get_duration (self->track) > 0)
    duration = fanfare_format_duration (fanfare_track_get_duration (self->track));
  gtk_label_set_label (self->duration_label, duration ? duration : "");
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 FanfareQueueRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_UINT, self->position);
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               FanfareQueueRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         FanfareQueueRow *self)
{
  guint from = g_value_get_uint (value);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");

  if (from == self->position)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "queue.move", "(uu)", from, self->position);
}

static GdkDragAction
drop_enter_cb (GtkDropTarget   *target,
               double           x,
               double           y,
               FanfareQueueRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               FanfareQueueRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static void
fanfare_queue_row_dispose (GObject *object)
{
  FanfareQueueRow *self = FANFARE_QUEUE_ROW (object);

  g_clear_object (&self->track_signals);
  g_clear_object (&self->track);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_QUEUE_ROW);

  G_OBJECT_CLASS (fanfare_queue_row_parent_class)->dispose (object);
}

static void
fanfare_queue_row_class_init (FanfareQueueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_queue_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-queue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareQueueRow, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueueRow, playing_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueueRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueueRow, artist_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueueRow, duration_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareQueueRow, remove_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "queuerow");
}

static void
fanfare_queue_row_init (FanfareQueueRow *self)
{
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->track_signals = g_signal_group_new (FANFARE_TYPE_TRACK);
  g_signal_group_connect_swapped (self->track_signals, "notify", G_CALLBACK (update), self);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/**
 * fanfare_queue_row_new:
 *
 * Returns: (transfer floating): a new, empty row
 */
GtkWidget *
fanfare_queue_row_new (void)
{
  return g_object_new (FANFARE_TYPE_QUEUE_ROW, NULL);
}

/**
 * fanfare_queue_row_bind:
 * @self: a #FanfareQueueRow
 * @track: the track to show
 * @position: its position in the queue
 * @current: whether it is the one playing
 */
void
fanfare_queue_row_bind (FanfareQueueRow *self,
                        FanfareTrack    *track,
                        guint            position,
                        gboolean         current)
{
  g_return_if_fail (FANFARE_IS_QUEUE_ROW (self));

  g_set_object (&self->track, track);
  g_signal_group_set_target (self->track_signals, track);
  self->position = position;
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "u", position);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "queue.remove");
  fanfare_queue_row_set_current (self, current);
  update (self);
}

/**
 * fanfare_queue_row_set_current:
 * @self: a #FanfareQueueRow
 * @current: whether the row's track is the one playing
 */
void
fanfare_queue_row_set_current (FanfareQueueRow *self,
                               gboolean         current)
{
  g_return_if_fail (FANFARE_IS_QUEUE_ROW (self));

  gtk_widget_set_opacity (GTK_WIDGET (self->playing_image), current ? 1.0 : 0.0);
  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
}

/**
 * fanfare_queue_row_get_position:
 * @self: a #FanfareQueueRow
 *
 * Returns: the position in the queue of the row's track
 */
guint
fanfare_queue_row_get_position (FanfareQueueRow *self)
{
  g_return_val_if_fail (FANFARE_IS_QUEUE_ROW (self), 0);

  return self->position;
}
