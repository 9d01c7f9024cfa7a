/* fanfare-account-button.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The signed-in user at the top of the sidebar: their avatar and name, and
 * a menu with their profile, their devices, the other accounts remembered in
 * the keyring to switch to, and signing out; or a button to sign in. It
 * follows whichever client is active and its user. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-account-button.h"
#include "fanfare-cover.h"
#include "fanfare-keyring.h"

#define AVATAR_SIZE 32

struct _FanfareAccountButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack  *stack;
  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GMenu     *accounts_section;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GCancellable          *avatar_cancellable;
  GCancellable          *list_cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareAccountButton, fanfare_account_button, GTK_TYPE_WIDGET)

static void
avatar_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareAccountButton) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = fanfare_cover_load_finish (result, &error);
  if (texture != NULL)
    adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No avatar: %s", error->message);
}

/* A remembered account as the menu names it: its username, and the
 * server's host when it is not the active one's. */
static char *
account_label (const char *server,
               const char *username,
               const char *active_server)
{
  g_autoptr(GUri) uri = NULL;

  if (g_strcmp0 (server, active_server) == 0 || (uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL)) == NULL)
    /* TRANSLATORS: a menu item: signs in as another remembered account */
    return g_strdup_printf (_("Switch to %s"), username);

  /* TRANSLATORS: a menu item: signs in as a remembered account, a
   * username and the server it is on */
  return g_strdup_printf (_("Switch to %s on %s"), username, g_uri_get_host (uri));
}

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FanfareAccountButton) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accounts = fanfare_keyring_list_finish (result, &error);
  FanfareClient *client;
  FanfareUser *user;
  const char *active_server;

  if (accounts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No remembered accounts to switch to: %s", error->message);
      return;
    }

  client = fanfare_account_manager_get_client (self->accounts);
  user = client != NULL ? fanfare_client_get_user (client) : NULL;
  if (user == NULL)
    return;

  active_server = fanfare_client_get_server_url (client);
  g_menu_remove_all (self->accounts_section);
  for (guint i = 0; accounts[i] != NULL && accounts[i + 1] != NULL; i += 2)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (accounts[i], active_server) == 0 &&
          g_strcmp0 (accounts[i + 1], fanfare_user_get_username (user)) == 0)
        continue;

      label = account_label (accounts[i], accounts[i + 1], active_server);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.switch-account",
                                               g_variant_new ("(ss)", accounts[i], accounts[i + 1]));
      g_menu_append_item (self->accounts_section, item);
    }
}

/* The accounts to switch to, read again whenever the user changes. */
static void
list_accounts (FanfareAccountButton *self)
{
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_menu_remove_all (self->accounts_section);

  self->list_cancellable = g_cancellable_new ();
  fanfare_keyring_list_async (self->list_cancellable, accounts_listed_cb, g_object_ref (self));
}

static void
update (FanfareAccountButton *self)
{
  FanfareClient *client = self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
  FanfareUser *user = client != NULL ? fanfare_client_get_user (client) : NULL;

  g_cancellable_cancel (self->avatar_cancellable);
  g_clear_object (&self->avatar_cancellable);

  if (user == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "signed-in");
  list_accounts (self);
  gtk_label_set_label (self->name_label, fanfare_user_get_display_name (user));
  adw_avatar_set_text (self->avatar, fanfare_user_get_display_name (user));
  adw_avatar_set_custom_image (self->avatar, NULL);
  if (fanfare_user_get_avatar_uri (user) != NULL)
    {
      self->avatar_cancellable = g_cancellable_new ();
      fanfare_cover_load_async (fanfare_user_get_avatar_uri (user), AVATAR_SIZE * 2,
                                self->avatar_cancellable, avatar_cb, g_object_ref (self));
    }
}

static void
client_changed_cb (FanfareAccountButton *self)
{
  g_signal_group_set_target (self->client_signals, fanfare_account_manager_get_client (self->accounts));
  update (self);
}

static void
fanfare_account_button_dispose (GObject *object)
{
  FanfareAccountButton *self = FANFARE_ACCOUNT_BUTTON (object);

  g_cancellable_cancel (self->avatar_cancellable);
  g_clear_object (&self->avatar_cancellable);
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_ACCOUNT_BUTTON);

  G_OBJECT_CLASS (fanfare_account_button_parent_class)->dispose (object);
}

static void
fanfare_account_button_class_init (FanfareAccountButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_account_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-account-button.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareAccountButton, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareAccountButton, avatar);
  gtk_widget_class_bind_template_child (widget_class, FanfareAccountButton, name_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAccountButton, accounts_section);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_account_button_init (FanfareAccountButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::user", G_CALLBACK (update), self);
}

/**
 * fanfare_account_button_set_accounts:
 *
 * Shows the user of @accounts' active client.
 */
void
fanfare_account_button_set_accounts (FanfareAccountButton  *self,
                                     FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_ACCOUNT_BUTTON (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}
