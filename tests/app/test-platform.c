/* test-platform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The platform the way a person meets it, in the real application under
 * Xvfb against a real fanfare-server with the small demo: signing in,
 * Discover with its picks, charts and featured playlists, a playlist's
 * page, the personal radio, searching, an album's page that streams a track, a
 * book resumed where another device stopped, and the offline banner when the
 * server goes away and comes back. */

#include "config.h"

#include <gst/gst.h>
#include <string.h>

#include "fanfare-account-button.h"
#include "fanfare-album-page.h"
#include "fanfare-album-tile.h"
#include "fanfare-application.h"
#include "fanfare-chapter.h"
#include "fanfare-continue-listening.h"
#include "fanfare-cover-image.h"
#include "fanfare-discover-page.h"
#include "fanfare-error.h"
#include "fanfare-library-page.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-offline-banner.h"
#include "fanfare-pages.h"
#include "fanfare-player-bar.h"
#include "fanfare-playlist-files.h"
#include "fanfare-playlist-page.h"
#include "fanfare-playlists-page.h"
#include "fanfare-search-page.h"
#include "fanfare-sign-in-dialog.h"
#include "fanfare-test-app.h"
#include "fanfare-test-client.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-page.h"
#include "fanfare-utils.h"
#include "fanfare-window.h"

static FanfareApplication *app;
static FanfareWindow *window;
static FanfareTestServer *server;
static char *scratch;
static char *token;
static GAsyncResult *copied_result;

static FanfareClient *
client (void)
{
  return fanfare_application_get_client (app);
}

static gboolean
signed_in (gpointer  data)
{
  return client () != NULL && fanfare_client_get_signed_in (client ());
}

static gboolean
has_items (gpointer  data)
{
  return g_list_model_get_n_items (data) > 0;
}

/* Every cover under @root has its picture. */
static gboolean
covers_loaded (gpointer  data)
{
  GtkWidget *root = data;
  GtkWidget *cover;
  GPtrArray *stack = g_ptr_array_new ();
  gboolean all = TRUE;

  g_ptr_array_add (stack, root);
  while (stack->len > 0 && all)
    {
      GtkWidget *widget = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      cover = widget;
      if (FANFARE_IS_COVER_IMAGE (cover) && gtk_widget_get_mapped (cover) &&
          fanfare_cover_image_get_uri (FANFARE_COVER_IMAGE (cover)) != NULL &&
          fanfare_cover_image_get_texture (FANFARE_COVER_IMAGE (cover)) == NULL)
        all = FALSE;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_free (stack, TRUE);

  return all;
}

/* After the pages' cross-fades and slides have ended. */
static void
save_screenshot (const char *name)
{
  fanfare_test_wait_ms (600);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_save_screenshot (GTK_WIDGET (window), name);
}

static GtkWidget *
find (GType  type)
{
  GtkWidget *found = fanfare_test_find_widget (GTK_WIDGET (window), type);

  g_assert_nonnull (found);

  return found;
}

static void
test_sign_in (void)
{
  FanfareSignInDialog *dialog;

  g_assert_false (signed_in (NULL));
  fanfare_test_assert_label_shown (GTK_WIDGET (window), "Sign In");

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  dialog = FANFARE_SIGN_IN_DIALOG (fanfare_test_find_toplevel (FANFARE_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "platform-sign-in");

  /* A wrong password is said in the dialog, which stays. */
  fanfare_sign_in_dialog_submit (dialog, server->url, FANFARE_TEST_DEMO_USER, "wrong password", FALSE);
  while (fanfare_test_find_label (GTK_WIDGET (dialog), "Wrong username or password") == NULL ||
         !gtk_widget_get_visible (fanfare_test_find_label (GTK_WIDGET (dialog), "Wrong username or password")))
    g_main_context_iteration (NULL, TRUE);

  fanfare_sign_in_dialog_submit (dialog, server->url, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, FALSE);
  g_assert_true (fanfare_test_wait_for (signed_in, NULL, 20000));
  fanfare_test_note_secret (fanfare_client_get_token (client ()));
  token = g_strdup (fanfare_client_get_token (client ()));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (window),
                                   fanfare_user_get_display_name (fanfare_client_get_user (client ())));
}

static void
test_discover (void)
{
  FanfareDiscoverPage *page = FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE));
  GListModel *albums = fanfare_discover_page_get_new_releases (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (fanfare_test_wait_for (has_items, albums, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "New Releases");
  {
    g_autoptr(FanfareAlbum) first = g_list_model_get_item (albums, 0);

    fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_album_get_title (first));
  }
  save_screenshot ("platform-discover");
}

