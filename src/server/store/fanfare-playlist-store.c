/* fanfare-playlist-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists as the catalog reads them: made, filled and read. A private
 * playlist exists only for its owner, its collaborators and admins; an
 * unlisted one for whoever has its id; a public one for everybody and for
 * search. Editing is in fanfare-playlist-store-edit.c. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-playlist-store.h"
#include "fanfare-playlist.h"
#include "fanfare-utils.h"

/* Without a cover of its own, a playlist shows the cover of its first
 * entry on a published album: an album its artist took back shows to
 * nobody through a playlist. */
#define PLAYLIST_COLUMNS \
  "SELECT p.id, p.title, p.description, u.username, u.display_name, p.visibility," \
  " (SELECT count(*) FROM playlist_entries WHERE playlist_id = p.id AND removed = 0)," \
  " (SELECT coalesce (sum (duration_ms), 0) FROM playlist_entries WHERE playlist_id = p.id AND removed = 0)," \
  " coalesce (p.cover_id, (SELECT al.cover_id FROM playlist_entries e" \
  "  JOIN tracks t ON t.id = e.track_id JOIN albums al ON al.id = t.album_id" \
  "  WHERE e.playlist_id = p.id AND e.removed = 0 AND al.published = 1 ORDER BY e.position LIMIT 1))," \
  " p.updated_at" \
  " FROM playlists p JOIN users u ON u.id = p.owner_id"

/* Collaborators see a private playlist as its owner does. */
#define VISIBLE_TO_VIEWER \
  "(p.visibility <> 'private' OR p.owner_id = ?8 OR ?9 = 1" \
  " OR EXISTS (SELECT 1 FROM playlist_collaborators c WHERE c.playlist_id = p.id AND c.user_id = ?8))"

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
  gboolean created;

  return fanfare_playlist_store_create_from (db, owner_id, NULL, title, description, visibility, &created, error);
}

/**
 * fanfare_playlist_store_add_tracks:
 * @track_ids: (array length=n_tracks): tracks to append, in order
 *
 * Appends platform tracks under entry ids of the server's making.
 */
gboolean
fanfare_playlist_store_add_tracks (FanfareDatabase *db,
                                   gint64           playlist_id,
                                   const gint64    *track_ids,
                                   guint            n_tracks,
                                   GError         **error)
{
  static const char sql[] =
    "INSERT INTO playlist_entries (playlist_id, entry_id, position, track_id, duration_ms, added_at)"
    " SELECT ?1, ?4, coalesce (max (position) + 1, 0), ?2, (SELECT duration_ms FROM tracks WHERE id = ?2), ?3"
    " FROM playlist_entries WHERE playlist_id = ?1";
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
      g_autofree char *entry_id = g_uuid_string_random ();

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, playlist_id);
      sqlite3_bind_int64 (stmt, 2, track_ids[i]);
      sqlite3_bind_int64 (stmt, 3, now);
      _fanfare_statement_bind_text (stmt, 4, entry_id);
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
  static const char sql[] =
    "SELECT track_id FROM playlist_entries WHERE playlist_id = ?1 AND removed = 0 AND track_id IS NOT NULL"
    " ORDER BY position, entry_id";
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

static GPtrArray *
collect_playlists (FanfareConnection *conn,
                   FanfareStatement  *stmt,
                   GError           **error)
{
  g_autoptr(GPtrArray) playlists = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (playlists, playlist_from_row (conn, stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&playlists);
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

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  bind_viewer (stmt, viewer);

  return collect_playlists (conn, stmt, error);
}

/**
 * fanfare_playlist_store_list_featured:
 *
 * Returns: (transfer container) (element-type FanfarePlaylist): public,
 *   non-empty playlists of verified users (musicians and influencers), the
 *   most followed first
 */
GPtrArray *
fanfare_playlist_store_list_featured (FanfareDatabase     *db,
                                      const FanfareViewer *viewer,
                                      guint                limit,
                                      GError             **error)
{
  static const char sql[] =
    PLAYLIST_COLUMNS " WHERE p.visibility = 'public' AND u.verified = 1 AND ?8 = ?8 AND ?9 = ?9"
    " AND EXISTS (SELECT 1 FROM playlist_entries e WHERE e.playlist_id = p.id AND e.removed = 0)"
    " ORDER BY (SELECT count(*) FROM playlist_follows f WHERE f.playlist_id = p.id) DESC,"
    " p.updated_at DESC, p.id DESC LIMIT ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, limit);
  bind_viewer (stmt, viewer);

  return collect_playlists (conn, stmt, error);
}

/**
 * fanfare_playlist_store_list_followed:
 *
 * Returns: (transfer container) (element-type FanfarePlaylist): the
 *   playlists @viewer follows and still sees, the latest followed first
 */
GPtrArray *
fanfare_playlist_store_list_followed (FanfareDatabase     *db,
                                      const FanfareViewer *viewer,
                                      GError             **error)
{
  static const char sql[] =
    PLAYLIST_COLUMNS " JOIN playlist_follows f ON f.playlist_id = p.id AND f.user_id = ?8"
    " WHERE " VISIBLE_TO_VIEWER " ORDER BY f.created_at DESC, p.id DESC";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  bind_viewer (stmt, viewer);

  return collect_playlists (conn, stmt, error);
}
