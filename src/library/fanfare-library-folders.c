/* fanfare-library-folders.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's folders and what keeps the index in step with them: the
 * XDG Music folder and those of the "library-folders" setting, scanned
 * whole on request, then watched; a change of the setting scans the new
 * folders and forgets the ones taken out. Also the command line's
 * synchronous scan. */

#include "config.h"

#include "fanfare-library-private.h"
#include "fanfare-library-scan.h"

#define FOLDERS_KEY "library-folders"

/* A setting's entry is a URI or a path; "~/" is the home folder. */
static char *
entry_to_path (const char *entry)
{
  g_autoptr(GFile) file = NULL;

  if (entry == NULL || entry[0] == '\0')
    return NULL;

  if (g_str_has_prefix (entry, "~/"))
    return g_build_filename (g_get_home_dir (), entry + 2, NULL);

  if (strstr (entry, "://") != NULL)
    file = g_file_new_for_uri (entry);
  else
    file = g_file_new_for_path (entry);

  return g_file_get_path (file);
}

static gboolean
is_inside (const char *path,
           const char *folder)
{
  gsize len = strlen (folder);

  return strncmp (path, folder, len) == 0 && (path[len] == '/' || path[len] == '\0');
}

/* The folders, without repeats or folders inside another. */
static GStrv
without_nested (GPtrArray *paths)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < paths->len; i++)
    {
      gboolean nested = FALSE;

      for (guint j = 0; j < paths->len && !nested; j++)
        nested = i != j && is_inside (paths->pdata[i], paths->pdata[j]) &&
                 (!g_str_equal (paths->pdata[i], paths->pdata[j]) || j < i);
      if (!nested)
        g_strv_builder_add (builder, paths->pdata[i]);
    }

  return g_strv_builder_end (builder);
}

GStrv
_fanfare_library_read_folders (GSettings *settings)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *music = g_get_user_special_dir (G_USER_DIRECTORY_MUSIC);
  g_auto(GStrv) entries = NULL;

  if (music != NULL)
    g_ptr_array_add (paths, g_canonicalize_filename (music, NULL));

  if (settings != NULL)
    entries = g_settings_get_strv (settings, FOLDERS_KEY);
  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      g_autofree char *path = entry_to_path (entries[i]);

      if (path != NULL)
        g_ptr_array_add (paths, g_canonicalize_filename (path, NULL));
    }

  return without_nested (paths);
}

/**
 * fanfare_library_get_folders:
 * @self: a #FanfareLibrary
 *
 * Returns: (transfer full): the folders of the library: the Music folder
 *   and those the user added
 */
GStrv
fanfare_library_get_folders (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return _fanfare_library_read_folders (self->settings);
}

void
_fanfare_library_reload_problems (FanfareLibrary *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    return;

  stmt = fanfare_library_db_prepare (self->db,
                                     "SELECT path, kind, detail FROM problems ORDER BY path", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     fanfare_library_problem_new ((const char *) sqlite3_column_text (stmt, 0),
                                                  sqlite3_column_int (stmt, 1),
                                                  (const char *) sqlite3_column_text (stmt, 2)));

  g_list_store_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                       problems->pdata, problems->len);
}

static void
watch_scanned (FanfareLibrary *self,
               GAsyncResult   *result,
               GError        **error,
               gboolean       *ok)
{
  g_auto(GStrv) folders = NULL;

  *ok = fanfare_library_scanner_scan_finish (self->scanner, result, &folders, error);
  if (folders != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      gboolean was_watching = fanfare_library_get_watching (self);

      fanfare_library_monitor_watch (self->monitor, (const char * const *) folders);
      if (was_watching != fanfare_library_get_watching (self))
        g_object_notify (G_OBJECT (self), "watching");
    }
}

static void
scan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareLibrary *self = g_task_get_source_object (task);
  GError *error = NULL;
  gboolean ok;

  watch_scanned (self, result, &error, &ok);
  _fanfare_library_reload_problems (self);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * fanfare_library_scan_async:
 * @self: an open #FanfareLibrary
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the scan is over
 * @user_data: data for @callback
 *
 * Scans the library's folders in a worker thread: new and changed files are
 * read, files that are gone removed; the scanner's properties tell the
 * progress, and the lists change as batches are written. After the scan
 * the folders are watched, and changes are taken in as they happen.
 */
void
fanfare_library_scan_async (FanfareLibrary      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FANFARE_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_library_scan_async);

  g_strfreev (self->folders);
  self->folders = _fanfare_library_read_folders (self->settings);
  if (self->folders[0] == NULL)
    {
      g_task_return_new_error (task, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NO_FOLDER,
                               "There is no Music folder and no folder was added");
      return;
    }

  fanfare_library_scanner_scan_async (self->scanner, (const char * const *) self->folders, FALSE,
                                      cancellable != NULL ? cancellable : self->cancellable,
                                      scan_cb, g_steal_pointer (&task));
}

gboolean
fanfare_library_scan_finish (FanfareLibrary *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Scans the library starts by itself hold it weakly: they are cancelled
 * when it goes. */
static gpointer
weak_ref_new (FanfareLibrary *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);

  return ref;
}

static void
background_scan_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(FanfareLibrary) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    {
      fanfare_library_scanner_scan_finish (FANFARE_LIBRARY_SCANNER (object), result, NULL, NULL);
      return;
    }

  watch_scanned (self, result, &error, &ok);
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not take in changes to the library: %s", error->message);
  _fanfare_library_reload_problems (self);
}

