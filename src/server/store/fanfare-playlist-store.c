/* fanfare-playlist-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists, as far as the catalog needs them now: made, filled and read.
 * A private playlist exists only for its owner and for admins; an unlisted
 * one for whoever has its id; a public one for everybody and for search. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-playlist-store.h"
#include "fanfare-playlist.h"
#include "fanfare-utils.h"

#define PLAYLIST_COLUMNS \
  "SELECT p.id, p.title, p.description, u.username, u.display_name, p.visibility," \
  " (SELECT count(*) FROM playlist_tracks WHERE playlist_id = p.id)," \
  " (SELECT coalesce (sum (t.duration_ms), 0) FROM playlist_tracks pt" \
  "  JOIN tracks t ON t.id = pt.track_id WHERE pt.playlist_id = p.id)," \
  " coalesce (p.cover_id, (SELECT al.cover_id FROM playlist_tracks pt" \
  "  JOIN tracks t ON t.id = pt.track_id JOIN albums al ON al.id = t.album_id" \
  "  WHERE pt.playlist_id = p.id ORDER BY pt.position LIMIT 1))," \
  " p.updated_at" \
  " FROM playlists p JOIN users u ON u.id = p.owner_id"

#define VISIBLE_TO_VIEWER "(p.visibility <> 'private' OR p.owner_id = ?8 OR ?9 = 1)"

static FanfarePlaylist *
playlist_from_row (FanfareConnection *conn,
                   FanfareStatement  *stmt)
{
  g_autofree char *id = _fanfare_statement_dup_id (stmt, 0);
  g_autofree char *cover = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 8));
  g_autoptr(GDateTime) updated_at = _fanfare_statement_get_date_time (stmt, 9);
  int visibility = FANFARE_PLAYLIST_VISIBILITY_PRIVATE;

  fanfare_enum_from_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, _fanfare_statement_get_text (stmt, 5),
                            &visibility);

  return g_object_new (FANFARE_TYPE_PLAYLIST,
                       "id", id,
                       "title", _fanfare_statement_get_text (stmt, 1),
                       "description", _fanfare_statement_get_text (stmt, 2),
                       "owner", _fanfare_statement_get_text (stmt, 3),
                       "owner-name", _fanfare_statement_get_text (stmt, 4),
                       "visibility", visibility,
                       "track-count", (guint) sqlite3_column_int (stmt, 6),
                       "duration", sqlite3_column_int64 (stmt, 7) * G_TIME_SPAN_MILLISECOND,
                       "cover-uri", cover,
                       "updated-at", updated_at,
                       NULL);
}

static void
bind_viewer (FanfareStatement    *stmt,
             const FanfareViewer *viewer)
{
  sqlite3_bind_int64 (stmt, 8, viewer != NULL ? viewer->user_id : 0);
  sqlite3_bind_int (stmt, 9, viewer != NULL && viewer->admin);
}

FanfarePlaylist *
_fanfare_playlist_store_fetch (FanfareConnection   *conn,
                               const FanfareViewer *viewer,
                               gint64               playlist_id,
                               GError             **error)
{
  static const char sql[] = PLAYLIST_COLUMNS " WHERE p.id = ?1 AND " VISIBLE_TO_VIEWER;
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  bind_viewer (stmt, viewer);
  if (!_fanfare_statement_step_row (stmt, "No such playlist", error))
    return NULL;

  return playlist_from_row (conn, stmt);
}

/**
 * fanfare_playlist_store_create:
 *
 * Returns: the new playlist's id, or 0 with @error set
 */
