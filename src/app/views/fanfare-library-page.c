/* fanfare-library-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Library page: the local library as albums, artists, songs and
 * genres. Every list is the library's own paged model, sorted in SQL, so
 * the views make widgets only for the rows in sight, whatever the size of
 * the library. A scan shows its progress above the lists, which fill in as
 * it goes; files that could not be read are counted, and listed on a page
 * of their own. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-tile.h"
#include "fanfare-application.h"
#include "fanfare-folder-chooser.h"
#include "fanfare-library-page.h"
#include "fanfare-navigate.h"
#include "fanfare-problems-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-utils.h"
#include "fanfare-widget-util.h"

struct _FanfareLibraryPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack       *state_stack;
  GtkRevealer    *scan_revealer;
  GtkLabel       *scan_label;
  GtkProgressBar *scan_progress;
  GtkRevealer    *problems_revealer;
  GtkLabel       *problems_label;
  AdwViewStack   *view_stack;
  GtkGridView    *album_grid;
  GtkListView    *artist_list;
  GtkColumnView  *song_view;
  GtkListView    *genre_list;

  /* Owned references */
  GSettings             *settings;
  FanfareLibrary        *library;
  FanfareLibraryModel   *albums;
  FanfareLibraryModel   *artists;
  FanfareLibraryModel   *songs;
  FanfareLibraryModel   *genres;
  GObject               *probe_a;
  GObject               *probe_b;
  FanfareAccountManager *accounts;
  GListModel            *saved_albums; /* the platform's, in front of the local ones */
  GListModel            *saved_songs;
  GListStore            *album_parts;
  GListStore            *song_parts;
  GListModel            *all_albums;
  GListModel            *all_songs;

  /* State */
  FanfareLibrarySort probed_sort;
  gboolean           probed;
  gboolean           reported_drawn;
};

G_DEFINE_FINAL_TYPE (FanfareLibraryPage, fanfare_library_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The columns of the songs view, and the order each sorts by. */
static const struct {
  const char        *id;
  const char        *title;
  FanfareLibrarySort sort;
  gboolean           expand;
  int                fixed_width;
} song_columns[] = {
  { "title", N_("Title"), FANFARE_LIBRARY_SORT_TITLE, TRUE, -1 },
  { "artist", N_("Artist"), FANFARE_LIBRARY_SORT_ARTIST, TRUE, -1 },
  { "album", N_("Album"), FANFARE_LIBRARY_SORT_ALBUM, TRUE, -1 },
  { "year", N_("Year"), FANFARE_LIBRARY_SORT_YEAR, FALSE, 70 },
  { "length", N_("Length"), FANFARE_LIBRARY_SORT_DURATION, FALSE, 80 },
};

static FanfareApplication *
get_application (FanfareLibraryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? FANFARE_APPLICATION (app) : NULL;
}

static void
update_state (FanfareLibraryPage *self)
{
  FanfareLibraryScanner *scanner;
  gboolean empty;

  if (self->library == NULL)
    return;

  /* Until the library has told otherwise, it is not empty: a library that
   * is opening or being read for the first time is on its way. */
  scanner = fanfare_library_get_scanner (self->library);
  empty = self->songs != NULL &&
          !fanfare_library_model_get_loading (self->songs) &&
          g_list_model_get_n_items (G_LIST_MODEL (self->songs)) == 0 &&
          !fanfare_library_scanner_get_scanning (scanner) &&
          (self->saved_albums == NULL || g_list_model_get_n_items (self->saved_albums) == 0) &&
          (self->saved_songs == NULL || g_list_model_get_n_items (self->saved_songs) == 0);

  gtk_stack_set_visible_child_name (self->state_stack, empty ? "empty" : "content");
}

static void
update_scan (FanfareLibraryPage *self)
{
  FanfareLibraryScanner *scanner = fanfare_library_get_scanner (self->library);
  gboolean scanning = fanfare_library_scanner_get_scanning (scanner);
  guint found = fanfare_library_scanner_get_files_found (scanner);
  guint done = fanfare_library_scanner_get_files_done (scanner);
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->scan_revealer, scanning);
  if (!scanning)
    {
      update_state (self);
      return;
    }

  if (done == 0)
    text = g_strdup_printf (ngettext ("Looking for music… %u file found",
                                      "Looking for music… %u files found", found), found);
  else
    text = g_strdup_printf (ngettext ("Adding your music… %u of %u file",
                                      "Adding your music… %u of %u files", found), done, found);
  gtk_label_set_label (self->scan_label, text);

  if (done == 0)
    gtk_progress_bar_pulse (self->scan_progress);
  else
    gtk_progress_bar_set_fraction (self->scan_progress, fanfare_library_scanner_get_progress (scanner));

  update_state (self);
}