static void
test_discover_picks (void)
{
  FanfareDiscoverPage *page = FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE));
  GListModel *picks = fanfare_discover_page_get_picks (page);
  GListModel *chart = fanfare_discover_page_get_chart (page);
  GListModel *featured = fanfare_discover_page_get_featured (page);
  g_autoptr(FanfareChartItem) hottest = NULL;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  gboolean explained = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (fanfare_test_wait_for (has_items, picks, 20000));
  g_assert_true (fanfare_test_wait_for (has_items, chart, 20000));
  g_assert_true (fanfare_test_wait_for (has_items, featured, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Made for You");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Hot This Week");
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Featured Playlists");

  /* Each pick says why, in words of the user's language. */
  for (guint i = 0; i < g_list_model_get_n_items (picks); i++)
    {
      g_autoptr(FanfarePick) pick = g_list_model_get_item (picks, i);
      FanfareTrack *track = fanfare_pick_get_track (pick);
      g_autofree char *reason = fanfare_pick_dup_reason_text (pick);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", fanfare_track_get_artist (track), reason);

      fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (track));
      fanfare_test_assert_label_shown (GTK_WIDGET (page), subtitle);
      if (fanfare_pick_get_reason (pick) == FANFARE_PICK_REASON_PLAYED)
        {
          g_assert_true (g_str_has_prefix (reason, "Because you played “"));
          explained = TRUE;
        }
    }
  g_assert_true (explained);

  hottest = g_list_model_get_item (chart, 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page),
                                   fanfare_track_get_title (fanfare_chart_item_get_item (hottest)));
  playlist = g_list_model_get_item (featured, 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_get_title (playlist));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  save_screenshot ("platform-discover-picks");
}

static gboolean
playlist_loaded (gpointer  data)
{
  return fanfare_playlist_page_get_playlist (data) != NULL;
}

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
  g_assert_true (fanfare_test_wait_for (has_items, fanfare_playlist_page_get_entries (page), 20000));
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

static guint first_batch;

static gboolean
has_more_than_first_batch (gpointer  data)
{
  return g_list_model_get_n_items (data) > first_batch;
}

static gboolean
playlist_page_pushed (gpointer  data)
{
  return fanfare_test_find_widget (data, FANFARE_TYPE_PLAYLIST_PAGE) != NULL;
}

/* The playlist page on top, once it has its playlist. */
static FanfarePlaylistPage *
wait_playlist_page (void)
{
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  FanfarePlaylistPage *page;

  g_assert_true (fanfare_test_wait_for (playlist_page_pushed, navigation, 20000));
  page = FANFARE_PLAYLIST_PAGE (fanfare_navigation_stack_get_visible_page (navigation));
  g_assert_true (FANFARE_IS_PLAYLIST_PAGE (page));
  g_assert_true (fanfare_test_wait_for (playlist_loaded, page, 20000));
  fanfare_test_wait_mapped (GTK_WIDGET (page));

  return page;
}

/* The message dialog on show with @heading. */
static GtkWidget *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;

  g_assert_not_reached ();
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
  dialog = find_dialog ("New Playlist");
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
      dialog = find_dialog ("Add to Playlist");
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
  g_assert_true (fanfare_test_wait_for (has_items, fanfare_playlist_page_get_entries (page), 20000));
  fanfare_playlist_page_remove_entry (page, 0);
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_playlist_page_get_entries (page)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "playlist-page.delete", NULL));
  dialog = find_dialog ("Delete Playlist?");
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
  g_autoptr(FanfareClient) other = fanfare_client_new (server->url, NULL);
  g_autoptr(FanfarePlaylist) own = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  FanfarePlaylistPage *page;
  GtkWidget *dialog;
  GtkWidget *remove;
  g_autofree char *no_time = fanfare_format_duration (0);
  g_autofree char *details = g_strdup_printf ("0 tracks · %s · Private · Edited with xiaoyu", no_time);

  fanfare_client_sign_in_async (other, "xiaoyu", FANFARE_TEST_DEMO_PASSWORD, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_sign_in_finish (other, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (other));
  g_clear_object (&result);
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
  dialog = find_dialog ("Collaborators");
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
  dialog = find_dialog ("Collaborators");
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

    g_assert_true (fanfare_test_wait_for (has_items, entries, 20000));
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
    found = g_list_model_get_item (entries, 0);
    kept = g_list_model_get_item (entries, 1);
    g_assert_cmpstr (fanfare_track_get_id (fanfare_playlist_entry_get_track (found)), ==,
                     fanfare_track_get_id (first_track));
    g_assert_false (fanfare_playlist_entry_get_available (kept));
    g_assert_cmpstr (fanfare_playlist_entry_get_title (kept), ==, "No Such Song");
  }
}

