/* fanfare-sign-in-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Signing in: the server's address, a username and a password, and a
 * button that creates the account instead. A failure is said under the
 * fields in the server's own words; success closes the dialog. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-sign-in-dialog.h"

struct _FanfareSignInDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwEntryRow *server_row;
  AdwEntryRow *username_row;
  AdwEntryRow *password_row;
  GtkLabel    *error_label;
  GtkSpinner  *spinner;

  /* Owned references */
  FanfareAccountManager *accounts;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareSignInDialog, fanfare_sign_in_dialog, ADW_TYPE_WINDOW)

static void
set_busy (FanfareSignInDialog *self,
          gboolean             busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.create-account", !busy);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FanfareSignInDialog) self = user_data;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = fanfare_account_manager_sign_in_finish (FANFARE_ACCOUNT_MANAGER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (user == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/**
 * fanfare_sign_in_dialog_submit:
 *
 * Signs in, or creates the account, with what is given, as the buttons do.
 */
void
fanfare_sign_in_dialog_submit (FanfareSignInDialog *self,
                               const char          *server_url,
                               const char          *username,
                               const char          *password,
                               gboolean             create_account)
{
  g_autofree char *server = NULL;

  g_return_if_fail (FANFARE_IS_SIGN_IN_DIALOG (self));

  server = g_strstrip (g_strdup (server_url));
  if (*server != '\0' && strstr (server, "://") == NULL)
    {
      g_autofree char *with_scheme = g_strconcat ("https://", server, NULL);

      g_free (server);
      server = g_steal_pointer (&with_scheme);
    }
  if (*server == '\0' || !g_uri_is_valid (server, G_URI_FLAGS_NONE, NULL) || *username == '\0' || *password == '\0')
    {
      gtk_label_set_label (self->error_label, _("Fill in the server’s address, your username and your password"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  fanfare_account_manager_sign_in_async (self->accounts, server, username, password, create_account,
                                         self->cancellable, signed_in_cb, g_object_ref (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareSignInDialog *self = FANFARE_SIGN_IN_DIALOG (widget);

  fanfare_sign_in_dialog_submit (self,
                                 gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->username_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                 g_str_equal (action_name, "sign-in.create-account"));
}

static void
fanfare_sign_in_dialog_dispose (GObject *object)
{
  FanfareSignInDialog *self = FANFARE_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (fanfare_sign_in_dialog_parent_class)->dispose (object);
}

static void
fanfare_sign_in_dialog_class_init (FanfareSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_sign_in_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareSignInDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareSignInDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareSignInDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareSignInDialog, spinner);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "sign-in.create-account", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fanfare_sign_in_dialog_init (FanfareSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * fanfare_sign_in_dialog_new:
 *
 * Returns: (transfer floating): a dialog that signs in through @accounts
 */
GtkWidget *
fanfare_sign_in_dialog_new (FanfareAccountManager *accounts)
{
  FanfareSignInDialog *self;
  g_autofree char *server = NULL;

  g_return_val_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts), NULL);

  self = g_object_new (FANFARE_TYPE_SIGN_IN_DIALOG, NULL);
  self->accounts = g_object_ref (accounts);
  server = fanfare_account_manager_dup_server_url (accounts);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);

  return GTK_WIDGET (self);
}
