/* fanfare-library-writer.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fanfare-library-writer.h"
#include "fanfare-search.h"

struct _FanfareLibraryWriter
{
  FanfareLibraryDb *db;
  gint64            generation;
  gboolean          in_transaction;

  /* The ids of this batch's albums, artists and genres by key; cleared at
   * each commit, since counting again may remove some. */
  GHashTable *album_ids;
  GHashTable *artist_ids;
  GHashTable *genre_ids;

  /* What the batch touched, to count again at the commit. */
  GHashTable *touched_albums;
  GHashTable *touched_artists;
  GHashTable *touched_genres;
};

#define ID_TO_POINTER(id) GSIZE_TO_POINTER ((gsize) (id))
#define POINTER_TO_ID(p)  ((gint64) GPOINTER_TO_SIZE (p))

FanfareLibraryWriter *
fanfare_library_writer_new (FanfareLibraryDb *db)
{
  FanfareLibraryWriter *self = g_new0 (FanfareLibraryWriter, 1);

  self->db = fanfare_library_db_ref (db);
  self->album_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->artist_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->genre_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched_albums = g_hash_table_new (NULL, NULL);
  self->touched_artists = g_hash_table_new (NULL, NULL);
  self->touched_genres = g_hash_table_new (NULL, NULL);

  return self;
}

void
fanfare_library_writer_free (FanfareLibraryWriter *self)
{
  if (self == NULL)
    return;

  fanfare_library_writer_rollback (self);
  g_hash_table_unref (self->album_ids);
  g_hash_table_unref (self->artist_ids);
  g_hash_table_unref (self->genre_ids);
  g_hash_table_unref (self->touched_albums);
  g_hash_table_unref (self->touched_artists);
  g_hash_table_unref (self->touched_genres);
  fanfare_library_db_unref (self->db);
  g_free (self);
}

static gboolean
step_done (FanfareLibraryWriter *self,
           sqlite3_stmt         *stmt,
           GError              **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fanfare_library_db_set_error (self->db, error);

  return TRUE;
}

/* Forgets the batch's ids and what it touched: after the transaction they
 * may no longer hold. */
static void
clear_batch (FanfareLibraryWriter *self)
{
  g_hash_table_remove_all (self->album_ids);
  g_hash_table_remove_all (self->artist_ids);
  g_hash_table_remove_all (self->genre_ids);
  g_hash_table_remove_all (self->touched_albums);
  g_hash_table_remove_all (self->touched_artists);
  g_hash_table_remove_all (self->touched_genres);
}

