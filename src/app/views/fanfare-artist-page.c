/* fanfare-artist-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An artist: the name and photo (the initials until a photo loads, or
 * without one), Play and Shuffle for everything of theirs, and their
 * albums by year. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-tile.h"
#include "fanfare-application.h"
#include "fanfare-artist-page.h"
#include "fanfare-clubs-page.h"
#include "fanfare-cover.h"
#include "fanfare-navigate.h"

struct _FanfareArtistPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget   *box;
  AdwAvatar   *avatar;
  GtkLabel    *name_label;
  GtkLabel    *details_label;
  GtkLabel    *bio_label;
  GtkFlowBox  *links_box;
  GtkGridView *album_grid;

  /* Owned references */
  FanfareArtist *artist;
  GListModel    *albums;
  GCancellable  *photo_cancellable;

  /* State */
  char *photo_uri;  /* the photo shown or loading */
};

G_DEFINE_FINAL_TYPE (FanfareArtistPage, fanfare_artist_page, GTK_TYPE_WIDGET)

static FanfareApplication *
get_application (FanfareArtistPage * self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? FANFARE_APPLICATION (app) : NULL;
}

/* What the artist says about themselves on the platform: a bio, and links
 * to their own sites, each shown by its host and path. */
static void
show_profile (FanfareArtistPage *self)
{
  const char *bio = fanfare_artist_get_bio (self->artist);
  const char * const *links = fanfare_artist_get_links (self->artist);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_flow_box_remove (self->links_box, child);
  gtk_label_set_label (self->bio_label, bio != NULL ? bio : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bio_label), bio != NULL && *bio != '\0');

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (links[i], G_URI_FLAGS_NONE, NULL);
      const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
      const char *path = uri != NULL ? g_uri_get_path (uri) : "";
      g_autofree char *label = host == NULL || *host == '\0' ? g_strdup (links[i])
                               : g_strconcat (host, g_str_equal (path, "/") ? "" : path, NULL);
      GtkWidget *button = gtk_link_button_new_with_label (links[i], label);

      gtk_widget_set_tooltip_text (button, links[i]);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_flow_box_append (self->links_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_box), links != NULL && links[0] != NULL);
}

static void
photo_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareArtistPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = fanfare_cover_load_finish (result, &error);

  if (texture != NULL)
    adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No photo of the artist: %s", error->message);
}

/* The artist's photo, loaded as covers are, in place of the initials. */
static void
show_photo (FanfareArtistPage *self)
{
  const char *uri = fanfare_artist_get_image_uri (self->artist);
  int size;

  if (g_strcmp0 (uri, self->photo_uri) == 0)
    return;

  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
  g_free (self->photo_uri);
  self->photo_uri = g_strdup (uri);
  adw_avatar_set_custom_image (self->avatar, NULL);
  if (uri == NULL)
    return;

  size = adw_avatar_get_size (self->avatar) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  self->photo_cancellable = g_cancellable_new ();
  fanfare_cover_load_async (uri, size, self->photo_cancellable, photo_cb, g_object_ref (self));
}

static void
update_details (FanfareArtistPage *self)
{
  guint n = g_list_model_get_n_items (self->albums);
  g_autofree char *details = g_strdup_printf (ngettext ("%u album", "%u albums", n), n);

  gtk_label_set_label (self->details_label, details);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "artist.play", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "artist.shuffle", n > 0);
}

static void
fanfare_artist_page_album_activated_cb (FanfareArtistPage *self,
                                        guint              position)
{
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (self->albums, position);

  if (album != NULL)
    fanfare_navigate_album (GTK_WIDGET (self), album);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareArtistPage *self = FANFARE_ARTIST_PAGE (widget);
  FanfareApplication *app = get_application (self);
  FanfareLibrary *library = app != NULL ? fanfare_application_get_library (app) : NULL;
  g_autoptr(FanfareLibraryModel) tracks = NULL;

  if (library == NULL || !fanfare_library_get_open (library) || fanfare_artist_get_id (self->artist) == NULL)
    return;

  tracks = fanfare_library_list_artist_tracks (library, fanfare_artist_get_id (self->artist));
  fanfare_application_play_list (app, G_LIST_MODEL (tracks), NULL,
                                 g_str_equal (action_name, "artist.shuffle") ? FANFARE_PLAY_SHUFFLED
                                                                             : FANFARE_PLAY_NOW);
}

