/* fanfare-playlist-store-entries.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A playlist's entries. Clients name the entries they add, so that an
 * addition sent twice (a retry, an offline queue sent again) is one; a
 * removal leaves a tombstone, so that it also holds against an addition
 * that arrives later. Positions are fractions between neighbours, so
 * that an insertion or a move writes one row; a move keeps the latest by
 * client time. */

#include "config.h"

#include <math.h>

#include "fanfare-error.h"
#include "fanfare-playlist-store-private.h"
#include "fanfare-track.h"

/* Below this gap between neighbours, positions are renumbered. */
#define MIN_GAP 1e-9

/* The position of @entry_id, tombstones included, if there is one. */
static gboolean
entry_position (FanfareConnection *conn,
                gint64             playlist_id,
                const char        *entry_id,
                gboolean          *found,
                double            *position,
                GError           **error)
{
  static const char sql[] = "SELECT position FROM playlist_entries WHERE playlist_id = ?1 AND entry_id = ?2";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, entry_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  *found = rc == SQLITE_ROW;
  *position = *found ? sqlite3_column_double (stmt, 0) : 0;

  return TRUE;
}

/* Runs @sql, which returns a number or no row, into @value. */
static gboolean
query_position (FanfareConnection *conn,
                const char        *sql,
                gint64             playlist_id,
                double             bound,
                const char        *except,
                gboolean          *found,
                double            *value,
                GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_double (stmt, 2, bound);
  _fanfare_statement_bind_text (stmt, 3, except);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);

  *found = rc == SQLITE_ROW;
  *value = *found ? sqlite3_column_double (stmt, 0) : 0;

  return TRUE;
}

/* Numbers the entries 0, 1, 2, … in their order, to make room. */
static gboolean
renumber (FanfareConnection *conn,
          gint64             playlist_id,
          GError           **error)
{
  static const char sql[] =
    "UPDATE playlist_entries SET position = r.n FROM"
    " (SELECT entry_id, row_number () OVER (ORDER BY position, entry_id) - 1 AS n"
    "  FROM playlist_entries WHERE playlist_id = ?1) AS r"
    " WHERE playlist_id = ?1 AND playlist_entries.entry_id = r.entry_id";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);

  return _fanfare_statement_run (stmt, error);
}

/* The room for @n entries at @place: they go at low + (high - low) *
 * (i + 1) / (n + 1). @except is an entry being moved, which does not
 * count as a neighbour. */
static gboolean
find_room (FanfareConnection          *conn,
           gint64                      playlist_id,
           const FanfarePlaylistPlace *place,
           const char                 *except,
           guint                       n,
           double                     *low,
           double                     *high,
           GError                    **error)
{
  /* Each walks the index of positions from one end and stops at once. */
  static const char last_sql[] =
    "SELECT position FROM playlist_entries WHERE playlist_id = ?1 AND ?2 = ?2 AND entry_id IS NOT ?3"
    " ORDER BY position DESC LIMIT 1";
  static const char first_sql[] =
    "SELECT position FROM playlist_entries WHERE playlist_id = ?1 AND removed = 0 AND ?2 = ?2"
    " AND entry_id IS NOT ?3 ORDER BY position LIMIT 1";
  static const char next_sql[] =
    "SELECT position FROM playlist_entries WHERE playlist_id = ?1 AND removed = 0 AND position > ?2"
    " AND entry_id IS NOT ?3 ORDER BY position LIMIT 1";
  gboolean found = FALSE;
  double anchor = 0;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      if (place->after != NULL && !entry_position (conn, playlist_id, place->after, &found, &anchor, error))
        return FALSE;

      if (place->after != NULL && found)
        {
          *low = anchor;
          if (!query_position (conn, next_sql, playlist_id, anchor, except, &found, high, error))
            return FALSE;
          if (!found)
            *high = *low + n + 1;
        }
      else if (place->first)
        {
          if (!query_position (conn, first_sql, playlist_id, 0, except, &found, high, error))
            return FALSE;
          if (!found)
            *high = n + 1;
          *low = *high - n - 1;
        }
      else
        {
          /* At the end, also after the tombstones, so that an entry
           * removed meanwhile elsewhere cannot come between. */
          if (!query_position (conn, last_sql, playlist_id, 0, except, &found, low, error))
            return FALSE;
          if (!found)
            *low = -1;
          *high = *low + n + 1;
        }

      if ((*high - *low) / (n + 1) >= MIN_GAP)
        return TRUE;
      if (!renumber (conn, playlist_id, error))
        return FALSE;
    }

  g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "No room between the entries");
  return FALSE;
}

