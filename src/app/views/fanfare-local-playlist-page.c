/* fanfare-local-playlist-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A playlist kept on this computer, which works signed out and offline:
 * its tracks in order, reordered by dragging and removed one by one; it is
 * played, renamed, exported as XSPF or M3U8, deleted, or uploaded to make
 * a playlist of the platform with the same tracks, the local ones kept by
 * their names and shown to others as unavailable. Its entries are read
 * again from the library's index after each change. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-local-playlist-page.h"
#include "fanfare-local-playlists.h"
#include "fanfare-navigate.h"
#include "fanfare-playlist-files.h"
#include "fanfare-track-resolver.h"
#include "fanfare-utils.h"
#include "fanfare-widget-util.h"
#include "fanfare-window.h"

struct _FanfareLocalPlaylistPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *scrolled;
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkListBox *entries_list;

  /* Owned references */
  FanfareLibrary       *library;
  GPtrArray            *entries; /* FanfareLocalEntry, in order */
  GCancellable         *cancellable;
  FanfareTrackResolver *resolver; /* the platform's tracks among them */

  /* State */
  gint64   playlist_id;
  char    *name;
  char    *description;
  gboolean play_waiting;        /* Play waits for the platform's tracks */
  guint    play_position;
};

G_DEFINE_FINAL_TYPE (FanfareLocalPlaylistPage, fanfare_local_playlist_page, GTK_TYPE_WIDGET)

static void
toast (FanfareLocalPlaylistPage *self,
       const char               *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (title));
}

static FanfareLibraryDb *
get_db (FanfareLocalPlaylistPage *self)
{
  return fanfare_library_get_db (self->library);
}

/* What went wrong with the index is logged; the user reads a plain toast. */
static void
report (FanfareLocalPlaylistPage *self,
        GError                   *error)
{
  g_debug ("Local playlist %" G_GINT64_FORMAT ": %s", self->playlist_id, error->message);
  toast (self, _("The playlist could not be changed"));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, row);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  GtkWidget *dragged = g_value_get_object (value);
  GtkWidget *page = gtk_widget_get_ancestor (row, FANFARE_TYPE_LOCAL_PLAYLIST_PAGE);

  if (page == NULL || dragged == NULL || gtk_widget_get_parent (dragged) != gtk_widget_get_parent (row))
    return FALSE;
  fanfare_local_playlist_page_move_entry (FANFARE_LOCAL_PLAYLIST_PAGE (page),
                                          gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (dragged)),
                                          gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));

  return TRUE;
}

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  GtkWidget *page = gtk_widget_get_ancestor (row, FANFARE_TYPE_LOCAL_PLAYLIST_PAGE);

  if (page != NULL)
    fanfare_local_playlist_page_remove_entry (FANFARE_LOCAL_PLAYLIST_PAGE (page),
                                              gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static const char *
entry_subtitle (FanfareLocalEntry *entry)
{
  if (!entry->available)
    return _("Not in the library any more");
  if (entry->platform_id != NULL)
    return entry->artist != NULL ? entry->artist : _("On Fanfare");

  return entry->artist != NULL ? entry->artist : "";
}

/* The track an entry plays here, or %NULL with @reason set when it cannot
 * be played here, or %NULL without a reason while it is being read. */
static FanfareTrack *
entry_track (FanfareLocalPlaylistPage *self,
             FanfareLocalEntry        *entry,
             const char              **reason)
{
  g_autofree char *id = NULL;
  g_autofree char *uri = NULL;

  *reason = NULL;
  if (entry->platform_id != NULL)
    {
      FanfareTrack *track = fanfare_track_resolver_lookup (self->resolver, entry->platform_id, reason);

      return track != NULL ? g_object_ref (track) : NULL;
    }
  if (!entry->available || entry->track_id <= 0)
    {
      *reason = entry_subtitle (entry);
      return NULL;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->track_id);
  uri = entry->path != NULL ? g_filename_to_uri (entry->path, NULL, NULL) : NULL;

  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", id,
                       "source", FANFARE_SOURCE_LOCAL,
                       "uri", uri,
                       "title", entry->title,
                       "artist", entry->artist,
                       "duration", entry->duration_ms * G_TIME_SPAN_MILLISECOND,
                       NULL);
}

/* What cannot be played here is dimmed and says why. */
static void
show_playable (FanfareLocalPlaylistPage *self,
               GtkWidget                *row,
               FanfareLocalEntry        *entry)
{
  const char *reason;
  g_autoptr(FanfareTrack) track = entry_track (self, entry, &reason);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), reason == NULL);
  if (reason == NULL)
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
  fanfare_widget_set_tooltip (row, entry->platform_id != NULL ? reason : NULL);
}

