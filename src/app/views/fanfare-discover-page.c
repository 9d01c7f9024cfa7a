/* fanfare-discover-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Discover page shows what the server has: its newest albums. It loads
 * them when a server is chosen, when the user signs in, and when the server
 * can be reached again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-tile.h"
#include "fanfare-discover-page.h"
#include "fanfare-navigate.h"

#define N_NEW_RELEASES 24

struct _FanfareDiscoverPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkFlowBox    *new_releases_box;
  AdwStatusPage *error_page;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GListStore            *new_releases;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareDiscoverPage, fanfare_discover_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (FanfareDiscoverPage * self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static void
new_releases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareDiscoverPage) self = user_data;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  albums = fanfare_client_list_new_releases_finish (FANFARE_CLIENT (object), result, &error);
  if (albums == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Offline, the banner says so and what was shown stays. */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->new_releases)) == 0)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (albums); i++)
    g_ptr_array_add (items, g_list_model_get_item (albums, i));
  g_list_store_splice (self->new_releases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->new_releases)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "content" : "empty");
}

static void
reload (FanfareDiscoverPage *self)
{
  FanfareClient *client = get_client (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (client == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }
  if (!fanfare_client_get_online (client))
    return;

  self->cancellable = g_cancellable_new ();
  fanfare_client_list_new_releases_async (client, N_NEW_RELEASES, self->cancellable,
                                          new_releases_cb, g_object_ref (self));
}

static void
client_changed_cb (FanfareDiscoverPage *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  reload (self);
}

static void
fanfare_discover_page_child_activated_cb (FanfareDiscoverPage *self,
                                          GtkFlowBoxChild     *child)
{
  GtkWidget *tile = gtk_flow_box_child_get_child (child);

  if (FANFARE_IS_ALBUM_TILE (tile))
    fanfare_navigate_album (GTK_WIDGET (self), fanfare_album_tile_get_album (FANFARE_ALBUM_TILE (tile)));
}

static void
fanfare_discover_page_dispose (GObject *object)
{
  FanfareDiscoverPage *self = FANFARE_DISCOVER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_DISCOVER_PAGE);
  g_clear_object (&self->new_releases);

  G_OBJECT_CLASS (fanfare_discover_page_parent_class)->dispose (object);
}

static void
fanfare_discover_page_class_init (FanfareDiscoverPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_discover_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-discover-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, new_releases_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareDiscoverPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_discover_page_child_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_discover_page_init (FanfareDiscoverPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->new_releases = g_list_store_new (FANFARE_TYPE_ALBUM);
  gtk_flow_box_bind_model (self->new_releases_box, G_LIST_MODEL (self->new_releases),
                           fanfare_album_tile_new_for_album, NULL, NULL);
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (reload), self);
}

void
fanfare_discover_page_set_accounts (FanfareDiscoverPage   *self,
                                    FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_DISCOVER_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/**
 * fanfare_discover_page_get_new_releases:
 *
 * Returns: (transfer none): the albums on show, newest first
 */
GListModel *
fanfare_discover_page_get_new_releases (FanfareDiscoverPage *self)
{
  g_return_val_if_fail (FANFARE_IS_DISCOVER_PAGE (self), NULL);

  return G_LIST_MODEL (self->new_releases);
}
