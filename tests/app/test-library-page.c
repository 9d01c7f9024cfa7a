/* test-library-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library the way a person meets it, in the real application under
 * Xvfb with a real Music folder: empty at first, then filled by albums that
 * arrive while the window is open; albums, songs sorted by a column, an
 * album's page that plays from the track picked, the menu of a track, the
 * Search page, the files that could not be added, the player bar's links,
 * and a folder added and taken out again. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "fanfare-album-page.h"
#include "fanfare-album-tile.h"
#include "fanfare-application.h"
#include "fanfare-artist-page.h"
#include "fanfare-library-page.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-preferences-window.h"
#include "fanfare-problems-page.h"
#include "fanfare-search-page.h"
#include "fanfare-test-app.h"
#include "fanfare-test-audio.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-row.h"
#include "fanfare-window.h"

typedef struct {
  const char *album;
  const char *artist;
  const char *genre;
  guint       year;
  guint32     color;
  const char *titles[4];
} Album;

/* Track numbers run in the order of the titles; the titles are not in
 * alphabetical order, so that the album's order shows. */
static const Album albums[] = {
  { "Blue Hour", "Mira Vale", "Jazz", 2018, 0x3c096cff, { "Paper Glass", "Harbor Echo", "Amber Night", NULL } },
  { "Coastline", "Northern Sky", "Electronic", 2021, 0x468fafff, { "Night Glass", "Drift Signal", NULL } },
  { "夜空中最亮的星", "逃跑计划", "Rock", 2011, 0x6a040fff, { "夜空中最亮的星", "一万次悲伤", NULL } },
};

static const Album extra = {
  "Kitchen Radio", "The Lanterns", "Folk", 2015, 0xbc6c25ff, { "River Morning", NULL },
};

#define N_TRACKS 7

static FanfareApplication *app;
static FanfarePlayer *player;
static FanfareWindow *window;
static char *scratch;
static char *music_dir;

static void
write_album (const char  *folder,
             const Album *album)
{
  g_autofree char *dir = g_build_filename (folder, album->artist, album->album, NULL);
  g_autoptr(GBytes) cover = fanfare_test_make_cover (album->color);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; album->titles[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.flac", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GstTagList) tags = NULL;
      g_autoptr(GstDateTime) date = gst_date_time_new_y (album->year);

      tags = gst_tag_list_new (GST_TAG_TITLE, album->titles[i],
                               GST_TAG_ARTIST, album->artist,
                               GST_TAG_ALBUM, album->album,
                               GST_TAG_GENRE, album->genre,
                               GST_TAG_TRACK_NUMBER, i + 1,
                               GST_TAG_DATE_TIME, date,
                               NULL);
      fanfare_test_write_tagged_flac (path, 3, tags, cover);
    }
}

static FanfareNavigationStack *
navigation (void)
{
  return FANFARE_NAVIGATION_STACK (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NAVIGATION_STACK));
}

static GtkWidget *
library_page (void)
{
  return fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_LIBRARY_PAGE);
}

static GtkWidget *
find_in_library_page (GType  type)
{
  GtkWidget *found = fanfare_test_find_widget (library_page (), type);

  g_assert_nonnull (found);

  return found;
}

static GListModel *
view_model (GtkWidget *view)
{
  GtkSelectionModel *selection = NULL;

  if (GTK_IS_GRID_VIEW (view))
    selection = gtk_grid_view_get_model (GTK_GRID_VIEW (view));
  else if (GTK_IS_LIST_VIEW (view))
    selection = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  else if (GTK_IS_COLUMN_VIEW (view))
    selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  return G_LIST_MODEL (selection);
}

/* The library's own list in a view's model, behind what was saved from
 * the platform. */
static FanfareLibraryModel *
local_model (GListModel *model)
{
  GListModel *parts;
  g_autoptr(GObject) last = NULL;

  if (!GTK_IS_FLATTEN_LIST_MODEL (model))
    return FANFARE_LIBRARY_MODEL (model);

  parts = gtk_flatten_list_model_get_model (GTK_FLATTEN_LIST_MODEL (model));
  last = g_list_model_get_item (parts, g_list_model_get_n_items (parts) - 1);

  return FANFARE_LIBRARY_MODEL (last);
}

