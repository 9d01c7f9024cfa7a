/* fanfare-http-accounts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Accounts: register, log in and out, sessions, password, profile, and
 * what admins grant (the verified mark, roles). Passwords and tokens go
 * nowhere but the credentials service and the response that creates a
 * token; none is logged. */

#include "config.h"

#include <string.h>

#include "fanfare-account-store.h"
#include "fanfare-accounts.h"
#include "fanfare-common-enums.h"
#include "fanfare-credentials.h"
#include "fanfare-error.h"
#include "fanfare-http-json.h"
#include "fanfare-http-social.h"
#include "fanfare-images.h"
#include "fanfare-json.h"
#include "fanfare-login-throttle.h"
#include "fanfare-request.h"
#include "fanfare-server-private.h"
#include "fanfare-session.h"
#include "fanfare-user.h"
#include "fanfare-utils.h"

#define MAX_DEVICE 100

/* The device a session was made on, as the user will see it in a list. */
static char *
device_name (FanfareRequest *request,
             const char     *device)
{
  const char *name = device != NULL ? device : fanfare_request_get_header (request, "User-Agent");
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);

  if (g_utf8_strlen (valid, -1) > MAX_DEVICE)
    *g_utf8_offset_to_pointer (valid, MAX_DEVICE) = '\0';

  return g_steal_pointer (&valid);
}

/* Opens a session for @user_id and answers with its token, the session and
 * the user. The token appears in this response only. */
