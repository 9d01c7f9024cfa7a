/* fanfare-studio-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Studio page. A listener asks to become an artist here; an artist
 * makes albums, edits them (title, genre, release date, description, a
 * price or free streaming), adds tracks by dropping audio files on the
 * page or choosing them (each upload with its progress, resuming after a
 * dropped connection), renames, reorders and marks tracks (song,
 * audiobook, DJ mix), publishes now or at a time, unpublishes, and sees
 * plays per day as a chart. The artist's photo, bio and links, and each
 * album's cover, are edited here too. It asks the server again whenever it is
 * shown. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "fanfare-cover-image.h"
#include "fanfare-studio-chapters.h"
#include "fanfare-studio-chart.h"
#include "fanfare-studio-page.h"
#include "fanfare-studio-upload.h"
#include "fanfare-window.h"

#define ANALYTICS_DAYS 30

struct _FanfareStudioPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  FanfareCoverImage   *photo_image;
  AdwEntryRow         *bio_row;
  AdwEntryRow         *links_row;
  FanfareCoverImage   *cover_image;
  GtkEntry            *artist_name_entry;
  GtkLabel            *request_label;
  GtkEntry            *new_album_entry;
  GtkListBox          *albums_list;
  AdwPreferencesGroup *album_group;
  AdwEntryRow         *title_row;
  AdwEntryRow         *genre_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *description_row;
  GtkSwitch           *free_switch;
  GtkSpinButton       *price_spin;
  GtkEntry            *currency_entry;
  GtkLabel            *status_label;
  AdwEntryRow         *schedule_row;
  GtkListBox          *uploads_list;
  GtkListBox          *tracks_list;
  FanfareStudioChart  *chart;
  FanfareStudioChart  *listeners_chart;
  FanfareStudioChart  *followers_chart;
  FanfareStudioChart  *sales_chart;
  GtkLabel            *followers_label;
  GtkListBox          *top_tracks_list;
  GtkLabel            *analytics_label;

  /* Owned references */
  FanfareAccountManager *accounts;
  GCancellable          *cancellable;
  GPtrArray             *uploads;

  /* State */
  char      *album_id;
  GPtrArray *track_ids;  /* the album's tracks, in order */
  gboolean   resumed;    /* the uploads cut short last time */
};

G_DEFINE_FINAL_TYPE (FanfareStudioPage, fanfare_studio_page, GTK_TYPE_WIDGET)

typedef void (*AnswerFunc) (FanfareStudioPage *self,
                            JsonObject        *json);

typedef struct {
  FanfareStudioPage *self;
  AnswerFunc         answer;
} Call;

static void       load_album (FanfareStudioPage *self);
static void       resume_uploads (FanfareStudioPage *self);
static GtkWidget *track_row (FanfareStudioPage *self,
                             JsonObject        *track,
                             guint              index);

static FanfareClient *
get_client (FanfareStudioPage *self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree Call * call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) json = fanfare_client_studio_call_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (json == NULL)
    {
      gtk_label_set_text (call->self->status_label, error->message);
      call->answer (call->self, NULL);
      return;
    }

  call->answer (call->self, json);
}

/* Calls the studio's API; @answer gets the JSON, or NULL after a failure
 * whose message the page shows. */
static void
studio_call (FanfareStudioPage *self,
             const char        *method,
             const char        *path,
             JsonNode          *body,
             AnswerFunc         answer)
{
  FanfareClient *client = get_client (self);
  Call *call;

  if (client == NULL)
    return;

  call = g_new0 (Call, 1);
  call->self = self;
  call->answer = answer;
  fanfare_client_studio_call_async (client, method, path, body, self->cancellable, call_done_cb, call);
}

