/* fanfare-search-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Search page. As the user types (after the entry's short pause), the
 * library's search list looks again in a worker thread; a search still
 * running when the text changes is followed by the new one, and only the
 * latest text's results are shown. The platform is searched at the same
 * time, its request cancelled when the text changes. The page shows the
 * first results of each source and opens the library's rest on a page of
 * their own. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-tile.h"
#include "fanfare-application.h"
#include "fanfare-navigate.h"
#include "fanfare-search-page.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-row.h"

/* How many tracks of a source the page shows before "Show All". */
#define N_SHOWN 8
/* How many results the platform is asked for. */
#define N_PLATFORM 30

struct _FanfareSearchPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkSearchEntry *search_entry;
  GtkStack       *results_stack;
  GtkButton      *show_all_button;
  GtkListBox     *library_list;
  GtkWidget      *library_section;
  GtkWidget      *platform_section;
  GtkListBox     *platform_list;
  GtkFlowBox     *platform_albums_box;
  GtkListBox     *platform_artists_list;
  GtkWidget      *platform_tracks_label;
  GtkWidget      *platform_albums_label;
  GtkWidget      *platform_artists_label;

  /* Owned references */
  FanfareAccountManager *accounts;
  GCancellable          *platform_cancellable;
  GListStore            *platform_tracks;
  GListStore            *platform_albums;
  GListStore            *platform_artists;
  FanfareLibrary        *library;
  FanfareLibraryModel   *library_results;
  GtkSliceListModel     *library_shown;
};

G_DEFINE_FINAL_TYPE (FanfareSearchPage, fanfare_search_page, GTK_TYPE_WIDGET)

static const char *
search_text (FanfareSearchPage * self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static guint
n_platform_results (FanfareSearchPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->platform_tracks)) +
         g_list_model_get_n_items (G_LIST_MODEL (self->platform_albums)) +
         g_list_model_get_n_items (G_LIST_MODEL (self->platform_artists));
}

static void
update_platform_section (FanfareSearchPage *self)
{
  guint n_tracks = g_list_model_get_n_items (G_LIST_MODEL (self->platform_tracks));
  guint n_albums = g_list_model_get_n_items (G_LIST_MODEL (self->platform_albums));
  guint n_artists = g_list_model_get_n_items (G_LIST_MODEL (self->platform_artists));

  gtk_widget_set_visible (self->platform_section, n_tracks + n_albums + n_artists > 0);
  gtk_widget_set_visible (self->platform_tracks_label, n_tracks > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->platform_list), n_tracks > 0);
  gtk_widget_set_visible (self->platform_albums_label, n_albums > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->platform_albums_box), n_albums > 0);
  gtk_widget_set_visible (self->platform_artists_label, n_artists > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->platform_artists_list), n_artists > 0);
}

