/* fanfare-fp-index.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The index: every hash of every track, sorted by hash, with a table of
 * where each range of hashes starts, so that a lookup is two reads and a
 * short scan. 16 bytes a hash; at about 200 hashes a second, 11 MiB an hour
 * of audio.
 *
 * On disk it is the same arrays behind a header, mapped rather than read:
 * a server with a large catalog starts at once and shares the pages. What
 * is in the file is checked as far as it decides where to read; a posting
 * that names a track out of range is skipped by the matcher. */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fanfare-fp-index-private.h"

struct _FanfareFpIndex
{
  /* Building: postings in any order, sorted before the first lookup. */
  GArray  *building;           /* FanfareFpPosting */
  gboolean sorted;

  /* The tracks: ids and lengths in frames. */
  GPtrArray  *ids;
  GArray     *frames;          /* guint32 */
  GHashTable *by_id;           /* id -> track + 1 */

  /* Sealed: where lookups read, in @building or in @mapped. */
  GMappedFile            *mapped;
  const FanfareFpPosting *postings;
  gsize                   n_postings;
  guint32                *buckets;
  const guint32          *bucket_table;
};

G_DEFINE_QUARK (fanfare - fp - error - quark, fanfare_fp_error)

FanfareFpIndex *
fanfare_fp_index_new (void)
{
  FanfareFpIndex *self = g_new0 (FanfareFpIndex, 1);

  self->building = g_array_new (FALSE, FALSE, sizeof (FanfareFpPosting));
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->frames = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

void
fanfare_fp_index_free (FanfareFpIndex *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->building);
  g_ptr_array_unref (self->ids);
  g_array_unref (self->frames);
  g_hash_table_unref (self->by_id);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_free (self->buckets);
  g_free (self);
}

/* A mapped index becomes a building one again before it takes more. */
static void
unseal (FanfareFpIndex *self)
{
  if (self->mapped != NULL)
    {
      g_array_append_vals (self->building, self->postings, self->n_postings);
      g_clear_pointer (&self->mapped, g_mapped_file_unref);
    }

  self->postings = NULL;
  self->bucket_table = NULL;
  g_clear_pointer (&self->buckets, g_free);
  self->sorted = FALSE;
}

/* Sorts the postings by hash, keeping the order they were added in among
 * equal hashes (by track, then by frame): a counting sort, linear in the
 * postings, which a catalog of a thousand hours has hundreds of millions
 * of. */
static void
seal (FanfareFpIndex *self)
{
  g_autofree guint32 * starts = NULL;
  GArray *sorted;
  gsize n;

  if (self->bucket_table != NULL)
    return;

  n = self->building->len;
  g_assert (n < G_MAXUINT32);
  starts = g_new0 (guint32, (1u << HASH_BITS) + 1);
  for (gsize i = 0; i < n; i++)
    starts[(g_array_index (self->building, FanfareFpPosting, i).hash & ((1u << HASH_BITS) - 1)) + 1]++;
  for (guint h = 0; h < (1u << HASH_BITS); h++)
    starts[h + 1] += starts[h];

  self->buckets = g_new (guint32, N_BUCKETS + 1);
  for (guint b = 0; b <= N_BUCKETS; b++)
    self->buckets[b] = starts[MIN ((gsize) b << (HASH_BITS - BUCKET_BITS), 1u << HASH_BITS)];

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (FanfareFpPosting), MAX (n, 1));
  g_array_set_size (sorted, n);
  for (gsize i = 0; i < n; i++)
    {
      const FanfareFpPosting *posting = &g_array_index (self->building, FanfareFpPosting, i);

      g_array_index (sorted, FanfareFpPosting, starts[posting->hash & ((1u << HASH_BITS) - 1)]++) = *posting;
    }

  g_array_unref (self->building);
  self->building = sorted;
  self->postings = (const FanfareFpPosting *) (gpointer) self->building->data;
  self->n_postings = n;
  self->bucket_table = self->buckets;
  self->sorted = TRUE;
}

