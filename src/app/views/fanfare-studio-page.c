/* fanfare-studio-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Studio page. A listener asks to become an artist here; an artist
 * edits their profile (photo, bio, links), makes albums and picks the one
 * to edit (FanfareStudioAlbumEditor: its fields, files, tracks and
 * publishing), and sees their analytics (FanfareStudioAnalytics). Audio
 * files dropped on the page go into the album shown; the uploads cut
 * short when the app last quit go on, each under its own album. It asks
 * the server again whenever it is shown, and when the account it shows
 * signs in or out while it is on screen: the window may open on it before
 * the account kept in the keyring has signed in. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-cover-image.h"
#include "fanfare-studio-album-editor.h"
#include "fanfare-studio-analytics.h"
#include "fanfare-studio-call.h"
#include "fanfare-studio-page.h"

#define ANALYTICS_DAYS 30

struct _FanfareStudioPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack                 *stack;
  FanfareCoverImage        *photo_image;
  AdwEntryRow              *bio_row;
  AdwEntryRow              *links_row;
  GtkEntry                 *artist_name_entry;
  GtkLabel                 *request_label;
  GtkEntry                 *new_album_entry;
  GtkListBox               *albums_list;
  FanfareStudioAlbumEditor *album_editor;
  FanfareStudioAnalytics   *analytics;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareStudioPage, fanfare_studio_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (FanfareStudioPage * self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static void
toast (FanfareStudioPage *self,
       const char        *text)
{
  fanfare_studio_toast (GTK_WIDGET (self), text);
}

/* Calls the studio's API; a failure is said in a toast. */
static void
studio_call (FanfareStudioPage   *self,
             const char          *method,
             const char          *path,
             JsonNode            *body,
             FanfareStudioAnswer  answer)
{
  fanfare_studio_call (get_client (self), method, path, body, self->cancellable, answer, self);
}

static gboolean
failed (FanfareStudioPage *self,
        JsonObject        *json,
        const GError      *error)
{
  if (json == NULL && error != NULL)
    toast (self, error->message);

  return json == NULL;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Becoming an artist */

static void
request_answer (gpointer      data,
                JsonObject   *json,
                const GError *error)
{
  FanfareStudioPage *self = data;
  const char *status = fanfare_studio_text_of (fanfare_studio_member (json, "request"), "status");

  if (failed (self, json, error))
    return;

  if (g_str_equal (status, "approved"))
    fanfare_studio_page_reload (self);
  else if (g_str_equal (status, "pending"))
    gtk_label_set_text (self->request_label, _("Your request waits for an administrator's approval."));
  else if (g_str_equal (status, "rejected"))
    gtk_label_set_text (self->request_label, _("Your request was declined; you may ask again."));
  else
    gtk_label_set_text (self->request_label, "");
}

static void
ask_clicked_cb (FanfareStudioPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->artist_name_entry)));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  studio_call (self, "POST", "/api/v1/me/artist-request", body, request_answer);
}

static void
analytics_answer (gpointer      data,
                  JsonObject   *json,
                  const GError *error)
{
  FanfareStudioPage *self = data;
  JsonObject *analytics = fanfare_studio_member (json, "analytics");

  if (!failed (self, json, error) && analytics != NULL)
    fanfare_studio_analytics_show (self->analytics, analytics);
}

/* The artist's profile: photo, bio and links */

static void
profile_answer (gpointer      data,
                JsonObject   *json,
                const GError *error)
{
  FanfareStudioPage *self = data;
  JsonObject *artist = fanfare_studio_member (json, "artist");
  JsonArray *links = json != NULL && json_object_has_member (json, "links") ?
                     json_object_get_array_member (json, "links") : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (failed (self, json, error) || artist == NULL)
    return;

  set_row_text (self->bio_row, fanfare_studio_text_of (artist, "bio"));
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", json_array_get_string_element (links, i));
  set_row_text (self->links_row, text->str);
  fanfare_cover_image_set_uri (self->photo_image, json_object_get_string_member_with_default (artist, "image_uri",
                                                                                              NULL));
}

