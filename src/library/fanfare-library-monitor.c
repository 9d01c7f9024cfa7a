/* fanfare-library-monitor.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Watches the library's folders after a scan, and gathers what changed for
 * a moment before it says so: saving an album from a tagger touches many
 * files at once, and one scan of them all is cheaper than one each.
 *
 * It speaks to inotify itself, through one descriptor and one main-loop
 * source for every folder: a GFileMonitor per folder attaches a source of
 * its own to the main context, and with the ten thousand folders of a
 * large collection the main loop spent its time walking them. */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "fanfare-library-monitor.h"

#define SETTLE_MS  300
#define WATCH_MASK (IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | \
                    IN_ATTRIB | IN_ONLYDIR)

struct _FanfareLibraryMonitor
{
  GObject parent_instance;

  /* Owned */
  GHashTable *folders;         /* folder path -> watch descriptor */
  GHashTable *watches;         /* watch descriptor -> folder path (borrowed) */
  GHashTable *changed;         /* paths */

  /* State */
  int   fd;
  guint fd_source_id;
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
             char                  *path)
{
  g_autofree char *owned = path;

  if (g_hash_table_add (self->changed, g_steal_pointer (&owned)) && self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
forget_watch (FanfareLibraryMonitor *self,
              int                    wd)
{
  const char *folder = g_hash_table_lookup (self->watches, GINT_TO_POINTER (wd));

  if (folder == NULL)
    return;

  g_hash_table_remove (self->watches, GINT_TO_POINTER (wd));
  g_hash_table_remove (self->folders, folder);
}

/* When the kernel dropped events, every watched folder whose parent is not
 * watched is looked at again whole. */
static void
note_overflow (FanfareLibraryMonitor *self)
{
  GHashTableIter iter;
  gpointer key;

  g_debug ("Too many changes at once: looking at the library's folders again");
  g_hash_table_iter_init (&iter, self->folders);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *parent = g_path_get_dirname (key);

      if (!g_hash_table_contains (self->folders, parent))
        note_change (self, g_strdup (key));
    }
}

static gboolean
add_watch (FanfareLibraryMonitor *self,
           const char            *path)
{
  char *folder;
  int wd;

  if (g_hash_table_contains (self->folders, path))
    return FALSE;

  wd = inotify_add_watch (self->fd, path, WATCH_MASK);
  if (wd < 0)
    {
      g_debug ("Not watching %s: %s", path, g_strerror (errno));
      return FALSE;
    }

  /* A folder seen under two names shares one watch: the last name wins. */
  forget_watch (self, wd);
  folder = g_strdup (path);
  g_hash_table_insert (self->folders, folder, GINT_TO_POINTER (wd));
  g_hash_table_insert (self->watches, GINT_TO_POINTER (wd), folder);

  return TRUE;
}

/* Watches @path and the folders under it. */
static void
watch_tree (FanfareLibraryMonitor *self,
            const char            *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!add_watch (self, path) || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] != '.' && g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        watch_tree (self, child);
    }
}

static void
handle_event (FanfareLibraryMonitor      *self,
              const struct inotify_event *event)
{
  g_autofree char *path = NULL;
  const char *folder;

  if (event->mask & IN_Q_OVERFLOW)
    {
      note_overflow (self);
      return;
    }

  /* The folder itself went away, or its file system did. */
  if (event->mask & IN_IGNORED)
    {
      folder = g_hash_table_lookup (self->watches, GINT_TO_POINTER (event->wd));
      if (folder != NULL)
        note_change (self, g_strdup (folder));
      forget_watch (self, event->wd);
      return;
    }

  folder = g_hash_table_lookup (self->watches, GINT_TO_POINTER (event->wd));
  if (folder == NULL || event->len == 0 || event->name[0] == '\0' || event->name[0] == '.')
    return;

  path = g_build_filename (folder, event->name, NULL);

  /* A new folder is watched at once, before the scan that reads it: what
   * is written into it meanwhile is not missed. */
  if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)))
    watch_tree (self, path);

  note_change (self, g_steal_pointer (&path));
}

static gboolean
fanfare_library_monitor_readable_cb (int           fd,
                                     GIOCondition  condition,
                                     gpointer      user_data)
{
  FanfareLibraryMonitor *self = user_data;
  char buffer[16 * 1024] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      for (ssize_t offset = 0; offset < n;)
        {
          const struct inotify_event *event = (const struct inotify_event *) (buffer + offset);

          handle_event (self, event);
          offset += sizeof (struct inotify_event) + event->len;
        }
    }

  if (n < 0 && errno != EAGAIN && errno != EINTR)
    {
      g_warning ("Could not read the library's folder changes: %s", g_strerror (errno));
      self->fd_source_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
fanfare_library_monitor_dispose (GObject *object)
{
  FanfareLibraryMonitor *self = FANFARE_LIBRARY_MONITOR (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->fd_source_id, g_source_remove);
  if (self->fd >= 0)
    {
      /* Closing the descriptor drops every watch at once. */
      close (self->fd);
      self->fd = -1;
    }
  g_hash_table_remove_all (self->watches);
  g_hash_table_remove_all (self->folders);

  G_OBJECT_CLASS (fanfare_library_monitor_parent_class)->dispose (object);
}

static void
fanfare_library_monitor_finalize (GObject *object)
{
  FanfareLibraryMonitor *self = FANFARE_LIBRARY_MONITOR (object);

  g_hash_table_unref (self->watches);
  g_hash_table_unref (self->folders);
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
fanfare_library_monitor_init (FanfareLibraryMonitor *self)
{
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->watches = g_hash_table_new (NULL, NULL);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (self->fd < 0)
    g_warning ("Changes to the library's folders cannot be watched: %s", g_strerror (errno));
  else
    self->fd_source_id = g_unix_fd_add (self->fd, G_IO_IN, fanfare_library_monitor_readable_cb, self);
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

  if (self->fd < 0)
    return;

  for (guint i = 0; folders[i] != NULL; i++)
    add_watch (self, folders[i]);
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
  gpointer key, value;

  g_return_if_fail (FANFARE_IS_LIBRARY_MONITOR (self));
  g_return_if_fail (folder != NULL);

  prefix = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  g_hash_table_iter_init (&iter, self->folders);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal (key, folder) || g_str_has_prefix (key, prefix))
      {
        int wd = GPOINTER_TO_INT (value);

        inotify_rm_watch (self->fd, wd);
        g_hash_table_remove (self->watches, GINT_TO_POINTER (wd));
        g_hash_table_iter_remove (&iter);
      }
}

guint
fanfare_library_monitor_get_n_folders (FanfareLibraryMonitor *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_MONITOR (self), 0);

  return g_hash_table_size (self->folders);
}