static JsonObject *
member (JsonObject *json,
        const char *name)
{
  JsonNode *node = json != NULL ? json_object_get_member (json, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
text_of (JsonObject *json,
         const char *name)
{
  return json != NULL ? json_object_get_string_member_with_default (json, name, "") : "";
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Becoming an artist */

static void
request_answer (FanfareStudioPage *self,
                JsonObject        *json)
{
  const char *status = text_of (member (json, "request"), "status");

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

/* Analytics */

/* The most played tracks, each with a bar as long as its share of the
 * first's plays. */
static void
show_top_tracks (FanfareStudioPage *self,
                 JsonArray         *top)
{
  GtkWidget *child;
  double most = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->top_tracks_list))) != NULL)
    gtk_list_box_remove (self->top_tracks_list, child);

  for (guint i = 0; top != NULL && i < json_array_get_length (top); i++)
    most = MAX (most, json_object_get_int_member (json_array_get_object_element (top, i), "plays"));

  for (guint i = 0; top != NULL && i < json_array_get_length (top); i++)
    {
      JsonObject *track = json_array_get_object_element (top, i);
      int plays = json_object_get_int_member (track, "plays");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (most, 1));
      g_autofree char *count = g_strdup_printf (ngettext ("%d play", "%d plays", plays), plays);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text_of (track, "title"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), plays);
      gtk_widget_set_size_request (bar, 200, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      gtk_list_box_append (self->top_tracks_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->top_tracks_list), top != NULL && json_array_get_length (top) > 0);
}

static void
analytics_answer (FanfareStudioPage *self,
                  JsonObject        *json)
{
  JsonObject *analytics = member (json, "analytics");
  JsonArray *days;
  g_autofree double *values = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *followers_text = NULL;
  int followers;
  guint n;

  if (analytics == NULL)
    return;

  days = json_object_get_array_member (analytics, "days");
  n = json_array_get_length (days);
  values = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    values[i] = json_object_get_int_member (json_array_get_object_element (days, i), "plays");
  fanfare_studio_chart_set_values (self->chart, values, n);
  for (guint i = 0; i < n; i++)
    values[i] = json_object_get_int_member (json_array_get_object_element (days, i), "listeners");
  fanfare_studio_chart_set_values (self->listeners_chart, values, n);
  for (guint i = 0; i < n; i++)
    values[i] = json_object_get_int_member (json_array_get_object_element (days, i), "followers");
  fanfare_studio_chart_set_values (self->followers_chart, values, n);
  for (guint i = 0; i < n; i++)
    values[i] = json_object_get_int_member (json_array_get_object_element (days, i), "sales");
  fanfare_studio_chart_set_values (self->sales_chart, values, n);
  show_top_tracks (self, json_object_get_array_member (analytics, "top_tracks"));
  followers = json_object_get_int_member (analytics, "followers");
  followers_text = g_strdup_printf (ngettext ("%d follower", "%d followers", followers), followers);
  gtk_label_set_text (self->followers_label, followers_text);

  /* Translators: the artist's figures over the last 30 days */
  summary = g_strdup_printf (_("%d plays, %d listeners, %d followers, %d fan-club members, %d albums sold"),
                             (int) json_object_get_int_member (analytics, "plays"),
                             (int) json_object_get_int_member (analytics, "listeners"),
                             (int) json_object_get_int_member (analytics, "followers"),
                             (int) json_object_get_int_member (analytics, "fan_club_members"),
                             (int) json_object_get_int_member (analytics, "sales"));
  gtk_label_set_text (self->analytics_label, summary);
}

/* The artist's profile: photo, bio and links */

static void
toast (FanfareStudioPage *self,
       const char        *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (text));
}