/**
 * fanfare_fp_index_add:
 * @self: an index
 * @id: the track's id, as the caller names it
 * @n_frames: the track's length in frames
 * @hashes: (element-type FanfareFpHash): its hashes
 *
 * Returns: the track's number in the index
 */
guint
fanfare_fp_index_add (FanfareFpIndex *self,
                      const char     *id,
                      guint           n_frames,
                      GArray         *hashes)
{
  guint track = self->ids->len;
  guint32 frames = n_frames;

  g_return_val_if_fail (id != NULL, G_MAXUINT);

  unseal (self);
  g_ptr_array_add (self->ids, g_strdup (id));
  g_array_append_val (self->frames, frames);
  g_hash_table_insert (self->by_id, self->ids->pdata[track], GUINT_TO_POINTER (track + 1));

  for (guint i = 0; i < hashes->len; i++)
    {
      const FanfareFpHash *hash = &g_array_index (hashes, FanfareFpHash, i);
      FanfareFpPosting posting = { hash->hash, track, hash->frame, hash->span, hash->pitch };

      g_array_append_val (self->building, posting);
    }

  return track;
}

guint
fanfare_fp_index_get_n_tracks (FanfareFpIndex *self)
{
  return self->ids->len;
}

gsize
fanfare_fp_index_get_n_postings (FanfareFpIndex *self)
{
  return self->mapped != NULL ? self->n_postings : self->building->len;
}

/* The length of all the audio indexed. */
double
fanfare_fp_index_get_seconds (FanfareFpIndex *self)
{
  guint64 frames = 0;

  for (guint i = 0; i < self->frames->len; i++)
    frames += g_array_index (self->frames, guint32, i);

  return frames / FANFARE_FP_FRAMES_PER_S;
}

const char *
fanfare_fp_index_get_id (FanfareFpIndex *self,
                         guint           track)
{
  return track < self->ids->len ? self->ids->pdata[track] : NULL;
}

/* Returns the track named @id, or G_MAXUINT. */
guint
fanfare_fp_index_find_id (FanfareFpIndex *self,
                          const char     *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id)) - 1;
}

/**
 * fanfare_fp_index_lookup:
 * @self: an index
 * @hash: a hash
 * @n_postings: (out): how many places it occurs
 *
 * Returns: (array length=n_postings) (transfer none): where @hash occurs,
 *   valid until the index changes
 */
const FanfareFpPosting *
fanfare_fp_index_lookup (FanfareFpIndex *self,
                         guint32         hash,
                         gsize          *n_postings)
{
  guint bucket = (hash >> (HASH_BITS - BUCKET_BITS)) & (N_BUCKETS - 1);
  gsize start, end, first;

  seal (self);
  *n_postings = 0;
  start = self->bucket_table[bucket];
  end = self->bucket_table[bucket + 1];

  /* The first posting of @hash in its bucket, by halves. */
  while (start < end)
    {
      gsize middle = start + (end - start) / 2;

      if (self->postings[middle].hash < hash)
        start = middle + 1;
      else
        end = middle;
    }
  end = self->bucket_table[bucket + 1];
  first = start;
  while (start < end && self->postings[start].hash == hash)
    start++;

  *n_postings = start - first;

  return self->postings + first;
}

/**
 * fanfare_fp_index_save:
 * @self: an index
 * @path: the file, replaced whole (written aside, then renamed)
 * @error: return location for a #GError
 */
gboolean
fanfare_fp_index_save (FanfareFpIndex *self,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(FanfareFpIndexWriter) writer = NULL;

  seal (self);
  writer = fanfare_fp_index_writer_new (path, self->ids->len, (const char * const *) self->ids->pdata,
                                        (const guint32 *) (gpointer) self->frames->data, error);

  return writer != NULL &&
         fanfare_fp_index_writer_add (writer, self->postings, self->n_postings, error) &&
         fanfare_fp_index_writer_finish (g_steal_pointer (&writer), error);
}

