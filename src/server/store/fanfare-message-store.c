/* fanfare-message-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Messages between friends: a track, an album or a playlist with a note.
 * Only friends (who follow each other) may send one, so that nobody's
 * inbox fills with strangers'; a block ends the follows, and with them
 * the messages. What the recipient may see of the item is checked when
 * the inbox is read, not here. */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-message-store.h"
#include "fanfare-social-store-private.h"

void
fanfare_message_row_free (FanfareMessageRow *row)
{
  g_free (row->kind);
  g_free (row->note);
  g_free (row);
}

/**
 * fanfare_message_store_send:
 *
 * Returns: the message's id; 0 with %FANFARE_ERROR_NOT_FOUND when either
 *   blocked the other, %FANFARE_ERROR_FORBIDDEN when they are not friends
 */
gint64
fanfare_message_store_send (FanfareDatabase *db,
                            gint64           sender_id,
                            gint64           recipient_id,
                            const char      *kind,
                            gint64           item_id,
                            const char      *note,
                            GError         **error)
{
  static const char friends_sql[] =
    "SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = ?1 AND followee_id = ?2)"
    " AND EXISTS (SELECT 1 FROM follows WHERE follower_id = ?2 AND followee_id = ?1)";
  static const char sql[] =
    "INSERT INTO messages (sender_id, recipient_id, kind, item_id, note, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) friends = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !_fanfare_social_store_check_not_blocked (conn, sender_id, recipient_id, error) ||
      (friends = _fanfare_connection_prepare (conn, friends_sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (friends, 1, sender_id);
  sqlite3_bind_int64 (friends, 2, recipient_id);
  if (!_fanfare_statement_step_row (friends, "No such user", error))
    return 0;
  if (sqlite3_column_int (friends, 0) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN,
                           "Only friends, who follow each other, may send each other music");
      return 0;
    }

  if ((stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, sender_id);
  sqlite3_bind_int64 (stmt, 2, recipient_id);
  _fanfare_statement_bind_text (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, item_id);
  _fanfare_statement_bind_text (stmt, 5, note);
  sqlite3_bind_int64 (stmt, 6, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error) || !_fanfare_connection_commit (conn, error))
    return 0;

  return _fanfare_connection_last_insert_id (conn);
}

/**
 * fanfare_message_store_list:
 * @before_id: the page starts after this message; %G_MAXINT64 for the first
 * @more: (out): whether there are older messages
 *
 * Returns: (transfer full) (element-type FanfareMessageRow): the inbox of
 *   @recipient_id, the latest first, without senders in a block with them
 */
GPtrArray *
fanfare_message_store_list (FanfareDatabase *db,
                            gint64           recipient_id,
                            gint64           before_id,
                            guint            limit,
                            gboolean        *more,
                            GError         **error)
{
  static const char sql[] =
    "SELECT m.id, m.sender_id, m.kind, m.item_id, m.note, m.created_at, m.read FROM messages m"
    " WHERE m.recipient_id = ?1 AND m.id < ?2"
    " AND NOT " FANFARE_SQL_BLOCKED_EITHER ("m.sender_id", "?1")
    " ORDER BY m.id DESC LIMIT ?3";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_message_row_free);
  int rc;

  *more = FALSE;
  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, recipient_id);
  sqlite3_bind_int64 (stmt, 2, before_id);
  sqlite3_bind_int64 (stmt, 3, limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareMessageRow *row;

      if (rows->len == limit)
        {
          *more = TRUE;
          break;
        }

      row = g_new0 (FanfareMessageRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->sender_id = sqlite3_column_int64 (stmt, 1);
      row->kind = _fanfare_statement_dup_text (stmt, 2);
      row->item_id = sqlite3_column_int64 (stmt, 3);
      row->note = _fanfare_statement_dup_text (stmt, 4);
      row->created_at = sqlite3_column_int64 (stmt, 5);
      row->read = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * fanfare_message_store_count_unread:
 *
 * Returns: how many messages @recipient_id has not read, or -1 with
 *   @error set
 */
gint64
fanfare_message_store_count_unread (FanfareDatabase *db,
                                    gint64           recipient_id,
                                    GError         **error)
{
  static const char sql[] =
    "SELECT count(*) FROM messages m WHERE m.recipient_id = ?1 AND m.read = 0"
    " AND NOT " FANFARE_SQL_BLOCKED_EITHER ("m.sender_id", "?1");
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, recipient_id);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* Runs @sql on a message of @recipient_id's; not found unless it is one. */
static gboolean
run_on_message (FanfareDatabase *db,
                const char      *sql,
                gint64           recipient_id,
                gint64           message_id,
                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, recipient_id);
  sqlite3_bind_int64 (stmt, 2, message_id);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such message");
      return FALSE;
    }

  return TRUE;
}

gboolean
fanfare_message_store_mark_read (FanfareDatabase *db,
                                 gint64           recipient_id,
                                 gint64           message_id,
                                 GError         **error)
{
  static const char sql[] = "UPDATE messages SET read = 1 WHERE recipient_id = ?1 AND id = ?2";

  return run_on_message (db, sql, recipient_id, message_id, error);
}

gboolean
fanfare_message_store_delete (FanfareDatabase *db,
                              gint64           recipient_id,
                              gint64           message_id,
                              GError         **error)
{
  static const char sql[] = "DELETE FROM messages WHERE recipient_id = ?1 AND id = ?2";

  return run_on_message (db, sql, recipient_id, message_id, error);
}
