/* fanfare-library-query.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The SQL behind the list models: one query lists the keys of a list in
 * its order (sorted and filtered in SQL, run in a worker thread), another
 * reads one row into a model object when the list shows it. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-common-enums.h"
#include "fanfare-cover-cache.h"
#include "fanfare-genre.h"
#include "fanfare-library-query.h"
#include "fanfare-search.h"
#include "fanfare-track.h"

static const char *song_orders[] = {
  [FANFARE_LIBRARY_SORT_TITLE] = "title_key, id",
  [FANFARE_LIBRARY_SORT_ARTIST] = "artist_key, album_key, disc_number, track_number, id",
  [FANFARE_LIBRARY_SORT_ALBUM] = "album_key, disc_number, track_number, id",
  [FANFARE_LIBRARY_SORT_DURATION] = "duration_ms, id",
  [FANFARE_LIBRARY_SORT_YEAR] = "year, id",
  [FANFARE_LIBRARY_SORT_ADDED] = "added, id",
};

FanfareLibraryQuery *
fanfare_library_query_copy (const FanfareLibraryQuery *query)
{
  FanfareLibraryQuery *copy = g_memdup2 (query, sizeof *query);

  copy->search = g_strdup (query->search);

  return copy;
}

void
fanfare_library_query_free (FanfareLibraryQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->search);
  g_free (query);
}

GType
fanfare_library_query_item_type (FanfareLibraryQueryKind  kind)
{
  switch (kind)
    {
    case FANFARE_LIBRARY_QUERY_ALBUMS:
    case FANFARE_LIBRARY_QUERY_ARTIST_ALBUMS:
      return FANFARE_TYPE_ALBUM;

    case FANFARE_LIBRARY_QUERY_ARTISTS:
      return FANFARE_TYPE_ARTIST;

    case FANFARE_LIBRARY_QUERY_GENRES:
      return FANFARE_TYPE_GENRE;

    case FANFARE_LIBRARY_QUERY_SONGS:
    case FANFARE_LIBRARY_QUERY_ALBUM_TRACKS:
    case FANFARE_LIBRARY_QUERY_ARTIST_TRACKS:
    case FANFARE_LIBRARY_QUERY_GENRE_TRACKS:
    case FANFARE_LIBRARY_QUERY_SEARCH:
    default:
      return FANFARE_TYPE_TRACK;
    }
}

/* "a, b" becomes "a DESC, b DESC". */
static char *
order_by (FanfareLibrarySort  sort,
          gboolean            descending)
{
  g_auto(GStrv) terms = g_strsplit (song_orders[sort], ", ", -1);
  g_autofree char *joined = g_strjoinv (" DESC, ", terms);

  if (!descending)
    return g_strdup (song_orders[sort]);

  return g_strconcat (joined, " DESC", NULL);
}

static char *
search_sql (const char *search,
            char      **trigram,
            char      **words)
{
  GString *sql;

  if (!fanfare_search_build_match (search, trigram, words))
    return NULL;

  sql = g_string_new ("SELECT id, gen FROM tracks WHERE 1");
  if (*trigram != NULL)
    g_string_append (sql, " AND id IN (SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?1)");
  if (*words != NULL)
    g_string_append (sql, " AND id IN (SELECT rowid FROM tracks_words WHERE tracks_words MATCH ?2)");
  g_string_append (sql, " ORDER BY title_key, id");

  return g_string_free (sql, FALSE);
}

static char *
keys_sql (const FanfareLibraryQuery *query)
{
  g_autofree char *order = NULL;

  switch (query->kind)
    {
    case FANFARE_LIBRARY_QUERY_SONGS:
      order = order_by (query->sort, query->descending);
      return g_strconcat ("SELECT id, gen FROM tracks ORDER BY ", order, NULL);

    case FANFARE_LIBRARY_QUERY_ALBUMS:
      return g_strdup ("SELECT id, gen FROM albums ORDER BY title_key, artist_key, id");

    case FANFARE_LIBRARY_QUERY_ARTISTS:
      return g_strdup ("SELECT id, gen FROM artists ORDER BY name_key, id");

    case FANFARE_LIBRARY_QUERY_GENRES:
      return g_strdup ("SELECT id, gen FROM genres ORDER BY name_key, id");

    case FANFARE_LIBRARY_QUERY_ALBUM_TRACKS:
      return g_strdup ("SELECT id, gen FROM tracks WHERE album_id = ?3"
                       " ORDER BY disc_number, track_number, title_key, id");

    case FANFARE_LIBRARY_QUERY_ARTIST_ALBUMS:
      return g_strdup ("SELECT id, gen FROM albums WHERE artist_id = ?3"
                       " OR id IN (SELECT album_id FROM tracks WHERE artist_id = ?3)"
                       " ORDER BY year, title_key, id");

    case FANFARE_LIBRARY_QUERY_ARTIST_TRACKS:
      return g_strdup ("SELECT id, gen FROM tracks WHERE artist_id = ?3"
                       " OR album_id IN (SELECT id FROM albums WHERE artist_id = ?3)"
                       " ORDER BY year, album_key, disc_number, track_number, id");

    case FANFARE_LIBRARY_QUERY_GENRE_TRACKS:
      return g_strdup ("SELECT id, gen FROM tracks WHERE genre_id = ?3"
                       " ORDER BY artist_key, album_key, disc_number, track_number, id");

    case FANFARE_LIBRARY_QUERY_SEARCH:
    default:
      g_assert_not_reached ();
    }
}

