/* fanfare-track-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One track of the platform: its cover, title, artist and album (links to
 * their pages), and what can be done with it: play it, play it next, add
 * it to the queue, save it to the library. An audiobook or a mix, the
 * platform's or a local file, shows how much is left and its chapters. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-chapter.h"
#include "fanfare-chapters-panel.h"
#include "fanfare-comment-section.h"
#include "fanfare-cover-image.h"
#include "fanfare-local-extras.h"
#include "fanfare-navigate.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-page.h"
#include "fanfare-utils.h"

struct _FanfareTrackPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget             *scrolled_window;
  FanfareCoverImage     *cover;
  FanfareCommentSection *comments;
  GtkLabel              *title_label;
  GtkLabel              *artist_label;
  GtkLabel              *album_label;
  GtkLabel              *details_label;
  AdwButtonContent      *save_content;
  GtkWidget             *book_box;
  GtkLabel              *progress_label;
  GtkListBox            *chapters_list;

  /* Owned references */
  FanfareTrack  *track;
  FanfareClient *client;
  GListModel    *chapters;
  GCancellable  *cancellable;

  /* State */
  guint pending_chapter;
};

G_DEFINE_FINAL_TYPE (FanfareTrackPage, fanfare_track_page, GTK_TYPE_WIDGET)

static void
update_saved (FanfareTrackPage *self)
{
  gboolean saved = self->client != NULL && fanfare_client_get_saved (self->client, self->track);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "track-page.save",
                                 self->client != NULL && fanfare_client_get_signed_in (self->client));
  adw_button_content_set_label (self->save_content, saved ? _("In _Library") : _("Save to _Library"));
  adw_button_content_set_icon_name (self->save_content, saved ? "object-select-symbolic" : "list-add-symbolic");
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareTrackPage *self = FANFARE_TRACK_PAGE (widget);
  GApplication *app = g_application_get_default ();
  FanfarePlayMode mode = FANFARE_PLAY_NOW;

  if (g_str_equal (action_name, "track-page.play-next"))
    mode = FANFARE_PLAY_NEXT;
  else if (g_str_equal (action_name, "track-page.add-to-queue"))
    mode = FANFARE_PLAY_LAST;

  if (FANFARE_IS_APPLICATION (app))
    fanfare_application_play_track (FANFARE_APPLICATION (app), self->track, mode);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fanfare_toggle_saved (widget, FANFARE_TRACK_PAGE (widget)->track);
}

static void
go_to_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareTrackPage *self = FANFARE_TRACK_PAGE (widget);

  if (g_str_equal (action_name, "track-page.go-to-album"))
    fanfare_navigate_album_of_track (widget, self->track);
  else
    fanfare_navigate_artist_of_track (widget, self->track);
}

/* Long items: the chapters, a click playing from one; how far the
 * listener got. The platform's chapters come from the server, a local
 * file's from a cue sheet beside it or from the file itself. */
static GtkWidget *
make_chapter_row (gpointer  item,
                  gpointer  user_data)
{
  return fanfare_chapter_row_new (item);
}

static void
show_chapters (FanfareTrackPage *self,
               GListModel       *chapters)
{
  g_set_object (&self->chapters, chapters);
  gtk_list_box_bind_model (self->chapters_list, chapters, make_chapter_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chapters_list), g_list_model_get_n_items (chapters) > 0);
}

static void
chapters_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareTrackPage) self = user_data;
  g_autoptr(GListModel) chapters = fanfare_client_list_chapters_finish (FANFARE_CLIENT (object), result, NULL);

  if (chapters != NULL)
    show_chapters (self, chapters);
}

static void
local_chapters_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FanfareTrackPage) self = user_data;
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autoptr(GPtrArray) chapters = NULL;
  g_autoptr(GListStore) store = g_list_store_new (FANFARE_TYPE_CHAPTER);

  if (!fanfare_local_extras_load_finish (result, &lyrics, &chapters, NULL) || chapters == NULL)
    return;
  g_list_store_splice (store, 0, 0, chapters->pdata, chapters->len);
  show_chapters (self, G_LIST_MODEL (store));
}

static void
show_book (FanfareTrackPage *self)
{
  GApplication *app = g_application_get_default ();
  FanfarePlayer *player = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_player (FANFARE_APPLICATION (app)) : NULL;
  GTimeSpan position = player != NULL ? fanfare_player_get_resume_position (player, self->track) : -1;
  const char *uri = fanfare_track_get_uri (self->track);
  g_autofree char *path = uri != NULL ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  g_autofree char *left = NULL;

  if (fanfare_track_get_kind (self->track) == FANFARE_TRACK_KIND_SONG)
    return;

  gtk_widget_set_visible (self->book_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->chapters_list), FALSE);
  left = fanfare_format_time_left (fanfare_track_get_duration (self->track) - MAX (position, 0));
  gtk_label_set_label (self->progress_label, left);
  if (fanfare_track_get_source (self->track) == FANFARE_SOURCE_LOCAL && path != NULL)
    fanfare_local_extras_load_async (path, self->cancellable, local_chapters_cb, g_object_ref (self));
  else if (self->client != NULL && fanfare_track_get_id (self->track) != NULL)
    fanfare_client_list_chapters_async (self->client, fanfare_track_get_id (self->track), self->cancellable,
                                        chapters_cb, g_object_ref (self));
}

static gboolean
is_current (FanfareTrackPage *self,
            FanfarePlayer    *player)
{
  FanfareTrack *current = fanfare_player_get_current_track (player);

  return current != NULL && g_strcmp0 (fanfare_track_get_uri (current), fanfare_track_get_uri (self->track)) == 0;
}

