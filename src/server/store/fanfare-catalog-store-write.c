/* fanfare-catalog-store-write.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing the catalog: an album arrives whole, with its tracks and their
 * chapters, in one transaction, and the search index follows in the same
 * transaction. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-utils.h"

gboolean
_fanfare_catalog_store_insert_chapters (FanfareConnection       *conn,
                                        gint64                   track_id,
                                        const FanfareTrackDraft *track,
                                        GError                 **error)
{
  static const char sql[] =
    "INSERT INTO chapters (track_id, position, start_ms, title, artist) VALUES (?1, ?2, ?3, ?4, ?5)";
  g_autoptr(FanfareStatement) stmt = NULL;

  if (track->n_chapters == 0)
    return TRUE;

  if ((stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < track->n_chapters; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, track_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, track->chapters[i].start_ms);
      _fanfare_statement_bind_text (stmt, 4, track->chapters[i].title);
      _fanfare_statement_bind_text (stmt, 5, track->chapters[i].artist);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Returns the new track's id, or 0 with @error set. */
gint64
_fanfare_catalog_store_insert_track (FanfareConnection       *conn,
                                     gint64                   album_id,
                                     gint64                   artist_id,
                                     const FanfareTrackDraft *track,
                                     gint64                   now,
                                     GError                 **error)
{
  static const char sql[] =
    "INSERT INTO tracks (album_id, artist_id, title, kind, disc_number, track_number, genre,"
    " duration_ms, replaygain_gain, replaygain_peak, media_hash, created_at, original_hash, waveform)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autofree char *kind = fanfare_enum_to_string (FANFARE_TYPE_TRACK_KIND, track->kind);
  gint64 track_id;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, album_id);
  sqlite3_bind_int64 (stmt, 2, artist_id);
  _fanfare_statement_bind_text (stmt, 3, track->title);
  _fanfare_statement_bind_text (stmt, 4, kind);
  sqlite3_bind_int (stmt, 5, MAX (track->disc_number, 1));
  sqlite3_bind_int (stmt, 6, track->track_number);
  _fanfare_statement_bind_text (stmt, 7, track->genre);
  sqlite3_bind_int64 (stmt, 8, track->duration_ms);
  sqlite3_bind_double (stmt, 9, track->replaygain_gain);
  sqlite3_bind_double (stmt, 10, track->replaygain_peak);
  _fanfare_statement_bind_text (stmt, 11, track->media_hash);
  sqlite3_bind_int64 (stmt, 12, now);
  _fanfare_statement_bind_text (stmt, 13, track->original_hash);
  _fanfare_statement_bind_text (stmt, 14, track->waveform);
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  track_id = _fanfare_connection_last_insert_id (conn);
  _fanfare_statement_reset (stmt);

  return _fanfare_catalog_store_insert_chapters (conn, track_id, track, error) ? track_id : 0;
}

/**
 * fanfare_catalog_store_add_album:
 * @tracks: (array length=n_tracks): the album's tracks
 *
 * Returns: the new album's id, or 0 with @error set
 */
gint64
fanfare_catalog_store_add_album (FanfareDatabase         *db,
                                 const FanfareAlbumDraft *album,
                                 const FanfareTrackDraft *tracks,
                                 guint                    n_tracks,
                                 GError                 **error)
{
  static const char album_sql[] =
    "INSERT INTO albums (artist_id, title, genre, release_date, cover_id, published,"
    " track_count, duration_ms, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 now = _fanfare_now ();
  gint64 duration_ms = 0;
  gint64 album_id;

  g_return_val_if_fail (album->title != NULL, 0);

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, album_sql, error)) == NULL)
    return 0;

  for (guint i = 0; i < n_tracks; i++)
    duration_ms += tracks[i].duration_ms;

  sqlite3_bind_int64 (stmt, 1, album->artist_id);
  _fanfare_statement_bind_text (stmt, 2, album->title);
  _fanfare_statement_bind_text (stmt, 3, album->genre);
  _fanfare_statement_bind_text (stmt, 4, album->release_date != NULL ? album->release_date : "");
  _fanfare_statement_bind_text (stmt, 5, album->cover_id);
  sqlite3_bind_int (stmt, 6, album->published ? 1 : 0);
  sqlite3_bind_int (stmt, 7, n_tracks);
  sqlite3_bind_int64 (stmt, 8, duration_ms);
  sqlite3_bind_int64 (stmt, 9, now);
  if (!_fanfare_statement_run (stmt, error))
    return 0;
  album_id = _fanfare_connection_last_insert_id (conn);

  for (guint i = 0; i < n_tracks; i++)
    if (!_fanfare_catalog_store_insert_track (conn, album_id, album->artist_id, &tracks[i], now, error))
      return 0;

  if (!_fanfare_search_store_reindex_album (conn, album_id, error) ||
      !_fanfare_connection_commit (conn, error))
    return 0;

  return album_id;
}