/* A platform artist's fan clubs; a local artist has none. */
static void
clubs_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareArtistPage *self = FANFARE_ARTIST_PAGE (widget);

  fanfare_navigate_artist_clubs (widget, fanfare_artist_get_id (self->artist), fanfare_artist_get_name (self->artist));
}

static void
fanfare_artist_page_dispose (GObject *object)
{
  FanfareArtistPage *self = FANFARE_ARTIST_PAGE (object);

  g_cancellable_cancel (self->photo_cancellable);
  g_clear_object (&self->photo_cancellable);
  if (self->albums != NULL)
    g_signal_handlers_disconnect_by_data (self->albums, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_ARTIST_PAGE);
  g_clear_object (&self->albums);
  g_clear_object (&self->artist);

  G_OBJECT_CLASS (fanfare_artist_page_parent_class)->dispose (object);
}

static void
fanfare_artist_page_finalize (GObject *object)
{
  FanfareArtistPage *self = FANFARE_ARTIST_PAGE (object);

  g_free (self->photo_uri);

  G_OBJECT_CLASS (fanfare_artist_page_parent_class)->finalize (object);
}

static void
fanfare_artist_page_class_init (FanfareArtistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_artist_page_dispose;
  object_class->finalize = fanfare_artist_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-artist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, bio_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, links_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareArtistPage, album_grid);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_artist_page_album_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "artistpage");

  gtk_widget_class_install_action (widget_class, "artist.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "artist.shuffle", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "artist.clubs", NULL, clubs_action);
}

static void
fanfare_artist_page_init (FanfareArtistPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = fanfare_album_tile_factory_new (TRUE);
  gtk_grid_view_set_factory (self->album_grid, factory);
}

/**
 * fanfare_artist_page_new:
 * @artist: the artist
 * @albums: their albums, as #FanfareAlbum items, which may still be loading
 *
 * Returns: (transfer floating): the page of @artist
 */
GtkWidget *
fanfare_artist_page_new (FanfareArtist *artist,
                         GListModel    *albums)
{
  FanfareArtistPage *self;
  g_autoptr(GtkSelectionModel) selection = NULL;
  const char *name;

  g_return_val_if_fail (FANFARE_IS_ARTIST (artist), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (albums), NULL);

  self = g_object_new (FANFARE_TYPE_ARTIST_PAGE, NULL);
  self->artist = g_object_ref (artist);
  self->albums = g_object_ref (albums);

  name = fanfare_artist_get_name (artist);
  if (name == NULL)
    name = _("Unknown Artist");
  gtk_label_set_label (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "artist.clubs",
                                 fanfare_artist_get_source (artist) == FANFARE_SOURCE_PLATFORM &&
                                 fanfare_artist_get_id (artist) != NULL);
  show_profile (self);
  show_photo (self);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (albums)));
  gtk_grid_view_set_model (self->album_grid, selection);
  g_signal_connect_swapped (albums, "items-changed", G_CALLBACK (update_details), self);
  update_details (self);

  return GTK_WIDGET (self);
}

/**
 * fanfare_artist_page_get_artist:
 * @self: a #FanfareArtistPage
 *
 * Returns: (transfer none): the artist shown
 */
FanfareArtist *
fanfare_artist_page_get_artist (FanfareArtistPage *self)
{
  g_return_val_if_fail (FANFARE_IS_ARTIST_PAGE (self), NULL);

  return self->artist;
}

/**
 * fanfare_artist_page_set_artist:
 *
 * Shows @artist as the server describes them in full (bio, links), once
 * the page has opened with what was known.
 */
void
fanfare_artist_page_set_artist (FanfareArtistPage *self,
                                FanfareArtist     *artist)
{
  g_return_if_fail (FANFARE_IS_ARTIST_PAGE (self));
  g_return_if_fail (FANFARE_IS_ARTIST (artist));

  g_set_object (&self->artist, artist);
  show_profile (self);
  show_photo (self);
}
