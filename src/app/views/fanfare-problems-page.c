/* fanfare-problems-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The files a scan could not add to the library, each with the reason in
 * plain words and a way to find the file. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-library-problem.h"
#include "fanfare-problems-page.h"
#include "fanfare-track-menu.h"
#include "fanfare-widget-util.h"

#define PATH_KEY "fanfare-problem-path"

struct _FanfareProblemsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack    *stack;
  GtkListView *list_view;

  /* Owned references */
  GListModel *problems;
};

G_DEFINE_FINAL_TYPE (FanfareProblemsPage, fanfare_problems_page, GTK_TYPE_WIDGET)

static void
update (FanfareProblemsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->problems) > 0 ? "list" : "none");
}

static void
show_clicked_cb (GtkButton *button)
{
  const char *path = g_object_get_data (G_OBJECT (button), PATH_KEY);
  g_autofree char *uri = path != NULL ? g_filename_to_uri (path, NULL, NULL) : NULL;

  if (uri != NULL)
    fanfare_show_in_files (GTK_WIDGET (button), uri);
}

static void
append_label (GtkWidget          *box,
              GtkWidget          *label,
              PangoEllipsizeMode  ellipsize)
{
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), ellipsize);
  gtk_box_append (GTK_BOX (box), label);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  GtkWidget *folder = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("folder-symbolic");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (labels, TRUE);
  append_label (labels, name, PANGO_ELLIPSIZE_MIDDLE);
  append_label (labels, reason, PANGO_ELLIPSIZE_NONE);
  append_label (labels, folder, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (folder, "caption");
  gtk_widget_add_css_class (folder, "dim-label");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show in Files"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show in Files"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (show_clicked_cb), NULL);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  FanfareLibraryProblem *problem = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  GtkWidget *reason = gtk_widget_get_next_sibling (name);
  GtkWidget *folder = gtk_widget_get_next_sibling (reason);
  GtkWidget *button = gtk_widget_get_last_child (box);
  const char *path = fanfare_library_problem_get_path (problem);
  const char *detail = fanfare_library_problem_get_detail (problem);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *display_name = g_filename_display_name (basename);
  g_autofree char *display_dir = g_filename_display_name (dirname);

  gtk_label_set_label (GTK_LABEL (name), display_name);
  /* The reason in plain words; the reader's own words for the curious. */
  gtk_label_set_label (GTK_LABEL (reason), fanfare_library_problem_get_reason (problem));
  fanfare_widget_set_tooltip (reason, detail != NULL && detail[0] != '\0' ? detail : NULL);
  gtk_label_set_label (GTK_LABEL (folder), display_dir);
  g_object_set_data_full (G_OBJECT (button), PATH_KEY, g_strdup (path), g_free);
}

static void
fanfare_problems_page_dispose (GObject *object)
{
  FanfareProblemsPage *self = FANFARE_PROBLEMS_PAGE (object);

  if (self->problems != NULL)
    g_signal_handlers_disconnect_by_data (self->problems, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PROBLEMS_PAGE);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (fanfare_problems_page_parent_class)->dispose (object);
}

static void
fanfare_problems_page_class_init (FanfareProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_problems_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-problems-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareProblemsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareProblemsPage, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_problems_page_init (FanfareProblemsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * fanfare_problems_page_new:
 * @problems: the library's problems, as #FanfareLibraryProblem items
 *
 * Returns: (transfer floating): a page listing @problems as they change
 */
GtkWidget *
fanfare_problems_page_new (GListModel *problems)
{
  FanfareProblemsPage *self;
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (problems), NULL);

  self = g_object_new (FANFARE_TYPE_PROBLEMS_PAGE, NULL);
  self->problems = g_object_ref (problems);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (problems)));
  gtk_list_view_set_model (self->list_view, selection);
  g_signal_connect_swapped (problems, "items-changed", G_CALLBACK (update), self);
  update (self);

  return GTK_WIDGET (self);
}
