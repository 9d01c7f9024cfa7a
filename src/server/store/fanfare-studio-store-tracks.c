/* fanfare-studio-store-tracks.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tracks of an album in the studio: each arrives when its ingest
 * finished, whole; titles, numbers, kinds and chapters are edited after;
 * the album's count and length follow in the same transaction. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-studio-store.h"
#include "fanfare-utils.h"

static gboolean
update_totals (FanfareConnection *conn,
               gint64             album_id,
               GError           **error)
{
  static const char sql[] =
    "UPDATE albums SET track_count = (SELECT count(*) FROM tracks WHERE album_id = ?1),"
    " duration_ms = (SELECT coalesce (sum (duration_ms), 0) FROM tracks WHERE album_id = ?1) WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, album_id);

  return _fanfare_statement_run (stmt, error) &&
         _fanfare_search_store_reindex_album (conn, album_id, error);
}

static gint64
select_one (FanfareConnection *conn,
            const char        *sql,
            gint64             id,
            const char        *not_found,
            GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_fanfare_statement_step_row (stmt, not_found, error))
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
mark_ready (FanfareConnection *conn,
            const char        *upload_id,
            gint64             track_id,
            GError           **error)
{
  static const char sql[] =
    "UPDATE uploads SET state = 'ready', error = NULL, track_id = ?2, updated_at = ?3 WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = NULL;

  if (upload_id == NULL)
    return TRUE;

  if ((stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, upload_id);
  sqlite3_bind_int64 (stmt, 2, track_id);
  sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_studio_store_add_track:
 * @upload_id: (nullable): the upload the track comes from, ready with it
 * @track: the track; a track number of 0 puts it last
 *
 * Adds a track to an album; its upload, if any, is ready in the same
 * transaction, so that an ingest cut short is never half done.
 *
 * Returns: the new track, or 0 with @error set
 */
gint64
fanfare_studio_store_add_track (FanfareDatabase         *db,
                                gint64                   album_id,
                                const char              *upload_id,
                                const FanfareTrackDraft *track,
                                GError                 **error)
{
  static const char artist_sql[] = "SELECT artist_id FROM albums WHERE id = ?1";
  static const char last_sql[] = "SELECT coalesce (max (track_number), 0) FROM tracks WHERE album_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  FanfareTrackDraft draft = *track;
  gint64 artist_id, last, track_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (artist_id = select_one (conn, artist_sql, album_id, "No such album", error)) < 0 ||
      (last = select_one (conn, last_sql, album_id, "No such album", error)) < 0)
    return 0;

  if (draft.track_number == 0)
    draft.track_number = last + 1;

  if ((track_id = _fanfare_catalog_store_insert_track (conn, album_id, artist_id, &draft, _fanfare_now (),
                                                       error)) == 0 ||
      !update_totals (conn, album_id, error) || !mark_ready (conn, upload_id, track_id, error) ||
      !_fanfare_connection_commit (conn, error))
    return 0;

  return track_id;
}

gboolean
fanfare_studio_store_edit_track (FanfareDatabase        *db,
                                 gint64                  track_id,
                                 const FanfareTrackEdit *edit,
                                 GError                **error)
{
  static const char sql[] =
    "UPDATE tracks SET title = coalesce (?2, title),"
    " track_number = CASE WHEN ?3 > 0 THEN ?3 ELSE track_number END,"
    " disc_number = CASE WHEN ?4 > 0 THEN ?4 ELSE disc_number END,"
    " kind = coalesce (?5, kind) WHERE id = ?1";
  static const char album_sql[] = "SELECT album_id FROM tracks WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autofree char *kind = edit->set_kind ? fanfare_enum_to_string (FANFARE_TYPE_TRACK_KIND, edit->kind) : NULL;
  gint64 album_id;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (album_id = select_one (conn, album_sql, track_id, "No such track", error)) < 0 ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, track_id);
  _fanfare_statement_bind_text (stmt, 2, edit->title);
  sqlite3_bind_int (stmt, 3, edit->track_number);
  sqlite3_bind_int (stmt, 4, edit->disc_number);
  _fanfare_statement_bind_text (stmt, 5, kind);

  return _fanfare_statement_run (stmt, error) &&
         _fanfare_search_store_reindex_album (conn, album_id, error) &&
         _fanfare_connection_commit (conn, error);
}

/* Replaces an audiobook's chapters or a DJ mix's tracklist. */
gboolean
fanfare_studio_store_set_chapters (FanfareDatabase           *db,
                                   gint64                     track_id,
                                   const FanfareChapterDraft *chapters,
                                   guint                      n_chapters,
                                   GError                   **error)
{
  static const char sql[] = "DELETE FROM chapters WHERE track_id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  FanfareTrackDraft track = { .chapters = chapters, .n_chapters = n_chapters };

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, track_id);

  return _fanfare_statement_run (stmt, error) &&
         _fanfare_catalog_store_insert_chapters (conn, track_id, &track, error) &&
         _fanfare_connection_commit (conn, error);
}

/* Takes a track out of its album; the last track of a published album
 * stays until the album is unpublished. */
gboolean
fanfare_studio_store_delete_track (FanfareDatabase *db,
                                   gint64           track_id,
                                   GError         **error)
{
  static const char album_sql[] = "SELECT album_id FROM tracks WHERE id = ?1";
  static const char last_sql[] =
    "SELECT count(*) FROM albums al JOIN tracks t ON t.album_id = al.id WHERE al.id = ?1 AND al.published = 1";
  static const char delete_sql[] = "DELETE FROM tracks WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 album_id;
  gint64 published_tracks;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (album_id = select_one (conn, album_sql, track_id, "No such track", error)) < 0 ||
      (published_tracks = select_one (conn, last_sql, album_id, "No such album", error)) < 0)
    return FALSE;

  if (published_tracks == 1)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                           "A published album keeps its last track; unpublish the album first");
      return FALSE;
    }

  if ((stmt = _fanfare_connection_prepare (conn, delete_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);

  return _fanfare_statement_run (stmt, error) &&
         _fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_TRACK, track_id, error) &&
         update_totals (conn, album_id, error) &&
         _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_studio_store_reorder:
 * @track_ids: (element-type gint64): tracks of the album in their new order
 *
 * Numbers the tracks 1, 2, … in the order given.
 */
gboolean
fanfare_studio_store_reorder (FanfareDatabase *db,
                              gint64           album_id,
                              GArray          *track_ids,
                              GError         **error)
{
  static const char sql[] = "UPDATE tracks SET track_number = ?3 WHERE id = ?1 AND album_id = ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < track_ids->len; i++)
    {
      gint64 track_id = g_array_index (track_ids, gint64, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, track_id);
      sqlite3_bind_int64 (stmt, 2, album_id);
      sqlite3_bind_int (stmt, 3, i + 1);
      if (!_fanfare_statement_run (stmt, error))
        return FALSE;
      if (_fanfare_connection_changes (conn) == 0)
        {
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                       "The field “track_ids” names track %" G_GINT64_FORMAT ", which is not on the album",
                       track_id);
          return FALSE;
        }
    }

  return _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_studio_store_get_waveform:
 *
 * Returns: (transfer full): the track's peaks as a JSON array, or %NULL
 *   with @error set
 */
char *
fanfare_studio_store_get_waveform (FanfareDatabase *db,
                                   gint64           track_id,
                                   GError         **error)
{
  static const char sql[] = "SELECT coalesce (waveform, '[]') FROM tracks WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, track_id);
  if (!_fanfare_statement_step_row (stmt, "No such track", error))
    return NULL;

  return _fanfare_statement_dup_text (stmt, 0);
}