static void
show_all_playable (FanfareLocalPlaylistPage *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->entries_list, i);

      if (row != NULL)
        show_playable (self, GTK_WIDGET (row), g_ptr_array_index (self->entries, i));
    }
}

/* A row: a handle to drag it by, its title and artist, its length and a
 * button to remove it. */
static GtkWidget *
create_row (FanfareLocalPlaylistPage *self,
            FanfareLocalEntry        *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *duration = fanfare_format_duration (entry->duration_ms * G_TIME_SPAN_MILLISECOND);
  GtkWidget *length = gtk_label_new (entry->duration_ms > 0 ? duration : "");
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title != NULL ? entry->title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry_subtitle (entry));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-drag-handle-symbolic"));
  gtk_widget_add_css_class (length, "numeric");
  gtk_widget_add_css_class (length, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), length);
  gtk_widget_set_tooltip_text (remove, _("Remove From Playlist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove From Playlist"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);
  show_playable (self, row, entry);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
reload (FanfareLocalPlaylistPage *self)
{
  FanfareLibraryDb *db = get_db (self);
  g_autoptr(FanfareLocalPlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tracks = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  if (db == NULL)
    return;
  playlist = fanfare_local_playlists_get (db, self->playlist_id, &error);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (playlist != NULL)
    self->entries = fanfare_local_playlists_list_entries (db, self->playlist_id, 0, G_MAXINT, &error);
  if (self->entries == NULL)
    {
      g_debug ("Local playlist %" G_GINT64_FORMAT ": %s", self->playlist_id, error->message);
      self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_local_entry_free);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))) != NULL)
    gtk_list_box_remove (self->entries_list, child);
  for (guint i = 0; i < self->entries->len; i++)
    {
      FanfareLocalEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->platform_id != NULL)
        fanfare_track_resolver_request (self->resolver, entry->platform_id);
      gtk_list_box_append (self->entries_list, create_row (self, entry));
    }

  g_free (self->name);
  self->name = g_strdup (playlist != NULL ? playlist->name : "");
  g_free (self->description);
  self->description = g_strdup (playlist != NULL ? playlist->description : "");
  gtk_label_set_label (self->title_label, self->name);
  tracks = g_strdup_printf (ngettext ("%u track", "%u tracks", self->entries->len), self->entries->len);
  duration = fanfare_format_duration (playlist != NULL ? playlist->duration_ms * G_TIME_SPAN_MILLISECOND : 0);
  /* Translators: how many tracks, how long they last, and where the playlist is kept */
  subtitle = g_strdup_printf (_("%s · %s · On this computer"), tracks, duration);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "local-playlist.play", self->entries->len > 0);
}

/* The entries as tracks, for the platform's copy: those of the library by
 * their names, those of the platform by their ids. */
static GListStore *
entries_as_tracks (FanfareLocalPlaylistPage *self)
{
  GListStore *tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  for (guint i = 0; i < self->entries->len; i++)
    {
      FanfareLocalEntry *entry = g_ptr_array_index (self->entries, i);
      gboolean local = entry->platform_id == NULL;
      g_autofree char *id = local ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->track_id) : NULL;
      g_autofree char *uri = local && entry->path != NULL ? g_filename_to_uri (entry->path, NULL, NULL) : NULL;
      g_autoptr(FanfareTrack) track = NULL;

      track = g_object_new (FANFARE_TYPE_TRACK,
                            "id", local ? id : entry->platform_id,
                            "source", local ? FANFARE_SOURCE_LOCAL : FANFARE_SOURCE_PLATFORM,
                            "uri", uri,
                            "title", entry->title,
                            "artist", entry->artist,
                            "duration", entry->duration_ms * G_TIME_SPAN_MILLISECOND,
                            NULL);
      g_list_store_append (tracks, track);
    }

  return tracks;
}

/* Plays the entries in order from the one at @position (from the first
 * with G_MAXUINT): the library's files and the platform's tracks alike,
 * leaving out those that cannot be played here. The platform's tracks
 * still being read are waited for. */
static void
play_from (FanfareLocalPlaylistPage *self,
           guint                     position)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  g_autoptr(FanfareTrack) first = NULL;

  if (fanfare_track_resolver_get_busy (self->resolver))
    {
      self->play_waiting = TRUE;
      self->play_position = position;
      return;
    }
  self->play_waiting = FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const char *reason;
      g_autoptr(FanfareTrack) track = entry_track (self, g_ptr_array_index (self->entries, i), &reason);

      if (track == NULL)
        continue;
      if (i == position)
        first = g_object_ref (track);
      g_list_store_append (tracks, track);
    }

  if (FANFARE_IS_APPLICATION (app) && g_list_model_get_n_items (G_LIST_MODEL (tracks)) > 0)
    fanfare_application_play_list (FANFARE_APPLICATION (app), G_LIST_MODEL (tracks), first, FANFARE_PLAY_NOW);
}