/* The history lists the plays, the latest first: the demo's weeks of them. */
static void
test_history (void)
{
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *page;
  g_autoptr(FanfareTrack) latest = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "playlists"));
  g_assert_true (gtk_widget_activate_action (find (FANFARE_TYPE_PLAYLISTS_PAGE), "playlists.history", NULL));
  page = fanfare_navigation_stack_get_visible_page (navigation);
  g_assert_true (FANFARE_IS_TRACK_LIST_PAGE (page));
  g_assert_cmpstr (gtk_widget_get_name (page), ==, "history");
  g_assert_true (fanfare_test_wait_for (has_items, fanfare_track_list_page_get_tracks (FANFARE_TRACK_LIST_PAGE (page)),
                                        20000));
  fanfare_test_wait_mapped (page);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  latest = g_list_model_get_item (fanfare_track_list_page_get_tracks (FANFARE_TRACK_LIST_PAGE (page)), 0);
  fanfare_test_assert_label_shown (page, fanfare_track_get_title (latest));
  save_screenshot ("platform-history");
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
      g_assert_true (fanfare_test_wait_for (has_items, fanfare_playlist_page_get_entries (page), 20000));
      g_assert_cmpstr (fanfare_playlist_get_id (fanfare_playlist_page_get_playlist (page)), ==, id);
      fanfare_test_wait_mapped (GTK_WIDGET (page));
      fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_playlist_get_title (playlist));
    }
}

static gboolean
radio_playing (gpointer  data)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_application_get_playing_radio (app);
}

static gboolean
liked_toast_shown (gpointer  data)
{
  return fanfare_test_find_label (GTK_WIDGET (window), "Your radio will play more like it") != NULL;
}

/* The player bar's button acting through @action_name. */
static GtkWidget *
bar_button (const char *action_name)
{
  GtkWidget *bar = find (FANFARE_TYPE_PLAYER_BAR);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, bar);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_assert_not_reached ();
}

static gboolean
playing_other_than (gpointer  data)
{
  FanfareTrack *track = fanfare_player_get_current_track (fanfare_application_get_player (app));

  return track != NULL && g_strcmp0 (fanfare_track_get_id (track), data) != 0 && radio_playing (NULL);
}

static void
test_radio (void)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (fanfare_application_get_player (app));
  GtkWidget *like = bar_button ("app.radio-like");
  GtkWidget *skip = bar_button ("app.radio-skip");
  g_autofree char *skipped = NULL;

  /* Like and skip are for the radio alone. */
  g_assert_false (gtk_widget_is_visible (like));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  g_assert_true (gtk_widget_activate_action (find (FANFARE_TYPE_DISCOVER_PAGE), "discover.play-radio", NULL));
  g_assert_true (fanfare_test_wait_for (radio_playing, NULL, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (like));
  g_assert_true (gtk_widget_get_mapped (skip));

  /* Liked from the player bar: the server takes it. */
  g_signal_emit_by_name (like, "clicked");
  g_assert_true (fanfare_test_wait_for (liked_toast_shown, NULL, 20000));

  /* Skipped from the player bar: the next of the radio plays. */
  skipped = g_strdup (fanfare_track_get_id (fanfare_player_get_current_track (fanfare_application_get_player (app))));
  g_signal_emit_by_name (skip, "clicked");
  g_assert_true (fanfare_test_wait_for (playing_other_than, skipped, 20000));
  first_batch = g_list_model_get_n_items (G_LIST_MODEL (queue));
  g_assert_cmpuint (first_batch, >, 1);

  /* Near its end, the radio goes on. */
  fanfare_player_play_position (fanfare_application_get_player (app), first_batch - 1);
  g_assert_true (fanfare_test_wait_for (has_more_than_first_batch, queue, 20000));
  g_assert_true (fanfare_test_wait_for (radio_playing, NULL, 20000));

  /* A track's menu asks the radio for more like it; the server takes it. */
  {
    FanfareTrack *playing = fanfare_player_get_current_track (fanfare_application_get_player (app));
    GtkWidget *page = find (FANFARE_TYPE_DISCOVER_PAGE);
    GtkWidget *popover;

    fanfare_track_menu_popup (page, playing, 10, 10);
    popover = fanfare_test_find_widget (page, GTK_TYPE_POPOVER_MENU);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_activate_action (popover, "track.like", NULL));
    g_assert_true (fanfare_test_wait_for (liked_toast_shown, NULL, 20000));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
  fanfare_player_stop (fanfare_application_get_player (app));
}