typedef struct {
  GtkWidget *view;
  guint      n;
} CountWait;

static gboolean
view_has_n (gpointer  data)
{
  CountWait *wait = data;
  GListModel *model = view_model (wait->view);

  return model != NULL && g_list_model_get_n_items (model) == wait->n;
}

static void
wait_for_items (GtkWidget *view,
                guint      n)
{
  CountWait wait = { view, n };

  if (!fanfare_test_wait_for (view_has_n, &wait, 20000))
    g_error ("%s never held %u items", G_OBJECT_TYPE_NAME (view), n);
}

static const char *
state_of_library_page (void)
{
  GtkStack *state_stack = GTK_STACK (find_in_library_page (GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (state_stack);
}

static gboolean
library_is_empty (gpointer  data)
{
  return g_strcmp0 (state_of_library_page (), "empty") == 0;
}

static GtkWidget *
visible_page (void)
{
  return fanfare_navigation_stack_get_visible_page (navigation ());
}

static gboolean
page_of_type_shown (gpointer  data)
{
  GtkWidget *page = visible_page ();

  return G_TYPE_CHECK_INSTANCE_TYPE (page, GPOINTER_TO_SIZE (data)) && gtk_widget_get_mapped (page);
}

static gboolean
pages_at_rest (gpointer  data)
{
  GtkStack *stack = GTK_STACK (fanfare_test_find_widget (GTK_WIDGET (navigation ()), GTK_TYPE_STACK));

  return !gtk_stack_get_transition_running (stack);
}

/* Until the page has slid into place, as a person would wait. */
static void
wait_for_pages_at_rest (void)
{
  g_assert_true (fanfare_test_wait_for (pages_at_rest, NULL, 0));
}

static GtkWidget *
wait_for_page (GType  type)
{
  if (!fanfare_test_wait_for (page_of_type_shown, GSIZE_TO_POINTER (type), 0))
    g_error ("No %s came up", g_type_name (type));
  wait_for_pages_at_rest ();

  return visible_page ();
}

static void
go_back_to_root (void)
{
  while (fanfare_navigation_stack_get_depth (navigation ()) > 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  wait_for_pages_at_rest ();
}

static const char *
current_title (void)
{
  FanfareTrack *track = fanfare_player_get_current_track (player);

  return track != NULL ? fanfare_track_get_title (track) : NULL;
}

static gboolean
current_is (gpointer  data)
{
  return g_strcmp0 (current_title (), data) == 0;
}

static void
wait_for_current (const char *title)
{
  if (!fanfare_test_wait_for (current_is, (gpointer) title, 0))
    g_error ("“%s” never played; the current track is “%s”", title, current_title ());
}

static guint
queue_length (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fanfare_player_get_queue (player)));
}

static guint
find_album (GListModel *model,
            const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FanfareAlbum) album = g_list_model_get_item (model, i);

      if (g_strcmp0 (fanfare_album_get_title (album), title) == 0)
        return i;
    }

  g_error ("No album “%s” in the list", title);
}

