/* fanfare-library-scanner.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs scans one after the other in a worker thread and reports their
 * progress as properties on the main thread, where the UI binds them. The
 * worker hands its counts over through atomics and wakes the main context
 * at most once per pending update, so a fast scan does not flood it. */

#include "config.h"

#ifdef HAVE_MALLOC_TRIM
# include <malloc.h>
#endif

#include "fanfare-library-scan.h"
#include "fanfare-library-scanner.h"
#include "fanfare-utils.h"

struct _FanfareLibraryScanner
{
  GObject parent_instance;

  /* Owned */
  char         *db_path;
  char         *cover_dir;
  GMainContext *context;
  GQueue        pending;       /* of GTask, waiting for the running scan */
  GTask        *running;
  gboolean      next_queued;   /* the next scan starts at the next idle */

  /* State, on the main thread */
  guint files_found;
  guint files_done;

  /* Handed over by the scanning thread */
  guint thread_found;
  guint thread_done;
  int   progress_queued;
  int   committed_queued;
};

G_DEFINE_FINAL_TYPE (FanfareLibraryScanner, fanfare_library_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCANNING,
  PROP_FILES_FOUND,
  PROP_FILES_DONE,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  INDEX_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  GStrv                    roots;
  GStrv                    keep;        /* for forgetting: the folders that stay */
  gboolean                 forget;
  gboolean                 roots_may_vanish;
  FanfareLibraryScanResult result;
} ScanData;

static void
scan_data_free (ScanData *data)
{
  g_strfreev (data->roots);
  g_strfreev (data->keep);
  fanfare_library_scan_result_clear (&data->result);
  g_free (data);
}

static void start_next (FanfareLibraryScanner *self);
static gboolean start_next_cb (gpointer  user_data);

