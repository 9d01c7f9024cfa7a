/* fanfare-local-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists that live on this computer, signed in or not, in the tables of
 * the index's schema 3. Entries are numbered 0..n-1 in each playlist; a
 * change that renumbers them runs in one transaction. Calls run on the
 * connection's own thread (the main thread's for the UI) and are small:
 * the entries are read a page at a time. */

#include "config.h"

#include "fanfare-local-playlists.h"
#include "fanfare-playlist-formats.h"

void
fanfare_local_playlist_free (FanfareLocalPlaylist *playlist)
{
  if (playlist == NULL)
    return;

  g_free (playlist->name);
  g_free (playlist->description);
  g_free (playlist);
}

void
fanfare_local_entry_free (FanfareLocalEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->path);
  g_free (entry->platform_id);
  g_free (entry->title);
  g_free (entry->artist);
  g_free (entry);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Steps @stmt, which changes rows, to its end. */
static gboolean
run (FanfareLibraryDb *db,
     sqlite3_stmt     *stmt,
     GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fanfare_library_db_set_error (db, error);

  return TRUE;
}

static gboolean
finish (FanfareLibraryDb *db,
        gboolean          ok,
        GError          **error)
{
  if (ok)
    return fanfare_library_db_exec (db, "COMMIT", error);

  fanfare_library_db_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean
touch (FanfareLibraryDb *db,
       gint64            playlist_id,
       GError          **error)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (db,
                                                   "UPDATE local_playlists SET modified = ?2 WHERE id = ?1",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);

  return run (db, stmt, error);
}

static gboolean
no_playlist (gint64   playlist_id,
             GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "No playlist %" G_GINT64_FORMAT " on this computer", playlist_id);
  return FALSE;
}

/**
 * fanfare_local_playlists_create:
 *
 * Returns: the new playlist's id, or 0 with @error set
 */