static void
test_empty_then_filled (void)
{
  g_autofree char *staging = g_build_filename (scratch, "staging", NULL);
  g_autofree char *broken = g_build_filename (music_dir, "broken.mp3", NULL);
  GtkWidget *grid;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library"));

  /* An empty Music folder: the page says where music comes from. */
  g_assert_true (fanfare_test_wait_for (library_is_empty, NULL, 0));
  fanfare_test_assert_label_shown (library_page (), "Your Library");
  fanfare_test_assert_buttons_labelled (library_page ());
  fanfare_test_save_screenshot (GTK_WIDGET (window), "library-empty");

  /* Albums copied in while the window is open come in without a rescan:
   * the library watches the folder after its first scan. */
  for (guint i = 0; i < G_N_ELEMENTS (albums); i++)
    write_album (staging, &albums[i]);
  for (guint i = 0; i < G_N_ELEMENTS (albums); i++)
    {
      g_autofree char *from = g_build_filename (staging, albums[i].artist, NULL);
      g_autofree char *to = g_build_filename (music_dir, albums[i].artist, NULL);

      g_assert_cmpint (g_rename (from, to), ==, 0);
    }
  g_assert_true (g_file_set_contents (broken, "This is not music.", -1, NULL));

  grid = find_in_library_page (GTK_TYPE_GRID_VIEW);
  wait_for_items (grid, G_N_ELEMENTS (albums));
  g_assert_cmpstr (state_of_library_page (), ==, "content");
}

static void
test_albums (void)
{
  GtkWidget *grid = find_in_library_page (GTK_TYPE_GRID_VIEW);
  GListModel *model = view_model (grid);
  GtkWidget *tile;

  wait_for_items (grid, G_N_ELEMENTS (albums));

  /* By title, each with its artist under it. */
  for (guint i = 0; i < G_N_ELEMENTS (albums); i++)
    {
      g_autoptr(FanfareAlbum) album = g_list_model_get_item (model, i);

      g_assert_cmpstr (fanfare_album_get_title (album), ==, albums[i].album);
      g_assert_cmpstr (fanfare_album_get_artist (album), ==, albums[i].artist);
      g_assert_cmpuint (fanfare_album_get_year (album), ==, albums[i].year);
      fanfare_test_assert_label_shown (grid, albums[i].album);
      fanfare_test_assert_label_shown (grid, albums[i].artist);
    }

  tile = fanfare_test_find_widget (grid, FANFARE_TYPE_ALBUM_TILE);
  g_assert_nonnull (tile);
  g_assert_nonnull (fanfare_album_tile_get_album (FANFARE_ALBUM_TILE (tile)));
  fanfare_test_assert_icons_exist (library_page ());
  fanfare_test_save_screenshot (GTK_WIDGET (window), "library-albums");
}

static void
test_album_page_plays_from_the_track (void)
{
  GtkWidget *grid = find_in_library_page (GTK_TYPE_GRID_VIEW);
  GtkWidget *page;
  GtkListBox *tracks;
  GtkListBoxRow *row;

  fanfare_test_tolerate_playbin_race ();

  g_signal_emit_by_name (grid, "activate", find_album (view_model (grid), "Blue Hour"));
  page = wait_for_page (FANFARE_TYPE_ALBUM_PAGE);
  g_assert_cmpstr (fanfare_navigation_stack_get_title (navigation ()), ==, "Blue Hour");
  fanfare_test_assert_label_shown (page, "Mira Vale");
  fanfare_test_assert_label_shown (page, "2018 · 3 songs");

  /* The album's order, by track number. */
  tracks = GTK_LIST_BOX (fanfare_test_find_widget (page, GTK_TYPE_LIST_BOX));
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *track_row;

      row = gtk_list_box_get_row_at_index (tracks, i);
      g_assert_nonnull (row);
      track_row = gtk_list_box_row_get_child (row);
      g_assert_cmpstr (fanfare_track_get_title (fanfare_track_row_get_track (FANFARE_TRACK_ROW (track_row))),
                       ==, albums[0].titles[i]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (tracks, 3));
  fanfare_test_assert_buttons_labelled (page);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "album-page");

  /* The second track, and the album goes on after it. */
  row = gtk_list_box_get_row_at_index (tracks, 1);
  g_signal_emit_by_name (tracks, "row-activated", row);
  wait_for_current (albums[0].titles[1]);
  g_assert_cmpuint (queue_length (), ==, 3);
  g_assert_cmpint (fanfare_play_queue_get_current (fanfare_player_get_queue (player)), ==, 1);

  /* Back where the user came from. */
  go_back_to_root ();
  g_assert_true (gtk_widget_get_mapped (grid));
}