gint64
fanfare_playlist_store_create (FanfareDatabase           *db,
                               gint64                     owner_id,
                               const char                *title,
                               const char                *description,
                               FanfarePlaylistVisibility  visibility,
                               GError                   **error)
{
  static const char sql[] =
    "INSERT INTO playlists (owner_id, title, description, visibility, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autofree char *visibility_name = fanfare_enum_to_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, visibility);
  gint64 playlist_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  _fanfare_statement_bind_text (stmt, 2, title);
  _fanfare_statement_bind_text (stmt, 3, description);
  _fanfare_statement_bind_text (stmt, 4, visibility_name);
  sqlite3_bind_int64 (stmt, 5, _fanfare_now ());
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  playlist_id = _fanfare_connection_last_insert_id (conn);
  if (!_fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_PLAYLIST, playlist_id, error) ||
      !_fanfare_connection_commit (conn, error))
    return 0;

  return playlist_id;
}

/**
 * fanfare_playlist_store_add_tracks:
 * @track_ids: (array length=n_tracks): tracks to append, in order
 */
gboolean
fanfare_playlist_store_add_tracks (FanfareDatabase *db,
                                   gint64           playlist_id,
                                   const gint64    *track_ids,
                                   guint            n_tracks,
                                   GError         **error)
{
  static const char sql[] =
    "INSERT INTO playlist_tracks (playlist_id, position, track_id, added_at)"
    " SELECT ?1, coalesce (max (position) + 1, 0), ?2, ?3 FROM playlist_tracks WHERE playlist_id = ?1";
  static const char touch_sql[] = "UPDATE playlists SET updated_at = ?2 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareStatement) touch = NULL;
  gint64 now = _fanfare_now ();

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL ||
      (touch = _fanfare_connection_prepare (conn, touch_sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < n_tracks; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, playlist_id);
      sqlite3_bind_int64 (stmt, 2, track_ids[i]);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  sqlite3_bind_int64 (touch, 1, playlist_id);
  sqlite3_bind_int64 (touch, 2, now);

  return _fanfare_statement_run (touch, error) && _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_playlist_store_get:
 *
 * Returns: (transfer full): the playlist, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND when @viewer may not see it
 */
FanfarePlaylist *
fanfare_playlist_store_get (FanfareDatabase     *db,
                            const FanfareViewer *viewer,
                            gint64               playlist_id,
                            GError             **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL)
    return NULL;

  return _fanfare_playlist_store_fetch (conn, viewer, playlist_id, error);
}

/**
 * fanfare_playlist_store_list_tracks:
 *
 * Returns: (transfer container) (element-type FanfareTrack): the tracks
 *   that @viewer may see, in the playlist's order
 */
GPtrArray *
fanfare_playlist_store_list_tracks (FanfareDatabase     *db,
                                    const FanfareViewer *viewer,
                                    gint64               playlist_id,
                                    GError             **error)
{
  static const char sql[] = "SELECT track_id FROM playlist_tracks WHERE playlist_id = ?1 ORDER BY position";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;

  if (conn == NULL || (playlist = _fanfare_playlist_store_fetch (conn, viewer, playlist_id, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  if ((ids = _fanfare_statement_collect_ids (stmt, error)) == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      FanfareTrack *track = _fanfare_catalog_store_fetch_track (conn, viewer, g_array_index (ids, gint64, i),
                                                                &local_error);

      if (track != NULL)
        g_ptr_array_add (tracks, track);
      else if (!g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&tracks);
}

/**
 * fanfare_playlist_store_list_for_user:
 *
 * Returns: (transfer container) (element-type FanfarePlaylist): the
 *   user's playlists that @viewer may see, the latest changed first
 */
GPtrArray *
fanfare_playlist_store_list_for_user (FanfareDatabase     *db,
                                      const FanfareViewer *viewer,
                                      gint64               owner_id,
                                      GError             **error)
{
  static const char sql[] =
    PLAYLIST_COLUMNS " WHERE p.owner_id = ?1 AND (p.visibility = 'public' OR p.owner_id = ?8 OR ?9 = 1)"
    " ORDER BY p.updated_at DESC, p.id DESC";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) playlists = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  bind_viewer (stmt, viewer);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (playlists, playlist_from_row (conn, stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&playlists);
}
