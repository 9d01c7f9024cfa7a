/* fanfare-playlist-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One playlist of the platform, opened from Discover or from a link: its
 * cover, title, owner, description, followers and tracks. The user plays
 * it, follows it (not their own) and copies its link to share. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-cover-image.h"
#include "fanfare-playlist-page.h"
#include "fanfare-utils.h"
#include "fanfare-window.h"

struct _FanfarePlaylistPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  FanfareCoverImage *cover;
  GtkLabel          *title_label;
  GtkLabel          *owner_label;
  GtkLabel          *description_label;
  GtkLabel          *details_label;
  GtkWidget         *follow_button;
  AdwButtonContent  *follow_content;
  GtkListBox        *entries_list;

  /* Owned references */
  char                 *playlist_id;
  FanfareClient        *client;
  FanfarePlaylist      *playlist;
  FanfarePlaylistAccess access;
  GListStore           *entries;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfarePlaylistPage, fanfare_playlist_page, GTK_TYPE_WIDGET)

static void
toast (FanfarePlaylistPage *self,
       const char          *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (title));
}

static void
update (FanfarePlaylistPage *self)
{
  FanfarePlaylist *playlist = self->playlist;
  const char *description = fanfare_playlist_get_description (playlist);
  const char *owner = fanfare_playlist_get_owner_name (playlist) != NULL ? fanfare_playlist_get_owner_name (playlist)
                                                                        : fanfare_playlist_get_owner (playlist);
  guint count = fanfare_playlist_get_track_count (playlist);
  g_autofree char *tracks = g_strdup_printf (ngettext ("%u track", "%u tracks", count), count);
  g_autofree char *followers = g_strdup_printf (ngettext ("%u follower", "%u followers", self->access.follower_count),
                                                self->access.follower_count);
  g_autofree char *duration = fanfare_format_duration (fanfare_playlist_get_duration (playlist));
  g_autofree char *details = NULL;
  gboolean own = self->client != NULL && fanfare_client_get_user (self->client) != NULL &&
                 g_strcmp0 (fanfare_user_get_username (fanfare_client_get_user (self->client)),
                            fanfare_playlist_get_owner (playlist)) == 0;

  gtk_label_set_label (self->title_label, fanfare_playlist_get_title (playlist));
  gtk_label_set_label (self->owner_label, owner);
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description != '\0');
  /* Translators: how many tracks, how long, how many followers */
  details = g_strdup_printf (_("%s · %s · %s"), tracks, duration, followers);
  gtk_label_set_label (self->details_label, details);
  fanfare_cover_image_set_uri (self->cover, fanfare_playlist_get_cover_uri (playlist));

  adw_button_content_set_label (self->follow_content, self->access.following ? _("_Following") : _("F_ollow"));
  adw_button_content_set_icon_name (self->follow_content,
                                    self->access.following ? "object-select-symbolic" : "list-add-symbolic");
  gtk_widget_set_visible (self->follow_button, !own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playlist-page.follow",
                                 self->client != NULL && fanfare_client_get_signed_in (self->client));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playlist-page.copy-link",
                                 fanfare_playlist_get_visibility (playlist) != FANFARE_PLAYLIST_VISIBILITY_PRIVATE);
}

static void
set_playlist (FanfarePlaylistPage   *self,
              FanfarePlaylist       *playlist,
              FanfarePlaylistAccess *access)
{
  g_set_object (&self->playlist, playlist);
  fanfare_playlist_access_clear (&self->access);
  self->access = *access;
  update (self);
}

static GtkWidget *
create_entry_row (gpointer  item,
                  gpointer  user_data)
{
  FanfarePlaylistEntry *entry = item;
  FanfareTrack *track = fanfare_playlist_entry_get_track (entry);
  const char *title = fanfare_playlist_entry_get_title (entry);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *duration = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : _("Unavailable Track"));
  if (fanfare_playlist_entry_get_artist (entry) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fanfare_playlist_entry_get_artist (entry));
  if (track != NULL)
    {
      duration = fanfare_format_duration (fanfare_track_get_duration (track));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (duration));
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), fanfare_playlist_entry_get_available (entry));
  gtk_widget_set_sensitive (row, fanfare_playlist_entry_get_available (entry));

  return row;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfarePlaylistPage) self = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  FanfarePlaylistAccess access = { 0 };

  playlist = fanfare_client_get_playlist_finish (FANFARE_CLIENT (object), result, &entries, &access, &error);
  if (playlist == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    g_ptr_array_add (items, g_list_model_get_item (entries, i));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  set_playlist (self, playlist, &access);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* The playable tracks, and the position among them of the entry at @index. */
static GListStore *
playable_tracks (FanfarePlaylistPage *self,
                 guint                index,
                 guint               *position)
{
  GListStore *tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  *position = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (!fanfare_playlist_entry_get_available (entry))
        continue;
      if (i == index)
        *position = g_list_model_get_n_items (G_LIST_MODEL (tracks));
      g_list_store_append (tracks, fanfare_playlist_entry_get_track (entry));
    }

  return tracks;
}