/**
 * fanfare_fp_index_merge:
 * @base: an index, usually mapped from @path
 * @more: tracks to add to it
 * @path: the file to write: @base's tracks, then @more's
 * @error: return location for a #GError
 *
 * Writes the two indexes as one, merging their sorted postings on the way:
 * a catalog grows by a few albums at a time without being read into
 * memory. @more's tracks are numbered after @base's.
 */
gboolean
fanfare_fp_index_merge (FanfareFpIndex *base,
                        FanfareFpIndex *more,
                        const char     *path,
                        GError        **error)
{
  return fanfare_fp_index_merge_keeping (base, NULL, more, path, error);
}

/**
 * fanfare_fp_index_merge_keeping:
 * @base: an index, usually mapped from @path
 * @keep: (array) (nullable): for each track of @base, whether it stays;
 *   %NULL keeps them all
 * @more: tracks to add to it
 * @path: the file to write: the kept tracks of @base, then @more's
 * @error: return location for a #GError
 *
 * As fanfare_fp_index_merge(), leaving out the tracks of @base that @keep
 * says go: the ones a library lost, or whose files changed. The tracks
 * that stay are numbered in their order.
 */
gboolean
fanfare_fp_index_merge_keeping (FanfareFpIndex *base,
                                const gboolean *keep,
                                FanfareFpIndex *more,
                                const char     *path,
                                GError        **error)
{
  g_autoptr(FanfareFpIndexWriter) writer = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) buffer = g_array_sized_new (FALSE, FALSE, sizeof (FanfareFpPosting), 4096);
  g_autofree guint32 * renumbered = g_new (guint32, MAX (base->ids->len, 1));
  guint n_base = 0;
  gsize i = 0, j = 0;

  seal (base);
  seal (more);
  for (guint t = 0; t < base->ids->len; t++)
    {
      renumbered[t] = G_MAXUINT32;
      if (keep != NULL && !keep[t])
        continue;
      renumbered[t] = n_base++;
      g_ptr_array_add (ids, base->ids->pdata[t]);
      g_array_append_val (frames, g_array_index (base->frames, guint32, t));
    }
  g_ptr_array_extend (ids, more->ids, NULL, NULL);
  g_array_append_vals (frames, more->frames->data, more->frames->len);

  writer = fanfare_fp_index_writer_new (path, ids->len, (const char * const *) ids->pdata,
                                        (const guint32 *) (gpointer) frames->data, error);
  if (writer == NULL)
    return FALSE;

  while (i < base->n_postings || j < more->n_postings)
    {
      FanfareFpPosting posting;

      if (j == more->n_postings || (i < base->n_postings && base->postings[i].hash <= more->postings[j].hash))
        {
          posting = base->postings[i++];
          /* A track left out, or none at all (a mapped file may name
           * tracks it does not have), loses its postings. */
          posting.track = posting.track < base->ids->len ? renumbered[posting.track] : G_MAXUINT32;
        }
      else
        {
          posting = more->postings[j++];
          posting.track += n_base;
        }
      if (posting.track != G_MAXUINT32)
        g_array_append_val (buffer, posting);

      if (buffer->len == 4096 || (i == base->n_postings && j == more->n_postings))
        {
          if (!fanfare_fp_index_writer_add (writer, (const FanfareFpPosting *) (gpointer) buffer->data,
                                            buffer->len, error))
            return FALSE;
          g_array_set_size (buffer, 0);
        }
    }

  return fanfare_fp_index_writer_finish (g_steal_pointer (&writer), error);
}

static FanfareFpIndex *
corrupt (FanfareFpIndex *self,
         const char     *path,
         const char     *what,
         GError        **error)
{
  g_set_error (error, FANFARE_FP_ERROR, FANFARE_FP_ERROR_CORRUPT,
               "%s is not a fingerprint index: %s", path, what);
  fanfare_fp_index_free (self);

  return NULL;
}

