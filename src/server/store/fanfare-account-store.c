/* fanfare-account-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Users and their sessions. Passwords arrive here already hashed and
* tokens as their hashes: nothing in the database can be replayed. */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-session.h"
#include "fanfare-user.h"
#include "fanfare-utils.h"

#define USER_COLUMNS \
  "SELECT u.id, u.username, u.display_name, u.email, u.role, u.bio, u.avatar_id," \
  " u.verified, a.id, u.created_at," \
  " u.follower_count, u.following_count, u.moderator" \
  " FROM users u LEFT JOIN artists a ON a.user_id = u.id"

static FanfareUser *
user_from_row (FanfareConnection *conn,
               FanfareStatement  *stmt,
               gboolean           with_email)
{
  g_autofree char *id = _fanfare_statement_dup_id (stmt, 0);
  g_autofree char *avatar = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 6));
  g_autofree char *artist_id = _fanfare_statement_dup_id (stmt, 8);
  g_autoptr(GDateTime) created_at = _fanfare_statement_get_date_time (stmt, 9);
  int role = FANFARE_USER_ROLE_LISTENER;

  fanfare_enum_from_string (FANFARE_TYPE_USER_ROLE, _fanfare_statement_get_text (stmt, 4), &role);

  return g_object_new (FANFARE_TYPE_USER,
                       "id", id,
                       "username", _fanfare_statement_get_text (stmt, 1),
                       "display-name", _fanfare_statement_get_text (stmt, 2),
                       "email", with_email ? _fanfare_statement_get_text (stmt, 3) : NULL,
                       "role", role,
                       "bio", _fanfare_statement_get_text (stmt, 5),
                       "avatar-uri", avatar,
                       "verified", sqlite3_column_int (stmt, 7) != 0,
                       "artist-id", artist_id,
                       "created-at", created_at,
                       "follower-count", (guint) sqlite3_column_int (stmt, 10),
                       "following-count", (guint) sqlite3_column_int (stmt, 11),
                       "moderator", sqlite3_column_int (stmt, 12) != 0,
                       NULL);
}

FanfareUser *
_fanfare_account_store_fetch_user (FanfareConnection *conn,
                                   gint64             user_id,
                                   gboolean           with_email,
                                   GError           **error)
{
  static const char sql[] = USER_COLUMNS " WHERE u.id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return NULL;

  return user_from_row (conn, stmt, with_email);
}

/**
 * fanfare_account_store_get_users:
 * @user_ids: (element-type gint64): whom
 *
 * Reads many users on one connection, as lists of people do.
 *
 * Returns: (transfer full) (element-type FanfareUser): the users in the
 *   order of @user_ids, without emails, or %NULL with @error set
 */
GPtrArray *
fanfare_account_store_get_users (FanfareDatabase *db,
                                 GArray          *user_ids,
                                 GError         **error)
{
  /* One statement for the whole list; the ids come as a JSON array. */
  static const char sql[] = USER_COLUMNS " WHERE u.id IN (SELECT value FROM json_each (?1))";
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  int rc;

  if ((conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  _fanfare_statement_bind_ids (stmt, 1, user_ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (by_id, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         user_from_row (conn, stmt, FALSE));
  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }
  _fanfare_statement_reset (stmt);

  for (guint i = 0; i < user_ids->len; i++)
    {
      FanfareUser *user = g_hash_table_lookup (by_id, &g_array_index (user_ids, gint64, i));

      if (user == NULL)
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such user");
          return NULL;
        }
      g_ptr_array_add (users, g_object_ref (user));
    }

  return g_steal_pointer (&users);
}

/**
 * fanfare_account_store_create_user:
 *
 * Returns: (transfer full): the new user, or %NULL with
 *   %FANFARE_ERROR_CONFLICT set when the username is taken
 */
FanfareUser *
fanfare_account_store_create_user (FanfareDatabase *db,
                                   const char      *username,
                                   const char      *display_name,
                                   const char      *email,
                                   const char      *password_hash,
                                   FanfareUserRole  role,
                                   GError         **error)
{
  static const char sql[] =
    "INSERT INTO users (username, display_name, email, password_hash, role, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autofree char *role_name = fanfare_enum_to_string (FANFARE_TYPE_USER_ROLE, role);
  g_autoptr(GError) local_error = NULL;
  gint64 user_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error))
    return NULL;

  stmt = _fanfare_connection_prepare (conn, sql, error);
  if (stmt == NULL)
    return NULL;

  _fanfare_statement_bind_text (stmt, 1, username);
  _fanfare_statement_bind_text (stmt, 2, display_name);
  _fanfare_statement_bind_text (stmt, 3, email);
  _fanfare_statement_bind_text (stmt, 4, password_hash);
  _fanfare_statement_bind_text (stmt, 5, role_name);
  sqlite3_bind_int64 (stmt, 6, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, &local_error))
    {
      if (g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT))
        g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "The username “%s” is taken", username);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  user_id = _fanfare_connection_last_insert_id (conn);
  if (role == FANFARE_USER_ROLE_ARTIST &&
      _fanfare_catalog_store_ensure_artist (conn, user_id, error) == 0)
    return NULL;

  if (!_fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_USER, user_id, error) ||
      !_fanfare_connection_commit (conn, error))
    return NULL;

  return _fanfare_account_store_fetch_user (conn, user_id, TRUE, error);
}