static void
update_problems (FanfareLibraryPage *self)
{
  GListModel *problems = fanfare_library_get_problems (self->library);
  guint n = g_list_model_get_n_items (problems);
  g_autofree char *text = g_strdup_printf (ngettext ("%u file could not be added to your library",
                                                     "%u files could not be added to your library", n), n);

  gtk_label_set_label (self->problems_label, text);
  gtk_revealer_set_reveal_child (self->problems_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.show-problems", n > 0);
}

/* GtkColumnView 4.8 cannot say which column it sorts by. Its sorter asks
 * the columns' sorters in order, the primary one first, and turns the
 * answer round when that column sorts downwards: so comparing two probes
 * with it tells both. */
static int
probe_compare (gconstpointer  a,
               gconstpointer  b,
               gpointer       user_data)
{
  FanfareLibraryPage *self = g_object_get_data (G_OBJECT (a), "page");

  self->probed = TRUE;
  self->probed_sort = GPOINTER_TO_INT (user_data);

  return GTK_ORDERING_SMALLER;
}

static void
song_sorter_changed_cb (FanfareLibraryPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  /* The view's columns go as it is disposed. */
  if (self->song_view == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->song_view);
  self->probed = FALSE;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (!self->probed || self->songs == NULL)
    return;

  fanfare_library_model_set_sort (self->songs, self->probed_sort, order == GTK_ORDERING_LARGER);
}

static void
song_cell_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), song_columns[column].expand ? 8 : 4);
  if (song_columns[column].sort == FANFARE_LIBRARY_SORT_DURATION ||
      song_columns[column].sort == FANFARE_LIBRARY_SORT_YEAR)
    gtk_widget_add_css_class (label, "numeric");
  if (song_columns[column].sort != FANFARE_LIBRARY_SORT_TITLE)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
song_cell_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  FanfareTrack *track = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  const char *value = NULL;

  switch (song_columns[GPOINTER_TO_UINT (user_data)].sort)
    {
    case FANFARE_LIBRARY_SORT_TITLE:
      value = fanfare_track_get_title (track);
      break;

    case FANFARE_LIBRARY_SORT_ARTIST:
      value = fanfare_track_get_artist (track);
      break;

    case FANFARE_LIBRARY_SORT_ALBUM:
      value = fanfare_track_get_album (track);
      break;

    case FANFARE_LIBRARY_SORT_YEAR:
      if (fanfare_track_get_year (track) > 0)
        value = text = g_strdup_printf ("%u", fanfare_track_get_year (track));
      break;

    case FANFARE_LIBRARY_SORT_DURATION:
      if (fanfare_track_get_duration (track) > 0)
        value = text = fanfare_format_duration (fanfare_track_get_duration (track));
      break;

    case FANFARE_LIBRARY_SORT_ADDED:
    default:
      break;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (label), value);
  fanfare_track_menu_mark (label, track);

  /* Saved from the platform: said by the colour and the tooltip. */
  if (fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM)
    {
      gtk_widget_add_css_class (label, "platform-track");
      fanfare_widget_set_tooltip (label, _("Saved from Fanfare"));
    }
}

static void
song_cell_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), NULL);
  fanfare_track_menu_mark (label, NULL);
  gtk_widget_remove_css_class (label, "platform-track");
  fanfare_widget_set_tooltip (label, NULL);
}

static void
add_song_columns (FanfareLibraryPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (song_columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (song_cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (song_cell_bind_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (song_cell_unbind_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(song_columns[i].title), factory);
      gtk_column_view_column_set_expand (column, song_columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (song_columns[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, song_columns[i].fixed_width);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (song_columns[i].sort), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->song_view, column);
    }
}

static void
artist_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *avatar = adw_avatar_new (40, NULL, TRUE);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), count);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (item, box);
}

static void
artist_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  FanfareArtist *artist = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *avatar = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_last_child (box));
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  guint n = fanfare_artist_get_album_count (artist);
  const char *text = fanfare_artist_get_name (artist);
  g_autofree char *albums = g_strdup_printf (ngettext ("%u album", "%u albums", n), n);

  if (text == NULL)
    text = _("Unknown Artist");
  adw_avatar_set_text (ADW_AVATAR (avatar), text);
  gtk_label_set_label (GTK_LABEL (name), text);
  gtk_label_set_label (GTK_LABEL (count), albums);
}

