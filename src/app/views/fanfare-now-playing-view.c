/* fanfare-now-playing-view.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The track that plays, large: its cover, and a background whose colours
 * follow the cover; its lyrics or chapters under the cover, or beside it
 * when the view is wide enough. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-chapters-panel.h"
#include "fanfare-cover-image.h"
#include "fanfare-lyrics-view.h"
#include "fanfare-cover.h"
#include "fanfare-now-playing-view.h"
#include "fanfare-utils.h"

struct _FanfareNowPlayingView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox               *box;
  GtkBox               *content_box;
  GtkWidget            *info_box;
  GtkWidget            *side_clamp;
  FanfareCoverImage    *cover_image;
  GtkLabel             *title_label;
  GtkLabel             *artist_label;
  GtkLabel             *album_label;
  GtkStack             *side_stack;
  FanfareLyricsView    *lyrics_view;
  FanfareChaptersPanel *chapters_panel;

  /* Owned references */
  FanfarePlayer  *player;
  GSignalGroup   *player_signals;
  GSignalGroup   *track_signals;
  GtkCssProvider *css;
  char           *css_class; /* this view's own, for its colours */

  /* State */
  guint wide : 1;
};

/* From this width the lyrics or chapters go beside the cover. libadwaita
 * 1.2 has no breakpoints: the view decides as it is allocated. */
#define WIDE_WIDTH 860

G_DEFINE_FINAL_TYPE (FanfareNowPlayingView, fanfare_now_playing_view, GTK_TYPE_WIDGET)

static void
set_colors (FanfareNowPlayingView *self,
            GdkTexture            *texture)
{
  g_autofree char *css = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *light = NULL;
  GdkRGBA dark_rgba, light_rgba;

  if (texture == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "colored");
      gtk_css_provider_load_from_data (self->css, "", -1);
      return;
    }

  fanfare_cover_get_colors (texture, &dark_rgba, &light_rgba);
  dark = gdk_rgba_to_string (&dark_rgba);
  light = gdk_rgba_to_string (&light_rgba);
  css = g_strdup_printf ("nowplaying.%s.colored { background: linear-gradient(160deg, %s, shade(%s, 0.55)); }",
                         self->css_class, dark, dark);
  gtk_css_provider_load_from_data (self->css, css, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "colored");
}

static void
fanfare_now_playing_view_texture_cb (FanfareNowPlayingView *self)
{
  g_assert (FANFARE_IS_NOW_PLAYING_VIEW (self));

  set_colors (self, fanfare_cover_image_get_texture (self->cover_image));
}

static void
update (FanfareNowPlayingView *self)
{
  FanfareTrack *track = self->player ? fanfare_player_get_current_track (self->player) : NULL;
  const char *artist = track ? fanfare_track_get_artist (track) : NULL;
  const char *album = track ? fanfare_track_get_album (track) : NULL;

  gtk_label_set_label (self->title_label, track ? fanfare_track_get_title (track) : _("Not Playing"));
  gtk_label_set_label (self->artist_label, artist ? artist : "");
  gtk_label_set_label (self->album_label, album ? album : "");
  fanfare_cover_image_set_uri (self->cover_image, track ? fanfare_track_get_cover_uri (track) : NULL);
  /* A book or a mix opens on its chapters, a song on its lyrics. */
  gtk_stack_set_visible_child_name (self->side_stack,
                                    track != NULL && fanfare_track_get_kind (track) != FANFARE_TRACK_KIND_SONG
                                    ? "chapters" : "lyrics");
}

static void
current_track_changed_cb (FanfareNowPlayingView *self)
{
  g_signal_group_set_target (self->track_signals, fanfare_player_get_current_track (self->player));
  update (self);
}

