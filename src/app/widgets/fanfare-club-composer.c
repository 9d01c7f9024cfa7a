/* fanfare-club-composer.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A member's new post in a club: its text, a picture chosen from a file,
 * and a link to a track or an album, found by a search or taken from what
 * is playing. Posting sends the text and the link, then the picture; the
 * "posted" signal says the club has the post (or why not), so that its
 * page reads the posts again. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-client-clubs.h"
#include "fanfare-club-composer.h"

#define MAX_RESULTS 8

struct _FanfareClubComposer
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkEntry       *entry;
  GtkWidget      *attachments;
  GtkWidget      *image_chip;
  GtkLabel       *image_label;
  GtkWidget      *link_chip;
  GtkLabel       *link_label;
  GtkMenuButton  *link_button;
  GtkSearchEntry *search_entry;
  GtkListBox     *results_list;

  /* Owned references */
  GCancellable *cancellable;
  GCancellable *search_cancellable;
  GListStore   *results;
  GBytes       *image;
  GObject      *linked;  /* a FanfareTrack or FanfareAlbum */

  /* State */
  char    *club_id;
  char    *image_type;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (FanfareClubComposer, fanfare_club_composer, GTK_TYPE_WIDGET)

enum {
  POSTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FanfareClient *
get_client (void)
{
  GApplication *app = g_application_get_default ();

  return FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
}

/* What a link shows: "Title — Artist". */
static char *
describe (GObject *item)
{
  const char *title = FANFARE_IS_TRACK (item) ? fanfare_track_get_title (FANFARE_TRACK (item))
                                              : fanfare_album_get_title (FANFARE_ALBUM (item));
  const char *artist = FANFARE_IS_TRACK (item) ? fanfare_track_get_artist (FANFARE_TRACK (item))
                                               : fanfare_album_get_artist (FANFARE_ALBUM (item));

  if (artist == NULL || *artist == '\0')
    return g_strdup (title);

  /* Translators: a track or an album, and its artist */
  return g_strdup_printf (_("%s — %s"), title, artist);
}

static void
update_attachments (FanfareClubComposer *self)
{
  gtk_widget_set_visible (self->image_chip, self->image != NULL);
  gtk_widget_set_visible (self->link_chip, self->linked != NULL);
  gtk_widget_set_visible (self->attachments, self->image != NULL || self->linked != NULL);
  if (self->linked != NULL)
    {
      g_autofree char *text = describe (self->linked);

      gtk_label_set_label (self->link_label, text);
    }
}

/* @posted: whether the club has the post, even if not its picture: then
 * the form empties, so that sending again does not post twice. */
static void
finish (FanfareClubComposer *self,
        gboolean             posted,
        const GError        *error)
{
  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (posted)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      g_clear_pointer (&self->image, g_bytes_unref);
      g_clear_object (&self->linked);
      update_attachments (self);
    }
  g_signal_emit (self, signals[POSTED], 0, error);
}

static void
image_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FanfareClubComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClubPost) post = fanfare_client_add_club_post_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  finish (self, TRUE, error);
}

static void
posted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareClubComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClubPost) post = fanfare_client_add_club_post_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The picture goes to the post once it exists. */
  if (post != NULL && self->image != NULL)
    {
      fanfare_client_set_club_post_image_async (FANFARE_CLIENT (object), post->id, self->image_type, self->image,
                                                self->cancellable, image_sent_cb, g_object_ref (self));
      return;
    }
  finish (self, post != NULL, error);
}

/**
 * fanfare_club_composer_post:
 *
 * Posts the text, with its link and picture, in the club; "posted" tells
 * how it went.
 */
