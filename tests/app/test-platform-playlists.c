/* test-platform-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists on the platform, signed in as the demo's listener: a featured
 * playlist's page, followed and shared; one of the user's own, made,
 * filled, reordered, published and deleted; collaborators; playlist files
 * out and back in; and a link to a playlist opening its page. */

#include "config.h"

#include <string.h>

#include "fanfare-discover-page.h"
#include "fanfare-error.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-playlist-files.h"
#include "fanfare-playlist-page.h"
#include "fanfare-playlists-page.h"
#include "fanfare-test-platform.h"
#include "fanfare-track-menu.h"
#include "fanfare-utils.h"

static GAsyncResult *copied_result;

static gboolean
playlist_following (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (data, "Following");

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_playlist_page (void)
{
  GListModel *featured = fanfare_discover_page_get_featured (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfarePlaylist) playlist = g_list_model_get_item (featured, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  g_autoptr(FanfarePlaylistEntry) first = NULL;
  g_autofree char *share = fanfare_client_dup_share_uri (client (), fanfare_playlist_get_id (playlist));
  g_autofree char *copied = NULL;
  FanfarePlaylistPage *page;
  GdkClipboard *clipboard;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_playlist (find (FANFARE_TYPE_DISCOVER_PAGE), fanfare_playlist_get_id (playlist));
  page = FANFARE_PLAYLIST_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_PLAYLIST_PAGE));
  g_assert_nonnull (page);
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_playlist_page_get_entries (page), 20000));
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_get_title (playlist));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_get_owner_name (playlist));
  first = g_list_model_get_item (fanfare_playlist_page_get_entries (page), 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_entry_get_title (first));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Follow");

  /* Followed: the button says so, and the server agrees. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.follow", NULL));
  g_assert_true (fanfare_test_wait_for (playlist_following, page, 20000));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  save_screenshot ("platform-playlist");

  /* The link on the clipboard is the server's share page of it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.copy-link", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
  gdk_clipboard_read_text_async (clipboard, NULL, fanfare_test_store_result, &copied_result);
  {
    g_autoptr(GAsyncResult) result = fanfare_test_wait_result (&copied_result);

    copied = gdk_clipboard_read_text_finish (clipboard, result, NULL);
  }
  g_assert_cmpstr (copied, ==, share);
}

static gboolean
has_row_titled (gpointer  data)
{
  GtkWidget *dialog = data;

  return fanfare_test_find_label (dialog, "Late Night Drive") != NULL;
}

static gboolean
is_public (gpointer  data)
{
  FanfarePlaylist *playlist = fanfare_playlist_page_get_playlist (data);

  return g_str_equal (fanfare_playlist_get_title (playlist), "Late Night Drive") == FALSE &&
         fanfare_playlist_get_visibility (playlist) == FANFARE_PLAYLIST_VISIBILITY_PUBLIC;
}

static gboolean
own_listed (gpointer  data)
{
  GListModel *own = data;

  for (guint i = 0; i < g_list_model_get_n_items (own); i++)
    {
      g_autoptr(FanfarePlaylist) playlist = g_list_model_get_item (own, i);

      if (g_str_equal (fanfare_playlist_get_title (playlist), "Late Night Drive, Again"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
own_gone (gpointer  data)
{
  return !own_listed (data);
}

static void
test_my_playlist (void)
{
  FanfarePlaylistsPage *playlists = FANFARE_PLAYLISTS_PAGE (find (FANFARE_TYPE_PLAYLISTS_PAGE));
  GListModel *chart = fanfare_discover_page_get_chart (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareChartItem) hottest = g_list_model_get_item (chart, 0);
  FanfareTrack *track = fanfare_chart_item_get_item (hottest);
  g_autofree char *id = NULL;
  FanfarePlaylistPage *page;
  GtkWidget *dialog;
  GtkWidget *row;

  /* Made from the Playlists page: private, and opened at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (playlists), "playlists.new", NULL));
  dialog = fanfare_test_app_wait_dialog ("New Playlist");
  fanfare_test_wait_mapped (dialog);
  gtk_editable_set_text (GTK_EDITABLE (fanfare_test_find_widget (dialog, GTK_TYPE_ENTRY)), "Late Night Drive");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  page = wait_playlist_page ();
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Late Night Drive");
  g_assert_cmpint (fanfare_playlist_get_visibility (fanfare_playlist_page_get_playlist (page)), ==,
                   FANFARE_PLAYLIST_VISIBILITY_PRIVATE);
  id = g_strdup (fanfare_playlist_get_id (fanfare_playlist_page_get_playlist (page)));

  /* Tracks' menus add to it. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, i);

      fanfare_add_to_playlist (GTK_WIDGET (window), fanfare_chart_item_get_item (item));
      dialog = fanfare_test_app_wait_dialog ("Add to Playlist");
      g_assert_true (fanfare_test_wait_for (has_row_titled, dialog, 20000));
      row = gtk_widget_get_ancestor (fanfare_test_find_label (dialog, "Late Night Drive"), GTK_TYPE_LIST_BOX_ROW);
      g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
      fanfare_test_wait_ms (1000);
    }
  fanfare_navigate_playlist (GTK_WIDGET (window), id);
  page = wait_playlist_page ();
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_playlist_page_get_entries (page)), ==, 2);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (track));

  /* The second dragged first: so it stays. */
  fanfare_playlist_page_move_entry (page, 1, 0);
  fanfare_test_wait_ms (1000);
  fanfare_navigate_playlist (GTK_WIDGET (window), id);
  page = wait_playlist_page ();
  {
    g_autoptr(FanfareChartItem) second = g_list_model_get_item (chart, 1);
    g_autoptr(FanfarePlaylistEntry) first = g_list_model_get_item (fanfare_playlist_page_get_entries (page), 0);

    g_assert_cmpstr (fanfare_track_get_id (fanfare_playlist_entry_get_track (first)), ==,
                     fanfare_track_get_id (fanfare_chart_item_get_item (second)));
  }

  /* Renamed, described and made public by its owner. */
  fanfare_playlist_page_rename (page, "Late Night Drive, Again", "For the coast road");
  fanfare_playlist_page_set_visibility (page, FANFARE_PLAYLIST_VISIBILITY_PUBLIC);
  g_assert_true (fanfare_test_wait_for (is_public, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Late Night Drive, Again");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "For the coast road");
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  save_screenshot ("platform-my-playlist");

  /* Listed on the Playlists page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  g_assert_true (fanfare_test_wait_for (own_listed, fanfare_playlists_page_get_own (playlists), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (playlists), "Late Night Drive, Again");
  fanfare_test_assert_label_shown (GTK_WIDGET (playlists), "Golden Hour");
  save_screenshot ("platform-playlists");

  /* Its track removed, then the playlist deleted. */
  fanfare_navigate_playlist (GTK_WIDGET (window), id);
  page = wait_playlist_page ();
  g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_playlist_page_get_entries (page), 20000));
  fanfare_playlist_page_remove_entry (page, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_playlist_page_get_entries (page)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.delete", NULL));
  dialog = fanfare_test_app_wait_dialog ("Delete Playlist?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  fanfare_test_wait_ms (1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  g_assert_true (fanfare_test_wait_for (own_gone, fanfare_playlists_page_get_own (playlists), 20000));
}

static gboolean
invited (gpointer  data)
{
  const char * const *collaborators = fanfare_playlist_page_get_collaborators (data);

  return collaborators != NULL && g_strv_contains (collaborators, "xiaoyu");
}

static gboolean
none_invited (gpointer  data)
{
  const char * const *collaborators = fanfare_playlist_page_get_collaborators (data);

  return collaborators == NULL || collaborators[0] == NULL;
}

/* Renames the playlist @id as xiaoyu; %NULL, or what went wrong. */
static GError *
rename_as_other (FanfareClient *other,
                 const char    *id,
                 const char    *title)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfarePlaylist) renamed = NULL;
  GAsyncResult *slot = NULL;
  GError *error = NULL;

  fanfare_client_update_playlist_async (other, id, title, NULL, -1, NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  renamed = fanfare_client_playlist_finish (other, result, NULL, &error);

  return error;
}

