/* fanfare-track-row.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A track in a list: on an album page by its number, elsewhere with a
 * small cover and where it comes from. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-cover-image.h"
#include "fanfare-library.h"
#include "fanfare-track-row.h"
#include "fanfare-utils.h"

#define ROW_COVER_SIZE 64

struct _FanfareTrackRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *box;
  GtkLabel          *number_label;
  FanfareCoverImage *cover;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkImage          *lyrics_image;
  GtkLabel          *duration_label;

  /* Owned references */
  FanfareTrack *track;

  /* State */
  FanfareTrackRowStyle style;
};

G_DEFINE_FINAL_TYPE (FanfareTrackRow, fanfare_track_row, GTK_TYPE_WIDGET)

static void
update_number_style (FanfareTrackRow *self)
{
  const char *artist = fanfare_track_get_artist (self->track);
  const char *album_artist = fanfare_track_get_album_artist (self->track);
  g_autofree char *number = NULL;

  if (fanfare_track_get_track_number (self->track) > 0)
    number = g_strdup_printf ("%u", fanfare_track_get_track_number (self->track));
  gtk_label_set_label (self->number_label, number != NULL ? number : "");

  /* The album page names the album's artist once; a guest is named on
   * the track. */
  gtk_label_set_label (self->subtitle_label, artist != NULL ? artist : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          artist != NULL && album_artist != NULL && g_strcmp0 (artist, album_artist) != 0);
}

static void
update_cover_style (FanfareTrackRow *self)
{
  const char *artist = fanfare_track_get_artist (self->track);
  const char *album = fanfare_track_get_album (self->track);
  g_autofree char *cover_uri = NULL;
  g_autofree char *subtitle = NULL;

  if (artist == NULL)
    artist = _("Unknown Artist");
  if (album != NULL)
    /* Translators: a track's artist and album, under its title */
    subtitle = g_strdup_printf (_("%s · %s"), artist, album);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : artist);

  cover_uri = fanfare_library_cover_uri_at_size (fanfare_track_get_cover_uri (self->track), ROW_COVER_SIZE);
  fanfare_cover_image_set_uri (self->cover, cover_uri);
}

static void
update (FanfareTrackRow *self)
{
  g_autofree char *duration = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->number_label), self->style == FANFARE_TRACK_ROW_NUMBER);
  gtk_widget_set_visible (GTK_WIDGET (self->cover), self->style == FANFARE_TRACK_ROW_COVER);

  if (self->track == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->duration_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->lyrics_image), FALSE);
      return;
    }

  gtk_label_set_label (self->title_label, fanfare_track_get_title (self->track));
  gtk_widget_set_visible (GTK_WIDGET (self->lyrics_image), fanfare_track_get_has_lyrics (self->track));
  if (fanfare_track_get_duration (self->track) > 0)
    duration = fanfare_format_duration (fanfare_track_get_duration (self->track));
  gtk_label_set_label (self->duration_label, duration != NULL ? duration : "");

  if (self->style == FANFARE_TRACK_ROW_NUMBER)
    update_number_style (self);
  else
    update_cover_style (self);
}

static void
fanfare_track_row_dispose (GObject *object)
{
  FanfareTrackRow *self = FANFARE_TRACK_ROW (object);

  g_clear_object (&self->track);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_TRACK_ROW);

  G_OBJECT_CLASS (fanfare_track_row_parent_class)->dispose (object);
}

static void
fanfare_track_row_class_init (FanfareTrackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_track_row_dispose;

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-track-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, lyrics_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackRow, duration_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trackrow");
}

static void
fanfare_track_row_init (FanfareTrackRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_track_row_new:
 * @style: how the row shows its track
 *
 * Returns: (transfer floating): a new, empty row
 */
GtkWidget *
fanfare_track_row_new (FanfareTrackRowStyle  style)
{
  FanfareTrackRow *self = g_object_new (FANFARE_TYPE_TRACK_ROW, NULL);

  self->style = style;
  update (self);

  return GTK_WIDGET (self);
}

/**
 * fanfare_track_row_get_track:
 * @self: a #FanfareTrackRow
 *
 * Returns: (transfer none) (nullable): the track shown
 */
FanfareTrack *
fanfare_track_row_get_track (FanfareTrackRow *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK_ROW (self), NULL);

  return self->track;
}

/**
 * fanfare_track_row_set_track:
 * @self: a #FanfareTrackRow
 * @track: (nullable): the track to show
 */
void
fanfare_track_row_set_track (FanfareTrackRow *self,
                             FanfareTrack    *track)
{
  g_return_if_fail (FANFARE_IS_TRACK_ROW (self));
  g_return_if_fail (track == NULL || FANFARE_IS_TRACK (track));

  if (g_set_object (&self->track, track))
    update (self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, fanfare_track_row_new (GPOINTER_TO_INT (user_data)));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  fanfare_track_row_set_track (FANFARE_TRACK_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  fanfare_track_row_set_track (FANFARE_TRACK_ROW (gtk_list_item_get_child (item)), NULL);
}

/**
 * fanfare_track_row_factory_new:
 * @style: how the rows show their tracks
 *
 * Returns: (transfer full): a factory of rows for a list of #FanfareTrack
 */
GtkListItemFactory *
fanfare_track_row_factory_new (FanfareTrackRowStyle  style)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (style));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}
