/* fanfare-library-monitor.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Watches the library's folders after a scan, one GFileMonitor per folder,
 * and gathers what changed for a moment before it says so: saving an album
 * from a tagger touches many files at once, and one scan of them all is
 * cheaper than one each. */

#include "config.h"

#include "fanfare-library-monitor.h"

#define SETTLE_MS 300

struct _FanfareLibraryMonitor
{
  GObject parent_instance;

  /* Owned */
  GHashTable *monitors;        /* folder path -> GFileMonitor */
  GHashTable *changed;         /* paths */

  /* State */
  guint settle_id;
};

G_DEFINE_FINAL_TYPE (FanfareLibraryMonitor, fanfare_library_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
settle_cb (gpointer  user_data)
{
  FanfareLibraryMonitor *self = user_data;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  self->settle_id = 0;

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_ptr_array_add (paths, key);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_add (paths, NULL);

  g_signal_emit (self, signals[CHANGED], 0, paths->pdata);

  return G_SOURCE_REMOVE;
}

static void
note_change (FanfareLibraryMonitor *self,
             GFile                 *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  name = g_path_get_basename (path);
  if (name[0] == '.')
    return;

  g_hash_table_add (self->changed, g_steal_pointer (&path));
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  FanfareLibraryMonitor *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      note_change (self, file);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED:
      note_change (self, file);
      note_change (self, other_file);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    default:
      break;
    }
}

static void
fanfare_library_monitor_dispose (GObject *object)
{
  FanfareLibraryMonitor *self = FANFARE_LIBRARY_MONITOR (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitors != NULL)
    g_hash_table_remove_all (self->monitors);

  G_OBJECT_CLASS (fanfare_library_monitor_parent_class)->dispose (object);
}

static void
fanfare_library_monitor_finalize (GObject *object)
{
  FanfareLibraryMonitor *self = FANFARE_LIBRARY_MONITOR (object);

  g_hash_table_unref (self->monitors);
  g_hash_table_unref (self->changed);

  G_OBJECT_CLASS (fanfare_library_monitor_parent_class)->finalize (object);
}

static void
fanfare_library_monitor_class_init (FanfareLibraryMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_library_monitor_dispose;
  object_class->finalize = fanfare_library_monitor_finalize;

  /**
   * FanfareLibraryMonitor::changed:
   * @paths: (array zero-terminated=1): the files and folders that changed
   *
   * Emitted a moment after files or folders changed in a watched folder.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
stop_monitor (gpointer  data)
{
  GFileMonitor *monitor = data;

  g_signal_handlers_disconnect_matched (monitor, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        monitor_changed_cb, NULL);
  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
}

static void
fanfare_library_monitor_init (FanfareLibraryMonitor *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stop_monitor);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

FanfareLibraryMonitor *
fanfare_library_monitor_new (void)
{
  return g_object_new (FANFARE_TYPE_LIBRARY_MONITOR, NULL);
}

/**
 * fanfare_library_monitor_watch:
 * @self: a #FanfareLibraryMonitor
 * @folders: folders to watch, besides those watched already
 */
void
fanfare_library_monitor_watch (FanfareLibraryMonitor *self,
                               const char * const    *folders)
{
  g_return_if_fail (FANFARE_IS_LIBRARY_MONITOR (self));
  g_return_if_fail (folders != NULL);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      GFileMonitor *monitor;

      if (g_hash_table_contains (self->monitors, folders[i]))
        continue;

      file = g_file_new_for_path (folders[i]);
      monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (monitor == NULL)
        {
          g_debug ("Not watching %s: %s", folders[i], error->message);
          continue;
        }

      g_signal_connect (monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
      g_hash_table_insert (self->monitors, g_strdup (folders[i]), monitor);
    }
}

/**
 * fanfare_library_monitor_unwatch:
 * @self: a #FanfareLibraryMonitor
 * @folder: a folder
 *
 * Stops watching @folder and the folders under it.
 */
void
fanfare_library_monitor_unwatch (FanfareLibraryMonitor *self,
                                 const char            *folder)
{
  g_autofree char *prefix = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (FANFARE_IS_LIBRARY_MONITOR (self));
  g_return_if_fail (folder != NULL);

  prefix = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  g_hash_table_iter_init (&iter, self->monitors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_equal (key, folder) || g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
}

guint
fanfare_library_monitor_get_n_folders (FanfareLibraryMonitor *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_MONITOR (self), 0);

  return g_hash_table_size (self->monitors);
}
