/* fanfare-album-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An album: its cover, title, artist (a link to the artist's page), year,
 * length, Play and Shuffle, Buy for a digital album on sale, and its
 * tracks in order. A track plays the
 * album from there on with Enter or a double click. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-extras.h"
#include "fanfare-album-page.h"
#include "fanfare-application.h"
#include "fanfare-buy-button.h"
#include "fanfare-comment-section.h"
#include "fanfare-cover-image.h"
#include "fanfare-navigate.h"
#include "fanfare-send-dialog.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-row.h"
#include "fanfare-utils.h"

struct _FanfareAlbumPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget             *scrolled_window;
  FanfareCoverImage     *cover;
  FanfareCommentSection *comments;
  GtkLabel              *title_label;
  GtkButton             *artist_button;
  GtkLabel              *artist_label;
  GtkLabel              *details_label;
  GtkListBox            *track_list;
  GtkWidget             *save_button;
  GtkWidget             *menu_button;
  AdwButtonContent      *save_content;
  FanfareBuyButton      *buy_button;
  FanfareAlbumExtras    *extras;

  /* Owned references */
  FanfareAlbum  *album;
  GListModel    *tracks;
  FanfareClient *client;    /* for a platform album */
};

G_DEFINE_FINAL_TYPE (FanfareAlbumPage, fanfare_album_page, GTK_TYPE_WIDGET)

static FanfareApplication *
get_application (FanfareAlbumPage * self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? FANFARE_APPLICATION (app) : NULL;
}

static FanfareTrack *
first_track (FanfareAlbumPage *self)
{
  return g_list_model_get_n_items (self->tracks) > 0 ? g_list_model_get_item (self->tracks, 0) : NULL;
}

/* The year, the number of songs and the length, as far as they are known. */
static void
update_details (FanfareAlbumPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FanfareTrack) first = first_track (self);
  guint n = g_list_model_get_n_items (self->tracks);
  guint year = fanfare_album_get_year (self->album);
  GTimeSpan length = 0;
  g_autofree char *details = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (self->tracks, i);

      length += fanfare_track_get_duration (track);
    }

  if (year == 0 && first != NULL)
    year = fanfare_track_get_year (first);
  if (year > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%u", year));
  if (n > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u song", "%u songs", n), n));
  if (length >= G_TIME_SPAN_MINUTE)
    {
      guint minutes = (guint) ((length + G_TIME_SPAN_MINUTE / 2) / G_TIME_SPAN_MINUTE);

      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: between the year, the number of songs and the length of an album */
  details = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_label (self->details_label, details);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "album.play", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "album.shuffle", n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "album.go-to-artist",
                                 fanfare_album_get_artist_id (self->album) != NULL ||
                                 (first != NULL && fanfare_track_get_artist_id (first) != NULL));
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *track_row = fanfare_track_row_new (FANFARE_TRACK_ROW_NUMBER);

  fanfare_track_row_set_track (FANFARE_TRACK_ROW (track_row), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), track_row);

  return row;
}

static void
fanfare_album_page_row_activated_cb (FanfareAlbumPage *self,
                                     GtkListBoxRow    *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (row);
  FanfareApplication *app = get_application (self);

  if (app != NULL && FANFARE_IS_TRACK_ROW (child))
    fanfare_application_play_list (app, self->tracks,
                                   fanfare_track_row_get_track (FANFARE_TRACK_ROW (child)),
                                   FANFARE_PLAY_NOW);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareAlbumPage *self = FANFARE_ALBUM_PAGE (widget);
  FanfareApplication *app = get_application (self);

  if (app != NULL)
    fanfare_application_play_list (app, self->tracks, NULL,
                                   g_str_equal (action_name, "album.shuffle") ? FANFARE_PLAY_SHUFFLED
                                                                              : FANFARE_PLAY_NOW);
}

static void
go_to_artist_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FanfareAlbumPage *self = FANFARE_ALBUM_PAGE (widget);
  g_autoptr(FanfareTrack) first = NULL;
  g_autoptr(FanfareArtist) artist = NULL;

  if (fanfare_album_get_artist_id (self->album) == NULL)
    {
      first = first_track (self);
      if (first != NULL)
        fanfare_navigate_artist_of_track (widget, first);
      return;
    }

  artist = g_object_new (FANFARE_TYPE_ARTIST,
                         "id", fanfare_album_get_artist_id (self->album),
                         "source", fanfare_album_get_source (self->album),
                         "name", fanfare_album_get_artist (self->album),
                         NULL);
  fanfare_navigate_artist (widget, artist);
}

