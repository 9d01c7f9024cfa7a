/* fanfare-playlist-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One playlist of the platform, opened from Discover or from a link: its
 * cover, title, owner, description, followers and tracks. The user plays
 * it, follows it (not their own) and copies its link to share. Its owner
 * and collaborators rename and describe it, remove tracks and reorder them
 * by dragging; its owner
 * also chooses who sees it and deletes it. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-collaborators-dialog.h"
#include "fanfare-common-enums.h"
#include "fanfare-comment-section.h"
#include "fanfare-cover-image.h"
#include "fanfare-playlist-files.h"
#include "fanfare-playlist-page-private.h"
#include "fanfare-playlists-page.h"
#include "fanfare-send-dialog.h"
#include "fanfare-utils.h"
#include "fanfare-window.h"


G_DEFINE_FINAL_TYPE (FanfarePlaylistPage, fanfare_playlist_page, GTK_TYPE_WIDGET)

static void
toast (FanfarePlaylistPage *self,
       const char          *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (title));
}

static gboolean
is_owner (FanfarePlaylistPage *self)
{
  FanfareUser *user = self->client != NULL ? fanfare_client_get_user (self->client) : NULL;

  return user != NULL && self->playlist != NULL &&
         g_strcmp0 (fanfare_user_get_username (user), fanfare_playlist_get_owner (self->playlist)) == 0;
}

static void
update_menu (FanfarePlaylistPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *visibility = NULL;

  if (self->access.can_edit)
    g_menu_append (menu, _("_Rename…"), "playlist-page.rename");
  g_menu_append (menu, _("_Export…"), "playlist-page.export");
  if (self->client != NULL && fanfare_client_get_signed_in (self->client) &&
      fanfare_playlist_get_visibility (self->playlist) != FANFARE_PLAYLIST_VISIBILITY_PRIVATE)
    g_menu_append (menu, _("Send to _Friend…"), "playlist-page.send");
  if (is_owner (self))
    {
      g_autoptr(GMenu) who = g_menu_new ();

      g_menu_append (who, _("_Public"), "playlist.visibility::public");
      g_menu_append (who, _("_Unlisted"), "playlist.visibility::unlisted");
      g_menu_append (who, _("P_rivate"), "playlist.visibility::private");
      g_menu_append_section (menu, _("Who Sees It"), G_MENU_MODEL (who));
      g_menu_append (menu, _("_Collaborators…"), "playlist-page.collaborators");
      g_menu_append (menu, _("_Delete Playlist"), "playlist-page.delete");
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_visible (self->menu_button, g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);

  visibility = fanfare_enum_to_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, fanfare_playlist_get_visibility (self->playlist));
  g_simple_action_set_state (self->visibility_action, g_variant_new_string (visibility));
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
  gboolean own = is_owner (self);

  gtk_label_set_label (self->title_label, fanfare_playlist_get_title (playlist));
  gtk_label_set_label (self->owner_label, owner);
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && *description != '\0');
  if (self->access.can_edit)
    /* Translators: how many tracks, how long, and who sees the playlist */
    details = g_strdup_printf (_("%s · %s · %s"), tracks, duration,
                               fanfare_visibility_get_label (fanfare_playlist_get_visibility (playlist)));
  else
    /* Translators: how many tracks, how long, how many followers */
    details = g_strdup_printf (_("%s · %s · %s"), tracks, duration, followers);
  if (self->access.collaborators != NULL && self->access.collaborators[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", self->access.collaborators);
      g_autofree char *with = NULL;

      /* Translators: the details of a playlist, then who edits it besides its owner */
      with = g_strdup_printf (_("%s · Edited with %s"), details, names);
      g_free (details);
      details = g_steal_pointer (&with);
    }
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
  update_menu (self);
}

void
_fanfare_playlist_page_set_playlist (FanfarePlaylistPage   *self,
                                     FanfarePlaylist       *playlist,
                                     FanfarePlaylistAccess *access)
{
  g_set_object (&self->playlist, playlist);
  fanfare_playlist_access_clear (&self->access);
  self->access = *access;
  update (self);
}

/* Plays the entries read from the one at @index, and the rest as they
 * are read. */