/* The platform's tracks were read: the rows say so, and Play goes on. */
static void
resolved_cb (FanfareLocalPlaylistPage *self)
{
  show_all_playable (self);
  if (self->play_waiting && !fanfare_track_resolver_get_busy (self->resolver))
    play_from (self, self->play_position);
}

static void
fanfare_local_playlist_page_row_activated_cb (FanfareLocalPlaylistPage *self,
                                              GtkListBoxRow            *row)
{
  play_from (self, gtk_list_box_row_get_index (row));
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  play_from (FANFARE_LOCAL_PLAYLIST_PAGE (widget), G_MAXUINT);
}

static void
rename_response_cb (AdwMessageDialog         *dialog,
                    const char               *response,
                    FanfareLocalPlaylistPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "save") && *name != '\0')
    fanfare_local_playlist_page_rename (self, name);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareLocalPlaylistPage *self = FANFARE_LOCAL_PLAYLIST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Rename Playlist"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), self->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareLocalPlaylistPage *self = FANFARE_LOCAL_PLAYLIST_PAGE (widget);

  fanfare_choose_local_playlist_export (widget, get_db (self), self->playlist_id, self->name);
}

static void
delete_response_cb (AdwMessageDialog         *dialog,
                    const char               *response,
                    FanfareLocalPlaylistPage *self)
{
  if (g_str_equal (response, "delete"))
    fanfare_local_playlist_page_delete (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareLocalPlaylistPage *self = FANFARE_LOCAL_PLAYLIST_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Delete Playlist?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be gone from this computer. The music stays in the library."),
                                  self->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
upload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fanfare_local_playlist_page_upload (FANFARE_LOCAL_PLAYLIST_PAGE (widget));
}

static void
fanfare_local_playlist_page_dispose (GObject *object)
{
  FanfareLocalPlaylistPage *self = FANFARE_LOCAL_PLAYLIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_LOCAL_PLAYLIST_PAGE);
  g_clear_object (&self->library);
  g_clear_object (&self->resolver);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_local_playlist_page_parent_class)->dispose (object);
}

static void
fanfare_local_playlist_page_finalize (GObject *object)
{
  FanfareLocalPlaylistPage *self = FANFARE_LOCAL_PLAYLIST_PAGE (object);

  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (fanfare_local_playlist_page_parent_class)->finalize (object);
}

static void
fanfare_local_playlist_page_class_init (FanfareLocalPlaylistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_local_playlist_page_dispose;
  object_class->finalize = fanfare_local_playlist_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-local-playlist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareLocalPlaylistPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FanfareLocalPlaylistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareLocalPlaylistPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareLocalPlaylistPage, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_local_playlist_page_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "local-playlist.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "local-playlist.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "local-playlist.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "local-playlist.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "local-playlist.upload", NULL, upload_action);
}

static void
fanfare_local_playlist_page_init (FanfareLocalPlaylistPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_local_entry_free);
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  /* Shown again after a track was added to it from elsewhere. */
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
}

/**
 * fanfare_local_playlist_page_new:
 * @playlist_id: a playlist of fanfare_local_playlists_list()
 *
 * Returns: (transfer floating): the page of the playlist
 */
GtkWidget *
fanfare_local_playlist_page_new (FanfareLibrary *library,
                                 gint64          playlist_id)
{
  GApplication *app = g_application_get_default ();
  FanfareLocalPlaylistPage *self;

  g_return_val_if_fail (FANFARE_IS_LIBRARY (library), NULL);

  self = g_object_new (FANFARE_TYPE_LOCAL_PLAYLIST_PAGE, NULL);
  self->library = g_object_ref (library);
  self->playlist_id = playlist_id;
  self->resolver = fanfare_track_resolver_new (FANFARE_IS_APPLICATION (app)
                                               ? fanfare_application_get_accounts (FANFARE_APPLICATION (app))
                                               : NULL);
  g_signal_connect_object (self->resolver, "changed", G_CALLBACK (resolved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resolver, "notify::busy", G_CALLBACK (resolved_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}

gint64
fanfare_local_playlist_page_get_id (FanfareLocalPlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self), 0);

  return self->playlist_id;
}

/**
 * fanfare_local_playlist_page_get_n_entries:
 *
 * Returns: how many tracks the page lists
 */
guint
fanfare_local_playlist_page_get_n_entries (FanfareLocalPlaylistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self), 0);

  return self->entries->len;
}

/**
 * fanfare_local_playlist_page_reload:
 *
 * Reads the playlist again, after a change made elsewhere.
 */
