/* fanfare-studio-album-editor.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One album of the artist in the Studio page: its cover, title, genre,
 * release date, description, and either a price or free streaming; the
 * buttons that save it, add files, publish it now or at a time, and
 * unpublish it; the files on their way into it; its tracks. "changed"
 * says the server took a change, so the page can ask again for what
 * depends on it. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "fanfare-cover-image.h"
#include "fanfare-studio-album-editor.h"
#include "fanfare-studio-call.h"
#include "fanfare-studio-track-row.h"
#include "fanfare-studio-upload.h"
#include "fanfare-studio-uploads.h"

struct _FanfareStudioAlbumEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *album_group;
  FanfareCoverImage    *cover_image;
  AdwEntryRow          *title_row;
  AdwEntryRow          *genre_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *description_row;
  GtkSwitch            *free_switch;
  GtkSpinButton        *price_spin;
  GtkEntry             *currency_entry;
  GtkLabel             *status_label;
  AdwEntryRow          *schedule_row;
  FanfareStudioUploads *uploads;
  GtkListBox           *tracks_list;

  /* Owned references */
  FanfareAccountManager *accounts;
  GCancellable          *cancellable;

  /* State */
  char      *album_id;
  GPtrArray *track_ids;  /* the album's tracks, in order */
};

G_DEFINE_FINAL_TYPE (FanfareStudioAlbumEditor, fanfare_studio_album_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FanfareClient *
get_client (FanfareStudioAlbumEditor *self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

/* Calls the studio's API about the album; a failure is said under the
 * album's buttons. */
static void
call (FanfareStudioAlbumEditor *self,
      const char               *method,
      const char               *path,
      JsonNode                 *body,
      FanfareStudioAnswer       answer)
{
  fanfare_studio_call (get_client (self), method, path, body, self->cancellable, answer, self);
}

static char *
album_path (FanfareStudioAlbumEditor *self,
            const char               *suffix)
{
  return g_strconcat ("/api/v1/studio/albums/", self->album_id, suffix, NULL);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
album_state (JsonObject *album)
{
  if (json_object_get_boolean_member_with_default (album, "published", FALSE))
    return _("Published");
  if (json_object_get_string_member_with_default (album, "publish_at", NULL) != NULL)
    return _("Scheduled");

  return _("Not published");
}

static void
changed_answer (gpointer      data,
                JsonObject   *json,
                const GError *error)
{
  FanfareStudioAlbumEditor *self = data;

  if (json == NULL)
    gtk_label_set_text (self->status_label, error->message);
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
track_edited_cb (FanfareStudioAlbumEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Moves a track one place up: the album's order, sent whole. */
static void
move_up_cb (FanfareStudioTrackRow    *row,
            FanfareStudioAlbumEditor *self)
{
  const char *track_id = fanfare_studio_track_row_get_track_id (row);
  g_autofree char *path = album_path (self, "/order");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  guint index;

  if (!g_ptr_array_find_with_equal_func (self->track_ids, track_id, g_str_equal, &index) || index == 0)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "track_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->track_ids->len; i++)
    {
      guint from = i == index - 1 ? index : i == index ? index - 1 : i;

      json_builder_add_string_value (builder, g_ptr_array_index (self->track_ids, from));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call (self, "PUT", path, body, changed_answer);
}

static void
show_tracks (FanfareStudioAlbumEditor *self,
             JsonArray                *tracks)
{
  FanfareClient *client = get_client (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tracks_list))) != NULL)
    gtk_list_box_remove (self->tracks_list, child);
  g_ptr_array_set_size (self->track_ids, 0);

  for (guint i = 0; client != NULL && tracks != NULL && i < json_array_get_length (tracks); i++)
    {
      GtkWidget *row = fanfare_studio_track_row_new (client, json_array_get_object_element (tracks, i), i == 0);

      g_ptr_array_add (self->track_ids, g_strdup (fanfare_studio_track_row_get_track_id (FANFARE_STUDIO_TRACK_ROW (row))));
      g_signal_connect_object (row, "edited", G_CALLBACK (track_edited_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "move-up", G_CALLBACK (move_up_cb), self, 0);
      gtk_list_box_append (self->tracks_list, row);
    }
}

static void
album_answer (gpointer      data,
              JsonObject   *json,
              const GError *error)
{
  FanfareStudioAlbumEditor *self = data;
  JsonObject *album = fanfare_studio_member (json, "album");
  g_autofree char *status = NULL;
  int n_tracks;

  if (album == NULL)
    {
      if (error != NULL)
        gtk_label_set_text (self->status_label, error->message);
      return;
    }

  /* An answer about an album no longer shown. */
  if (g_strcmp0 (fanfare_studio_text_of (album, "id"), self->album_id) != 0)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->album_group), TRUE);
  adw_preferences_group_set_title (self->album_group, fanfare_studio_text_of (album, "title"));
  set_row_text (self->title_row, fanfare_studio_text_of (album, "title"));
  set_row_text (self->genre_row, fanfare_studio_text_of (album, "genre"));
  set_row_text (self->date_row, fanfare_studio_text_of (album, "release_date"));
  set_row_text (self->description_row, fanfare_studio_text_of (album, "description"));
  fanfare_cover_image_set_uri (self->cover_image, json_object_get_string_member_with_default (album, "cover_uri", NULL));
  if (json_object_has_member (album, "price_cents") && !json_object_get_null_member (album, "price_cents"))
    {
      gtk_switch_set_active (self->free_switch, FALSE);
      gtk_spin_button_set_value (self->price_spin, json_object_get_int_member (album, "price_cents") / 100.0);
      gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), fanfare_studio_text_of (album, "currency"));
    }
  else
    gtk_switch_set_active (self->free_switch, TRUE);

  n_tracks = json_object_get_int_member_with_default (album, "track_count", 0);
  /* Translators: an album's state, then how many tracks it has */
  status = g_strdup_printf (ngettext ("%s · %d track", "%s · %d tracks", n_tracks), album_state (album), n_tracks);
  gtk_label_set_text (self->status_label, status);

  show_tracks (self, json_object_get_array_member (json, "tracks"));
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          AdwEntryRow *row)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
save_clicked_cb (FanfareStudioAlbumEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  if (self->album_id == NULL)
    return;

  json_builder_begin_object (builder);
  add_text (builder, "title", self->title_row);
  add_text (builder, "genre", self->genre_row);
  add_text (builder, "description", self->description_row);
  if (gtk_editable_get_text (GTK_EDITABLE (self->date_row))[0] != '\0')
    add_text (builder, "release_date", self->date_row);
  json_builder_set_member_name (builder, "price_cents");
  if (gtk_switch_get_active (self->free_switch))
    json_builder_add_null_value (builder);
  else
    {
      json_builder_add_int_value (builder, (gint64) (gtk_spin_button_get_value (self->price_spin) * 100 + 0.5));
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->currency_entry)));
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = album_path (self, NULL);
  call (self, "PATCH", path, body, changed_answer);
}