static void
genre_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);
}

static void
genre_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  FanfareGenre *genre = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  guint n = fanfare_genre_get_track_count (genre);
  g_autofree char *songs = g_strdup_printf (ngettext ("%u song", "%u songs", n), n);

  gtk_label_set_label (GTK_LABEL (name), fanfare_genre_get_name (genre));
  gtk_label_set_label (GTK_LABEL (count), songs);
}

static GtkListItemFactory *
factory_new (GCallback  setup,
             GCallback  bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);

  return factory;
}

static GtkSelectionModel *
no_selection (gpointer  model)
{
  return GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model))));
}

static GtkSelectionModel *
single_selection (gpointer  model)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  return GTK_SELECTION_MODEL (selection);
}

static void
fanfare_library_page_after_paint_cb (GdkFrameClock      *frame_clock,
                                     FanfareLibraryPage *self)
{
  /* Benchmarks time start-up with a large library up to this line. */
  g_debug ("Library page drawn with %u songs",
           g_list_model_get_n_items (G_LIST_MODEL (self->songs)));

  g_signal_handlers_disconnect_by_func (frame_clock, fanfare_library_page_after_paint_cb, self);
}

/* Says once, after the frame that first shows the lists in full. */
static void
report_drawn (FanfareLibraryPage *self)
{
  GdkFrameClock *frame_clock;

  if (self->reported_drawn || self->songs == NULL ||
      fanfare_library_model_get_loading (self->albums) ||
      fanfare_library_model_get_loading (self->artists) ||
      fanfare_library_model_get_loading (self->songs) ||
      fanfare_library_model_get_loading (self->genres) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) == NULL)
    return;

  self->reported_drawn = TRUE;
  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (fanfare_library_page_after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A view gets its list when it is first on show: a view lays out rows for
 * hundreds of items around its start, which a view nobody looks at need not
 * make. */
static void
attach_shown_list (FanfareLibraryPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autoptr(GtkSelectionModel) model = NULL;

  if (self->songs == NULL || name == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (g_str_equal (name, "albums") && gtk_grid_view_get_model (self->album_grid) == NULL)
    {
      model = no_selection (self->all_albums);
      gtk_grid_view_set_model (self->album_grid, model);
    }
  else if (g_str_equal (name, "artists") && gtk_list_view_get_model (self->artist_list) == NULL)
    {
      model = no_selection (self->artists);
      gtk_list_view_set_model (self->artist_list, model);
    }
  else if (g_str_equal (name, "songs") && gtk_column_view_get_model (self->song_view) == NULL)
    {
      model = single_selection (self->all_songs);
      gtk_column_view_set_model (self->song_view, model);
    }
  else if (g_str_equal (name, "genres") && gtk_list_view_get_model (self->genre_list) == NULL)
    {
      model = no_selection (self->genres);
      gtk_list_view_set_model (self->genre_list, model);
    }
}

/* The lists, once the index is open. */
static void
create_lists (FanfareLibraryPage *self)
{
  if (self->songs != NULL || !fanfare_library_get_open (self->library))
    return;

  self->albums = fanfare_library_list_albums (self->library);
  self->artists = fanfare_library_list_artists (self->library);
  self->songs = fanfare_library_list_songs (self->library, FANFARE_LIBRARY_SORT_ARTIST, FALSE);
  self->genres = fanfare_library_list_genres (self->library);
  g_list_store_append (self->album_parts, self->albums);
  g_list_store_append (self->song_parts, self->songs);

  attach_shown_list (self);

  g_signal_connect_object (self->songs, "notify::loading", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->songs, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);

  g_signal_connect_object (self->albums, "notify::loading", G_CALLBACK (report_drawn), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->artists, "notify::loading", G_CALLBACK (report_drawn), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->songs, "notify::loading", G_CALLBACK (report_drawn), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->genres, "notify::loading", G_CALLBACK (report_drawn), self, G_CONNECT_SWAPPED);
}

static void
fanfare_library_page_album_activated_cb (FanfareLibraryPage *self,
                                         guint               position)
{
  g_autoptr(FanfareAlbum) album = g_list_model_get_item (self->all_albums, position);

  if (album != NULL)
    fanfare_navigate_album (GTK_WIDGET (self), album);
}

static void
fanfare_library_page_artist_activated_cb (FanfareLibraryPage *self,
                                          guint               position)
{
  g_autoptr(FanfareArtist) artist = g_list_model_get_item (G_LIST_MODEL (self->artists), position);

  if (artist != NULL)
    fanfare_navigate_artist (GTK_WIDGET (self), artist);
}

static void
fanfare_library_page_genre_activated_cb (FanfareLibraryPage *self,
                                         guint               position)
{
  g_autoptr(FanfareGenre) genre = g_list_model_get_item (G_LIST_MODEL (self->genres), position);

  if (genre != NULL)
    fanfare_navigate_genre (GTK_WIDGET (self), genre);
}

static void
fanfare_library_page_song_activated_cb (FanfareLibraryPage *self,
                                        guint               position)
{
  g_autoptr(FanfareTrack) track = g_list_model_get_item (self->all_songs, position);
  FanfareApplication *app = get_application (self);

  if (app != NULL && track != NULL)
    fanfare_application_play_track (app, track, FANFARE_PLAY_NOW);
}

static void
fanfare_library_page_view_changed_cb (FanfareLibraryPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "library-view", name);
  attach_shown_list (self);
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FanfareLibraryPage *self = FANFARE_LIBRARY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->library != NULL)
    fanfare_choose_library_folder (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->library);
}