static void
profile_answer (FanfareStudioPage *self,
                JsonObject        *json)
{
  JsonObject *artist = member (json, "artist");
  JsonArray *links = json != NULL && json_object_has_member (json, "links") ?
                     json_object_get_array_member (json, "links") : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (artist == NULL)
    return;

  set_row_text (self->bio_row, text_of (artist, "bio"));
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
      profile_answer (job->self, json);
      toast (job->self, _("Photo saved"));
    }
  else
    {
      fanfare_cover_image_set_uri (job->self->cover_image, text_of (member (json, "album"), "cover_uri"));
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

  if (client == NULL || (job->kind == FANFARE_STUDIO_IMAGE_COVER && self->album_id == NULL))
    return;

  path = job->kind == FANFARE_STUDIO_IMAGE_PHOTO ? g_strdup ("/api/v1/me/artist/photo")
                                                 : g_strconcat ("/api/v1/studio/albums/", self->album_id, "/cover", NULL);
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
choose_cover_cb (FanfareStudioPage *self)
{
  choose_image (self, FANFARE_STUDIO_IMAGE_COVER, _("Choose a Cover"));
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
albums_answer (FanfareStudioPage *self,
               JsonObject        *json)
{
  JsonArray *items = json != NULL ? json_object_get_array_member (json, "items") : NULL;
  GtkWidget *child;

  if (items == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->albums_list))) != NULL)
    gtk_list_box_remove (self->albums_list, child);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *album = json_array_get_object_element (items, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text_of (album, "title"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), album_state (album));
      g_object_set_data_full (G_OBJECT (row), "album-id", g_strdup (text_of (album, "id")), g_free);
      gtk_list_box_append (self->albums_list, row);
      if (g_strcmp0 (self->album_id, text_of (album, "id")) == 0)
        gtk_list_box_select_row (self->albums_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
me_answer (FanfareStudioPage *self,
           JsonObject        *json)
{
  g_autofree char *analytics_path = g_strdup_printf ("/api/v1/studio/analytics?days=%d", ANALYTICS_DAYS);
  const char *role = text_of (member (json, "user"), "role");

  if (json == NULL)
    return;

  if (!g_str_equal (role, "artist"))
    {
      gtk_stack_set_visible_child_name (self->stack, "listener");
      studio_call (self, "GET", "/api/v1/me/artist-request", NULL, request_answer);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "artist");
  resume_uploads (self);
  studio_call (self, "GET", "/api/v1/me/artist", NULL, profile_answer);
  studio_call (self, "GET", "/api/v1/studio/albums", NULL, albums_answer);
  studio_call (self, "GET", analytics_path, NULL, analytics_answer);
}

static void
created_answer (FanfareStudioPage *self,
                JsonObject        *json)
{
  JsonObject *album = member (json, "album");

  if (album == NULL)
    return;

  g_free (self->album_id);
  self->album_id = g_strdup (text_of (album, "id"));
  gtk_editable_set_text (GTK_EDITABLE (self->new_album_entry), "");
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

  if (album_id == NULL || g_strcmp0 (album_id, self->album_id) == 0)
    {
      if (album_id != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->album_group)))
        load_album (self);
      return;
    }

  g_free (self->album_id);
  self->album_id = g_strdup (album_id);
  load_album (self);
}

static void
album_answer (FanfareStudioPage *self,
              JsonObject        *json)
{
  JsonObject *album = member (json, "album");
  JsonArray *tracks;
  GtkWidget *child;
  g_autofree char *status = NULL;
  int n_tracks;

  if (album == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->album_group), TRUE);
  adw_preferences_group_set_title (self->album_group, text_of (album, "title"));
  set_row_text (self->title_row, text_of (album, "title"));
  set_row_text (self->genre_row, text_of (album, "genre"));
  set_row_text (self->date_row, text_of (album, "release_date"));
  set_row_text (self->description_row, text_of (album, "description"));
  fanfare_cover_image_set_uri (self->cover_image, json_object_get_string_member_with_default (album, "cover_uri", NULL));
  if (json_object_has_member (album, "price_cents") && !json_object_get_null_member (album, "price_cents"))
    {
      gtk_switch_set_active (self->free_switch, FALSE);
      gtk_spin_button_set_value (self->price_spin, json_object_get_int_member (album, "price_cents") / 100.0);
      gtk_editable_set_text (GTK_EDITABLE (self->currency_entry), text_of (album, "currency"));
    }
  else
    gtk_switch_set_active (self->free_switch, TRUE);

  n_tracks = json_object_get_int_member_with_default (album, "track_count", 0);
  /* Translators: an album's state, then how many tracks it has */
  status = g_strdup_printf (ngettext ("%s · %d track", "%s · %d tracks", n_tracks), album_state (album), n_tracks);
  gtk_label_set_text (self->status_label, status);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tracks_list))) != NULL)
    gtk_list_box_remove (self->tracks_list, child);
  g_ptr_array_set_size (self->track_ids, 0);
  tracks = json_object_get_array_member (json, "tracks");
  for (guint i = 0; tracks != NULL && i < json_array_get_length (tracks); i++)
    gtk_list_box_append (self->tracks_list, track_row (self, json_array_get_object_element (tracks, i), i));
}