static void
publish_call (FanfareStudioAlbumEditor *self,
              const char               *action,
              JsonNode                 *body)
{
  g_autofree char *path = NULL;

  if (self->album_id == NULL)
    return;

  path = album_path (self, action);
  call (self, "POST", path, body, changed_answer);
}

static void
publish_clicked_cb (FanfareStudioAlbumEditor *self)
{
  publish_call (self, "/publish", NULL);
}

static void
unpublish_clicked_cb (FanfareStudioAlbumEditor *self)
{
  publish_call (self, "/unpublish", NULL);
}

/* Publishes at the time written as YYYY-MM-DD HH:MM, in local time. */
static void
schedule_clicked_cb (FanfareStudioAlbumEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->schedule_row));
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *at = NULL;
  int year, month, day, hour, minute;

  if (sscanf (text, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) != 5 ||
      (local = g_date_time_new_local (year, month, day, hour, minute, 0)) == NULL)
    {
      gtk_label_set_text (self->status_label, _("Write the time as YYYY-MM-DD HH:MM"));
      return;
    }

  utc = g_date_time_to_utc (local);
  at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  publish_call (self, "/publish", body);
}

/* A file of the album became a track: the album shows it, if it is the
 * one shown. */
static void
track_ready_cb (FanfareStudioAlbumEditor *self,
                const char               *album_id)
{
  if (g_strcmp0 (album_id, self->album_id) == 0)
    fanfare_studio_album_editor_load (self);
}

static void
chooser_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     FanfareStudioAlbumEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      fanfare_studio_album_editor_add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }

  g_object_unref (chooser);
}

