/* fanfare-media-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Media files under DATA_DIR/media, each named by the SHA-256 of its
 * content: media/ab/ab12…ef. A path is only ever built from a hash that
 * is 64 lowercase hex digits, so nothing a client sends can name a file
 * outside the folder.
 *
 * Streams map their file; every stream of one file shares one mapping, so
 * memory grows with the files being played, not with the listeners. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-media-store.h"

#define COPY_BUFFER_SIZE (256 * 1024)

typedef struct {
  FanfareMediaStore *store;  /* borrowed; the store waits for mappings to go */
  char              *hash;
  GMappedFile       *file;
  guint              users;  /* under the store's mutex */
} Mapping;

struct _FanfareMediaStore
{
  GObject          parent_instance;

  FanfareDatabase *db;
  char            *directory;

  GMutex           mutex;
  GHashTable      *mappings;  /* hash -> Mapping */
};

G_DEFINE_FINAL_TYPE (FanfareMediaStore, fanfare_media_store, G_TYPE_OBJECT)

static void
fanfare_media_store_finalize (GObject *object)
{
  FanfareMediaStore *self = FANFARE_MEDIA_STORE (object);

  /* Every mapped GBytes holds the store through its mapping. */
  g_assert (g_hash_table_size (self->mappings) == 0);
  g_hash_table_unref (self->mappings);
  g_mutex_clear (&self->mutex);
  g_clear_object (&self->db);
  g_free (self->directory);

  G_OBJECT_CLASS (fanfare_media_store_parent_class)->finalize (object);
}

static void
fanfare_media_store_class_init (FanfareMediaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_media_store_finalize;
}

static void
fanfare_media_store_init (FanfareMediaStore *self)
{
  g_mutex_init (&self->mutex);
  self->mappings = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * fanfare_media_store_new:
 * @directory: the media folder, created when missing
 *
 * Returns: (transfer full): the media store, or %NULL with @error set
 */
FanfareMediaStore *
fanfare_media_store_new (FanfareDatabase *db,
                         const char      *directory,
                         GError         **error)
{
  FanfareMediaStore *self;

  g_return_val_if_fail (FANFARE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0750) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create the media folder %s: %s", directory, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (FANFARE_TYPE_MEDIA_STORE, NULL);
  self->db = g_object_ref (db);
  self->directory = g_strdup (directory);

  return self;
}

/**
 * fanfare_media_store_is_valid_hash:
 * @hash: (nullable): a string from anywhere
 *
 * Returns: whether @hash is a SHA-256 in lowercase hex, the only form of
 *   media name the store accepts
 */
gboolean
fanfare_media_store_is_valid_hash (const char *hash)
{
  if (hash == NULL)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (hash[i]) || g_ascii_isupper (hash[i]))
      return FALSE;

  return hash[64] == '\0';
}

static char *
path_for_hash (FanfareMediaStore *self,
               const char        *hash)
{
  char prefix[3] = { hash[0], hash[1], '\0' };

  return g_build_filename (self->directory, prefix, hash, NULL);
}

/**
 * fanfare_media_store_get_path:
 *
 * Returns: (transfer full): where the media named @hash lives, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND for anything that is not a valid hash
 */
char *
fanfare_media_store_get_path (FanfareMediaStore *self,
                              const char        *hash,
                              GError           **error)
{
  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), NULL);

  if (!fanfare_media_store_is_valid_hash (hash))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such media");
      return NULL;
    }

  return path_for_hash (self, hash);
}

static gboolean
insert_media (FanfareMediaStore *self,
              const char        *hash,
              const char        *content_type,
              gint64             size,
              GError           **error)
{
  static const char sql[] =
    "INSERT INTO media (hash, content_type, size, created_at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (hash) DO NOTHING";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (self->db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, hash);
  _fanfare_statement_bind_text (stmt, 2, content_type);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_int64 (stmt, 4, _fanfare_now ());

  return _fanfare_statement_run (stmt, error);
}

/* Moves a finished temporary file to its place; the same content stored
 * twice is one file. */
static char *
commit_file (FanfareMediaStore *self,
             const char        *temp_path,
             GChecksum         *checksum,
             const char        *content_type,
             gint64             size,
             GError           **error)
{
  g_autofree char *hash = g_strdup (g_checksum_get_string (checksum));
  g_autofree char *path = path_for_hash (self, hash);
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0750) != 0 || g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot store media %s: %s", hash, g_strerror (saved_errno));
      return NULL;
    }

  if (!insert_media (self, hash, content_type, size, error))
    return NULL;

  return g_steal_pointer (&hash);
}

/* Copies @input into a temporary file in the media folder, hashing it on
 * the way; returns the hash, the file in its final place. */
