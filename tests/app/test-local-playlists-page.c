/* test-local-playlists-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists kept on this computer, the way a person meets them in the real
 * application under Xvfb with a real Music folder and a real
 * fanfare-server: signed out, a playlist is made on the Playlists page,
 * filled from a track's menu, reordered by a drop, trimmed, renamed,
 * exported as XSPF and M3U8 and read back, made from a file, and deleted;
 * signed in, one is uploaded to make a playlist of the platform whose
 * local tracks others cannot play, and a file naming only files of this
 * computer is imported here; one mixing a file with a track of the
 * platform plays both, and signed out only the file, the other dimmed. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "fanfare-application.h"
#include "fanfare-local-playlist-add.h"
#include "fanfare-local-playlist-page.h"
#include "fanfare-local-playlists.h"
#include "fanfare-navigate.h"
#include "fanfare-playlist-files.h"
#include "fanfare-playlist-page.h"
#include "fanfare-playlists-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-window.h"

#define PASSWORD "local lists 42"

static const char *titles[] = { "Harbor Echo", "Paper Glass", "Amber Night" };

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static char *scratch;
static char *music_dir;
static gint64 road_songs;

static FanfareLibraryDb *
db (void)
{
  return fanfare_library_get_db (fanfare_application_get_library (app));
}

static char *
song_path (guint  i)
{
  g_autofree char *name = g_strdup_printf ("%02u.flac", i + 1);

  return g_build_filename (music_dir, name, NULL);
}

static gint64
library_id (guint  i)
{
  g_autofree char *path = song_path (i);

  return db () != NULL ? fanfare_local_playlists_find_track (db (), path, NULL, NULL) : 0;
}

static gboolean
library_scanned (gpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (library_id (i) == 0)
      return FALSE;

  return TRUE;
}

static FanfareTrack *
library_track (guint  i)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, library_id (i));

  return g_object_new (FANFARE_TYPE_TRACK, "id", id, "source", FANFARE_SOURCE_LOCAL, "title", titles[i], NULL);
}

/* The titles of a playlist's entries, in order, joined by "|". */
static char *
entry_titles (gint64  playlist_id)
{
  g_autoptr(GPtrArray) entries = fanfare_local_playlists_list_entries (db (), playlist_id, 0, 100, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      FanfareLocalEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", entry->title);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
find (GType  type)
{
  return fanfare_test_find_widget (GTK_WIDGET (window), type);
}

static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The page on show: pages left behind stay in the navigation, unmapped. */
static FanfareLocalPlaylistPage *
local_page (void)
{
  GtkWidget *page = find_mapped (GTK_WIDGET (window), FANFARE_TYPE_LOCAL_PLAYLIST_PAGE);

  return page != NULL ? FANFARE_LOCAL_PLAYLIST_PAGE (page) : NULL;
}

static gboolean
local_page_shown (gpointer  data)
{
  return local_page () != NULL;
}

static AdwMessageDialog *
wait_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      dialog = ADW_MESSAGE_DIALOG (fanfare_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      if (dialog == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));

  return dialog;
}

/* Answers the dialog that is open, with @text in its entry if any. */
static void
answer_dialog (const char *text,
               const char *response)
{
  AdwMessageDialog *dialog = wait_dialog ();

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (fanfare_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), text);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkListBoxRow *
entry_row (guint  position)
{
  GtkWidget *list = fanfare_test_find_widget (GTK_WIDGET (local_page ()), GTK_TYPE_LIST_BOX);

  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), position);
}

/* Drops the row at @from on the row at @to, as a drag ends. */
static void
drop_row (guint  from,
          guint  to)
{
  GtkListBoxRow *dragged = entry_row (from);
  GtkListBoxRow *target_row = entry_row (to);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (target_row));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, GTK_TYPE_LIST_BOX_ROW);
  g_value_set_object (&value, dragged);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 1.0, 1.0, &dropped);
    }
  g_assert_true (dropped);
}

