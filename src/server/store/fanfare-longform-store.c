/* fanfare-longform-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics of tracks, and where listeners stopped in audiobooks and mixes.
 * Only a track's own artist writes its lyrics; whoever may see a track
 * reads them. A position is kept per listener and item, the latest by the
 * client's clock: two devices may send theirs in any order. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-longform-store.h"

/* The last 15 seconds (or twentieth) of an item: finished. */
#define UNFINISHED "p.position_ms > 0 AND p.position_ms < t.duration_ms - MIN (15000, t.duration_ms / 20)"

void
fanfare_track_lyrics_clear (FanfareTrackLyrics *lyrics)
{
  g_clear_pointer (&lyrics->lrc, g_free);
  g_clear_pointer (&lyrics->translation, g_free);
  g_clear_pointer (&lyrics->language, g_free);
}

void
fanfare_listening_position_free (FanfareListeningPosition *position)
{
  g_clear_object (&position->track);
  g_free (position);
}

/**
 * fanfare_longform_store_get_lyrics:
 * @lyrics: (out caller-allocates): filled in; clear it with
 *   fanfare_track_lyrics_clear()
 *
 * Returns: %TRUE, or %FALSE with %FANFARE_ERROR_NOT_FOUND when @viewer may
 *   not see the track or it has no lyrics
 */