static void
set_wide (FanfareNowPlayingView *self,
          gboolean               wide)
{
  if (self->wide == !!wide)
    return;

  self->wide = !!wide;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->content_box),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (self->content_box, wide);
  /* Wide, the cover and its labels sit in the middle of their half. */
  gtk_widget_set_valign (self->info_box, wide ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_widget_set_vexpand (GTK_WIDGET (self->cover_image), !wide);
  gtk_widget_set_valign (GTK_WIDGET (self->cover_image), wide ? GTK_ALIGN_CENTER : GTK_ALIGN_END);
  adw_clamp_set_maximum_size (ADW_CLAMP (self->side_clamp), wide ? 560 : 420);
  gtk_widget_set_margin_top (self->side_clamp, wide ? 24 : 0);
}

static void
fanfare_now_playing_view_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  FanfareNowPlayingView *self = FANFARE_NOW_PLAYING_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->box), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
fanfare_now_playing_view_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  FanfareNowPlayingView *self = FANFARE_NOW_PLAYING_VIEW (widget);

  set_wide (self, width >= WIDE_WIDTH);
  gtk_widget_allocate (GTK_WIDGET (self->box), width, height, baseline, NULL);
}

static void
fanfare_now_playing_view_dispose (GObject *object)
{
  FanfareNowPlayingView *self = FANFARE_NOW_PLAYING_VIEW (object);

  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_clear_object (&self->player_signals);
  g_clear_object (&self->track_signals);
  g_clear_object (&self->player);
  g_clear_pointer (&self->css_class, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_NOW_PLAYING_VIEW);

  G_OBJECT_CLASS (fanfare_now_playing_view_parent_class)->dispose (object);
}

static void
fanfare_now_playing_view_class_init (FanfareNowPlayingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_now_playing_view_dispose;
  widget_class->measure = fanfare_now_playing_view_measure;
  widget_class->size_allocate = fanfare_now_playing_view_size_allocate;

  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
  g_type_ensure (FANFARE_TYPE_LYRICS_VIEW);
  g_type_ensure (FANFARE_TYPE_CHAPTERS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-now-playing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, content_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, info_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, side_clamp);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, cover_image);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, artist_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, album_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, lyrics_view);
  gtk_widget_class_bind_template_child (widget_class, FanfareNowPlayingView, chapters_panel);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_now_playing_view_texture_cb);
  gtk_widget_class_set_css_name (widget_class, "nowplaying");
}

static void
fanfare_now_playing_view_init (FanfareNowPlayingView *self)
{
  /* One provider and one class per view, for colours that follow its
   * cover. */
  static guint n_views;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->css_class = g_strdup_printf ("view-%u", ++n_views);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->css_class);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->player_signals = g_signal_group_new (FANFARE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::current-track",
                                  G_CALLBACK (current_track_changed_cb), self);
  self->track_signals = g_signal_group_new (FANFARE_TYPE_TRACK);
  g_signal_group_connect_swapped (self->track_signals, "notify", G_CALLBACK (update), self);

  update (self);
}

/**
 * fanfare_now_playing_view_set_player:
 * @self: a #FanfareNowPlayingView
 * @player: (nullable): the player to show
 */
void
fanfare_now_playing_view_set_player (FanfareNowPlayingView *self,
                                     FanfarePlayer         *player)
{
  g_return_if_fail (FANFARE_IS_NOW_PLAYING_VIEW (self));

  if (!g_set_object (&self->player, player))
    return;

  g_signal_group_set_target (self->player_signals, player);
  g_signal_group_set_target (self->track_signals, player ? fanfare_player_get_current_track (player) : NULL);
  fanfare_lyrics_view_set_player (self->lyrics_view, player);
  fanfare_chapters_panel_set_player (self->chapters_panel, player);
  update (self);
}

/**
 * fanfare_now_playing_view_get_wide:
 *
 * Returns: whether the lyrics or chapters are beside the cover
 */
gboolean
fanfare_now_playing_view_get_wide (FanfareNowPlayingView *self)
{
  g_return_val_if_fail (FANFARE_IS_NOW_PLAYING_VIEW (self), FALSE);

  return self->wide;
}