static void
update_results (FanfareSearchPage *self)
{
  g_autofree char *show_all = NULL;
  guint n = 0;
  guint n_platform = n_platform_results (self);
  gboolean loading = self->platform_cancellable != NULL;
  g_autofree char *text = g_strstrip (g_strdup (search_text (self)));

  if (self->library_results != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->library_results));
      loading |= fanfare_library_model_get_loading (self->library_results);
    }

  show_all = g_strdup_printf (ngettext ("Show All %u Song", "Show All %u Songs", n), n);
  gtk_button_set_label (self->show_all_button, show_all);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), n > N_SHOWN);
  gtk_widget_set_visible (self->library_section, n > 0);
  update_platform_section (self);

  if (text[0] == '\0')
    gtk_stack_set_visible_child_name (self->results_stack, "start");
  else if (n > 0 || n_platform > 0)
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  else if (!loading)
    gtk_stack_set_visible_child_name (self->results_stack, "none");
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
platform_results_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(FanfareSearchPage) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) albums = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) artists = g_ptr_array_new_with_free_func (g_object_unref);

  results = fanfare_client_search_finish (FANFARE_CLIENT (object), result, &error);
  /* A newer search replaced this one: its results are the ones to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->platform_cancellable);
  if (results == NULL)
    g_debug ("Search on the platform failed: %s", error->message);

  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      GObject *item = g_list_model_get_item (results, i);

      if (FANFARE_IS_TRACK (item))
        g_ptr_array_add (tracks, item);
      else if (FANFARE_IS_ALBUM (item))
        g_ptr_array_add (albums, item);
      else if (FANFARE_IS_ARTIST (item))
        g_ptr_array_add (artists, item);
      else
        g_object_unref (item);
    }

  if (tracks->len > N_SHOWN)
    g_ptr_array_set_size (tracks, N_SHOWN);
  replace_all (self->platform_tracks, tracks);
  replace_all (self->platform_albums, albums);
  replace_all (self->platform_artists, artists);
  update_results (self);
}

static void
search_platform (FanfareSearchPage *self)
{
  FanfareClient *client = self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
  g_autofree char *text = g_strstrip (g_strdup (search_text (self)));
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_cancellable_cancel (self->platform_cancellable);
  g_clear_object (&self->platform_cancellable);

  if (client == NULL || text[0] == '\0')
    {
      replace_all (self->platform_tracks, none);
      replace_all (self->platform_albums, none);
      replace_all (self->platform_artists, none);
      return;
    }

  self->platform_cancellable = g_cancellable_new ();
  fanfare_client_search_async (client, text, N_PLATFORM, self->platform_cancellable,
                               platform_results_cb, g_object_ref (self));
}

static void
ensure_library_results (FanfareSearchPage *self)
{
  if (self->library_results != NULL || self->library == NULL || !fanfare_library_get_open (self->library))
    return;

  self->library_results = fanfare_library_search (self->library, search_text (self));
  gtk_slice_list_model_set_model (self->library_shown, G_LIST_MODEL (self->library_results));
  g_signal_connect_object (self->library_results, "items-changed",
                           G_CALLBACK (update_results), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_results, "notify::loading",
                           G_CALLBACK (update_results), self, G_CONNECT_SWAPPED);
}

static void
fanfare_search_page_search_changed_cb (FanfareSearchPage *self)
{
  search_platform (self);
  ensure_library_results (self);
  if (self->library_results != NULL)
    fanfare_library_model_set_search (self->library_results, search_text (self));
  update_results (self);
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *track_row = fanfare_track_row_new (FANFARE_TRACK_ROW_COVER);

  fanfare_track_row_set_track (FANFARE_TRACK_ROW (track_row), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), track_row);

  return row;
}

static void
play (FanfareSearchPage *self,
      FanfareTrack      *track)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  if (FANFARE_IS_APPLICATION (app) && track != NULL)
    fanfare_application_play_track (FANFARE_APPLICATION (app), track, FANFARE_PLAY_NOW);
}

static void
fanfare_search_page_row_activated_cb (FanfareSearchPage *self,
                                      GtkListBoxRow     *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (row);

  if (FANFARE_IS_TRACK_ROW (child))
    play (self, fanfare_track_row_get_track (FANFARE_TRACK_ROW (child)));
}

static void
fanfare_search_page_album_activated_cb (FanfareSearchPage *self,
                                        GtkFlowBoxChild   *child)
{
  GtkWidget *tile = gtk_flow_box_child_get_child (child);

  if (FANFARE_IS_ALBUM_TILE (tile))
    fanfare_navigate_album (GTK_WIDGET (self), fanfare_album_tile_get_album (FANFARE_ALBUM_TILE (tile)));
}

static void
fanfare_search_page_artist_activated_cb (FanfareSearchPage *self,
                                         GtkListBoxRow     *row)
{
  FanfareArtist *artist = g_object_get_data (G_OBJECT (row), "artist");

  if (artist != NULL)
    fanfare_navigate_artist (GTK_WIDGET (self), artist);
}

static GtkWidget *
create_artist_row (gpointer  item,
                   gpointer  user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_artist_get_name (item));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "artist", g_object_ref (item), g_object_unref);

  return row;
}

/* Enter in the entry plays the first song found. */
static void
fanfare_search_page_entry_activated_cb (FanfareSearchPage *self)
{
  g_autoptr(FanfareTrack) first = NULL;

  if (self->library_results == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->library_results)) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->library_results), 0);
  play (self, first);
}