gint64
fanfare_local_playlists_create (FanfareLibraryDb *db,
                                const char       *name,
                                const char       *description,
                                GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  stmt = fanfare_library_db_prepare (db,
                                     "INSERT INTO local_playlists (name, description, created, modified)"
                                     " VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, description != NULL ? description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!run (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (fanfare_library_db_get_handle (db));
}

#define PLAYLIST_COLUMNS \
  "SELECT p.id, p.name, p.description, p.modified," \
  " (SELECT count(*) FROM local_playlist_entries e WHERE e.playlist_id = p.id)," \
  " (SELECT coalesce (sum (coalesce (t.duration_ms, e.duration_ms)), 0)" \
  "  FROM local_playlist_entries e LEFT JOIN tracks t ON t.id = e.track_id" \
  "  WHERE e.playlist_id = p.id)" \
  " FROM local_playlists p"

static FanfareLocalPlaylist *
read_playlist (sqlite3_stmt *stmt)
{
  FanfareLocalPlaylist *playlist = g_new0 (FanfareLocalPlaylist, 1);

  playlist->id = sqlite3_column_int64 (stmt, 0);
  playlist->name = column_text (stmt, 1);
  playlist->description = column_text (stmt, 2);
  playlist->modified = sqlite3_column_int64 (stmt, 3);
  playlist->n_entries = sqlite3_column_int (stmt, 4);
  playlist->duration_ms = sqlite3_column_int64 (stmt, 5);

  return playlist;
}

/**
 * fanfare_local_playlists_list:
 *
 * Returns: (transfer full) (element-type FanfareLocalPlaylist): the
 *   playlists, the last changed first, or %NULL with @error set
 */
GPtrArray *
fanfare_local_playlists_list (FanfareLibraryDb *db,
                              GError          **error)
{
  g_autoptr(GPtrArray) playlists = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_local_playlist_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = fanfare_library_db_prepare (db, PLAYLIST_COLUMNS " ORDER BY p.modified DESC, p.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (playlists, read_playlist (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fanfare_library_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&playlists);
}

/**
 * fanfare_local_playlists_get:
 *
 * Returns: (transfer full): the playlist, or %NULL with @error set
 *   (%G_IO_ERROR_NOT_FOUND when there is none with that id)
 */
FanfareLocalPlaylist *
fanfare_local_playlists_get (FanfareLibraryDb *db,
                             gint64            playlist_id,
                             GError          **error)
{
  FanfareLocalPlaylist *playlist = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = fanfare_library_db_prepare (db, PLAYLIST_COLUMNS " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    playlist = read_playlist (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    no_playlist (playlist_id, error);
  else if (rc != SQLITE_ROW)
    fanfare_library_db_set_error (db, error);

  return playlist;
}

/**
 * fanfare_local_playlists_update:
 * @name: (nullable): the new name, or %NULL to keep it
 * @description: (nullable): the new description, or %NULL to keep it
 */
gboolean
fanfare_local_playlists_update (FanfareLibraryDb *db,
                                gint64            playlist_id,
                                const char       *name,
                                const char       *description,
                                GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);

  stmt = fanfare_library_db_prepare (db,
                                     "UPDATE local_playlists SET name = coalesce (?2, name),"
                                     " description = coalesce (?3, description), modified = ?4"
                                     " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!run (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (fanfare_library_db_get_handle (db)) == 0)
    return no_playlist (playlist_id, error);

  return TRUE;
}

gboolean
fanfare_local_playlists_delete (FanfareLibraryDb *db,
                                gint64            playlist_id,
                                GError          **error)
{
  sqlite3_stmt *entries;
  sqlite3_stmt *playlist;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!fanfare_library_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  entries = fanfare_library_db_prepare (db, "DELETE FROM local_playlist_entries WHERE playlist_id = ?1", error);
  ok = entries != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (entries, 1, playlist_id);
      ok = run (db, entries, error);
    }
  playlist = ok ? fanfare_library_db_prepare (db, "DELETE FROM local_playlists WHERE id = ?1", error) : NULL;
  ok = playlist != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (playlist, 1, playlist_id);
      ok = run (db, playlist, error);
    }

  return finish (db, ok, error);
}

/* Appends an entry; @track_id is the library's or 0, @path that of a
 * file the library does not have. */
static gint64
append (FanfareLibraryDb *db,
        gint64            playlist_id,
        gint64            track_id,
        const char       *path,
        const char       *platform_id,
        const char       *title,
        const char       *artist,
        gint64            duration_ms,
        GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 entry_id = 0;
  gboolean ok;

  if (!fanfare_library_db_exec (db, "BEGIN IMMEDIATE", error))
    return 0;

  /* A library track's path, title, artist and duration are copied from
   * the index in the same statement. */
  stmt = fanfare_library_db_prepare (db,
                                     "INSERT INTO local_playlist_entries"
                                     " (playlist_id, position, track_id, path, platform_id, title, artist, duration_ms)"
                                     " SELECT ?1, (SELECT count(*) FROM local_playlist_entries WHERE playlist_id = ?1),"
                                     "  t.id, t.path, NULL, t.title, t.artist, t.duration_ms"
                                     "  FROM tracks t WHERE ?2 > 0 AND t.id = ?2"
                                     "  AND EXISTS (SELECT 1 FROM local_playlists WHERE id = ?1)"
                                     " UNION ALL"
                                     " SELECT ?1, (SELECT count(*) FROM local_playlist_entries WHERE playlist_id = ?1),"
                                     "  NULL, ?7, ?3, ?4, ?5, ?6"
                                     "  WHERE ?2 <= 0 AND EXISTS (SELECT 1 FROM local_playlists WHERE id = ?1)",
                                     error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, playlist_id);
      sqlite3_bind_int64 (stmt, 2, track_id);
      sqlite3_bind_text (stmt, 3, platform_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, title != NULL ? title : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, artist, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, MAX (duration_ms, 0));
      sqlite3_bind_text (stmt, 7, path, -1, SQLITE_TRANSIENT);
      ok = run (db, stmt, error);
    }
  if (ok && sqlite3_changes (fanfare_library_db_get_handle (db)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No playlist %" G_GINT64_FORMAT " or no track %" G_GINT64_FORMAT " on this computer",
                   playlist_id, track_id);
      ok = FALSE;
    }
  if (ok)
    entry_id = sqlite3_last_insert_rowid (fanfare_library_db_get_handle (db));
  ok = ok && touch (db, playlist_id, error);

  return finish (db, ok, error) ? entry_id : 0;
}

