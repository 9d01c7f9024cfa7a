/* fanfare-keyring.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Session tokens in the system keyring, through libsecret, and nowhere else.
 * One secret per account, found by the server's address and the username
 * under a schema named after the application. Every failure of the keyring
 * (no Secret Service, a locked keyring the user would not unlock) becomes
 * one error in plain words, G_IO_ERROR_NOT_SUPPORTED; the details go to the
 * debug log. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "fanfare-keyring.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    BASE_APP_ID, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/* libsecret keeps a reference to the table while it waits for the
 * service, so the table owns copies of the strings. */
static GHashTable *
new_attributes (const char *server,
                const char *username)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "server", g_strdup (server));
  if (username != NULL)
    g_hash_table_insert (attributes, (gpointer) "username", g_strdup (username));

  return attributes;
}

/* Takes a libsecret failure and returns the one error the app shows. A
 * cancellation that was not the caller's is the user declining to unlock
 * the keyring. */
static GError *
keyring_error (GTask  *task,
               GError *error)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *plain;

  if (error == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "libsecret failed without a reason");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    return error;

  g_debug ("Keyring failed: %s", error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    plain = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("The keyring stayed locked, so Fanfare cannot remember your sign-in"));
  else
    plain = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("The keyring is not available, so Fanfare cannot remember your sign-in"));
  g_error_free (error);

  return plain;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, keyring_error (task, error));
}

/**
 * fanfare_keyring_store_async:
 *
 * Saves the token of @username on @server, replacing an older one.
 */
void
fanfare_keyring_store_async (const char          *server,
                             const char          *username,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = new_attributes (server, username);
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (server != NULL && username != NULL && token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_keyring_store_async);
  /* TRANSLATORS: the name of a secret in the keyring, such as
   * “Fanfare: lin.bei on fanfare.example.org” */
  label = g_strdup_printf (_("Fanfare: %s on %s"), username, server);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, token,
                          cancellable, store_cb, task);
}

gboolean
fanfare_keyring_store_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, keyring_error (task, error));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
fanfare_keyring_lookup_async (const char          *server,
                              const char          *username,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = new_attributes (server, username);
  GTask *task;

  g_return_if_fail (server != NULL && username != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_keyring_lookup_async);
  secret_password_lookupv (get_schema (), attributes, cancellable, lookup_cb, task);
}

/**
 * fanfare_keyring_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, to be freed with
 *   secret_password_free(); %NULL without an error when none is saved
 */
char *
fanfare_keyring_lookup_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (task, error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * fanfare_keyring_clear_async:
 *
 * Deletes the token of @username on @server, if there is one.
 */
void
fanfare_keyring_clear_async (const char          *server,
                             const char          *username,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = new_attributes (server, username);
  GTask *task;

  g_return_if_fail (server != NULL && username != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_keyring_clear_async);
  secret_password_clearv (get_schema (), attributes, cancellable, clear_cb, task);
}

gboolean
fanfare_keyring_clear_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GError *error = NULL;
  GList *items = secret_password_search_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (task, error));
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *server = g_hash_table_lookup (attributes, "server");
      const char *username = g_hash_table_lookup (attributes, "username");

      if (server != NULL && username != NULL)
        {
          g_strv_builder_add (builder, server);
          g_strv_builder_add (builder, username);
        }
    }
  g_list_free_full (items, g_object_unref);

  g_task_return_pointer (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
}

/**
 * fanfare_keyring_list_async:
 *
 * Lists the accounts whose tokens are saved, without reading the tokens.
 */
void
fanfare_keyring_list_async (GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, fanfare_keyring_list_async);
  secret_password_searchv (get_schema (), attributes, SECRET_SEARCH_ALL, cancellable, list_cb, task);
}

/**
 * fanfare_keyring_list_finish:
 *
 * Returns: (transfer full): pairs of server address and username, one after
 *   the other
 */
GStrv
fanfare_keyring_list_finish (GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
