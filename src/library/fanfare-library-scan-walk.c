/* fanfare-library-scan-walk.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The scan's walk: the folders under a root are listed and their files'
 * times and sizes compared with the index, without opening a file. Links
 * are followed, but a folder reached twice (a link to a parent makes a
 * loop) is walked once.
 *
 * A .lrc or .cue file that came or went beside an audio file that did not
 * change is seen in the same listing: the index notes which of them each
 * track had (track_extras), and a track whose notes no longer match is
 * read again. Nothing more is asked of the disk for it. */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "fanfare-library-scan-private.h"

#define SIDECAR_EXTRAS (FANFARE_LIBRARY_EXTRAS_LRC_FILE | FANFARE_LIBRARY_EXTRAS_CUE_FILE)

typedef struct {
  dev_t dev;
  ino_t ino;
} FileId;

guint
_fanfare_file_id_hash (gconstpointer  key)
{
  const FileId *id = key;

  return (guint) (id->ino ^ (id->ino >> 32) ^ (id->dev * 31));
}

gboolean
_fanfare_file_id_equal (gconstpointer  a,
                        gconstpointer  b)
{
  const FileId *x = a;
  const FileId *y = b;

  return x->dev == y->dev && x->ino == y->ino;
}

void
_fanfare_library_to_read_free (gpointer  data)
{
  ToRead *file = data;

  g_free (file->path);
  g_free (file);
}

gboolean
_fanfare_library_scan_load_index (ScanJob *job,
                                  GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = fanfare_library_db_prepare (job->db,
                                     "SELECT t.id, t.path, t.mtime, t.size, coalesce (e.extras, 0)"
                                     " FROM tracks t LEFT JOIN track_extras e ON e.id = t.id"
                                     " WHERE t.path = ?1 OR (t.path > ?1 || '/' AND t.path < ?1 || '0')",
                                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, job->root, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IndexEntry *entry = g_new0 (IndexEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->mtime = sqlite3_column_int64 (stmt, 2);
      entry->size = sqlite3_column_int64 (stmt, 3);
      entry->extras = sqlite3_column_int (stmt, 4);
      g_hash_table_insert (job->index, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), entry);
    }

  if (rc != SQLITE_DONE)
    return fanfare_library_db_set_error (job->db, error);

  return TRUE;
}

/* Tracks under a folder that could not be listed are kept. */
gboolean
_fanfare_library_scan_is_protected (ScanJob    *job,
                                    const char *path)
{
  for (guint i = 0; i < job->protected_dirs->len; i++)
    {
      const char *dir = job->protected_dirs->pdata[i];
      gsize len = strlen (dir);

      if (strncmp (path, dir, len) == 0 && (path[len] == '/' || path[len] == '\0'))
        return TRUE;
    }

  return FALSE;
}

static void
add_to_read (ScanJob    *job,
             const char *path,
             gint64      mtime,
             gint64      size)
{
  ToRead *file = g_new0 (ToRead, 1);

  file->path = g_strdup (path);
  file->mtime = mtime;
  file->size = size;
  g_ptr_array_add (job->to_read, file);
}

static void
consider_file (ScanJob    *job,
               const char *path,
               GStatBuf   *st)
{
  gpointer key = NULL;
  gpointer value = NULL;
  IndexEntry *entry;

  /* Still there: what reading it again finds decides what becomes of it. */
  if (g_hash_table_lookup_extended (job->index, path, &key, &value))
    {
      entry = value;
      entry->seen = TRUE;
      if (entry->mtime == STAT_MTIME (st) && entry->size == st->st_size)
        {
          g_ptr_array_add (job->unchanged, key);
          if ((entry->extras & SIDECAR_EXTRAS) != 0)
            job->unchanged_had_sidecars = TRUE;
          return;
        }
      entry->changed = TRUE;
    }

  add_to_read (job, path, STAT_MTIME (st), st->st_size);
}

static gboolean
listed_beside (const char *name,
               gpointer    user_data)
{
  ScanJob *job = user_data;

  return g_hash_table_contains (job->sidecars, name);
}

/* The unchanged tracks of the folder just listed whose .lrc or .cue files
 * came or went are read again. @on_disk looks for them on the disk rather
 * than among the names listed. */
static void
check_sidecars (ScanJob  *job,
                gboolean  on_disk)
{
  /* The usual case, a folder of music alone, costs no more. */
  gboolean none = !on_disk && !job->unchanged_had_sidecars && g_hash_table_size (job->sidecars) == 0;

  for (guint i = 0; i < job->unchanged->len && !none; i++)
    {
      const char *path = job->unchanged->pdata[i];
      IndexEntry *entry = g_hash_table_lookup (job->index, path);
      guint had = entry->extras & SIDECAR_EXTRAS;
      guint found;

      if (on_disk)
        found = fanfare_tags_find_sidecars (path, NULL, NULL);
      else
        found = fanfare_tags_find_sidecars (strrchr (path, G_DIR_SEPARATOR) + 1, listed_beside, job);
      if (found == had)
        continue;

      g_debug ("The lyrics or cue sheet beside %s came or went", path);
      entry->changed = TRUE;
      add_to_read (job, path, entry->mtime, entry->size);
    }

  g_ptr_array_set_size (job->unchanged, 0);
  g_hash_table_remove_all (job->sidecars);
  job->unchanged_had_sidecars = FALSE;
}