/**
 * fanfare_local_playlists_add_track:
 * @track_id: a track of the library
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
fanfare_local_playlists_add_track (FanfareLibraryDb *db,
                                   gint64            playlist_id,
                                   gint64            track_id,
                                   GError          **error)
{
  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (track_id > 0, 0);

  return append (db, playlist_id, track_id, NULL, NULL, NULL, NULL, 0, error);
}

/**
 * fanfare_local_playlists_add_platform_track:
 * @platform_id: the platform's id of the track
 * @title: its title, kept for when the platform cannot be reached
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
fanfare_local_playlists_add_platform_track (FanfareLibraryDb *db,
                                            gint64            playlist_id,
                                            const char       *platform_id,
                                            const char       *title,
                                            const char       *artist,
                                            gint64            duration_ms,
                                            GError          **error)
{
  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (platform_id != NULL && *platform_id != '\0', 0);
  g_return_val_if_fail (title != NULL, 0);

  return append (db, playlist_id, 0, NULL, platform_id, title, artist, duration_ms, error);
}

/* Looks up where @entry_id is: its playlist, its position and how many
 * entries the playlist has. */
static gboolean
locate (FanfareLibraryDb *db,
        gint64            entry_id,
        gint64           *playlist_id,
        guint            *position,
        guint            *n_entries,
        GError          **error)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (db,
                                                   "SELECT e.playlist_id, e.position,"
                                                   " (SELECT count(*) FROM local_playlist_entries o"
                                                   "  WHERE o.playlist_id = e.playlist_id)"
                                                   " FROM local_playlist_entries e WHERE e.id = ?1",
                                                   error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *playlist_id = sqlite3_column_int64 (stmt, 0);
      *position = sqlite3_column_int (stmt, 1);
      *n_entries = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "No playlist entry %" G_GINT64_FORMAT, entry_id);
  else if (rc != SQLITE_ROW)
    fanfare_library_db_set_error (db, error);

  return rc == SQLITE_ROW;
}

/* Adds @delta to the positions in [@from, @to] of @playlist_id. */
static gboolean
shift (FanfareLibraryDb *db,
       gint64            playlist_id,
       guint             from,
       guint             to,
       int               delta,
       GError          **error)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (db,
                                                   "UPDATE local_playlist_entries SET position = position + ?4"
                                                   " WHERE playlist_id = ?1 AND position BETWEEN ?2 AND ?3",
                                                   error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int (stmt, 2, from);
  sqlite3_bind_int (stmt, 3, to);
  sqlite3_bind_int (stmt, 4, delta);

  return run (db, stmt, error);
}

/* Runs @sql, a change of one entry, with @entry_id as ?1 and @value as ?2. */
static gboolean
change_entry (FanfareLibraryDb *db,
              const char       *sql,
              gint64            entry_id,
              guint             value,
              GError          **error)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int (stmt, 2, value);

  return run (db, stmt, error);
}

/* Removes the entry @entry_id (@position < 0) or moves it to @position,
 * and numbers the others again, in one transaction. */