static FanfareTrack *
song_at (GtkWidget *songs,
         guint      position)
{
  return g_list_model_get_item (view_model (songs), position);
}

typedef struct {
  GtkWidget  *songs;
  const char *title;
} FirstWait;

static gboolean
first_song_is (gpointer  data)
{
  FirstWait *wait = data;
  g_autoptr(FanfareTrack) first = song_at (wait->songs, 0);

  return first != NULL && g_strcmp0 (fanfare_track_get_title (first), wait->title) == 0;
}

static void
test_songs_sort_by_column (void)
{
  AdwViewStack *views = ADW_VIEW_STACK (find_in_library_page (ADW_TYPE_VIEW_STACK));
  GtkWidget *songs = find_in_library_page (GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (songs));
  g_autoptr(GtkColumnViewColumn) title_column = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) length_column = g_list_model_get_item (columns, 4);
  FirstWait wait = { songs, NULL };

  adw_view_stack_set_visible_child_name (views, "songs");
  wait_for_items (songs, N_TRACKS);
  g_assert_cmpstr (gtk_column_view_column_get_title (title_column), ==, "Title");

  /* By artist at first: Mira Vale's album comes first. */
  wait.title = "Paper Glass";
  g_assert_true (fanfare_test_wait_for (first_song_is, &wait, 0));
  fanfare_test_assert_label_shown (library_page (), "Length");

  /* As a click on a column's header does. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (songs), title_column, GTK_SORT_ASCENDING);
  wait.title = "Amber Night";
  g_assert_true (fanfare_test_wait_for (first_song_is, &wait, 0));
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (songs), title_column, GTK_SORT_DESCENDING);
  wait.title = "夜空中最亮的星";
  g_assert_true (fanfare_test_wait_for (first_song_is, &wait, 0));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "library-songs");

  /* By length, shortest first: every track here is as long. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (songs), length_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (fanfare_library_model_get_sort (local_model (
                                                     gtk_single_selection_get_model (GTK_SINGLE_SELECTION (view_model (songs))))),
                   ==, FANFARE_LIBRARY_SORT_DURATION);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (songs), title_column, GTK_SORT_ASCENDING);
  wait.title = "Amber Night";
  g_assert_true (fanfare_test_wait_for (first_song_is, &wait, 0));
}

static GtkWidget *
find_popover (GtkWidget *parent)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;

  return NULL;
}

static GtkWidget *
find_cell (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_INSCRIPTION (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_popover (gpointer  data)
{
  GtkWidget *popover = find_popover (data);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
no_popover (gpointer  data)
{
  return find_popover (data) == NULL;
}

static gboolean
queue_has (gpointer  data)
{
  return queue_length () == GPOINTER_TO_UINT (data);
}

static void
test_track_menu (void)
{
  GtkWidget *songs = find_in_library_page (GTK_TYPE_COLUMN_VIEW);
  g_autoptr(FanfareTrack) first = NULL;
  GtkWidget *popover;
  GtkWidget *cell;
  guint before = queue_length ();

  wait_for_items (songs, N_TRACKS);
  first = song_at (songs, 0);
  g_assert_cmpstr (fanfare_track_get_title (first), ==, "Amber Night");

  /* The cells of a row know its track, for a right click or the Menu key. */
  cell = find_cell (songs, "Amber Night");
  g_assert_nonnull (cell);
  g_assert_true (fanfare_track_menu_find_track (cell) != NULL);
  g_assert_cmpstr (fanfare_track_get_title (fanfare_track_menu_find_track (cell)), ==, "Amber Night");

  /* A right click on the row. */
  fanfare_test_click (cell, 4, 4, 3);
  g_assert_true (fanfare_test_wait_for (has_popover, songs, 0));
  popover = find_popover (songs);
  fanfare_test_assert_label_shown (popover, "Add to Queue");
  fanfare_test_assert_label_shown (popover, "Show in Files");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "track-menu");

  fanfare_test_click (fanfare_test_find_label (popover, "Add to Queue"), 2, 2, 1);
  g_assert_true (fanfare_test_wait_for (queue_has, GUINT_TO_POINTER (before + 1), 0));
  {
    FanfareTrack *last = fanfare_play_queue_get_track (fanfare_player_get_queue (player), before);

    g_assert_cmpstr (fanfare_track_get_title (last), ==, "Amber Night");
  }
  /* The menu closes once it has done its work. */
  g_assert_true (fanfare_test_wait_for (no_popover, songs, 0));

  /* Its album, from the same menu. */
  fanfare_track_menu_popup (songs, first, 200, 200);
  popover = find_popover (songs);
  g_assert_true (gtk_widget_activate_action (popover, "track.go-to-album", NULL));
  wait_for_page (FANFARE_TYPE_ALBUM_PAGE);
  g_assert_cmpstr (fanfare_navigation_stack_get_title (navigation ()), ==, "Blue Hour");
  gtk_popover_popdown (GTK_POPOVER (popover));
  go_back_to_root ();
}