void
fanfare_club_composer_post (FanfareClubComposer *self)
{
  FanfareClient *client = get_client ();
  g_autofree char *text = NULL;

  g_return_if_fail (FANFARE_IS_CLUB_COMPOSER (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (client == NULL || self->club_id == NULL || self->busy || *text == '\0')
    return;

  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  fanfare_client_add_linked_club_post_async (client, self->club_id, text,
                                             FANFARE_IS_TRACK (self->linked)
                                             ? fanfare_track_get_id (FANFARE_TRACK (self->linked)) : NULL,
                                             FANFARE_IS_ALBUM (self->linked)
                                             ? fanfare_album_get_id (FANFARE_ALBUM (self->linked)) : NULL,
                                             self->cancellable, posted_cb, g_object_ref (self));
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareClubComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *type = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[POSTED], 0, error);
      return;
    }

  type = g_content_type_guess (name, (const guchar *) contents, length, NULL);
  if (!g_content_type_is_a (type, "image/png") && !g_content_type_is_a (type, "image/jpeg"))
    {
      g_autoptr(GError) wrong = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                             _("“%s” is not a PNG or JPEG picture"), name);

      g_signal_emit (self, signals[POSTED], 0, wrong);
      return;
    }

  g_clear_pointer (&self->image, g_bytes_unref);
  self->image = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_free (self->image_type);
  self->image_type = g_content_type_is_a (type, "image/png") ? g_strdup ("image/png") : g_strdup ("image/jpeg");
  gtk_label_set_label (self->image_label, name);
  update_attachments (self);
}

/**
 * fanfare_club_composer_set_image:
 * @file: a PNG or JPEG picture
 *
 * Attaches @file to the next post; what the file chooser returns comes
 * here.
 */
void
fanfare_club_composer_set_image (FanfareClubComposer *self,
                                 GFile               *file)
{
  g_return_if_fail (FANFARE_IS_CLUB_COMPOSER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, image_loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     FanfareClubComposer *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      fanfare_club_composer_set_image (self, file);
    }

  g_object_unref (chooser);
}

static void
attach_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add a Picture"), GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * fanfare_club_composer_link:
 * @item: (nullable): a #FanfareTrack or #FanfareAlbum of the platform, or
 *   %NULL for no link
 *
 * Links the next post to @item.
 */
void
fanfare_club_composer_link (FanfareClubComposer *self,
                            GObject             *item)
{
  g_return_if_fail (FANFARE_IS_CLUB_COMPOSER (self));
  g_return_if_fail (item == NULL || FANFARE_IS_TRACK (item) || FANFARE_IS_ALBUM (item));

  g_set_object (&self->linked, item);
  update_attachments (self);
}

static void
link_now_playing_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FanfareClubComposer *self = FANFARE_CLUB_COMPOSER (widget);
  GApplication *app = g_application_get_default ();
  FanfarePlayer *player = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_player (FANFARE_APPLICATION (app))
                                                       : NULL;
  FanfareTrack *track = player != NULL ? fanfare_player_get_current_track (player) : NULL;

  gtk_menu_button_popdown (self->link_button);
  /* Only the platform's music can be linked: a file of the user's is theirs. */
  if (track == NULL || fanfare_track_get_source (track) != FANFARE_SOURCE_PLATFORM)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                     _("Nothing from the platform is playing"));

      g_signal_emit (self, signals[POSTED], 0, error);
      return;
    }
  fanfare_club_composer_link (self, G_OBJECT (track));
}

static void
remove_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FanfareClubComposer *self = FANFARE_CLUB_COMPOSER (widget);

  g_clear_pointer (&self->image, g_bytes_unref);
  update_attachments (self);
}

static void
remove_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  fanfare_club_composer_link (FANFARE_CLUB_COMPOSER (widget), NULL);
}

static GtkWidget *
create_result_row (gpointer  item,
                   gpointer  user_data)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), FANFARE_IS_TRACK (item) ? _("Track") : _("Album"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (FANFARE_IS_TRACK (item) ? "audio-x-generic-symbolic"
                                                                                   : "media-optical-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareClubComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = fanfare_client_search_finish (FANFARE_CLIENT (object), result, &error);

  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not search for music to link: %s", error->message);
      return;
    }

  g_list_store_remove_all (self->results);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (found, i);

      if (FANFARE_IS_TRACK (item) || FANFARE_IS_ALBUM (item))
        g_list_store_append (self->results, item);
    }
}