static gboolean
progress_cb (gpointer  user_data)
{
  FanfareLibraryScanner *self = user_data;
  guint found, done;

  g_atomic_int_set (&self->progress_queued, FALSE);
  found = g_atomic_int_get (&self->thread_found);
  done = g_atomic_int_get (&self->thread_done);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->files_found != found)
    {
      self->files_found = found;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES_FOUND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  if (self->files_done != done)
    {
      self->files_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES_DONE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

static gboolean
committed_cb (gpointer  user_data)
{
  FanfareLibraryScanner *self = user_data;

  g_atomic_int_set (&self->committed_queued, FALSE);
  g_signal_emit (self, signals[INDEX_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* Called in the scanning thread. */
static void
thread_progress (guint     files_found,
                 guint     files_done,
                 gpointer  user_data)
{
  FanfareLibraryScanner *self = user_data;

  g_atomic_int_set (&self->thread_found, files_found);
  g_atomic_int_set (&self->thread_done, files_done);
  if (!g_atomic_int_exchange (&self->progress_queued, TRUE))
    fanfare_dispatch_to_context (self->context, G_PRIORITY_DEFAULT_IDLE, progress_cb,
                                 g_object_ref (self), g_object_unref);
}

/* Called in the scanning thread. */
static void
thread_committed (gpointer  user_data)
{
  FanfareLibraryScanner *self = user_data;

  if (!g_atomic_int_exchange (&self->committed_queued, TRUE))
    fanfare_dispatch_to_context (self->context, G_PRIORITY_DEFAULT, committed_cb,
                                 g_object_ref (self), g_object_unref);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FanfareLibraryScanner *self = source_object;
  ScanData *data = task_data;
  FanfareLibraryScanCallbacks callbacks = { thread_progress, thread_committed, NULL, self };
  GError *error = NULL;
  gboolean ok;

  if (data->forget)
    {
      ok = fanfare_library_forget_run (self->db_path, data->roots[0],
                                       (const char * const *) data->keep, &error);
      memset (&data->result, 0, sizeof data->result);
      data->result.folders = g_ptr_array_new_with_free_func (g_free);
      if (ok)
        thread_committed (self);
    }
  else
    {
      ok = fanfare_library_scan_run (self->db_path, self->cover_dir,
                                     (const char * const *) data->roots, data->roots_may_vanish,
                                     &callbacks, &data->result, cancellable, &error);
    }

#ifdef HAVE_MALLOC_TRIM
  /* A scan holds the paths of the whole library for a moment, in the
   * arenas of its threads; glibc keeps such memory unless asked. */
  malloc_trim (0);
#endif

  if (!ok)
    {
      /* What was written before the failure is in the index already. */
      thread_committed (self);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
scan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FanfareLibraryScanner *self = FANFARE_LIBRARY_SCANNER (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_assert (self->running == task);
  g_clear_object (&self->running);

  /* The last counts and commit come before the scan is said to be over. */
  progress_cb (self);
  if (g_atomic_int_get (&self->committed_queued))
    committed_cb (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  /* A scan queued meanwhile (by a file monitor) starts once the caller has
   * heard that this one is over, so that this one's counts are still there
   * to read. */
  self->next_queued = TRUE;
  fanfare_dispatch_to_context (self->context, G_PRIORITY_DEFAULT_IDLE, start_next_cb,
                               g_object_ref (self), g_object_unref);
}

static void
start_next (FanfareLibraryScanner *self)
{
  g_autoptr(GTask) inner = NULL;
  GTask *task;

  task = g_queue_pop_head (&self->pending);
  if (task == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);
      return;
    }

  self->running = g_object_ref (task);
  g_atomic_int_set (&self->thread_found, 0);
  g_atomic_int_set (&self->thread_done, 0);
  progress_cb (self);

  /* The inner task runs in the thread; the outer one is returned when it
   * is done, after which the next scan starts. */
  inner = g_task_new (self, g_task_get_cancellable (task), scan_done_cb, task);
  g_task_set_source_tag (inner, start_next);
  g_task_set_task_data (inner, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (inner, scan_thread);
}

static gboolean
start_next_cb (gpointer  user_data)
{
  FanfareLibraryScanner *self = user_data;

  self->next_queued = FALSE;
  if (self->running == NULL)
    start_next (self);

  return G_SOURCE_REMOVE;
}

static void
fanfare_library_scanner_finalize (GObject *object)
{
  FanfareLibraryScanner *self = FANFARE_LIBRARY_SCANNER (object);

  g_assert (self->running == NULL);
  g_assert (g_queue_is_empty (&self->pending));

  g_free (self->db_path);
  g_free (self->cover_dir);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (fanfare_library_scanner_parent_class)->finalize (object);
}

static void
fanfare_library_scanner_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  FanfareLibraryScanner *self = FANFARE_LIBRARY_SCANNER (object);

  switch (prop_id)
    {
    case PROP_SCANNING:
      g_value_set_boolean (value, fanfare_library_scanner_get_scanning (self));
      break;

    case PROP_FILES_FOUND:
      g_value_set_uint (value, self->files_found);
      break;

    case PROP_FILES_DONE:
      g_value_set_uint (value, self->files_done);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, fanfare_library_scanner_get_progress (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_library_scanner_class_init (FanfareLibraryScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fanfare_library_scanner_finalize;
  object_class->get_property = fanfare_library_scanner_get_property;

  properties[PROP_SCANNING] = g_param_spec_boolean ("scanning", NULL, NULL, FALSE, flags);
  properties[PROP_FILES_FOUND] = g_param_spec_uint ("files-found", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FILES_DONE] = g_param_spec_uint ("files-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfareLibraryScanner::index-changed:
   *
   * Emitted on the main thread after a scan wrote to the index.
   */
  signals[INDEX_CHANGED] = g_signal_new ("index-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
fanfare_library_scanner_init (FanfareLibraryScanner *self)
{
  g_queue_init (&self->pending);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * fanfare_library_scanner_new:
 * @db_path: the index's file
 * @cover_dir: (nullable): the cover cache's folder
 *
 * Returns: (transfer full): a new scanner, reporting to the thread-default
 *   main context of the calling thread
 */
FanfareLibraryScanner *
fanfare_library_scanner_new (const char *db_path,
                             const char *cover_dir)
{
  FanfareLibraryScanner *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_LIBRARY_SCANNER, NULL);
  self->db_path = g_strdup (db_path);
  self->cover_dir = g_strdup (cover_dir);

  return self;
}

/* Scans and forgetting run one at a time, in the order asked. */
static void
queue_job (FanfareLibraryScanner *self,
           ScanData              *data,
           GCancellable          *cancellable,
           GAsyncReadyCallback    callback,
           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_library_scanner_scan_async);
  g_task_set_task_data (task, data, (GDestroyNotify) scan_data_free);

  g_queue_push_tail (&self->pending, g_steal_pointer (&task));
  if (self->running == NULL && !self->next_queued)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);
      start_next (self);
    }
}

/**
 * fanfare_library_scanner_scan_async:
 * @self: a #FanfareLibraryScanner
 * @roots: folders or files to scan
 * @roots_may_vanish: whether a root that is not there was deleted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the scan is over
 * @user_data: data for @callback
 *
 * Scans @roots in a worker thread, after any scan asked for before.
 */
void
fanfare_library_scanner_scan_async (FanfareLibraryScanner *self,
                                    const char * const    *roots,
                                    gboolean               roots_may_vanish,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  ScanData *data;

  g_return_if_fail (FANFARE_IS_LIBRARY_SCANNER (self));
  g_return_if_fail (roots != NULL);

  data = g_new0 (ScanData, 1);
  data->roots = g_strdupv ((char **) roots);
  data->roots_may_vanish = roots_may_vanish;
  queue_job (self, data, cancellable, callback, user_data);
}

/**
 * fanfare_library_scanner_forget_async:
 * @self: a #FanfareLibraryScanner
 * @folder: a folder taken out of the library
 * @keep: (nullable): the library's folders, whose tracks stay
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is done; finish with
 *   fanfare_library_scanner_scan_finish()
 * @user_data: data for @callback
 *
 * Removes what the index holds under @folder, after the scans asked for
 * before.
 */
void
fanfare_library_scanner_forget_async (FanfareLibraryScanner *self,
                                      const char            *folder,
                                      const char * const    *keep,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  ScanData *data;

  g_return_if_fail (FANFARE_IS_LIBRARY_SCANNER (self));
  g_return_if_fail (folder != NULL);

  data = g_new0 (ScanData, 1);
  data->roots = g_strdupv ((char *[]) { (char *) folder, NULL });
  data->keep = g_strdupv ((char **) keep);
  data->forget = TRUE;
  queue_job (self, data, cancellable, callback, user_data);
}

/**
 * fanfare_library_scanner_scan_finish:
 * @self: a #FanfareLibraryScanner
 * @result: the result given to the callback
 * @folders: (out) (optional) (transfer full): the folders the scan walked
 * @error: return location for a #GError
 *
 * Returns: whether the scan ran to its end
 */
gboolean
fanfare_library_scanner_scan_finish (FanfareLibraryScanner *self,
                                     GAsyncResult          *result,
                                     GStrv                 *folders,
                                     GError               **error)
{
  ScanData *data;

  g_return_val_if_fail (FANFARE_IS_LIBRARY_SCANNER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (folders != NULL)
    {
      g_ptr_array_add (data->result.folders, NULL);
      *folders = (GStrv) g_ptr_array_steal (data->result.folders, NULL);
    }

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
fanfare_library_scanner_get_scanning (FanfareLibraryScanner *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_SCANNER (self), FALSE);

  return self->running != NULL || !g_queue_is_empty (&self->pending);
}

guint
fanfare_library_scanner_get_files_found (FanfareLibraryScanner *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_SCANNER (self), 0);

  return self->files_found;
}

guint
fanfare_library_scanner_get_files_done (FanfareLibraryScanner *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_SCANNER (self), 0);

  return self->files_done;
}

/**
 * fanfare_library_scanner_get_progress:
 * @self: a #FanfareLibraryScanner
 *
 * Returns: the share of the files found so far that have been read, from 0
 *   to 1; 1 when there is nothing to read
 */
double
fanfare_library_scanner_get_progress (FanfareLibraryScanner *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_SCANNER (self), 0);

  if (self->files_found == 0)
    return 1.0;

  return MIN (1.0, (double) self->files_done / self->files_found);
}