static const char *
search_state (GtkWidget *search_page)
{
  GtkStack *results = GTK_STACK (fanfare_test_find_widget (search_page, GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (results);
}

typedef struct {
  GtkWidget  *page;
  const char *state;
} StateWait;

static gboolean
search_state_is (gpointer  data)
{
  StateWait *wait = data;

  return g_strcmp0 (search_state (wait->page), wait->state) == 0;
}

static void
test_search (void)
{
  GtkWidget *page = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_SEARCH_PAGE);
  GtkWidget *entry = fanfare_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY);
  StateWait wait = { page, "results" };

  fanfare_test_tolerate_playbin_race ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  g_assert_cmpstr (search_state (page), ==, "start");

  /* A word anywhere, in any case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "GLASS");
  g_assert_true (fanfare_test_wait_for (search_state_is, &wait, 0));
  fanfare_test_assert_label_shown (page, "Paper Glass");
  fanfare_test_assert_label_shown (page, "Night Glass");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "search-library");

  /* Chinese, by part of a title. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "悲伤");
  fanfare_test_assert_label_shown (page, "一万次悲伤");

  wait.state = "none";
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  g_assert_true (fanfare_test_wait_for (search_state_is, &wait, 0));

  /* Enter plays the first song found. */
  wait.state = "results";
  gtk_editable_set_text (GTK_EDITABLE (entry), "drift");
  g_assert_true (fanfare_test_wait_for (search_state_is, &wait, 0));
  g_signal_emit_by_name (entry, "activate");
  wait_for_current ("Drift Signal");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait.state = "start";
  g_assert_true (fanfare_test_wait_for (search_state_is, &wait, 0));
}

