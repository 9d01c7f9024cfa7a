/* fanfare-playlist-files.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists to and from files, XSPF or M3U8 by the file's name. The server
 * writes and reads the files: on import it finds platform tracks by their
 * id or stream address, else by artist and title, and keeps the rest as
 * tracks of this device. The user picks the file in the system's file
 * chooser. Signed out, offline, or for a file of tracks of this computer
 * only, the playlist is made on this computer instead (see
 * fanfare-local-playlists.c), and local playlists are written here. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-local-playlist-add.h"
#include "fanfare-local-playlists.h"
#include "fanfare-navigate.h"
#include "fanfare-playlist-files.h"
#include "fanfare-window.h"

#define MAX_FILE_SIZE (1024 * 1024)

/* What an import found, for its finish function. */
typedef struct {
  FanfarePlaylist *playlist;
  guint            matched;
  guint            unmatched;
} Imported;

static void
imported_free (Imported *imported)
{
  g_clear_object (&imported->playlist);
  g_free (imported);
}

/**
 * fanfare_playlist_file_format:
 *
 * Returns: `xspf` or `m3u8`, by the name of @file
 */
const char *
fanfare_playlist_file_format (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".xspf") ? "xspf" : "m3u8";
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = fanfare_client_export_playlist_finish (FANFARE_CLIENT (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_file_replace_contents_bytes_async (g_task_get_task_data (task), bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task), written_cb, g_object_ref (task));
}

/**
 * fanfare_playlist_export_async:
 * @file: where to write it; XSPF if its name ends in `.xspf`, else M3U8
 *
 * Writes a playlist to a file.
 */
void
fanfare_playlist_export_async (FanfareClient       *client,
                               const char          *playlist_id,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (client));
  g_return_if_fail (playlist_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_playlist_export_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  fanfare_client_export_playlist_async (client, playlist_id, fanfare_playlist_file_format (file), cancellable,
                                        exported_cb, g_steal_pointer (&task));
}

gboolean
fanfare_playlist_export_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Imported *imported = g_new0 (Imported, 1);
  GError *error = NULL;

  imported->playlist = fanfare_client_import_playlist_finish (FANFARE_CLIENT (object), result,
                                                              &imported->matched, &imported->unmatched, &error);
  if (imported->playlist == NULL)
    {
      imported_free (imported);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, imported, (GDestroyNotify) imported_free);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *error = NULL;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (length > MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The playlist file is too large to import"));
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  fanfare_client_import_playlist_async (g_task_get_source_object (task), bytes,
                                        fanfare_playlist_file_format (G_FILE (object)), NULL,
                                        g_task_get_cancellable (task), import_done_cb, g_object_ref (task));
}

/**
 * fanfare_playlist_import_async:
 * @file: an XSPF file if its name ends in `.xspf`, else M3U8
 *
 * Makes a private playlist of the user's from a file, titled as the file
 * says.
 */
void
fanfare_playlist_import_async (FanfareClient       *client,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (client));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_playlist_import_async);
  g_file_load_contents_async (file, cancellable, read_cb, task);
}

/**
 * fanfare_playlist_import_finish:
 * @matched: (out) (optional): how many tracks were found on the platform
 * @unmatched: (out) (optional): how many were kept as tracks of this device
 *
 * Returns: (transfer full): the new playlist, or %NULL with @error set
 */
FanfarePlaylist *
fanfare_playlist_import_finish (GAsyncResult *result,
                                guint        *matched,
                                guint        *unmatched,
                                GError      **error)
{
  Imported *imported;
  FanfarePlaylist *playlist;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  imported = g_task_propagate_pointer (G_TASK (result), error);
  if (imported == NULL)
    return NULL;
  if (matched != NULL)
    *matched = imported->matched;
  if (unmatched != NULL)
    *unmatched = imported->unmatched;
  playlist = g_steal_pointer (&imported->playlist);
  imported_free (imported);

  return playlist;
}

