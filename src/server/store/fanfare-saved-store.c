/* fanfare-saved-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The albums and tracks of the platform a listener saved to their library,
 * the latest saved first. Whether the listener may see an item is the
 * catalog's to say, before it is saved and when it is listed. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-saved-store.h"

static const struct {
  const char *save;
  const char *unsave;
  const char *list;
} statements[] = {
  [FANFARE_SAVED_ALBUM] = {
    "INSERT INTO saved_albums (user_id, album_id, saved_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (user_id, album_id) DO NOTHING",
    "DELETE FROM saved_albums WHERE user_id = ?1 AND album_id = ?2",
    "SELECT album_id FROM saved_albums WHERE user_id = ?1 ORDER BY saved_at DESC, album_id DESC LIMIT ?2",
  },
  [FANFARE_SAVED_TRACK] = {
    "INSERT INTO saved_tracks (user_id, track_id, saved_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (user_id, track_id) DO NOTHING",
    "DELETE FROM saved_tracks WHERE user_id = ?1 AND track_id = ?2",
    "SELECT track_id FROM saved_tracks WHERE user_id = ?1 ORDER BY saved_at DESC, track_id DESC LIMIT ?2",
  },
};

/**
 * fanfare_saved_store_set:
 * @saved: whether the item is to be in the library
 *
 * Saves an item to @user_id's library or takes it out; saving twice, or
 * taking out what is not there, changes nothing.
 */
gboolean
fanfare_saved_store_set (FanfareDatabase  *db,
                         gint64            user_id,
                         FanfareSavedKind  kind,
                         gint64            item_id,
                         gboolean          saved,
                         GError          **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL ||
      (stmt = _fanfare_connection_prepare (conn, saved ? statements[kind].save : statements[kind].unsave,
                                           error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  if (saved)
    sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_saved_store_list:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the items in
 *   @user_id's library, the latest saved first
 */
GArray *
fanfare_saved_store_list (FanfareDatabase  *db,
                          gint64            user_id,
                          FanfareSavedKind  kind,
                          guint             limit,
                          GError          **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, statements[kind].list, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, limit);
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

  return g_steal_pointer (&ids);
}
