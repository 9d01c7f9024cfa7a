/* fanfare-comment-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Comments on tracks, albums and playlists, with one level of replies: a
 * reply to a reply joins the thread of the comment it answers. A
 * comment keeps its counts of likes and replies, so that a page sorted by
 * how hot it is reads one index and no aggregate. Whoever is in a block
 * with the viewer is left out of what they read. */

#include "config.h"

#include "fanfare-comment-store.h"
#include "fanfare-error.h"
#include "fanfare-social-store-private.h"

static const char *target_names[] = { "track", "album", "playlist" };

#define ROW_COLUMNS \
  "SELECT c.id, c.parent_id, c.author_id, c.body, c.by_artist, c.like_count, c.reply_count, c.created_at," \
  " EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = ?1)," \
  " c.target_kind, c.target_id FROM comments c"

/* How hot a comment is: its likes and replies, worth less as it ages. */
#define HOT_SCORE "((c.like_count + 2 * c.reply_count + 1) * 1.0 / ((?5 - c.created_at) / 3600.0 + 2))"

void
fanfare_comment_row_free (FanfareCommentRow *row)
{
  g_free (row->body);
  g_free (row);
}

static FanfareCommentRow *
row_from_statement (FanfareStatement *stmt)
{
  FanfareCommentRow *row = g_new0 (FanfareCommentRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->parent_id = sqlite3_column_int64 (stmt, 1);
  row->author_id = sqlite3_column_int64 (stmt, 2);
  row->body = _fanfare_statement_dup_text (stmt, 3);
  row->by_artist = sqlite3_column_int (stmt, 4) != 0;
  row->like_count = sqlite3_column_int (stmt, 5);
  row->reply_count = sqlite3_column_int (stmt, 6);
  row->created_at = sqlite3_column_int64 (stmt, 7);
  row->liked = sqlite3_column_int (stmt, 8) != 0;

  return row;
}

static gboolean
check_rate (FanfareConnection *conn,
            gint64             author_id,
            guint              max_per_minute,
            GError           **error)
{
  static const char sql[] = "SELECT count(*) FROM comments WHERE author_id = ?1 AND created_at > ?2";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, author_id);
  sqlite3_bind_int64 (stmt, 2, _fanfare_now () - 60);
  if (!_fanfare_statement_step_row (stmt, "No such user", error))
    return FALSE;

  if ((guint) sqlite3_column_int (stmt, 0) >= max_per_minute)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_RATE_LIMITED,
                           "Too many comments in a minute; wait a little");
      return FALSE;
    }

  return TRUE;
}

/* The comment a reply to @parent_id belongs under: @parent_id, or its
 * own parent when it is a reply. */
static gint64
find_thread (FanfareConnection    *conn,
             FanfareCommentTarget  target,
             gint64                target_id,
             gint64                parent_id,
             GError              **error)
{
  static const char sql[] =
    "SELECT coalesce (parent_id, id) FROM comments WHERE id = ?1 AND target_kind = ?2 AND target_id = ?3";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, target_names[target], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, target_id);
  if (!_fanfare_statement_step_row (stmt, "No such comment", error))
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/* A playlist's owner who blocked the author, or whom the author blocked,
 * has a playlist the author cannot comment on. */