static void
load_album (FanfareStudioPage *self)
{
  g_autofree char *path = NULL;

  if (self->album_id == NULL)
    return;

  path = g_strconcat ("/api/v1/studio/albums/", self->album_id, NULL);
  studio_call (self, "GET", path, NULL, album_answer);
}

static void
changed_answer (FanfareStudioPage *self,
                JsonObject        *json)
{
  if (json != NULL)
    fanfare_studio_page_reload (self);
}

static const char * const kinds[] = { "song", "audiobook", "dj_mix" };

/* Sets one member of a track: @value, a string, or @number when it is NULL. */
static void
edit_track (FanfareStudioPage *self,
            const char        *track_id,
            const char        *name,
            const char        *value,
            gint64             number)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/tracks/", track_id, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_int_value (builder, number);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  studio_call (self, "PATCH", path, body, changed_answer);
}

static void
track_title_applied_cb (AdwEntryRow       *row,
                        FanfareStudioPage *self)
{
  edit_track (self, g_object_get_data (G_OBJECT (row), "track-id"), "title",
              gtk_editable_get_text (GTK_EDITABLE (row)), 0);
}

static void
track_kind_cb (GtkDropDown       *dropdown,
               GParamSpec        *pspec,
               FanfareStudioPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < G_N_ELEMENTS (kinds))
    edit_track (self, g_object_get_data (G_OBJECT (dropdown), "track-id"), "kind", kinds[selected], 0);
}

static void
track_disc_cb (GtkSpinButton     *spin,
               FanfareStudioPage *self)
{
  edit_track (self, g_object_get_data (G_OBJECT (spin), "track-id"), "disc_number", NULL,
              gtk_spin_button_get_value_as_int (spin));
}

static void
waveform_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FanfareStudioChart) chart = user_data;
  g_autoptr(JsonObject) json = fanfare_client_studio_call_finish (FANFARE_CLIENT (object), result, NULL);
  JsonArray *peaks = json != NULL ? json_object_get_array_member (json, "peaks") : NULL;
  g_autofree double *values = NULL;
  guint n;

  if (peaks == NULL)
    return;

  n = json_array_get_length (peaks);
  values = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    values[i] = json_array_get_int_element (peaks, i);
  fanfare_studio_chart_set_values (chart, values, n);
}