/* The duration of a track @viewer may play, or FALSE with NOT_FOUND. */
static gboolean
track_duration (FanfareConnection   *conn,
                const FanfareViewer *viewer,
                gint64               track_id,
                gint64              *duration_ms,
                GError             **error)
{
  g_autoptr(FanfareTrack) track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, error);

  if (track == NULL)
    return FALSE;

  *duration_ms = fanfare_track_get_duration (track) / G_TIME_SPAN_MILLISECOND;

  return TRUE;
}

/* Fails when the playlist holds more entries than it may. */
static gboolean
check_length (FanfareConnection *conn,
              gint64             playlist_id,
              GError           **error)
{
  static const char sql[] = "SELECT count(*) FROM playlist_entries WHERE playlist_id = ?1 AND removed = 0";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  if (!_fanfare_statement_step_row (stmt, "No such playlist", error))
    return FALSE;

  if (sqlite3_column_int64 (stmt, 0) > FANFARE_PLAYLIST_MAX_ENTRIES)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “entries” would make the playlist longer than %u entries",
                   FANFARE_PLAYLIST_MAX_ENTRIES);
      return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_playlist_store_add_entries:
 * @entries: (element-type FanfarePlaylistEntry): the entries, each with
 *   its client's id and a track id or a local track's tags
 *
 * Adds the entries that the playlist has never had, in order at @place;
 * those it has (or had, and lost to a removal) are left as they are.
 * None are added if the playlist would hold more than
 * %FANFARE_PLAYLIST_MAX_ENTRIES.
 *
 * Returns: how many were added, or G_MAXUINT with @error set
 */
guint
fanfare_playlist_store_add_entries (FanfareDatabase            *db,
                                    const FanfareViewer        *viewer,
                                    gint64                      playlist_id,
                                    GPtrArray                  *entries,
                                    const FanfarePlaylistPlace *place,
                                    GError                    **error)
{
  static const char sql[] =
    "INSERT INTO playlist_entries (playlist_id, entry_id, position, track_id, title, artist, album,"
    " duration_ms, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (playlist_id, entry_id) DO NOTHING";
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, FANFARE_PLAYLIST_NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  gint64 now = _fanfare_now ();
  double low, high;
  guint added = 0;

  if (conn == NULL || !find_room (conn, playlist_id, place, NULL, entries->len, &low, &high, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < entries->len; i++)
    {
      FanfarePlaylistEntry *entry = g_ptr_array_index (entries, i);
      gint64 duration_ms = entry->duration_ms;

      if (entry->track_id != 0 && !track_duration (conn, viewer, entry->track_id, &duration_ms, error))
        return G_MAXUINT;
      if (duration_ms > FANFARE_PLAYLIST_MAX_DURATION_MS)
        duration_ms = 0;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, playlist_id);
      _fanfare_statement_bind_text (stmt, 2, entry->entry_id);
      sqlite3_bind_double (stmt, 3, low + (high - low) * (i + 1) / (entries->len + 1));
      if (entry->track_id != 0)
        sqlite3_bind_int64 (stmt, 4, entry->track_id);
      else
        sqlite3_bind_null (stmt, 4);
      _fanfare_statement_bind_text (stmt, 5, entry->track_id != 0 ? NULL : entry->title);
      _fanfare_statement_bind_text (stmt, 6, entry->track_id != 0 ? NULL : entry->artist);
      _fanfare_statement_bind_text (stmt, 7, entry->track_id != 0 ? NULL : entry->album);
      sqlite3_bind_int64 (stmt, 8, MAX (0, duration_ms));
      sqlite3_bind_int64 (stmt, 9, viewer->user_id);
      sqlite3_bind_int64 (stmt, 10, now);
      if (!_fanfare_statement_run (stmt, error))
        return G_MAXUINT;
      added += _fanfare_connection_changes (conn);
    }

  if ((added > 0 && !check_length (conn, playlist_id, error)) ||
      !_fanfare_playlist_store_finish_change (conn, playlist_id, FALSE, error))
    return G_MAXUINT;

  return added;
}

/**
 * fanfare_playlist_store_remove_entry:
 *
 * Removes an entry for good. Removing one the server has not seen yet
 * leaves the tombstone that its addition will find.
 */
gboolean
fanfare_playlist_store_remove_entry (FanfareDatabase     *db,
                                     const FanfareViewer *viewer,
                                     gint64               playlist_id,
                                     const char          *entry_id,
                                     GError             **error)
{
  static const char sql[] =
    "INSERT INTO playlist_entries (playlist_id, entry_id, position, title, added_by, added_at, removed)"
    " VALUES (?1, ?2, 0, '', ?3, ?4, 1)"
    " ON CONFLICT (playlist_id, entry_id) DO UPDATE SET removed = 1";
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, FANFARE_PLAYLIST_NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, entry_id);
  sqlite3_bind_int64 (stmt, 3, viewer->user_id);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) && _fanfare_playlist_store_finish_change (conn, playlist_id, FALSE, error);
}