static void
test_offline (void)
{
  FanfarePlaylistsPage *playlists;
  g_autofree char *xspf_path = g_build_filename (scratch, "road.xspf", NULL);
  g_autofree char *m3u_path = g_build_filename (scratch, "road.m3u8", NULL);
  g_autoptr(GFile) xspf = g_file_new_for_path (xspf_path);
  g_autoptr(GFile) m3u = g_file_new_for_path (m3u_path);
  g_autofree char *contents = NULL;
  g_autofree char *order = NULL;
  g_autoptr(GError) error = NULL;
  guint matched = 0;
  guint unmatched = 0;
  gint64 copy;

  g_assert_true (fanfare_test_wait_for (library_scanned, NULL, 30000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  playlists = FANFARE_PLAYLISTS_PAGE (find (FANFARE_TYPE_PLAYLISTS_PAGE));
  fanfare_test_wait_mapped (GTK_WIDGET (playlists));
  fanfare_test_assert_label_shown (GTK_WIDGET (playlists), "On This Computer");
  fanfare_test_assert_label_shown (GTK_WIDGET (playlists), "Playlists made here work without an account or a connection");

  /* Made from the page's dialog, signed out; its page opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (playlists), "playlists.new-local", NULL));
  answer_dialog ("Road Songs", "create");
  g_assert_true (fanfare_test_wait_for (local_page_shown, NULL, 20000));
  road_songs = fanfare_local_playlist_page_get_id (local_page ());
  g_assert_cmpint (road_songs, >, 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (local_page ()), "Road Songs");

  /* Filled from a track's menu: the page shows each at once. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(FanfareTrack) track = library_track (i);
      AdwMessageDialog *dialog;
      GtkWidget *list;

      fanfare_add_to_local_playlist (GTK_WIDGET (local_page ()), track);
      dialog = wait_dialog ();
      list = fanfare_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
      g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    }
  g_assert_cmpuint (fanfare_local_playlist_page_get_n_entries (local_page ()), ==, 3);
  order = entry_titles (road_songs);
  g_assert_cmpstr (order, ==, "Harbor Echo|Paper Glass|Amber Night");
  fanfare_test_assert_label_shown (GTK_WIDGET (local_page ()), "Amber Night");

  /* The last dropped on the first: it leads. */
  drop_row (2, 0);
  g_clear_pointer (&order, g_free);
  order = entry_titles (road_songs);
  g_assert_cmpstr (order, ==, "Amber Night|Harbor Echo|Paper Glass");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry_row (0))), ==, "Amber Night");

  /* Renamed from its menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (local_page ()), "local-playlist.rename", NULL));
  answer_dialog ("Night Drive", "save");
  fanfare_test_assert_label_shown (GTK_WIDGET (local_page ()), "Night Drive");
  fanfare_test_wait_at_rest (GTK_WIDGET (window));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_buttons_labelled (GTK_WIDGET (local_page ()));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "local-playlist");

  /* Written as XSPF and M3U8, and read back in the same order. */
  g_assert_true (fanfare_local_playlist_export (db (), road_songs, xspf, &error));
  g_assert_no_error (error);
  g_assert_true (fanfare_local_playlist_export (db (), road_songs, m3u, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xspf_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<title>Night Drive</title>"));
  g_assert_nonnull (strstr (contents, "<title>Amber Night</title>"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (m3u_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "#EXTM3U"));
  copy = fanfare_local_playlist_import (db (), m3u, &matched, &unmatched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matched, ==, 3);
  g_assert_cmpuint (unmatched, ==, 0);
  g_clear_pointer (&order, g_free);
  order = entry_titles (copy);
  g_assert_cmpstr (order, ==, "Amber Night|Harbor Echo|Paper Glass");
  g_assert_true (fanfare_local_playlists_delete (db (), copy, NULL));

  /* Imported signed out: a playlist of this computer, which opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  fanfare_import_playlist_file (GTK_WIDGET (playlists), xspf);
  g_assert_true (fanfare_test_wait_for (local_page_shown, NULL, 20000));
  copy = fanfare_local_playlist_page_get_id (local_page ());
  g_assert_cmpint (copy, !=, road_songs);
  g_assert_cmpuint (fanfare_local_playlist_page_get_n_entries (local_page ()), ==, 3);
  fanfare_test_assert_label_shown (GTK_WIDGET (local_page ()), "Night Drive");

  /* A track removed, then the copy deleted from its menu. */
  g_signal_emit_by_name (fanfare_test_find_widget (GTK_WIDGET (entry_row (1)), GTK_TYPE_BUTTON), "clicked");
  g_clear_pointer (&order, g_free);
  order = entry_titles (copy);
  g_assert_cmpstr (order, ==, "Amber Night|Paper Glass");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (local_page ()), "local-playlist.delete", NULL));
  answer_dialog (NULL, "delete");
  g_assert_null (fanfare_local_playlists_get (db (), copy, NULL));
  fanfare_test_wait_mapped (GTK_WIDGET (playlists));
  g_assert_cmpuint (fanfare_playlists_page_get_n_local (playlists), ==, 1);
  fanfare_test_assert_label_shown (GTK_WIDGET (playlists), "Night Drive");
  fanfare_test_wait_at_rest (GTK_WIDGET (window));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "local-playlists");
}