/* The owner invites someone to edit, who then may; and takes it back. */
static void
test_collaborators (void)
{
  g_autoptr(FanfareClient) other = fanfare_test_app_client_sign_in (server, "xiaoyu", FANFARE_TEST_DEMO_PASSWORD);
  g_autoptr(FanfarePlaylist) own = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  FanfarePlaylistPage *page;
  GtkWidget *dialog;
  GtkWidget *remove;
  g_autofree char *no_time = fanfare_format_duration (0);
  g_autofree char *details = g_strdup_printf ("0 tracks · %s · Private · Edited with xiaoyu", no_time);

  fanfare_client_create_playlist_async (client (), "Made Together", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  own = fanfare_client_playlist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);

  /* A stranger may not rename it. */
  error = rename_as_other (other, fanfare_playlist_get_id (own), "Not Theirs");
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Invited by their username from the page's dialog. */
  fanfare_navigate_playlist (GTK_WIDGET (window), fanfare_playlist_get_id (own));
  page = wait_playlist_page ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.collaborators", NULL));
  dialog = fanfare_test_app_wait_dialog ("Collaborators");
  fanfare_test_wait_mapped (dialog);
  gtk_editable_set_text (GTK_EDITABLE (fanfare_test_find_widget (dialog, GTK_TYPE_ENTRY)), "xiaoyu");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "invite");
  g_assert_true (fanfare_test_wait_for (invited, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), details);
  save_screenshot ("platform-collaborators");

  /* They may edit it now. */
  error = rename_as_other (other, fanfare_playlist_get_id (own), "Made Together, Renamed");
  g_assert_no_error (error);

  /* Taken back from the dialog: they may not any more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.collaborators", NULL));
  dialog = fanfare_test_app_wait_dialog ("Collaborators");
  fanfare_test_wait_mapped (dialog);
  remove = gtk_widget_get_ancestor (fanfare_test_find_label (dialog, "xiaoyu"), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (remove);
  remove = fanfare_test_find_widget (remove, GTK_TYPE_BUTTON);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_true (fanfare_test_wait_for (none_invited, page, 20000));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  error = rename_as_other (other, fanfare_playlist_get_id (own), "Taken Over");
  g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
}

static FanfarePlaylist *
wait_import (GAsyncResult **slot,
             guint         *matched,
             guint         *unmatched)
{
  g_autoptr(GAsyncResult) result = fanfare_test_wait_result (slot);
  g_autoptr(GError) error = NULL;
  FanfarePlaylist *playlist = fanfare_playlist_import_finish (result, matched, unmatched, &error);

  g_assert_no_error (error);

  return playlist;
}

/* The platform track ids of a playlist's entries, in order, joined. */
static char *
entry_track_ids (const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GString *ids = g_string_new (NULL);

  fanfare_client_get_playlist_async (client (), id, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  playlist = fanfare_client_get_playlist_finish (client (), result, &entries, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (entries, i);
      FanfareTrack *track = fanfare_playlist_entry_get_track (entry);

      g_string_append_printf (ids, "%s;", track != NULL ? fanfare_track_get_id (track) : "local");
    }

  return g_string_free (ids, FALSE);
}

static gboolean
playlist_page_titled (gpointer  data)
{
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *page = fanfare_navigation_stack_get_visible_page (navigation);
  FanfarePlaylist *playlist = FANFARE_IS_PLAYLIST_PAGE (page) ? fanfare_playlist_page_get_playlist (FANFARE_PLAYLIST_PAGE (page))
                                                              : NULL;

  return playlist != NULL && g_strcmp0 (fanfare_playlist_get_title (playlist), data) == 0;
}

/* The file chooser has the file selected, once it has read its folder. */
static gboolean
file_chosen (gpointer  data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* XSPF and M3U8 out and back in: the same tracks in the same order; a
 * file of another program's found by artist and title. */
static void
test_playlist_files (void)
{
  GListModel *chart = fanfare_discover_page_get_chart (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(FanfarePlaylist) own = NULL;
  g_autoptr(FanfarePlaylist) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *by_name_path = g_build_filename (scratch, "From Elsewhere.m3u8", NULL);
  g_autofree char *by_name = NULL;
  g_autoptr(FanfareChartItem) first = g_list_model_get_item (chart, 0);
  FanfareTrack *first_track = fanfare_chart_item_get_item (first);
  GAsyncResult *slot = NULL;
  GtkWidget *chooser;
  const char *names[] = { "Round Trip.xspf", "Round Trip.m3u8" };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, i);

      g_list_store_append (tracks, fanfare_chart_item_get_item (item));
    }
  fanfare_client_create_playlist_async (client (), "Round Trip", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  own = fanfare_client_playlist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  fanfare_client_add_entries_async (client (), fanfare_playlist_get_id (own), G_LIST_MODEL (tracks), NULL, NULL,
                                    NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  added = fanfare_client_playlist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);
  ids = entry_track_ids (fanfare_playlist_get_id (own));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (scratch, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GAsyncResult) written = NULL;
      g_autoptr(FanfarePlaylist) back = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *back_ids = NULL;
      guint matched = 0;
      guint unmatched = 0;

      fanfare_playlist_export_async (client (), fanfare_playlist_get_id (own), file, NULL,
                                     fanfare_test_store_result, &slot);
      written = fanfare_test_wait_result (&slot);
      g_assert_true (fanfare_playlist_export_finish (written, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, fanfare_track_get_title (first_track)));
      g_assert_nonnull (strstr (contents, i == 0 ? "<playlist" : "#EXTM3U"));

      fanfare_playlist_import_async (client (), file, NULL, fanfare_test_store_result, &slot);
      back = wait_import (&slot, &matched, &unmatched);
      g_assert_cmpuint (matched, ==, 3);
      g_assert_cmpuint (unmatched, ==, 0);
      back_ids = entry_track_ids (fanfare_playlist_get_id (back));
      g_assert_cmpstr (back_ids, ==, ids);
    }

  /* Another program's M3U8, with paths of its own: found by artist and
   * title, or kept as a track of this device. Imported from the Playlists
   * page's file chooser, the playlist opens. */
  by_name = g_strdup_printf ("#EXTM3U\n#PLAYLIST:From Elsewhere\n#EXTINF:200,%s - %s\n/home/someone/Music/a.flac\n"
                             "#EXTINF:180,Nobody Known - No Such Song\n/home/someone/Music/b.flac\n",
                             fanfare_track_get_artist (first_track), fanfare_track_get_title (first_track));
  g_assert_true (g_file_set_contents (by_name_path, by_name, -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  g_assert_true (gtk_widget_activate_action (find (FANFARE_TYPE_PLAYLISTS_PAGE), "playlists.import", NULL));
  chooser = GTK_WIDGET (fanfare_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_nonnull (chooser);
  {
    g_autoptr(GFile) file = g_file_new_for_path (by_name_path);

    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  }
  g_assert_true (fanfare_test_wait_for (file_chosen, chooser, 20000));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (fanfare_test_wait_for (playlist_page_titled, (gpointer) "From Elsewhere", 20000));
  {
    FanfarePlaylistPage *page = wait_playlist_page ();
    GListModel *entries = fanfare_playlist_page_get_entries (page);
    g_autoptr(FanfarePlaylistEntry) found = NULL;
    g_autoptr(FanfarePlaylistEntry) kept = NULL;

    g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, entries, 20000));
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
    found = g_list_model_get_item (entries, 0);
    kept = g_list_model_get_item (entries, 1);
    g_assert_cmpstr (fanfare_track_get_id (fanfare_playlist_entry_get_track (found)), ==,
                     fanfare_track_get_id (first_track));
    g_assert_false (fanfare_playlist_entry_get_available (kept));
    g_assert_cmpstr (fanfare_playlist_entry_get_title (kept), ==, "No Such Song");
  }
}

/* A link to a playlist given to the app opens its page. */
static void
test_open_link (void)
{
  GListModel *featured = fanfare_discover_page_get_featured (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FanfarePlaylist) playlist = g_list_model_get_item (featured, i);
      const char *id = fanfare_playlist_get_id (playlist);
      g_autofree char *uri = i == 0 ? g_strconcat ("fanfare://playlist/", id, NULL)
                                    : fanfare_client_dup_share_uri (client (), id);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      FanfarePlaylistPage *page;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
      g_application_open (G_APPLICATION (app), &file, 1, "");
      page = FANFARE_PLAYLIST_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_PLAYLIST_PAGE));
      g_assert_nonnull (page);
      g_assert_true (fanfare_test_wait_for (fanfare_test_app_has_items, fanfare_playlist_page_get_entries (page), 20000));
      g_assert_cmpstr (fanfare_playlist_get_id (fanfare_playlist_page_get_playlist (page)), ==, id);
      fanfare_test_wait_mapped (GTK_WIDGET (page));
      fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_get_title (playlist));
    }
}

int
main (int   argc,
      char *argv[])
{
  fanfare_test_platform_start (&argc, &argv, TRUE);

  g_test_add_func ("/app/platform/playlist", test_playlist_page);
  g_test_add_func ("/app/platform/my-playlist", test_my_playlist);
  g_test_add_func ("/app/platform/collaborators", test_collaborators);
  g_test_add_func ("/app/platform/playlist-files", test_playlist_files);
  g_test_add_func ("/app/platform/open-link", test_open_link);

  return fanfare_test_platform_stop (g_test_run ());
}