/* A platform album can be saved to the library, or taken out again. */
static void
update_saved (FanfareAlbumPage *self)
{
  gboolean saved;

  gtk_widget_set_visible (self->save_button, self->client != NULL);
  gtk_widget_set_visible (self->menu_button, self->client != NULL && fanfare_album_get_id (self->album) != NULL);
  if (self->client == NULL)
    return;

  saved = fanfare_client_get_saved (self->client, self->album);
  adw_button_content_set_label (self->save_content, saved ? _("In _Library") : _("Save to _Library"));
  adw_button_content_set_icon_name (self->save_content, saved ? "object-select-symbolic" : "list-add-symbolic");
  gtk_widget_set_tooltip_text (self->save_button, saved ? _("Remove from your library") : NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareAlbumPage *self = FANFARE_ALBUM_PAGE (widget);

  if (self->client != NULL)
    fanfare_toggle_saved (widget, self->album);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareAlbumPage *self = FANFARE_ALBUM_PAGE (widget);

  fanfare_send_to_friend (widget, FANFARE_SOCIAL_TARGET_ALBUM, fanfare_album_get_id (self->album),
                          fanfare_album_get_title (self->album));
}

static void
fanfare_album_page_dispose (GObject *object)
{
  FanfareAlbumPage *self = FANFARE_ALBUM_PAGE (object);

  if (self->tracks != NULL)
    g_signal_handlers_disconnect_by_data (self->tracks, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_ALBUM_PAGE);
  g_clear_object (&self->tracks);
  g_clear_object (&self->album);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_album_page_parent_class)->dispose (object);
}

static void
fanfare_album_page_class_init (FanfareAlbumPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_album_page_dispose;

  g_type_ensure (FANFARE_TYPE_COMMENT_SECTION);
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
  g_type_ensure (FANFARE_TYPE_BUY_BUTTON);
  g_type_ensure (FANFARE_TYPE_ALBUM_EXTRAS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-album-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, comments);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, artist_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, artist_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, track_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, save_content);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, buy_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareAlbumPage, extras);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_album_page_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "albumpage");

  gtk_widget_class_install_action (widget_class, "album.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "album.shuffle", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "album.go-to-artist", NULL, go_to_artist_action);
  gtk_widget_class_install_action (widget_class, "album.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "album.send", NULL, send_action);
}

static void
fanfare_album_page_init (FanfareAlbumPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fanfare_track_menu_attach (GTK_WIDGET (self->track_list));
}

/**
 * fanfare_album_page_new:
 * @album: the album
 * @tracks: its tracks, as #FanfareTrack items, which may still be loading
 *
 * Returns: (transfer floating): the page of @album
 */
GtkWidget *
fanfare_album_page_new (FanfareAlbum *album,
                        GListModel   *tracks)
{
  FanfareAlbumPage *self;
  const char *artist;

  g_return_val_if_fail (FANFARE_IS_ALBUM (album), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (tracks), NULL);

  self = g_object_new (FANFARE_TYPE_ALBUM_PAGE, NULL);
  self->album = g_object_ref (album);
  self->tracks = g_object_ref (tracks);

  artist = fanfare_album_get_artist (album);
  gtk_label_set_label (self->title_label, fanfare_album_get_title (album));
  gtk_label_set_label (self->artist_label, artist != NULL ? artist : _("Unknown Artist"));
  fanfare_cover_image_set_uri (self->cover, fanfare_album_get_cover_uri (album));

  gtk_list_box_bind_model (self->track_list, tracks, create_row, NULL, NULL);
  g_signal_connect_swapped (tracks, "items-changed", G_CALLBACK (update_details), self);
  update_details (self);

  if (fanfare_album_get_source (album) == FANFARE_SOURCE_PLATFORM)
    {
      GApplication *app = g_application_get_default ();
      FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;

      if (client != NULL && fanfare_client_get_signed_in (client))
        {
          self->client = g_object_ref (client);
          fanfare_buy_button_set_album (self->buy_button, client, fanfare_album_get_id (album),
                                        fanfare_album_get_title (album));
          fanfare_album_extras_load (self->extras, client, fanfare_album_get_id (album),
                                     fanfare_album_get_title (album));
          g_signal_connect_object (fanfare_client_get_saved_albums (client), "items-changed",
                                   G_CALLBACK (update_saved), self, G_CONNECT_SWAPPED);
        }
    }
  /* The platform's albums have comments; the user's own files do not. */
  gtk_widget_set_visible (GTK_WIDGET (self->comments),
                          fanfare_album_get_source (album) == FANFARE_SOURCE_PLATFORM && fanfare_album_get_id (album) != NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->comments)))
    {
      GApplication *app = g_application_get_default ();

      fanfare_comment_section_set_target (self->comments,
                                          FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL,
                                          FANFARE_SOCIAL_TARGET_ALBUM, fanfare_album_get_id (album));
    }
  update_saved (self);

  return GTK_WIDGET (self);
}

/**
 * fanfare_album_page_get_album:
 * @self: a #FanfareAlbumPage
 *
 * Returns: (transfer none): the album shown
 */
FanfareAlbum *
fanfare_album_page_get_album (FanfareAlbumPage *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_PAGE (self), NULL);

  return self->album;
}

/**
 * fanfare_album_page_get_tracks:
 * @self: a #FanfareAlbumPage
 *
 * Returns: (transfer none): the album's tracks
 */
GListModel *
fanfare_album_page_get_tracks (FanfareAlbumPage *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_PAGE (self), NULL);

  return self->tracks;
}
