/* fanfare-track-list-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A list of tracks of any length, such as a genre's or every track a
 * search found, with Play and Shuffle for all of them. A list that arrives
 * a page at a time hears `more-wanted` when the user scrolls near its end. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-row.h"

struct _FanfareTrackListPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *box;
  GtkLabel          *count_label;
  GtkListView       *list_view;
  GtkScrolledWindow *scroller;

  /* Owned references */
  GListModel *tracks;
};

G_DEFINE_FINAL_TYPE (FanfareTrackListPage, fanfare_track_list_page, GTK_TYPE_WIDGET)

enum {
  MORE_WANTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FanfareApplication *
get_application (FanfareTrackListPage * self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? FANFARE_APPLICATION (app) : NULL;
}

static void
update_count (FanfareTrackListPage *self)
{
  guint n = g_list_model_get_n_items (self->tracks);
  g_autofree char *count = g_strdup_printf (ngettext ("%u song", "%u songs", n), n);

  gtk_label_set_label (self->count_label, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracks.play", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracks.shuffle", n > 1);
}

/* Within a screenful of the end, the next page is asked for. */
static void
scrolled_cb (FanfareTrackListPage *self,
             GtkAdjustment        *adjustment)
{
  double page = gtk_adjustment_get_page_size (adjustment);

  if (page > 0 && gtk_adjustment_get_value (adjustment) + 2 * page >= gtk_adjustment_get_upper (adjustment))
    g_signal_emit (self, signals[MORE_WANTED], 0);
}

static void
fanfare_track_list_page_activated_cb (FanfareTrackListPage *self,
                                      guint                 position)
{
  g_autoptr(FanfareTrack) track = g_list_model_get_item (self->tracks, position);
  FanfareApplication *app = get_application (self);

  if (app != NULL && track != NULL)
    fanfare_application_play_track (app, track, FANFARE_PLAY_NOW);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareTrackListPage *self = FANFARE_TRACK_LIST_PAGE (widget);
  FanfareApplication *app = get_application (self);

  if (app != NULL)
    fanfare_application_play_list (app, self->tracks, NULL,
                                   g_str_equal (action_name, "tracks.shuffle") ? FANFARE_PLAY_SHUFFLED
                                                                               : FANFARE_PLAY_NOW);
}

static void
fanfare_track_list_page_dispose (GObject *object)
{
  FanfareTrackListPage *self = FANFARE_TRACK_LIST_PAGE (object);

  if (self->tracks != NULL)
    g_signal_handlers_disconnect_by_data (self->tracks, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_TRACK_LIST_PAGE);
  g_clear_object (&self->tracks);

  G_OBJECT_CLASS (fanfare_track_list_page_parent_class)->dispose (object);
}

static void
fanfare_track_list_page_class_init (FanfareTrackListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_track_list_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-track-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackListPage, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackListPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, FanfareTrackListPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_track_list_page_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * FanfareTrackListPage::more-wanted:
   *
   * The user scrolled near the end of the list: a list that arrives a
   * page at a time reads its next page.
   */
  signals[MORE_WANTED] = g_signal_new ("more-wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "tracks.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "tracks.shuffle", NULL, play_action);
}

static void
fanfare_track_list_page_init (FanfareTrackListPage *self)
{
  g_autoptr(GtkListItemFactory) factory = fanfare_track_row_factory_new (FANFARE_TRACK_ROW_COVER);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_view_set_factory (self->list_view, factory);
  fanfare_track_menu_attach (GTK_WIDGET (self->list_view));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
}

/**
 * fanfare_track_list_page_new:
 * @tracks: the tracks, as #FanfareTrack items, which may still be loading
 *
 * Returns: (transfer floating): a page listing @tracks
 */
GtkWidget *
fanfare_track_list_page_new (GListModel *tracks)
{
  FanfareTrackListPage *self;
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (tracks), NULL);

  self = g_object_new (FANFARE_TYPE_TRACK_LIST_PAGE, NULL);
  self->tracks = g_object_ref (tracks);

  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (tracks)));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_list_view_set_model (self->list_view, selection);
  g_signal_connect_swapped (tracks, "items-changed", G_CALLBACK (update_count), self);
  update_count (self);

  return GTK_WIDGET (self);
}

/**
 * fanfare_track_list_page_get_tracks:
 * @self: a #FanfareTrackListPage
 *
 * Returns: (transfer none): the tracks listed
 */
GListModel *
fanfare_track_list_page_get_tracks (FanfareTrackListPage *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK_LIST_PAGE (self), NULL);

  return self->tracks;
}