static void
respond_new_session (FanfareRequest *request,
                     gint64          user_id,
                     const char     *device,
                     guint           status)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareServerLimits *limits = _fanfare_server_get_limits (fanfare_request_get_server (request));
  g_autoptr(GError) error = NULL;
  g_autofree char *token = fanfare_credentials_new_token ();
  g_autofree char *token_hash = fanfare_credentials_hash_token (token);
  g_autofree char *device_text = device_name (request, device);
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  gint64 session_id;

  session_id = fanfare_account_store_create_session (db, user_id, token_hash, device_text,
                                                     g_get_real_time () / G_USEC_PER_SEC + limits->session_lifetime,
                                                     &error);
  if (session_id == 0 ||
      (user = fanfare_account_store_get_user (db, user_id, TRUE, &error)) == NULL ||
      (sessions = fanfare_account_store_list_sessions (db, user_id, session_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  fanfare_http_add_object (builder, "user", user);
  for (guint i = 0; i < sessions->len; i++)
    if (fanfare_session_get_current (g_ptr_array_index (sessions, i)))
      fanfare_http_add_object (builder, "session", g_ptr_array_index (sessions, i));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, status, root);
}

static void
register_account (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(FanfareUser) user = NULL;
  const char *username = NULL;
  const char *display_name = NULL;
  const char *password = NULL;
  const char *email = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "username", TRUE, &username, &error) ||
      !fanfare_json_read_string (body, "display_name", TRUE, &display_name, &error) ||
      !fanfare_json_read_string (body, "password", TRUE, &password, &error) ||
      !fanfare_json_read_string (body, "email", FALSE, &email, &error) ||
      (user = fanfare_accounts_create (fanfare_request_get_database (request), username, display_name, email,
                                       password, FANFARE_USER_ROLE_LISTENER, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_new_session (request, g_ascii_strtoll (fanfare_user_get_id (user), NULL, 10), NULL, 201);
}

static void
refuse_throttled (FanfareRequest *request,
                  guint           retry_after)
{
  fanfare_request_take_header (request, "Retry-After", g_strdup_printf ("%u", retry_after));
  fanfare_request_fail_literal (request, FANFARE_ERROR_RATE_LIMITED,
                                "Too many failed attempts to sign in; try again later");
}

static void
log_in (FanfareRequest *request)
{
  FanfareLoginThrottle *throttle = _fanfare_server_get_throttle (fanfare_request_get_server (request));
  const char *address = fanfare_request_get_remote_host (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *hash = NULL;
  const char *username = NULL;
  const char *password = NULL;
  const char *device = NULL;
  gint64 user_id = 0;
  guint retry_after;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "username", TRUE, &username, &error) ||
      !fanfare_json_read_string (body, "password", TRUE, &password, &error) ||
      !fanfare_json_read_string (body, "device", FALSE, &device, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!fanfare_login_throttle_begin (throttle, username, address, &retry_after))
    {
      refuse_throttled (request, retry_after);
      return;
    }

  /* An unknown user takes as long as a wrong password, and reads the same. */
  if (!fanfare_account_store_get_credentials (fanfare_request_get_database (request), username,
                                              &user_id, &hash, &lookup_error))
    {
      if (!g_error_matches (lookup_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          fanfare_request_fail (request, lookup_error);
          return;
        }
      fanfare_credentials_waste_time (password);
    }

  if (hash == NULL || !fanfare_credentials_verify_password (password, hash))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_UNAUTHORIZED, "Wrong username or password");
      return;
    }

  fanfare_login_throttle_succeed (throttle, username, address);
  respond_new_session (request, user_id, device, 201);
}

static void
list_sessions (FanfareRequest *request)
{
  const FanfareAuth *auth = fanfare_request_get_auth (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  sessions = fanfare_account_store_list_sessions (fanfare_request_get_database (request), auth->user_id,
                                                  auth->session_id, &error);
  if (sessions == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_items (request, sessions, NULL);
}

static void
delete_session (FanfareRequest *request,
                gint64          session_id)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_account_store_delete_session (fanfare_request_get_database (request),
                                             fanfare_request_get_auth (request)->user_id, session_id, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
log_out (FanfareRequest *request)
{
  delete_session (request, fanfare_request_get_auth (request)->session_id);
}

static void
revoke_session (FanfareRequest *request)
{
  delete_session (request, fanfare_request_get_id (request, "id"));
}

/* Answers {"user": ...} for @user_id, with the email for the user
 * themselves. */
static void
respond_user (FanfareRequest *request,
              gint64          user_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUser) user = NULL;
  gboolean own = user_id == fanfare_request_get_auth (request)->user_id;

  user = fanfare_account_store_get_user (fanfare_request_get_database (request), user_id, own, &error);
  if (user == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_object (request, 200, "user", user);
}

static void
get_me (FanfareRequest *request)
{
  respond_user (request, fanfare_request_get_auth (request)->user_id);
}

static void
update_me (FanfareRequest *request)
{
  gint64 user_id = fanfare_request_get_auth (request)->user_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *display_name = NULL;
  const char *bio = NULL;
  const char *email = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "display_name", FALSE, &display_name, &error) ||
      !fanfare_json_read_string (body, "bio", FALSE, &bio, &error) ||
      !fanfare_json_read_string (body, "email", FALSE, &email, &error) ||
      (display_name != NULL &&
       !fanfare_accounts_check_text (display_name, "display_name", 1, FANFARE_MAX_DISPLAY_NAME, &error)) ||
      (bio != NULL && !fanfare_accounts_check_text (bio, "bio", 0, FANFARE_MAX_BIO, &error)) ||
      (email != NULL && !fanfare_accounts_check_email (email, &error)) ||
      !fanfare_account_store_update_profile (fanfare_request_get_database (request), user_id,
                                             display_name, bio, email, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_user (request, user_id);
}

static void
change_password (FanfareRequest *request)
{
  const FanfareAuth *auth = fanfare_request_get_auth (request);
  FanfareDatabase *db = fanfare_request_get_database (request);
  FanfareLoginThrottle *throttle = _fanfare_server_get_throttle (fanfare_request_get_server (request));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *new_hash = NULL;
  g_autofree char *account = g_strdup_printf ("#%" G_GINT64_FORMAT, auth->user_id);
  const char *current = NULL;
  const char *replacement = NULL;
  guint n_revoked = 0;
  guint retry_after;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "current_password", TRUE, &current, &error) ||
      !fanfare_json_read_string (body, "new_password", TRUE, &replacement, &error) ||
      !fanfare_credentials_check_password (replacement, "new_password", &error) ||
      !fanfare_account_store_get_password_hash (db, auth->user_id, &old_hash, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  /* A stolen token must not become a way to guess the password. */
  if (!fanfare_login_throttle_begin (throttle, account, fanfare_request_get_remote_host (request), &retry_after))
    {
      refuse_throttled (request, retry_after);
      return;
    }

  if (!fanfare_credentials_verify_password (current, old_hash))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN, "The current password is wrong");
      return;
    }
  fanfare_login_throttle_succeed (throttle, account, fanfare_request_get_remote_host (request));

  if ((new_hash = fanfare_credentials_hash_password (replacement, &error)) == NULL ||
      !fanfare_account_store_set_password_hash (db, auth->user_id, new_hash, auth->session_id,
                                                &n_revoked, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "revoked_sessions");
  json_builder_add_int_value (builder, n_revoked);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  fanfare_request_respond_json (request, 200, root);
}

static void
set_avatar (FanfareRequest *request)
{
  gint64 user_id = fanfare_request_get_auth (request)->user_id;
  GBytes *body = fanfare_request_get_body (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  if (body == NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The request needs a PNG or JPEG body");
      return;
    }

  if ((image_id = fanfare_images_add_bytes (fanfare_request_get_media (request), body, &error)) == NULL ||
      !fanfare_account_store_set_avatar (fanfare_request_get_database (request), user_id, image_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_user (request, user_id);
}

/* The user a path's {username} names, or 0 with the request failed. */
static gint64
path_user (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 user_id;

  user_id = fanfare_account_store_lookup_user_id (fanfare_request_get_database (request),
                                                  fanfare_request_get_param (request, "username"), &error);
  if (user_id == 0)
    fanfare_request_fail (request, error);

  return user_id;
}

static void
get_user (FanfareRequest *request)
{
  gint64 user_id = fanfare_http_social_path_user (request);

  if (user_id != 0)
    respond_user (request, user_id);
}

static void
set_verified (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean verified = FALSE;
  gint64 user_id;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_boolean (body, "verified", TRUE, &verified, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if ((user_id = path_user (request)) == 0)
    return;

  if (!fanfare_account_store_set_verified (fanfare_request_get_database (request), user_id, verified, &error))
    fanfare_request_fail (request, error);
  else
    respond_user (request, user_id);
}

static void
set_moderator (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean moderator = FALSE;
  gint64 user_id;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_boolean (body, "moderator", TRUE, &moderator, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if ((user_id = path_user (request)) == 0)
    return;

  if (!fanfare_account_store_set_moderator (fanfare_request_get_database (request), user_id, moderator, &error))
    fanfare_request_fail (request, error);
  else
    respond_user (request, user_id);
}

static void
set_role (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *role_name = NULL;
  int role;
  gint64 user_id;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "role", TRUE, &role_name, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!fanfare_enum_from_string (FANFARE_TYPE_USER_ROLE, role_name, &role))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “role” must be listener, artist or admin");
      return;
    }

  if ((user_id = path_user (request)) == 0)
    return;

  if (!fanfare_account_store_set_role (fanfare_request_get_database (request), user_id, role, NULL, &error))
    fanfare_request_fail (request, error);
  else
    respond_user (request, user_id);
}

const FanfareRoute fanfare_http_account_routes[] = {
  { "POST", "/api/v1/accounts", FANFARE_ACCESS_ANYONE, 0, register_account },
  { "POST", "/api/v1/sessions", FANFARE_ACCESS_ANYONE, 0, log_in },
  { "GET", "/api/v1/sessions", FANFARE_ACCESS_USER, 0, list_sessions },
  { "DELETE", "/api/v1/sessions/current", FANFARE_ACCESS_USER, 0, log_out },
  { "DELETE", "/api/v1/sessions/{id}", FANFARE_ACCESS_USER, 0, revoke_session },
  { "GET", "/api/v1/me", FANFARE_ACCESS_USER, 0, get_me },
  { "PATCH", "/api/v1/me", FANFARE_ACCESS_USER, 0, update_me },
  { "PUT", "/api/v1/me/password", FANFARE_ACCESS_USER, 0, change_password },
  { "PUT", "/api/v1/me/avatar", FANFARE_ACCESS_USER, FANFARE_IMAGE_MAX_BYTES, set_avatar },
  { "GET", "/api/v1/users/{username}", FANFARE_ACCESS_ANYONE, 0, get_user },
  { "PUT", "/api/v1/users/{username}/verified", FANFARE_ACCESS_ADMIN, 0, set_verified },
  { "PUT", "/api/v1/users/{username}/moderator", FANFARE_ACCESS_ADMIN, 0, set_moderator },
  { "PUT", "/api/v1/users/{username}/role", FANFARE_ACCESS_ADMIN, 0, set_role },
  { NULL },
};