static void
play_from (FanfarePlaylistPage *self,
           guint                index)
{
  GApplication *app = g_application_get_default ();
  guint position, end;
  g_autoptr(GListStore) tracks = _fanfare_playlist_page_loaded_tracks (self, index, &position, &end);
  g_autoptr(FanfareTrack) first = NULL;

  if (!FANFARE_IS_APPLICATION (app))
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (tracks)) > 0)
    {
      first = g_list_model_get_item (G_LIST_MODEL (tracks), position);
      fanfare_application_play_list (FANFARE_APPLICATION (app), G_LIST_MODEL (tracks), first, FANFARE_PLAY_NOW);
    }
  _fanfare_playlist_page_queue_rest (self, end);
}

static void
fanfare_playlist_page_entry_activated_cb (FanfarePlaylistPage *self,
                                          guint                position)
{
  g_autoptr(FanfarePlaylistEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  /* A row not read yet plays nothing: it has nothing to play yet. */
  if (entry != NULL && !_fanfare_playlist_page_is_placeholder (self, entry))
    play_from (self, position);
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
  _fanfare_playlist_page_set_playlist (self, playlist, &access);
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

/**
 * fanfare_playlist_page_set_collaborator:
 * @invited: whether @username may edit the playlist
 *
 * Invites a user to edit the playlist, or takes the invitation back, as
 * the Collaborators dialog does; only its owner may.
 */
void
fanfare_playlist_page_set_collaborator (FanfarePlaylistPage *self,
                                        const char          *username,
                                        gboolean             invited)
{
  g_return_if_fail (FANFARE_IS_PLAYLIST_PAGE (self));
  g_return_if_fail (username != NULL);

  if (self->client == NULL || !is_owner (self))
    return;
  fanfare_client_set_collaborator_async (self->client, self->playlist_id, username, invited, self->cancellable,
                                         followed_cb, g_object_ref (self));
}

/**
 * fanfare_playlist_page_get_collaborators:
 *
 * Returns: (transfer none) (nullable): the usernames of those who edit the
 *   playlist besides its owner, as far as the user may know
 */
const char * const *
fanfare_playlist_page_get_collaborators (FanfarePlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_PAGE (self), NULL);

  return (const char * const *) self->access.collaborators;
}

static void
collaborators_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);

  if (is_owner (self))
    fanfare_collaborators_dialog_present (self, (const char * const *) self->access.collaborators);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);

  if (self->playlist != NULL)
    fanfare_choose_playlist_export (widget, self->playlist);
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

/* The answer to an edit: the playlist as it is now, or what went wrong. */
static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfarePlaylistPage) self = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  FanfarePlaylistAccess access = { 0 };

  self->edits_pending--;
  playlist = fanfare_client_playlist_finish (FANFARE_CLIENT (object), result, &access, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (playlist == NULL)
    toast (self, error->message);

  /* Offline, the change is kept and sent later: the page shows it as made. */
  if (fanfare_client_error_is_offline (error))
    self->edits_overlapped = FALSE;

  /* Edits made at once may be answered in any order: once all are, the
  * playlist is read again rather than shown as one of them left it. */
  if (self->edits_pending > 0 || (playlist == NULL && !self->edits_overlapped))
    {
      fanfare_playlist_access_clear (&access);
      if (self->edits_pending == 0)
        update (self);
      return;
    }
  if (self->edits_overlapped)
    {
      self->edits_overlapped = FALSE;
      fanfare_playlist_access_clear (&access);
      _fanfare_playlist_page_load (self);
      return;
    }
  _fanfare_playlist_page_set_playlist (self, playlist, &access);
}

/* An edit shows at once, and stays shown if it has to wait for the server. */
static void
begin_edit (FanfarePlaylistPage *self,
            const char          *title,
            const char          *description,
            int                  visibility)
{
  g_autoptr(JsonNode) node = fanfare_playlist_to_json (self->playlist);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(FanfarePlaylist) edited = NULL;

  if (self->edits_pending > 0)
    self->edits_overlapped = TRUE;
  self->edits_pending++;

  if (title != NULL)
    json_object_set_string_member (object, "title", title);
  if (description != NULL)
    json_object_set_string_member (object, "description", description);
  if (visibility >= 0)
    json_object_set_string_member (object, "visibility",
                                   g_variant_get_string (g_action_get_state (G_ACTION (self->visibility_action)), NULL));
  edited = fanfare_playlist_new_from_json (object, NULL);
  if (edited != NULL)
    g_set_object (&self->playlist, edited);
  update (self);
}

