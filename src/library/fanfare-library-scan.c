/* fanfare-library-scan.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A scan: for each root, what the index holds under it is loaded, the
 * folders are walked (stat only), and the files that are new or whose
 * modification time or size changed are read by a pool of reader threads.
 * Their results come back on a queue and are written in batches, one
 * transaction each. What was in the index but is gone is removed at the
 * end, except under a folder that could not be listed: nothing is lost
 * because a disk is slow or a permission is wrong for a while. */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fanfare-cover-cache.h"
#include "fanfare-library-scan.h"
#include "fanfare-library-scan-private.h"
#include "fanfare-library-writer.h"

#define BATCH_SIZE     500
#define BATCH_USEC     (500 * G_TIME_SPAN_MILLISECOND)
#define MAX_REREADS    3

gboolean
fanfare_library_is_audio_name (const char *name)
{
  return fanfare_tags_reader_for (name) != FANFARE_TAGS_READER_NONE;
}

static void
read_result_free (ReadResult *result)
{
  g_free (result->path);
  g_free (result->cover);
  g_free (result->detail);
  g_clear_pointer (&result->tags, fanfare_tags_free);
  g_clear_pointer (&result->keys, fanfare_track_keys_free);
  g_free (result);
}

static gboolean
same_stat (const ToRead *file,
           GStatBuf     *st)
{
  return st->st_size == file->size && STAT_MTIME (st) == file->mtime;
}

/* Reads one file in a reader thread. A file that changes while it is read
 * is read again, a few times at most. */
static void
read_file (gpointer  data,
           gpointer  user_data)
{
  ToRead *file = data;
  ScanJob *job = user_data;
  ReadResult *result = g_new0 (ReadResult, 1);

  result->path = g_strdup (file->path);
  result->mtime = file->mtime;
  result->size = file->size;
  result->skipped = TRUE;

  for (guint attempt = 0; !g_cancellable_is_cancelled (job->cancellable); attempt++)
    {
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      result->skipped = FALSE;
      g_clear_pointer (&result->tags, fanfare_tags_free);
      result->tags = fanfare_tags_read (file->path, FALSE, &result->problem, &error);

      if (g_stat (file->path, &st) != 0)
        {
          result->problem = FANFARE_LIBRARY_PROBLEM_VANISHED;
          g_clear_pointer (&result->tags, fanfare_tags_free);
          break;
        }
      if (!same_stat (file, &st))
        {
          file->mtime = result->mtime = STAT_MTIME (&st);
          file->size = result->size = st.st_size;
          if (attempt + 1 < MAX_REREADS)
            continue;
          /* Kept, but with no time, so that the next scan reads it again. */
          result->problem = FANFARE_LIBRARY_PROBLEM_CHANGING;
          result->mtime = 0;
        }

      if (result->tags == NULL)
        {
          result->problem = g_error_matches (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NOT_AUDIO)
                            ? FANFARE_LIBRARY_PROBLEM_NOT_AUDIO
                            : FANFARE_LIBRARY_PROBLEM_UNREADABLE_FILE;
          result->detail = g_strdup (error->message);
        }
      else
        {
          result->keys = fanfare_track_keys_new (file->path, result->tags);
          result->cover = _fanfare_library_scan_cover_for (job, file->path, result->tags);
        }
      break;
    }

  g_async_queue_push (job->results, result);
}

