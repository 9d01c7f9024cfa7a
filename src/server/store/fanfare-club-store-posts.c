/* fanfare-club-store-posts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A club's posts and their comments, and its supporters' leaderboard.
 * A removed post or comment is only marked: nobody sees it, and it no
 * longer counts as activity. */

#include "config.h"

#include "fanfare-club-store.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"

void
fanfare_club_post_record_free (FanfareClubPostRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->author);
  g_free (record->body);
  g_free (record->image_uri);
  g_free (record);
}

void
fanfare_club_comment_record_free (FanfareClubCommentRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->author);
  g_free (record->body);
  g_free (record);
}

void
fanfare_club_supporter_free (FanfareClubSupporter *supporter)
{
  g_free (supporter->username);
  g_free (supporter->display_name);
  g_free (supporter);
}

/* Inserts a row and answers its id. */
static gint64
insert (FanfareDatabase *db,
        const char      *sql,
        gint64           first,
        gint64           second,
        const char      *text,
        gint64           track_id,
        gint64           album_id,
        GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  _fanfare_statement_bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());
  if (track_id > 0)
    sqlite3_bind_int64 (stmt, 5, track_id);
  if (album_id > 0)
    sqlite3_bind_int64 (stmt, 6, album_id);
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  return _fanfare_connection_last_insert_id (conn);
}

/**
 * fanfare_club_store_add_post:
 * @track_id: a track the post links to, or 0
 * @album_id: an album the post links to, or 0
 */
gint64
fanfare_club_store_add_post (FanfareDatabase *db,
                             gint64           club_id,
                             gint64           author_id,
                             const char      *body,
                             gint64           track_id,
                             gint64           album_id,
                             GError         **error)
{
  return insert (db,
                 "INSERT INTO fan_club_posts (club_id, author_id, body, created_at, track_id, album_id)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", club_id, author_id, body, track_id, album_id, error);
}

#define POST_SELECT \
  "SELECT p.id, p.club_id, p.author_id, u.username, p.body, p.image_id, p.track_id, p.album_id, p.pinned," \
  " (SELECT COUNT(*) FROM fan_club_comments c WHERE c.post_id = p.id AND c.removed = 0), p.created_at" \
  " FROM fan_club_posts p JOIN users u ON u.id = p.author_id"

static FanfareClubPostRecord *
read_post (FanfareConnection *conn,
           FanfareStatement  *stmt)
{
  FanfareClubPostRecord *record = g_new0 (FanfareClubPostRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->club_id = sqlite3_column_int64 (stmt, 1);
  record->author_id = sqlite3_column_int64 (stmt, 2);
  record->author = _fanfare_statement_dup_text (stmt, 3);
  record->body = _fanfare_statement_dup_text (stmt, 4);
  record->image_uri = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 5));
  record->track_id = sqlite3_column_int64 (stmt, 6);
  record->album_id = sqlite3_column_int64 (stmt, 7);
  record->pinned = sqlite3_column_int (stmt, 8);
  record->comment_count = sqlite3_column_int (stmt, 9);
  record->created_at = sqlite3_column_int64 (stmt, 10);

  return record;
}

/* A post that was not removed. */
FanfareClubPostRecord *
fanfare_club_store_get_post (FanfareDatabase *db,
                             gint64           post_id,
                             GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, POST_SELECT " WHERE p.id = ?1 AND p.removed = 0", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, post_id);
  if (!_fanfare_statement_step_row (stmt, "No such post", error))
    return NULL;

  return read_post (conn, stmt);
}

/**
 * fanfare_club_store_list_posts:
 *
 * Returns: (transfer full) (element-type FanfareClubPostRecord): the
 *   pinned posts, then the newest
 */
GPtrArray *
fanfare_club_store_list_posts (FanfareDatabase *db,
                               gint64           club_id,
                               guint            limit,
                               GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_club_post_record_free);
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           POST_SELECT " WHERE p.club_id = ?1 AND p.removed = 0"
                                           " ORDER BY p.pinned DESC, p.created_at DESC, p.id DESC LIMIT ?2",
                                           error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (posts, read_post (conn, stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&posts);
}

/**
 * fanfare_club_store_update_post:
 * @column: `pinned`, `removed` or `image_id`
 * @value: the flag's value
 * @image_id: the image, for `image_id`
 */
gboolean
fanfare_club_store_update_post (FanfareDatabase *db,
                                gint64           post_id,
                                const char      *column,
                                int              value,
                                const char      *image_id,
                                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  const char *sql;

  if (g_str_equal (column, "pinned"))
    sql = "UPDATE fan_club_posts SET pinned = ?2 WHERE id = ?1 AND removed = 0";
  else if (g_str_equal (column, "removed"))
    sql = "UPDATE fan_club_posts SET removed = ?2 WHERE id = ?1 AND removed = 0";
  else
    sql = "UPDATE fan_club_posts SET image_id = ?3 WHERE id = ?1 AND removed = 0";

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, post_id);
  if (!g_str_equal (column, "image_id"))
    sqlite3_bind_int (stmt, 2, value);
  else
    _fanfare_statement_bind_text (stmt, 3, image_id);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such post");
      return FALSE;
    }

  return TRUE;
}