static gboolean
check_playlist_owner (FanfareConnection *conn,
                      gint64             playlist_id,
                      gint64             author_id,
                      GError           **error)
{
  static const char sql[] =
    "SELECT " FANFARE_SQL_BLOCKED_EITHER ("p.owner_id", "?2") " FROM playlists p WHERE p.id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int64 (stmt, 2, author_id);
  if (!_fanfare_statement_step_row (stmt, "No such playlist", error))
    return FALSE;

  if (sqlite3_column_int (stmt, 0) != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such playlist");
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_comment_store_add:
 * @parent_id: the comment answered, or 0
 * @max_per_minute: how many comments an author may write in a minute
 *
 * Returns: the new comment's id; 0 with %FANFARE_ERROR_RATE_LIMITED past
 *   the rate, %FANFARE_ERROR_NOT_FOUND for a parent elsewhere or a
 *   playlist whose owner is in a block with the author
 */
gint64
fanfare_comment_store_add (FanfareDatabase      *db,
                           FanfareCommentTarget  target,
                           gint64                target_id,
                           gint64                parent_id,
                           gint64                author_id,
                           const char           *body,
                           guint                 max_per_minute,
                           GError              **error)
{
  static const char sql[] =
    "INSERT INTO comments (target_kind, target_id, parent_id, author_id, body, by_artist, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, CASE ?1"
    "  WHEN 'track' THEN EXISTS (SELECT 1 FROM tracks t JOIN artists a ON a.id = t.artist_id"
    "    WHERE t.id = ?2 AND a.user_id = ?4)"
    "  WHEN 'album' THEN EXISTS (SELECT 1 FROM albums al JOIN artists a ON a.id = al.artist_id"
    "    WHERE al.id = ?2 AND a.user_id = ?4)"
    "  ELSE EXISTS (SELECT 1 FROM playlists p JOIN users u ON u.id = p.owner_id"
    "    WHERE p.id = ?2 AND p.owner_id = ?4 AND u.role = 'artist') END, ?6)";
  static const char count_sql[] = "UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareStatement) count = NULL;
  gint64 thread = 0;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !check_rate (conn, author_id, max_per_minute, error))
    return 0;

  if (target == FANFARE_COMMENT_TARGET_PLAYLIST && !check_playlist_owner (conn, target_id, author_id, error))
    return 0;

  if (parent_id != 0 && (thread = find_thread (conn, target, target_id, parent_id, error)) == 0)
    return 0;

  if ((stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, target_names[target], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, target_id);
  if (thread != 0)
    sqlite3_bind_int64 (stmt, 3, thread);
  sqlite3_bind_int64 (stmt, 4, author_id);
  _fanfare_statement_bind_text (stmt, 5, body);
  sqlite3_bind_int64 (stmt, 6, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  if (thread != 0)
    {
      if ((count = _fanfare_connection_prepare (conn, count_sql, error)) == NULL)
        return 0;
      sqlite3_bind_int64 (count, 1, thread);
      if (!_fanfare_statement_run (count, error))
        return 0;
    }

  if (!_fanfare_connection_commit (conn, error))
    return 0;

  return _fanfare_connection_last_insert_id (conn);
}

/**
 * fanfare_comment_store_list:
 * @parent_id: 0 for the comments, a comment's id for its replies (which
 *   come oldest first, whatever @sort says)
 * @last: (out caller-allocates): where the next page starts; its key is
 *   %NULL after the last page
 *
 * Returns: (transfer full) (element-type FanfareCommentRow): a page
 */
GPtrArray *
fanfare_comment_store_list (FanfareDatabase           *db,
                            gint64                     viewer_id,
                            FanfareCommentTarget       target,
                            gint64                     target_id,
                            gint64                     parent_id,
                            FanfareCommentSort         sort,
                            const FanfareListPosition *after,
                            guint                      limit,
                            FanfareListPosition       *last,
                            GError                   **error)
{
#define LIST_WHERE \
  " WHERE c.target_kind = ?2 AND c.target_id = ?3" \
  " AND ((?4 = 0 AND c.parent_id IS NULL) OR c.parent_id = ?4)" \
  " AND NOT " FANFARE_SQL_BLOCKED_EITHER ("c.author_id", "?1")
  static const char new_sql[] = ROW_COLUMNS LIST_WHERE " AND c.id < ?5 ORDER BY c.id DESC LIMIT ?6";
  static const char old_sql[] = ROW_COLUMNS LIST_WHERE " AND c.id > ?5 ORDER BY c.id LIMIT ?6";
  static const char hot_sql[] =
    ROW_COLUMNS LIST_WHERE " ORDER BY " HOT_SCORE " DESC, c.id DESC LIMIT ?6 OFFSET ?7";
#undef LIST_WHERE
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_comment_row_free);
  const char *key = parent_id != 0 ? "old" : sort == FANFARE_COMMENT_SORT_HOT ? "hot" : "new";
  const char *sql = parent_id != 0 ? old_sql : sort == FANFARE_COMMENT_SORT_HOT ? hot_sql : new_sql;
  gint64 offset = 0;
  int rc;

  *last = (FanfareListPosition) { NULL, 0 };
  if (after->key != NULL && g_strcmp0 (after->key, key) != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “cursor” is not a cursor from this server");
      return NULL;
    }

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_text (stmt, 2, target_names[target], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, target_id);
  sqlite3_bind_int64 (stmt, 4, parent_id);
  if (sql == hot_sql)
    {
      offset = after->key != NULL ? after->id : 0;
      sqlite3_bind_int64 (stmt, 5, _fanfare_now ());
      sqlite3_bind_int64 (stmt, 7, offset);
    }
  else
    sqlite3_bind_int64 (stmt, 5, after->key != NULL ? after->id : sql == new_sql ? G_MAXINT64 : 0);
  sqlite3_bind_int64 (stmt, 6, limit + 1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && rows->len < limit)
    g_ptr_array_add (rows, row_from_statement (stmt));

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  if (rc == SQLITE_ROW && rows->len > 0)
    {
      const FanfareCommentRow *end = g_ptr_array_index (rows, rows->len - 1);

      last->key = g_strdup (key);
      last->id = sql == hot_sql ? offset + rows->len : end->id;
    }

  return g_steal_pointer (&rows);
}

/**
 * fanfare_comment_store_get:
 * @target: (out): what the comment is on
 * @target_id: (out): its id
 *
 * Returns: (transfer full): the comment, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND, also when its author is in a block with
 *   @viewer_id
 */
FanfareCommentRow *
fanfare_comment_store_get (FanfareDatabase      *db,
                           gint64                viewer_id,
                           gint64                comment_id,
                           FanfareCommentTarget *target,
                           gint64               *target_id,
                           GError              **error)
{
  static const char sql[] =
    ROW_COLUMNS " WHERE c.id = ?2 AND NOT " FANFARE_SQL_BLOCKED_EITHER ("c.author_id", "?1");
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  const char *kind;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_int64 (stmt, 2, comment_id);
  if (!_fanfare_statement_step_row (stmt, "No such comment", error))
    return NULL;

  kind = _fanfare_statement_get_text (stmt, 9);
  *target = g_str_equal (kind, "track") ? FANFARE_COMMENT_TARGET_TRACK :
            g_str_equal (kind, "album") ? FANFARE_COMMENT_TARGET_ALBUM : FANFARE_COMMENT_TARGET_PLAYLIST;
  *target_id = sqlite3_column_int64 (stmt, 10);

  return row_from_statement (stmt);
}

/**
 * fanfare_comment_store_delete:
 *
 * Deletes a comment of @user_id's, with its replies; any comment when
 * @user_id is 0 (a moderator removing it).
 *
 * Returns: %FALSE with %FANFARE_ERROR_FORBIDDEN for someone else's
 */
gboolean
fanfare_comment_store_delete (FanfareDatabase *db,
                              gint64           comment_id,
                              gint64           user_id,
                              GError         **error)
{
  static const char find_sql[] = "SELECT author_id, parent_id FROM comments WHERE id = ?1";
  static const char count_sql[] = "UPDATE comments SET reply_count = reply_count - 1 WHERE id = ?1";
  static const char sql[] = "DELETE FROM comments WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) find = NULL;
  g_autoptr(FanfareStatement) count = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 parent_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (find = _fanfare_connection_prepare (conn, find_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (find, 1, comment_id);
  if (!_fanfare_statement_step_row (find, "No such comment", error))
    return FALSE;

  if (user_id != 0 && sqlite3_column_int64 (find, 0) != user_id)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN, "Only its author may delete a comment");
      return FALSE;
    }
  parent_id = sqlite3_column_int64 (find, 1);

  if ((stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL ||
      (count = _fanfare_connection_prepare (conn, count_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, comment_id);
  sqlite3_bind_int64 (count, 1, parent_id);

  return _fanfare_statement_run (stmt, error) && _fanfare_statement_run (count, error) &&
         _fanfare_connection_commit (conn, error);
}

/* Runs @sql with ?1 the comment and ?2 the user; returns how many rows it
 * changed, or -1 with @error set. */
static int
run_on_comment (FanfareConnection *conn,
                const char        *sql,
                gint64             comment_id,
                gint64             user_id,
                GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, comment_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (!_fanfare_statement_run (stmt, error))
    return -1;

  return _fanfare_connection_changes (conn);
}

/**
 * fanfare_comment_store_set_liked:
 *
 * Likes a comment or takes the like back; either twice is once.
 */
gboolean
fanfare_comment_store_set_liked (FanfareDatabase *db,
                                 gint64           comment_id,
                                 gint64           user_id,
                                 gboolean         liked,
                                 GError         **error)
{
  static const char like_sql[] =
    "INSERT INTO comment_likes (comment_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
  static const char unlike_sql[] = "DELETE FROM comment_likes WHERE comment_id = ?1 AND user_id = ?2";
  static const char count_sql[] = "UPDATE comments SET like_count = like_count + ?2 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  int changed;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (changed = run_on_comment (conn, liked ? like_sql : unlike_sql, comment_id, user_id, error)) < 0)
    return FALSE;

  if (changed > 0 && run_on_comment (conn, count_sql, comment_id, liked ? 1 : -1, error) < 0)
    return FALSE;

  return _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_comment_store_report:
 *
 * Records that @user_id reported a comment for moderators; reporting it
 * again keeps the first report.
 */
gboolean
fanfare_comment_store_report (FanfareDatabase *db,
                              gint64           comment_id,
                              gint64           user_id,
                              const char      *reason,
                              GError         **error)
{
  static const char sql[] =
    "INSERT INTO comment_reports (comment_id, user_id, reason, created_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT DO NOTHING";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, comment_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  _fanfare_statement_bind_text (stmt, 3, reason);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}