static void
show_all_library_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FanfareSearchPage *self = FANFARE_SEARCH_PAGE (widget);
  g_autoptr(FanfareLibraryModel) all = NULL;
  g_autofree char *title = NULL;

  if (self->library == NULL || !fanfare_library_get_open (self->library))
    return;

  /* A list of its own, which typing more does not change. */
  all = fanfare_library_search (self->library, search_text (self));
  /* Translators: the title of every song a search found, with what was typed */
  title = g_strdup_printf (_("“%s” in Your Library"), search_text (self));
  fanfare_navigate_push (widget, fanfare_track_list_page_new (G_LIST_MODEL (all)), title);
}

static void
fanfare_search_page_dispose (GObject *object)
{
  FanfareSearchPage *self = FANFARE_SEARCH_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_SEARCH_PAGE);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_cancellable_cancel (self->platform_cancellable);
  g_clear_object (&self->platform_cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->platform_tracks);
  g_clear_object (&self->platform_albums);
  g_clear_object (&self->platform_artists);
  g_clear_object (&self->library_shown);
  g_clear_object (&self->library_results);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (fanfare_search_page_parent_class)->dispose (object);
}

static void
fanfare_search_page_class_init (FanfareSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_search_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, library_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, library_section);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_section);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_albums_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_artists_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_tracks_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_albums_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareSearchPage, platform_artists_label);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_search_page_album_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_search_page_artist_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_search_page_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_search_page_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_search_page_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchpage");

  gtk_widget_class_install_action (widget_class, "search.show-all-library", NULL, show_all_library_action);
}

static void
fanfare_search_page_init (FanfareSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->library_shown = gtk_slice_list_model_new (NULL, 0, N_SHOWN);
  gtk_list_box_bind_model (self->library_list, G_LIST_MODEL (self->library_shown), create_row, NULL, NULL);
  fanfare_track_menu_attach (GTK_WIDGET (self->library_list));

  self->platform_tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  self->platform_albums = g_list_store_new (FANFARE_TYPE_ALBUM);
  self->platform_artists = g_list_store_new (FANFARE_TYPE_ARTIST);
  gtk_list_box_bind_model (self->platform_list, G_LIST_MODEL (self->platform_tracks), create_row, NULL, NULL);
  gtk_flow_box_bind_model (self->platform_albums_box, G_LIST_MODEL (self->platform_albums),
                           fanfare_album_tile_new_for_album, NULL, NULL);
  gtk_list_box_bind_model (self->platform_artists_list, G_LIST_MODEL (self->platform_artists),
                           create_artist_row, NULL, NULL);
  fanfare_track_menu_attach (GTK_WIDGET (self->platform_list));
  update_results (self);
}

/**
 * fanfare_search_page_set_library:
 * @self: a #FanfareSearchPage
 * @library: the library to search, open or still opening
 */
void
fanfare_search_page_set_library (FanfareSearchPage *self,
                                 FanfareLibrary    *library)
{
  g_return_if_fail (FANFARE_IS_SEARCH_PAGE (self));
  g_return_if_fail (FANFARE_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  g_signal_connect_swapped (library, "notify::open", G_CALLBACK (fanfare_search_page_search_changed_cb), self);
}

/**
 * fanfare_search_page_focus_entry:
 * @self: a #FanfareSearchPage
 *
 * Puts the keyboard focus in the search entry.
 */
void
fanfare_search_page_focus_entry (FanfareSearchPage *self)
{
  g_return_if_fail (FANFARE_IS_SEARCH_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * fanfare_search_page_set_accounts:
 *
 * Searches the platform of @accounts' active client beside the library.
 */
void
fanfare_search_page_set_accounts (FanfareSearchPage     *self,
                                  FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_SEARCH_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  g_set_object (&self->accounts, accounts);
}

/**
 * fanfare_search_page_search:
 *
 * Searches for @text as if it were typed.
 */
void
fanfare_search_page_search (FanfareSearchPage *self,
                            const char        *text)
{
  g_return_if_fail (FANFARE_IS_SEARCH_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
}