static void
play_from (FanfarePlaylistPage *self,
           guint                index)
{
  GApplication *app = g_application_get_default ();
  guint position;
  g_autoptr(GListStore) tracks = playable_tracks (self, index, &position);
  g_autoptr(FanfareTrack) first = NULL;

  if (!FANFARE_IS_APPLICATION (app) || g_list_model_get_n_items (G_LIST_MODEL (tracks)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (tracks), position);
  fanfare_application_play_list (FANFARE_APPLICATION (app), G_LIST_MODEL (tracks), first, FANFARE_PLAY_NOW);
}

static void
fanfare_playlist_page_entry_activated_cb (FanfarePlaylistPage *self,
                                          GtkListBoxRow       *row)
{
  play_from (self, gtk_list_box_row_get_index (row));
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  play_from (FANFARE_PLAYLIST_PAGE (widget), 0);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfarePlaylistPage) self = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  FanfarePlaylistAccess access = { 0 };

  gtk_widget_set_sensitive (self->follow_button, TRUE);
  playlist = fanfare_client_playlist_finish (FANFARE_CLIENT (object), result, &access, &error);
  if (playlist == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  set_playlist (self, playlist, &access);
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);

  if (self->client == NULL || self->playlist == NULL)
    return;
  gtk_widget_set_sensitive (self->follow_button, FALSE);
  fanfare_client_set_following_playlist_async (self->client, self->playlist_id, !self->access.following,
                                               self->cancellable, followed_cb, g_object_ref (self));
}

static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);
  g_autofree char *uri = NULL;

  if (self->client == NULL)
    return;
  uri = fanfare_client_dup_share_uri (self->client, self->playlist_id);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), uri);
  toast (self, _("Link copied"));
}

static void
fanfare_playlist_page_dispose (GObject *object)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PLAYLIST_PAGE);
  g_clear_object (&self->entries);
  g_clear_object (&self->playlist);
  g_clear_object (&self->client);
  fanfare_playlist_access_clear (&self->access);
  g_clear_pointer (&self->playlist_id, g_free);

  G_OBJECT_CLASS (fanfare_playlist_page_parent_class)->dispose (object);
}

static void
fanfare_playlist_page_class_init (FanfarePlaylistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_playlist_page_dispose;

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-playlist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, follow_content);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_playlist_page_entry_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "playlist-page.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.follow", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.copy-link", NULL, copy_link_action);
}

static void
fanfare_playlist_page_init (FanfarePlaylistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (FANFARE_TYPE_PLAYLIST_ENTRY);
  gtk_list_box_bind_model (self->entries_list, G_LIST_MODEL (self->entries), create_entry_row, NULL, NULL);
}

/**
 * fanfare_playlist_page_new:
 *
 * Returns: (transfer floating): the page of the playlist @playlist_id,
 *   which it loads
 */
GtkWidget *
fanfare_playlist_page_new (const char *playlist_id)
{
  FanfarePlaylistPage *self;
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;

  g_return_val_if_fail (playlist_id != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_PLAYLIST_PAGE, NULL);
  self->playlist_id = g_strdup (playlist_id);
  if (client == NULL)
    {
      adw_status_page_set_description (self->error_page, _("Sign in to a Fanfare server to open playlists."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return GTK_WIDGET (self);
    }

  self->client = g_object_ref (client);
  fanfare_client_get_playlist_async (client, playlist_id, self->cancellable, loaded_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}

/**
 * fanfare_playlist_page_get_playlist:
 *
 * Returns: (transfer none) (nullable): the playlist, once loaded
 */
FanfarePlaylist *
fanfare_playlist_page_get_playlist (FanfarePlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_PAGE (self), NULL);

  return self->playlist;
}

/**
 * fanfare_playlist_page_get_entries:
 *
 * Returns: (transfer none): the #FanfarePlaylistEntry objects on show
 */
GListModel *
fanfare_playlist_page_get_entries (FanfarePlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}
