/* fanfare-library-db.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The SQLite index: the connection, its prepared statements and the schema,
 * brought up to date by `PRAGMA user_version` when the file is opened. */

#include "config.h"

#include <glib/gstdio.h>

#include "fanfare-library-db.h"
#include "fanfare-library-types.h"
#include "fanfare-search.h"

struct _FanfareLibraryDb
{
  sqlite3    *handle;
  char       *path;
  GHashTable *statements;      /* SQL text (static) -> sqlite3_stmt */
};

/* Each step takes the schema from the version before it to the next one. */
static const char *migrations[] = {
  /* 1: tracks with their albums, artists and genres, the problems of the
   * last scans, and the two full-text tables that fanfare-search.c
   * describes. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
  "INSERT INTO meta VALUES ('generation', 0);"
  "CREATE TABLE artists ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
  "  track_count INTEGER NOT NULL DEFAULT 0, album_count INTEGER NOT NULL DEFAULT 0,"
  "  gen INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE genres ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,"
  "  track_count INTEGER NOT NULL DEFAULT 0, gen INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE albums ("
  "  id INTEGER PRIMARY KEY, title TEXT NOT NULL, title_key TEXT NOT NULL,"
  "  artist TEXT, artist_key TEXT NOT NULL, artist_id INTEGER, year INTEGER NOT NULL DEFAULT 0,"
  "  genre TEXT, track_count INTEGER NOT NULL DEFAULT 0,"
  "  duration_ms INTEGER NOT NULL DEFAULT 0, cover TEXT, gen INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (title_key, artist_key));"
  "CREATE INDEX albums_artist ON albums (artist_id);"
  "CREATE TABLE tracks ("
  "  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, mtime INTEGER NOT NULL,"
  "  size INTEGER NOT NULL, added INTEGER NOT NULL, gen INTEGER NOT NULL,"
  "  title TEXT NOT NULL, title_key TEXT NOT NULL, artist TEXT, artists TEXT,"
  "  artist_key TEXT NOT NULL, artist_id INTEGER, album TEXT, album_key TEXT NOT NULL,"
  "  album_id INTEGER, album_artist TEXT, genre TEXT, genre_id INTEGER,"
  "  track_number INTEGER NOT NULL DEFAULT 0, disc_number INTEGER NOT NULL DEFAULT 0,"
  "  year INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT 0,"
  "  bitrate INTEGER NOT NULL DEFAULT 0, sample_rate INTEGER NOT NULL DEFAULT 0,"
  "  track_gain REAL, track_peak REAL, album_gain REAL, album_peak REAL,"
  "  mb_track_id TEXT, mb_album_id TEXT, mb_artist_id TEXT, mb_album_artist_id TEXT,"
  "  lyrics TEXT);"
  "CREATE INDEX tracks_title ON tracks (title_key, id);"
  "CREATE INDEX tracks_artist ON tracks (artist_key, album_key, disc_number, track_number, id);"
  "CREATE INDEX tracks_album ON tracks (album_key, disc_number, track_number, id);"
  "CREATE INDEX tracks_duration ON tracks (duration_ms, id);"
  "CREATE INDEX tracks_year ON tracks (year, id);"
  "CREATE INDEX tracks_added ON tracks (added, id);"
  "CREATE INDEX tracks_album_id ON tracks (album_id, disc_number, track_number, id);"
  "CREATE INDEX tracks_artist_id ON tracks (artist_id);"
  "CREATE INDEX tracks_genre_id ON tracks (genre_id);"
  "CREATE TABLE problems ("
  "  path TEXT PRIMARY KEY, kind INTEGER NOT NULL, detail TEXT, time INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE tracks_fts USING fts5 (title, artist, album, tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE tracks_words USING fts5 (title, artist, album,"
  "  tokenize = 'unicode61 remove_diacritics 2');",

  /* 2: numbers in sort keys sort by value (fanfare_search_sort_key()).
   * The keys pass through values of their own first, so that no new key
   * meets an old one in a UNIQUE index on the way. */
  "UPDATE artists SET name_key = char (1) || id;"
  "UPDATE artists SET name_key = fanfare_sort_key (name);"
  "UPDATE genres SET name_key = char (1) || id;"
  "UPDATE genres SET name_key = fanfare_sort_key (name);"
  "UPDATE albums SET title_key = char (1) || id;"
  "UPDATE albums SET title_key = fanfare_sort_key (title), artist_key = fanfare_sort_key (artist);"
  "UPDATE tracks SET title_key = fanfare_sort_key (title), artist_key = fanfare_sort_key (artist),"
  "  album_key = fanfare_sort_key (album);",

  /* 3: playlists kept on this computer (fanfare-local-playlists.c). An
   * entry is a library track (track_id, its path kept to find it again) or
   * a platform track (platform_id); either way its title, artist and
   * duration are kept so that it still shows when the track is gone. The
   * step may run again on an index set back to an older version. */
  "CREATE TABLE IF NOT EXISTS local_playlists ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL, modified INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS local_playlist_entries ("
  "  id INTEGER PRIMARY KEY, playlist_id INTEGER NOT NULL, position INTEGER NOT NULL,"
  "  track_id INTEGER, path TEXT, platform_id TEXT,"
  "  title TEXT NOT NULL, artist TEXT, duration_ms INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX IF NOT EXISTS local_playlist_entries_order"
  "  ON local_playlist_entries (playlist_id, position);",

  /* 4: where each track's lyrics and chapters are (FanfareLibraryExtras),
   * for the tracks that have any; the writer keeps it, and it goes with
   * its track. Every file is read again at the next scan to find them.
   * The step may run again, as the one before. */
  "CREATE TABLE IF NOT EXISTS track_extras ("
  "  id INTEGER PRIMARY KEY, extras INTEGER NOT NULL);"
  "CREATE TRIGGER IF NOT EXISTS track_extras_gone AFTER DELETE ON tracks"
  "  BEGIN DELETE FROM track_extras WHERE id = old.id; END;"
  "UPDATE tracks SET mtime = -1;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == FANFARE_LIBRARY_DB_VERSION);

gboolean
fanfare_library_db_set_error (FanfareLibraryDb *self,
                              GError          **error)
{
  g_set_error (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_DATABASE,
               "%s: %s", self->path, sqlite3_errmsg (self->handle));

  return FALSE;
}

gboolean
fanfare_library_db_exec (FanfareLibraryDb *self,
                         const char       *sql,
                         GError          **error)
{
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fanfare_library_db_set_error (self, error);

  return TRUE;
}

/**
 * fanfare_library_db_prepare:
 * @self: a connection
 * @sql: a statement whose text lives as long as the program (a literal)
 * @error: return location for a #GError
 *
 * The caller steps the statement to its end or resets it: a statement left
 * on a row keeps its read transaction open, and the connection would go on
 * seeing the index as it was then.
 *
 * Returns: (transfer none): the statement, prepared once per connection and
 *   reset, with its bindings cleared, before it is returned
 */
sqlite3_stmt *
fanfare_library_db_prepare (FanfareLibraryDb *self,
                            const char       *sql,
                            GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      fanfare_library_db_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

static void
sort_key_function (sqlite3_context *context,
                   int              argc,
                   sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, fanfare_search_sort_key (text), -1, g_free);
}

static int
user_version (FanfareLibraryDb *self)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (self, "PRAGMA user_version", NULL);
  int version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return version;
}