static void
problem (ScanJob                   *job,
         const char                *path,
         FanfareLibraryProblemKind  kind,
         int                        saved_errno)
{
  ReadResult *result = g_new0 (ReadResult, 1);

  result->path = g_strdup (path);
  result->problem = kind;
  if (saved_errno != 0)
    result->detail = g_strdup (g_strerror (saved_errno));
  g_ptr_array_add (job->walk_problems, result);
}

/* Returns FALSE when the folder was reached before. */
static gboolean
visit (ScanJob  *job,
       GStatBuf *st)
{
  FileId *id = g_new0 (FileId, 1);

  id->dev = st->st_dev;
  id->ino = st->st_ino;

  return g_hash_table_add (job->visited, id);
}

/* Lists one folder: its files are considered, its folders pushed on
 * @pending. */
static void
list_folder (ScanJob    *job,
             const char *folder,
             GPtrArray  *pending)
{
  DIR *dir = opendir (folder);
  struct dirent *dirent;

  if (dir == NULL)
    {
      problem (job, folder, FANFARE_LIBRARY_PROBLEM_UNREADABLE_FOLDER, errno);
      g_ptr_array_add (job->protected_dirs, g_strdup (folder));
      return;
    }

  g_ptr_array_add (job->result->folders, g_strdup (folder));

  while ((dirent = readdir (dir)) != NULL)
    {
      const char *name = dirent->d_name;
      g_autofree char *path = NULL;
      GStatBuf st;

      if (name[0] == '.')
        continue;
      if (dirent->d_type == DT_REG && !fanfare_library_is_audio_name (name))
        {
          if (fanfare_tags_sidecar_kind (name) != FANFARE_LIBRARY_EXTRAS_NONE)
            g_hash_table_add (job->sidecars, g_strdup (name));
          continue;
        }

      path = g_build_filename (folder, name, NULL);
      /* A dangling link, or a file gone since the listing. */
      if (fstatat (dirfd (dir), name, &st, 0) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          if (visit (job, &st))
            g_ptr_array_add (pending, g_steal_pointer (&path));
          else
            problem (job, path, FANFARE_LIBRARY_PROBLEM_SYMLINK_LOOP, 0);
        }
      else if (S_ISREG (st.st_mode) && fanfare_library_is_audio_name (name))
        {
          consider_file (job, path, &st);
        }
      else if (S_ISREG (st.st_mode) && fanfare_tags_sidecar_kind (name) != FANFARE_LIBRARY_EXTRAS_NONE)
        {
          g_hash_table_add (job->sidecars, g_strdup (name));
        }
    }

  closedir (dir);
  check_sidecars (job, FALSE);
}

void
_fanfare_library_scan_walk (ScanJob *job)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  GStatBuf st;

  if (g_stat (job->root, &st) != 0)
    {
      if (!job->roots_may_vanish)
        {
          problem (job, job->root, FANFARE_LIBRARY_PROBLEM_UNREADABLE_FOLDER, errno);
          g_ptr_array_add (job->protected_dirs, g_strdup (job->root));
        }
      return;
    }

  if (S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_path_get_basename (job->root);

      if (fanfare_library_is_audio_name (name))
        consider_file (job, job->root, &st);
      check_sidecars (job, TRUE);
      return;
    }

  if (!S_ISDIR (st.st_mode))
    return;

  visit (job, &st);
  g_ptr_array_add (pending, g_strdup (job->root));

  while (pending->len > 0 && !g_cancellable_is_cancelled (job->cancellable))
    {
      g_autofree char *folder = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      list_folder (job, folder, pending);
    }
}

/* Problems under the root that this scan did not record again are gone:
 * those of files read well this time, and of files that are no more. The
 * problems of files that were not read, not having changed, stay. */
gboolean
_fanfare_library_scan_prune_problems (ScanJob *job,
                                      GError **error)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = fanfare_library_db_prepare (job->db,
                                     "SELECT path FROM problems WHERE path = ?1"
                                     " OR (path > ?1 || '/' AND path < ?1 || '0')", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, job->root, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (stmt, 0);
      IndexEntry *entry = g_hash_table_lookup (job->index, path);

      if (g_hash_table_contains (job->problem_paths, path) ||
          (entry != NULL && entry->seen && !entry->changed) ||
          _fanfare_library_scan_is_protected (job, path))
        continue;
      g_ptr_array_add (stale, g_strdup (path));
    }
  if (rc != SQLITE_DONE)
    return fanfare_library_db_set_error (job->db, error);

  for (guint i = 0; i < stale->len; i++)
    if (!fanfare_library_writer_clear_problem (job->writer, stale->pdata[i], error))
      return FALSE;

  return TRUE;
}
