/* fanfare-club-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fan clubs and their members. Who may do what is the HTTP side's to
 * decide from the roles read here; what must hold whatever the order of
 * requests is held here, in one transaction each: a club has one founder,
 * an artist one official club, and a banned user is no member. */

#include "config.h"

#include "fanfare-club-store.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"

static const char *role_names[] = { NULL, "member", "admin", "founder" };

void
fanfare_club_record_free (FanfareClubRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->artist_name);
  g_free (record->name);
  g_free (record->description);
  g_free (record);
}

const char *
fanfare_club_role_to_string (FanfareClubRole  role)
{
  g_return_val_if_fail (role <= FANFARE_CLUB_ROLE_FOUNDER, NULL);

  return role_names[role];
}

FanfareClubRole
fanfare_club_role_from_string (const char *name)
{
  for (guint i = FANFARE_CLUB_ROLE_MEMBER; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (name, role_names[i]) == 0)
      return i;

  return FANFARE_CLUB_ROLE_NONE;
}

static gboolean
put_member (FanfareConnection *conn,
            gint64             club_id,
            gint64             user_id,
            FanfareClubRole    role,
            GError           **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;

  if ((stmt = _fanfare_connection_prepare (conn,
                                           "INSERT INTO fan_club_members (club_id, user_id, role, joined_at)"
                                           " VALUES (?1, ?2, ?3, ?4)"
                                           " ON CONFLICT (club_id, user_id) DO UPDATE SET role = ?3", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  _fanfare_statement_bind_text (stmt, 3, role_names[role]);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_club_store_create:
 * @official: the artist's official club; there is one at most (a conflict)
 * @claimed: whether the artist runs it (an official club a fan founds is
 *   not, until the artist claims it)
 *
 * Returns: the new club's id, its founder its first member; 0 on error
 */
gint64
fanfare_club_store_create (FanfareDatabase *db,
                           gint64           artist_id,
                           gint64           founder_id,
                           const char      *name,
                           const char      *description,
                           gboolean         official,
                           gboolean         claimed,
                           GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 club_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "INSERT INTO fan_clubs (artist_id, name, description, official, claimed,"
                                           " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  _fanfare_statement_bind_text (stmt, 2, name);
  _fanfare_statement_bind_text (stmt, 3, description);
  sqlite3_bind_int (stmt, 4, official);
  sqlite3_bind_int (stmt, 5, claimed);
  sqlite3_bind_int64 (stmt, 6, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, &local_error))
    {
      if (g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT))
        g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "The artist has an official club already");
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  club_id = _fanfare_connection_last_insert_id (conn);
  if (!put_member (conn, club_id, founder_id, FANFARE_CLUB_ROLE_FOUNDER, error) ||
      !_fanfare_connection_commit (conn, error))
    return 0;

  return club_id;
}

#define CLUB_SELECT \
  "SELECT c.id, c.artist_id, a.user_id, a.name, c.name, c.description, c.official, c.claimed," \
  " (SELECT user_id FROM fan_club_members WHERE club_id = c.id AND role = 'founder')," \
  " (SELECT COUNT(*) FROM fan_club_members WHERE club_id = c.id), c.created_at" \
  " FROM fan_clubs c JOIN artists a ON a.id = c.artist_id"

static FanfareClubRecord *
read_club (FanfareStatement *stmt)
{
  FanfareClubRecord *record = g_new0 (FanfareClubRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->artist_id = sqlite3_column_int64 (stmt, 1);
  record->artist_user_id = sqlite3_column_int64 (stmt, 2);
  record->artist_name = _fanfare_statement_dup_text (stmt, 3);
  record->name = _fanfare_statement_dup_text (stmt, 4);
  record->description = _fanfare_statement_dup_text (stmt, 5);
  record->official = sqlite3_column_int (stmt, 6);
  record->claimed = sqlite3_column_int (stmt, 7);
  record->founder_id = sqlite3_column_int64 (stmt, 8);
  record->member_count = sqlite3_column_int (stmt, 9);
  record->created_at = sqlite3_column_int64 (stmt, 10);

  return record;
}

FanfareClubRecord *
fanfare_club_store_get (FanfareDatabase *db,
                        gint64           club_id,
                        GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, CLUB_SELECT " WHERE c.id = ?1", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, club_id);
  if (!_fanfare_statement_step_row (stmt, "No such fan club", error))
    return NULL;

  return read_club (stmt);
}

/**
 * fanfare_club_store_list:
 * @artist_id: only this artist's clubs, or 0
 * @member_id: only the clubs this user is a member of, or 0
 *
 * Returns: (transfer full) (element-type FanfareClubRecord): the official
 *   club first, then the largest
 */
GPtrArray *
fanfare_club_store_list (FanfareDatabase *db,
                         gint64           artist_id,
                         gint64           member_id,
                         GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) clubs = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_club_record_free);
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           CLUB_SELECT " WHERE (?1 = 0 OR c.artist_id = ?1) AND (?2 = 0 OR EXISTS"
                                           " (SELECT 1 FROM fan_club_members m WHERE m.club_id = c.id AND m.user_id = ?2))"
                                           " ORDER BY c.official DESC, 10 DESC, c.id LIMIT 200", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (clubs, read_club (stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&clubs);
}

/**
 * fanfare_club_store_claim:
 *
 * The artist takes over their official club that a fan founded: the
 * artist becomes its founder, the fan an admin.
 */
gboolean
fanfare_club_store_claim (FanfareDatabase *db,
                          gint64           club_id,
                          gint64           artist_user_id,
                          GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) claim = NULL;
  g_autoptr(FanfareStatement) demote = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (claim = _fanfare_connection_prepare (conn,
                                            "UPDATE fan_clubs SET claimed = 1 WHERE id = ?1 AND official = 1 AND claimed = 0",
                                            error)) == NULL ||
      (demote = _fanfare_connection_prepare (conn,
                                             "UPDATE fan_club_members SET role = 'admin'"
                                             " WHERE club_id = ?1 AND role = 'founder'", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (claim, 1, club_id);
  if (!_fanfare_statement_run (claim, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                           "Only an official club a fan founded can be claimed, once");
      return FALSE;
    }

  sqlite3_bind_int64 (demote, 1, club_id);
  if (!_fanfare_statement_run (demote, error) ||
      !put_member (conn, club_id, artist_user_id, FANFARE_CLUB_ROLE_FOUNDER, error))
    return FALSE;

  /* A fan banned before the claim is no member, even the artist. */
  {
    g_autoptr(FanfareStatement) unban = _fanfare_connection_prepare (conn,
                                                                     "DELETE FROM fan_club_bans"
                                                                     " WHERE club_id = ?1 AND user_id = ?2", error);

    if (unban == NULL)
      return FALSE;
    sqlite3_bind_int64 (unban, 1, club_id);
    sqlite3_bind_int64 (unban, 2, artist_user_id);
    if (!_fanfare_statement_run (unban, error))
      return FALSE;
  }

  return _fanfare_connection_commit (conn, error);
}

FanfareClubRole
fanfare_club_store_get_role (FanfareDatabase *db,
                             gint64           club_id,
                             gint64           user_id,
                             GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT role FROM fan_club_members WHERE club_id = ?1 AND user_id = ?2",
                                           error)) == NULL)
    return FANFARE_CLUB_ROLE_NONE;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return fanfare_club_role_from_string (_fanfare_statement_get_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _fanfare_statement_error (stmt, error);

  return FANFARE_CLUB_ROLE_NONE;
}

