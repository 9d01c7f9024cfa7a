/* fanfare-folder-chooser.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library's folders from the interface: choosing one to add, and
 * opening the Music folder in the file manager. */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "fanfare-folder-chooser.h"

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             FanfareLibrary  *library)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    fanfare_library_add_folder (library, folder);

  g_object_unref (library);
  g_object_unref (chooser);
}

/**
 * fanfare_choose_library_folder:
 * @parent: (nullable): the window the chooser belongs to
 * @library: the library to add the chosen folder to
 *
 * Asks for a folder of music; the library scans it and keeps watching it.
 */
void
fanfare_choose_library_folder (GtkWindow      *parent,
                               FanfareLibrary *library)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (FANFARE_IS_LIBRARY (library));

  chooser = gtk_file_chooser_native_new (_("Add a Music Folder"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), g_object_ref (library));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * fanfare_open_music_folder:
 * @parent: a widget of the window asking
 *
 * Opens the Music folder in the file manager, making it first on a new
 * account so that the user sees where music belongs.
 */
void
fanfare_open_music_folder (GtkWidget *parent)
{
  const char *music_dir = g_get_user_special_dir (G_USER_DIRECTORY_MUSIC);
  g_autofree char *fallback = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));

  if (music_dir == NULL)
    music_dir = fallback = g_build_filename (g_get_home_dir (), "Music", NULL);

  if (g_mkdir_with_parents (music_dir, 0755) != 0)
    g_debug ("Could not create %s: %s", music_dir, g_strerror (errno));

  uri = g_filename_to_uri (music_dir, NULL, NULL);
  root = gtk_widget_get_root (parent);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}