static gboolean
migrate (FanfareLibraryDb *self,
         GError          **error)
{
  int version = user_version (self);

  if (version < 0)
    return fanfare_library_db_set_error (self, error);

  if (version > FANFARE_LIBRARY_DB_VERSION)
    {
      g_set_error (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_DATABASE,
                   "%s: the index was written by a newer version (schema %d)",
                   self->path, version);
      return FALSE;
    }

  for (; version < FANFARE_LIBRARY_DB_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!fanfare_library_db_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!fanfare_library_db_exec (self, migrations[version], error) ||
          !fanfare_library_db_exec (self, bump, error))
        {
          fanfare_library_db_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!fanfare_library_db_exec (self, "COMMIT", error))
        return FALSE;
      g_debug ("Index %s migrated to schema %d", self->path, version + 1);
    }

  return TRUE;
}

/**
 * fanfare_library_db_open:
 * @path: the database file; its folder is made when missing
 * @error: return location for a #GError
 *
 * Opens the index in WAL mode and brings its schema up to date.
 *
 * Returns: (transfer full): a connection, or %NULL with @error set
 */
FanfareLibraryDb *
fanfare_library_db_open (const char *path,
                         GError    **error)
{
  static gsize configured = 0;
  g_autoptr(FanfareLibraryDb) self = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* Counting memory takes a global lock at every allocation, which the
   * scan's writer and the models' readers would contend for. It has to be
   * said before SQLite starts; if something else started it, it stays. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_atomic_rc_box_new0 (FanfareLibraryDb);
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      fanfare_library_db_set_error (self, error);
      return NULL;
    }

  /* A scan writing while a model reads waits a little rather than fails. */
  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_create_function (self->handle, "fanfare_sort_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sort_key_function, NULL, NULL);
  if (!fanfare_library_db_exec (self,
                                "PRAGMA journal_mode = WAL;"
                                "PRAGMA synchronous = NORMAL;"
                                "PRAGMA temp_store = MEMORY;", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
fanfare_library_db_clear (gpointer  data)
{
  FanfareLibraryDb *self = data;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close (self->handle);
  g_free (self->path);
}

FanfareLibraryDb *
fanfare_library_db_ref (FanfareLibraryDb *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
fanfare_library_db_unref (FanfareLibraryDb *self)
{
  g_atomic_rc_box_release_full (self, fanfare_library_db_clear);
}

const char *
fanfare_library_db_get_path (FanfareLibraryDb *self)
{
  return self->path;
}

sqlite3 *
fanfare_library_db_get_handle (FanfareLibraryDb *self)
{
  return self->handle;
}

/**
 * fanfare_library_db_count_tracks:
 * @self: a connection
 * @folder: (nullable): a folder, or %NULL for the whole library
 *
 * Returns: the number of tracks in the index under @folder, or -1 when it
 *   cannot be read
 */
gint64
fanfare_library_db_count_tracks (FanfareLibraryDb *self,
                                 const char       *folder)
{
  sqlite3_stmt *stmt;
  gint64 count;

  if (folder == NULL)
    {
      stmt = fanfare_library_db_prepare (self, "SELECT count(*) FROM tracks", NULL);
    }
  else
    {
      stmt = fanfare_library_db_prepare (self,
                                         "SELECT count(*) FROM tracks"
                                         " WHERE path > ?1 || '/' AND path < ?1 || '0'", NULL);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, folder, -1, SQLITE_TRANSIENT);
    }

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * fanfare_library_db_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/fanfare/library.db`
 */
char *
fanfare_library_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fanfare", "library.db", NULL);
}