gboolean
fanfare_longform_store_get_lyrics (FanfareDatabase     *db,
                                   const FanfareViewer *viewer,
                                   gint64               track_id,
                                   FanfareTrackLyrics  *lyrics,
                                   GError             **error)
{
  static const char sql[] = "SELECT lrc, translation, language, updated_at FROM track_lyrics WHERE track_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareTrack) track = NULL;

  if (conn == NULL || (track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, track_id);
  if (!_fanfare_statement_step_row (stmt, "This track has no lyrics", error))
    return FALSE;

  lyrics->lrc = _fanfare_statement_dup_text (stmt, 0);
  lyrics->translation = _fanfare_statement_dup_text (stmt, 1);
  lyrics->language = _fanfare_statement_dup_text (stmt, 2);
  lyrics->updated_at = sqlite3_column_int64 (stmt, 3);
  return TRUE;
}

/* The user behind the track's artist, 0 when none; FALSE when no track. */
static gboolean
track_owner (FanfareConnection *conn,
             gint64             track_id,
             gint64            *user_id,
             GError           **error)
{
  static const char sql[] =
    "SELECT IFNULL (a.user_id, 0) FROM tracks t JOIN artists a ON a.id = t.artist_id WHERE t.id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  if (!_fanfare_statement_step_row (stmt, "No such track", error))
    return FALSE;

  *user_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * fanfare_longform_store_set_lyrics:
 * @lyrics: (nullable): the lyrics, checked by the caller; %NULL removes them
 *
 * Returns: %TRUE, or %FALSE with %FANFARE_ERROR_NOT_FOUND (no such track)
 *   or %FANFARE_ERROR_FORBIDDEN (@user_id is not the track's artist)
 */
gboolean
fanfare_longform_store_set_lyrics (FanfareDatabase          *db,
                                   gint64                    user_id,
                                   gint64                    track_id,
                                   const FanfareTrackLyrics *lyrics,
                                   GError                  **error)
{
  static const char upsert[] =
    "INSERT INTO track_lyrics (track_id, lrc, translation, language, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (track_id) DO UPDATE SET lrc = ?2, translation = ?3, language = ?4, updated_at = ?5";
  static const char delete[] = "DELETE FROM track_lyrics WHERE track_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 owner;

  if (conn == NULL || !track_owner (conn, track_id, &owner, error))
    return FALSE;
  if (owner == 0 || owner != user_id)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN,
                           "Only the track's artist may change its lyrics");
      return FALSE;
    }
  if ((stmt = _fanfare_connection_prepare (conn, lyrics != NULL ? upsert : delete, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, track_id);
  if (lyrics != NULL)
    {
      _fanfare_statement_bind_text (stmt, 2, lyrics->lrc);
      _fanfare_statement_bind_text (stmt, 3, lyrics->translation);
      _fanfare_statement_bind_text (stmt, 4, lyrics->language);
      sqlite3_bind_int64 (stmt, 5, _fanfare_now ());
    }

  return _fanfare_statement_run (stmt, error);
}

static gboolean
check_long_item (FanfareConnection   *conn,
                 const FanfareViewer *viewer,
                 gint64               track_id,
                 GError             **error)
{
  g_autoptr(FanfareTrack) track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, error);

  if (track == NULL)
    return FALSE;
  if (fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_SONG)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "Only audiobooks and DJ mixes keep a listening position");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_position (FanfareConnection        *conn,
               gint64                    user_id,
               gint64                    track_id,
               FanfareListeningPosition *position,
               GError                  **error)
{
  static const char sql[] =
    "SELECT position_ms, updated_at FROM listening_positions WHERE user_id = ?1 AND track_id = ?2";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, track_id);
  if (!_fanfare_statement_step_row (stmt, "No listening position for this item", error))
    return FALSE;

  position->position_ms = sqlite3_column_int64 (stmt, 0);
  position->updated_at = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/**
 * fanfare_longform_store_put_position:
 * @position: (inout): the position sent; on return, the one kept, which is
 *   another device's when that one is newer
 *
 * Returns: %TRUE, or %FALSE with %FANFARE_ERROR_NOT_FOUND or
 *   %FANFARE_ERROR_INVALID (not a long item)
 */
gboolean
fanfare_longform_store_put_position (FanfareDatabase          *db,
                                     const FanfareViewer      *viewer,
                                     gint64                    track_id,
                                     FanfareListeningPosition *position,
                                     GError                  **error)
{
  static const char sql[] =
    "INSERT INTO listening_positions (user_id, track_id, position_ms, updated_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (user_id, track_id) DO UPDATE SET position_ms = ?3, updated_at = ?4 WHERE updated_at < ?4";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !check_long_item (conn, viewer, track_id, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  sqlite3_bind_int64 (stmt, 2, track_id);
  sqlite3_bind_int64 (stmt, 3, position->position_ms);
  sqlite3_bind_int64 (stmt, 4, position->updated_at);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;

  return read_position (conn, viewer->user_id, track_id, position, error);
}

gboolean
fanfare_longform_store_get_position (FanfareDatabase          *db,
                                     const FanfareViewer      *viewer,
                                     gint64                    track_id,
                                     FanfareListeningPosition *position,
                                     GError                  **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  return conn != NULL && check_long_item (conn, viewer, track_id, error) &&
         read_position (conn, viewer->user_id, track_id, position, error);
}

/**
 * fanfare_longform_store_list_unfinished:
 *
 * Returns: (transfer full) (element-type FanfareListeningPosition): the
 *   long items @viewer started and did not finish, the latest listened
 *   first, with their tracks
 */
GPtrArray *
fanfare_longform_store_list_unfinished (FanfareDatabase     *db,
                                        const FanfareViewer *viewer,
                                        guint                limit,
                                        GError             **error)
{
  static const char sql[] =
    "SELECT p.track_id, p.position_ms, p.updated_at FROM listening_positions p"
    " JOIN tracks t ON t.id = p.track_id"
    " WHERE p.user_id = ?1 AND t.kind != 'song' AND " UNFINISHED
    " ORDER BY p.updated_at DESC, p.track_id DESC LIMIT ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_listening_position_free);
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareListeningPosition *item = g_new0 (FanfareListeningPosition, 1);

      item->position_ms = sqlite3_column_int64 (stmt, 1);
      item->updated_at = sqlite3_column_int64 (stmt, 2);
      /* An item its artist took back is no longer listed. */
      if (!_fanfare_catalog_store_find_track (conn, viewer, sqlite3_column_int64 (stmt, 0), &item->track, error))
        {
          fanfare_listening_position_free (item);
          return NULL;
        }
      if (item->track == NULL)
        fanfare_listening_position_free (item);
      else
        g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}