static char *
store_stream (FanfareMediaStore *self,
              GInputStream      *input,
              const char        *content_type,
              GError           **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *temp_path = g_build_filename (self->directory, ".incoming-XXXXXX", NULL);
  g_autofree guint8 * buffer = g_malloc (COPY_BUFFER_SIZE);
  g_autoptr(GOutputStream) output = NULL;
  gint64 size = 0;
  gssize n_read;
  int fd;

  fd = g_mkstemp_full (temp_path, O_WRONLY, 0640);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write to the media folder: %s", g_strerror (saved_errno));
      return NULL;
    }

  output = g_unix_output_stream_new (fd, TRUE);
  while ((n_read = g_input_stream_read (input, buffer, COPY_BUFFER_SIZE, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n_read);
      size += n_read;
      if (!g_output_stream_write_all (output, buffer, n_read, NULL, NULL, error))
        break;
    }

  if (n_read != 0 || !g_output_stream_close (output, NULL, error))
    {
      g_unlink (temp_path);
      return NULL;
    }

  return commit_file (self, temp_path, checksum, content_type, size, error);
}

/**
 * fanfare_media_store_add_file:
 * @path: a file to copy into the store
 *
 * Returns: (transfer full): the hash that names the stored copy
 */
char *
fanfare_media_store_add_file (FanfareMediaStore *self,
                              const char        *path,
                              const char        *content_type,
                              GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = NULL;

  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), NULL);

  input = g_file_read (file, NULL, error);
  if (input == NULL)
    return NULL;

  return store_stream (self, G_INPUT_STREAM (input), content_type, error);
}

/**
 * fanfare_media_store_add_bytes:
 *
 * Returns: (transfer full): the hash that names the stored @bytes
 */
char *
fanfare_media_store_add_bytes (FanfareMediaStore *self,
                               GBytes            *bytes,
                               const char        *content_type,
                               GError           **error)
{
  g_autoptr(GInputStream) input = NULL;

  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), NULL);

  input = g_memory_input_stream_new_from_bytes (bytes);

  return store_stream (self, input, content_type, error);
}

static gboolean
lookup_media (FanfareMediaStore *self,
              const char        *hash,
              char             **content_type,
              GError           **error)
{
  static const char sql[] = "SELECT content_type FROM media WHERE hash = ?1";
  g_autoptr(FanfareConnection) conn = _fanfare_database_acquire (self->db, error);
  g_autoptr(FanfareStatement) stmt = NULL;

  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (stmt, 1, hash);
  if (!_fanfare_statement_step_row (stmt, "No such media", error))
    return FALSE;

  *content_type = _fanfare_statement_dup_text (stmt, 0);

  return TRUE;
}

static void
mapping_release (gpointer  data)
{
  Mapping *mapping = data;
  FanfareMediaStore *self = mapping->store;

  g_mutex_lock (&self->mutex);
  if (--mapping->users > 0)
    {
      g_mutex_unlock (&self->mutex);
      return;
    }
  g_hash_table_remove (self->mappings, mapping->hash);
  g_mutex_unlock (&self->mutex);

  g_mapped_file_unref (mapping->file);
  g_free (mapping->hash);
  g_free (mapping);
  g_object_unref (self);
}

/**
 * fanfare_media_store_map:
 * @content_type: (out) (transfer full): the media's type
 *
 * Returns: (transfer full): the whole media, mapped read-only; one mapping
 *   is shared by every caller while any of them holds it
 */
GBytes *
fanfare_media_store_map (FanfareMediaStore *self,
                         const char        *hash,
                         char             **content_type,
                         GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *type = NULL;
  Mapping *mapping;
  GBytes *bytes;

  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), NULL);

  path = fanfare_media_store_get_path (self, hash, error);
  if (path == NULL || !lookup_media (self, hash, &type, error))
    return NULL;

  g_mutex_lock (&self->mutex);
  mapping = g_hash_table_lookup (self->mappings, hash);
  if (mapping == NULL)
    {
      GMappedFile *file = g_mapped_file_new (path, FALSE, error);

      if (file == NULL)
        {
          g_mutex_unlock (&self->mutex);
          return NULL;
        }

      mapping = g_new0 (Mapping, 1);
      mapping->store = g_object_ref (self);
      mapping->hash = g_strdup (hash);
      mapping->file = file;
      g_hash_table_insert (self->mappings, mapping->hash, mapping);
    }
  mapping->users++;
  g_mutex_unlock (&self->mutex);

  bytes = g_bytes_new_with_free_func (g_mapped_file_get_contents (mapping->file),
                                      g_mapped_file_get_length (mapping->file),
                                      mapping_release, mapping);
  *content_type = g_steal_pointer (&type);

  return bytes;
}

FanfareDatabase *
_fanfare_media_store_dup_database (FanfareMediaStore *self)
{
  return g_object_ref (self->db);
}

/**
 * fanfare_media_store_get_n_mapped:
 *
 * Returns: how many files are mapped now
 */
guint
fanfare_media_store_get_n_mapped (FanfareMediaStore *self)
{
  guint n;

  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  n = g_hash_table_size (self->mappings);
  g_mutex_unlock (&self->mutex);

  return n;
}
