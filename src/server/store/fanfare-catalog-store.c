/* fanfare-catalog-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading the catalog. An unpublished album and its tracks exist only for
 * the artist who owns them and for admins; to everyone else they are not
 * found, exactly like ids that were never used. */

#include "config.h"

#include <string.h>

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-catalog-store.h"
#include "fanfare-chapter.h"
#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-track.h"
#include "fanfare-utils.h"

#define ARTIST_COLUMNS \
  "SELECT ar.id, ar.name, ar.bio, coalesce (ar.image_id, u.avatar_id)," \
  " coalesce (u.verified, 0), u.username," \
  " (SELECT count(*) FROM albums WHERE artist_id = ar.id AND published = 1), ar.links" \
  " FROM artists ar LEFT JOIN users u ON u.id = ar.user_id"

#define ALBUM_COLUMNS \
  "SELECT al.id, al.title, al.genre, al.release_date, al.cover_id, al.track_count," \
  " al.duration_ms, ar.id, ar.name" \
  " FROM albums al JOIN artists ar ON ar.id = al.artist_id"

#define TRACK_COLUMNS "SELECT " _FANFARE_TRACK_FIELDS " FROM " _FANFARE_TRACK_JOINS
#define VISIBLE_TO_VIEWER _FANFARE_TRACK_VISIBLE

static void
bind_viewer (FanfareStatement    *stmt,
             const FanfareViewer *viewer)
{
  sqlite3_bind_int64 (stmt, 8, viewer != NULL ? viewer->user_id : 0);
  sqlite3_bind_int (stmt, 9, viewer != NULL && viewer->admin);
}

static guint
year_of (const char *release_date)
{
  if (release_date == NULL || strlen (release_date) < 4)
    return 0;

  return g_ascii_strtoull (release_date, NULL, 10);
}

static FanfareArtist *
artist_from_row (FanfareConnection *conn,
                 FanfareStatement  *stmt)
{
  g_autofree char *id = _fanfare_statement_dup_id (stmt, 0);
  g_autofree char *image = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 3));
  const char *links_text = _fanfare_statement_get_text (stmt, 7);
  g_auto(GStrv) links = links_text != NULL && *links_text ? g_strsplit (links_text, "\n", -1) : NULL;

  return g_object_new (FANFARE_TYPE_ARTIST,
                       "id", id,
                       "source", FANFARE_SOURCE_PLATFORM,
                       "name", _fanfare_statement_get_text (stmt, 1),
                       "bio", _fanfare_statement_get_text (stmt, 2),
                       "image-uri", image,
                       "verified", sqlite3_column_int (stmt, 4) != 0,
                       "username", _fanfare_statement_get_text (stmt, 5),
                       "album-count", (guint) sqlite3_column_int (stmt, 6),
                       "links", links,
                       NULL);
}

static FanfareAlbum *
album_from_row (FanfareConnection *conn,
                FanfareStatement  *stmt)
{
  g_autofree char *id = _fanfare_statement_dup_id (stmt, 0);
  g_autofree char *cover = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 4));
  g_autofree char *artist_id = _fanfare_statement_dup_id (stmt, 7);
  const char *release_date = _fanfare_statement_get_text (stmt, 3);

  return g_object_new (FANFARE_TYPE_ALBUM,
                       "id", id,
                       "source", FANFARE_SOURCE_PLATFORM,
                       "title", _fanfare_statement_get_text (stmt, 1),
                       "genre", _fanfare_statement_get_text (stmt, 2),
                       "release-date", release_date != NULL && *release_date ? release_date : NULL,
                       "year", year_of (release_date),
                       "cover-uri", cover,
                       "track-count", (guint) sqlite3_column_int (stmt, 5),
                       "duration", sqlite3_column_int64 (stmt, 6) * G_TIME_SPAN_MILLISECOND,
                       "artist-id", artist_id,
                       "artist", _fanfare_statement_get_text (stmt, 8),
                       NULL);
}

