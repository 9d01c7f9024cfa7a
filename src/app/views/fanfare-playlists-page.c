/* fanfare-playlists-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Playlists page: the user's own playlists, private ones too, and
 * those they follow, each opening its page; a new playlist, which starts
 * private; one imported from an XSPF or M3U8 file; and the history of
 * what the user played. It loads them when the user signs in, when the server
 * can be reached again and whenever it is shown. Below them, signed in or
 * not, are the playlists kept on this computer, read from the library. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-local-playlist-add.h"
#include "fanfare-local-playlists.h"
#include "fanfare-navigate.h"
#include "fanfare-playlist-files.h"
#include "fanfare-playlists-page.h"
#include "fanfare-utils.h"
#include "fanfare-window.h"

struct _FanfarePlaylistsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *scrolled;
  GtkWidget  *signed_out_box;
  GtkWidget  *platform_box;
  GtkListBox *own_list;
  GtkListBox *followed_list;
  GtkListBox *local_list;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GListStore            *own;
  GListStore            *followed;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfarePlaylistsPage, fanfare_playlists_page, GTK_TYPE_WIDGET)

/**
 * fanfare_visibility_get_label:
 *
 * Returns: who sees a playlist, in a word of the user's language
 */
const char *
fanfare_visibility_get_label (FanfarePlaylistVisibility visibility)
{
  switch (visibility)
    {
    case FANFARE_PLAYLIST_VISIBILITY_PUBLIC:
      return _("Public");
    case FANFARE_PLAYLIST_VISIBILITY_UNLISTED:
      return _("Unlisted");
    case FANFARE_PLAYLIST_VISIBILITY_PRIVATE:
    default:
      return _("Private");
    }
}

static FanfareClient *
get_client (FanfarePlaylistsPage *self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  FanfarePlaylist *playlist = item;
  gboolean own = GPOINTER_TO_INT (user_data);
  guint count = fanfare_playlist_get_track_count (playlist);
  g_autofree char *tracks = g_strdup_printf (ngettext ("%u track", "%u tracks", count), count);
  const char *owner = fanfare_playlist_get_owner_name (playlist) != NULL ? fanfare_playlist_get_owner_name (playlist)
                                                                        : fanfare_playlist_get_owner (playlist);
  /* Translators: how many tracks, then who sees the playlist or who made it */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), tracks,
                                               own ? fanfare_visibility_get_label (fanfare_playlist_get_visibility (playlist))
                                                   : owner);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_playlist_get_title (playlist));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("fanfare-playlists-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "playlist", g_object_ref (playlist), g_object_unref);

  return row;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GListStore *store = user_data;
  g_autoptr(GListModel) items = fanfare_client_list_playlists_finish (FANFARE_CLIENT (object), result, NULL);

  /* Offline, what was shown stays. */
  if (items != NULL)
    fanfare_list_store_replace (store, items, G_MAXUINT);
  g_object_unref (store);
}

static GtkWidget *
create_local_row (FanfareLocalPlaylist *playlist)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u track", "%u tracks", playlist->n_entries),
                                               playlist->n_entries);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), playlist->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("computer-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "local-playlist-id", g_memdup2 (&playlist->id, sizeof playlist->id),
                          g_free);

  return row;
}

/* Playlists of this computer need neither an account nor the server. */
static void
reload_local (FanfarePlaylistsPage *self)
{
  FanfareLibraryDb *db = fanfare_local_playlists_db ();
  g_autoptr(GPtrArray) playlists = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->local_list));

  playlists = db != NULL ? fanfare_local_playlists_list (db, &error) : NULL;
  if (error != NULL)
    g_debug ("Local playlists not listed: %s", error->message);
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->local_list, child);
      child = next;
    }
  for (guint i = 0; playlists != NULL && i < playlists->len; i++)
    gtk_list_box_append (self->local_list, create_local_row (g_ptr_array_index (playlists, i)));
}

static void
reload (FanfarePlaylistsPage *self)
{
  FanfareClient *client = get_client (self);
  FanfareUser *user = client != NULL ? fanfare_client_get_user (client) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  reload_local (self);
  gtk_widget_set_visible (self->signed_out_box, user == NULL);
  gtk_widget_set_visible (self->platform_box, user != NULL);
  if (user == NULL)
    {
      g_list_store_remove_all (self->own);
      g_list_store_remove_all (self->followed);
      return;
    }

  if (!fanfare_client_get_online (client))
    return;
  self->cancellable = g_cancellable_new ();
  fanfare_client_list_user_playlists_async (client, fanfare_user_get_username (user), self->cancellable,
                                            loaded_cb, g_object_ref (self->own));
  fanfare_client_list_followed_playlists_async (client, self->cancellable, loaded_cb, g_object_ref (self->followed));
}

static void
client_changed_cb (FanfarePlaylistsPage *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  reload (self);
}