/**
 * fanfare_club_store_join:
 *
 * Joins a club as a member; joining again changes nothing. A banned user
 * cannot (%FANFARE_ERROR_FORBIDDEN).
 */
gboolean
fanfare_club_store_join (FanfareDatabase *db,
                         gint64           club_id,
                         gint64           user_id,
                         GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "INSERT INTO fan_club_members (club_id, user_id, role, joined_at)"
                                           " SELECT ?1, ?2, 'member', ?3"
                                           " WHERE NOT EXISTS (SELECT 1 FROM fan_club_bans WHERE club_id = ?1 AND user_id = ?2)"
                                           " ON CONFLICT (club_id, user_id) DO NOTHING", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0 &&
      fanfare_club_store_get_role (db, club_id, user_id, error) == FANFARE_CLUB_ROLE_NONE)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN, "You are banned from this club");
      return FALSE;
    }

  return TRUE;
}

/* Makes a member an admin or a member again. */
gboolean
fanfare_club_store_set_role (FanfareDatabase *db,
                             gint64           club_id,
                             gint64           user_id,
                             FanfareClubRole  role,
                             GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  g_return_val_if_fail (role == FANFARE_CLUB_ROLE_ADMIN || role == FANFARE_CLUB_ROLE_MEMBER, FALSE);

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "UPDATE fan_club_members SET role = ?3"
                                           " WHERE club_id = ?1 AND user_id = ?2 AND role <> 'founder'", error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  _fanfare_statement_bind_text (stmt, 3, role_names[role]);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such member");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_club_store_remove_member:
 * @banned_by: who bans them, or 0 to remove (or let leave) without a ban
 *
 * Takes a member out of a club; with a ban, they cannot join again. The
 * founder cannot be removed.
 */
gboolean
fanfare_club_store_remove_member (FanfareDatabase *db,
                                  gint64           club_id,
                                  gint64           user_id,
                                  gint64           banned_by,
                                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) remove = NULL;
  g_autoptr(FanfareStatement) ban = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (remove = _fanfare_connection_prepare (conn,
                                             "DELETE FROM fan_club_members"
                                             " WHERE club_id = ?1 AND user_id = ?2 AND role <> 'founder'",
                                             error)) == NULL ||
      (ban = _fanfare_connection_prepare (conn,
                                          "INSERT INTO fan_club_bans (club_id, user_id, banned_by, created_at)"
                                          " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (club_id, user_id) DO NOTHING",
                                          error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (remove, 1, club_id);
  sqlite3_bind_int64 (remove, 2, user_id);
  if (!_fanfare_statement_run (remove, error))
    return FALSE;

  if (banned_by != 0)
    {
      sqlite3_bind_int64 (ban, 1, club_id);
      sqlite3_bind_int64 (ban, 2, user_id);
      sqlite3_bind_int64 (ban, 3, banned_by);
      sqlite3_bind_int64 (ban, 4, _fanfare_now ());
      if (!_fanfare_statement_run (ban, error))
        return FALSE;
    }

  return _fanfare_connection_commit (conn, error);
}

gboolean
fanfare_club_store_unban (FanfareDatabase *db,
                          gint64           club_id,
                          gint64           user_id,
                          GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, "DELETE FROM fan_club_bans WHERE club_id = ?1 AND user_id = ?2",
                                           error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, user_id);

  return _fanfare_statement_run (stmt, error);
}