static FanfarePlaylistFormat
format_of (GFile *file)
{
  return g_str_equal (fanfare_playlist_file_format (file), "xspf") ? FANFARE_PLAYLIST_FORMAT_XSPF
                                                                 : FANFARE_PLAYLIST_FORMAT_M3U8;
}

/**
 * fanfare_local_playlist_export:
 * @file: where to write it; XSPF if its name ends in `.xspf`, else M3U8
 *
 * Writes a playlist of this computer to a file.
 *
 * Returns: whether it was written, else %FALSE with @error set
 */
gboolean
fanfare_local_playlist_export (FanfareLibraryDb *db,
                               gint64            playlist_id,
                               GFile            *file,
                               GError          **error)
{
  g_autoptr(FanfarePlaylistFile) contents = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  contents = fanfare_local_playlists_export (db, playlist_id, error);
  if (contents == NULL)
    return FALSE;
  text = fanfare_playlist_file_write (contents, format_of (file));

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* Whether every track of @contents is a file of this computer's library,
 * by its path, absolute or relative to @base_dir. */
static gboolean
only_library_files (FanfareLibraryDb    *db,
                    FanfarePlaylistFile *contents,
                    const char          *base_dir)
{
  for (guint i = 0; i < contents->items->len; i++)
    {
      FanfarePlaylistItem *item = g_ptr_array_index (contents->items, i);
      g_autofree char *scheme = item->location != NULL ? g_uri_parse_scheme (item->location) : NULL;
      g_autofree char *path = NULL;

      if (item->track_id != 0 || item->location == NULL)
        return FALSE;
      if (scheme == NULL)
        path = g_canonicalize_filename (item->location, base_dir);
      else if (g_ascii_strcasecmp (scheme, "file") == 0)
        path = g_filename_from_uri (item->location, NULL, NULL);
      if (path == NULL || fanfare_local_playlists_find_track (db, path, NULL, NULL) == 0)
        return FALSE;
    }

  return contents->items->len > 0;
}

/**
 * fanfare_local_playlist_import:
 * @file: an XSPF file if its name ends in `.xspf`, else M3U8
 * @matched: (out) (optional): how many tracks were found
 * @unmatched: (out) (optional): how many were kept by their names only
 *
 * Makes a playlist on this computer from a file, titled as the file says
 * or else as it is named.
 *
 * Returns: the new playlist's id, or 0 with @error set
 */
gint64
fanfare_local_playlist_import (FanfareLibraryDb *db,
                               GFile            *file,
                               guint            *matched,
                               guint            *unmatched,
                               GError          **error)
{
  g_autoptr(FanfarePlaylistFile) contents = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *data = NULL;
  g_autofree char *base_dir = NULL;
  gsize length = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return 0;
  if (length > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The playlist file is too large to import"));
      return 0;
    }
  contents = fanfare_playlist_file_parse (format_of (file), data, length, error);
  if (contents == NULL)
    return 0;
  if (contents->title == NULL || *contents->title == '\0')
    {
      g_autofree char *name = g_file_get_basename (file);
      char *dot = name != NULL ? strrchr (name, '.') : NULL;

      if (dot != NULL && dot != name)
        *dot = '\0';
      g_free (contents->title);
      contents->title = g_strdup (name != NULL ? name : _("Imported Playlist"));
    }
  parent = g_file_get_parent (file);
  base_dir = parent != NULL ? g_file_get_path (parent) : NULL;

  return fanfare_local_playlists_import (db, contents, base_dir != NULL ? base_dir : "/", matched, unmatched,
                                         error);
}

/* Whether @file is better imported on this computer: there is no platform
 * to import it to, or it only names files of the library. */
static gboolean
import_here (FanfareClient    *client,
             FanfareLibraryDb *db,
             GFile            *file)
{
  g_autoptr(FanfarePlaylistFile) contents = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base_dir = parent != NULL ? g_file_get_path (parent) : NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (client == NULL || !fanfare_client_get_signed_in (client) || !fanfare_client_get_online (client))
    return TRUE;
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, NULL) || length > MAX_FILE_SIZE)
    return FALSE;
  contents = fanfare_playlist_file_parse (format_of (file), data, length, NULL);

  return contents != NULL && only_library_files (db, contents, base_dir != NULL ? base_dir : "/");
}