/**
 * fanfare_fp_index_load:
 * @path: a file that fanfare_fp_index_save() wrote
 * @error: return location for a #GError
 *
 * Maps the index; nothing in the file can make a lookup read outside it.
 *
 * Returns: (transfer full): the index, or %NULL with @error set
 */
FanfareFpIndex *
fanfare_fp_index_load (const char *path,
                       GError    **error)
{
  FanfareFpIndex *self = fanfare_fp_index_new ();
  const char *data, *ids, *end;
  FanfareFpIndexHeader header;
  gsize size, offset, ids_end;

  self->mapped = g_mapped_file_new (path, FALSE, error);
  if (self->mapped == NULL)
    {
      fanfare_fp_index_free (self);
      return NULL;
    }

  data = g_mapped_file_get_contents (self->mapped);
  size = g_mapped_file_get_length (self->mapped);
  if (size < sizeof header)
    return corrupt (self, path, "too short", error);

  memcpy (&header, data, sizeof header);
  if (memcmp (header.magic, FANFARE_FP_INDEX_MAGIC, 8) != 0 || header.version != FANFARE_FP_INDEX_VERSION ||
      header.hash_bits != HASH_BITS || header.bucket_bits != BUCKET_BITS)
    return corrupt (self, path, "not of this version", error);
  if (header.extractor != FANFARE_FP_EXTRACTOR_VERSION)
    {
      g_set_error (error, FANFARE_FP_ERROR, FANFARE_FP_ERROR_VERSION,
                   "%s holds hashes of version %u of the extractor, not %u", path, header.extractor,
                   FANFARE_FP_EXTRACTOR_VERSION);
      fanfare_fp_index_free (self);
      return NULL;
    }

  /* Every size is checked against what is left before it is used. */
  offset = sizeof header;
  if (header.n_tracks > (size - offset) / 4 || header.ids_size > size - offset - header.n_tracks * 4u)
    return corrupt (self, path, "its tracks overrun it", error);
  ids_end = offset + header.n_tracks * 4u + header.ids_size;
  offset = ids_end + (8 - (header.n_tracks * 4u + header.ids_size) % 8) % 8;
  if (offset > size || (size - offset) / 4 < N_BUCKETS + 2 ||
      header.n_postings != (size - offset - (N_BUCKETS + 2) * 4) / sizeof (FanfareFpPosting) ||
      (size - offset - (N_BUCKETS + 2) * 4) % sizeof (FanfareFpPosting) != 0)
    return corrupt (self, path, "its hashes overrun it", error);

  g_array_append_vals (self->frames, data + sizeof header, header.n_tracks);
  ids = data + sizeof header + header.n_tracks * 4u;
  end = data + ids_end;
  for (guint i = 0; i < header.n_tracks; i++)
    {
      const char *nul = memchr (ids, '\0', end - ids);

      if (nul == NULL)
        return corrupt (self, path, "a track without an id", error);
      g_ptr_array_add (self->ids, g_strndup (ids, nul - ids));
      g_hash_table_insert (self->by_id, self->ids->pdata[i], GUINT_TO_POINTER (i + 1));
      ids = nul + 1;
    }

  self->bucket_table = (const guint32 *) (gconstpointer) (data + offset);
  for (guint b = 0; b < N_BUCKETS; b++)
    if (self->bucket_table[b] > self->bucket_table[b + 1])
      return corrupt (self, path, "its table is out of order", error);
  if (self->bucket_table[N_BUCKETS] != header.n_postings)
    return corrupt (self, path, "its table does not end with its hashes", error);

  self->postings = (const FanfareFpPosting *) (gconstpointer) (data + offset + (N_BUCKETS + 2) * 4);
  self->n_postings = header.n_postings;
  self->sorted = TRUE;

  return self;
}
