/* fanfare-studio-uploads.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The files on their way into the artist's albums, each a row with its
 * progress and state. Only the uploads of the album shown are listed, those
 * resumed when the app starts again included, so a file never seems to go
 * into another album. When one becomes a track, "track-ready" says of
 * which album. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-studio-uploads.h"

struct _FanfareStudioUploads
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListBox *list;

  /* Owned references */
  GPtrArray *uploads;

  /* State */
  char    *album_id;
  gboolean resumed;   /* the uploads cut short last time */
};

G_DEFINE_FINAL_TYPE (FanfareStudioUploads, fanfare_studio_uploads, GTK_TYPE_WIDGET)

enum {
  TRACK_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
state_label (FanfareStudioUpload *upload)
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
state_cb (FanfareStudioUpload *upload,
          GParamSpec          *pspec,
          AdwActionRow        *row)
{
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (row), FANFARE_TYPE_STUDIO_UPLOADS);

  adw_action_row_set_subtitle (row, state_label (upload));
  if (self != NULL && fanfare_studio_upload_get_state (upload) == FANFARE_STUDIO_UPLOAD_READY)
    g_signal_emit (self, signals[TRACK_READY], 0, fanfare_studio_upload_get_album_id (upload));
}

/* Shows the rows of the album's uploads, and the list if it has any. */
static void
filter (FanfareStudioUploads *self)
{
  gboolean any = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      FanfareStudioUpload *upload = g_object_get_data (G_OBJECT (row), "upload");
      gboolean shown = upload != NULL &&
                       g_strcmp0 (fanfare_studio_upload_get_album_id (upload), self->album_id) == 0;

      gtk_widget_set_visible (row, shown);
      any |= shown;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), any);
}

static void
fanfare_studio_uploads_dispose (GObject *object)
{
  FanfareStudioUploads *self = FANFARE_STUDIO_UPLOADS (object);

  /* What is cut short here goes on when the app starts again. */
  for (guint i = 0; i < self->uploads->len; i++)
    fanfare_studio_upload_cancel (g_ptr_array_index (self->uploads, i));
  g_ptr_array_set_size (self->uploads, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_STUDIO_UPLOADS);

  G_OBJECT_CLASS (fanfare_studio_uploads_parent_class)->dispose (object);
}

static void
fanfare_studio_uploads_finalize (GObject *object)
{
  FanfareStudioUploads *self = FANFARE_STUDIO_UPLOADS (object);

  g_clear_pointer (&self->uploads, g_ptr_array_unref);
  g_free (self->album_id);

  G_OBJECT_CLASS (fanfare_studio_uploads_parent_class)->finalize (object);
}

static void
fanfare_studio_uploads_class_init (FanfareStudioUploadsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_studio_uploads_dispose;
  object_class->finalize = fanfare_studio_uploads_finalize;

  /* An upload of the album of this id became a track. */
  signals[TRACK_READY] =
    g_signal_new ("track-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fanfare_music/Fanfare/ui/app/widgets/fanfare-studio-uploads.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareStudioUploads, list);
}

static void
fanfare_studio_uploads_init (FanfareStudioUploads *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->uploads = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * fanfare_studio_uploads_add:
 * @upload: an upload not started
 *
 * Lists @upload with its progress, under its album, and starts it.
 */
void
fanfare_studio_uploads_add (FanfareStudioUploads *self,
                            FanfareStudioUpload  *upload)
{
  GtkWidget *row;
  GtkWidget *bar;

  g_return_if_fail (FANFARE_IS_STUDIO_UPLOADS (self));
  g_return_if_fail (FANFARE_IS_STUDIO_UPLOAD (upload));

  row = adw_action_row_new ();
  bar = gtk_progress_bar_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_studio_upload_get_filename (upload));
  g_object_set_data_full (G_OBJECT (row), "upload", g_object_ref (upload), g_object_unref);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
  g_object_bind_property (upload, "progress", bar, "fraction", G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  g_signal_connect_object (upload, "notify::state", G_CALLBACK (state_cb), row, 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state_label (upload));
  gtk_list_box_append (self->list, row);
  filter (self);

  g_ptr_array_add (self->uploads, g_object_ref (upload));
  fanfare_studio_upload_start (upload);
}

/**
 * fanfare_studio_uploads_resume:
 *
 * Goes on, once, with the uploads to @client's server cut short when the
 * app last quit.
 */
void
fanfare_studio_uploads_resume (FanfareStudioUploads *self,
                               FanfareClient        *client)
{
  g_autoptr(GPtrArray) resumed = NULL;

  g_return_if_fail (FANFARE_IS_STUDIO_UPLOADS (self));
  g_return_if_fail (FANFARE_IS_CLIENT (client));

  if (self->resumed)
    return;

  self->resumed = TRUE;
  resumed = fanfare_studio_upload_resume_all (client);
  for (guint i = 0; i < resumed->len; i++)
    fanfare_studio_uploads_add (self, g_ptr_array_index (resumed, i));
}

/* Lists the uploads of the album of @album_id only. */
void
fanfare_studio_uploads_set_album_id (FanfareStudioUploads *self,
                                     const char           *album_id)
{
  g_return_if_fail (FANFARE_IS_STUDIO_UPLOADS (self));

  if (g_strcmp0 (self->album_id, album_id) == 0)
    return;

  g_free (self->album_id);
  self->album_id = g_strdup (album_id);
  filter (self);
}