static void
open_music_folder_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  fanfare_open_music_folder (widget);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FanfareLibraryPage *self = FANFARE_LIBRARY_PAGE (widget);

  if (self->library != NULL)
    fanfare_navigate_push (widget, fanfare_problems_page_new (fanfare_library_get_problems (self->library)),
                           _("Files Not Added"));
}

static void
fanfare_library_page_dispose (GObject *object)
{
  FanfareLibraryPage *self = FANFARE_LIBRARY_PAGE (object);

  fanfare_library_page_set_library (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_LIBRARY_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  if (self->saved_albums != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saved_albums, self);
      g_signal_handlers_disconnect_by_data (self->saved_songs, self);
    }
  g_clear_object (&self->accounts);
  g_clear_object (&self->saved_albums);
  g_clear_object (&self->saved_songs);
  g_clear_object (&self->all_albums);
  g_clear_object (&self->all_songs);
  g_clear_object (&self->album_parts);
  g_clear_object (&self->song_parts);

  G_OBJECT_CLASS (fanfare_library_page_parent_class)->dispose (object);
}

static void
fanfare_library_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FanfareLibraryPage *self = FANFARE_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_library_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FanfareLibraryPage *self = FANFARE_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      fanfare_library_page_set_library (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_library_page_class_init (FanfareLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_library_page_dispose;
  object_class->get_property = fanfare_library_page_get_property;
  object_class->set_property = fanfare_library_page_set_property;

  /**
   * FanfareLibraryPage:library:
   *
   * The library shown.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         FANFARE_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, scan_revealer);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, scan_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, scan_progress);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, album_grid);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, artist_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, song_view);
  gtk_widget_class_bind_template_child (widget_class, FanfareLibraryPage, genre_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_library_page_album_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_library_page_artist_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_library_page_song_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_library_page_genre_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_library_page_view_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "librarypage");

  gtk_widget_class_install_action (widget_class, "library.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "library.open-music-folder", NULL, open_music_folder_action);
  gtk_widget_class_install_action (widget_class, "library.show-problems", NULL, show_problems_action);
}

static void
fanfare_library_page_init (FanfareLibraryPage *self)
{
  g_autoptr(GtkListItemFactory) albums = fanfare_album_tile_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) artists = factory_new (G_CALLBACK (artist_setup_cb), G_CALLBACK (artist_bind_cb));
  g_autoptr(GtkListItemFactory) genres = factory_new (G_CALLBACK (genre_setup_cb), G_CALLBACK (genre_bind_cb));
  g_autoptr(GtkColumnViewColumn) artist_column = NULL;
  g_autofree char *view = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* What the user saved from the platform comes first, then their own. */
  self->album_parts = g_list_store_new (G_TYPE_LIST_MODEL);
  self->song_parts = g_list_store_new (G_TYPE_LIST_MODEL);
  self->all_albums = G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->album_parts))));
  self->all_songs = G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->song_parts))));

  self->settings = g_settings_new (BASE_APP_ID);
  view = g_settings_get_string (self->settings, "library-view");
  adw_view_stack_set_visible_child_name (self->view_stack, view);

  gtk_grid_view_set_factory (self->album_grid, albums);
  gtk_list_view_set_factory (self->artist_list, artists);
  gtk_list_view_set_factory (self->genre_list, genres);
  add_song_columns (self);
  fanfare_track_menu_attach (GTK_WIDGET (self->song_view));

  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->probe_a, "page", self);
  g_signal_connect (self, "map", G_CALLBACK (attach_shown_list), NULL);
  g_signal_connect (self, "map", G_CALLBACK (report_drawn), NULL);

  /* Show which column the songs are sorted by: the order they are read in. */
  artist_column = g_list_model_get_item (gtk_column_view_get_columns (self->song_view), 1);
  gtk_column_view_sort_by_column (self->song_view, artist_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->song_view), "changed",
                           G_CALLBACK (song_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.show-problems", FALSE);
  gtk_stack_set_visible_child_name (self->state_stack, "content");
}

