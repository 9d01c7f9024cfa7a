/* fanfare-account-store-sessions.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sessions: one per signed-in device, found by the hash of its token,
 * sliding forward in time while it is used. */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-session.h"
#include "fanfare-utils.h"

/* A session is refreshed at most this often, so that reads rarely write. */
#define TOUCH_INTERVAL_SECONDS 60

gint64
fanfare_account_store_create_session (FanfareDatabase *db,
                                      gint64           user_id,
                                      const char      *token_hash,
                                      const char      *device,
                                      gint64           expires_at,
                                      GError         **error)
{
  static const char sql[] =
    "INSERT INTO sessions (user_id, token_hash, device, created_at, last_used_at, expires_at)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?5)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, user_id);
  _fanfare_statement_bind_text (stmt, 2, token_hash);
  _fanfare_statement_bind_text (stmt, 3, device);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());
  sqlite3_bind_int64 (stmt, 5, expires_at);
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  return _fanfare_connection_last_insert_id (conn);
}

static gboolean
touch_session (FanfareConnection *conn,
               gint64             session_id,
               gint64             now,
               gint64             lifetime,
               GError           **error)
{
  static const char sql[] = "UPDATE sessions SET last_used_at = ?2, expires_at = ?2 + ?3 WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, lifetime);

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_account_store_authenticate:
 * @token_hash: the hash of a bearer token
 * @lifetime: how long, in seconds, a session lasts after its last use
 * @auth: (out caller-allocates): who the session belongs to
 *
 * Returns: %FALSE with %FANFARE_ERROR_UNAUTHORIZED for an unknown, revoked
 *   or expired token
 */
gboolean
fanfare_account_store_authenticate (FanfareDatabase *db,
                                    const char      *token_hash,
                                    gint64           lifetime,
                                    FanfareAuth     *auth,
                                    GError         **error)
{
  static const char sql[] =
    "SELECT s.id, s.user_id, u.role, s.last_used_at, s.expires_at, u.moderator"
    " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 now = _fanfare_now ();
  gint64 last_used_at;
  int role = FANFARE_USER_ROLE_LISTENER;
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, token_hash);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  if (rc == SQLITE_DONE || sqlite3_column_int64 (stmt, 4) <= now)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED,
                           "The session has expired or was signed out");
      return FALSE;
    }

  auth->session_id = sqlite3_column_int64 (stmt, 0);
  auth->user_id = sqlite3_column_int64 (stmt, 1);
  fanfare_enum_from_string (FANFARE_TYPE_USER_ROLE, _fanfare_statement_get_text (stmt, 2), &role);
  auth->role = role;
  auth->moderator = sqlite3_column_int (stmt, 5) != 0 || role == FANFARE_USER_ROLE_ADMIN;
  last_used_at = sqlite3_column_int64 (stmt, 3);
  _fanfare_statement_reset (stmt);

  if (now - last_used_at >= TOUCH_INTERVAL_SECONDS)
    return touch_session (conn, auth->session_id, now, lifetime, error);

  return TRUE;
}

/**
 * fanfare_account_store_list_sessions:
 * @current_session_id: the session to mark as the current one
 *
 * Returns: (transfer container) (element-type FanfareSession): the user's
 *   sessions that have not expired, the most recently used first
 */
GPtrArray *
fanfare_account_store_list_sessions (FanfareDatabase *db,
                                     gint64           user_id,
                                     gint64           current_session_id,
                                     GError         **error)
{
  static const char sql[] =
    "SELECT id, device, created_at, last_used_at, expires_at FROM sessions"
    " WHERE user_id = ?1 AND expires_at > ?2 ORDER BY last_used_at DESC, id DESC";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, _fanfare_now ());
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = _fanfare_statement_dup_id (stmt, 0);
      g_autoptr(GDateTime) created_at = _fanfare_statement_get_date_time (stmt, 2);
      g_autoptr(GDateTime) last_used_at = _fanfare_statement_get_date_time (stmt, 3);
      g_autoptr(GDateTime) expires_at = _fanfare_statement_get_date_time (stmt, 4);

      g_ptr_array_add (sessions, g_object_new (FANFARE_TYPE_SESSION,
                                               "id", id,
                                               "device", _fanfare_statement_get_text (stmt, 1),
                                               "current", sqlite3_column_int64 (stmt, 0) == current_session_id,
                                               "created-at", created_at,
                                               "last-used-at", last_used_at,
                                               "expires-at", expires_at,
                                               NULL));
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&sessions);
}

/**
 * fanfare_account_store_delete_session:
 *
 * Revokes one of @user_id's sessions. Another user's session is not found,
 * so nobody learns that it exists.
 */
gboolean
fanfare_account_store_delete_session (FanfareDatabase *db,
                                      gint64           user_id,
                                      gint64           session_id,
                                      GError         **error)
{
  static const char sql[] = "DELETE FROM sessions WHERE id = ?1 AND user_id = ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such session");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_account_store_set_password_hash:
 * @keep_session_id: the session that stays signed in; every other one of
 *   the user's sessions is revoked in the same transaction
 * @n_revoked: (out) (optional): how many sessions were revoked
 */
gboolean
fanfare_account_store_set_password_hash (FanfareDatabase *db,
                                         gint64           user_id,
                                         const char      *password_hash,
                                         gint64           keep_session_id,
                                         guint           *n_revoked,
                                         GError         **error)
{
  static const char update_sql[] = "UPDATE users SET password_hash = ?2 WHERE id = ?1";
  static const char revoke_sql[] = "DELETE FROM sessions WHERE user_id = ?1 AND id <> ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) update = NULL;
  g_autoptr(FanfareStatement) revoke = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (update = _fanfare_connection_prepare (conn, update_sql, error)) == NULL ||
      (revoke = _fanfare_connection_prepare (conn, revoke_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, user_id);
  _fanfare_statement_bind_text (update, 2, password_hash);
  if (!_fanfare_statement_run (update, error))
    return FALSE;
  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such user");
      return FALSE;
    }

  sqlite3_bind_int64 (revoke, 1, user_id);
  sqlite3_bind_int64 (revoke, 2, keep_session_id);
  if (!_fanfare_statement_run (revoke, error))
    return FALSE;
  if (n_revoked != NULL)
    *n_revoked = _fanfare_connection_changes (conn);

  return _fanfare_connection_commit (conn, error);
}