/* Opens the editor of an audiobook's chapters or a DJ mix's tracklist. */
static void
chapters_clicked_cb (GtkButton         *button,
                     FanfareStudioPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (get_client (self) == NULL)
    return;

  editor = fanfare_studio_chapters_new (get_client (self), g_object_get_data (G_OBJECT (button), "track-id"),
                                        g_object_get_data (G_OBJECT (button), "title"),
                                        g_object_get_data (G_OBJECT (button), "dj-mix") != NULL);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

/* A track's shape, drawn from the peaks the server computed as it
 * ingested it. */
static GtkWidget *
track_waveform (FanfareStudioPage *self,
                const char        *track_id)
{
  g_autofree char *path = g_strconcat ("/api/v1/studio/tracks/", track_id, "/waveform", NULL);
  GtkWidget *chart = fanfare_studio_chart_new ();

  fanfare_studio_chart_set_mirrored (FANFARE_STUDIO_CHART (chart), TRUE);
  gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (chart, "waveform");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Waveform"), -1);
  if (get_client (self) != NULL)
    fanfare_client_studio_call_async (get_client (self), "GET", path, NULL, self->cancellable, waveform_done_cb,
                                      g_object_ref (chart));

  return chart;
}

/* Moves a track one place up: the album's order, sent whole. */
static void
move_up_cb (GtkButton         *button,
            FanfareStudioPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autofree char *path = g_strconcat ("/api/v1/studio/albums/", self->album_id, "/order", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  if (index == 0 || index >= self->track_ids->len)
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

  studio_call (self, "PUT", path, body, changed_answer);
}

/* A track: its title, editable; its waveform; its disc; its kind; for
 * an audiobook or a DJ mix, its chapters or tracklist; a button to move it
 * up. */
static GtkWidget *
track_row (FanfareStudioPage *self,
           JsonObject        *track,
           guint              index)
{
  const char * const kind_names[] = { _("Song"), _("Audiobook"), _("DJ Mix"), NULL };
  const char *track_id = text_of (track, "id");
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (kind_names);
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *disc = gtk_spin_button_new_with_range (1, 99, 1);
  g_autofree char *number = g_strdup_printf ("%d", (int) json_object_get_int_member (track, "track_number"));

  g_ptr_array_add (self->track_ids, g_strdup (track_id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number);
  gtk_editable_set_text (GTK_EDITABLE (row), text_of (track, "title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "track-id", g_strdup (track_id), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (track_title_applied_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), track_waveform (self, track_id));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (disc), MAX (json_object_get_int_member_with_default (track, "disc_number", 1), 1));
  gtk_editable_set_width_chars (GTK_EDITABLE (disc), 2);
  gtk_widget_set_valign (disc, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (disc, _("Disc number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (disc), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Disc number"), -1);
  gtk_widget_add_css_class (disc, "disc");
  g_object_set_data_full (G_OBJECT (disc), "track-id", g_strdup (track_id), g_free);
  g_signal_connect (disc, "value-changed", G_CALLBACK (track_disc_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), disc);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text_of (track, "kind"), kinds[i]))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Kind of track"));
  g_object_set_data_full (G_OBJECT (dropdown), "track-id", g_strdup (track_id), g_free);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (track_kind_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), dropdown);

  if (!g_str_equal (text_of (track, "kind"), "song"))
    {
      gboolean dj_mix = g_str_equal (text_of (track, "kind"), "dj_mix");
      GtkWidget *chapters = gtk_button_new_with_label (dj_mix ? _("Tracklist…") : _("Chapters…"));

      gtk_widget_set_valign (chapters, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (chapters), "track-id", g_strdup (track_id), g_free);
      g_object_set_data_full (G_OBJECT (chapters), "title", g_strdup (text_of (track, "title")), g_free);
      g_object_set_data (G_OBJECT (chapters), "dj-mix", dj_mix ? GINT_TO_POINTER (1) : NULL);
      g_signal_connect (chapters, "clicked", G_CALLBACK (chapters_clicked_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), chapters);
    }

  gtk_widget_set_valign (up, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (up, _("Move Up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move Up"), -1);
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_add_css_class (up, "flat");
  g_object_set_data (G_OBJECT (up), "index", GUINT_TO_POINTER (index));
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);

  return row;
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
save_clicked_cb (FanfareStudioPage *self)
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

  path = g_strconcat ("/api/v1/studio/albums/", self->album_id, NULL);
  studio_call (self, "PATCH", path, body, changed_answer);
}

static void
publish_call (FanfareStudioPage *self,
              const char        *action)
{
  g_autofree char *path = NULL;

  if (self->album_id == NULL)
    return;

  path = g_strconcat ("/api/v1/studio/albums/", self->album_id, "/", action, NULL);
  studio_call (self, "POST", path, NULL, changed_answer);
}

static void
publish_clicked_cb (FanfareStudioPage *self)
{
  publish_call (self, "publish");
}

static void
unpublish_clicked_cb (FanfareStudioPage *self)
{
  publish_call (self, "unpublish");
}

/* Publishes at the time written as YYYY-MM-DD HH:MM, in local time. */
static void
schedule_clicked_cb (FanfareStudioPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->schedule_row));
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *at = NULL;
  g_autofree char *path = NULL;
  int year, month, day, hour, minute;

  if (self->album_id == NULL)
    return;

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

  path = g_strconcat ("/api/v1/studio/albums/", self->album_id, "/publish", NULL);
  studio_call (self, "POST", path, body, changed_answer);
}

/* Uploads */

static const char *
upload_state_label (FanfareStudioUpload *upload)
{
  switch (fanfare_studio_upload_get_state (upload))
    {
    case FANFARE_STUDIO_UPLOAD_PREPARING:
      return _("Preparing");
    case FANFARE_STUDIO_UPLOAD_SENDING:
      return _("Uploading");
    case FANFARE_STUDIO_UPLOAD_WAITING:
      return _("Connection lost; will resume");
    case FANFARE_STUDIO_UPLOAD_INGESTING:
      return _("Processing");
    case FANFARE_STUDIO_UPLOAD_READY:
      return _("Ready");
    case FANFARE_STUDIO_UPLOAD_FAILED:
    default:
      return fanfare_studio_upload_get_message (upload) != NULL ? fanfare_studio_upload_get_message (upload)
                                                               : _("Failed");
    }
}

static void
upload_state_cb (FanfareStudioUpload *upload,
                 GParamSpec          *pspec,
                 AdwActionRow        *row)
{
  FanfareStudioPage *self = FANFARE_STUDIO_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                          FANFARE_TYPE_STUDIO_PAGE));

  adw_action_row_set_subtitle (row, upload_state_label (upload));
  if (self != NULL && fanfare_studio_upload_get_state (upload) == FANFARE_STUDIO_UPLOAD_READY)
    load_album (self);
}

