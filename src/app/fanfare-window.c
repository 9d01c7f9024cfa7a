/* fanfare-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-pages.h"
#include "fanfare-player-bar.h"
#include "fanfare-sidebar-row.h"
#include "fanfare-window.h"

struct _FanfareWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationSplitView *split_view;
#else
  AdwLeaflet             *leaflet;
  GtkWidget              *content_pane;
#endif
  AdwToastOverlay        *toast_overlay;
  GtkListBox             *sidebar_list;
  FanfarePages           *pages;
  FanfarePlayerBar       *player_bar;

  /* Owned references */
  GSettings *settings;

  /* State */
  gulong first_frame_handler;
};

G_DEFINE_FINAL_TYPE (FanfareWindow, fanfare_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
fanfare_window_is_folded (FanfareWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  return adw_navigation_split_view_get_collapsed (self->split_view);
#else
  return adw_leaflet_get_folded (self->leaflet);
#endif
}

/* Shows the content rather than the sidebar; it only matters when the
 * window is too narrow to show both. */
static void
fanfare_window_show_content (FanfareWindow *self,
                             gboolean       show_content)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_navigation_split_view_set_show_content (self->split_view, show_content);
#else
  if (show_content)
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
#endif
}

static void
fanfare_window_select_row_for_page (FanfareWindow *self,
                                    const char    *name)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL)
        break;

      if (g_strcmp0 (fanfare_sidebar_row_get_page_name (FANFARE_SIDEBAR_ROW (row)), name) == 0)
        {
          if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
            gtk_list_box_select_row (self->sidebar_list, row);
          break;
        }
    }
}

static GtkWidget *
fanfare_window_create_row (gpointer  item,
                           gpointer  user_data)
{
  return fanfare_sidebar_row_new (GTK_STACK_PAGE (item));
}

static void
fanfare_window_visible_page_changed_cb (FanfareWindow *self)
{
  const char *name;

  g_assert (FANFARE_IS_WINDOW (self));

  name = fanfare_pages_get_visible_page (self->pages);
  fanfare_window_select_row_for_page (self, name);
  g_settings_set_string (self->settings, "last-page", name);
}

static void
fanfare_window_row_selected_cb (FanfareWindow *self,
                                GtkListBoxRow *row)
{
  g_assert (FANFARE_IS_WINDOW (self));

  if (row != NULL)
    fanfare_pages_set_visible_page (self->pages,
                                    fanfare_sidebar_row_get_page_name (FANFARE_SIDEBAR_ROW (row)));
}

static void
fanfare_window_row_activated_cb (FanfareWindow *self,
                                 GtkListBoxRow *row)
{
  g_assert (FANFARE_IS_WINDOW (self));

  fanfare_window_row_selected_cb (self, row);
  fanfare_window_show_content (self, TRUE);
}

static void
fanfare_window_folded_changed_cb (FanfareWindow *self)
{
  g_assert (FANFARE_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 fanfare_window_is_folded (self));
}

static void
fanfare_window_after_paint_cb (GdkFrameClock *frame_clock,
                               FanfareWindow *self)
{
  g_assert (FANFARE_IS_WINDOW (self));

  /* Benchmarks time start-up up to this line. */
  g_debug ("First frame drawn");

  g_clear_signal_handler (&self->first_frame_handler, frame_clock);
}

static void
fanfare_window_show_page_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!fanfare_pages_set_visible_page (self->pages, name))
    {
      g_debug ("There is no page called “%s”", name);
      return;
    }

  fanfare_window_show_content (self, TRUE);
}

static void
fanfare_window_search_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);

  fanfare_window_show_content (self, TRUE);
  fanfare_pages_focus_search (self->pages);
}

static void
fanfare_window_go_back_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  fanfare_window_show_content (FANFARE_WINDOW (widget), FALSE);
}

static void
fanfare_window_save_state (FanfareWindow *self)
{
  int width, height;

  g_assert (FANFARE_IS_WINDOW (self));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
fanfare_window_close_request (GtkWindow *window)
{
  fanfare_window_save_state (FANFARE_WINDOW (window));

  return GTK_WINDOW_CLASS (fanfare_window_parent_class)->close_request (window);
}

static void
fanfare_window_realize (GtkWidget *widget)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (fanfare_window_parent_class)->realize (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  self->first_frame_handler =
    g_signal_connect (frame_clock, "after-paint",
                      G_CALLBACK (fanfare_window_after_paint_cb), self);
}

static void
fanfare_window_unrealize (GtkWidget *widget)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);

  g_clear_signal_handler (&self->first_frame_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (fanfare_window_parent_class)->unrealize (widget);
}

static void
fanfare_window_dispose (GObject *object)
{
  FanfareWindow *self = FANFARE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fanfare_window_parent_class)->dispose (object);
}

static void
fanfare_window_class_init (FanfareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fanfare_window_dispose;

  widget_class->realize = fanfare_window_realize;
  widget_class->unrealize = fanfare_window_unrealize;

  window_class->close_request = fanfare_window_close_request;

  g_type_ensure (FANFARE_TYPE_PAGES);
  g_type_ensure (FANFARE_TYPE_PLAYER_BAR);

#if ADW_CHECK_VERSION (1, 4, 0)
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/app/fanfare-window-split.ui");
#else
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/app/fanfare-window.ui");
#endif
#if ADW_CHECK_VERSION (1, 4, 0)
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, split_view);
#else
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, content_pane);
#endif
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, player_bar);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", fanfare_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, fanfare_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, fanfare_window_go_back_action);
}

static void
fanfare_window_init (FanfareWindow *self)
{
  g_autoptr(GListModel) pages = NULL;
  g_autofree char *last_page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (BASE_APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  pages = fanfare_pages_get_pages (self->pages);
  gtk_list_box_bind_model (self->sidebar_list, pages,
                           fanfare_window_create_row, NULL, NULL);

  last_page = g_settings_get_string (self->settings, "last-page");
  fanfare_pages_set_visible_page (self->pages, last_page);
  fanfare_window_select_row_for_page (self, fanfare_pages_get_visible_page (self->pages));
  g_signal_connect_object (self->pages, "notify::visible-page",
                           G_CALLBACK (fanfare_window_visible_page_changed_cb), self,
                           G_CONNECT_SWAPPED);

  fanfare_window_folded_changed_cb (self);
}

/**
 * fanfare_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new main window, owned by @application
 */
FanfareWindow *
fanfare_window_new (FanfareApplication *application)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (application), NULL);

  return g_object_new (FANFARE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * fanfare_window_get_visible_page:
 * @self: a #FanfareWindow
 *
 * Returns: (nullable): the name of the page on show
 */
const char *
fanfare_window_get_visible_page (FanfareWindow *self)
{
  g_return_val_if_fail (FANFARE_IS_WINDOW (self), NULL);

  return fanfare_pages_get_visible_page (self->pages);
}

/**
 * fanfare_window_add_toast:
 * @self: a #FanfareWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the window's content.
 */
void
fanfare_window_add_toast (FanfareWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (FANFARE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
