/* fanfare-search-store-query.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Answering a search: the query is folded like the documents, each of its
 * words becomes a quoted FTS5 string (so nothing in it is FTS5 syntax),
 * and the words must all match.
 *
 * Ranking every match costs a few microseconds each, which a common word
 * (tens of thousands of matches in a large catalog) turns into tens of
 * milliseconds. So fanfare_rank() (BM25 without what a phrase's frequency
 * costs to find, see fanfare-search-rank.c) ranks a window: the newest
 * matches, up to RANK_WINDOW of them; and documents whose name is exactly
 * the query come first whatever their age, found through the index of
 * names. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-search-store.h"
#include "fanfare-search-text.h"

#define TRIGRAM_MIN_LENGTH 3
#define RANK_WINDOW        500

#define HITS(table, filter) \
  "SELECT key FROM (" \
  "  SELECT key, 0 AS exact, 0.0 AS score FROM search_names WHERE name = ?5" \
  "   AND (?4 = 0 OR (key & 7) = ?4)" \
  "  UNION ALL" \
  "  SELECT rowid, 1, rank FROM (SELECT rowid, fanfare_rank (" table ", 10.0, 1.0) AS rank FROM " table \
  "   WHERE " table " MATCH ?1" filter " ORDER BY rowid DESC LIMIT " G_STRINGIFY (RANK_WINDOW) ")" \
  ") GROUP BY key ORDER BY min (exact), min (score), key DESC LIMIT ?2 OFFSET ?3"

/* [index][narrowed to one kind] */
static const char * const hits_sql[2][2] = {
  { HITS ("search_trigram", ""), HITS ("search_trigram", " AND (rowid & 7) = ?4") },
  { HITS ("search_words", ""), HITS ("search_words", " AND (rowid & 7) = ?4") },
};

static void
append_quoted (GString    *expression,
               const char *text)
{
  g_string_append_c (expression, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expression, '"');
      g_string_append_c (expression, *p);
    }
  g_string_append_c (expression, '"');
}

/* Returns the FTS5 expression for @query, or NULL when it has no words;
 * @trigram tells which index it is for. */
static char *
build_expression (const char *query,
                  gboolean   *trigram)
{
  g_autofree char *folded = fanfare_search_text_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GString *expression = g_string_new (NULL);

  *trigram = TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && g_utf8_strlen (words[i], -1) < TRIGRAM_MIN_LENGTH)
      *trigram = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *tokens = NULL;

      if (*words[i] == '\0')
        continue;

      if (expression->len > 0)
        g_string_append (expression, " AND ");

      if (*trigram)
        {
          append_quoted (expression, words[i]);
          continue;
        }

      /* A phrase of the word's tokens, the last one a prefix. */
      tokens = fanfare_search_text_fold_words (words[i]);
      append_quoted (expression, tokens);
      g_string_append_c (expression, '*');
    }

  if (expression->len == 0)
    {
      g_string_free (expression, TRUE);
      return NULL;
    }

  return g_string_free (expression, FALSE);
}

static gpointer
fetch_hit (FanfareConnection   *conn,
           const FanfareViewer *viewer,
           gint64               key,
           GError             **error)
{
  gint64 id = key >> 3;

  switch ((FanfareSearchKind) (key & 7))
    {
    case FANFARE_SEARCH_KIND_ARTIST:
      return _fanfare_catalog_store_fetch_artist (conn, id, error);

    case FANFARE_SEARCH_KIND_ALBUM:
      return _fanfare_catalog_store_fetch_album (conn, viewer, id, error);

    case FANFARE_SEARCH_KIND_TRACK:
      return _fanfare_catalog_store_fetch_track (conn, viewer, id, error);

    case FANFARE_SEARCH_KIND_PLAYLIST:
      return _fanfare_playlist_store_fetch (conn, viewer, id, error);

    case FANFARE_SEARCH_KIND_USER:
      return _fanfare_account_store_fetch_user (conn, id, FALSE, error);

    default:
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "Unknown search document");
      return NULL;
    }
}

static GArray *
find_hits (FanfareConnection *conn,
           const char        *expression,
           const char        *exact,
           gboolean           trigram,
           FanfareSearchType  type,
           guint              offset,
           guint              limit,
           GError           **error)
{
  g_autoptr(FanfareStatement) stmt = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _fanfare_connection_prepare (conn, hits_sql[trigram ? 0 : 1][type != FANFARE_SEARCH_TYPE_ALL], error);
  if (stmt == NULL)
    return NULL;

  _fanfare_statement_bind_text (stmt, 1, expression);
  sqlite3_bind_int (stmt, 2, limit);
  sqlite3_bind_int (stmt, 3, offset);
  sqlite3_bind_int (stmt, 4, type);
  _fanfare_statement_bind_text (stmt, 5, exact);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (keys, key);
    }

  if (rc != SQLITE_DONE)
    {
      _fanfare_statement_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

/**
 * fanfare_search_store_search:
 * @query: what the user typed; an empty query finds nothing
 * @type: the kind of object to find, or all of them
 * @offset: how many results to skip
 * @more: (out): whether there are results after these
 *
 * Returns: (transfer container) (element-type GObject): #FanfareArtist,
 *   #FanfareAlbum, #FanfareTrack, #FanfarePlaylist and #FanfareUser
 *   objects, best match first
 */
GPtrArray *
fanfare_search_store_search (FanfareDatabase     *db,
                             const FanfareViewer *viewer,
                             const char          *query,
                             FanfareSearchType    type,
                             guint                offset,
                             guint                limit,
                             gboolean            *more,
                             GError             **error)
{
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) keys = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *exact = NULL;
  gboolean trigram;

  g_return_val_if_fail (query != NULL, NULL);

  *more = FALSE;
  expression = build_expression (query, &trigram);
  if (expression == NULL || limit == 0)
    return g_steal_pointer (&results);

  conn = _fanfare_database_acquire (db, error);
  if (conn == NULL)
    return NULL;

  /* One more than asked tells whether there is a next page. */
  exact = fanfare_search_text_fold (query);
  keys = find_hits (conn, expression, exact, trigram, type, offset, limit + 1, error);
  if (keys == NULL)
    return NULL;

  *more = keys->len > limit;
  for (guint i = 0; i < MIN (keys->len, limit); i++)
    {
      g_autoptr(GError) local_error = NULL;
      gpointer object = fetch_hit (conn, viewer, g_array_index (keys, gint64, i), &local_error);

      /* What the index names but the viewer may not see is left out. */
      if (object != NULL)
        g_ptr_array_add (results, object);
      else if (!g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&results);
}
