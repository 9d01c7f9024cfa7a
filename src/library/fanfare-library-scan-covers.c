/* fanfare-library-scan-covers.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Covers in a scan: while the tracks are read, an album whose cover is in
 * the cache already gets it at once; for the others one file of the album
 * is noted, and once every track is in the index the covers are made from
 * those files by the reader threads, then written in one batch. The
 * library is whole and browsable before its covers are. */

#include "config.h"

#include "fanfare-cover-cache.h"
#include "fanfare-library-scan-private.h"

typedef struct {
  char *album_key;
  char *path;
  char *cover;                 /* the key of the cover made, if one was */
} CoverJob;

void
_fanfare_library_cover_job_free (gpointer  data)
{
  CoverJob *cover_job = data;

  g_free (cover_job->album_key);
  g_free (cover_job->path);
  g_free (cover_job->cover);
  g_free (cover_job);
}

/* Called in a reader thread: returns the cover's key when the cache has
 * it; else the first file of each album is kept to make it from later. */
char *
_fanfare_library_scan_cover_for (ScanJob     *job,
                                 const char  *path,
                                 FanfareTags *tags)
{
  g_autofree char *album_key = NULL;
  g_autofree char *key = NULL;
  gboolean first;

  if (tags->album == NULL || job->cover_dir == NULL)
    return NULL;

  album_key = fanfare_library_album_key (tags);
  g_mutex_lock (&job->covers_lock);
  first = g_hash_table_add (job->covers_tried, g_strdup (album_key));
  g_mutex_unlock (&job->covers_lock);
  if (!first)
    return NULL;

  key = fanfare_cover_cache_key (album_key);
  if (fanfare_cover_cache_has (job->cover_dir, key))
    return g_steal_pointer (&key);

  {
    CoverJob *cover_job = g_new0 (CoverJob, 1);

    cover_job->album_key = g_steal_pointer (&album_key);
    cover_job->path = g_strdup (path);
    g_mutex_lock (&job->covers_lock);
    g_ptr_array_add (job->cover_jobs, cover_job);
    g_mutex_unlock (&job->covers_lock);
  }

  return NULL;
}

/* In a reader thread: the embedded picture, else one beside the file. */
static void
make_cover (gpointer  data,
            gpointer  user_data)
{
  CoverJob *cover_job = data;
  ScanJob *job = user_data;
  g_autoptr(FanfareTags) tags = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = fanfare_cover_cache_key (cover_job->album_key);
  FanfareLibraryProblemKind ignored;

  if (!g_cancellable_is_cancelled (job->cancellable))
    {
      tags = fanfare_tags_read (cover_job->path, TRUE, &ignored, NULL);
      if (tags != NULL && tags->picture != NULL)
        image = g_bytes_ref (tags->picture);
      if (image == NULL)
        {
          g_autofree char *folder = g_path_get_dirname (cover_job->path);

          image = fanfare_cover_cache_find_beside (folder);
        }
      if (image != NULL && fanfare_cover_cache_store (job->cover_dir, key, image, &error))
        cover_job->cover = g_steal_pointer (&key);
      else if (error != NULL)
        g_debug ("No cover from %s: %s", cover_job->path, error->message);
    }

  g_async_queue_push (job->cover_results, cover_job);
}

gboolean
_fanfare_library_scan_make_covers (ScanJob *job,
                                   GError **error)
{
  g_autoptr(GPtrArray) cover_jobs = NULL;
  GThreadPool *pool;
  gboolean ok = TRUE;

  if (job->cover_jobs->len == 0)
    return TRUE;

  cover_jobs = g_steal_pointer (&job->cover_jobs);
  job->cover_jobs = g_ptr_array_new_with_free_func (_fanfare_library_cover_job_free);

  pool = g_thread_pool_new (make_cover, job, CLAMP (g_get_num_processors (), 1, 8), FALSE, NULL);
  for (guint i = 0; i < cover_jobs->len; i++)
    g_thread_pool_push (pool, cover_jobs->pdata[i], NULL);
  for (guint i = 0; i < cover_jobs->len; i++)
    g_async_queue_pop (job->cover_results);
  g_thread_pool_free (pool, FALSE, TRUE);

  if (!_fanfare_library_scan_begin (job, error))
    return FALSE;
  for (guint i = 0; i < cover_jobs->len && ok; i++)
    {
      CoverJob *cover_job = cover_jobs->pdata[i];

      if (cover_job->cover != NULL)
        ok = fanfare_library_writer_set_cover (job->writer, cover_job->album_key, cover_job->cover, error);
    }

  return ok && _fanfare_library_scan_commit (job, error);
}
