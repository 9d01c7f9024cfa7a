/* fanfare-comment-store-reports.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What moderators read of the reports of comments: each reported comment
 * once, the latest report first, with how many reported it and their
 * latest reasons; and settling a comment's reports by dismissing them
 * (removing the comment removes them with it). */

#include "config.h"

#include "fanfare-comment-store.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"

/* A moderator reads the latest reasons; the count says how many more. */
#define MAX_REASONS 5

void
fanfare_comment_reports_clear (FanfareCommentReports *reports)
{
  g_clear_pointer (&reports->reasons, g_strfreev);
}

static gboolean
read_reasons (FanfareConnection     *conn,
              FanfareCommentReports *reports,
              GError               **error)
{
  static const char sql[] =
    "SELECT reason FROM comment_reports WHERE comment_id = ?1 ORDER BY created_at DESC, user_id DESC LIMIT ?2";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, reports->comment_id);
  sqlite3_bind_int (stmt, 2, MAX_REASONS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (reasons, _fanfare_statement_get_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  reports->reasons = g_strv_builder_end (reasons);

  return TRUE;
}

/**
 * fanfare_comment_store_list_reports:
 * @last: (out caller-allocates): where the next page starts; its key is
 *   %NULL after the last page
 *
 * Returns: (transfer full) (element-type FanfareCommentReports): the
 *   reported comments, the latest reported first
 */
GArray *
fanfare_comment_store_list_reports (FanfareDatabase           *db,
                                    const FanfareListPosition *after,
                                    guint                      limit,
                                    FanfareListPosition       *last,
                                    GError                   **error)
{
  static const char sql[] =
    "SELECT comment_id, count(*), max (created_at) AS reported_at FROM comment_reports GROUP BY comment_id"
    " HAVING (reported_at, comment_id) < (?1, ?2) ORDER BY reported_at DESC, comment_id DESC LIMIT ?3";
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (FanfareCommentReports));
  gint64 time = G_MAXINT64, comment_id = G_MAXINT64;
  int rc;

  g_array_set_clear_func (items, (GDestroyNotify) fanfare_comment_reports_clear);
  *last = (FanfareListPosition) { NULL, 0 };
  if (after->key != NULL)
    {
      if (!g_ascii_string_to_signed (after->key, 10, 0, G_MAXINT64, &time, NULL))
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                               "The field “cursor” is not a cursor from this server");
          return NULL;
        }
      comment_id = after->id;
    }

  if ((conn = _fanfare_database_acquire (db, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, time);
  sqlite3_bind_int64 (stmt, 2, comment_id);
  sqlite3_bind_int64 (stmt, 3, limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && items->len < limit)
    {
      FanfareCommentReports reports = {
        .comment_id = sqlite3_column_int64 (stmt, 0),
        .count = sqlite3_column_int (stmt, 1),
        .reported_at = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (items, reports);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  if (rc == SQLITE_ROW && items->len > 0)
    {
      const FanfareCommentReports *end = &g_array_index (items, FanfareCommentReports, items->len - 1);

      last->key = g_strdup_printf ("%" G_GINT64_FORMAT, end->reported_at);
      last->id = end->comment_id;
    }
  _fanfare_statement_reset (stmt);

  for (guint i = 0; i < items->len; i++)
    if (!read_reasons (conn, &g_array_index (items, FanfareCommentReports, i), error))
      return NULL;

  return g_steal_pointer (&items);
}

/**
 * fanfare_comment_store_dismiss_reports:
 *
 * Forgets the reports of @comment_id, which stays.
 *
 * Returns: %FALSE with %FANFARE_ERROR_NOT_FOUND when it has none
 */
gboolean
fanfare_comment_store_dismiss_reports (FanfareDatabase *db,
                                       gint64           comment_id,
                                       GError         **error)
{
  static const char sql[] = "DELETE FROM comment_reports WHERE comment_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, comment_id);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No reports of this comment");
      return FALSE;
    }

  return TRUE;
}