static FanfareTrack *
track_from_row (FanfareConnection *conn,
                FanfareStatement  *stmt)
{
  g_autofree char *id = _fanfare_statement_dup_id (stmt, 0);
  g_autofree char *uri = _fanfare_connection_make_uri (conn, "/api/v1/tracks/", id, "/stream");
  g_autofree char *album_id = _fanfare_statement_dup_id (stmt, 9);
  g_autofree char *cover = _fanfare_connection_image_uri (conn, _fanfare_statement_get_text (stmt, 12));
  g_autofree char *artist_id = _fanfare_statement_dup_id (stmt, 13);
  const char *artist = _fanfare_statement_get_text (stmt, 14);
  const char *artists[] = { artist, NULL };
  int kind = FANFARE_TRACK_KIND_SONG;

  fanfare_enum_from_string (FANFARE_TYPE_TRACK_KIND, _fanfare_statement_get_text (stmt, 2), &kind);

  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", id,
                       "source", FANFARE_SOURCE_PLATFORM,
                       "kind", kind,
                       "uri", uri,
                       "title", _fanfare_statement_get_text (stmt, 1),
                       "disc-number", (guint) sqlite3_column_int (stmt, 3),
                       "track-number", (guint) sqlite3_column_int (stmt, 4),
                       "genre", _fanfare_statement_get_text (stmt, 5),
                       "duration", sqlite3_column_int64 (stmt, 6) * G_TIME_SPAN_MILLISECOND,
                       "replaygain-track-gain", sqlite3_column_double (stmt, 7),
                       "replaygain-track-peak", sqlite3_column_double (stmt, 8),
                       "album-id", album_id,
                       "album", _fanfare_statement_get_text (stmt, 10),
                       "year", year_of (_fanfare_statement_get_text (stmt, 11)),
                       "cover-uri", cover,
                       "artist-id", artist_id,
                       "artist", artist,
                       "artists", artists,
                       "album-artist", artist,
                       NULL);
}

/**
 * _fanfare_catalog_store_track_from_row:
 * @stmt: a statement whose first columns are #_FANFARE_TRACK_FIELDS
 *
 * Returns: (transfer full): the track of the current row
 */
FanfareTrack *
_fanfare_catalog_store_track_from_row (FanfareConnection *conn,
                                       FanfareStatement  *stmt)
{
  return track_from_row (conn, stmt);
}

typedef gpointer (*RowFunc) (FanfareConnection *conn,
                             FanfareStatement  *stmt);

/* Steps through @stmt, one object per row. */
static GPtrArray *
collect_rows (FanfareConnection *conn,
              FanfareStatement  *stmt,
              RowFunc            row_func,
              GError           **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, row_func (conn, stmt));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

/* Runs a statement that finds one object by the id in ?1. */
static gpointer
fetch_one (FanfareConnection   *conn,
           const char          *sql,
           gint64               id,
           const FanfareViewer *viewer,
           RowFunc              row_func,
           const char          *not_found,
           GError             **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_viewer (stmt, viewer);
  if (!_fanfare_statement_step_row (stmt, not_found, error))
    return NULL;

  return row_func (conn, stmt);
}

FanfareArtist *
_fanfare_catalog_store_fetch_artist (FanfareConnection *conn,
                                     gint64             artist_id,
                                     GError           **error)
{
  static const char sql[] = ARTIST_COLUMNS " WHERE ar.id = ?1";

  return fetch_one (conn, sql, artist_id, NULL, (RowFunc) artist_from_row, "No such artist", error);
}

FanfareAlbum *
_fanfare_catalog_store_fetch_album (FanfareConnection   *conn,
                                    const FanfareViewer *viewer,
                                    gint64               album_id,
                                    GError             **error)
{
  static const char sql[] = ALBUM_COLUMNS " WHERE al.id = ?1 AND " VISIBLE_TO_VIEWER;

  return fetch_one (conn, sql, album_id, viewer, (RowFunc) album_from_row, "No such album", error);
}

FanfareTrack *
_fanfare_catalog_store_fetch_track (FanfareConnection   *conn,
                                    const FanfareViewer *viewer,
                                    gint64               track_id,
                                    GError             **error)
{
  static const char sql[] = TRACK_COLUMNS " WHERE t.id = ?1 AND " VISIBLE_TO_VIEWER;

  return fetch_one (conn, sql, track_id, viewer, (RowFunc) track_from_row, "No such track", error);
}

/* Like _fanfare_catalog_store_fetch_track(), except that a track @viewer
 * may not see is no error: *@track is then %NULL. */
gboolean
_fanfare_catalog_store_find_track (FanfareConnection   *conn,
                                   const FanfareViewer *viewer,
                                   gint64               track_id,
                                   FanfareTrack       **track,
                                   GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  *track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, &local_error);
  if (*track == NULL && !g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Fetches the tracks of @ids that @viewer may see in one query. Returns
 * a table from each id found (a gint64 *) to its FanfareTrack. */
GHashTable *
_fanfare_catalog_store_fetch_tracks (FanfareConnection   *conn,
                                     const FanfareViewer *viewer,
                                     const gint64        *ids,
                                     guint                n_ids,
                                     GError             **error)
{
  static const char sql[] = TRACK_COLUMNS " WHERE t.id IN (SELECT value FROM json_each (?1)) AND " VISIBLE_TO_VIEWER;
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autoptr(GHashTable) tracks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GString) list = g_string_new ("[");
  int rc;

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');
  _fanfare_statement_bind_text (stmt, 1, list->str);
  bind_viewer (stmt, viewer);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (tracks, g_memdup2 (&id, sizeof id), track_from_row (conn, stmt));
    }
  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&tracks);
}