gboolean
fanfare_catalog_store_set_album_published (FanfareDatabase *db,
                                           gint64           album_id,
                                           gboolean         published,
                                           GError         **error)
{
  static const char sql[] = "UPDATE albums SET published = ?2 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);
  sqlite3_bind_int (stmt, 2, published ? 1 : 0);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;
  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such album");
      return FALSE;
    }

  return _fanfare_search_store_reindex_album (conn, album_id, error) &&
         _fanfare_connection_commit (conn, error);
}

/* Gives an artist user their artist profile, named after them, unless they
 * have one. Returns its id, or 0 with @error set. */
gint64
_fanfare_catalog_store_ensure_artist (FanfareConnection *conn,
                                      gint64             user_id,
                                      GError           **error)
{
  static const char find_sql[] = "SELECT id FROM artists WHERE user_id = ?1";
  static const char insert_sql[] =
    "INSERT INTO artists (user_id, name, bio, created_at)"
    " SELECT id, display_name, bio, ?2 FROM users WHERE id = ?1";
  g_autoptr(FanfareStatement) find = _fanfare_connection_prepare (conn, find_sql, error);
  g_autoptr(FanfareStatement) insert = NULL;
  gint64 artist_id;
  int rc;

  if (find == NULL)
    return 0;

  sqlite3_bind_int64 (find, 1, user_id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (find, 0);
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (find, error);

  if ((insert = _fanfare_connection_prepare (conn, insert_sql, error)) == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, user_id);
  sqlite3_bind_int64 (insert, 2, _fanfare_now ());
  if (!_fanfare_statement_run (insert, error))
    return 0;

  artist_id = _fanfare_connection_last_insert_id (conn);
  if (!_fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_ARTIST, artist_id, error))
    return 0;

  return artist_id;
}

/**
 * fanfare_catalog_store_get_artist_for_user:
 *
 * Returns: the id of the user's artist profile, or 0 with
 *   %FANFARE_ERROR_NOT_FOUND when they have none
 */
gint64
fanfare_catalog_store_get_artist_for_user (FanfareDatabase *db,
                                           gint64           user_id,
                                           GError         **error)
{
  static const char sql[] = "SELECT id FROM artists WHERE user_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!_fanfare_statement_step_row (stmt, "The user has no artist profile", error))
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * fanfare_catalog_store_update_artist:
 * @name: (nullable): the new name, or %NULL to keep it
 * @bio: (nullable): the new bio, or %NULL to keep it
 * @image_id: (nullable): the new picture, or %NULL to keep it
 */
gboolean
fanfare_catalog_store_update_artist (FanfareDatabase *db,
                                     gint64           artist_id,
                                     const char      *name,
                                     const char      *bio,
                                     const char      *image_id,
                                     GError         **error)
{
  static const char sql[] =
    "UPDATE artists SET name = coalesce (?2, name), bio = coalesce (?3, bio),"
    " image_id = coalesce (?4, image_id) WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  _fanfare_statement_bind_text (stmt, 2, name);
  _fanfare_statement_bind_text (stmt, 3, bio);
  _fanfare_statement_bind_text (stmt, 4, image_id);
  if (!_fanfare_statement_run (stmt, error))
    return FALSE;
  if (_fanfare_connection_changes (conn) == 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such artist");
      return FALSE;
    }

  return _fanfare_search_store_reindex_artist (conn, artist_id, error) &&
         _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_catalog_store_list_album_track_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of an album's
 *   tracks in the order fanfare_catalog_store_add_album() took them, or
 *   %NULL with @error set
 */
GArray *
fanfare_catalog_store_list_album_track_ids (FanfareDatabase *db,
                                            gint64           album_id,
                                            GError         **error)
{
  static const char sql[] = "SELECT id FROM tracks WHERE album_id = ?1 ORDER BY id";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, album_id);

  return _fanfare_statement_collect_ids (stmt, error);
}
