/* fanfare-album-extras.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* On an album's page, for its owners: the artist's letter and photos, and
 * "Save Photo Card…", which draws the first photo with the owner's name,
 * the album and their nameplate's number into a PNG where they choose.
 * For anyone else the server refuses the extras and this stays hidden. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-extras.h"
#include "fanfare-client-store.h"
#include "fanfare-cover-image.h"
#include "fanfare-photo-card.h"
#include "fanfare-window.h"

struct _FanfareAlbumExtras
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *box;
  GtkWidget *card_button;
  GtkLabel  *letter_label;
  GtkBox    *photos_box;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;
  char          *album_id;
  char          *title;

  /* State */
  guint  n_photos;
  gint64 serial;  /* of the user's nameplate, 0 until known */
};

G_DEFINE_FINAL_TYPE (FanfareAlbumExtras, fanfare_album_extras, GTK_TYPE_WIDGET)

static FanfareCoverImage *
first_photo (FanfareAlbumExtras * self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->photos_box));

  return child != NULL ? FANFARE_COVER_IMAGE (child) : NULL;
}

static void
nameplates_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FanfareAlbumExtras) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nameplates = fanfare_client_list_nameplates_finish (FANFARE_CLIENT (object), result, &error);

  if (nameplates == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the user's nameplates: %s", error->message);
      return;
    }

  for (guint i = 0; i < nameplates->len; i++)
    {
      FanfareNameplate *nameplate = g_ptr_array_index (nameplates, i);

      if (g_strcmp0 (nameplate->album_id, self->album_id) == 0)
        self->serial = nameplate->serial;
    }
}

static void
extras_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareAlbumExtras) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientExtras) extras = NULL;
  FanfareUser *user = fanfare_client_get_user (FANFARE_CLIENT (object));

  extras = fanfare_client_get_album_extras_finish (FANFARE_CLIENT (object), result, &error);
  if (extras == NULL)
    {
      /* Not an owner, or nothing to show: the page goes without. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No extras for this album: %s", error->message);
      return;
    }

  gtk_label_set_label (self->letter_label, extras->letter);
  gtk_widget_set_visible (GTK_WIDGET (self->letter_label), extras->letter != NULL && *extras->letter != '\0');
  for (guint i = 0; extras->photos[i] != NULL; i++)
    {
      GtkWidget *photo = fanfare_cover_image_new ();

      fanfare_cover_image_set_size (FANFARE_COVER_IMAGE (photo), 160);
      fanfare_cover_image_set_uri (FANFARE_COVER_IMAGE (photo), extras->photos[i]);
      gtk_box_append (self->photos_box, photo);
    }
  self->n_photos = g_strv_length (extras->photos);
  gtk_widget_set_visible (self->card_button, self->n_photos > 0);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_photos > 0 || gtk_widget_get_visible (GTK_WIDGET (self->letter_label)));

  if (user != NULL)
    fanfare_client_list_nameplates_async (FANFARE_CLIENT (object), fanfare_user_get_username (user),
                                          self->cancellable, nameplates_cb, g_object_ref (self));
}

/**
 * fanfare_album_extras_load:
 *
 * Reads the album's extras; they show only if the user owns the album.
 */
void
fanfare_album_extras_load (FanfareAlbumExtras *self,
                           FanfareClient      *client,
                           const char         *album_id,
                           const char         *title)
{
  g_return_if_fail (FANFARE_IS_ALBUM_EXTRAS (self));
  g_return_if_fail (FANFARE_IS_CLIENT (client));

  g_set_object (&self->client, client);
  g_free (self->album_id);
  self->album_id = g_strdup (album_id);
  g_free (self->title);
  self->title = g_strdup (title);
  fanfare_client_get_album_extras_async (client, album_id, self->cancellable, extras_cb, g_object_ref (self));
}

/**
 * fanfare_album_extras_save_card_to:
 *
 * Draws the photo card and writes it to @file as a PNG.
 */
gboolean
fanfare_album_extras_save_card_to (FanfareAlbumExtras *self,
                                   GFile              *file,
                                   GError            **error)
{
  FanfareCoverImage *photo = first_photo (self);
  FanfareUser *user = self->client != NULL ? fanfare_client_get_user (self->client) : NULL;
  g_autoptr(GBytes) png = NULL;
  const char *name;

  g_return_val_if_fail (FANFARE_IS_ALBUM_EXTRAS (self), FALSE);

  if (!fanfare_album_extras_get_card_ready (self) || user == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("The photo is still loading"));
      return FALSE;
    }

  name = fanfare_user_get_display_name (user);
  png = fanfare_photo_card_render (fanfare_cover_image_get_texture (photo),
                                   name != NULL && *name != '\0' ? name : fanfare_user_get_username (user),
                                   self->title, self->serial, error);

  return png != NULL && g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL,
                                                 FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

static void
save_card (FanfareAlbumExtras *self,
           GFile              *file)
{
  g_autoptr(GError) error = NULL;

  if (fanfare_album_extras_save_card_to (self, file, &error))
    fanfare_window_toast_from (GTK_WIDGET (self), _("Photo card saved"));
  else
    fanfare_window_toast_from (GTK_WIDGET (self), error->message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
card_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FanfareAlbumExtras) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    save_card (self, file);
}

#else
static void
card_response_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  FanfareAlbumExtras *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      save_card (self, file);
    }

  g_object_unref (self);
  g_object_unref (chooser);
}
#endif

static void
save_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FanfareAlbumExtras *self = FANFARE_ALBUM_EXTRAS (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  /* Translators: the file name a photo card is saved under, with an album's title */
  g_autofree char *name = g_strdup_printf (_("%s photo card.png"), self->title);

  g_strdelimit (name, "/\\", '_');
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Save Photo Card"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, parent, NULL, card_chosen_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Save Photo Card"), parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                           _("_Cancel"));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (card_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
fanfare_album_extras_dispose (GObject *object)
{
  FanfareAlbumExtras *self = FANFARE_ALBUM_EXTRAS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_ALBUM_EXTRAS);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_album_extras_parent_class)->dispose (object);
}

static void
fanfare_album_extras_finalize (GObject *object)
{
  FanfareAlbumExtras *self = FANFARE_ALBUM_EXTRAS (object);

  g_free (self->album_id);
  g_free (self->title);

  G_OBJECT_CLASS (fanfare_album_extras_parent_class)->finalize (object);
}

static void
fanfare_album_extras_class_init (FanfareAlbumExtrasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_album_extras_dispose;
  object_class->finalize = fanfare_album_extras_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-album-extras.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumExtras, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumExtras, card_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumExtras, letter_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumExtras, photos_box);
  gtk_widget_class_install_action (widget_class, "extras.save-card", NULL, save_card_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_album_extras_init (FanfareAlbumExtras *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

guint
fanfare_album_extras_get_n_photos (FanfareAlbumExtras *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_EXTRAS (self), 0);

  return self->n_photos;
}

/* Whether the first photo and the nameplate's number are there. */
gboolean
fanfare_album_extras_get_card_ready (FanfareAlbumExtras *self)
{
  FanfareCoverImage *photo;

  g_return_val_if_fail (FANFARE_IS_ALBUM_EXTRAS (self), FALSE);

  photo = first_photo (self);

  return photo != NULL && fanfare_cover_image_get_texture (photo) != NULL && self->serial > 0;
}