static void
monitor_changed_cb (FanfareLibrary     *self,
                    const char * const *paths)
{
  /* A folder that went away is watched no more. */
  for (guint i = 0; paths[i] != NULL; i++)
    if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      fanfare_library_monitor_unwatch (self->monitor, paths[i]);

  fanfare_library_scanner_scan_async (self->scanner, paths, TRUE, self->cancellable,
                                      background_scan_cb, weak_ref_new (self));
}

static void
settings_changed_cb (FanfareLibrary *self)
{
  g_auto(GStrv) folders = _fanfare_library_read_folders (self->settings);
  g_autoptr(GStrvBuilder) added = g_strv_builder_new ();
  g_auto(GStrv) to_scan = NULL;

  for (guint i = 0; self->folders != NULL && self->folders[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) folders, self->folders[i]))
      {
        fanfare_library_monitor_unwatch (self->monitor, self->folders[i]);
        fanfare_library_scanner_forget_async (self->scanner, self->folders[i],
                                              (const char * const *) folders, self->cancellable,
                                              background_scan_cb, weak_ref_new (self));
      }

  for (guint i = 0; folders[i] != NULL; i++)
    if (self->folders == NULL || !g_strv_contains ((const char * const *) self->folders, folders[i]))
      g_strv_builder_add (added, folders[i]);

  g_strfreev (self->folders);
  self->folders = g_steal_pointer (&folders);

  to_scan = g_strv_builder_end (added);
  if (to_scan[0] != NULL)
    fanfare_library_scanner_scan_async (self->scanner, (const char * const *) to_scan, FALSE,
                                        self->cancellable, background_scan_cb, weak_ref_new (self));
}

void
_fanfare_library_connect (FanfareLibrary *self)
{
  g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  g_signal_connect_swapped (self->scanner, "index-changed",
                            G_CALLBACK (_fanfare_library_reload_problems), self);
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed::" FOLDERS_KEY,
                              G_CALLBACK (settings_changed_cb), self);
}

static void
edit_folders (FanfareLibrary *self,
              GFile          *folder,
              gboolean        add)
{
  g_auto(GStrv) entries = g_settings_get_strv (self->settings, FOLDERS_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *path = g_file_get_path (folder);
  g_auto(GStrv) edited = NULL;
  gboolean found = FALSE;

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *entry_path = entry_to_path (entries[i]);

      if (g_strcmp0 (entry_path, path) == 0)
        {
          found = TRUE;
          if (!add)
            continue;
        }
      g_strv_builder_add (builder, entries[i]);
    }

  if (add && !found)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_strv_builder_add (builder, uri);
    }

  edited = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, FOLDERS_KEY, (const char * const *) edited);
}

/**
 * fanfare_library_add_folder:
 * @self: a #FanfareLibrary made with settings
 * @folder: a local folder
 *
 * Adds @folder to the library's setting; it is scanned then watched.
 */
void
fanfare_library_add_folder (FanfareLibrary *self,
                            GFile          *folder)
{
  g_return_if_fail (FANFARE_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (self->settings != NULL);

  edit_folders (self, folder, TRUE);
}

/**
 * fanfare_library_remove_folder:
 * @self: a #FanfareLibrary made with settings
 * @folder: a folder added before
 *
 * Takes @folder out of the library's setting; its tracks leave the index.
 */
void
fanfare_library_remove_folder (FanfareLibrary *self,
                               GFile          *folder)
{
  g_return_if_fail (FANFARE_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (self->settings != NULL);

  edit_folders (self, folder, FALSE);
}

static GSettings *
default_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (BASE_APP_ID);
}

/**
 * fanfare_library_scan_only:
 * @folder: (nullable): a folder to scan, or %NULL for the library's folders
 * @error: return location for a #GError
 *
 * Scans into the index of `$XDG_DATA_HOME/fanfare`, in the calling thread,
 * for scripts and benchmarks (`fanfare --scan-only`).
 *
 * Returns: the number of tracks the index holds under the folders scanned,
 *   or -1 with @error set
 */
gint64
fanfare_library_scan_only (const char *folder,
                           GError    **error)
{
  g_autofree char *db_path = fanfare_library_db_default_path ();
  g_autofree char *cover_dir = fanfare_cover_cache_default_dir ();
  g_autoptr(FanfareLibraryDb) db = NULL;
  g_autoptr(GSettings) settings = NULL;
  FanfareLibraryScanResult result;
  g_auto(GStrv) roots = NULL;
  gint64 count = 0;
  gboolean ok;

  if (folder != NULL)
    {
      g_autofree char *path = g_canonicalize_filename (folder, NULL);

      roots = g_strdupv ((char *[]) { path, NULL });
    }
  else
    {
      settings = default_settings ();
      roots = _fanfare_library_read_folders (settings);
    }

  if (roots[0] == NULL)
    {
      g_set_error_literal (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NO_FOLDER,
                           "There is no Music folder and no folder was given");
      return -1;
    }

  ok = fanfare_library_scan_run (db_path, cover_dir, (const char * const *) roots, FALSE,
                                 NULL, &result, NULL, error);
  fanfare_library_scan_result_clear (&result);
  if (!ok || (db = fanfare_library_db_open (db_path, error)) == NULL)
    return -1;

  for (guint i = 0; roots[i] != NULL; i++)
    count += MAX (0, fanfare_library_db_count_tracks (db, roots[i]));

  return count;
}
