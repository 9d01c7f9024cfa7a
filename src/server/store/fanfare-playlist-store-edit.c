/* fanfare-playlist-store-edit.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Changing playlists, from wherever and whenever the change was made.
 * Clients name the entries they add, so that an addition sent twice (a
 * retry, an offline queue sent again) is one; a removal leaves a
 * tombstone, so that it also holds against an addition that arrives
 * later. Fields and positions keep the change with the latest client
 * time. Who may do what: anyone who sees a playlist may follow it; its
 * owner and collaborators change its entries, title, description and
 * cover; only the owner changes who collaborates, its visibility, or
 * deletes it. Whoever may not see a playlist finds no playlist. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-playlist-store.h"
#include "fanfare-track.h"
#include "fanfare-utils.h"

/* Below this gap between neighbours, positions are renumbered. */
#define MIN_GAP 1e-9

typedef enum {
  NEED_SEE,
  NEED_EDIT,
  NEED_OWN,
} Need;

FanfarePlaylistEntry *
fanfare_playlist_entry_new (void)
{
  return g_new0 (FanfarePlaylistEntry, 1);
}

void
fanfare_playlist_entry_free (FanfarePlaylistEntry *entry)
{
  g_free (entry->entry_id);
  g_clear_object (&entry->track);
  g_free (entry->title);
  g_free (entry->artist);
  g_free (entry->album);
  g_free (entry->added_by);
  g_free (entry);
}

void
fanfare_playlist_info_clear (FanfarePlaylistInfo *info)
{
  g_clear_pointer (&info->collaborators, g_strfreev);
}

/* Checks that @viewer may do what @need says to the playlist, inside the
 * caller's transaction. */
static gboolean
check_access (FanfareConnection   *conn,
              const FanfareViewer *viewer,
              gint64               playlist_id,
              Need                 need,
              GError             **error)
{
  static const char sql[] =
    "SELECT p.owner_id = ?2, p.visibility <> 'private',"
    " EXISTS (SELECT 1 FROM playlist_collaborators c WHERE c.playlist_id = p.id AND c.user_id = ?2)"
    " FROM playlists p WHERE p.id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  gboolean owner, listed, collaborator;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int64 (stmt, 2, viewer->user_id);
  if (!_fanfare_statement_step_row (stmt, "No such playlist", error))
    return FALSE;

  owner = sqlite3_column_int (stmt, 0);
  listed = sqlite3_column_int (stmt, 1);
  collaborator = sqlite3_column_int (stmt, 2);

  if (!owner && !listed && !collaborator && !viewer->admin)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such playlist");
      return FALSE;
    }

  if ((need == NEED_EDIT && !owner && !collaborator) || (need == NEED_OWN && !owner))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN,
                           need == NEED_OWN ? "Only the playlist's owner may do this"
                                            : "Only the playlist's owner and collaborators may change it");
      return FALSE;
    }

  return TRUE;
}

/* Opens a write transaction on a connection, for a change @viewer must be
 * allowed to make. */
static FanfareConnection *
begin_change (FanfareDatabase     *db,
              const FanfareViewer *viewer,
              gint64               playlist_id,
              Need                 need,
              GError             **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !check_access (conn, viewer, playlist_id, need, error))
    return NULL;

  return g_steal_pointer (&conn);
}

/**
 * fanfare_playlist_store_check_editor:
 *
 * Returns: whether @viewer may change the playlist's entries and fields;
 *   %FALSE with the error they would get
 */
gboolean
fanfare_playlist_store_check_editor (FanfareDatabase     *db,
                                     const FanfareViewer *viewer,
                                     gint64               playlist_id,
                                     GError             **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  return conn != NULL && check_access (conn, viewer, playlist_id, NEED_EDIT, error);
}

/* Marks the playlist changed and commits. */
static gboolean
finish_change (FanfareConnection *conn,
               gint64             playlist_id,
               gboolean           reindex,
               GError           **error)
{
  static const char sql[] = "UPDATE playlists SET updated_at = ?2 WHERE id = ?1";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int64 (stmt, 2, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) &&
         (!reindex || _fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_PLAYLIST, playlist_id, error)) &&
         _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_playlist_store_create_from:
 * @client_id: (nullable): the id the client gave the playlist; a second
 *   creation with the same one finds the first
 * @created: (out): whether the playlist is new
 *
 * Returns: the playlist's id, or 0 with @error set
 */