static void
toast (const char *title)
{
  GApplication *app = g_application_get_default ();
  GtkWindow *window = GTK_IS_APPLICATION (app) ? gtk_application_get_active_window (GTK_APPLICATION (app)) : NULL;

  if (FANFARE_IS_WINDOW (window))
    fanfare_window_add_toast (FANFARE_WINDOW (window), adw_toast_new (title));
}

static FanfareClient *
get_client (void)
{
  GApplication *app = g_application_get_default ();

  return FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (fanfare_playlist_export_finish (result, &error))
    toast (_("Playlist exported"));
  else
    toast (error->message);
}

static void
import_chosen_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint matched = 0;
  guint unmatched = 0;

  playlist = fanfare_playlist_import_finish (result, &matched, &unmatched, &error);
  if (playlist == NULL)
    {
      toast (error->message);
      return;
    }
  if (unmatched > 0)
    message = g_strdup_printf (ngettext ("Imported; %u track was not found and stays on this device",
                                         "Imported; %u tracks were not found and stay on this device", unmatched),
                               unmatched);
  toast (message != NULL ? message : _("Playlist imported"));
  if (gtk_widget_get_root (parent) != NULL)
    fanfare_navigate_playlist (parent, fanfare_playlist_get_id (playlist));
}

/* What to do with the file the user chose. */
typedef void (*FileChosenFunc) (GtkWidget *parent,
                                GFile     *file,
                                gpointer   data);

typedef struct {
  GtkWidget     *parent;
  FileChosenFunc func;
  gpointer       data;
  GDestroyNotify destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  if (choice->destroy != NULL)
    choice->destroy (choice->data);
  g_free (choice);
}

static void
chosen (Choice *choice,
        GFile  *file)
{
  if (file != NULL)
    choice->func (choice->parent, file, choice->data);
  choice_free (choice);
}

static GListStore *
playlist_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xspf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) m3u = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Playlists"));
  gtk_file_filter_set_name (xspf, _("XSPF Playlists"));
  gtk_file_filter_set_name (m3u, _("M3U8 Playlists"));
  for (guint i = 0; i < 2; i++)
    {
      gtk_file_filter_add_suffix (i == 0 ? all : xspf, "xspf");
      gtk_file_filter_add_suffix (i == 0 ? all : m3u, "m3u8");
      gtk_file_filter_add_suffix (i == 0 ? all : m3u, "m3u");
    }
  g_list_store_append (filters, all);
  g_list_store_append (filters, xspf);
  g_list_store_append (filters, m3u);

  return filters;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(GFile) file = NULL;

  if (g_object_get_data (object, "saving") != NULL)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  chosen (choice, file);
}

static void
choose_file (Choice     *choice,
             const char *title,
             const char *save_name)
{
  GtkRoot *root = gtk_widget_get_root (choice->parent);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = playlist_filters ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  if (save_name != NULL)
    {
      g_object_set_data (G_OBJECT (dialog), "saving", GINT_TO_POINTER (TRUE));
      gtk_file_dialog_set_initial_name (dialog, save_name);
      gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, dialog_done_cb, choice);
    }
  else
    {
      gtk_file_dialog_open (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, dialog_done_cb, choice);
    }
}
#else
static void
native_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen (choice, file);
  g_object_unref (chooser);
}