static void
save_profile_cb (FanfareStudioPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_auto(GStrv) links = g_regex_split_simple ("\\s+", gtk_editable_get_text (GTK_EDITABLE (self->links_row)), 0, 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bio");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->bio_row)));
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; links[i] != NULL; i++)
    if (links[i][0] != '\0')
      json_builder_add_string_value (builder, links[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  studio_call (self, "PATCH", "/api/v1/me/artist", body, profile_answer);
}

typedef struct {
  FanfareStudioPage *self;
  FanfareStudioImage kind;
  char              *name;
} ImageJob;

static void
image_job_free (ImageJob *job)
{
  g_object_unref (job->self);
  g_free (job->name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageJob, image_job_free)

static void
image_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ImageJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = fanfare_client_studio_call_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (json == NULL)
    {
      toast (job->self, error->message);
      return;
    }

  if (job->kind == FANFARE_STUDIO_IMAGE_PHOTO)
    {
      profile_answer (job->self, json, NULL);
      toast (job->self, _("Photo saved"));
    }
  else
    {
      fanfare_studio_album_editor_set_cover_uri (job->self->album_editor,
                                                 fanfare_studio_text_of (fanfare_studio_member (json, "album"),
                                                                         "cover_uri"));
      toast (job->self, _("Cover saved"));
    }
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ImageJob) job = user_data;
  FanfareStudioPage *self = job->self;
  FanfareClient *client = get_client (self);
  const char *album_id = fanfare_studio_album_editor_get_album_id (self->album_editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &data, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  content_type = g_content_type_guess (job->name, (const guchar *) data, length, NULL);
  mime = g_content_type_get_mime_type (content_type);
  if (mime == NULL || !g_str_has_prefix (mime, "image/"))
    {
      /* Translators: the name of a file chosen as a cover or photo */
      g_autofree char *message = g_strdup_printf (_("“%s” is not an image; choose a PNG or JPEG picture"), job->name);

      toast (self, message);
      return;
    }

  if (client == NULL || (job->kind == FANFARE_STUDIO_IMAGE_COVER && album_id == NULL))
    return;

  path = job->kind == FANFARE_STUDIO_IMAGE_PHOTO ? g_strdup ("/api/v1/me/artist/photo")
                                                 : g_strconcat ("/api/v1/studio/albums/", album_id, "/cover", NULL);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  fanfare_client_studio_send_bytes_async (client, "PUT", path, mime, bytes, NULL, self->cancellable, image_sent_cb,
                                          g_steal_pointer (&job));
}

/**
 * fanfare_studio_page_set_image:
 * @kind: the artist's photo, or the cover of the album shown
 * @file: a picture, PNG or JPEG
 *
 * Sends the picture to the server, or says in a toast why it cannot: what
 * the file choosers return comes here.
 */
void
fanfare_studio_page_set_image (FanfareStudioPage  *self,
                               FanfareStudioImage  kind,
                               GFile              *file)
{
  ImageJob *job;

  g_return_if_fail (FANFARE_IS_STUDIO_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImageJob, 1);
  job->self = g_object_ref (self);
  job->kind = kind;
  job->name = g_file_get_basename (file);
  g_file_load_contents_async (file, self->cancellable, image_loaded_cb, job);
}

static void
image_chooser_response_cb (GtkNativeDialog   *chooser,
                           int                response,
                           FanfareStudioPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      fanfare_studio_page_set_image (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind")), file);
    }

  g_object_unref (chooser);
}

static void
choose_image (FanfareStudioPage  *self,
              FanfareStudioImage  kind,
              const char         *title)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (image_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_photo_cb (FanfareStudioPage *self)
{
  choose_image (self, FANFARE_STUDIO_IMAGE_PHOTO, _("Choose a Photo"));
}

static void
choose_cover_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_image (FANFARE_STUDIO_PAGE (widget), FANFARE_STUDIO_IMAGE_COVER, _("Choose a Cover"));
}

/* Albums */

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
albums_answer (gpointer      data,
               JsonObject   *json,
               const GError *error)
{
  FanfareStudioPage *self = data;
  const char *album_id = fanfare_studio_album_editor_get_album_id (self->album_editor);
  JsonArray *items;
  GtkWidget *child;

  if (failed (self, json, error) || (items = json_object_get_array_member (json, "items")) == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->albums_list))) != NULL)
    gtk_list_box_remove (self->albums_list, child);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *album = json_array_get_object_element (items, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_studio_text_of (album, "title"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), album_state (album));
      g_object_set_data_full (G_OBJECT (row), "album-id", g_strdup (fanfare_studio_text_of (album, "id")), g_free);
      gtk_list_box_append (self->albums_list, row);
      if (g_strcmp0 (album_id, fanfare_studio_text_of (album, "id")) == 0)
        gtk_list_box_select_row (self->albums_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
me_answer (gpointer      data,
           JsonObject   *json,
           const GError *error)
{
  FanfareStudioPage *self = data;
  g_autofree char *analytics_path = g_strdup_printf ("/api/v1/studio/analytics?days=%d", ANALYTICS_DAYS);
  const char *role = fanfare_studio_text_of (fanfare_studio_member (json, "user"), "role");

  if (failed (self, json, error))
    return;

  if (!g_str_equal (role, "artist"))
    {
      gtk_stack_set_visible_child_name (self->stack, "listener");
      studio_call (self, "GET", "/api/v1/me/artist-request", NULL, request_answer);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "artist");
  fanfare_studio_album_editor_resume_uploads (self->album_editor);
  studio_call (self, "GET", "/api/v1/me/artist", NULL, profile_answer);
  studio_call (self, "GET", "/api/v1/studio/albums", NULL, albums_answer);
  studio_call (self, "GET", analytics_path, NULL, analytics_answer);
}

static void
created_answer (gpointer      data,
                JsonObject   *json,
                const GError *error)
{
  FanfareStudioPage *self = data;
  JsonObject *album = fanfare_studio_member (json, "album");

  if (failed (self, json, error) || album == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->new_album_entry), "");
  fanfare_studio_album_editor_set_album_id (self->album_editor, fanfare_studio_text_of (album, "id"));
  fanfare_studio_page_reload (self);
}

