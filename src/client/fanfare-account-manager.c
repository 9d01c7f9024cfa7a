/* fanfare-account-manager.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which account is active, and its token kept in the keyring. Several
 * accounts may have tokens there; GSettings names the active one (server
 * and username, never the token). Signing in saves the token; start-up
 * finds it again and signs in without asking; signing out revokes it on the
 * server and deletes it. When the keyring cannot keep it, the user stays
 * signed in for this run and is told so. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "fanfare-account-manager.h"
#include "fanfare-error.h"
#include "fanfare-keyring.h"

struct _FanfareAccountManager
{
  GObject parent_instance;

  /* Owned references */
  GSettings     *settings;
  FanfareClient *client;

  /* State */
  char    *cache_dir;
  gboolean remembered;
};

G_DEFINE_FINAL_TYPE (FanfareAccountManager, fanfare_account_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REMEMBERED,
  N_PROPS
};

enum {
  NOTICE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_remembered (FanfareAccountManager *self,
                gboolean               remembered)
{
  if (self->remembered == remembered)
    return;

  self->remembered = remembered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMEMBERED]);
}

static void
notice (FanfareAccountManager *self,
        const char            *message)
{
  g_signal_emit (self, signals[NOTICE], 0, message);
}

static void
set_active (FanfareAccountManager *self,
            const char            *server,
            const char            *username)
{
  g_settings_set_string (self->settings, "account-server", server);
  g_settings_set_string (self->settings, "account-username", username);
}

static void
forget_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_keyring_clear_finish (result, &error))
    g_debug ("The expired token stays in the keyring: %s", error->message);
}

/* The server refused the token: it is of no use any more. */
static void
session_expired_cb (FanfareAccountManager *self,
                    FanfareClient         *client)
{
  g_autofree char *server = g_settings_get_string (self->settings, "account-server");
  g_autofree char *username = g_settings_get_string (self->settings, "account-username");

  if (*username != '\0')
    fanfare_keyring_clear_async (server, username, NULL, forget_cb, NULL);
  set_active (self, server, "");
  set_remembered (self, FALSE);
  notice (self, _("Your session ended; sign in again"));
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = fanfare_client_get_me_finish (FANFARE_CLIENT (object), result, &error);
  if (error != NULL)
    g_debug ("Could not sign in again: %s", error->message);
}

/* Started offline with a saved token: the user is filled in when the server
 * comes back. */
static void
online_cb (FanfareAccountManager *self,
           GParamSpec            *pspec,
           FanfareClient         *client)
{
  if (fanfare_client_get_online (client) && fanfare_client_get_token (client) != NULL &&
      !fanfare_client_get_signed_in (client))
    fanfare_client_get_me_async (client, NULL, me_cb, NULL);
}

static void
fanfare_account_manager_dispose (GObject *object)
{
  FanfareAccountManager *self = FANFARE_ACCOUNT_MANAGER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fanfare_account_manager_parent_class)->dispose (object);
}

static void
fanfare_account_manager_finalize (GObject *object)
{
  FanfareAccountManager *self = FANFARE_ACCOUNT_MANAGER (object);

  g_free (self->cache_dir);

  G_OBJECT_CLASS (fanfare_account_manager_parent_class)->finalize (object);
}

static void
fanfare_account_manager_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FanfareAccountManager *self = FANFARE_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_REMEMBERED:
      g_value_set_boolean (value, self->remembered);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_account_manager_class_init (FanfareAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_account_manager_dispose;
  object_class->finalize = fanfare_account_manager_finalize;
  object_class->get_property = fanfare_account_manager_get_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, FANFARE_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMEMBERED] =
    g_param_spec_boolean ("remembered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfareAccountManager::notice:
   * @message: what the user should know, in plain words
   *
   * Something about the account the user should hear of, such as a keyring
   * that cannot keep the sign-in.
   */
  signals[NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fanfare_account_manager_init (FanfareAccountManager *self)
{
}

/**
 * fanfare_account_manager_new:
 * @settings: the application's settings, which name the active account
 * @cache_dir: (nullable): the HTTP cache's folder
 */
FanfareAccountManager *
fanfare_account_manager_new (GSettings  *settings,
                             const char *cache_dir)
{
  FanfareAccountManager *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FANFARE_TYPE_ACCOUNT_MANAGER, NULL);
  self->settings = g_object_ref (settings);
  self->cache_dir = g_strdup (cache_dir);

  return self;
}

/**
 * fanfare_account_manager_get_client:
 *
 * Returns: (transfer none) (nullable): the client of the active server
 */
FanfareClient *
fanfare_account_manager_get_client (FanfareAccountManager *self)
{
  g_return_val_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self), NULL);

  return self->client;
}