static gboolean
platform_page_filled (gpointer  data)
{
  GtkWidget *page = find_mapped (GTK_WIDGET (window), FANFARE_TYPE_PLAYLIST_PAGE);

  return page != NULL &&
         g_list_model_get_n_items (fanfare_playlist_page_get_entries (FANFARE_PLAYLIST_PAGE (page))) == 3;
}

static void
test_upload (void)
{
  FanfarePlaylistPage *page;
  GListModel *entries;
  g_autofree char *m3u_path = g_build_filename (scratch, "mine.m3u8", NULL);
  g_autofree char *m3u_text = NULL;
  g_autofree char *first = song_path (0);
  g_autoptr(GFile) m3u = g_file_new_for_path (m3u_path);

  fanfare_test_app_sign_in_with_dialog (app, server->url, "lister", PASSWORD);

  /* Uploaded: a private playlist of the platform with the same tracks,
   * which stay on this computer and which others cannot play. */
  fanfare_navigate_local_playlist (find (FANFARE_TYPE_PLAYLISTS_PAGE), road_songs);
  g_assert_true (fanfare_test_wait_for (local_page_shown, NULL, 20000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (local_page ()), "local-playlist.upload", NULL));
  g_assert_true (fanfare_test_wait_for (platform_page_filled, NULL, 20000));
  page = FANFARE_PLAYLIST_PAGE (find_mapped (GTK_WIDGET (window), FANFARE_TYPE_PLAYLIST_PAGE));
  g_assert_cmpstr (fanfare_playlist_get_title (fanfare_playlist_page_get_playlist (page)), ==, "Night Drive");
  g_assert_cmpint (fanfare_playlist_get_visibility (fanfare_playlist_page_get_playlist (page)), ==,
                   FANFARE_PLAYLIST_VISIBILITY_PRIVATE);
  entries = fanfare_playlist_page_get_entries (page);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, i);

      g_assert_false (fanfare_playlist_entry_get_available (entry));
    }
  {
    g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, 0);

    g_assert_cmpstr (fanfare_playlist_entry_get_title (entry), ==, "Amber Night");
  }
  fanfare_test_wait_at_rest (GTK_WIDGET (window));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "local-playlist-uploaded");

  /* Signed in, a file of files of this computer is imported here. */
  m3u_text = g_strdup_printf ("#EXTM3U\n#PLAYLIST:Just Here\n%s\n", first);
  g_assert_true (g_file_set_contents (m3u_path, m3u_text, -1, NULL));
  fanfare_import_playlist_file (GTK_WIDGET (page), m3u);
  g_assert_true (fanfare_test_wait_for (local_page_shown, NULL, 20000));
  g_assert_cmpint (fanfare_local_playlist_page_get_id (local_page ()), !=, road_songs);
  g_assert_cmpuint (fanfare_local_playlist_page_get_n_entries (local_page ()), ==, 1);
  fanfare_test_assert_label_shown (GTK_WIDGET (local_page ()), "Harbor Echo");
}

/* The first track of the first album of the platform's demo. */
static FanfareTrack *
platform_track (void)
{
  g_autoptr(FanfareTestResponse) albums = fanfare_test_request (server, "GET", "/api/v1/albums?limit=1", NULL, NULL);
  g_autoptr(FanfareTestResponse) album = NULL;
  g_autofree char *path = NULL;
  JsonArray *items;
  JsonArray *tracks;
  FanfareTrack *track;

  g_assert_cmpuint (albums->status, ==, 200);
  items = fanfare_test_response_get_array (albums, "items");
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  path = g_strdup_printf ("/api/v1/albums/%s",
                          json_object_get_string_member (json_array_get_object_element (items, 0), "id"));
  album = fanfare_test_request (server, "GET", path, NULL, NULL);
  g_assert_cmpuint (album->status, ==, 200);
  tracks = fanfare_test_response_get_array (album, "tracks");
  g_assert_cmpuint (json_array_get_length (tracks), >, 0);
  track = fanfare_track_new_from_json (json_array_get_object_element (tracks, 0), NULL);
  g_assert_nonnull (track);
  g_object_set (track, "source", FANFARE_SOURCE_PLATFORM, NULL);

  return track;
}