static void
choose_file (Choice     *choice,
             const char *title,
             const char *save_name)
{
  GtkRoot *root = gtk_widget_get_root (choice->parent);
  GtkFileChooserNative *chooser;
  g_autoptr(GListStore) filters = playlist_filters ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         save_name != NULL ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                           : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save_name != NULL ? _("_Export") : _("_Import"), _("_Cancel"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (save_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), save_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (native_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

static void
export_chosen (GtkWidget *parent,
               GFile     *file,
               gpointer   data)
{
  FanfareClient *client = get_client ();

  if (client != NULL)
    fanfare_playlist_export_async (client, data, file, NULL, export_done_cb, NULL);
}

/**
 * fanfare_import_playlist_file:
 * @parent: a widget of the window asking
 * @file: an XSPF file if its name ends in `.xspf`, else M3U8
 *
 * Makes a playlist of @file and opens it: on this computer when signed
 * out, offline or for a file that only names files of this computer, else
 * on the platform, where tracks are also found by artist and title.
 */
void
fanfare_import_playlist_file (GtkWidget *parent,
                              GFile     *file)
{
  FanfareClient *client = get_client ();
  FanfareLibraryDb *db = fanfare_local_playlists_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint unmatched = 0;
  gint64 playlist_id;

  if (db == NULL || !import_here (client, db, file))
    {
      if (client != NULL)
        fanfare_playlist_import_async (client, file, NULL, import_chosen_done_cb, g_object_ref (parent));
      return;
    }

  playlist_id = fanfare_local_playlist_import (db, file, NULL, &unmatched, &error);
  if (playlist_id == 0)
    {
      toast (error->message);
      return;
    }
  if (unmatched > 0)
    message = g_strdup_printf (ngettext ("Imported to this computer; %u track was not found",
                                         "Imported to this computer; %u tracks were not found", unmatched),
                               unmatched);
  toast (message != NULL ? message : _("Imported to this computer"));
  if (gtk_widget_get_root (parent) != NULL)
    fanfare_navigate_local_playlist (parent, playlist_id);
}

static void
import_chosen (GtkWidget *parent,
               GFile     *file,
               gpointer   data)
{
  fanfare_import_playlist_file (parent, file);
}

static void
local_export_chosen (GtkWidget *parent,
                     GFile     *file,
                     gpointer   data)
{
  gint64 *playlist_id = data;
  FanfareLibraryDb *db = fanfare_local_playlists_db ();
  g_autoptr(GError) error = NULL;

  if (db != NULL && fanfare_local_playlist_export (db, *playlist_id, file, &error))
    toast (_("Playlist exported"));
  else if (error != NULL)
    toast (error->message);
}

/**
 * fanfare_choose_local_playlist_export:
 * @parent: a widget of the window asking
 * @name: the playlist's name, which the file is named after
 *
 * Asks where to write a playlist of this computer, as XSPF or M3U8 by the
 * name chosen, and writes it there.
 */
void
fanfare_choose_local_playlist_export (GtkWidget        *parent,
                                      FanfareLibraryDb *db,
                                      gint64            playlist_id,
                                      const char       *name)
{
  Choice *choice;
  g_autofree char *file_name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (db != NULL);

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->func = local_export_chosen;
  choice->data = g_memdup2 (&playlist_id, sizeof playlist_id);
  choice->destroy = g_free;
  file_name = g_strdup_printf ("%s.xspf", name != NULL && *name != '\0' ? name : _("Playlist"));
  g_strdelimit (file_name, "/\\", '-');
  choose_file (choice, _("Export Playlist"), file_name);
}

/**
 * fanfare_choose_playlist_export:
 * @parent: a widget of the window asking
 *
 * Asks where to write @playlist, as XSPF or M3U8 by the name chosen, and
 * writes it there.
 */
void
fanfare_choose_playlist_export (GtkWidget       *parent,
                                FanfarePlaylist *playlist)
{
  Choice *choice;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (FANFARE_IS_PLAYLIST (playlist));

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->func = export_chosen;
  choice->data = g_strdup (fanfare_playlist_get_id (playlist));
  choice->destroy = g_free;
  name = g_strdup_printf ("%s.xspf", fanfare_playlist_get_title (playlist));
  g_strdelimit (name, "/\\", '-');
  choose_file (choice, _("Export Playlist"), name);
}

/**
 * fanfare_choose_playlist_import:
 * @parent: a widget of the window asking
 *
 * Asks for an XSPF or M3U8 file, makes a playlist of it and opens it.
 */
void
fanfare_choose_playlist_import (GtkWidget *parent)
{
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (parent));

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->func = import_chosen;
  choose_file (choice, _("Import a Playlist"), NULL);
}