void
fanfare_local_playlist_page_reload (FanfareLocalPlaylistPage *self)
{
  g_return_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self));

  reload (self);
}

void
fanfare_local_playlist_page_rename (FanfareLocalPlaylistPage *self,
                                    const char               *name)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self));
  g_return_if_fail (name != NULL);

  if (!fanfare_local_playlists_update (get_db (self), self->playlist_id, name, NULL, &error))
    report (self, error);
  reload (self);
}

/**
 * fanfare_local_playlist_page_move_entry:
 * @from: where the track is
 * @to: where it goes, as dropping it on the row there does
 *
 * Moves a track, as dragging it does.
 */
void
fanfare_local_playlist_page_move_entry (FanfareLocalPlaylistPage *self,
                                        guint                     from,
                                        guint                     to)
{
  FanfareLocalEntry *entry;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self));

  if (from >= self->entries->len || from == to)
    return;
  entry = g_ptr_array_index (self->entries, from);
  if (!fanfare_local_playlists_move_entry (get_db (self), entry->id, to, &error))
    report (self, error);
  reload (self);
}

void
fanfare_local_playlist_page_remove_entry (FanfareLocalPlaylistPage *self,
                                          guint                     position)
{
  FanfareLocalEntry *entry;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self));

  if (position >= self->entries->len)
    return;
  entry = g_ptr_array_index (self->entries, position);
  if (!fanfare_local_playlists_remove_entry (get_db (self), entry->id, &error))
    report (self, error);
  reload (self);
}

/**
 * fanfare_local_playlist_page_delete:
 *
 * Deletes the playlist, without asking, and goes back.
 */
void
fanfare_local_playlist_page_delete (FanfareLocalPlaylistPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self));

  if (!fanfare_local_playlists_delete (get_db (self), self->playlist_id, &error))
    {
      report (self, error);
      return;
    }
  toast (self, _("Playlist deleted"));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
}

/* An upload on its way: the platform's playlist is made, then filled. */
typedef struct {
  FanfareLocalPlaylistPage *self;
  GListStore               *tracks;
  char                     *client_id;
} Upload;

static void
upload_free (Upload *upload)
{
  g_clear_object (&upload->self);
  g_clear_object (&upload->tracks);
  g_free (upload->client_id);
  g_free (upload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Upload, upload_free)

static void
filled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Upload) upload = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;

  playlist = fanfare_client_playlist_finish (FANFARE_CLIENT (object), result, NULL, &error);
  if (playlist == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (upload->self, error->message);
      return;
    }
  toast (upload->self, _("Uploaded to Fanfare"));
  if (gtk_widget_get_root (GTK_WIDGET (upload->self)) != NULL)
    fanfare_navigate_playlist (GTK_WIDGET (upload->self), fanfare_playlist_get_id (playlist));
}

static void
made_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Upload) upload = user_data;
  FanfareClient *client = FANFARE_CLIENT (object);
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pending_id = NULL;
  const char *playlist_id;

  playlist = fanfare_client_playlist_finish (client, result, NULL, &error);
  /* Made once the server answers: the tracks wait behind it. */
  if (playlist == NULL && !fanfare_client_error_is_offline (error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (upload->self, error->message);
      return;
    }
  pending_id = fanfare_client_dup_pending_playlist_id (upload->client_id);
  playlist_id = playlist != NULL ? fanfare_playlist_get_id (playlist) : pending_id;
  if (g_list_model_get_n_items (G_LIST_MODEL (upload->tracks)) == 0)
    {
      toast (upload->self, playlist != NULL ? _("Uploaded to Fanfare") : error->message);
      return;
    }
  fanfare_client_add_entries_async (client, playlist_id, G_LIST_MODEL (upload->tracks), NULL, NULL,
                                    upload->self->cancellable, filled_cb, upload);
  upload = NULL;
}

/**
 * fanfare_local_playlist_page_upload:
 *
 * Makes a private playlist of the platform with the same title and
 * tracks, and opens it once it is filled. Tracks of this computer stay
 * here: the platform keeps their names only.
 */
void
fanfare_local_playlist_page_upload (FanfareLocalPlaylistPage *self)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app))
                                                       : NULL;
  Upload *upload;

  g_return_if_fail (FANFARE_IS_LOCAL_PLAYLIST_PAGE (self));

  if (client == NULL || !fanfare_client_get_signed_in (client))
    {
      toast (self, _("Sign in to upload playlists to Fanfare"));
      return;
    }
  upload = g_new0 (Upload, 1);
  upload->self = g_object_ref (self);
  upload->tracks = entries_as_tracks (self);
  upload->client_id = g_uuid_string_random ();
  fanfare_client_create_playlist_async (client, self->name, self->description, FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
                                        upload->client_id, self->cancellable, made_cb, upload);
}
