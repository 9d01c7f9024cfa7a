/* fanfare-playlist-store-edit.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Changing playlists, from wherever and whenever the change was made.
 * Fields keep the change with the latest client time. Who may do what:
 * anyone who sees a playlist may follow it; its owner and collaborators
 * change its entries, title, description and cover; only the owner
 * changes who collaborates, its visibility, or deletes it. Whoever may not
 * see a playlist finds no playlist. The entries are in
 * fanfare-playlist-store-entries.c. */

#include "config.h"

#include "fanfare-common-enums.h"
#include "fanfare-error.h"
#include "fanfare-playlist-store-private.h"
#include "fanfare-utils.h"

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
gboolean
_fanfare_playlist_store_check_access (FanfareConnection   *conn,
                                      const FanfareViewer *viewer,
                                      gint64               playlist_id,
                                      FanfarePlaylistNeed  need,
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

  if ((need == FANFARE_PLAYLIST_NEED_EDIT && !owner && !collaborator) || (need == FANFARE_PLAYLIST_NEED_OWN && !owner))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN,
                           need == FANFARE_PLAYLIST_NEED_OWN ? "Only the playlist's owner may do this"
                                            : "Only the playlist's owner and collaborators may change it");
      return FALSE;
    }

  return TRUE;
}

/* Opens a write transaction on a connection, for a change @viewer must be
 * allowed to make. */
FanfareConnection *
_fanfare_playlist_store_begin_change (FanfareDatabase     *db,
                                      const FanfareViewer *viewer,
                                      gint64               playlist_id,
                                      FanfarePlaylistNeed  need,
                                      GError             **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !_fanfare_playlist_store_check_access (conn, viewer, playlist_id, need, error))
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

  return conn != NULL && _fanfare_playlist_store_check_access (conn, viewer, playlist_id, FANFARE_PLAYLIST_NEED_EDIT, error);
}

/* Marks the playlist changed and commits. */
gboolean
_fanfare_playlist_store_finish_change (FanfareConnection *conn,
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
  FanfarePlaylistNeed need = changes->visibility >= 0 ? FANFARE_PLAYLIST_NEED_OWN : FANFARE_PLAYLIST_NEED_EDIT;
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, need, error);
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
         _fanfare_playlist_store_finish_change (conn, playlist_id, TRUE, error);
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
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, FANFARE_PLAYLIST_NEED_OWN, error);
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
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, FANFARE_PLAYLIST_NEED_EDIT, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, playlist_id);
  _fanfare_statement_bind_text (stmt, 2, image_id);

  return _fanfare_statement_run (stmt, error) && _fanfare_playlist_store_finish_change (conn, playlist_id, FALSE, error);
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
  if (conn == NULL || !_fanfare_playlist_store_check_access (conn, viewer, playlist_id, FANFARE_PLAYLIST_NEED_SEE, error) ||
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
      !_fanfare_playlist_store_check_access (conn, viewer, playlist_id, FANFARE_PLAYLIST_NEED_SEE, error) ||
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
  g_autoptr(FanfareConnection) conn = _fanfare_playlist_store_begin_change (db, viewer, playlist_id, FANFARE_PLAYLIST_NEED_OWN, error);
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

  return _fanfare_statement_run (stmt, error) && _fanfare_playlist_store_finish_change (conn, playlist_id, FALSE, error);
}