static void
add_files_clicked_cb (FanfareStudioAlbumEditor *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Tracks"), GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Audio"));
  gtk_file_filter_add_mime_type (filter, "audio/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fanfare_studio_album_editor_dispose (GObject *object)
{
  FanfareStudioAlbumEditor *self = FANFARE_STUDIO_ALBUM_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_STUDIO_ALBUM_EDITOR);

  G_OBJECT_CLASS (fanfare_studio_album_editor_parent_class)->dispose (object);
}

static void
fanfare_studio_album_editor_finalize (GObject *object)
{
  FanfareStudioAlbumEditor *self = FANFARE_STUDIO_ALBUM_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);
  g_free (self->album_id);

  G_OBJECT_CLASS (fanfare_studio_album_editor_parent_class)->finalize (object);
}

static void
fanfare_studio_album_editor_class_init (FanfareStudioAlbumEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_studio_album_editor_dispose;
  object_class->finalize = fanfare_studio_album_editor_finalize;

  /* The server took a change of the album or of one of its tracks. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
  g_type_ensure (FANFARE_TYPE_STUDIO_UPLOADS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fanfare_music/Fanfare/ui/app/views/fanfare-studio-album-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, album_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, cover_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, genre_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, free_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, price_spin);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, currency_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, uploads);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioAlbumEditor, tracks_list);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_files_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, unpublish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, track_ready_cb);
}

static void
fanfare_studio_album_editor_init (FanfareStudioAlbumEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->track_ids = g_ptr_array_new_with_free_func (g_free);
}

void
fanfare_studio_album_editor_set_accounts (FanfareStudioAlbumEditor *self,
                                          FanfareAccountManager    *accounts)
{
  g_return_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self));

  g_set_object (&self->accounts, accounts);
}

/**
 * fanfare_studio_album_editor_set_album_id:
 * @album_id: (nullable): the album to edit
 *
 * Shows the album of @album_id, with its uploads, once the server has
 * said what it holds.
 */
void
fanfare_studio_album_editor_set_album_id (FanfareStudioAlbumEditor *self,
                                          const char               *album_id)
{
  g_return_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self));

  if (g_strcmp0 (self->album_id, album_id) == 0 && gtk_widget_get_visible (GTK_WIDGET (self->album_group)))
    return;

  g_free (self->album_id);
  self->album_id = g_strdup (album_id);
  fanfare_studio_uploads_set_album_id (self->uploads, album_id);
  fanfare_studio_album_editor_load (self);
}

/**
 * fanfare_studio_album_editor_get_album_id:
 *
 * Returns: (nullable): the album being edited
 */
const char *
fanfare_studio_album_editor_get_album_id (FanfareStudioAlbumEditor *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self), NULL);

  return self->album_id;
}

/* Asks the server again for the album and its tracks. */
void
fanfare_studio_album_editor_load (FanfareStudioAlbumEditor *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self));

  if (self->album_id == NULL)
    return;

  path = album_path (self, NULL);
  call (self, "GET", path, NULL, album_answer);
}

/**
 * fanfare_studio_album_editor_add_files:
 * @files: (element-type GFile): audio files to add to the album
 *
 * Uploads the files as tracks of the album, each with its progress.
 */
void
fanfare_studio_album_editor_add_files (FanfareStudioAlbumEditor *self,
                                       GSList                   *files)
{
  FanfareClient *client;

  g_return_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self));

  client = get_client (self);
  if (client == NULL || self->album_id == NULL)
    return;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(FanfareStudioUpload) upload = fanfare_studio_upload_new (client, self->album_id, l->data);

      fanfare_studio_uploads_add (self->uploads, upload);
    }
}

/* Goes on, once, with the uploads cut short when the app last quit; each
 * is listed under its own album. */
void
fanfare_studio_album_editor_resume_uploads (FanfareStudioAlbumEditor *self)
{
  g_return_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self));

  if (get_client (self) != NULL)
    fanfare_studio_uploads_resume (self->uploads, get_client (self));
}

void
fanfare_studio_album_editor_set_cover_uri (FanfareStudioAlbumEditor *self,
                                           const char               *uri)
{
  g_return_if_fail (FANFARE_IS_STUDIO_ALBUM_EDITOR (self));

  fanfare_cover_image_set_uri (self->cover_image, uri);
}