static gboolean
write_result (ScanJob    *job,
              ReadResult *result,
              GError    **error)
{
  IndexEntry *entry = g_hash_table_lookup (job->index, result->path);

  /* Not read, the scan being cancelled: the index keeps what it had. */
  if (result->skipped)
    return TRUE;

  /* A problem that is over is removed at the end, by the pruning. */
  if (result->problem != FANFARE_LIBRARY_PROBLEM_NONE)
    {
      g_hash_table_add (job->problem_paths, g_strdup (result->path));
      job->result->problems++;
      if (!fanfare_library_writer_put_problem (job->writer, result->path, result->problem,
                                               result->detail, error))
        return FALSE;
    }

  if (result->tags != NULL)
    {
      job->result->files_read++;
      return fanfare_library_writer_put_track (job->writer, result->path, result->mtime,
                                               result->size, result->tags, result->keys, result->cover,
                                               entry == NULL, error);
    }

  /* A file that cannot be opened for now stays in the index as it was. */
  if (entry != NULL && result->problem != FANFARE_LIBRARY_PROBLEM_UNREADABLE_FILE)
    return fanfare_library_writer_remove_track (job->writer, entry->id, error);

  return TRUE;
}

gboolean
_fanfare_library_scan_commit (ScanJob *job,
                              GError **error)
{
  if (!job->in_batch)
    return TRUE;

  job->in_batch = FALSE;
  if (!fanfare_library_writer_commit (job->writer, error))
    return FALSE;

  if (job->callbacks != NULL && job->callbacks->committed != NULL)
    job->callbacks->committed (job->callbacks->user_data);

  return TRUE;
}

gboolean
_fanfare_library_scan_begin (ScanJob *job,
                             GError **error)
{
  if (job->in_batch)
    return TRUE;

  if (!fanfare_library_writer_begin (job->writer, error))
    return FALSE;
  job->in_batch = TRUE;
  job->batch_start = g_get_monotonic_time ();
  job->batch_count = 0;

  return TRUE;
}

static void
report_progress (ScanJob *job)
{
  if (job->callbacks != NULL && job->callbacks->progress != NULL)
    job->callbacks->progress (job->result->files_found, job->files_done,
                              job->callbacks->user_data);
}

