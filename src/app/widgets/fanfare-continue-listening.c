/* fanfare-continue-listening.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Continue Listening row of the Discover page: the audiobooks and
 * mixes the user started on any device and did not finish, the latest
 * first, each with the time left. A click plays the item from where the
 * user stopped. Hidden when there is none. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-chapters-panel.h"
#include "fanfare-continue-listening.h"

#define N_ITEMS 8

struct _FanfareContinueListening
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkListBox *list;

  /* Owned references */
  GPtrArray    *items;  /* FanfareClientPosition */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareContinueListening, fanfare_continue_listening, GTK_TYPE_WIDGET)

static GtkWidget *
make_row (const FanfareClientPosition * item)
{
  FanfareTrack *track = item->track;
  GTimeSpan left = fanfare_track_get_duration (track) - item->position;
  g_autofree char *subtitle = fanfare_format_time_left (left);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_AUDIOBOOK
                                                  ? "accessories-dictionary-symbolic"
                                                  : "media-playlist-consecutive-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_track_get_title (track));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
unfinished_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FanfareContinueListening) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = fanfare_client_list_unfinished_finish (FANFARE_CLIENT (object), result, &error);
  GtkWidget *child;

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the unfinished items: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (items, i)));
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  gtk_widget_set_visible (GTK_WIDGET (self), self->items->len > 0);
}

static void
fanfare_continue_listening_row_activated_cb (FanfareContinueListening *self,
                                             GtkListBoxRow            *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  const FanfareClientPosition *item;
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  g_assert (FANFARE_IS_CONTINUE_LISTENING (self));

  if (!FANFARE_IS_APPLICATION (app) || self->items == NULL)
    return;

  /* The player starts the item where the platform says the user stopped. */
  item = g_ptr_array_index (self->items, gtk_list_box_row_get_index (row));
  fanfare_player_merge_resume_position (fanfare_application_get_player (FANFARE_APPLICATION (app)), item->track,
                                        item->position, item->edited_at / 1000);
  g_list_store_append (tracks, item->track);
  fanfare_application_play_list (FANFARE_APPLICATION (app), G_LIST_MODEL (tracks), item->track, FANFARE_PLAY_NOW);
}

static void
fanfare_continue_listening_dispose (GObject *object)
{
  FanfareContinueListening *self = FANFARE_CONTINUE_LISTENING (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CONTINUE_LISTENING);

  G_OBJECT_CLASS (fanfare_continue_listening_parent_class)->dispose (object);
}

static void
fanfare_continue_listening_class_init (FanfareContinueListeningClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_continue_listening_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-continue-listening.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareContinueListening, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareContinueListening, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_continue_listening_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_continue_listening_init (FanfareContinueListening *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_continue_listening_reload:
 * @self: a #FanfareContinueListening
 * @client: (nullable): the signed-in user's client
 *
 * Asks the platform again; without a signed-in user the row hides.
 */
void
fanfare_continue_listening_reload (FanfareContinueListening *self,
                                   FanfareClient            *client)
{
  g_return_if_fail (FANFARE_IS_CONTINUE_LISTENING (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (client == NULL || !fanfare_client_get_signed_in (client))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  fanfare_client_list_unfinished_async (client, N_ITEMS, self->cancellable, unfinished_cb, g_object_ref (self));
}