/* Lists a page in the order of the key in column @key_column and the id in
 * column 0: @first_sql the first page, @next_sql the ones after @after,
 * with ?1 and ?2 the position; ?3 is the limit. @last is where the next page starts, left clear on the last page. */
static GPtrArray *
list_page (FanfareDatabase           *db,
           const char                *first_sql,
           const char                *next_sql,
           int                        key_column,
           RowFunc                    row_func,
           const FanfareListPosition *after,
           guint                      limit,
           FanfareListPosition       *last,
           GError                   **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean first = after == NULL || after->key == NULL;
  int rc;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, first ? first_sql : next_sql, error)) == NULL)
    return NULL;

  if (!first)
    {
      _fanfare_statement_bind_text (stmt, 1, after->key);
      sqlite3_bind_int64 (stmt, 2, after->id);
    }
  /* One more row than asked tells whether there is a next page. */
  sqlite3_bind_int (stmt, 3, limit + 1);

  fanfare_list_position_clear (last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (objects->len == limit)
        break;

      g_ptr_array_add (objects, row_func (conn, stmt));
      g_free (last->key);
      last->key = _fanfare_statement_dup_text (stmt, key_column);
      last->id = sqlite3_column_int64 (stmt, 0);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  if (rc == SQLITE_DONE)
    fanfare_list_position_clear (last);

  return g_steal_pointer (&objects);
}

void
fanfare_list_position_clear (FanfareListPosition *position)
{
  g_clear_pointer (&position->key, g_free);
  position->id = 0;
}

/**
 * fanfare_catalog_store_list_albums:
 * @after: (nullable): where the previous page ended
 * @last: (out caller-allocates): where this page ends, cleared on the last page
 *
 * Lists published albums, the newest release first.
 *
 * Returns: (transfer container) (element-type FanfareAlbum): the albums
 */
GPtrArray *
fanfare_catalog_store_list_albums (FanfareDatabase           *db,
                                   const FanfareListPosition *after,
                                   guint                      limit,
                                   FanfareListPosition       *last,
                                   GError                   **error)
{
  static const char first_sql[] =
    ALBUM_COLUMNS " WHERE al.published = 1"
    " ORDER BY al.release_date DESC, al.id DESC LIMIT ?3";
  static const char next_sql[] =
    ALBUM_COLUMNS " WHERE al.published = 1 AND (al.release_date, al.id) < (?1, ?2)"
    " ORDER BY al.release_date DESC, al.id DESC LIMIT ?3";

  return list_page (db, first_sql, next_sql, 3, (RowFunc) album_from_row, after, limit, last, error);
}

/**
 * fanfare_catalog_store_list_artists:
 *
 * Lists artists by name, like fanfare_catalog_store_list_albums().
 *
 * Returns: (transfer container) (element-type FanfareArtist): the artists
 */
GPtrArray *
fanfare_catalog_store_list_artists (FanfareDatabase           *db,
                                    const FanfareListPosition *after,
                                    guint                      limit,
                                    FanfareListPosition       *last,
                                    GError                   **error)
{
  static const char first_sql[] =
    ARTIST_COLUMNS " ORDER BY ar.name COLLATE NOCASE, ar.id LIMIT ?3";
  static const char next_sql[] =
    ARTIST_COLUMNS " WHERE (ar.name COLLATE NOCASE, ar.id) > (?1, ?2)"
    " ORDER BY ar.name COLLATE NOCASE, ar.id LIMIT ?3";

  return list_page (db, first_sql, next_sql, 1, (RowFunc) artist_from_row, after, limit, last, error);
}

/**
 * fanfare_catalog_store_list_artist_albums:
 *
 * Returns: (transfer container) (element-type FanfareAlbum): the artist's
 *   albums that @viewer may see, the newest first
 */