/* Finds a user by name (?1) or by id (?2), whichever @sql asks for. */
static gboolean
read_credentials (FanfareDatabase *db,
                  const char      *sql,
                  const char      *username,
                  gint64          *user_id,
                  char           **password_hash,
                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, username);
  sqlite3_bind_int64 (stmt, 2, *user_id);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return FALSE;

  *user_id = sqlite3_column_int64 (stmt, 0);
  *password_hash = _fanfare_statement_dup_text (stmt, 1);

  return TRUE;
}

/**
 * fanfare_account_store_get_credentials:
 * @user_id: (out): the user's id
 * @password_hash: (out) (transfer full): the stored hash
 *
 * Returns: %FALSE with %FANFARE_ERROR_NOT_FOUND when there is no such user
 */
gboolean
fanfare_account_store_get_credentials (FanfareDatabase *db,
                                       const char      *username,
                                       gint64          *user_id,
                                       char           **password_hash,
                                       GError         **error)
{
  static const char sql[] = "SELECT id, password_hash FROM users WHERE username = ?1 AND ?2 = ?2";
  gint64 found_id = 0;

  if (!read_credentials (db, sql, username, &found_id, password_hash, error))
    return FALSE;

  *user_id = found_id;

  return TRUE;
}

/**
 * fanfare_account_store_get_password_hash:
 * @password_hash: (out) (transfer full): the stored hash
 */
gboolean
fanfare_account_store_get_password_hash (FanfareDatabase *db,
                                         gint64           user_id,
                                         char           **password_hash,
                                         GError         **error)
{
  static const char sql[] = "SELECT id, password_hash FROM users WHERE id = ?2 AND ?1 IS NULL";

  return read_credentials (db, sql, NULL, &user_id, password_hash, error);
}

/**
 * fanfare_account_store_get_user:
 * @with_email: whether to fill in the email, for the user themselves
 *
 * Returns: (transfer full): the user, or %NULL with %FANFARE_ERROR_NOT_FOUND
 */
FanfareUser *
fanfare_account_store_get_user (FanfareDatabase *db,
                                gint64           user_id,
                                gboolean         with_email,
                                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL)
    return NULL;

  return _fanfare_account_store_fetch_user (conn, user_id, with_email, error);
}

/**
 * fanfare_account_store_lookup_user_id:
 *
 * Returns: the id of the user called @username, or 0 with
 *   %FANFARE_ERROR_NOT_FOUND set
 */
