/* fanfare-search-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search over artists, albums, tracks, public playlists and users with
* SQLite's FTS5, in two indexes of the same folded documents (see
* fanfare-search-text.c):
*
* - search_trigram, for queries whose every word has three characters or
*   more: any substring, in any script, ranked by a BM25 (fanfare-search-rank.c);
* - search_words, for shorter words: a Latin word matches words that start
*   with it, ideographs match as a substring.
*
* A document's rowid is its object's id times 8 plus its kind, so that the
* store updates one document without scanning the index. Documents are
* rewritten inside the transactions that change what they are made of;
* only published albums and tracks and public playlists are indexed. */

#include "config.h"

#include <string.h>

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-search-store.h"
#include "fanfare-search-text.h"

#define ARTIST_DOCUMENTS \
  "SELECT ar.id * 8 + 1 AS k, ar.name AS n, u.username AS e" \
  " FROM artists ar LEFT JOIN users u ON u.id = ar.user_id WHERE 1"
#define ALBUM_DOCUMENTS \
  "SELECT al.id * 8 + 2 AS k, al.title AS n, ar.name AS e" \
  " FROM albums al JOIN artists ar ON ar.id = al.artist_id WHERE al.published = 1"
#define TRACK_DOCUMENTS \
  "SELECT t.id * 8 + 3 AS k, t.title AS n, ar.name || ' ' || al.title AS e" \
  " FROM tracks t JOIN albums al ON al.id = t.album_id JOIN artists ar ON ar.id = t.artist_id" \
  " WHERE al.published = 1"
#define PLAYLIST_DOCUMENTS \
  "SELECT p.id * 8 + 4 AS k, p.title AS n, u.display_name || ' ' || u.username AS e" \
  " FROM playlists p JOIN users u ON u.id = p.owner_id WHERE p.visibility = 'public'"
#define USER_DOCUMENTS \
  "SELECT u.id * 8 + 5 AS k, u.display_name || ' ' || u.username AS n, NULL AS e" \
  " FROM users u WHERE 1"

/* The names a document is found by exactly; a user by either of theirs. */
#define USER_NAMES \
  "SELECT u.id * 8 + 5 AS k, u.display_name AS n FROM users u WHERE u.id = ?1" \
  " UNION ALL SELECT u.id * 8 + 5, u.username FROM users u WHERE u.id = ?1"

#define INDEX(table, fold, documents) \
  "INSERT INTO " table " (rowid, name, extra)" \
  " SELECT k, " fold " (n), " fold " (e) FROM (" documents ")"

#define INDEX_BOTH(documents) \
  { INDEX ("search_trigram", "fanfare_fold", documents), \
    INDEX ("search_words", "fanfare_fold_words", documents) }

/* Indexed by FanfareSearchKind: the statements that index one document,
 * whose id is ?1. */
static const char * const index_one[][2] = {
  { NULL, NULL },
  INDEX_BOTH (ARTIST_DOCUMENTS " AND ar.id = ?1"),
  INDEX_BOTH (ALBUM_DOCUMENTS " AND al.id = ?1"),
  INDEX_BOTH (TRACK_DOCUMENTS " AND t.id = ?1"),
  INDEX_BOTH (PLAYLIST_DOCUMENTS " AND p.id = ?1"),
  INDEX_BOTH (USER_DOCUMENTS " AND u.id = ?1"),
};

#define INDEX_NAMES(documents) \
  "INSERT INTO search_names (key, name) SELECT k, fanfare_fold (n) FROM (" documents ")"

/* Indexed by FanfareSearchKind: the statements that record one document's
 * names, whose id is ?1. */
static const char * const names_one[] = {
  NULL,
  INDEX_NAMES (ARTIST_DOCUMENTS " AND ar.id = ?1"),
  INDEX_NAMES (ALBUM_DOCUMENTS " AND al.id = ?1"),
  INDEX_NAMES (TRACK_DOCUMENTS " AND t.id = ?1"),
  INDEX_NAMES (PLAYLIST_DOCUMENTS " AND p.id = ?1"),
  INDEX_NAMES (USER_NAMES),
};

static const char * const names_all[] = {
  INDEX_NAMES (ARTIST_DOCUMENTS),
  INDEX_NAMES (ALBUM_DOCUMENTS),
  INDEX_NAMES (TRACK_DOCUMENTS),
  INDEX_NAMES (PLAYLIST_DOCUMENTS),
  INDEX_NAMES ("SELECT u.id * 8 + 5 AS k, u.display_name AS n FROM users u"
               " UNION ALL SELECT u.id * 8 + 5, u.username FROM users u"),
};

static const char * const index_all[][2] = {
  INDEX_BOTH (ARTIST_DOCUMENTS),
  INDEX_BOTH (ALBUM_DOCUMENTS),
  INDEX_BOTH (TRACK_DOCUMENTS),
  INDEX_BOTH (PLAYLIST_DOCUMENTS),
  INDEX_BOTH (USER_DOCUMENTS),
};

