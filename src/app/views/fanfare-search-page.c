/* fanfare-search-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Search page. As the user types (after the entry's short pause), the
 * library's search list looks again in a worker thread; a search still
 * running when the text changes is followed by the new one, and only the
 * latest text's results are shown. The page shows the first results of
 * each source and opens the rest on a page of their own. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-navigate.h"
#include "fanfare-search-page.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-row.h"

/* How many tracks of a source the page shows before "Show All". */
#define N_SHOWN 8

struct _FanfareSearchPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkSearchEntry *search_entry;
  GtkStack       *results_stack;
  GtkButton      *show_all_button;
  GtkListBox     *library_list;

  /* Owned references */
  FanfareLibrary      *library;
  FanfareLibraryModel *library_results;
  GtkSliceListModel   *library_shown;
};

G_DEFINE_FINAL_TYPE (FanfareSearchPage, fanfare_search_page, GTK_TYPE_WIDGET)

static const char *
search_text (FanfareSearchPage * self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static void
update_results (FanfareSearchPage *self)
{
  g_autofree char *show_all = NULL;
  guint n = 0;
  gboolean loading = FALSE;
  g_autofree char *text = g_strstrip (g_strdup (search_text (self)));

  if (self->library_results != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->library_results));
      loading = fanfare_library_model_get_loading (self->library_results);
    }

  show_all = g_strdup_printf (ngettext ("Show All %u Song", "Show All %u Songs", n), n);
  gtk_button_set_label (self->show_all_button, show_all);
  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button), n > N_SHOWN);

  if (text[0] == '\0')
    gtk_stack_set_visible_child_name (self->results_stack, "start");
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  else if (!loading)
    gtk_stack_set_visible_child_name (self->results_stack, "none");
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
