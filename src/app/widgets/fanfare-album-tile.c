/* fanfare-album-tile.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An album in a grid: its cover, its title and, below, its artist or, on
 * an artist's page, its year. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-tile.h"
#include "fanfare-cover-image.h"
#include "fanfare-library.h"

#define TILE_COVER_SIZE 192

struct _FanfareAlbumTile
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *box;
  FanfareCoverImage *cover;
  GtkLabel          *title_label;
  GtkLabel          *artist_label;
  GtkWidget         *source_label;

  /* Owned references */
  FanfareAlbum *album;

  /* State */
  gboolean show_year;
  gboolean show_source;   /* in lists that mix local and platform albums */
};

G_DEFINE_FINAL_TYPE (FanfareAlbumTile, fanfare_album_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ALBUM,
  PROP_SHOW_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (FanfareAlbumTile *self)
{
  g_autofree char *cover_uri = NULL;
  g_autofree char *year = NULL;
  const char *title = NULL, *artist = NULL;

  if (self->album != NULL)
    {
      title = fanfare_album_get_title (self->album);
      artist = fanfare_album_get_artist (self->album);
      cover_uri = fanfare_library_cover_uri_at_size (fanfare_album_get_cover_uri (self->album),
                                                     TILE_COVER_SIZE);
      if (fanfare_album_get_year (self->album) > 0)
        year = g_strdup_printf ("%u", fanfare_album_get_year (self->album));
    }

  gtk_label_set_label (self->title_label, title != NULL ? title : _("Unknown Album"));
  if (self->show_year)
    gtk_label_set_label (self->artist_label, year != NULL ? year : "");
  else
    gtk_label_set_label (self->artist_label, artist != NULL ? artist : _("Unknown Artist"));
  fanfare_cover_image_set_uri (self->cover, cover_uri);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);
  gtk_widget_set_visible (self->source_label, self->show_source && self->album != NULL &&
                          fanfare_album_get_source (self->album) == FANFARE_SOURCE_PLATFORM);
}

static void
fanfare_album_tile_dispose (GObject *object)
{
  FanfareAlbumTile *self = FANFARE_ALBUM_TILE (object);

  g_clear_object (&self->album);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_ALBUM_TILE);

  G_OBJECT_CLASS (fanfare_album_tile_parent_class)->dispose (object);
}

static void
fanfare_album_tile_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FanfareAlbumTile *self = FANFARE_ALBUM_TILE (object);

  switch (prop_id)
    {
    case PROP_ALBUM:
      g_value_set_object (value, self->album);
      break;

    case PROP_SHOW_YEAR:
      g_value_set_boolean (value, self->show_year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_album_tile_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FanfareAlbumTile *self = FANFARE_ALBUM_TILE (object);

  switch (prop_id)
    {
    case PROP_ALBUM:
      fanfare_album_tile_set_album (self, g_value_get_object (value));
      break;

    case PROP_SHOW_YEAR:
      if (self->show_year != g_value_get_boolean (value))
        {
          self->show_year = g_value_get_boolean (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_album_tile_class_init (FanfareAlbumTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_album_tile_dispose;
  object_class->get_property = fanfare_album_tile_get_property;
  object_class->set_property = fanfare_album_tile_set_property;

  /**
   * FanfareAlbumTile:album:
   *
   * The album shown.
   */
  properties[PROP_ALBUM] =
    g_param_spec_object ("album", NULL, NULL,
                         FANFARE_TYPE_ALBUM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareAlbumTile:show-year:
   *
   * Whether the year takes the artist's place, where the artist goes
   * without saying.
   */
  properties[PROP_SHOW_YEAR] =
    g_param_spec_boolean ("show-year", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-album-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumTile, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumTile, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumTile, source_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumTile, artist_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "albumtile");
}

static void
fanfare_album_tile_init (FanfareAlbumTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * fanfare_album_tile_new:
 *
 * Returns: (transfer floating): a new, empty tile
 */
GtkWidget *
fanfare_album_tile_new (void)
{
  return g_object_new (FANFARE_TYPE_ALBUM_TILE, NULL);
}

/**
 * fanfare_album_tile_get_album:
 * @self: a #FanfareAlbumTile
 *
 * Returns: (transfer none) (nullable): the album shown
 */
FanfareAlbum *
fanfare_album_tile_get_album (FanfareAlbumTile *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_TILE (self), NULL);

  return self->album;
}

/**
 * fanfare_album_tile_set_album:
 * @self: a #FanfareAlbumTile
 * @album: (nullable): the album to show
 */
void
fanfare_album_tile_set_album (FanfareAlbumTile *self,
                              FanfareAlbum     *album)
{
  g_return_if_fail (FANFARE_IS_ALBUM_TILE (self));
  g_return_if_fail (album == NULL || FANFARE_IS_ALBUM (album));

  if (!g_set_object (&self->album, album))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALBUM]);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *tile = fanfare_album_tile_new ();

  fanfare_album_tile_set_show_year (FANFARE_ALBUM_TILE (tile), GPOINTER_TO_INT (user_data));
  FANFARE_ALBUM_TILE (tile)->show_source = TRUE;
  gtk_list_item_set_child (item, tile);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  fanfare_album_tile_set_album (FANFARE_ALBUM_TILE (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  fanfare_album_tile_set_album (FANFARE_ALBUM_TILE (gtk_list_item_get_child (item)), NULL);
}

/**
 * fanfare_album_tile_factory_new:
 * @show_year: whether the tiles show the year rather than the artist
 *
 * Returns: (transfer full): a factory of tiles for a grid of #FanfareAlbum
 */
GtkListItemFactory *
fanfare_album_tile_factory_new (gboolean  show_year)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (show_year));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}

/**
 * fanfare_album_tile_set_show_year:
 * @self: a #FanfareAlbumTile
 * @show_year: whether the year takes the artist's place
 */
void
fanfare_album_tile_set_show_year (FanfareAlbumTile *self,
                                  gboolean          show_year)
{
  g_return_if_fail (FANFARE_IS_ALBUM_TILE (self));

  g_object_set (self, "show-year", show_year, NULL);
}

/**
 * fanfare_album_tile_new_for_album:
 * @item: (type FanfareAlbum): an album
 *
 * A tile of @item, as a #GtkFlowBox bound to a list of albums makes them.
 *
 * Returns: (transfer floating): the tile
 */
GtkWidget *
fanfare_album_tile_new_for_album (gpointer  item,
                                  gpointer  user_data)
{
  GtkWidget *tile = fanfare_album_tile_new ();

  fanfare_album_tile_set_album (FANFARE_ALBUM_TILE (tile), item);

  return tile;
}