static void
test_player_bar_links (void)
{
  GtkWidget *page;

  /* "Drift Signal" plays, from the search. */
  g_assert_cmpstr (current_title (), ==, "Drift Signal");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-playing-artist", NULL));
  page = wait_for_page (FANFARE_TYPE_ARTIST_PAGE);
  g_assert_cmpstr (fanfare_artist_get_name (fanfare_artist_page_get_artist (FANFARE_ARTIST_PAGE (page))),
                   ==, "Northern Sky");
  fanfare_test_assert_label_shown (page, "Coastline");
  fanfare_test_assert_label_shown (page, "1 album");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "artist-page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-playing-album", NULL));
  page = wait_for_page (FANFARE_TYPE_ALBUM_PAGE);
  g_assert_cmpstr (fanfare_album_get_title (fanfare_album_page_get_album (FANFARE_ALBUM_PAGE (page))),
                   ==, "Coastline");
  g_assert_cmpuint (fanfare_navigation_stack_get_depth (navigation ()), ==, 2);

  /* Escape goes back a page at a time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpuint (fanfare_navigation_stack_get_depth (navigation ()), ==, 1);
  go_back_to_root ();
}

static void
test_problems (void)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library"));
  fanfare_test_assert_label_shown (library_page (), "1 file could not be added to your library");

  g_assert_true (gtk_widget_activate_action (library_page (), "library.show-problems", NULL));
  page = wait_for_page (FANFARE_TYPE_PROBLEMS_PAGE);
  fanfare_test_assert_label_shown (page, "broken.mp3");
  fanfare_test_assert_label_shown (page, music_dir);
  fanfare_test_assert_buttons_labelled (page);
  fanfare_test_save_screenshot (GTK_WIDGET (window), "library-problems");
  go_back_to_root ();
}

static guint
count_folder_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) && gtk_widget_get_mapped (root) &&
            gtk_widget_get_first_child (root) != NULL &&
            fanfare_test_find_widget (root, GTK_TYPE_IMAGE) != NULL &&
            g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (fanfare_test_find_widget (root, GTK_TYPE_IMAGE))),
                       "folder-music-symbolic") == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_folder_rows (child);

  return n;
}

static void
test_folder_added_and_removed (void)
{
  g_autofree char *folder_path = g_build_filename (scratch, "More Music", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  FanfareLibrary *library = fanfare_application_get_library (app);
  GtkWidget *grid = find_in_library_page (GTK_TYPE_GRID_VIEW);
  AdwViewStack *views = ADW_VIEW_STACK (find_in_library_page (ADW_TYPE_VIEW_STACK));
  FanfarePreferencesWindow *preferences;

  adw_view_stack_set_visible_child_name (views, "albums");
  write_album (folder_path, &extra);

  /* What the folder chooser does with the folder the user picked. */
  fanfare_library_add_folder (library, folder);
  wait_for_items (grid, G_N_ELEMENTS (albums) + 1);
  fanfare_test_assert_label_shown (grid, "Kitchen Radio");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = FANFARE_PREFERENCES_WINDOW (fanfare_test_find_toplevel (FANFARE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  fanfare_test_wait_mapped (GTK_WIDGET (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "library");
  fanfare_test_assert_label_shown (GTK_WIDGET (preferences), "More Music");
  fanfare_test_assert_label_shown (GTK_WIDGET (preferences), "Your Music folder");
  g_assert_cmpuint (count_folder_rows (GTK_WIDGET (preferences)), ==, 2);
  fanfare_test_save_screenshot (GTK_WIDGET (preferences), "preferences-library");

  /* Taken out, its albums leave the library. */
  fanfare_library_remove_folder (library, folder);
  wait_for_items (grid, G_N_ELEMENTS (albums));
  g_assert_cmpuint (count_folder_rows (GTK_WIDGET (preferences)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before GLib reads them for the first time: the Music folder is the
   * test's own. */
  scratch = fanfare_test_use_private_dirs ();
  music_dir = fanfare_test_use_music_dir (scratch);
  g_setenv ("FANFARE_AUDIO_SINK", "fakesink sync=true", TRUE);

  fanfare_test_init_gtk (&argc, &argv);
  gst_init (&argc, &argv);

  app = fanfare_test_app_new ();
  player = fanfare_application_get_player (app);

  window = fanfare_test_app_open_window (app, 0, 0);

  g_test_add_func ("/app/library/empty-then-filled", test_empty_then_filled);
  g_test_add_func ("/app/library/albums", test_albums);
  g_test_add_func ("/app/library/album-page-plays-from-the-track", test_album_page_plays_from_the_track);
  g_test_add_func ("/app/library/songs-sort-by-column", test_songs_sort_by_column);
  g_test_add_func ("/app/library/track-menu", test_track_menu);
  g_test_add_func ("/app/library/search", test_search);
  g_test_add_func ("/app/library/player-bar-links", test_player_bar_links);
  g_test_add_func ("/app/library/problems", test_problems);
  g_test_add_func ("/app/library/folder-added-and-removed", test_folder_added_and_removed);

  ret = g_test_run ();

  fanfare_player_stop (player);
  fanfare_test_app_quit (app);
  fanfare_test_rm_rf (scratch);
  g_free (scratch);
  g_free (music_dir);

  return ret;
}