gint64
fanfare_account_store_lookup_user_id (FanfareDatabase *db,
                                      const char      *username,
                                      GError         **error)
{
  static const char sql[] = "SELECT id FROM users WHERE username = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  _fanfare_statement_bind_text (stmt, 1, username);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * fanfare_account_store_find_user:
 *
 * Returns: (transfer full): the public profile of @username, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND
 */
FanfareUser *
fanfare_account_store_find_user (FanfareDatabase *db,
                                 const char      *username,
                                 GError         **error)
{
  gint64 user_id = fanfare_account_store_lookup_user_id (db, username, error);

  if (user_id == 0)
    return NULL;

  return fanfare_account_store_get_user (db, user_id, FALSE, error);
}

/* Runs one UPDATE of a user's row in its own transaction: ?1 is the user,
 * ?2 a text and ?3 a number, either of which the statement may leave out.
 * No row changed means no such user. */
static gboolean
update_user (FanfareDatabase *db,
             const char      *sql,
             gint64           user_id,
             const char      *text,
             gint64           number,
             gboolean         reindex,
             GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  _fanfare_statement_bind_text (stmt, 2, text);
  sqlite3_bind_int64 (stmt, 3, number);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such user");
      return FALSE;
    }

  if (reindex && !_fanfare_search_store_reindex_user (conn, user_id, error))
    return FALSE;

  return _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_account_store_update_profile:
 * @display_name: (nullable): the new display name, or %NULL to keep it
 * @bio: (nullable): the new bio, "" to clear it, %NULL to keep it
 * @email: (nullable): the new email, "" to clear it, %NULL to keep it
 */
gboolean
fanfare_account_store_update_profile (FanfareDatabase *db,
                                      gint64           user_id,
                                      const char      *display_name,
                                      const char      *bio,
                                      const char      *email,
                                      GError         **error)
{
  static const char display_name_sql[] = "UPDATE users SET display_name = ?2 WHERE id = ?1";
  static const char bio_sql[] = "UPDATE users SET bio = nullif (?2, '') WHERE id = ?1";
  static const char email_sql[] = "UPDATE users SET email = nullif (?2, '') WHERE id = ?1";

  if (display_name != NULL && !update_user (db, display_name_sql, user_id, display_name, 0, TRUE, error))
    return FALSE;
  if (bio != NULL && !update_user (db, bio_sql, user_id, bio, 0, FALSE, error))
    return FALSE;
  if (email != NULL && !update_user (db, email_sql, user_id, email, 0, FALSE, error))
    return FALSE;

  return TRUE;
}

gboolean
fanfare_account_store_set_avatar (FanfareDatabase *db,
                                  gint64           user_id,
                                  const char      *image_id,
                                  GError         **error)
{
  static const char sql[] = "UPDATE users SET avatar_id = ?2 WHERE id = ?1";

  return update_user (db, sql, user_id, image_id, 0, FALSE, error);
}

/**
 * fanfare_account_store_set_moderator:
 *
 * Names @user_id a moderator of comments, or no longer.
 */
gboolean
fanfare_account_store_set_moderator (FanfareDatabase *db,
                                     gint64           user_id,
                                     gboolean         moderator,
                                     GError         **error)
{
  static const char sql[] = "UPDATE users SET moderator = ?3 WHERE id = ?1";

  return update_user (db, sql, user_id, NULL, moderator ? 1 : 0, FALSE, error);
}

gboolean
fanfare_account_store_set_verified (FanfareDatabase *db,
                                    gint64           user_id,
                                    gboolean         verified,
                                    GError         **error)
{
  static const char sql[] = "UPDATE users SET verified = ?3 WHERE id = ?1";

  return update_user (db, sql, user_id, NULL, verified ? 1 : 0, FALSE, error);
}

/**
 * fanfare_account_store_set_role:
 * @artist_id: (out) (optional): the user's artist profile, created when the
 *   role becomes artist; 0 for other roles
 */
gboolean
fanfare_account_store_set_role (FanfareDatabase *db,
                                gint64           user_id,
                                FanfareUserRole  role,
                                gint64          *artist_id,
                                GError         **error)
{
  static const char sql[] = "UPDATE users SET role = ?2 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autofree char *role_name = fanfare_enum_to_string (FANFARE_TYPE_USER_ROLE, role);
  gint64 new_artist_id = 0;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  _fanfare_statement_bind_text (stmt, 2, role_name);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;
  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such user");
      return FALSE;
    }

  if (role == FANFARE_USER_ROLE_ARTIST &&
      (new_artist_id = _fanfare_catalog_store_ensure_artist (conn, user_id, error)) == 0)
    return FALSE;

  if (!_fanfare_connection_commit (conn, error))
    return FALSE;

  if (artist_id != NULL)
    *artist_id = new_artist_id;

  return TRUE;
}
