/* fanfare-fp-index-writer.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes an index file from postings that come in the order of their
 * hashes, without holding them: the range table is counted on the way and
 * written over its place at the end. fanfare_fp_index_save() writes
 * through it, and so can whatever makes an index too large to hold, such
 * as a merge of two files or a synthetic catalog. The file is written
 * aside and renamed, so a reader sees the old index or the new one. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fanfare-fp-index-private.h"

struct _FanfareFpIndexWriter
{
  char                *path;
  char                *tmp;
  FILE                *file;
  FanfareFpIndexHeader header;
  long                 table_offset;
  guint32             *counts;           /* postings in each bucket */
  guint32              last_hash;
};

static gboolean
write_all (FILE          *file,
           gconstpointer  data,
           gsize          size)
{
  return size == 0 || fwrite (data, 1, size, file) == size;
}

static gboolean
failed (FanfareFpIndexWriter *self,
        GError              **error)
{
  int saved_errno = errno;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "Could not write %s: %s", self->path, g_strerror (saved_errno));

  return FALSE;
}

void
fanfare_fp_index_writer_free (FanfareFpIndexWriter *self)
{
  if (self == NULL)
    return;

  if (self->file != NULL)
    {
      fclose (self->file);
      g_unlink (self->tmp);
    }
  g_free (self->counts);
  g_free (self->tmp);
  g_free (self->path);
  g_free (self);
}

/**
 * fanfare_fp_index_writer_new:
 * @path: the index file, replaced when the writer finishes
 * @n_tracks: how many tracks the postings name
 * @ids: (array length=n_tracks): the tracks' ids
 * @frames: (array length=n_tracks): their lengths in frames
 *
 * Returns: (transfer full): a writer, or %NULL with @error set
 */
FanfareFpIndexWriter *
fanfare_fp_index_writer_new (const char         *path,
                             guint               n_tracks,
                             const char * const *ids,
                             const guint32      *frames,
                             GError            **error)
{
  g_autoptr(FanfareFpIndexWriter) self = g_new0 (FanfareFpIndexWriter, 1);
  static const char zeros[8] = { 0 };
  gsize ids_size = 0;

  self->path = g_strdup (path);
  self->tmp = g_strconcat (path, ".part", NULL);
  self->counts = g_new0 (guint32, N_BUCKETS);
  self->header = (FanfareFpIndexHeader) {
    FANFARE_FP_INDEX_MAGIC, FANFARE_FP_INDEX_VERSION, FANFARE_FP_EXTRACTOR_VERSION, HASH_BITS, BUCKET_BITS,
    n_tracks, 0, 0, 0
  };
  for (guint i = 0; i < n_tracks; i++)
    ids_size += strlen (ids[i]) + 1;
  self->header.ids_size = ids_size;

  self->file = g_fopen (self->tmp, "wb");
  if (self->file == NULL)
    {
      failed (self, error);
      return NULL;
    }

  if (!write_all (self->file, &self->header, sizeof self->header) ||
      !write_all (self->file, frames, (gsize) n_tracks * sizeof (guint32)))
    {
      failed (self, error);
      return NULL;
    }
  for (guint i = 0; i < n_tracks; i++)
    if (!write_all (self->file, ids[i], strlen (ids[i]) + 1))
      {
        failed (self, error);
        return NULL;
      }

  /* The table's place, filled in at the end. */
  self->table_offset = sizeof self->header + n_tracks * 4 + ids_size + (8 - (n_tracks * 4u + ids_size) % 8) % 8;
  if (!write_all (self->file, zeros, (8 - (n_tracks * 4u + ids_size) % 8) % 8) ||
      fseek (self->file, self->table_offset + (N_BUCKETS + 2) * 4, SEEK_SET) != 0)
    {
      failed (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * fanfare_fp_index_writer_add:
 * @postings: (array length=n_postings): the next postings, in the order of
 *   their hashes, after all those added before
 *
 * Returns: %FALSE with @error set when they are out of order or cannot be
 *   written
 */
gboolean
fanfare_fp_index_writer_add (FanfareFpIndexWriter   *self,
                             const FanfareFpPosting *postings,
                             gsize                   n_postings,
                             GError                **error)
{
  for (gsize i = 0; i < n_postings; i++)
    {
      guint32 hash = postings[i].hash;

      if (hash >= (1u << HASH_BITS) || hash < self->last_hash ||
          self->header.n_postings + i >= G_MAXUINT32)
        {
          g_set_error (error, FANFARE_FP_ERROR, FANFARE_FP_ERROR_CORRUPT,
                       "Postings for %s are out of order, out of range or too many", self->path);
          return FALSE;
        }
      self->last_hash = hash;
      self->counts[hash >> (HASH_BITS - BUCKET_BITS)]++;
    }

  if (!write_all (self->file, postings, n_postings * sizeof (FanfareFpPosting)))
    return failed (self, error);
  self->header.n_postings += n_postings;

  return TRUE;
}

/**
 * fanfare_fp_index_writer_finish:
 * @self: (transfer full): the writer, freed
 *
 * Writes the table and the header and puts the file in its place.
 */
gboolean
fanfare_fp_index_writer_finish (FanfareFpIndexWriter *self,
                                GError              **error)
{
  g_autofree guint32 * table = g_new0 (guint32, N_BUCKETS + 2);
  gboolean ok;

  for (guint b = 0; b < N_BUCKETS; b++)
    table[b + 1] = table[b] + self->counts[b];

  ok = fseek (self->file, self->table_offset, SEEK_SET) == 0 &&
       write_all (self->file, table, (N_BUCKETS + 2) * sizeof (guint32)) &&
       fseek (self->file, 0, SEEK_SET) == 0 &&
       write_all (self->file, &self->header, sizeof self->header);
  ok = fclose (self->file) == 0 && ok;
  self->file = NULL;

  if (!ok || g_rename (self->tmp, self->path) != 0)
    {
      failed (self, error);
      g_unlink (self->tmp);
      ok = FALSE;
    }

  fanfare_fp_index_writer_free (self);

  return ok;
}