/* Shows @upload with its progress, and starts it. */
static void
start_upload (FanfareStudioPage   *self,
              FanfareStudioUpload *upload)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_progress_bar_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_studio_upload_get_filename (upload));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 120, -1);
  g_object_bind_property (upload, "progress", bar, "fraction", G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  g_signal_connect_object (upload, "notify::state", G_CALLBACK (upload_state_cb), row, 0);
  upload_state_cb (upload, NULL, ADW_ACTION_ROW (row));
  gtk_list_box_append (self->uploads_list, row);

  g_ptr_array_add (self->uploads, g_object_ref (upload));
  fanfare_studio_upload_start (upload);
}

/* The uploads cut short when the app last quit go on, once. */
static void
resume_uploads (FanfareStudioPage *self)
{
  g_autoptr(GPtrArray) resumed = NULL;

  if (self->resumed || get_client (self) == NULL)
    return;

  self->resumed = TRUE;
  resumed = fanfare_studio_upload_resume_all (get_client (self));
  for (guint i = 0; i < resumed->len; i++)
    start_upload (self, g_ptr_array_index (resumed, i));
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
  FanfareClient *client = get_client (self);

  g_return_if_fail (FANFARE_IS_STUDIO_PAGE (self));

  if (client == NULL || self->album_id == NULL)
    return;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(FanfareStudioUpload) upload = fanfare_studio_upload_new (client, self->album_id, l->data);

      start_upload (self, upload);
    }
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         FanfareStudioPage *self)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->album_id == NULL)
    return FALSE;

  fanfare_studio_page_add_files (self, g_value_get_boxed (value));

  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog   *chooser,
                     int                response,
                     FanfareStudioPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      fanfare_studio_page_add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }

  g_object_unref (chooser);
}

static void
add_files_clicked_cb (FanfareStudioPage *self)
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
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
  for (guint i = 0; i < self->uploads->len; i++)
    fanfare_studio_upload_cancel (g_ptr_array_index (self->uploads, i));
  g_ptr_array_set_size (self->uploads, 0);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_STUDIO_PAGE);

  G_OBJECT_CLASS (fanfare_studio_page_parent_class)->dispose (object);
}

static void
fanfare_studio_page_finalize (GObject *object)
{
  FanfareStudioPage *self = FANFARE_STUDIO_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->uploads, g_ptr_array_unref);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);
  g_free (self->album_id);

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

  g_type_ensure (FANFARE_TYPE_STUDIO_CHART);
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fanfare_music/Fanfare/ui/app/views/fanfare-studio-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, photo_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, bio_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, links_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, cover_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, artist_name_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, request_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, new_album_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, albums_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, album_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, genre_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, free_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, price_spin);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, currency_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, uploads_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, tracks_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, listeners_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, followers_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, sales_chart);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, followers_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, top_tracks_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioPage, analytics_label);
  gtk_widget_class_bind_template_callback (widget_class, ask_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_photo_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_cover_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_album_cb);
  gtk_widget_class_bind_template_callback (widget_class, album_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_files_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, unpublish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_clicked_cb);
}

static void
fanfare_studio_page_init (FanfareStudioPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->uploads = g_ptr_array_new_with_free_func (g_object_unref);
  self->track_ids = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
fanfare_studio_page_set_accounts (FanfareStudioPage     *self,
                                  FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_STUDIO_PAGE (self));

  g_set_object (&self->accounts, accounts);
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
  load_album (self);
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

  return self->album_id;
}