/**
 * fanfare_library_page_get_library:
 * @self: a #FanfareLibraryPage
 *
 * Returns: (transfer none) (nullable): the library shown
 */
FanfareLibrary *
fanfare_library_page_get_library (FanfareLibraryPage *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_PAGE (self), NULL);

  return self->library;
}

/**
 * fanfare_library_page_set_library:
 * @self: a #FanfareLibraryPage
 * @library: (nullable): the library to show, open or still opening
 */
void
fanfare_library_page_set_library (FanfareLibraryPage *self,
                                  FanfareLibrary     *library)
{
  FanfareLibraryScanner *scanner;

  g_return_if_fail (FANFARE_IS_LIBRARY_PAGE (self));
  g_return_if_fail (library == NULL || FANFARE_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->library, self);
      g_signal_handlers_disconnect_by_data (fanfare_library_get_scanner (self->library), self);
      g_signal_handlers_disconnect_by_data (fanfare_library_get_problems (self->library), self);
    }

  if (self->album_grid != NULL)
    {
      gtk_grid_view_set_model (self->album_grid, NULL);
      gtk_list_view_set_model (self->artist_list, NULL);
      gtk_column_view_set_model (self->song_view, NULL);
      gtk_list_view_set_model (self->genre_list, NULL);
    }
  g_clear_object (&self->albums);
  g_clear_object (&self->artists);
  g_clear_object (&self->songs);
  g_clear_object (&self->genres);
  g_set_object (&self->library, library);

  if (library != NULL)
    {
      scanner = fanfare_library_get_scanner (library);
      g_signal_connect_swapped (library, "notify::open", G_CALLBACK (create_lists), self);
      g_signal_connect_swapped (scanner, "notify::scanning", G_CALLBACK (update_scan), self);
      g_signal_connect_swapped (scanner, "notify::files-found", G_CALLBACK (update_scan), self);
      g_signal_connect_swapped (scanner, "notify::files-done", G_CALLBACK (update_scan), self);
      g_signal_connect_swapped (fanfare_library_get_problems (library), "items-changed",
                                G_CALLBACK (update_problems), self);
      create_lists (self);
      update_scan (self);
      update_problems (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/* Shows the saved albums and songs of the active client, in front. */
static void
client_changed_cb (FanfareLibraryPage *self)
{
  FanfareClient *client = fanfare_account_manager_get_client (self->accounts);
  GListModel *albums = client != NULL ? fanfare_client_get_saved_albums (client) : NULL;
  GListModel *songs = client != NULL ? fanfare_client_get_saved_tracks (client) : NULL;

  if (self->saved_albums == albums)
    return;

  if (self->saved_albums != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->saved_albums, self);
      g_signal_handlers_disconnect_by_data (self->saved_songs, self);
      g_list_store_remove (self->album_parts, 0);
      g_list_store_remove (self->song_parts, 0);
    }
  g_set_object (&self->saved_albums, albums);
  g_set_object (&self->saved_songs, songs);
  if (albums != NULL)
    {
      g_list_store_insert (self->album_parts, 0, albums);
      g_list_store_insert (self->song_parts, 0, songs);
      g_signal_connect_swapped (albums, "items-changed", G_CALLBACK (update_state), self);
      g_signal_connect_swapped (songs, "items-changed", G_CALLBACK (update_state), self);
    }
  update_state (self);
}

/**
 * fanfare_library_page_set_accounts:
 *
 * Shows what the active account saved from the platform beside the local
 * library.
 */
void
fanfare_library_page_set_accounts (FanfareLibraryPage    *self,
                                   FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_LIBRARY_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}