static void
visibility_activate_cb (FanfarePlaylistPage *self,
                        GVariant            *parameter)
{
  int visibility;

  if (self->client == NULL || self->playlist == NULL ||
      !fanfare_enum_from_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, g_variant_get_string (parameter, NULL), &visibility))
    return;
  g_simple_action_set_state (self->visibility_action, parameter);
  begin_edit (self, NULL, NULL, visibility);
  fanfare_client_update_playlist_async (self->client, self->playlist_id, NULL, NULL, visibility, NULL,
                                        self->cancellable, edited_cb, g_object_ref (self));
}

/**
 * fanfare_playlist_page_set_visibility:
 *
 * Lets those who have the link, everyone or only the owner see the
 * playlist, as its menu does.
 */
void
fanfare_playlist_page_set_visibility (FanfarePlaylistPage       *self,
                                      FanfarePlaylistVisibility  visibility)
{
  g_autofree char *text = fanfare_enum_to_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, visibility);

  g_return_if_fail (FANFARE_IS_PLAYLIST_PAGE (self));

  g_action_activate (G_ACTION (self->visibility_action), g_variant_new_string (text));
}

static void
rename_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    FanfarePlaylistPage *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *title_entry = GTK_EDITABLE (gtk_widget_get_first_child (box));
  GtkEditable *description_entry = GTK_EDITABLE (gtk_widget_get_last_child (box));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (title_entry)));
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (description_entry)));

  if (!g_str_equal (response, "save") || self->client == NULL || *title == '\0')
    return;
  fanfare_playlist_page_rename (self, title, description);
}

/**
 * fanfare_playlist_page_rename:
 * @description: the new description; empty clears it
 *
 * Renames and describes the playlist, as its dialog does.
 */
void
fanfare_playlist_page_rename (FanfarePlaylistPage *self,
                              const char          *title,
                              const char          *description)
{
  g_return_if_fail (FANFARE_IS_PLAYLIST_PAGE (self));
  g_return_if_fail (title != NULL);

  if (self->client == NULL || self->playlist == NULL)
    return;
  begin_edit (self, title, description, -1);
  fanfare_client_update_playlist_async (self->client, self->playlist_id, title, description, -1, NULL,
                                        self->cancellable, edited_cb, g_object_ref (self));
}

static GtkWidget *
labelled_entry (const char *label,
                const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return entry;
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *box;

  if (!GTK_IS_WINDOW (root) || self->playlist == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Rename Playlist"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled_entry (_("Title"), fanfare_playlist_get_title (self->playlist)));
  gtk_box_append (GTK_BOX (box), labelled_entry (_("Description"), fanfare_playlist_get_description (self->playlist)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Whether the server made a change; what went wrong is said if not. */
static gboolean
finish_change (FanfarePlaylistPage *self,
               GObject             *client,
               GAsyncResult        *result)
{
  g_autoptr(GError) error = NULL;

  if (fanfare_client_playlist_change_finish (FANFARE_CLIENT (client), result, &error))
    return TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);

  return FALSE;
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfarePlaylistPage) self = user_data;

  if (!finish_change (self, object, result))
    return;
  toast (self, _("Playlist deleted"));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    FanfarePlaylistPage *self)
{
  if (!g_str_equal (response, "delete") || self->client == NULL)
    return;
  fanfare_client_delete_playlist_async (self->client, self->playlist_id, self->cancellable, deleted_cb,
                                        g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root) || self->playlist == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Delete Playlist?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be gone for you and for those who follow it."),
                                  fanfare_playlist_get_title (self->playlist));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A removal or a move: refused, what the server has is shown again. */
static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfarePlaylistPage) self = user_data;

  if (!finish_change (self, object, result) && fanfare_client_get_online (FANFARE_CLIENT (object)))
    _fanfare_playlist_page_load (self);
}