gboolean
fanfare_library_writer_begin (FanfareLibraryWriter *self,
                              GError              **error)
{
  sqlite3_stmt *stmt;

  g_assert (!self->in_transaction);

  if (!fanfare_library_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;

  stmt = fanfare_library_db_prepare (self->db, "SELECT value FROM meta WHERE key = 'generation'", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      fanfare_library_writer_rollback (self);
      return stmt == NULL ? FALSE : fanfare_library_db_set_error (self->db, error);
    }
  self->generation = sqlite3_column_int64 (stmt, 0) + 1;
  sqlite3_reset (stmt);

  return TRUE;
}

void
fanfare_library_writer_rollback (FanfareLibraryWriter *self)
{
  if (!self->in_transaction)
    return;

  fanfare_library_db_exec (self->db, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  clear_batch (self);
}

static void
touch (GHashTable *touched,
       gint64      id)
{
  if (id > 0)
    g_hash_table_add (touched, ID_TO_POINTER (id));
}

/* The id of the artist or genre named @name, added when new. */
static gint64
ensure_named (FanfareLibraryWriter *self,
              GHashTable           *cache,
              const char           *select_sql,
              const char           *insert_sql,
              const char           *name,
              const char           *key,
              GError              **error)
{
  sqlite3_stmt *stmt;
  gpointer cached;
  gint64 id;

  if (g_hash_table_lookup_extended (cache, key, NULL, &cached))
    return POINTER_TO_ID (cached);

  if ((stmt = fanfare_library_db_prepare (self->db, select_sql, error)) == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  else
    {
      if ((stmt = fanfare_library_db_prepare (self->db, insert_sql, error)) == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return -1;
      id = sqlite3_last_insert_rowid (fanfare_library_db_get_handle (self->db));
    }

  g_hash_table_insert (cache, g_strdup (key), ID_TO_POINTER (id));

  return id;
}

static gint64
ensure_artist (FanfareLibraryWriter *self,
               const char           *name,
               const char           *key,
               GError              **error)
{
  if (name == NULL)
    return 0;

  return ensure_named (self, self->artist_ids,
                       "SELECT id FROM artists WHERE name_key = ?1",
                       "INSERT INTO artists (name, name_key) VALUES (?1, ?2)",
                       name, key, error);
}

static gint64
ensure_genre (FanfareLibraryWriter *self,
              const char           *name,
              const char           *key,
              GError              **error)
{
  if (name == NULL)
    return 0;

  return ensure_named (self, self->genre_ids,
                       "SELECT id FROM genres WHERE name_key = ?1",
                       "INSERT INTO genres (name, name_key) VALUES (?1, ?2)",
                       name, key, error);
}

/**
 * fanfare_library_album_key:
 * @tags: the tags of a track with an album
 *
 * An album is its title and its album artist, or the track's first artist
 * when there is none, compared folded.
 *
 * Returns: (transfer full): the key, the same for every track of the album
 */
char *
fanfare_library_album_key (FanfareTags *tags)
{
  const char *artist = tags->album_artist != NULL ? tags->album_artist : tags->artists[0];
  g_autofree char *title_key = fanfare_search_fold (tags->album);
  g_autofree char *artist_key = fanfare_search_fold (artist);

  return g_strconcat (title_key, "\x1f", artist_key, NULL);
}

static gint64
ensure_album (FanfareLibraryWriter   *self,
              FanfareTags            *tags,
              const FanfareTrackKeys *keys,
              GError                **error)
{
  const char *artist = tags->album_artist != NULL ? tags->album_artist : tags->artists[0];
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gpointer cached;
  gint64 artist_id;
  gint64 id;

  if (tags->album == NULL)
    return 0;

  key = g_strconcat (keys->album_key, "\x1f", keys->album_artist_key, NULL);
  if (g_hash_table_lookup_extended (self->album_ids, key, NULL, &cached))
    return POINTER_TO_ID (cached);

  if ((stmt = fanfare_library_db_prepare (self->db,
                                          "SELECT id FROM albums WHERE title_key = ?1 AND artist_key = ?2",
                                          error)) == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, keys->album_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, keys->album_artist_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  else
    {
      if ((artist_id = ensure_artist (self, artist, keys->album_artist_key, error)) < 0)
        return -1;
      if ((stmt = fanfare_library_db_prepare (self->db,
                                              "INSERT INTO albums (title, title_key, artist, artist_key, artist_id)"
                                              " VALUES (?1, ?2, ?3, ?4, nullif (?5, 0))", error)) == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, tags->album, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, keys->album_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, artist, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, keys->album_artist_key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, artist_id);
      if (!step_done (self, stmt, error))
        return -1;
      id = sqlite3_last_insert_rowid (fanfare_library_db_get_handle (self->db));
      touch (self->touched_artists, artist_id);
    }

  g_hash_table_insert (self->album_ids, g_steal_pointer (&key), ID_TO_POINTER (id));

  return id;
}

/* Marks the album, artist and genre of the track at @path (if indexed) as
 * touched, and returns its id, 0 when there is none. */
static gint64
touch_old_row (FanfareLibraryWriter *self,
               const char           *sql,
               gint64                id,
               const char           *path,
               GError              **error)
{
  sqlite3_stmt *stmt = fanfare_library_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return -1;

  if (path != NULL)
    sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  touch (self->touched_albums, sqlite3_column_int64 (stmt, 1));
  touch (self->touched_artists, sqlite3_column_int64 (stmt, 2));
  touch (self->touched_genres, sqlite3_column_int64 (stmt, 3));
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
delete_fts (FanfareLibraryWriter *self,
            gint64                id,
            GError              **error)
{
  static const char *sql[] = {
    "DELETE FROM tracks_fts WHERE rowid = ?1",
    "DELETE FROM tracks_words WHERE rowid = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = fanfare_library_db_prepare (self->db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_fts (FanfareLibraryWriter   *self,
            gint64                  id,
            const FanfareTrackKeys *keys,
            GError                **error)
{
  static const char *sql[] = {
    "INSERT INTO tracks_fts (rowid, title, artist, album) VALUES (?1, ?2, ?3, ?4)",
    "INSERT INTO tracks_words (rowid, title, artist, album) VALUES (?1, ?2, ?3, ?4)",
  };
  char * const *texts[] = { keys->search, keys->words };

  for (guint t = 0; t < G_N_ELEMENTS (sql); t++)
    {
      sqlite3_stmt *stmt = fanfare_library_db_prepare (self->db, sql[t], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      for (guint i = 0; i < 3; i++)
        sqlite3_bind_text (stmt, i + 2, texts[t][i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_real_or_null (sqlite3_stmt *stmt,
                   int           column,
                   double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_double (stmt, column, value);
}

static const char upsert_sql[] =
  "INSERT INTO tracks (path, mtime, size, added, gen, title, title_key, artist, artists,"
  " artist_key, artist_id, album, album_key, album_id, album_artist, genre, genre_id,"
  " track_number, disc_number, year, duration_ms, bitrate, sample_rate, track_gain,"
  " track_peak, album_gain, album_peak, mb_track_id, mb_album_id, mb_artist_id,"
  " mb_album_artist_id, lyrics)"
  " VALUES (?1, ?2, ?3, strftime ('%s', 'now'), ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0), ?11, ?12,"
  " nullif (?13, 0), ?14, ?15, nullif (?16, 0), ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25,"
  " ?26, ?27, ?28, ?29, ?30, ?31)"
  " ON CONFLICT (path) DO UPDATE SET mtime = excluded.mtime, size = excluded.size,"
  " gen = excluded.gen, title = excluded.title, title_key = excluded.title_key,"
  " artist = excluded.artist, artists = excluded.artists, artist_key = excluded.artist_key,"
  " artist_id = excluded.artist_id, album = excluded.album, album_key = excluded.album_key,"
  " album_id = excluded.album_id, album_artist = excluded.album_artist, genre = excluded.genre,"
  " genre_id = excluded.genre_id, track_number = excluded.track_number,"
  " disc_number = excluded.disc_number, year = excluded.year,"
  " duration_ms = excluded.duration_ms, bitrate = excluded.bitrate,"
  " sample_rate = excluded.sample_rate, track_gain = excluded.track_gain,"
  " track_peak = excluded.track_peak, album_gain = excluded.album_gain,"
  " album_peak = excluded.album_peak, mb_track_id = excluded.mb_track_id,"
  " mb_album_id = excluded.mb_album_id, mb_artist_id = excluded.mb_artist_id,"
  " mb_album_artist_id = excluded.mb_album_artist_id, lyrics = excluded.lyrics"
  " RETURNING id";

/* Where the track's lyrics and chapters are; a row only when there are
 * any, since most songs have neither. */
static gboolean
put_extras (FanfareLibraryWriter *self,
            gint64                id,
            FanfareLibraryExtras  extras,
            GError              **error)
{
  sqlite3_stmt *stmt;

  stmt = fanfare_library_db_prepare (self->db,
                                     extras != FANFARE_LIBRARY_EXTRAS_NONE
                                     ? "INSERT OR REPLACE INTO track_extras (id, extras) VALUES (?1, ?2)"
                                     : "DELETE FROM track_extras WHERE id = ?1 AND ?2 = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, extras);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fanfare_library_db_set_error (self->db, error);
  sqlite3_reset (stmt);

  return TRUE;
}

static void
bind_track (sqlite3_stmt           *stmt,
            FanfareTags            *tags,
            const FanfareTrackKeys *keys)
{
  g_autofree char *artists = g_strjoinv ("\n", tags->artists);

  bind_text_or_null (stmt, 7, tags->artist);
  bind_text_or_null (stmt, 8, artists[0] != '\0' ? artists : NULL);
  sqlite3_bind_text (stmt, 9, keys->artist_key, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 11, tags->album);
  sqlite3_bind_text (stmt, 12, keys->album_key, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 14, tags->album_artist);
  bind_text_or_null (stmt, 15, tags->genre);
  sqlite3_bind_int (stmt, 17, tags->track_number);
  sqlite3_bind_int (stmt, 18, tags->disc_number);
  sqlite3_bind_int (stmt, 19, tags->year);
  sqlite3_bind_int64 (stmt, 20, tags->duration_ms);
  sqlite3_bind_int (stmt, 21, tags->bitrate_kbps);
  sqlite3_bind_int (stmt, 22, tags->sample_rate);
  bind_real_or_null (stmt, 23, tags->track_gain);
  bind_real_or_null (stmt, 24, tags->track_peak);
  bind_real_or_null (stmt, 25, tags->album_gain);
  bind_real_or_null (stmt, 26, tags->album_peak);
  bind_text_or_null (stmt, 27, tags->mb_track_id);
  bind_text_or_null (stmt, 28, tags->mb_album_id);
  bind_text_or_null (stmt, 29, tags->mb_artist_id);
  bind_text_or_null (stmt, 30, tags->mb_album_artist_id);
  bind_text_or_null (stmt, 31, tags->lyrics);
}

/* A file without a title shows its name without the extension. */
static char *
title_for (const char  *path,
           FanfareTags *tags)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  char *dot;

  if (tags->title != NULL)
    return g_strdup (tags->title);

  basename = g_path_get_basename (path);
  display = g_filename_display_name (basename);
  if ((dot = strrchr (display, '.')) != NULL && dot != display)
    *dot = '\0';

  return g_steal_pointer (&display);
}

/**
 * fanfare_track_keys_new:
 * @path: the track's file
 * @tags: its tags
 *
 * Folds what the index sorts, groups and searches by. The scan calls it in
 * its reader threads, so that the one thread that writes has less to do.
 *
 * Returns: (transfer full): the keys, for fanfare_library_writer_put_track()
 */
FanfareTrackKeys *
fanfare_track_keys_new (const char  *path,
                        FanfareTags *tags)
{
  FanfareTrackKeys *keys = g_new0 (FanfareTrackKeys, 1);
  const char *album_artist = tags->album_artist != NULL ? tags->album_artist : tags->artists[0];
  const char *texts[3];

  keys->title = title_for (path, tags);
  keys->title_key = fanfare_search_sort_key (keys->title);
  keys->artist_key = fanfare_search_sort_key (tags->artist);
  keys->first_artist_key = fanfare_search_sort_key (tags->artists[0]);
  keys->album_key = fanfare_search_sort_key (tags->album);
  keys->album_artist_key = fanfare_search_sort_key (album_artist);
  keys->genre_key = fanfare_search_sort_key (tags->genre);

  texts[0] = keys->title;
  texts[1] = tags->artist;
  texts[2] = tags->album;
  for (guint i = 0; i < 3; i++)
    {
      keys->search[i] = fanfare_search_fold (texts[i]);
      keys->words[i] = fanfare_search_space_cjk (keys->search[i]);
    }

  return keys;
}

void
fanfare_track_keys_free (FanfareTrackKeys *keys)
{
  if (keys == NULL)
    return;

  g_free (keys->title);
  g_free (keys->title_key);
  g_free (keys->artist_key);
  g_free (keys->first_artist_key);
  g_free (keys->album_key);
  g_free (keys->album_artist_key);
  g_free (keys->genre_key);
  for (guint i = 0; i < 3; i++)
    {
      g_free (keys->search[i]);
      g_free (keys->words[i]);
    }
  g_free (keys);
}

static gboolean
set_album_cover (FanfareLibraryWriter *self,
                 gint64                album_id,
                 const char           *cover,
                 GError              **error)
{
  sqlite3_stmt *stmt;

  if (album_id <= 0 || cover == NULL)
    return TRUE;

  stmt = fanfare_library_db_prepare (self->db,
                                     "UPDATE albums SET cover = ?2"
                                     " WHERE id = ?1 AND cover IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, album_id);
  sqlite3_bind_text (stmt, 2, cover, -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/**
 * fanfare_library_writer_put_track:
 * @self: a writer in a batch
 * @path: the track's file
 * @mtime: its modification time, in nanoseconds
 * @size: its size
 * @tags: its tags
 * @keys: (nullable): from fanfare_track_keys_new(), or %NULL to make them
 * @cover: (nullable): the key of its album's cover, when the cache has it
 * @is_new: %TRUE when the caller knows the index has no track at @path,
 *   which spares looking for it
 * @error: return location for a #GError
 *
 * Adds the track, or writes it again.
 */
gboolean
fanfare_library_writer_put_track (FanfareLibraryWriter   *self,
                                  const char             *path,
                                  gint64                  mtime,
                                  gint64                  size,
                                  FanfareTags            *tags,
                                  const FanfareTrackKeys *keys,
                                  const char             *cover,
                                  gboolean                is_new,
                                  GError                **error)
{
  g_autoptr(FanfareTrackKeys) own_keys = NULL;
  gint64 artist_id, album_id, genre_id, old_id, id;
  sqlite3_stmt *stmt;

  g_assert (self->in_transaction);

  if (keys == NULL)
    keys = own_keys = fanfare_track_keys_new (path, tags);

  old_id = is_new ? 0 : touch_old_row (self, "SELECT id, album_id, artist_id, genre_id FROM tracks"
                                       " WHERE path = ?1", 0, path, error);
  if (old_id < 0 ||
      (artist_id = ensure_artist (self, tags->artists[0], keys->first_artist_key, error)) < 0 ||
      (album_id = ensure_album (self, tags, keys, error)) < 0 ||
      (genre_id = ensure_genre (self, tags->genre, keys->genre_key, error)) < 0 ||
      !set_album_cover (self, album_id, cover, error))
    return FALSE;

  if ((stmt = fanfare_library_db_prepare (self->db, upsert_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, mtime);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_int64 (stmt, 4, self->generation);
  sqlite3_bind_text (stmt, 5, keys->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, keys->title_key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, artist_id);
  sqlite3_bind_int64 (stmt, 13, album_id);
  sqlite3_bind_int64 (stmt, 16, genre_id);
  bind_track (stmt, tags, keys);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fanfare_library_db_set_error (self->db, error);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  touch (self->touched_albums, album_id);
  touch (self->touched_artists, artist_id);
  touch (self->touched_genres, genre_id);

  return (old_id == 0 || delete_fts (self, id, error)) &&
         insert_fts (self, id, keys, error) &&
         put_extras (self, id, tags->extras, error);
}

/**
 * fanfare_library_writer_set_cover:
 * @self: a writer in a batch
 * @album_key: as fanfare_library_album_key() makes it
 * @cover: the key of the album's cover in the cache
 * @error: return location for a #GError
 *
 * Gives the album its cover; the album and its tracks count as written
 * again, so that the lists show it.
 */
gboolean
fanfare_library_writer_set_cover (FanfareLibraryWriter *self,
                                  const char           *album_key,
                                  const char           *cover,
                                  GError              **error)
{
  g_auto(GStrv) keys = g_strsplit (album_key, "\x1f", 2);
  sqlite3_stmt *stmt;

  g_assert (self->in_transaction);
  g_assert (g_strv_length (keys) == 2);

  stmt = fanfare_library_db_prepare (self->db,
                                     "UPDATE albums SET cover = ?3, gen = ?4"
                                     " WHERE title_key = ?1 AND artist_key = ?2 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, keys[0], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, keys[1], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cover, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, self->generation);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sqlite3_reset (stmt) == SQLITE_OK || fanfare_library_db_set_error (self->db, error);
  touch (self->touched_albums, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  /* The tracks show the album's cover too. */
  stmt = fanfare_library_db_prepare (self->db,
                                     "UPDATE tracks SET gen = ?2 WHERE album_id ="
                                     " (SELECT id FROM albums WHERE cover = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cover, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->generation);

  return step_done (self, stmt, error);
}

gboolean
fanfare_library_writer_remove_track (FanfareLibraryWriter *self,
                                     gint64                id,
                                     GError              **error)
{
  sqlite3_stmt *stmt;

  g_assert (self->in_transaction);

  if (touch_old_row (self, "SELECT id, album_id, artist_id, genre_id FROM tracks WHERE id = ?1",
                     id, NULL, error) <= 0)
    return TRUE;

  if ((stmt = fanfare_library_db_prepare (self->db, "DELETE FROM tracks WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (self, stmt, error) && delete_fts (self, id, error);
}

gboolean
fanfare_library_writer_put_problem (FanfareLibraryWriter      *self,
                                    const char                *path,
                                    FanfareLibraryProblemKind  kind,
                                    const char                *detail,
                                    GError                   **error)
{
  sqlite3_stmt *stmt;

  g_assert (self->in_transaction);

  stmt = fanfare_library_db_prepare (self->db,
                                     "INSERT OR REPLACE INTO problems (path, kind, detail, time)"
                                     " VALUES (?1, ?2, ?3, strftime ('%s', 'now'))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, kind);
  bind_text_or_null (stmt, 3, detail);

  return step_done (self, stmt, error);
}

gboolean
fanfare_library_writer_clear_problem (FanfareLibraryWriter *self,
                                      const char           *path,
                                      GError              **error)
{
  sqlite3_stmt *stmt;

  g_assert (self->in_transaction);

  stmt = fanfare_library_db_prepare (self->db, "DELETE FROM problems WHERE path = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);

  return step_done (self, stmt, error);
}

/* Runs @sql, whose ?1 is each id of @ids and ?2 the generation. */
static gboolean
for_each_id (FanfareLibraryWriter *self,
             GHashTable           *ids,
             const char           *sql,
             GError              **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt = fanfare_library_db_prepare (self->db, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, POINTER_TO_ID (key));
      if (sqlite3_bind_parameter_count (stmt) > 1)
        sqlite3_bind_int64 (stmt, 2, self->generation);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
touch_album_artists (FanfareLibraryWriter *self,
                     GError              **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->touched_albums);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt = fanfare_library_db_prepare (self->db,
                                                       "SELECT artist_id FROM albums WHERE id = ?1",
                                                       error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, POINTER_TO_ID (key));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        touch (self->touched_artists, sqlite3_column_int64 (stmt, 0));
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/* Counts again what the batch touched; what is left empty goes. */
static gboolean
update_aggregates (FanfareLibraryWriter *self,
                   GError              **error)
{
  return touch_album_artists (self, error) &&
         for_each_id (self, self->touched_albums,
                      "UPDATE albums SET (track_count, duration_ms, year, genre) ="
                      " (SELECT count(*), total (duration_ms), coalesce (max (year), 0), max (genre)"
                      " FROM tracks WHERE album_id = ?1), gen = ?2 WHERE id = ?1", error) &&
         for_each_id (self, self->touched_albums,
                      "DELETE FROM albums WHERE id = ?1 AND track_count = 0", error) &&
         for_each_id (self, self->touched_artists,
                      "UPDATE artists SET track_count = (SELECT count(*) FROM tracks WHERE artist_id = ?1),"
                      " album_count = (SELECT count(*) FROM albums WHERE artist_id = ?1), gen = ?2"
                      " WHERE id = ?1", error) &&
         for_each_id (self, self->touched_artists,
                      "DELETE FROM artists WHERE id = ?1 AND track_count = 0 AND album_count = 0",
                      error) &&
         for_each_id (self, self->touched_genres,
                      "UPDATE genres SET track_count = (SELECT count(*) FROM tracks WHERE genre_id = ?1),"
                      " gen = ?2 WHERE id = ?1", error) &&
         for_each_id (self, self->touched_genres,
                      "DELETE FROM genres WHERE id = ?1 AND track_count = 0", error);
}

gboolean
fanfare_library_writer_commit (FanfareLibraryWriter *self,
                               GError              **error)
{
  sqlite3_stmt *stmt;

  g_assert (self->in_transaction);

  if (!update_aggregates (self, error) ||
      (stmt = fanfare_library_db_prepare (self->db,
                                          "UPDATE meta SET value = ?1 WHERE key = 'generation'",
                                          error)) == NULL)
    {
      fanfare_library_writer_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, self->generation);
  if (!step_done (self, stmt, error) ||
      !fanfare_library_db_exec (self->db, "COMMIT", error))
    {
      fanfare_library_writer_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  clear_batch (self);

  return TRUE;
}