/**
 * fanfare_playlist_store_move_entry:
 * @moved_at: the client's time of the move, in milliseconds; an older
 *   move than the entry's last one changes nothing
 */
gboolean
fanfare_playlist_store_move_entry (FanfareDatabase            *db,
                                   const FanfareViewer        *viewer,
                                   gint64                      playlist_id,
                                   const char                 *entry_id,
                                   const FanfarePlaylistPlace *place,
                                   gint64                      moved_at,
                                   GError                    **error)
{
  static const char sql[] =
    "UPDATE playlist_entries SET position = ?3, moved_at = ?4"
    " WHERE playlist_id = ?1 AND entry_id = ?2 AND moved_at <= ?4";
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, FANFARE_PLAYLIST_NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  double position, low, high;
  gboolean found = FALSE;

  if (conn == NULL)
    return FALSE;

  if (!entry_position (conn, playlist_id, entry_id, &found, &position, error))
    return FALSE;

  if (!found)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such entry");
      return FALSE;
    }

  if (g_strcmp0 (place->after, entry_id) == 0)
    return _fanfare_connection_commit (conn, error);

  if (!find_room (conn, playlist_id, place, entry_id, 1, &low, &high, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, entry_id);
  sqlite3_bind_double (stmt, 3, (low + high) / 2);
  sqlite3_bind_int64 (stmt, 4, moved_at);

  return _fanfare_statement_run (stmt, error) && _fanfare_playlist_store_finish_change (conn, playlist_id, FALSE, error);
}

