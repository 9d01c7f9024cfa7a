/* fanfare-preferences-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences act on GSettings through the app.* actions that
 * g_settings_create_action() makes, so the window holds no state. */

#include "config.h"

#include "fanfare-preferences-window.h"

struct _FanfarePreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (FanfarePreferencesWindow, fanfare_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
fanfare_preferences_window_class_init (FanfarePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-preferences-window.ui");
}

static void
fanfare_preferences_window_init (FanfarePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fanfare_preferences_window_new:
 * @application: the application whose preferences to show
 *
 * Returns: (transfer none): a new preferences window, owned by @application
 */
FanfarePreferencesWindow *
fanfare_preferences_window_new (FanfareApplication *application)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (application), NULL);

  return g_object_new (FANFARE_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       NULL);
}