GPtrArray *
fanfare_catalog_store_list_artist_albums (FanfareDatabase     *db,
                                          const FanfareViewer *viewer,
                                          gint64               artist_id,
                                          GError             **error)
{
  static const char sql[] =
    ALBUM_COLUMNS " WHERE al.artist_id = ?1 AND " VISIBLE_TO_VIEWER
    " ORDER BY al.release_date DESC, al.id DESC";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareArtist) artist = NULL;

  if (conn == NULL || (artist = _fanfare_catalog_store_fetch_artist (conn, artist_id, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, artist_id);
  bind_viewer (stmt, viewer);

  return collect_rows (conn, stmt, (RowFunc) album_from_row, error);
}

/**
 * fanfare_catalog_store_get_artist:
 *
 * Returns: (transfer full): the artist, or %NULL with %FANFARE_ERROR_NOT_FOUND
 */
FanfareArtist *
fanfare_catalog_store_get_artist (FanfareDatabase *db,
                                  gint64           artist_id,
                                  GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL)
    return NULL;

  return _fanfare_catalog_store_fetch_artist (conn, artist_id, error);
}

/**
 * fanfare_catalog_store_get_album:
 *
 * Returns: (transfer full): the album, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND when there is none that @viewer may see
 */
FanfareAlbum *
fanfare_catalog_store_get_album (FanfareDatabase     *db,
                                 const FanfareViewer *viewer,
                                 gint64               album_id,
                                 GError             **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL)
    return NULL;

  return _fanfare_catalog_store_fetch_album (conn, viewer, album_id, error);
}

/**
 * fanfare_catalog_store_list_album_tracks:
 *
 * Returns: (transfer container) (element-type FanfareTrack): the tracks in
 *   disc and track order, or %NULL with %FANFARE_ERROR_NOT_FOUND when
 *   @viewer may not see the album
 */
GPtrArray *
fanfare_catalog_store_list_album_tracks (FanfareDatabase     *db,
                                         const FanfareViewer *viewer,
                                         gint64               album_id,
                                         GError             **error)
{
  static const char sql[] =
    TRACK_COLUMNS " WHERE t.album_id = ?1 AND " VISIBLE_TO_VIEWER
    " ORDER BY t.disc_number, t.track_number, t.id";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(FanfareAlbum) album = NULL;

  if (conn == NULL || (album = _fanfare_catalog_store_fetch_album (conn, viewer, album_id, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, album_id);
  bind_viewer (stmt, viewer);

  return collect_rows (conn, stmt, (RowFunc) track_from_row, error);
}

/**
 * fanfare_catalog_store_get_track:
 *
 * Returns: (transfer full): the track, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND when there is none that @viewer may see
 */
FanfareTrack *
fanfare_catalog_store_get_track (FanfareDatabase     *db,
                                 const FanfareViewer *viewer,
                                 gint64               track_id,
                                 GError             **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL)
    return NULL;

  return _fanfare_catalog_store_fetch_track (conn, viewer, track_id, error);
}

static FanfareChapter *
chapter_from_row (FanfareConnection *conn,
                  FanfareStatement  *stmt)
{
  return g_object_new (FANFARE_TYPE_CHAPTER,
                       "start", sqlite3_column_int64 (stmt, 0) * G_TIME_SPAN_MILLISECOND,
                       "title", _fanfare_statement_get_text (stmt, 1),
                       "artist", _fanfare_statement_get_text (stmt, 2),
                       NULL);
}

/**
 * fanfare_catalog_store_list_chapters:
 *
 * Returns: (transfer container) (element-type FanfareChapter): an
 *   audiobook's chapters or a DJ mix's tracklist, in order
 */
GPtrArray *
fanfare_catalog_store_list_chapters (FanfareDatabase *db,
                                     gint64           track_id,
                                     GError         **error)
{
  static const char sql[] =
    "SELECT start_ms, title, artist FROM chapters WHERE track_id = ?1 ORDER BY position";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, track_id);

  return collect_rows (conn, stmt, (RowFunc) chapter_from_row, error);
}

/**
 * fanfare_catalog_store_get_track_media:
 *
 * Returns: (transfer full): the media hash of a track that @viewer may
 *   play, or %NULL with %FANFARE_ERROR_NOT_FOUND
 */
char *
fanfare_catalog_store_get_track_media (FanfareDatabase     *db,
                                       const FanfareViewer *viewer,
                                       gint64               track_id,
                                       GError             **error)
{
  static const char sql[] =
    "SELECT t.media_hash FROM tracks t JOIN albums al ON al.id = t.album_id"
    " JOIN artists ar ON ar.id = t.artist_id WHERE t.id = ?1 AND " VISIBLE_TO_VIEWER;
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, track_id);
  bind_viewer (stmt, viewer);
  if (!_fanfare_statement_step_row (stmt, "No such track", error))
    return NULL;

  return _fanfare_statement_dup_text (stmt, 0);
}