gint64
fanfare_playlist_store_create_from (FanfareDatabase           *db,
                                    gint64                     owner_id,
                                    const char                *client_id,
                                    const char                *title,
                                    const char                *description,
                                    FanfarePlaylistVisibility  visibility,
                                    gboolean                  *created,
                                    GError                   **error)
{
  static const char find_sql[] = "SELECT id FROM playlists WHERE owner_id = ?1 AND client_id = ?2";
  static const char sql[] =
    "INSERT INTO playlists (owner_id, title, description, visibility, created_at, updated_at, client_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) find = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autofree char *visibility_name = fanfare_enum_to_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, visibility);
  gint64 playlist_id;

  *created = FALSE;
  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (find = _fanfare_connection_prepare (conn, find_sql, error)) == NULL ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return 0;

  if (client_id != NULL)
    {
      sqlite3_bind_int64 (find, 1, owner_id);
      _fanfare_statement_bind_text (find, 2, client_id);
      if (sqlite3_step (find) == SQLITE_ROW)
        return sqlite3_column_int64 (find, 0);
    }

  sqlite3_bind_int64 (stmt, 1, owner_id);
  _fanfare_statement_bind_text (stmt, 2, title);
  _fanfare_statement_bind_text (stmt, 3, description);
  _fanfare_statement_bind_text (stmt, 4, visibility_name);
  sqlite3_bind_int64 (stmt, 5, _fanfare_now ());
  _fanfare_statement_bind_text (stmt, 6, client_id);
  if (!_fanfare_statement_run (stmt, error))
    return 0;

  playlist_id = _fanfare_connection_last_insert_id (conn);
  if (!_fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_PLAYLIST, playlist_id, error) ||
      !_fanfare_connection_commit (conn, error))
    return 0;

  *created = TRUE;

  return playlist_id;
}

/* Sets one field if @at is not older than its last change. */
static gboolean
update_field (FanfareConnection *conn,
              const char        *sql,
              gint64             playlist_id,
              const char        *value,
              gint64             at,
              GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, at);

  return _fanfare_statement_run (stmt, error);
}

/**
 * fanfare_playlist_store_update:
 *
 * Changes the fields @changes names, each only if its change is the
 * latest. Visibility is the owner's to change.
 */
gboolean
fanfare_playlist_store_update (FanfareDatabase              *db,
                               const FanfareViewer          *viewer,
                               gint64                        playlist_id,
                               const FanfarePlaylistChanges *changes,
                               GError                      **error)
{
  static const char title_sql[] =
    "UPDATE playlists SET title = ?2, title_at = ?3 WHERE id = ?1 AND title_at <= ?3";
  static const char description_sql[] =
    "UPDATE playlists SET description = nullif (?2, ''), description_at = ?3 WHERE id = ?1 AND description_at <= ?3";
  static const char visibility_sql[] =
    "UPDATE playlists SET visibility = ?2, visibility_at = ?3 WHERE id = ?1 AND visibility_at <= ?3";
  Need need = changes->visibility >= 0 ? NEED_OWN : NEED_EDIT;
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, need, error);
  g_autofree char *visibility = NULL;

  if (conn == NULL)
    return FALSE;

  if (changes->visibility >= 0)
    visibility = fanfare_enum_to_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, changes->visibility);

  return (changes->title == NULL ||
          update_field (conn, title_sql, playlist_id, changes->title, changes->title_at, error)) &&
         (changes->description == NULL ||
          update_field (conn, description_sql, playlist_id, changes->description, changes->description_at,
                        error)) &&
         (visibility == NULL ||
          update_field (conn, visibility_sql, playlist_id, visibility, changes->visibility_at, error)) &&
         finish_change (conn, playlist_id, TRUE, error);
}

/**
 * fanfare_playlist_store_delete:
 *
 * Deletes a playlist of @viewer's, with its entries, follows and
 * collaborators.
 */
gboolean
fanfare_playlist_store_delete (FanfareDatabase     *db,
                               const FanfareViewer *viewer,
                               gint64               playlist_id,
                               GError             **error)
{
  static const char sql[] = "DELETE FROM playlists WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, NEED_OWN, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);

  return _fanfare_statement_run (stmt, error) &&
         _fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_PLAYLIST, playlist_id, error) &&
         _fanfare_connection_commit (conn, error);
}

gboolean
fanfare_playlist_store_set_cover (FanfareDatabase     *db,
                                  const FanfareViewer *viewer,
                                  gint64               playlist_id,
                                  const char          *image_id,
                                  GError             **error)
{
  static const char sql[] = "UPDATE playlists SET cover_id = ?2 WHERE id = ?1";
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, image_id);

  return _fanfare_statement_run (stmt, error) && finish_change (conn, playlist_id, FALSE, error);
}