static gboolean
reorder (FanfareLibraryDb *db,
         gint64            entry_id,
         int               position,
         GError          **error)
{
  gint64 playlist_id = 0;
  guint from = 0;
  guint n_entries = 0;
  gboolean ok;

  if (!fanfare_library_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  ok = locate (db, entry_id, &playlist_id, &from, &n_entries, error);
  if (ok && position < 0)
    {
      ok = change_entry (db, "DELETE FROM local_playlist_entries WHERE id = ?1", entry_id, 0, error) &&
           shift (db, playlist_id, from + 1, n_entries, -1, error);
    }
  else if (ok)
    {
      guint to = MIN ((guint) position, n_entries - 1);

      if (to > from)
        ok = shift (db, playlist_id, from + 1, to, -1, error);
      else if (to < from)
        ok = shift (db, playlist_id, to, from - 1, +1, error);
      ok = ok && change_entry (db, "UPDATE local_playlist_entries SET position = ?2 WHERE id = ?1",
                               entry_id, to, error);
    }
  ok = ok && touch (db, playlist_id, error);

  return finish (db, ok, error);
}

gboolean
fanfare_local_playlists_remove_entry (FanfareLibraryDb *db,
                                      gint64            entry_id,
                                      GError          **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return reorder (db, entry_id, -1, error);
}

/**
 * fanfare_local_playlists_move_entry:
 * @position: where the entry goes, counted among the entries once it has
 *   left its place; past the end means last
 */
gboolean
fanfare_local_playlists_move_entry (FanfareLibraryDb *db,
                                    gint64            entry_id,
                                    guint             position,
                                    GError          **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return reorder (db, entry_id, MIN (position, (guint) G_MAXINT), error);
}

/**
 * fanfare_local_playlists_list_entries:
 * @offset: the position of the first entry
 * @limit: how many entries at most
 *
 * Returns: (transfer full) (element-type FanfareLocalEntry): a page of the
 *   entries in order, or %NULL with @error set
 */
GPtrArray *
fanfare_local_playlists_list_entries (FanfareLibraryDb *db,
                                      gint64            playlist_id,
                                      guint             offset,
                                      guint             limit,
                                      GError          **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_local_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  /* The position's index gives the page without reading what is before. */
  stmt = fanfare_library_db_prepare (db,
                                     "SELECT e.id, e.position, e.track_id, e.path, e.platform_id,"
                                     " coalesce (t.title, e.title), coalesce (t.artist, e.artist),"
                                     " coalesce (t.duration_ms, e.duration_ms),"
                                     " t.id IS NOT NULL OR e.platform_id IS NOT NULL"
                                     " FROM local_playlist_entries e LEFT JOIN tracks t ON t.id = e.track_id"
                                     " WHERE e.playlist_id = ?1 AND e.position >= ?2"
                                     " ORDER BY e.position LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int (stmt, 2, offset);
  sqlite3_bind_int (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareLocalEntry *entry = g_new0 (FanfareLocalEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->position = sqlite3_column_int (stmt, 1);
      entry->track_id = sqlite3_column_int64 (stmt, 2);
      entry->path = column_text (stmt, 3);
      entry->platform_id = column_text (stmt, 4);
      entry->title = column_text (stmt, 5);
      entry->artist = column_text (stmt, 6);
      entry->duration_ms = sqlite3_column_int64 (stmt, 7);
      entry->available = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fanfare_library_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

#define BY_PATH "SELECT id FROM tracks WHERE path = ?1"

/* The id in the first row of @sql with @first and @second bound, or 0. */
static gint64
first_id (FanfareLibraryDb *db,
          const char       *sql,
          const char       *first,
          const char       *second)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (db, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * fanfare_local_playlists_find_track:
 * @path: (nullable): an absolute path
 * @artist: (nullable): an artist
 * @title: (nullable): a title
 *
 * Finds a track of the library by its path, else by its artist and title
 * compared as the lists sort them (case, accents and full-width forms
 * aside).
 *
 * Returns: the track's id, or 0 when none matches
 */
gint64
fanfare_local_playlists_find_track (FanfareLibraryDb *db,
                                    const char       *path,
                                    const char       *artist,
                                    const char       *title)
{
  static const char *by_names = "SELECT id FROM tracks WHERE title_key = fanfare_sort_key (?2)"
                                " AND artist_key = fanfare_sort_key (?1) ORDER BY id LIMIT 1";
  gint64 track_id = 0;

  g_return_val_if_fail (db != NULL, 0);

  if (path != NULL)
    track_id = first_id (db, BY_PATH, path, NULL);
  if (track_id == 0 && title != NULL && artist != NULL)
    track_id = first_id (db, by_names, artist, title);

  return track_id;
}

/* The path @location names, absolute or relative to @base_dir, or NULL
 * for a URL of another kind. */
static char *
path_of (const char *location,
         const char *base_dir)
{
  g_autofree char *scheme = NULL;

  if (location == NULL || *location == '\0')
    return NULL;
  scheme = g_uri_parse_scheme (location);
  if (scheme != NULL)
    return g_ascii_strcasecmp (scheme, "file") == 0 ? g_filename_from_uri (location, NULL, NULL) : NULL;

  return g_canonicalize_filename (location, base_dir);
}

/**
 * fanfare_local_playlists_import:
 * @file: a playlist file as read
 * @base_dir: the folder of the file, which relative paths start from
 * @matched: (out) (optional): how many items were found in the library or
 *   on the platform
 * @unmatched: (out) (optional): how many were kept by their names only
 *
 * Makes a playlist on this computer from @file. Each item is looked for
 * by its path in the library, then by the platform's id its location
 * gives, then by its artist and title in the library; an item found
 * nowhere keeps its path and tags and shows as unavailable.
 *
 * Returns: the new playlist's id, or 0 with @error set
 */
gint64
fanfare_local_playlists_import (FanfareLibraryDb    *db,
                                FanfarePlaylistFile *file,
                                const char          *base_dir,
                                guint               *matched,
                                guint               *unmatched,
                                GError             **error)
{
  gint64 playlist_id;
  guint found = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (file != NULL, 0);
  g_return_val_if_fail (base_dir != NULL, 0);

  playlist_id = fanfare_local_playlists_create (db, file->title != NULL ? file->title : "", NULL, error);
  for (guint i = 0; playlist_id != 0 && i < file->items->len; i++)
    {
      FanfarePlaylistItem *item = g_ptr_array_index (file->items, i);
      g_autofree char *path = path_of (item->location, base_dir);
      g_autofree char *platform_id = NULL;
      gint64 track_id = path != NULL ? first_id (db, BY_PATH, path, NULL) : 0;
      gint64 entry_id;

      if (track_id == 0 && item->track_id != 0)
        platform_id = g_strdup_printf ("%" G_GINT64_FORMAT, item->track_id);
      else if (track_id == 0)
        track_id = fanfare_local_playlists_find_track (db, NULL, item->artist, item->title);
      found += track_id != 0 || platform_id != NULL;

      entry_id = append (db, playlist_id, track_id, path, platform_id,
                         item->title != NULL ? item->title : (path != NULL ? path : item->location),
                         item->artist, item->duration_ms, error);
      if (entry_id == 0)
        {
          fanfare_local_playlists_delete (db, playlist_id, NULL);
          return 0;
        }
    }

  if (matched != NULL)
    *matched = found;
  if (unmatched != NULL)
    *unmatched = file->items->len - found;

  return playlist_id;
}

/**
 * fanfare_local_playlists_export:
 *
 * Reads a playlist of this computer as a playlist file: a library track
 * or a file the library lost by its path, a platform track by its id, each
 * with its title, artist and duration.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
FanfarePlaylistFile *
fanfare_local_playlists_export (FanfareLibraryDb *db,
                                gint64            playlist_id,
                                GError          **error)
{
  g_autoptr(FanfareLocalPlaylist) playlist = NULL;
  g_autoptr(FanfarePlaylistFile) file = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  playlist = fanfare_local_playlists_get (db, playlist_id, error);
  if (playlist == NULL)
    return NULL;
  entries = fanfare_local_playlists_list_entries (db, playlist_id, 0, G_MAXINT, error);
  if (entries == NULL)
    return NULL;

  file = fanfare_playlist_file_new (playlist->name);
  for (guint i = 0; i < entries->len; i++)
    {
      FanfareLocalEntry *entry = g_ptr_array_index (entries, i);
      FanfarePlaylistItem *item = fanfare_playlist_file_add (file);

      if (entry->path != NULL)
        item->location = g_filename_to_uri (entry->path, NULL, NULL);
      if (entry->platform_id != NULL)
        item->track_id = g_ascii_strtoll (entry->platform_id, NULL, 10);
      item->title = g_strdup (entry->title);
      item->artist = g_strdup (entry->artist);
      item->duration_ms = entry->duration_ms;
    }

  return g_steal_pointer (&file);
}