/* The entry goes at once; the server is told. */
static void
remove_entry (FanfarePlaylistPage  *self,
              FanfarePlaylistEntry *entry)
{
  guint position;

  if (self->client == NULL || !g_list_store_find (self->entries, entry, &position))
    return;
  fanfare_client_remove_entry_async (self->client, self->playlist_id, fanfare_playlist_entry_get_id (entry),
                                     self->cancellable, changed_cb, g_object_ref (self));
  _fanfare_playlist_page_forget_entry (self, position);
}

/**
 * fanfare_playlist_page_move_entry:
 * @from: where the entry is
 * @to: where it goes
 *
 * Moves an entry, as dragging it does: at once on the page, and on the
 * server with the time it was moved.
 */
void
fanfare_playlist_page_move_entry (FanfarePlaylistPage *self,
                                  guint                from,
                                  guint                to)
{
  g_autoptr(FanfarePlaylistEntry) entry = NULL;
  g_autoptr(FanfarePlaylistEntry) before = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n;

  g_return_if_fail (FANFARE_IS_PLAYLIST_PAGE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  if (self->client == NULL || from >= n || to >= n || from == to)
    return;

  /* Only among entries read: the server places an entry after another. */
  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), from);
  before = to > 0 ? g_list_model_get_item (G_LIST_MODEL (self->entries), to > from ? to : to - 1) : NULL;
  if (_fanfare_playlist_page_is_placeholder (self, entry) || _fanfare_playlist_page_is_placeholder (self, before))
    return;
  _fanfare_playlist_page_entries_edited (self);
  g_list_store_remove (self->entries, from);
  g_list_store_insert (self->entries, to, entry);
  fanfare_client_move_entry_async (self->client, self->playlist_id, fanfare_playlist_entry_get_id (entry),
                                   before != NULL ? fanfare_playlist_entry_get_id (before) : NULL, now,
                                   self->cancellable, changed_cb, g_object_ref (self));
}

/**
 * fanfare_playlist_page_remove_entry:
 *
 * Removes the entry at @position, as its button does.
 */
void
fanfare_playlist_page_remove_entry (FanfarePlaylistPage *self,
                                    guint                position)
{
  g_autoptr(FanfarePlaylistEntry) entry = NULL;

  g_return_if_fail (FANFARE_IS_PLAYLIST_PAGE (self));

  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  if (entry != NULL && !_fanfare_playlist_page_is_placeholder (self, entry))
    remove_entry (self, entry);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (widget);

  if (self->playlist != NULL)
    fanfare_send_to_friend (widget, FANFARE_SOCIAL_TARGET_PLAYLIST, self->playlist_id,
                            fanfare_playlist_get_title (self->playlist));
}

static void
fanfare_playlist_page_dispose (GObject *object)
{
  FanfarePlaylistPage *self = FANFARE_PLAYLIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _fanfare_playlist_page_stop_loading (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PLAYLIST_PAGE);
  self->shown = NULL;
  g_clear_object (&self->entries);
  g_clear_pointer (&self->arrivals, g_queue_free);
  g_clear_object (&self->playlist);
  g_clear_object (&self->client);
  g_clear_object (&self->visibility_action);
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

  g_type_ensure (FANFARE_TYPE_COMMENT_SECTION);
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-playlist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, comments);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, follow_content);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FanfarePlaylistPage, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_playlist_page_entry_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "playlist-page.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.follow", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.collaborators", NULL, collaborators_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "playlist-page.send", NULL, send_action);
}

static void
fanfare_playlist_page_init (FanfarePlaylistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  _fanfare_playlist_page_init_entries (self);
  _fanfare_playlist_page_watch_first_frame (self);
  self->visibility_action = g_simple_action_new_stateful ("visibility", G_VARIANT_TYPE_STRING,
                                                          g_variant_new_string ("private"));
  g_signal_connect_object (self->visibility_action, "activate", G_CALLBACK (visibility_activate_cb), self,
                           G_CONNECT_SWAPPED);
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->visibility_action));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "playlist", G_ACTION_GROUP (group));
  }
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
  fanfare_comment_section_set_target (self->comments, client, FANFARE_SOCIAL_TARGET_PLAYLIST, playlist_id);
  _fanfare_playlist_page_load (self);

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
 * Returns: (transfer none): the #FanfarePlaylistEntry objects on show,
 *   one for each entry of the playlist, those not read yet being one
 *   placeholder without an id
 */
GListModel *
fanfare_playlist_page_get_entries (FanfarePlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}