static void
new_album_cb (FanfareStudioPage *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->new_album_entry));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (title[0] == '\0')
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  studio_call (self, "POST", "/api/v1/studio/albums", body, created_answer);
}

static void
album_selected_cb (FanfareStudioPage *self,
                   GtkListBoxRow     *row)
{
  const char *album_id = row != NULL ? g_object_get_data (G_OBJECT (row), "album-id") : NULL;

  if (album_id != NULL)
    fanfare_studio_album_editor_set_album_id (self->album_editor, album_id);
}

/* The album changed: its place in the list and the figures may have too. */
static void
album_changed_cb (FanfareStudioPage *self)
{
  fanfare_studio_page_reload (self);
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         FanfareStudioPage *self)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ||
      fanfare_studio_album_editor_get_album_id (self->album_editor) == NULL)
    return FALSE;

  fanfare_studio_page_add_files (self, g_value_get_boxed (value));

  return TRUE;
}

/* Signed in or out on screen: the page follows at once. */
static void
signed_in_changed_cb (FanfareStudioPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fanfare_studio_page_reload (self);
}

static void
client_changed_cb (FanfareStudioPage *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  signed_in_changed_cb (self);
}

static void
fanfare_studio_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fanfare_studio_page_parent_class)->map (widget);

  fanfare_studio_page_reload (FANFARE_STUDIO_PAGE (widget));
}

static void
fanfare_studio_page_dispose (GObject *object)
{
  FanfareStudioPage *self = FANFARE_STUDIO_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_STUDIO_PAGE);

  G_OBJECT_CLASS (fanfare_studio_page_parent_class)->dispose (object);
}

static void
fanfare_studio_page_finalize (GObject *object)
{
  FanfareStudioPage *self = FANFARE_STUDIO_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (fanfare_studio_page_parent_class)->finalize (object);
}

static void
fanfare_studio_page_class_init (FanfareStudioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_studio_page_dispose;
  object_class->finalize = fanfare_studio_page_finalize;
  widget_class->map = fanfare_studio_page_map;

  gtk_widget_class_install_action (widget_class, "studio.choose-cover", NULL, choose_cover_action);

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
  g_type_ensure (FANFARE_TYPE_STUDIO_ALBUM_EDITOR);
  g_type_ensure (FANFARE_TYPE_STUDIO_ANALYTICS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fanfare_music/Fanfare/ui/app/views/fanfare-studio-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, photo_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, bio_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, links_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, artist_name_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, request_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, new_album_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, albums_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, album_editor);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, analytics);
  gtk_widget_class_bind_template_callback (widget_class, ask_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_photo_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_album_cb);
  gtk_widget_class_bind_template_callback (widget_class, album_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, album_changed_cb);
}

static void
fanfare_studio_page_init (FanfareStudioPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (signed_in_changed_cb), self);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
fanfare_studio_page_set_accounts (FanfareStudioPage     *self,
                                  FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_STUDIO_PAGE (self));

  if (self->accounts == accounts)
    return;

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_set_object (&self->accounts, accounts);
  fanfare_studio_album_editor_set_accounts (self->album_editor, accounts);
  if (accounts != NULL)
    g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/* Asks the server again what the page shows. */
void
fanfare_studio_page_reload (FanfareStudioPage *self)
{
  FanfareClient *client;

  g_return_if_fail (FANFARE_IS_STUDIO_PAGE (self));

  client = get_client (self);
  if (client == NULL || !fanfare_client_get_signed_in (client))
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  studio_call (self, "GET", "/api/v1/me", NULL, me_answer);
  fanfare_studio_album_editor_load (self->album_editor);
}

/**
 * fanfare_studio_page_add_files:
 * @files: (element-type GFile): audio files to add to the album shown
 *
 * Uploads the files as tracks of the album shown, each with its progress;
 * what drops on the page and what the file chooser returns come here.
 */
void
fanfare_studio_page_add_files (FanfareStudioPage *self,
                               GSList            *files)
{
  g_return_if_fail (FANFARE_IS_STUDIO_PAGE (self));

  fanfare_studio_album_editor_add_files (self->album_editor, files);
}

/**
 * fanfare_studio_page_get_album_id:
 *
 * Returns: (nullable): the album being edited
 */
const char *
fanfare_studio_page_get_album_id (FanfareStudioPage *self)
{
  g_return_val_if_fail (FANFARE_IS_STUDIO_PAGE (self), NULL);

  return fanfare_studio_album_editor_get_album_id (self->album_editor);
}
