/* fanfare-client-accounts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Registering, signing in and out, and the caller's profile and sessions. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-error.h"

/* The answer to a log-in: the token is kept by the client, in memory, and
 * the user becomes the task's value. */
static gpointer
parse_log_in (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  g_autoptr(FanfareUser) user = _fanfare_client_parse_object (json, "user", FANFARE_TYPE_USER, error);
  const char *token = json_object_get_string_member_with_default (json, "token", NULL);

  if (user == NULL)
    return NULL;
  if (token == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No token in a log-in");
      return NULL;
    }

  fanfare_client_set_token (self, token);
  _fanfare_client_set_user (self, user);

  return g_steal_pointer (&user);
}

static gpointer
parse_me (FanfareClient *self,
          JsonObject    *json,
          GError       **error)
{
  g_autoptr(FanfareUser) user = _fanfare_client_parse_object (json, "user", FANFARE_TYPE_USER, error);

  if (user != NULL)
    _fanfare_client_set_user (self, user);

  return g_steal_pointer (&user);
}

static gpointer
parse_sessions (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  return _fanfare_client_parse_list (json, "items", FANFARE_TYPE_SESSION, error);
}

static void
log_in (FanfareClient *self,
        const char    *path,
        JsonBuilder   *builder,
        GTask         *task)
{
  g_autoptr(SoupMessage) msg = NULL;

  json_builder_end_object (builder);
  msg = _fanfare_client_new_message (self, "POST", path, builder);
  /* The body holds the password: libsoup frees it with the message. */
  _fanfare_client_call (self, msg, parse_log_in, g_object_unref, task);
}

/**
 * fanfare_client_register_async:
 *
 * Creates a listener's account and signs in as them.
 */
void
fanfare_client_register_async (FanfareClient       *self,
                               const char          *username,
                               const char          *display_name,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL && password != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_string_value (builder, display_name != NULL && *display_name != '\0' ? display_name : username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  log_in (self, "/api/v1/accounts", builder,
          _fanfare_client_task_new (self, fanfare_client_register_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_register_finish:
 *
 * Returns: (transfer full): the new user, now signed in
 */
FanfareUser *
fanfare_client_register_finish (FanfareClient *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_register_async, error);
}

void
fanfare_client_sign_in_async (FanfareClient       *self,
                              const char          *username,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL && password != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, g_get_host_name ());
  log_in (self, "/api/v1/sessions", builder,
          _fanfare_client_task_new (self, fanfare_client_sign_in_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_sign_in_finish:
 *
 * Returns: (transfer full): the user, now signed in
 */
FanfareUser *
fanfare_client_sign_in_finish (FanfareClient *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_sign_in_async, error);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = FANFARE_CLIENT (object);
  g_autoptr(GError) error = NULL;

  g_task_propagate_pointer (G_TASK (result), &error);
  /* Signed out here whatever the server said: a token it no longer knows
   * is as good as revoked. */
  fanfare_client_set_token (self, NULL);
  if (error != NULL && !g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
}

/**
 * fanfare_client_sign_out_async:
 *
 * Revokes the session's token on the server and forgets it. The client is
 * signed out even when the server cannot be reached; the error says so.
 */
void
fanfare_client_sign_out_async (FanfareClient       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  task = _fanfare_client_task_new (self, fanfare_client_sign_out_async, cancellable, callback, user_data);
  if (self->token == NULL)
    {
      g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
      g_object_unref (task);
      return;
    }

  msg = _fanfare_client_new_message (self, "DELETE", "/api/v1/sessions/current", NULL);
  _fanfare_client_call (self, msg, NULL, NULL,
                        g_task_new (self, cancellable, sign_out_cb, task));
}

gboolean
fanfare_client_sign_out_finish (FanfareClient *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_sign_out_async, error) != NULL;
}

/**
 * fanfare_client_get_me_async:
 *
 * Fetches the signed-in user's profile; with a token from the keyring, this
 * is how a silent sign-in finds out whether it is still good.
 */
void
fanfare_client_get_me_async (FanfareClient       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  msg = _fanfare_client_new_message (self, "GET", "/api/v1/me", NULL);
  _fanfare_client_call (self, msg, parse_me, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_get_me_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_get_me_finish:
 *
 * Returns: (transfer full): the signed-in user
 */
FanfareUser *
fanfare_client_get_me_finish (FanfareClient *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_me_async, error);
}

void
fanfare_client_list_sessions_async (FanfareClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  msg = _fanfare_client_new_message (self, "GET", "/api/v1/sessions", NULL);
  _fanfare_client_call (self, msg, parse_sessions, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_sessions_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_list_sessions_finish:
 *
 * Returns: (transfer full) (element-type FanfareSession): the sessions, the
 *   most recently used first
 */
GListModel *
fanfare_client_list_sessions_finish (FanfareClient *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_sessions_async, error);
}

void
fanfare_client_revoke_session_async (FanfareClient       *self,
                                     const char          *session_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (session_id != NULL);

  id = _fanfare_client_escape (session_id);
  path = g_strconcat ("/api/v1/sessions/", id, NULL);
  msg = _fanfare_client_new_message (self, "DELETE", path, NULL);
  _fanfare_client_call (self, msg, NULL, NULL,
                        _fanfare_client_task_new (self, fanfare_client_revoke_session_async, cancellable, callback, user_data));
}

gboolean
fanfare_client_revoke_session_finish (FanfareClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_revoke_session_async, error) != NULL;
}
