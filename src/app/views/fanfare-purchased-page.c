/* fanfare-purchased-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Purchased Albums: every album the user owns, bought or given, with
 * its nameplate ("No. 1,234") and whether the nameplate verified with the
 * server's key; a row opens the album, where it plays. Read again each
 * time the page is shown. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-client-store.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-navigate.h"
#include "fanfare-purchased-page.h"

struct _FanfarePurchasedPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkListBox *list;

  /* Owned references */
  GCancellable *cancellable;
  GPtrArray    *purchases;  /* FanfareClientPurchase, in the list's order */
  char         *key;        /* the server's nameplate key */

  /* State */
  guint n_verified;
};

G_DEFINE_FINAL_TYPE (FanfarePurchasedPage, fanfare_purchased_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (void)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;

  return client != NULL && fanfare_client_get_signed_in (client) ? client : NULL;
}

static GtkWidget *
create_row (FanfarePurchasedPage  *self,
            FanfareClientPurchase *purchase)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *plate;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_album_get_title (purchase->album));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The nameplate beside it shows the serial number. */
  if (purchase->from != NULL)
    /* Translators: the artist and who gave the album */
    subtitle = g_strdup_printf (_("%s · a gift from %s"), fanfare_album_get_artist (purchase->album), purchase->from);
  else
    subtitle = g_strdup (fanfare_album_get_artist (purchase->album));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (purchase->nameplate == NULL)
    return row;

  plate = fanfare_nameplate_view_new (purchase->nameplate, self->key);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), plate);
  self->n_verified += fanfare_nameplate_view_get_verified (FANFARE_NAMEPLATE_VIEW (plate));

  return row;
}

static void
show (FanfarePurchasedPage *self,
      GPtrArray            *purchases)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->purchases, g_ptr_array_unref);
  self->purchases = purchases != NULL ? g_ptr_array_ref (purchases) : NULL;
  self->n_verified = 0;

  for (guint i = 0; purchases != NULL && i < purchases->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (purchases, i)));

  gtk_stack_set_visible_child_name (self->stack, purchases != NULL && purchases->len > 0 ? "albums" : "empty");
}

static void
purchases_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FanfarePurchasedPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) purchases = fanfare_client_list_purchases_finish (FANFARE_CLIENT (object), result, &error);

  if (purchases == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the purchased albums: %s", error->message);
      return;
    }

  show (self, purchases);
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(FanfarePurchasedPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key = fanfare_client_get_store_key_finish (FANFARE_CLIENT (object), result, &error);

  if (key == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the key, nameplates show as not verified. */
  g_free (self->key);
  self->key = key;
  fanfare_client_list_purchases_async (FANFARE_CLIENT (object), self->cancellable, purchases_cb, g_object_ref (self));
}

/**
 * fanfare_purchased_page_reload:
 *
 * Reads the purchased albums again.
 */
void
fanfare_purchased_page_reload (FanfarePurchasedPage *self)
{
  FanfareClient *client = get_client ();

  g_return_if_fail (FANFARE_IS_PURCHASED_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (client == NULL)
    {
      show (self, NULL);
      return;
    }

  if (self->key == NULL)
    fanfare_client_get_store_key_async (client, self->cancellable, key_cb, g_object_ref (self));
  else
    fanfare_client_list_purchases_async (client, self->cancellable, purchases_cb, g_object_ref (self));
}

static void
fanfare_purchased_page_row_activated_cb (FanfarePurchasedPage *self,
                                         GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);
  FanfareClientPurchase *purchase;

  if (self->purchases == NULL || index < 0 || (guint) index >= self->purchases->len)
    return;

  purchase = g_ptr_array_index (self->purchases, index);
  fanfare_navigate_album (GTK_WIDGET (self), purchase->album);
}

static void
fanfare_purchased_page_dispose (GObject *object)
{
  FanfarePurchasedPage *self = FANFARE_PURCHASED_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PURCHASED_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->purchases, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_purchased_page_parent_class)->dispose (object);
}

static void
fanfare_purchased_page_finalize (GObject *object)
{
  FanfarePurchasedPage *self = FANFARE_PURCHASED_PAGE (object);

  g_free (self->key);

  G_OBJECT_CLASS (fanfare_purchased_page_parent_class)->finalize (object);
}

static void
fanfare_purchased_page_class_init (FanfarePurchasedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_purchased_page_dispose;
  object_class->finalize = fanfare_purchased_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-purchased-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePurchasedPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfarePurchasedPage, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_purchased_page_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_purchased_page_init (FanfarePurchasedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "map", G_CALLBACK (fanfare_purchased_page_reload), NULL);
}

guint
fanfare_purchased_page_get_n_albums (FanfarePurchasedPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PURCHASED_PAGE (self), 0);

  return self->purchases != NULL ? self->purchases->len : 0;
}

guint
fanfare_purchased_page_get_n_verified (FanfarePurchasedPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PURCHASED_PAGE (self), 0);

  return self->n_verified;
}