/* Playing a local track may start its album, which takes a moment: the
 * chapter plays once the book is the current track and the player knows
 * its chapters, by then loaded. */
static void
play_chapter_when_ready_cb (FanfareTrackPage *self)
{
  FanfarePlayer *player = fanfare_application_get_player (FANFARE_APPLICATION (g_application_get_default ()));

  if (!is_current (self, player) ||
      g_list_model_get_n_items (fanfare_player_get_chapters (player)) <= self->pending_chapter)
    return;

  g_signal_handlers_disconnect_by_func (player, play_chapter_when_ready_cb, self);
  g_signal_handlers_disconnect_by_func (fanfare_player_get_chapters (player), play_chapter_when_ready_cb, self);
  fanfare_player_play_chapter (player, self->pending_chapter);
  fanfare_player_play (player);
}

static void
fanfare_track_page_chapter_activated_cb (FanfareTrackPage *self,
                                         GtkListBoxRow    *row)
{
  GApplication *app = g_application_get_default ();
  FanfarePlayer *player;

  g_assert (FANFARE_IS_TRACK_PAGE (self));

  if (!FANFARE_IS_APPLICATION (app) || self->chapters == NULL)
    return;

  player = fanfare_application_get_player (FANFARE_APPLICATION (app));
  self->pending_chapter = gtk_list_box_row_get_index (row);
  g_signal_handlers_disconnect_by_func (player, play_chapter_when_ready_cb, self);
  g_signal_handlers_disconnect_by_func (fanfare_player_get_chapters (player), play_chapter_when_ready_cb, self);
  if (!is_current (self, player))
    {
      g_signal_connect_object (player, "notify::current-track", G_CALLBACK (play_chapter_when_ready_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (fanfare_player_get_chapters (player), "items-changed",
                               G_CALLBACK (play_chapter_when_ready_cb), self, G_CONNECT_SWAPPED);
      fanfare_application_play_track (FANFARE_APPLICATION (app), self->track, FANFARE_PLAY_NOW);
    }
  play_chapter_when_ready_cb (self);
}

static void
fanfare_track_page_dispose (GObject *object)
{
  FanfareTrackPage *self = FANFARE_TRACK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chapters);

  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_TRACK_PAGE);
  g_clear_object (&self->track);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_track_page_parent_class)->dispose (object);
}

static void
fanfare_track_page_class_init (FanfareTrackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_track_page_dispose;

  g_type_ensure (FANFARE_TYPE_COMMENT_SECTION);
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-track-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, cover);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, comments);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, artist_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, album_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, save_content);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, book_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackPage, chapters_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_track_page_chapter_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "track-page.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "track-page.play-next", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "track-page.add-to-queue", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "track-page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "track-page.go-to-album", NULL, go_to_action);
  gtk_widget_class_install_action (widget_class, "track-page.go-to-artist", NULL, go_to_action);
}

static void
fanfare_track_page_init (FanfareTrackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * fanfare_track_page_new:
 *
 * Returns: (transfer floating): the page of @track
 */
GtkWidget *
fanfare_track_page_new (FanfareTrack *track)
{
  FanfareTrackPage *self;
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
  g_autofree char *duration = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (FANFARE_IS_TRACK (track), NULL);

  self = g_object_new (FANFARE_TYPE_TRACK_PAGE, NULL);
  self->track = g_object_ref (track);
  gtk_label_set_label (self->title_label, fanfare_track_get_title (track));
  gtk_label_set_label (self->artist_label, fanfare_track_get_artist (track) != NULL ? fanfare_track_get_artist (track)
                                                                                     : _("Unknown Artist"));
  gtk_label_set_label (self->album_label, fanfare_track_get_album (track) != NULL ? fanfare_track_get_album (track)
                                                                                   : _("Unknown Album"));
  fanfare_cover_image_set_uri (self->cover, fanfare_track_get_cover_uri (track));

  duration = fanfare_format_duration (fanfare_track_get_duration (track));
  if (fanfare_track_get_year (track) > 0)
    /* Translators: the year and the length of a track */
    details = g_strdup_printf (_("%u · %s"), fanfare_track_get_year (track), duration);
  gtk_label_set_label (self->details_label, details != NULL ? details : duration);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "track-page.go-to-album", fanfare_track_get_album_id (track) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "track-page.go-to-artist", fanfare_track_get_artist_id (track) != NULL);
  if (client != NULL && fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM)
    {
      self->client = g_object_ref (client);
      g_signal_connect_object (fanfare_client_get_saved_tracks (client), "items-changed",
                               G_CALLBACK (update_saved), self, G_CONNECT_SWAPPED);
    }
  /* The platform's tracks have comments; the user's own files do not. */
  gtk_widget_set_visible (GTK_WIDGET (self->comments),
                          client != NULL && fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM);
  if (gtk_widget_get_visible (GTK_WIDGET (self->comments)))
    fanfare_comment_section_set_target (self->comments, client, FANFARE_SOCIAL_TARGET_TRACK,
                                        fanfare_track_get_id (track));
  /* The user's own files are already theirs. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->save_content)),
                          fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM);
  update_saved (self);
  show_book (self);

  return GTK_WIDGET (self);
}

/**
 * fanfare_track_page_get_track:
 *
 * Returns: (transfer none): the track shown
 */
FanfareTrack *
fanfare_track_page_get_track (FanfareTrackPage *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK_PAGE (self), NULL);

  return self->track;
}