static FanfarePlaylistEntry *
entry_from_row (FanfareConnection   *conn,
                const FanfareViewer *viewer,
                FanfareStatement    *stmt,
                GError             **error)
{
  g_autoptr(FanfarePlaylistEntry) entry = fanfare_playlist_entry_new ();

  entry->entry_id = _fanfare_statement_dup_text (stmt, 0);
  entry->track_id = sqlite3_column_int64 (stmt, 1);
  entry->added_by = _fanfare_statement_dup_text (stmt, 6);
  entry->added_at = sqlite3_column_int64 (stmt, 7);
  if (sqlite3_column_count (stmt) > 8)
    entry->position = sqlite3_column_double (stmt, 8);

  if (entry->track_id == 0)
    {
      entry->title = _fanfare_statement_dup_text (stmt, 2);
      entry->artist = _fanfare_statement_dup_text (stmt, 3);
      entry->album = _fanfare_statement_dup_text (stmt, 4);
      entry->duration_ms = sqlite3_column_int64 (stmt, 5);
    }
  /* A track the viewer may not play (unpublished) is there, unavailable. */
  else if (!_fanfare_catalog_store_find_track (conn, viewer, entry->track_id, &entry->track, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/* The entries @stmt yields, in its order. */
static GPtrArray *
collect_entries (FanfareConnection   *conn,
                 const FanfareViewer *viewer,
                 FanfareStatement    *stmt,
                 GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_playlist_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfarePlaylistEntry *entry = entry_from_row (conn, viewer, stmt, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * fanfare_playlist_store_list_entries:
 *
 * Returns: (transfer container) (element-type FanfarePlaylistEntry): the
 *   entries in order, or %NULL with %FANFARE_ERROR_NOT_FOUND when @viewer
 *   may not see the playlist
 */
GPtrArray *
fanfare_playlist_store_list_entries (FanfareDatabase     *db,
                                     const FanfareViewer *viewer,
                                     gint64               playlist_id,
                                     GError             **error)
{
  static const char sql[] =
    "SELECT e.entry_id, e.track_id, e.title, e.artist, e.album, e.duration_ms, u.username, e.added_at"
    " FROM playlist_entries e LEFT JOIN users u ON u.id = e.added_by"
    " WHERE e.playlist_id = ?1 AND e.removed = 0 ORDER BY e.position, e.entry_id";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_playlist_store_check_access (conn, viewer, playlist_id, FANFARE_PLAYLIST_NEED_SEE, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playlist_id);

  return collect_entries (conn, viewer, stmt, error);
}

/* A page ends after an entry: its position and id, as a list key. */
static char *
page_key (double      position,
          const char *entry_id)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strconcat (g_ascii_dtostr (number, sizeof number, position), " ", entry_id, NULL);
}

static gboolean
read_page_key (const char  *key,
               double      *position,
               const char **entry_id,
               GError     **error)
{
  char *end = NULL;

  *position = g_ascii_strtod (key, &end);
  if (end == key || *end != ' ' || end[1] == '\0' || !isfinite (*position))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “cursor” is not a cursor from this server");
      return FALSE;
    }
  *entry_id = end + 1;

  return TRUE;
}

/**
 * fanfare_playlist_store_list_entries_page:
 * @after: (nullable): where the page starts: after the last entry of the
 *   page before
 * @offset: how many entries, from there, the page leaves out first
 * @last: (out caller-allocates): where the next page starts; clear after
 *   the last page
 *
 * Reads @limit entries at a time. The key of a position holds the place
 * of the entry it follows, not the entry: a page read after that entry
 * was moved or removed still starts where the page before ended. An
 * @offset reads a page anywhere in the playlist, as a list that shows
 * all of it reads the part the user jumped to.
 *
 * Returns: (transfer container) (element-type FanfarePlaylistEntry): the
 *   page's entries in order, or %NULL with %FANFARE_ERROR_NOT_FOUND when
 *   @viewer may not see the playlist
 */
GPtrArray *
fanfare_playlist_store_list_entries_page (FanfareDatabase           *db,
                                          const FanfareViewer       *viewer,
                                          gint64                     playlist_id,
                                          const FanfareListPosition *after,
                                          guint                      offset,
                                          guint                      limit,
                                          FanfareListPosition       *last,
                                          GError                   **error)
{
  /* The index of positions is walked from the page's start. */
  static const char sql[] =
    "SELECT e.entry_id, e.track_id, e.title, e.artist, e.album, e.duration_ms, u.username, e.added_at, e.position"
    " FROM playlist_entries e LEFT JOIN users u ON u.id = e.added_by"
    " WHERE e.playlist_id = ?1 AND e.removed = 0 AND (e.position, e.entry_id) > (?2, ?3)"
    " ORDER BY e.position, e.entry_id LIMIT ?4 OFFSET ?5";
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  double position = -G_MAXDOUBLE;
  const char *entry_id = "";

  *last = (FanfareListPosition) { NULL, 0 };
  if (after != NULL && after->key != NULL && !read_page_key (after->key, &position, &entry_id, error))
    return NULL;

  conn = _fanfare_database_acquire (db, error);
  if (conn == NULL || !_fanfare_playlist_store_check_access (conn, viewer, playlist_id, FANFARE_PLAYLIST_NEED_SEE, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_double (stmt, 2, position);
  _fanfare_statement_bind_text (stmt, 3, entry_id);
  sqlite3_bind_int (stmt, 4, limit + 1);
  sqlite3_bind_int64 (stmt, 5, offset);
  if ((entries = collect_entries (conn, viewer, stmt, error)) == NULL)
    return NULL;

  /* One more than asked tells that there is a next page; its position
   * was read with it. */
  if (entries->len > limit)
    {
      FanfarePlaylistEntry *end;

      g_ptr_array_set_size (entries, limit);
      end = g_ptr_array_index (entries, limit - 1);
      last->key = page_key (end->position, end->entry_id);
      last->id = playlist_id;
    }

  return g_steal_pointer (&entries);
}

/**
 * fanfare_playlist_store_match_track:
 * @track_id: a track id the file named, or 0
 * @artist: (nullable): the artist's name
 *
 * Finds the platform track an imported item means: by id if @viewer may
 * play that track, else the first published one with the same title and
 * artist, letter case aside.
 *
 * Returns: the track's id, 0 for none, or -1 with @error set
 */
gint64
fanfare_playlist_store_match_track (FanfareDatabase     *db,
                                    const FanfareViewer *viewer,
                                    gint64               track_id,
                                    const char          *artist,
                                    const char          *title,
                                    GError             **error)
{
  static const char sql[] =
    "SELECT t.id FROM tracks t JOIN artists a ON a.id = t.artist_id JOIN albums al ON al.id = t.album_id"
    " WHERE t.title = ?1 COLLATE NOCASE AND (?2 IS NULL OR a.name = ?2 COLLATE NOCASE) AND al.published = 1"
    " ORDER BY t.id LIMIT 1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  int rc;

  if (conn == NULL)
    return -1;

  if (track_id != 0)
    {
      g_autoptr(FanfareTrack) track = NULL;

      if (!_fanfare_catalog_store_find_track (conn, viewer, track_id, &track, error))
        return -1;
      if (track != NULL)
        return track_id;
    }

  if (title == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return title == NULL ? 0 : -1;

  _fanfare_statement_bind_text (stmt, 1, title);
  _fanfare_statement_bind_text (stmt, 2, artist);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return -1;
    }

  return 0;
}
