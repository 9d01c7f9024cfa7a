/* fanfare-application-account.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application and the platform: the account manager signs in silently
 * at start-up, the player gets the token as a header for the server's
 * streams, and the account's actions (sign in, profile, sessions, sign out)
 * live here. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application-private.h"
#include "fanfare-sessions-dialog.h"
#include "fanfare-sign-in-dialog.h"
#include "fanfare-wallet-dialog.h"
#include "fanfare-window.h"

/* Streams of the active server carry the token; nothing else does. */
static void
update_authorization (FanfareApplication *self)
{
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);
  g_autofree char *authorization = NULL;
  g_autofree char *prefix = NULL;

  if (client == NULL)
    {
      fanfare_player_set_authorization (self->player, NULL, NULL);
      return;
    }

  authorization = fanfare_client_dup_authorization (client);
  prefix = g_strconcat (fanfare_client_get_server_url (client), "/", NULL);
  fanfare_player_set_authorization (self->player, authorization != NULL ? prefix : NULL, authorization);
}

/* Plays, playlist changes and listening positions not sent yet wait in files of the server's. */
static char *
unsent_file_of (FanfareClient *client,
                const char    *what)
{
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             fanfare_client_get_server_url (client), -1);
  g_autofree char *name = g_strdup_printf ("unsent-%s-%.16s.json", what, checksum);

  return g_build_filename (g_get_user_data_dir (), "fanfare", name, NULL);
}

static void
client_changed_cb (FanfareApplication *self)
{
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);

  /* Another account on the same server changes the user, not signed-in. */
  if (client != NULL)
    {
      g_autofree char *plays_file = unsent_file_of (client, "plays");
      g_autofree char *edits_file = unsent_file_of (client, "playlist-changes");
      g_autofree char *positions_file = unsent_file_of (client, "positions");

      fanfare_client_set_plays_file (client, plays_file);
      fanfare_client_set_playlist_edits_file (client, edits_file);
      fanfare_client_set_positions_file (client, positions_file);
      g_signal_connect_object (client, "notify::signed-in", G_CALLBACK (update_authorization),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::user", G_CALLBACK (update_authorization),
                               self, G_CONNECT_SWAPPED);
    }
  update_authorization (self);
}

static void
notice_cb (FanfareApplication *self,
           const char         *message)
{
  _fanfare_application_toast (self, message);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fanfare_account_manager_restore_finish (FANFARE_ACCOUNT_MANAGER (object), result, &error))
    return;
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Offline is shown by the banner; the rest is worth a word. */
  if (!fanfare_client_error_is_offline (error) || error->domain != G_IO_ERROR ||
      error->code == G_IO_ERROR_NOT_SUPPORTED)
    _fanfare_application_toast (self, error->message);
}

static void
sign_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FanfareApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = fanfare_sign_in_dialog_new (self->accounts);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FanfareApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fanfare_account_manager_sign_out_finish (FANFARE_ACCOUNT_MANAGER (object), result, &error))
    _fanfare_application_toast (self, _("Signed out"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _fanfare_application_toast (self, error->message);
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  FanfareApplication *self = user_data;

  if (fanfare_account_manager_get_client (self->accounts) == NULL)
    return;

  fanfare_account_manager_sign_out_async (self->accounts, self->cancellable, signed_out_cb, g_object_ref (self));
}

static void
switched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fanfare_account_manager_switch_finish (FANFARE_ACCOUNT_MANAGER (object), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    _fanfare_application_toast (self, error->message);
  else
    _fanfare_application_toast (self, _("That account is no longer saved; sign in again"));
}

/* app.switch-account(("server", "username")): one of the remembered
 * accounts becomes the active one. */
static void
switch_account_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FanfareApplication *self = user_data;
  const char *server, *username;

  g_variant_get (parameter, "(&s&s)", &server, &username);
  if (*server == '\0' || *username == '\0')
    return;

  fanfare_account_manager_switch_async (self->accounts, server, username, self->cancellable, switched_cb,
                                        g_object_ref (self));
}

/* The profile and the devices share one dialog, which shows one or the other. */
static void
show_account_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FanfareApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);

  if (client == NULL || !fanfare_client_get_signed_in (client))
    return;

  fanfare_sessions_dialog_present (parent, client,
                                   g_str_equal (g_action_get_name (G_ACTION (action)), "show-profile"));
}

/* The wallet: its balance, and a top-up with a code. */
static void
show_wallet_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  FanfareApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);

  if (client != NULL && fanfare_client_get_signed_in (client) && parent != NULL)
    fanfare_wallet_dialog_present_balance (parent, client);
}

static const GActionEntry account_actions[] = {
  { "sign-in", sign_in_action },
  { "sign-out", sign_out_action },
  { "show-sessions", show_account_action },
  { "show-profile", show_account_action },
  { "show-wallet", show_wallet_action },
  { "switch-account", switch_account_action, "(ss)" },
};

void
_fanfare_application_account_startup (FanfareApplication *self)
{
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "fanfare", "http", NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), account_actions,
                                   G_N_ELEMENTS (account_actions), self);

  self->accounts = fanfare_account_manager_new (self->settings, cache_dir);
  g_signal_connect_object (self->accounts, "notify::client", G_CALLBACK (client_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accounts, "notice", G_CALLBACK (notice_cb), self, G_CONNECT_SWAPPED);
  fanfare_account_manager_restore_async (self->accounts, self->cancellable, restored_cb, g_object_ref (self));
}

void
_fanfare_application_account_shutdown (FanfareApplication *self)
{
  FanfareClient *client = self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;

  if (client != NULL)
    fanfare_client_flush_cache (client);
  g_clear_object (&self->accounts);
}

/**
 * fanfare_application_get_accounts:
 *
 * Returns: (transfer none): the accounts and the active one's client
 */
FanfareAccountManager *
fanfare_application_get_accounts (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), NULL);

  return self->accounts;
}

/**
 * fanfare_application_get_client:
 *
 * Returns: (transfer none) (nullable): the client of the active server
 */
FanfareClient *
fanfare_application_get_client (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), NULL);

  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}