static void
fanfare_playlists_page_row_activated_cb (FanfarePlaylistsPage *self,
                                         GtkListBoxRow        *row)
{
  FanfarePlaylist *playlist = g_object_get_data (G_OBJECT (row), "playlist");
  gint64 *local_id = g_object_get_data (G_OBJECT (row), "local-playlist-id");

  if (local_id != NULL)
    fanfare_navigate_local_playlist (GTK_WIDGET (self), *local_id);
  else if (playlist != NULL)
    fanfare_navigate_playlist (GTK_WIDGET (self), fanfare_playlist_get_id (playlist));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfarePlaylistsPage) self = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;

  playlist = fanfare_client_playlist_finish (FANFARE_CLIENT (object), result, NULL, &error);
  if (playlist == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* Made once the server answers: the page lists it then. */
      if (FANFARE_IS_WINDOW (root) && fanfare_client_error_is_offline (error))
        fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (error->message));
      else if (GTK_IS_WINDOW (root))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Make the Playlist"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  g_list_store_insert (self->own, 0, playlist);
  fanfare_navigate_playlist (GTK_WIDGET (self), fanfare_playlist_get_id (playlist));
}

static void
new_response_cb (AdwMessageDialog     *dialog,
                 const char           *response,
                 FanfarePlaylistsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  FanfareClient *client = get_client (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *client_id = g_uuid_string_random ();

  if (!g_str_equal (response, "create") || client == NULL || *title == '\0')
    return;

  fanfare_client_create_playlist_async (client, title, NULL, FANFARE_PLAYLIST_VISIBILITY_PRIVATE, client_id,
                                        NULL, created_cb, g_object_ref (self));
}

static void
new_local_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       FanfarePlaylistsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 playlist_id;

  if (!g_str_equal (response, "create") || *title == '\0')
    return;
  playlist_id = fanfare_playlists_page_create_local (self, title, &error);
  if (playlist_id == 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_debug ("Local playlist not made: %s", error->message);
      if (FANFARE_IS_WINDOW (root))
        fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (_("The playlist could not be made")));
      return;
    }
  fanfare_navigate_local_playlist (GTK_WIDGET (self), playlist_id);
}

static void
title_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *title != '\0');
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fanfare_choose_playlist_import (widget);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean local = g_str_equal (action_name, "playlists.new-local");
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), local ? _("New Local Playlist") : _("New Playlist"),
                                   local ? _("It is kept on this computer and works offline.")
                                         : _("Only you see a new playlist until you share it."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (title_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (local ? new_local_response_cb : new_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  fanfare_navigate_history (widget);
}

static void
fanfare_playlists_page_dispose (GObject *object)
{
  FanfarePlaylistsPage *self = FANFARE_PLAYLISTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PLAYLISTS_PAGE);
  g_clear_object (&self->own);
  g_clear_object (&self->followed);

  G_OBJECT_CLASS (fanfare_playlists_page_parent_class)->dispose (object);
}

static void
fanfare_playlists_page_class_init (FanfarePlaylistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_playlists_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-playlists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistsPage, signed_out_box);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistsPage, platform_box);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistsPage, own_list);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistsPage, followed_list);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistsPage, local_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_playlists_page_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "playlists.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "playlists.new-local", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "playlists.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "playlists.import", NULL, import_action);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);

  return label;
}

static void
fanfare_playlists_page_init (FanfarePlaylistsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->own = g_list_store_new (FANFARE_TYPE_PLAYLIST);
  self->followed = g_list_store_new (FANFARE_TYPE_PLAYLIST);
  gtk_list_box_bind_model (self->own_list, G_LIST_MODEL (self->own), create_row, GINT_TO_POINTER (TRUE), NULL);
  gtk_list_box_bind_model (self->followed_list, G_LIST_MODEL (self->followed), create_row, GINT_TO_POINTER (FALSE),
                           NULL);
  gtk_list_box_set_placeholder (self->own_list, placeholder (_("Make a playlist to keep tracks together")));
  gtk_list_box_set_placeholder (self->followed_list, placeholder (_("Playlists you follow appear here")));
  gtk_list_box_set_placeholder (self->local_list,
                                placeholder (_("Playlists made here work without an account or a connection")));
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (reload), self);
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
}

void
fanfare_playlists_page_set_accounts (FanfarePlaylistsPage  *self,
                                     FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_PLAYLISTS_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/**
 * fanfare_playlists_page_get_own:
 *
 * Returns: (transfer none): the user's #FanfarePlaylist objects on show
 */
GListModel *
fanfare_playlists_page_get_own (FanfarePlaylistsPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLISTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->own);
}

/**
 * fanfare_playlists_page_get_followed:
 *
 * Returns: (transfer none): the followed #FanfarePlaylist objects on show
 */
GListModel *
fanfare_playlists_page_get_followed (FanfarePlaylistsPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLISTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->followed);
}

/**
 * fanfare_playlists_page_create_local:
 * @title: the new playlist's name
 *
 * Makes an empty playlist on this computer and lists it, as the dialog
 * of New Local Playlist does.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
fanfare_playlists_page_create_local (FanfarePlaylistsPage *self,
                                     const char           *title,
                                     GError              **error)
{
  FanfareLibraryDb *db = fanfare_local_playlists_db ();
  gint64 playlist_id;

  g_return_val_if_fail (FANFARE_IS_PLAYLISTS_PAGE (self), 0);
  g_return_val_if_fail (title != NULL, 0);

  if (db == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "The library is not open yet");
      return 0;
    }
  playlist_id = fanfare_local_playlists_create (db, title, NULL, error);
  if (playlist_id != 0)
    reload_local (self);

  return playlist_id;
}

/**
 * fanfare_playlists_page_get_n_local:
 *
 * Returns: how many playlists of this computer the page lists
 */
guint
fanfare_playlists_page_get_n_local (FanfarePlaylistsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (FANFARE_IS_PLAYLISTS_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->local_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "local-playlist-id") != NULL;

  return n;
}