/**
 * fanfare_library_query_keys:
 * @db: a connection, used by this thread alone
 * @query: what to list
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type FanfareLibraryKey): the keys of the
 *   list in order, or %NULL with @error set
 */
GArray *
fanfare_library_query_keys (FanfareLibraryDb          *db,
                            const FanfareLibraryQuery *query,
                            GError                   **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (FanfareLibraryKey));
  g_autofree char *trigram = NULL;
  g_autofree char *words = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (query->kind == FANFARE_LIBRARY_QUERY_SEARCH)
    {
      sql = search_sql (query->search != NULL ? query->search : "", &trigram, &words);
      if (sql == NULL)
        return g_steal_pointer (&keys);
    }
  else
    {
      sql = keys_sql (query);
    }

  /* The statement is prepared each time: searches are all different. */
  if (sqlite3_prepare_v2 (fanfare_library_db_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fanfare_library_db_set_error (db, error);
      return NULL;
    }

  if (trigram != NULL)
    sqlite3_bind_text (stmt, 1, trigram, -1, SQLITE_STATIC);
  if (words != NULL)
    sqlite3_bind_text (stmt, 2, words, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_index (stmt, "?3") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?3"), query->filter_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FanfareLibraryKey key = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (keys, key);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      fanfare_library_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

/**
 * fanfare_library_cover_uri:
 * @cover_dir: the cover cache's folder
 * @cover: (nullable): an album's cover key
 * @size: one of the sizes of fanfare-cover-cache.h
 *
 * Returns: (transfer full) (nullable): the file:// URI of the cover
 */
char *
fanfare_library_cover_uri (const char *cover_dir,
                           const char *cover,
                           guint       size)
{
  g_autofree char *path = NULL;

  if (cover == NULL || cover_dir == NULL)
    return NULL;

  path = fanfare_cover_cache_path (cover_dir, cover, size);

  return g_filename_to_uri (path, NULL, NULL);
}

static char *
id_string (sqlite3_stmt *stmt,
           int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
}

#define TEXT(stmt, column) ((const char *) sqlite3_column_text ((stmt), (column)))

static GObject *
track_from_row (sqlite3_stmt *stmt,
                const char   *cover_dir)
{
  g_autofree char *id = id_string (stmt, 0);
  g_autofree char *uri = g_filename_to_uri (TEXT (stmt, 1), NULL, NULL);
  g_autofree char *artist_id = id_string (stmt, 5);
  g_autofree char *album_id = id_string (stmt, 7);
  g_autofree char *cover_uri = fanfare_library_cover_uri (cover_dir, TEXT (stmt, 14),
                                                          FANFARE_COVER_SIZE_LARGE);
  g_auto(GStrv) artists = TEXT (stmt, 4) != NULL ? g_strsplit (TEXT (stmt, 4), "\n", -1) : NULL;
  FanfareLibraryExtras extras = sqlite3_column_int (stmt, 15);

  /* A local file with chapters is treated as an audiobook: it has a book
   * page, and it resumes where the listener stopped. */
  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", id,
                       "kind", (extras & FANFARE_LIBRARY_EXTRAS_CHAPTERS) != 0 ? FANFARE_TRACK_KIND_AUDIOBOOK
                       : FANFARE_TRACK_KIND_SONG,
                       "has-lyrics", (extras & FANFARE_LIBRARY_EXTRAS_LYRICS) != 0,
                       "source", FANFARE_SOURCE_LOCAL,
                       "uri", uri,
                       "title", TEXT (stmt, 2),
                       "artist", TEXT (stmt, 3),
                       "artists", artists,
                       "artist-id", artist_id,
                       "album", TEXT (stmt, 6),
                       "album-id", album_id,
                       "album-artist", TEXT (stmt, 8),
                       "track-number", (guint) sqlite3_column_int (stmt, 9),
                       "disc-number", (guint) sqlite3_column_int (stmt, 10),
                       "year", (guint) sqlite3_column_int (stmt, 11),
                       "genre", TEXT (stmt, 12),
                       "duration", sqlite3_column_int64 (stmt, 13) * G_TIME_SPAN_MILLISECOND,
                       "cover-uri", cover_uri,
                       NULL);
}

static GObject *
album_from_row (sqlite3_stmt *stmt,
                const char   *cover_dir)
{
  g_autofree char *id = id_string (stmt, 0);
  g_autofree char *artist_id = id_string (stmt, 3);
  g_autofree char *cover_uri = fanfare_library_cover_uri (cover_dir, TEXT (stmt, 8),
                                                          FANFARE_COVER_SIZE_LARGE);

  return g_object_new (FANFARE_TYPE_ALBUM,
                       "id", id,
                       "source", FANFARE_SOURCE_LOCAL,
                       "title", TEXT (stmt, 1),
                       "artist", TEXT (stmt, 2),
                       "artist-id", artist_id,
                       "year", (guint) sqlite3_column_int (stmt, 4),
                       "genre", TEXT (stmt, 5),
                       "track-count", (guint) sqlite3_column_int (stmt, 6),
                       "duration", sqlite3_column_int64 (stmt, 7) * G_TIME_SPAN_MILLISECOND,
                       "cover-uri", cover_uri,
                       NULL);
}

static GObject *
artist_from_row (sqlite3_stmt *stmt,
                 const char   *cover_dir)
{
  g_autofree char *id = id_string (stmt, 0);
  g_autofree char *image_uri = fanfare_library_cover_uri (cover_dir, TEXT (stmt, 3),
                                                          FANFARE_COVER_SIZE_LARGE);

  return g_object_new (FANFARE_TYPE_ARTIST,
                       "id", id,
                       "source", FANFARE_SOURCE_LOCAL,
                       "name", TEXT (stmt, 1),
                       "album-count", (guint) sqlite3_column_int (stmt, 2),
                       "image-uri", image_uri,
                       NULL);
}

static GObject *
genre_from_row (sqlite3_stmt *stmt,
                const char   *cover_dir)
{
  g_autofree char *id = id_string (stmt, 0);

  return g_object_new (FANFARE_TYPE_GENRE,
                       "id", id,
                       "source", FANFARE_SOURCE_LOCAL,
                       "name", TEXT (stmt, 1),
                       "track-count", (guint) sqlite3_column_int (stmt, 2),
                       NULL);
}

static const struct {
  GType       (*get_type) (void);
  const char *sql;
  GObject    *(*from_row) (sqlite3_stmt *stmt,
                           const char   *cover_dir);
} row_readers[] = {
  { fanfare_track_get_type,
    "SELECT t.id, t.path, t.title, t.artist, t.artists, t.artist_id, t.album, t.album_id,"
    " t.album_artist, t.track_number, t.disc_number, t.year, t.genre, t.duration_ms, a.cover,"
    " e.extras FROM tracks t LEFT JOIN albums a ON a.id = t.album_id"
    " LEFT JOIN track_extras e ON e.id = t.id WHERE t.id = ?1",
    track_from_row },
  { fanfare_album_get_type,
    "SELECT id, title, artist, artist_id, year, genre, track_count, duration_ms, cover"
    " FROM albums WHERE id = ?1",
    album_from_row },
  { fanfare_artist_get_type,
    "SELECT a.id, a.name, a.album_count, (SELECT cover FROM albums WHERE artist_id = a.id"
    " AND cover IS NOT NULL ORDER BY year DESC LIMIT 1) FROM artists a WHERE a.id = ?1",
    artist_from_row },
  { fanfare_genre_get_type,
    "SELECT id, name, track_count FROM genres WHERE id = ?1",
    genre_from_row },
};

/**
 * fanfare_library_query_item:
 * @db: a connection, used by this thread alone
 * @item_type: the type of the list's items
 * @id: the row
 * @cover_dir: the cover cache's folder
 * @failed: (out) (optional): set when the row could not be read (the index
 *   was busy), as opposed to being gone
 *
 * Returns: (transfer full): the row as a model object; when the row is gone
 *   (the index changed since the keys were read) or could not be read, an
 *   object with only its id
 */
GObject *
fanfare_library_query_item (FanfareLibraryDb *db,
                            GType             item_type,
                            gint64            id,
                            const char       *cover_dir,
                            gboolean         *failed)
{
  g_autofree char *id_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (row_readers); i++)
    {
      sqlite3_stmt *stmt;

      if (row_readers[i].get_type () != item_type)
        continue;

      stmt = fanfare_library_db_prepare (db, row_readers[i].sql, NULL);
      if (stmt != NULL)
        {
          GObject *item = NULL;
          int rc;

          sqlite3_bind_int64 (stmt, 1, id);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            item = row_readers[i].from_row (stmt, cover_dir);
          else if (rc != SQLITE_DONE && failed != NULL)
            *failed = TRUE;
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            g_debug ("Could not read row %" G_GINT64_FORMAT ": %s", id,
                     sqlite3_errmsg (fanfare_library_db_get_handle (db)));
          sqlite3_reset (stmt);
          if (item != NULL)
            return item;
        }
      break;
    }

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return g_object_new (item_type, "id", id_text, "source", FANFARE_SOURCE_LOCAL, NULL);
}