gint64
fanfare_club_store_add_comment (FanfareDatabase *db,
                                gint64           post_id,
                                gint64           author_id,
                                const char      *body,
                                GError         **error)
{
  return insert (db,
                 "INSERT INTO fan_club_comments (post_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4)",
                 post_id, author_id, body, 0, 0, error);
}

#define COMMENT_SELECT \
  "SELECT c.id, c.post_id, p.club_id, c.author_id, u.username, c.body, c.created_at" \
  " FROM fan_club_comments c JOIN fan_club_posts p ON p.id = c.post_id JOIN users u ON u.id = c.author_id"

static FanfareClubCommentRecord *
read_comment (FanfareStatement *stmt)
{
  FanfareClubCommentRecord *record = g_new0 (FanfareClubCommentRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->post_id = sqlite3_column_int64 (stmt, 1);
  record->club_id = sqlite3_column_int64 (stmt, 2);
  record->author_id = sqlite3_column_int64 (stmt, 3);
  record->author = _fanfare_statement_dup_text (stmt, 4);
  record->body = _fanfare_statement_dup_text (stmt, 5);
  record->created_at = sqlite3_column_int64 (stmt, 6);

  return record;
}

FanfareClubCommentRecord *
fanfare_club_store_get_comment (FanfareDatabase *db,
                                gint64           comment_id,
                                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           COMMENT_SELECT " WHERE c.id = ?1 AND c.removed = 0 AND p.removed = 0",
                                           error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, comment_id);
  if (!_fanfare_statement_step_row (stmt, "No such comment", error))
    return NULL;

  return read_comment (stmt);
}

/**
 * fanfare_club_store_list_comments:
 *
 * Returns: (transfer full) (element-type FanfareClubCommentRecord): the
 *   post's comments, the oldest first
 */
GPtrArray *
fanfare_club_store_list_comments (FanfareDatabase *db,
                                  gint64           post_id,
                                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_club_comment_record_free);
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           COMMENT_SELECT " WHERE c.post_id = ?1 AND c.removed = 0"
                                           " ORDER BY c.created_at, c.id LIMIT 500", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, post_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (comments, read_comment (stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&comments);
}

gboolean
fanfare_club_store_remove_comment (FanfareDatabase *db,
                                   gint64           comment_id,
                                   GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, "UPDATE fan_club_comments SET removed = 1 WHERE id = ?1",
                                           error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, comment_id);

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_club_store_get_artist:
 *
 * Returns: the artist of the club, or 0 with %FANFARE_ERROR_NOT_FOUND;
 *   unlike the club's record, it costs the same whatever its size
 */
gint64
fanfare_club_store_get_artist (FanfareDatabase *db,
                               gint64           club_id,
                               GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, "SELECT artist_id FROM fan_clubs WHERE id = ?1", error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, club_id);
  if (!_fanfare_statement_step_row (stmt, "No such club", error))
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * fanfare_club_store_leaderboard:
 *
 * Returns: (transfer full) (element-type FanfareClubSupporter): the
 *   members by their contribution to the club's artist: albums of theirs
 *   bought (refunds aside), time listened to them, posts and comments in
 *   the club; ties by who joined first. The schema's fan_club_scores
 *   keeps each member's score as it changes.
 */
GPtrArray *
fanfare_club_store_leaderboard (FanfareDatabase *db,
                                gint64           club_id,
                                guint            limit,
                                GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) supporters = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_club_supporter_free);
  int rc;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn,
                                           "SELECT s.user_id, u.username, u.display_name, m.role, s.joined_at,"
                                           " s.purchases, s.listening_ms, s.activity, s.score"
                                           " FROM fan_club_scores s"
                                           " JOIN fan_club_members m ON m.club_id = s.club_id AND m.user_id = s.user_id"
                                           " JOIN users u ON u.id = s.user_id WHERE s.club_id = ?1"
                                           " ORDER BY s.score DESC, s.joined_at, s.user_id LIMIT ?2", error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, club_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareClubSupporter *supporter = g_new0 (FanfareClubSupporter, 1);
      const char *role = _fanfare_statement_get_text (stmt, 3);

      supporter->user_id = sqlite3_column_int64 (stmt, 0);
      supporter->username = _fanfare_statement_dup_text (stmt, 1);
      supporter->display_name = _fanfare_statement_dup_text (stmt, 2);
      supporter->role = fanfare_club_role_from_string (role);
      supporter->purchases = sqlite3_column_int (stmt, 5);
      supporter->listening_ms = sqlite3_column_int64 (stmt, 6);
      supporter->activity = sqlite3_column_int (stmt, 7);
      supporter->score = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (supporters, supporter);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&supporters);
}