static gboolean
lists_this_device (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (data, "This device");

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_devices (void)
{
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-sessions", NULL);
  dialog = GTK_WIDGET (fanfare_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (dialog);
  g_assert_true (fanfare_test_wait_for (lists_this_device, dialog, 20000));
  fanfare_test_assert_label_shown (dialog, "Signed-In Devices");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
signed_in_as_demo (gpointer  data)
{
  return signed_in (NULL) && g_strcmp0 (fanfare_user_get_username (fanfare_client_get_user (client ())),
                                        FANFARE_TEST_DEMO_USER) == 0;
}

static gboolean
label_mapped (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (GTK_WIDGET (window), data);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* A second account, then back to the first from the account menu, with the
 * token the keyring kept for it. */
static void
test_switch_account (void)
{
  FanfareSignInDialog *dialog;
  GtkWidget *menu_button;

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  dialog = FANFARE_SIGN_IN_DIALOG (fanfare_test_find_toplevel (FANFARE_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (dialog);
  fanfare_test_wait_mapped (GTK_WIDGET (dialog));
  fanfare_test_note_secret ("second listener's password");
  fanfare_sign_in_dialog_submit (dialog, server->url, "second.listener", "second listener's password", TRUE);
  while (!signed_in (NULL) || signed_in_as_demo (NULL))
    g_main_context_iteration (NULL, TRUE);
  fanfare_test_note_secret (fanfare_client_get_token (client ()));

  menu_button = fanfare_test_find_widget (find (FANFARE_TYPE_ACCOUNT_BUTTON), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_assert_true (fanfare_test_wait_for (label_mapped, (gpointer) "Switch to " FANFARE_TEST_DEMO_USER, 20000));
  fanfare_test_wait_ms (600);
  fanfare_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                                "platform-switch-account");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  g_action_group_activate_action (G_ACTION_GROUP (app), "switch-account",
                                  g_variant_new ("(ss)", server->url, FANFARE_TEST_DEMO_USER));
  g_assert_true (fanfare_test_wait_for (signed_in_as_demo, NULL, 20000));
  g_assert_cmpstr (fanfare_client_get_token (client ()), ==, token);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (window),
                                   fanfare_user_get_display_name (fanfare_client_get_user (client ())));
}

static gboolean
platform_results_shown (gpointer  data)
{
  GtkWidget *label = fanfare_test_find_label (data, "Albums on Fanfare");

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_search (void)
{
  FanfarePages *pages = FANFARE_PAGES (find (FANFARE_TYPE_PAGES));
  GtkWidget *page = find (FANFARE_TYPE_SEARCH_PAGE);
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);

  /* A search replaced by another before its answer shows the latter's. */
  fanfare_pages_search (pages, "zzzz");
  fanfare_pages_search (pages, fanfare_album_get_title (album));
  g_assert_true (fanfare_test_wait_for (platform_results_shown, page, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  fanfare_test_assert_label_shown (page, fanfare_album_get_title (album));
  save_screenshot ("platform-search");
}

static gboolean
is_playing (gpointer  data)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_player_get_position (player) > 200 * G_TIME_SPAN_MILLISECOND;
}

static void
test_album (void)
{
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  FanfareAlbumPage *page;
  g_autoptr(FanfareTrack) first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_album (find (FANFARE_TYPE_DISCOVER_PAGE), album);
  page = FANFARE_ALBUM_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_ALBUM_PAGE));
  g_assert_nonnull (page);
  g_assert_true (fanfare_test_wait_for (has_items, fanfare_album_page_get_tracks (page), 20000));
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  first = g_list_model_get_item (fanfare_album_page_get_tracks (page), 0);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), fanfare_track_get_title (first));
  save_screenshot ("platform-album");

  /* It streams, with the token in a header. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "album.play", NULL));
  g_assert_true (fanfare_test_wait_for (is_playing, NULL, 20000));
  fanfare_player_stop (fanfare_application_get_player (app));
}

static gboolean
is_saved (gpointer  data)
{
  return g_list_model_get_n_items (fanfare_client_get_saved_albums (client ())) == 1;
}

static gboolean
badge_shown (gpointer  data)
{
  GtkWidget *badge = fanfare_test_find_label (data, "Fanfare");

  return badge != NULL && gtk_widget_get_mapped (badge);
}

static void
test_save_to_library (void)
{
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  GtkWidget *library;
  FanfareAlbumPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_album (find (FANFARE_TYPE_DISCOVER_PAGE), album);
  page = FANFARE_ALBUM_PAGE (fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_ALBUM_PAGE));
  g_assert_nonnull (page);
  fanfare_test_wait_mapped (GTK_WIDGET (page));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Save to Library");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "album.save", NULL));
  g_assert_true (fanfare_test_wait_for (is_saved, NULL, 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "In Library");

  /* It is in the Library, beside local music, marked as the platform's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library"));
  library = find (FANFARE_TYPE_LIBRARY_PAGE);
  g_assert_true (fanfare_test_wait_for (badge_shown, library, 20000));
  fanfare_test_assert_label_shown (library, fanfare_album_get_title (album));
  save_screenshot ("platform-library");
}

static gboolean
queue_has_two (gpointer  data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (fanfare_application_get_player (app)))) == 2;
}

static void
test_track_page (void)
{
  GListModel *albums = fanfare_discover_page_get_new_releases (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, 0);
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  FanfarePlayer *player = fanfare_application_get_player (app);
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) fetched = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GtkWidget *page;

  fanfare_client_get_album_async (client (), fanfare_album_get_id (album), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  fetched = fanfare_client_get_album_finish (client (), result, &tracks, &error);
  g_assert_no_error (error);
  track = g_list_model_get_item (tracks, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_track (find (FANFARE_TYPE_DISCOVER_PAGE), track);
  page = fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_TRACK_PAGE);
  g_assert_nonnull (page);
  fanfare_test_wait_mapped (page);
  g_assert_true (fanfare_test_wait_for (covers_loaded, page, 20000));
  fanfare_test_assert_label_shown (page, fanfare_track_get_title (track));
  fanfare_test_assert_label_shown (page, fanfare_album_get_title (album));
  save_screenshot ("platform-track");

  /* Play it, then add it to the queue: the queue holds it twice. */
  fanfare_player_stop (player);
  g_assert_true (gtk_widget_activate_action (page, "track-page.play", NULL));
  g_assert_true (gtk_widget_activate_action (page, "track-page.add-to-queue", NULL));
  g_assert_true (fanfare_test_wait_for (queue_has_two, NULL, 5000));
  fanfare_player_stop (player);
}

/* The demo's audiobook, from the newest albums. */
static FanfareTrack *
find_book (void)
{
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_client_list_new_releases_async (client (), 100, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  albums = fanfare_client_list_new_releases_finish (client (), result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (albums); i++)
    {
      g_autoptr(FanfareAlbum) album = g_list_model_get_item (albums, i);
      g_autoptr(FanfareAlbum) fetched = NULL;
      g_autoptr(GListModel) tracks = NULL;
      g_autoptr(GAsyncResult) album_result = NULL;

      fanfare_client_get_album_async (client (), fanfare_album_get_id (album), NULL, fanfare_test_store_result, &slot);
      album_result = fanfare_test_wait_result (&slot);
      fetched = fanfare_client_get_album_finish (client (), album_result, &tracks, NULL);
      for (guint j = 0; tracks != NULL && j < g_list_model_get_n_items (tracks); j++)
        {
          g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, j);

          if (fanfare_track_get_kind (track) == FANFARE_TRACK_KIND_AUDIOBOOK)
            return g_steal_pointer (&track);
        }
    }

  return NULL;
}

/* A book's page lists its chapters; once started elsewhere it is in
 * Continue Listening on Discover. */
static void
test_book (void)
{
  g_autoptr(FanfareTrack) book = find_book ();
  FanfareNavigationStack *navigation = FANFARE_NAVIGATION_STACK (find (FANFARE_TYPE_NAVIGATION_STACK));
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(FanfareChapter) first = NULL;
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GtkWidget *page;

  g_assert_nonnull (book);
  fanfare_client_list_chapters_async (client (), fanfare_track_get_id (book), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  chapters = fanfare_client_list_chapters_finish (client (), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), >, 1);
  first = g_list_model_get_item (chapters, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_navigate_track (find (FANFARE_TYPE_DISCOVER_PAGE), book);
  page = fanfare_test_find_widget (GTK_WIDGET (navigation), FANFARE_TYPE_TRACK_PAGE);
  fanfare_test_wait_mapped (page);
  fanfare_test_assert_label_shown (page, fanfare_chapter_get_title (first));
  save_screenshot ("platform-book");

  /* Another device listened to a third of it. */
  g_clear_object (&result);
  fanfare_client_put_position_async (client (), fanfare_track_get_id (book), fanfare_track_get_duration (book) / 3,
                                     g_get_real_time () / 1000, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_put_position_finish (client (), result, &error);
  g_assert_no_error (error);
  fanfare_navigation_stack_pop_to_root (navigation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "discover"));
  fanfare_continue_listening_reload (FANFARE_CONTINUE_LISTENING (find (FANFARE_TYPE_CONTINUE_LISTENING)), client ());
  fanfare_test_assert_label_shown (find (FANFARE_TYPE_DISCOVER_PAGE), "Continue Listening");
  fanfare_test_assert_label_shown (find (FANFARE_TYPE_DISCOVER_PAGE), fanfare_track_get_title (book));
  save_screenshot ("platform-continue-listening");
}

static gboolean
book_position_past (gpointer  data)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  return fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
         fanfare_player_get_position (player) > *(GTimeSpan *) data;
}

static gboolean
no_positions_pending (gpointer  data)
{
  return fanfare_client_get_pending_positions (client ()) == 0;
}

static gboolean
is_offline (gpointer  data)
{
  return !fanfare_client_get_online (client ());
}

/* Plays @book from @at until the player has gone past it. */
static void
listen_at (FanfareTrack *book,
           GTimeSpan     at)
{
  FanfarePlayer *player = fanfare_application_get_player (app);

  if (fanfare_player_get_current_track (player) != book)
    {
      g_autoptr(GPtrArray) tracks = g_ptr_array_new ();

      g_ptr_array_add (tracks, book);
      fanfare_player_play_tracks (player, tracks, 0);
    }
  fanfare_player_play (player);
  g_assert_true (fanfare_test_wait_for (is_playing, NULL, 20000));
  fanfare_player_seek (player, at);
  g_assert_true (fanfare_test_wait_for (book_position_past, &at, 20000));
}

/* How far from @expected @device says the user stopped in @book, in ms. */
static gint64
off_on_server (FanfareClient *device,
               FanfareTrack  *book,
               GTimeSpan      expected)
{
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  fanfare_client_get_position_async (device, fanfare_track_get_id (book), NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_get_position_finish (device, result, &error);
  g_assert_no_error (error);
  return ABS (kept->position - expected) / G_TIME_SPAN_MILLISECOND;
}

/* Where the app stopped in a book reaches the user's other device, also
 * when it stopped there offline (the position waits in a file the next run
 * reads), and the app goes where the other device stopped later. */
static void
test_book_resume (void)
{
  g_autoptr(FanfareTrack) book = find_book ();
  FanfarePlayer *player = fanfare_application_get_player (app);
  g_autoptr(FanfareClient) other = fanfare_client_new (server->url, NULL);
  g_autoptr(FanfareClient) next_run = NULL;
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(FanfareUser) user = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, server->url, -1);
  g_autofree char *name = g_strdup_printf ("unsent-positions-%.16s.json", checksum);
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "fanfare", name, NULL);
  GTimeSpan duration, later;
  GAsyncResult *slot = NULL;

  g_assert_nonnull (book);
  duration = fanfare_track_get_duration (book);
  g_assert_cmpint (duration, >, 12 * G_TIME_SPAN_SECOND);
  fanfare_client_sign_in_async (other, FANFARE_TEST_DEMO_USER, FANFARE_TEST_DEMO_PASSWORD, NULL,
                                fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  user = fanfare_client_sign_in_finish (other, result, &error);
  g_assert_no_error (error);
  fanfare_test_note_secret (fanfare_client_get_token (other));
  g_clear_object (&result);

  /* Paused a fifth in: the other device reads it. */
  listen_at (book, duration / 5);
  fanfare_player_pause (player);
  g_assert_true (fanfare_test_wait_for (no_positions_pending, NULL, 20000));
  g_assert_cmpint (off_on_server (other, book, duration / 5), <, 1000);

  /* Paused further on as the server goes away: kept in a file, which the
   * app's next run reads. */
  listen_at (book, duration * 2 / 5);
  fanfare_test_server_kill (server);
  fanfare_player_pause (player);
  g_assert_true (fanfare_test_wait_for (is_offline, NULL, 20000));
  g_assert_cmpuint (fanfare_client_get_pending_positions (client ()), ==, 1);
  next_run = fanfare_client_new (server->url, NULL);
  fanfare_client_set_positions_file (next_run, file);
  g_assert_cmpuint (fanfare_client_get_pending_positions (next_run), ==, 1);

  /* The server is back: it arrives by itself. */
  fanfare_test_server_restart (server);
  g_assert_true (fanfare_test_wait_for (no_positions_pending, NULL, 30000));
  g_assert_cmpint (off_on_server (other, book, duration * 2 / 5), <, 1000);

  /* The other device listens on; the app, starting the book again, goes
   * there. */
  later = duration * 9 / 10;
  fanfare_client_put_position_async (other, fanfare_track_get_id (book), later, g_get_real_time () / 1000 + 2000,
                                     NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  kept = fanfare_client_put_position_finish (other, result, &error);
  g_assert_no_error (error);
  fanfare_player_stop (player);
  {
    g_autoptr(GPtrArray) tracks = g_ptr_array_new ();

    g_ptr_array_add (tracks, book);
    fanfare_player_play_tracks (player, tracks, 0);
  }
  later -= G_TIME_SPAN_SECOND;
  g_assert_true (fanfare_test_wait_for (book_position_past, &later, 20000));
  fanfare_player_stop (player);
}

static gboolean
banner_is (gpointer  data)
{
  FanfareOfflineBanner *banner = FANFARE_OFFLINE_BANNER (find (FANFARE_TYPE_OFFLINE_BANNER));

  return fanfare_offline_banner_get_revealed (banner) == GPOINTER_TO_INT (data);
}

static gboolean
no_edits_pending (gpointer  data)
{
  return fanfare_client_get_pending_playlist_edits (client ()) == 0;
}

static void
test_offline (void)
{
  g_autoptr(FanfarePlaylist) own = NULL;
  g_autoptr(FanfarePlaylist) sent = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GAsyncResult *slot = NULL;
  FanfarePlaylistPage *page;
  guint n_entries;

  g_assert_true (banner_is (GINT_TO_POINTER (FALSE)));

  /* A playlist of the user's, of two tracks, is open when the server goes
   * away. */
  fanfare_client_create_playlist_async (client (), "Before the Storm", NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        NULL, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  own = fanfare_client_playlist_finish (client (), result, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  id = g_strdup (fanfare_playlist_get_id (own));
  {
    GListModel *chart = fanfare_discover_page_get_chart (FANFARE_DISCOVER_PAGE (find (FANFARE_TYPE_DISCOVER_PAGE)));
    g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
    g_autoptr(FanfarePlaylist) added = NULL;

    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(FanfareChartItem) item = g_list_model_get_item (chart, i);

        g_list_store_append (tracks, fanfare_chart_item_get_item (item));
      }
    fanfare_client_add_entries_async (client (), id, G_LIST_MODEL (tracks), NULL, NULL, NULL,
                                      fanfare_test_store_result, &slot);
    result = fanfare_test_wait_result (&slot);
    added = fanfare_client_playlist_finish (client (), result, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
  }
  fanfare_navigate_playlist (GTK_WIDGET (window), id);
  page = wait_playlist_page ();
  g_assert_true (fanfare_test_wait_for (has_items, fanfare_playlist_page_get_entries (page), 20000));
  n_entries = g_list_model_get_n_items (fanfare_playlist_page_get_entries (page));

  fanfare_test_server_kill (server);
  fanfare_client_check_now (client ());
  g_assert_true (fanfare_test_wait_for (banner_is, GINT_TO_POINTER (TRUE), 20000));
  fanfare_test_wait_frame (GTK_WIDGET (window));
  save_screenshot ("platform-offline");

  /* Edited offline: shown at once, kept until the server is back. */
  fanfare_playlist_page_rename (page, "Renamed Offline", NULL);
  fanfare_playlist_page_remove_entry (page, 0);
  fanfare_test_wait_frame (GTK_WIDGET (window));
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Renamed Offline");
  g_assert_cmpuint (g_list_model_get_n_items (fanfare_playlist_page_get_entries (page)), ==, n_entries - 1);
  g_assert_cmpuint (fanfare_client_get_pending_playlist_edits (client ()), ==, 2);
  fanfare_test_wait_ms (1000);
  fanfare_test_assert_label_shown (GTK_WIDGET (page), "Renamed Offline");

  /* It comes back by itself, and the edits reach it. */
  fanfare_test_server_restart (server);
  g_assert_true (fanfare_test_wait_for (banner_is, GINT_TO_POINTER (FALSE), 20000));
  g_assert_true (signed_in (NULL));
  g_assert_true (fanfare_test_wait_for (no_edits_pending, NULL, 20000));
  fanfare_client_get_playlist_async (client (), id, NULL, fanfare_test_store_result, &slot);
  result = fanfare_test_wait_result (&slot);
  sent = fanfare_client_get_playlist_finish (client (), result, &entries, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fanfare_playlist_get_title (sent), ==, "Renamed Offline");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_entries - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *demo = NULL;
  int ret;

  scratch = fanfare_test_use_private_dirs ();
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);
  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);

  server = fanfare_test_app_start_demo_server ();

  app = fanfare_test_app_new ();
  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/platform/sign-in", test_sign_in);
  g_test_add_func ("/app/platform/devices", test_devices);
  g_test_add_func ("/app/platform/switch-account", test_switch_account);
  g_test_add_func ("/app/platform/discover", test_discover);
  g_test_add_func ("/app/platform/discover-picks", test_discover_picks);
  g_test_add_func ("/app/platform/playlist", test_playlist_page);
  g_test_add_func ("/app/platform/my-playlist", test_my_playlist);
  g_test_add_func ("/app/platform/collaborators", test_collaborators);
  g_test_add_func ("/app/platform/playlist-files", test_playlist_files);
  g_test_add_func ("/app/platform/history", test_history);
  g_test_add_func ("/app/platform/open-link", test_open_link);
  g_test_add_func ("/app/platform/radio", test_radio);
  g_test_add_func ("/app/platform/search", test_search);
  g_test_add_func ("/app/platform/album", test_album);
  g_test_add_func ("/app/platform/save-to-library", test_save_to_library);
  g_test_add_func ("/app/platform/book-resume", test_book_resume);
  g_test_add_func ("/app/platform/track-page", test_track_page);
  g_test_add_func ("/app/platform/book", test_book);
  g_test_add_func ("/app/platform/offline", test_offline);

  ret = g_test_run ();

  fanfare_player_stop (fanfare_application_get_player (app));
  fanfare_test_app_quit (app);

  /* The app wrote its caches, its library and its queue: no token and no
   * password among them. */
  if (token != NULL)
    {
      const char *secrets[] = { token, FANFARE_TEST_DEMO_PASSWORD, NULL };

      g_assert_cmpuint (fanfare_test_assert_no_secret_under (scratch, secrets), >, 0);
    }
  g_free (token);
  fanfare_test_server_stop (server);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);

  return ret;
}