static gboolean
run_with_id (FanfareConnection *conn,
             const char        *sql,
             gint64             id,
             GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return _fanfare_statement_run (stmt, error);
}

/* Rewrites the document of one object, or removes it when the object is
 * gone or hidden. */
gboolean
_fanfare_search_store_reindex (FanfareConnection *conn,
                               FanfareSearchKind  kind,
                               gint64             id,
                               GError           **error)
{
  static const char delete_trigram[] = "DELETE FROM search_trigram WHERE rowid = ?1";
  static const char delete_words[] = "DELETE FROM search_words WHERE rowid = ?1";
  static const char delete_names[] = "DELETE FROM search_names WHERE key = ?1";
  gint64 key = id * 8 + kind;

  g_assert (kind >= FANFARE_SEARCH_KIND_ARTIST && kind <= FANFARE_SEARCH_KIND_USER);

  return run_with_id (conn, delete_trigram, key, error) &&
         run_with_id (conn, delete_words, key, error) &&
         run_with_id (conn, delete_names, key, error) &&
         run_with_id (conn, index_one[kind][0], id, error) &&
         run_with_id (conn, index_one[kind][1], id, error) &&
         run_with_id (conn, names_one[kind], id, error);
}

/* Reindexes each object of @kind whose id the statement @sql lists for ?1. */
static gboolean
reindex_each (FanfareConnection *conn,
              const char        *sql,
              gint64             id,
              FanfareSearchKind  kind,
              GError           **error)
{
  g_autoptr(FanfareStatement) stmt = _fanfare_connection_prepare (conn, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 each = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, each);
    }
  if (rc != SQLITE_DONE)
    return _fanfare_statement_error (stmt, error);
  _fanfare_statement_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    if (!_fanfare_search_store_reindex (conn, kind, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

/* An album and its tracks, whose documents name the album. */
gboolean
_fanfare_search_store_reindex_album (FanfareConnection *conn,
                                     gint64             album_id,
                                     GError           **error)
{
  static const char tracks_sql[] = "SELECT id FROM tracks WHERE album_id = ?1";

  return _fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_ALBUM, album_id, error) &&
         reindex_each (conn, tracks_sql, album_id, FANFARE_SEARCH_KIND_TRACK, error);
}

/* An artist and everything whose document names them. */
gboolean
_fanfare_search_store_reindex_artist (FanfareConnection *conn,
                                      gint64             artist_id,
                                      GError           **error)
{
  static const char albums_sql[] = "SELECT id FROM albums WHERE artist_id = ?1";
  static const char tracks_sql[] = "SELECT id FROM tracks WHERE artist_id = ?1";

  return _fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_ARTIST, artist_id, error) &&
         reindex_each (conn, albums_sql, artist_id, FANFARE_SEARCH_KIND_ALBUM, error) &&
         reindex_each (conn, tracks_sql, artist_id, FANFARE_SEARCH_KIND_TRACK, error);
}

/* A user, their playlists and their artist profile, which name them. */
gboolean
_fanfare_search_store_reindex_user (FanfareConnection *conn,
                                    gint64             user_id,
                                    GError           **error)
{
  static const char playlists_sql[] = "SELECT id FROM playlists WHERE owner_id = ?1";
  static const char artists_sql[] = "SELECT id FROM artists WHERE user_id = ?1";

  return _fanfare_search_store_reindex (conn, FANFARE_SEARCH_KIND_USER, user_id, error) &&
         reindex_each (conn, playlists_sql, user_id, FANFARE_SEARCH_KIND_PLAYLIST, error) &&
         reindex_each (conn, artists_sql, user_id, FANFARE_SEARCH_KIND_ARTIST, error);
}

/**
 * fanfare_search_store_rebuild:
 *
 * Rebuilds both indexes from the catalog in one transaction, for bulk
 * loads that skip the per-object updates.
 */
gboolean
fanfare_search_store_rebuild (FanfareDatabase *db,
                              GError         **error)
{
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (db, error);

  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      !_fanfare_connection_exec (conn, "DELETE FROM search_trigram; DELETE FROM search_words;"
                                 " DELETE FROM search_names;", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (index_all); i++)
    if (!_fanfare_connection_exec (conn, index_all[i][0], error) ||
        !_fanfare_connection_exec (conn, index_all[i][1], error) ||
        !_fanfare_connection_exec (conn, names_all[i], error))
      return FALSE;

  return _fanfare_connection_exec (conn, "INSERT INTO search_trigram (search_trigram) VALUES ('optimize');"
                                   "INSERT INTO search_words (search_words) VALUES ('optimize');", error) &&
         _fanfare_connection_commit (conn, error);
}