/* The position of @entry_id, tombstones included; FALSE if there is none. */
static gboolean
entry_position (FanfareConnection *conn,
                gint64             playlist_id,
                const char        *entry_id,
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
  if (rc == SQLITE_ROW)
    {
      *position = sqlite3_column_double (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _fanfare_statement_error (stmt, error);

  return FALSE;
}

/* Runs @sql, which returns one nullable number, into @value. */
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

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_double (stmt, 2, bound);
  _fanfare_statement_bind_text (stmt, 3, except);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _fanfare_statement_error (stmt, error);

  *found = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  *value = sqlite3_column_double (stmt, 0);

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
  static const char last_sql[] =
    "SELECT max (position) FROM playlist_entries WHERE playlist_id = ?1 AND ?2 = ?2"
    " AND entry_id IS NOT ?3";
  static const char first_sql[] =
    "SELECT min (position) FROM playlist_entries WHERE playlist_id = ?1 AND removed = 0 AND ?2 = ?2"
    " AND entry_id IS NOT ?3";
  static const char next_sql[] =
    "SELECT min (position) FROM playlist_entries WHERE playlist_id = ?1 AND removed = 0 AND position > ?2"
    " AND entry_id IS NOT ?3";
  gboolean found = FALSE;
  double anchor = 0;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      if (place->after != NULL && entry_position (conn, playlist_id, place->after, &anchor, error))
        {
          *low = anchor;
          if (!query_position (conn, next_sql, playlist_id, anchor, except, &found, high, error))
            return FALSE;
          if (!found)
            *high = *low + n + 1;
        }
      else if (error != NULL && *error != NULL)
        return FALSE;
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

static gboolean
check_track (FanfareConnection   *conn,
             const FanfareViewer *viewer,
             gint64               track_id,
             GError             **error)
{
  g_autoptr(FanfareTrack) track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, error);

  return track != NULL;
}

/**
 * fanfare_playlist_store_add_entries:
 * @entries: (element-type FanfarePlaylistEntry): the entries, each with
 *   its client's id and a track id or a local track's tags
 *
 * Adds the entries that the playlist has never had, in order at @place;
 * those it has (or had, and lost to a removal) are left as they are.
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
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, NEED_EDIT, error);
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

      if (entry->track_id != 0 && !check_track (conn, viewer, entry->track_id, error))
        return G_MAXUINT;

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
      sqlite3_bind_int64 (stmt, 8, entry->track_id != 0 ? 0 : entry->duration_ms);
      sqlite3_bind_int64 (stmt, 9, viewer->user_id);
      sqlite3_bind_int64 (stmt, 10, now);
      if (!_fanfare_statement_run (stmt, error))
        return G_MAXUINT;
      added += _fanfare_connection_changes (conn);
    }

  if (!finish_change (conn, playlist_id, FALSE, error))
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
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, entry_id);
  sqlite3_bind_int64 (stmt, 3, viewer->user_id);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) && finish_change (conn, playlist_id, FALSE, error);
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
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;
  double position, low, high;

  if (conn == NULL)
    return FALSE;

  if (!entry_position (conn, playlist_id, entry_id, &position, error))
    {
      if (error == NULL || *error == NULL)
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

  return _fanfare_statement_run (stmt, error) && finish_change (conn, playlist_id, FALSE, error);
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

  if (entry->track_id == 0)
    {
      entry->title = _fanfare_statement_dup_text (stmt, 2);
      entry->artist = _fanfare_statement_dup_text (stmt, 3);
      entry->album = _fanfare_statement_dup_text (stmt, 4);
      entry->duration_ms = sqlite3_column_int64 (stmt, 5);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      /* A track the viewer may not play (unpublished) is there, unavailable. */
      entry->track = _fanfare_catalog_store_fetch_track (conn, viewer, entry->track_id, &local_error);
      if (entry->track == NULL && !g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&entry);
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
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_playlist_entry_free);
  int rc;

  if (conn == NULL || !check_access (conn, viewer, playlist_id, NEED_SEE, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
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

static GStrv
list_collaborators (FanfareConnection *conn,
                    gint64             playlist_id,
                    GError           **error)
{
  static const char sql[] =
    "SELECT u.username FROM playlist_collaborators c JOIN users u ON u.id = c.user_id"
    " WHERE c.playlist_id = ?1 ORDER BY c.created_at, u.id";
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _fanfare_statement_get_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * fanfare_playlist_store_get_info:
 * @info: (out caller-allocates): what the playlist is to @viewer; clear
 *   it with fanfare_playlist_info_clear()
 */
gboolean
fanfare_playlist_store_get_info (FanfareDatabase     *db,
                                 const FanfareViewer *viewer,
                                 gint64               playlist_id,
                                 FanfarePlaylistInfo *info,
                                 GError             **error)
{
  static const char sql[] =
    "SELECT p.owner_id, (SELECT count(*) FROM playlist_follows f WHERE f.playlist_id = p.id),"
    " EXISTS (SELECT 1 FROM playlist_follows f WHERE f.playlist_id = p.id AND f.user_id = ?2),"
    " EXISTS (SELECT 1 FROM playlist_collaborators c WHERE c.playlist_id = p.id AND c.user_id = ?2)"
    " FROM playlists p WHERE p.id = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  *info = (FanfarePlaylistInfo) { 0, };
  if (conn == NULL || !check_access (conn, viewer, playlist_id, NEED_SEE, error) ||
      (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int64 (stmt, 2, viewer->user_id);
  if (!_fanfare_statement_step_row (stmt, "No such playlist", error))
    return FALSE;

  info->owner_id = sqlite3_column_int64 (stmt, 0);
  info->follower_count = sqlite3_column_int (stmt, 1);
  info->following = sqlite3_column_int (stmt, 2);
  info->is_owner = viewer->user_id != 0 && info->owner_id == viewer->user_id;
  info->can_edit = info->is_owner || sqlite3_column_int (stmt, 3);

  if (info->can_edit && (info->collaborators = list_collaborators (conn, playlist_id, error)) == NULL)
    return FALSE;

  return TRUE;
}

/**
 * fanfare_playlist_store_set_following:
 *
 * Follows or stops following a playlist that @viewer sees; following
 * twice is one follow. Nobody follows their own playlist.
 */
gboolean
fanfare_playlist_store_set_following (FanfareDatabase     *db,
                                      const FanfareViewer *viewer,
                                      gint64               playlist_id,
                                      gboolean             following,
                                      GError             **error)
{
  static const char follow_sql[] =
    "INSERT INTO playlist_follows (user_id, playlist_id, created_at)"
    " SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM playlists WHERE id = ?2 AND owner_id = ?1)"
    " ON CONFLICT (user_id, playlist_id) DO NOTHING";
  static const char unfollow_sql[] = "DELETE FROM playlist_follows WHERE user_id = ?1 AND playlist_id = ?2";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !check_access (conn, viewer, playlist_id, NEED_SEE, error) ||
      (stmt = _fanfare_connection_prepare (conn, following ? follow_sql : unfollow_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, viewer->user_id);
  sqlite3_bind_int64 (stmt, 2, playlist_id);
  if (following)
    sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) && _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_playlist_store_set_collaborator:
 * @invited: %TRUE to invite @user_id, %FALSE to revoke them
 *
 * The owner's to call.
 */
gboolean
fanfare_playlist_store_set_collaborator (FanfareDatabase     *db,
                                         const FanfareViewer *viewer,
                                         gint64               playlist_id,
                                         gint64               user_id,
                                         gboolean             invited,
                                         GError             **error)
{
  static const char invite_sql[] =
    "INSERT INTO playlist_collaborators (playlist_id, user_id, created_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (playlist_id, user_id) DO NOTHING";
  static const char revoke_sql[] = "DELETE FROM playlist_collaborators WHERE playlist_id = ?1 AND user_id = ?2";
  g_autoptr(FanfareConnection) conn = begin_change (db, viewer, playlist_id, NEED_OWN, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL)
    return FALSE;

  if (user_id == viewer->user_id)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The owner of a playlist is not one of its collaborators");
      return FALSE;
    }

  if ((stmt = _fanfare_connection_prepare (conn, invited ? invite_sql : revoke_sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (invited)
    sqlite3_bind_int64 (stmt, 3, _fanfare_now ());

  return _fanfare_statement_run (stmt, error) && finish_change (conn, playlist_id, FALSE, error);
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
      g_autoptr(GError) local_error = NULL;
      g_autoptr(FanfareTrack) track = _fanfare_catalog_store_fetch_track (conn, viewer, track_id, &local_error);

      if (track != NULL)
        return track_id;
      if (!g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
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