/* Writes what the readers send back until all of @n_files have come. */
static gboolean
write_results (ScanJob *job,
               guint    n_files,
               GError **error)
{
  for (guint done = 0; done < n_files;)
    {
      ReadResult *result = g_async_queue_timeout_pop (job->results, BATCH_USEC);

      if (result != NULL)
        {
          gboolean ok = _fanfare_library_scan_begin (job, error) && write_result (job, result, error);

          read_result_free (result);
          if (!ok)
            return FALSE;
          done++;
          job->files_done++;
          job->batch_count++;
          report_progress (job);
        }

      if (job->in_batch &&
          (job->batch_count >= BATCH_SIZE || g_get_monotonic_time () - job->batch_start >= BATCH_USEC) &&
          !_fanfare_library_scan_commit (job, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_all (ScanJob *job,
          GError **error)
{
  GThreadPool *pool;
  guint n_files = job->to_read->len;
  gboolean ok;

  if (n_files == 0)
    return TRUE;

  pool = g_thread_pool_new (read_file, job, CLAMP (g_get_num_processors (), 1, 8), FALSE, NULL);
  for (guint i = 0; i < n_files; i++)
    g_thread_pool_push (pool, job->to_read->pdata[i], NULL);

  ok = write_results (job, n_files, error);

  /* On an error the readers' results are left to be freed with the queue. */
  g_thread_pool_free (pool, !ok, TRUE);

  return ok;
}

/* Removes what is no longer there, and the problems of files that are gone
 * or were read well this time. */
static gboolean
reconcile (ScanJob *job,
           GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!_fanfare_library_scan_begin (job, error))
    return FALSE;

  g_hash_table_iter_init (&iter, job->index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IndexEntry *entry = value;

      if (entry->seen || _fanfare_library_scan_is_protected (job, key))
        continue;
      if (!fanfare_library_writer_remove_track (job->writer, entry->id, error))
        return FALSE;
    }

  return _fanfare_library_scan_prune_problems (job, error) && _fanfare_library_scan_commit (job, error);
}

static void
scan_job_clear (ScanJob *job)
{
  if (job->writer != NULL && job->in_batch)
    fanfare_library_writer_rollback (job->writer);
  g_clear_pointer (&job->writer, fanfare_library_writer_free);
  g_clear_pointer (&job->db, fanfare_library_db_unref);
  g_clear_pointer (&job->index, g_hash_table_unref);
  g_clear_pointer (&job->to_read, g_ptr_array_unref);
  g_clear_pointer (&job->walk_problems, g_ptr_array_unref);
  g_clear_pointer (&job->protected_dirs, g_ptr_array_unref);
  g_clear_pointer (&job->problem_paths, g_hash_table_unref);
  g_clear_pointer (&job->visited, g_hash_table_unref);
  g_clear_pointer (&job->sidecars, g_hash_table_unref);
  g_clear_pointer (&job->unchanged, g_ptr_array_unref);
  g_clear_pointer (&job->covers_tried, g_hash_table_unref);
  g_clear_pointer (&job->cover_jobs, g_ptr_array_unref);
  g_clear_pointer (&job->results, g_async_queue_unref);
  g_clear_pointer (&job->cover_results, g_async_queue_unref);
  g_mutex_clear (&job->covers_lock);
}

static gboolean
scan_root (ScanJob    *job,
           const char *root,
           GError    **error)
{
  g_autofree char *folder = NULL;
  gint64 start;

  /* A .lrc or .cue file that changed (the monitors say so) changes what
   * is noted of the audio file beside it: its folder is looked at again. */
  if (fanfare_tags_sidecar_kind (root) != FANFARE_LIBRARY_EXTRAS_NONE)
    root = folder = g_path_get_dirname (root);

  g_hash_table_remove_all (job->index);
  g_ptr_array_set_size (job->to_read, 0);
  g_ptr_array_set_size (job->walk_problems, 0);
  g_ptr_array_set_size (job->protected_dirs, 0);
  g_hash_table_remove_all (job->problem_paths);
  g_hash_table_remove_all (job->visited);
  job->root = root;

  if (!_fanfare_library_scan_load_index (job, error))
    return FALSE;

  start = g_get_monotonic_time ();
  _fanfare_library_scan_walk (job);
  job->result->files_found += job->to_read->len;
  report_progress (job);
  g_debug ("Walked %s in %.3f s: %u files to read", root,
           (g_get_monotonic_time () - start) / 1e6, job->to_read->len);

  if (!_fanfare_library_scan_begin (job, error))
    return FALSE;
  for (guint i = 0; i < job->walk_problems->len; i++)
    if (!write_result (job, job->walk_problems->pdata[i], error))
      return FALSE;

  if (!read_all (job, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    {
      _fanfare_library_scan_commit (job, NULL);
      return FALSE;
    }

  g_debug ("Read %s in %.3f s", root, (g_get_monotonic_time () - start) / 1e6);
  if (!reconcile (job, error))
    return FALSE;
  g_debug ("Indexed %s in %.3f s", root, (g_get_monotonic_time () - start) / 1e6);

  /* The tracks are all in; the covers the index lacks come after. */
  if (job->callbacks != NULL && job->callbacks->indexed != NULL)
    job->callbacks->indexed (job->callbacks->user_data);

  return _fanfare_library_scan_make_covers (job, error);
}

/**
 * fanfare_library_scan_run:
 * @db_path: the index
 * @cover_dir: (nullable): the cover cache, or %NULL to make no covers
 * @roots: folders or files to scan
 * @roots_may_vanish: whether a missing root means its tracks are gone (a
 *   file monitor said so) rather than a disk that is not there now
 * @callbacks: (nullable): progress and commits, from this thread
 * @result: (out caller-allocates): what was found, to clear with
 *   fanfare_library_scan_result_clear()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Scans @roots into the index. Problems with files are recorded in the
 * index and do not stop the scan; it fails only when the index cannot be
 * written, or when cancelled (what was written until then stays).
 *
 * Returns: whether the scan ran to its end
 */
gboolean
fanfare_library_scan_run (const char                        *db_path,
                          const char                        *cover_dir,
                          const char * const                *roots,
                          gboolean                           roots_may_vanish,
                          const FanfareLibraryScanCallbacks *callbacks,
                          FanfareLibraryScanResult          *result,
                          GCancellable                      *cancellable,
                          GError                           **error)
{
  ScanJob job = { 0 };
  gboolean ok = TRUE;

  memset (result, 0, sizeof *result);
  result->folders = g_ptr_array_new_with_free_func (g_free);

  job.cover_dir = cover_dir;
  job.roots_may_vanish = roots_may_vanish;
  job.callbacks = callbacks;
  job.result = result;
  job.cancellable = cancellable;
  job.index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.to_read = g_ptr_array_new_with_free_func (_fanfare_library_to_read_free);
  job.walk_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) read_result_free);
  job.protected_dirs = g_ptr_array_new_with_free_func (g_free);
  job.problem_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.visited = g_hash_table_new_full (_fanfare_file_id_hash, _fanfare_file_id_equal, g_free, NULL);
  job.sidecars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.unchanged = g_ptr_array_new ();
  job.covers_tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job.cover_jobs = g_ptr_array_new_with_free_func (_fanfare_library_cover_job_free);
  job.results = g_async_queue_new_full ((GDestroyNotify) read_result_free);
  job.cover_results = g_async_queue_new ();
  g_mutex_init (&job.covers_lock);

  job.db = fanfare_library_db_open (db_path, error);
  if (job.db == NULL)
    ok = FALSE;
  else
    job.writer = fanfare_library_writer_new (job.db);

  for (guint i = 0; ok && roots[i] != NULL; i++)
    ok = scan_root (&job, roots[i], error);

  scan_job_clear (&job);

  return ok;
}

static gboolean
is_under_any (const char         *path,
              const char * const *folders)
{
  for (guint i = 0; folders != NULL && folders[i] != NULL; i++)
    {
      gsize len = strlen (folders[i]);

      if (strncmp (path, folders[i], len) == 0 && (path[len] == '/' || path[len] == '\0'))
        return TRUE;
    }

  return FALSE;
}

/**
 * fanfare_library_forget_run:
 * @db_path: the index
 * @folder: a folder taken out of the library
 * @keep: (nullable): the library's folders, whose tracks stay
 * @error: return location for a #GError
 *
 * Removes the tracks and problems under @folder from the index, except
 * those under a folder of @keep.
 *
 * Returns: whether the index could be written
 */
gboolean
fanfare_library_forget_run (const char         *db_path,
                            const char         *folder,
                            const char * const *keep,
                            GError            **error)
{
  g_autoptr(FanfareLibraryDb) db = fanfare_library_db_open (db_path, error);
  g_autoptr(FanfareLibraryWriter) writer = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (db == NULL)
    return FALSE;

  writer = fanfare_library_writer_new (db);
  if (!fanfare_library_writer_begin (writer, error))
    return FALSE;

  stmt = fanfare_library_db_prepare (db,
                                     "SELECT id, path FROM tracks WHERE path > ?1 || '/' AND path < ?1 || '0'"
                                     " UNION ALL SELECT NULL, path FROM problems"
                                     " WHERE path = ?1 OR (path > ?1 || '/' AND path < ?1 || '0')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, folder, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (is_under_any (path, keep))
        continue;
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        g_ptr_array_add (problems, g_strdup (path));
      else
        g_array_append_val (ids, id);
    }

  for (guint i = 0; i < ids->len; i++)
    if (!fanfare_library_writer_remove_track (writer, g_array_index (ids, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < problems->len; i++)
    if (!fanfare_library_writer_clear_problem (writer, problems->pdata[i], error))
      return FALSE;

  return fanfare_library_writer_commit (writer, error);
}

void
fanfare_library_scan_result_clear (FanfareLibraryScanResult *result)
{
  g_clear_pointer (&result->folders, g_ptr_array_unref);
}
