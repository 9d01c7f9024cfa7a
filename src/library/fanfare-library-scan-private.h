/* fanfare-library-scan-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>

#include "fanfare-library-db.h"
#include "fanfare-library-scan.h"
#include "fanfare-library-writer.h"
#include "fanfare-tags.h"

G_BEGIN_DECLS

/* Modification times are kept to the nanosecond: a file rewritten within
 * the same second is still seen to change. */
#define STAT_MTIME(st) ((gint64) (st)->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + (st)->st_mtim.tv_nsec)

/* A track of the index under the root being scanned. */
typedef struct {
  gint64   id;
  gint64   mtime;
  gint64   size;
  guint    extras;             /* FanfareLibraryExtras, as last read */
  gboolean seen;               /* found by the walk */
  gboolean changed;            /* and read again */
} IndexEntry;

/* A file the walk found new or changed. */
typedef struct {
  char  *path;
  gint64 mtime;
  gint64 size;
} ToRead;

/* What a reader thread sends back, or a problem the walk found. */
typedef struct {
  char                     *path;
  gint64                    mtime;
  gint64                    size;
  FanfareTags              *tags;
  FanfareTrackKeys         *keys;
  char                     *cover;
  FanfareLibraryProblemKind problem;
  char                     *detail;
  gboolean                  skipped;
} ReadResult;

typedef struct {
  /* Borrowed */
  const char                        *cover_dir;
  const FanfareLibraryScanCallbacks *callbacks;
  FanfareLibraryScanResult          *result;
  GCancellable                      *cancellable;
  const char                        *root;
  gboolean                           roots_may_vanish;

  /* Owned */
  FanfareLibraryDb     *db;
  FanfareLibraryWriter *writer;
  GHashTable           *index;                       /* path -> IndexEntry */
  GPtrArray            *to_read;                     /* of ToRead */
  GPtrArray            *walk_problems;               /* of ReadResult */
  GPtrArray            *protected_dirs;              /* folders that could not be listed */
  GHashTable           *problem_paths;               /* recorded by this scan */
  GHashTable           *visited;                     /* folders' device and inode */
  GHashTable           *sidecars;                    /* .lrc and .cue names in the folder listed */
  GPtrArray            *unchanged;                   /* indexed paths in it, borrowed */
  gboolean              unchanged_had_sidecars;      /* one of them had a .lrc or .cue */
  GAsyncQueue          *results;                     /* of ReadResult */
  GAsyncQueue          *cover_results;               /* of CoverJob, borrowed */

  /* Shared with the reader threads, under covers_lock */
  GMutex      covers_lock;
  GHashTable *covers_tried;                          /* album keys */
  GPtrArray  *cover_jobs;                            /* of CoverJob, made after the tracks */

  /* State of the writing thread */
  gboolean in_batch;
  gint64   batch_start;
  guint    batch_count;
  guint    files_done;
} ScanJob;

gboolean _fanfare_library_scan_begin (ScanJob *job,
                                      GError **error);
gboolean _fanfare_library_scan_commit (ScanJob *job,
                                       GError **error);
char    *_fanfare_library_scan_cover_for (ScanJob     *job,
                                          const char  *path,
                                          FanfareTags *tags);
gboolean _fanfare_library_scan_make_covers (ScanJob *job,
                                            GError **error);
void     _fanfare_library_cover_job_free (gpointer  data);
gboolean _fanfare_library_scan_load_index (ScanJob *job,
                                           GError **error);
void     _fanfare_library_scan_walk (ScanJob *job);
gboolean _fanfare_library_scan_is_protected (ScanJob    *job,
                                             const char *path);
gboolean _fanfare_library_scan_prune_problems (ScanJob *job,
                                               GError **error);
void     _fanfare_library_to_read_free (gpointer  data);
guint    _fanfare_file_id_hash (gconstpointer  key);
gboolean _fanfare_file_id_equal (gconstpointer  a,
                                 gconstpointer  b);

G_END_DECLS