static void
fanfare_club_composer_search_changed_cb (FanfareClubComposer *self)
{
  FanfareClient *client = get_client ();
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_list_store_remove_all (self->results);
  if (client == NULL || *query == '\0')
    return;

  self->search_cancellable = g_cancellable_new ();
  fanfare_client_search_async (client, query, MAX_RESULTS * 2, self->search_cancellable, search_cb,
                               g_object_ref (self));
}

static void
fanfare_club_composer_result_activated_cb (FanfareClubComposer *self,
                                           GtkListBoxRow       *row)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->results), gtk_list_box_row_get_index (row));

  gtk_menu_button_popdown (self->link_button);
  fanfare_club_composer_link (self, item);
}

static void
fanfare_club_composer_activate_cb (FanfareClubComposer *self)
{
  fanfare_club_composer_post (self);
}

static void
fanfare_club_composer_dispose (GObject *object)
{
  FanfareClubComposer *self = FANFARE_CLUB_COMPOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CLUB_COMPOSER);
  g_clear_object (&self->results);
  g_clear_object (&self->linked);
  g_clear_pointer (&self->image, g_bytes_unref);

  G_OBJECT_CLASS (fanfare_club_composer_parent_class)->dispose (object);
}

static void
fanfare_club_composer_finalize (GObject *object)
{
  FanfareClubComposer *self = FANFARE_CLUB_COMPOSER (object);

  g_free (self->club_id);
  g_free (self->image_type);

  G_OBJECT_CLASS (fanfare_club_composer_parent_class)->finalize (object);
}

static void
fanfare_club_composer_class_init (FanfareClubComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_club_composer_dispose;
  object_class->finalize = fanfare_club_composer_finalize;

  /**
   * FanfareClubComposer::posted:
   * @error: (nullable): why the post, or its picture, did not make it
   *
   * The post reached the club, or did not.
   */
  signals[POSTED] = g_signal_new ("posted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-club-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, attachments);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, image_chip);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, image_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, link_chip);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, link_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, link_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubComposer, results_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_club_composer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_club_composer_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_club_composer_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "composer.attach-image", NULL, attach_image_action);
  gtk_widget_class_install_action (widget_class, "composer.remove-image", NULL, remove_image_action);
  gtk_widget_class_install_action (widget_class, "composer.link-now-playing", NULL, link_now_playing_action);
  gtk_widget_class_install_action (widget_class, "composer.remove-link", NULL, remove_link_action);
}

static void
fanfare_club_composer_init (FanfareClubComposer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->results = g_list_store_new (G_TYPE_OBJECT);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results), create_result_row, NULL, NULL);
  update_attachments (self);
}

void
fanfare_club_composer_set_club (FanfareClubComposer *self,
                                const char          *club_id)
{
  g_return_if_fail (FANFARE_IS_CLUB_COMPOSER (self));

  g_free (self->club_id);
  self->club_id = g_strdup (club_id);
}

GtkEditable *
fanfare_club_composer_get_entry (FanfareClubComposer *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_COMPOSER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

gboolean
fanfare_club_composer_get_has_image (FanfareClubComposer *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_COMPOSER (self), FALSE);

  return self->image != NULL;
}

/* Whether a post is on its way. */
gboolean
fanfare_club_composer_get_busy (FanfareClubComposer *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_COMPOSER (self), FALSE);

  return self->busy;
}

/**
 * fanfare_club_composer_get_results:
 *
 * Returns: (transfer none): the tracks and albums the link's search found
 */
GListModel *
fanfare_club_composer_get_results (FanfareClubComposer *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_COMPOSER (self), NULL);

  return G_LIST_MODEL (self->results);
}
