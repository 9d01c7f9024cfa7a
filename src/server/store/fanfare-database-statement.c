/* fanfare-database-statement.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's helpers around a prepared statement: stepping to its row or
 * to its end, binding and reading values, lists of ids. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"

/* Steps to the one row a statement looks up; no row is
 * %FANFARE_ERROR_NOT_FOUND with @not_found as its message. */
gboolean
_fanfare_statement_step_row (FanfareStatement *stmt,
                             const char       *not_found,
                             GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, not_found);
      return FALSE;
    }

  return _fanfare_statement_error (stmt, error);
}

/* Runs a statement that returns no rows. */
gboolean
_fanfare_statement_run (FanfareStatement *stmt,
                        GError          **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  return TRUE;
}

void
_fanfare_statement_bind_text (FanfareStatement *stmt,
                              int               index,
                              const char       *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_fanfare_statement_get_text (FanfareStatement *stmt,
                             int               column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
_fanfare_statement_dup_text (FanfareStatement *stmt,
                             int               column)
{
  return g_strdup (_fanfare_statement_get_text (stmt, column));
}

char *
_fanfare_statement_dup_id (FanfareStatement *stmt,
                           int               column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
}

GDateTime *
_fanfare_statement_get_date_time (FanfareStatement *stmt,
                                  int               column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

void
_fanfare_statement_reset (FanfareStatement *stmt)
{
  sqlite3_reset (stmt);
}

gint64
_fanfare_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Binds @ids (gint64) as a JSON array, for "IN (SELECT value FROM
 * json_each (?))": a list of any length in one statement. */
void
_fanfare_statement_bind_ids (FanfareStatement *stmt,
                             int               index,
                             GArray           *ids)
{
  g_autoptr(GString) list = g_string_sized_new (ids->len * 8 + 2);

  g_string_append_c (list, '[');
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (list, ']');
  sqlite3_bind_text (stmt, index, list->str, list->len, SQLITE_TRANSIENT);
}

/* The ids in the first column of every row, then resets @stmt.
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL with
 * @error set */
GArray *
_fanfare_statement_collect_ids (FanfareStatement *stmt,
                                GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  _fanfare_statement_reset (stmt);

  return g_steal_pointer (&ids);
}