/**
 * fanfare_account_manager_get_remembered:
 *
 * Returns: whether the active account's token is in the keyring; %FALSE
 *   while signed in for this run only
 */
gboolean
fanfare_account_manager_get_remembered (FanfareAccountManager *self)
{
  g_return_val_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self), FALSE);

  return self->remembered;
}

/**
 * fanfare_account_manager_dup_server_url:
 *
 * Returns: (transfer full): the server to offer in the sign-in dialog: the
 *   active one, else the one in `FANFARE_SERVER_URL`, else an empty string
 */
char *
fanfare_account_manager_dup_server_url (FanfareAccountManager *self)
{
  g_autofree char *server = NULL;

  g_return_val_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self), NULL);

  if (self->client != NULL)
    return g_strdup (fanfare_client_get_server_url (self->client));
  server = g_settings_get_string (self->settings, "account-server");
  if (*server != '\0')
    return g_steal_pointer (&server);

  return g_strdup (g_getenv ("FANFARE_SERVER_URL") != NULL ? g_getenv ("FANFARE_SERVER_URL") : "");
}

/**
 * fanfare_account_manager_use_server:
 *
 * Makes the client speak to @server_url, signed out, unless it does already.
 */
void
fanfare_account_manager_use_server (FanfareAccountManager *self,
                                    const char            *server_url)
{
  g_autoptr(FanfareClient) client = NULL;

  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (server_url != NULL);

  if (self->client != NULL && g_str_equal (fanfare_client_get_server_url (self->client), server_url))
    return;

  client = fanfare_client_new (server_url, self->cache_dir);
  g_signal_connect_object (client, "session-expired", G_CALLBACK (session_expired_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "notify::online", G_CALLBACK (online_cb), self, G_CONNECT_SWAPPED);
  g_set_object (&self->client, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
restore_me_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareAccountManager *self = g_task_get_source_object (task);
  g_autoptr(FanfareUser) user = NULL;
  GError *error = NULL;

  user = fanfare_client_get_me_finish (FANFARE_CLIENT (object), result, &error);
  /* Offline, the token is kept and tried again when the server is back. */
  set_remembered (self, user != NULL || fanfare_client_error_is_offline (error));
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
restore_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareAccountManager *self = g_task_get_source_object (task);
  GCancellable *cancellable;
  GError *error = NULL;
  char *token = fanfare_keyring_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (token == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  fanfare_client_set_token (self->client, token);
  secret_password_free (token);
  cancellable = g_task_get_cancellable (task);
  fanfare_client_get_me_async (self->client, cancellable, restore_me_cb, g_steal_pointer (&task));
}

/* Signs in as @username on @server with the token the keyring holds for
 * them; returns %FALSE through @task when it holds none. */
static void
restore_account (FanfareAccountManager *self,
                 GTask                 *task,
                 const char            *server,
                 const char            *username)
{
  fanfare_account_manager_use_server (self, server);
  if (*username == '\0')
    {
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  fanfare_keyring_lookup_async (server, username, g_task_get_cancellable (task), restore_lookup_cb, task);
}

/**
 * fanfare_account_manager_restore_async:
 *
 * Signs in as the active account with its saved token, without asking. An
 * error says the keyring could not be read, the server could not be
 * reached, or the session ended.
 */
void
fanfare_account_manager_restore_async (FanfareAccountManager *self,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *server = NULL;
  g_autofree char *username = NULL;

  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_account_manager_restore_async);

  server = g_settings_get_string (self->settings, "account-server");
  username = g_settings_get_string (self->settings, "account-username");
  if (*server == '\0')
    {
      g_autofree char *default_server = fanfare_account_manager_dup_server_url (self);

      if (*default_server != '\0')
        fanfare_account_manager_use_server (self, default_server);
      g_task_return_boolean (task, FALSE);
      return;
    }

  restore_account (self, g_steal_pointer (&task), server, username);
}

/**
 * fanfare_account_manager_restore_finish:
 *
 * Returns: %TRUE when signed in; %FALSE without an error when no account is
 *   saved
 */
gboolean
fanfare_account_manager_restore_finish (FanfareAccountManager *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fanfare_account_manager_switch_async:
 * @server: the server address of a remembered account
 * @username: its username
 *
 * Makes another remembered account the active one and signs in as it with
 * its saved token, without asking. The previous account stays remembered.
 */
void
fanfare_account_manager_switch_async (FanfareAccountManager *self,
                                      const char            *server,
                                      const char            *username,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (server != NULL && *server != '\0');
  g_return_if_fail (username != NULL && *username != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_account_manager_switch_async);

  /* Nothing of the previous account may go with the next one's requests. */
  if (self->client != NULL)
    fanfare_client_set_token (self->client, NULL);
  set_active (self, server, username);
  restore_account (self, task, server, username);
}

/**
 * fanfare_account_manager_switch_finish:
 *
 * Returns: %TRUE when signed in; %FALSE without an error when the keyring
 *   holds no token for the account any more
 */
gboolean
fanfare_account_manager_switch_finish (FanfareAccountManager *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareAccountManager *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (fanfare_keyring_store_finish (result, &error))
    {
      set_remembered (self, TRUE);
    }
  else
    {
      g_autofree char *message = NULL;

      set_remembered (self, FALSE);
      /* TRANSLATORS: the first part says what went wrong with the keyring */
      message = g_strdup_printf (_("%s. You are signed in until Fanfare closes."), error->message);
      notice (self, message);
    }

  g_task_return_pointer (task, g_object_ref (fanfare_client_get_user (self->client)), g_object_unref);
}

static void
log_in_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareAccountManager *self = g_task_get_source_object (task);
  FanfareClient *client = FANFARE_CLIENT (object);
  g_autoptr(FanfareUser) user = NULL;
  GError *error = NULL;

  if (g_task_get_task_data (task) != NULL)
    user = fanfare_client_register_finish (client, result, &error);
  else
    user = fanfare_client_sign_in_finish (client, result, &error);
  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  set_active (self, fanfare_client_get_server_url (client), fanfare_user_get_username (user));
  fanfare_keyring_store_async (fanfare_client_get_server_url (client), fanfare_user_get_username (user),
                               fanfare_client_get_token (client), NULL, store_cb, g_steal_pointer (&task));
}

/**
 * fanfare_account_manager_sign_in_async:
 * @create_account: register @username first
 *
 * Signs in on @server_url and makes the account the active one. The token
 * goes to the keyring; when it cannot, the user stays signed in for this
 * run and #FanfareAccountManager::notice says so. Other accounts' tokens
 * stay saved.
 */
void
fanfare_account_manager_sign_in_async (FanfareAccountManager *self,
                                       const char            *server_url,
                                       const char            *username,
                                       const char            *password,
                                       gboolean               create_account,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (server_url != NULL && username != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_account_manager_sign_in_async);
  fanfare_account_manager_use_server (self, server_url);

  if (create_account)
    {
      g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
      fanfare_client_register_async (self->client, username, NULL, password, cancellable, log_in_cb, task);
    }
  else
    {
      fanfare_client_sign_in_async (self->client, username, password, cancellable, log_in_cb, task);
    }
}

/**
 * fanfare_account_manager_sign_in_finish:
 *
 * Returns: (transfer full): the user, signed in
 */
FanfareUser *
fanfare_account_manager_sign_in_finish (FanfareAccountManager *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *revoke_error = g_task_get_task_data (task);
  GError *error = NULL;

  if (!fanfare_keyring_clear_finish (result, &error))
    g_task_return_error (task, error);
  else if (revoke_error != NULL)
    g_task_return_error (task, g_error_copy (revoke_error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareAccountManager *self = g_task_get_source_object (task);
  g_autofree char *server = g_settings_get_string (self->settings, "account-server");
  g_autofree char *username = g_settings_get_string (self->settings, "account-username");
  GError *error = NULL;

  /* The secret goes whatever the server said: the user asked to be
   * forgotten here. */
  if (!fanfare_client_sign_out_finish (FANFARE_CLIENT (object), result, &error))
    g_task_set_task_data (task, error, (GDestroyNotify) g_error_free);

  set_active (self, server, "");
  set_remembered (self, FALSE);
  fanfare_keyring_clear_async (server, username, NULL, clear_cb, g_steal_pointer (&task));
}

/**
 * fanfare_account_manager_sign_out_async:
 *
 * Revokes the active account's token on the server and deletes it from
 * the keyring.
 */
void
fanfare_account_manager_sign_out_async (FanfareAccountManager *self,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (self->client != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_account_manager_sign_out_async);
  fanfare_client_sign_out_async (self->client, cancellable, sign_out_cb, task);
}

gboolean
fanfare_account_manager_sign_out_finish (FanfareAccountManager *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