static gboolean
queue_holds (gpointer  data)
{
  const char * const *ids = data;
  FanfarePlayQueue *queue = fanfare_player_get_queue (fanfare_application_get_player (app));

  if (g_list_model_get_n_items (G_LIST_MODEL (queue)) != g_strv_length ((char **) ids))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (fanfare_track_get_id (fanfare_play_queue_get_track (queue, i)), ids[i]) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
row_dimmed (gpointer  data)
{
  GtkListBoxRow *row = local_page () != NULL ? entry_row (GPOINTER_TO_UINT (data)) : NULL;

  return row != NULL && gtk_widget_has_css_class (GTK_WIDGET (row), "dim-label");
}

static gboolean
signed_out (gpointer  data)
{
  return !fanfare_test_app_signed_in (app);
}

static gboolean
page_of (gpointer  data)
{
  return local_page () != NULL && fanfare_local_playlist_page_get_id (local_page ()) == *(gint64 *) data;
}

/* A playlist of this computer holding a file of the library and a track
 * of the platform: Play plays both, in its order; signed out, the
 * platform's is dimmed, says why, and Play plays the file alone. */
static void
test_mixed (void)
{
  g_autoptr(FanfareTrack) platform = platform_track ();
  g_autoptr(FanfareTrack) local = library_track (1);
  const char *both[] = { fanfare_track_get_id (local), fanfare_track_get_id (platform), NULL };
  const char *file_only[] = { fanfare_track_get_id (local), NULL };
  FanfarePlayQueue *queue = fanfare_player_get_queue (fanfare_application_get_player (app));
  g_autoptr(GError) error = NULL;
  gint64 mixed;

  g_assert_true (fanfare_test_app_signed_in (app));
  mixed = fanfare_local_playlists_create (db (), "Both Worlds", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fanfare_local_playlist_add_track (db (), mixed, local, &error), >, 0);
  g_assert_cmpint (fanfare_local_playlist_add_track (db (), mixed, platform, &error), >, 0);
  g_assert_no_error (error);

  fanfare_navigate_local_playlist (find (FANFARE_TYPE_PLAYLISTS_PAGE), mixed);
  g_assert_true (fanfare_test_wait_for (page_of, &mixed, 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (local_page ()), fanfare_track_get_title (platform));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (local_page ()), "local-playlist.play", NULL));
  g_assert_true (fanfare_test_wait_for (queue_holds, both, 20000));
  g_assert_cmpint (fanfare_track_get_source (fanfare_play_queue_get_track (queue, 1)), ==, FANFARE_SOURCE_PLATFORM);
  g_assert_false (row_dimmed (GUINT_TO_POINTER (1)));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (entry_row (1))));
  fanfare_player_stop (fanfare_application_get_player (app));

  /* Signed out, the platform's track cannot be played here. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  g_assert_true (fanfare_test_wait_for (signed_out, NULL, 20000));
  if (!page_of (&mixed))
    fanfare_navigate_local_playlist (find (FANFARE_TYPE_PLAYLISTS_PAGE), mixed);
  g_assert_true (fanfare_test_wait_for (row_dimmed, GUINT_TO_POINTER (1), 20000));
  g_assert_false (row_dimmed (GUINT_TO_POINTER (0)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry_row (1))), ==, "Sign in to Fanfare to play it");
  g_assert_false (gtk_list_box_row_get_activatable (entry_row (1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (local_page ()), "local-playlist.play", NULL));
  g_assert_true (fanfare_test_wait_for (queue_holds, file_only, 20000));
  fanfare_player_stop (fanfare_application_get_player (app));
  fanfare_test_wait_at_rest (GTK_WIDGET (window));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "local-playlist-mixed-signed-out");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = NULL;
  g_autofree char *user_dirs_text = NULL;
  g_autofree char *token = NULL;
  int ret;

  scratch = fanfare_test_use_private_dirs ();
  music_dir = g_build_filename (scratch, "Music", NULL);
  g_assert_cmpint (g_mkdir_with_parents (music_dir, 0755), ==, 0);
  user_dirs = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "user-dirs.dirs", NULL);
  user_dirs_text = g_strdup_printf ("XDG_MUSIC_DIR=\"%s\"\n", music_dir);
  g_assert_true (g_file_set_contents (user_dirs, user_dirs_text, -1, NULL));
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);

  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *path = song_path (i);

      fanfare_test_write_flac (path, 2, titles[i], "Mira Vale", "Blue Hour", NULL);
    }

  server = fanfare_test_app_start_demo_server ();
  token = fanfare_test_register (server, "lister", PASSWORD);

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/local-playlists/offline", test_offline);
  g_test_add_func ("/app/local-playlists/upload", test_upload);
  g_test_add_func ("/app/local-playlists/mixed", test_mixed);
  ret = g_test_run ();

  fanfare_test_app_quit (app);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);
  g_free (music_dir);

  return ret;
}
