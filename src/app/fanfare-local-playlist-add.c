/* fanfare-local-playlist-add.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding a track to a playlist kept on this computer, from a track's
 * menu: a track of the library by its row, one of the platform by its id
 * with its names kept for when the platform cannot be reached. It needs
 * neither an account nor a connection. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-local-playlist-add.h"
#include "fanfare-local-playlist-page.h"
#include "fanfare-local-playlists.h"
#include "fanfare-track-menu.h"
#include "fanfare-window.h"

#define TRACK_KEY "fanfare-track"

/**
 * fanfare_local_playlist_add_track:
 * @track: a track of the library or of the platform
 *
 * Returns: the new entry's id, or 0 with @error set
 */
gint64
fanfare_local_playlist_add_track (FanfareLibraryDb *db,
                                  gint64            playlist_id,
                                  FanfareTrack     *track,
                                  GError          **error)
{
  const char *id;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (FANFARE_IS_TRACK (track), 0);

  id = fanfare_track_get_id (track);
  if (id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The track has no id");
      return 0;
    }
  if (fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM)
    return fanfare_local_playlists_add_platform_track (db, playlist_id, id,
                                                       fanfare_track_get_title (track) != NULL
                                                       ? fanfare_track_get_title (track) : "",
                                                       fanfare_track_get_artist (track),
                                                       fanfare_track_get_duration (track) / G_TIME_SPAN_MILLISECOND,
                                                       error);

  return fanfare_local_playlists_add_track (db, playlist_id, g_ascii_strtoll (id, NULL, 10), error);
}

/**
 * fanfare_local_playlists_db:
 *
 * Returns: (transfer none) (nullable): the application's connection to
 *   the library's index, where local playlists are kept, or %NULL until
 *   it is open
 */
FanfareLibraryDb *
fanfare_local_playlists_db (void)
{
  GApplication *app = g_application_get_default ();
  FanfareLibrary *library = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_library (FANFARE_APPLICATION (app))
                                                         : NULL;

  return library != NULL ? fanfare_library_get_db (library) : NULL;
}

static void
toast (GtkWindow  *window,
       const char *title)
{
  if (FANFARE_IS_WINDOW (window))
    fanfare_window_add_toast (FANFARE_WINDOW (window), adw_toast_new (title));
}

/* Reads again the pages of @playlist_id under @root, which show it. */
static void
reload_pages (GtkWidget *root,
              gint64     playlist_id)
{
  if (FANFARE_IS_LOCAL_PLAYLIST_PAGE (root) &&
      fanfare_local_playlist_page_get_id (FANFARE_LOCAL_PLAYLIST_PAGE (root)) == playlist_id)
    fanfare_local_playlist_page_reload (FANFARE_LOCAL_PLAYLIST_PAGE (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    reload_pages (child, playlist_id);
}

static void
chosen_cb (GtkListBox       *list,
           GtkListBoxRow    *row,
           AdwMessageDialog *dialog)
{
  FanfareTrack *track = g_object_get_data (G_OBJECT (dialog), TRACK_KEY);
  gint64 *playlist_id = g_object_get_data (G_OBJECT (row), "local-playlist-id");
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  FanfareLibraryDb *db = fanfare_local_playlists_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (db != NULL && fanfare_local_playlist_add_track (db, *playlist_id, track, &error) != 0)
    {
      /* Translators: the name of the playlist a track was added to */
      message = g_strdup_printf (_("Added to “%s”"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      toast (window, message);
      if (window != NULL)
        reload_pages (GTK_WIDGET (window), *playlist_id);
    }
  else
    {
      g_debug ("Not added to a local playlist: %s", error != NULL ? error->message : "no library");
      toast (window, _("The track could not be added"));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * fanfare_add_to_local_playlist:
 * @parent: a widget of the window asking
 *
 * Asks which playlist of this computer to add @track to, and adds it.
 */
void
fanfare_add_to_local_playlist (GtkWidget    *parent,
                               FanfareTrack *track)
{
  FanfareLibraryDb *db = fanfare_local_playlists_db ();
  g_autoptr(GPtrArray) playlists = db != NULL ? fanfare_local_playlists_list (db, NULL) : NULL;
  GtkWidget *dialog;
  GtkWidget *list;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), _("Add to Local Playlist"),
                                   fanfare_track_get_title (track));
  list = fanfare_track_menu_dialog_list (ADW_MESSAGE_DIALOG (dialog), _("On This Computer"));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                gtk_label_new (_("Make a local playlist on the Playlists page first")));
  for (guint i = 0; playlists != NULL && i < playlists->len; i++)
    {
      FanfareLocalPlaylist *playlist = g_ptr_array_index (playlists, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), playlist->name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "local-playlist-id", g_memdup2 (&playlist->id, sizeof playlist->id),
                              g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  g_object_set_data_full (G_OBJECT (dialog), TRACK_KEY, g_object_ref (track), g_object_unref);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (chosen_cb), dialog, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
