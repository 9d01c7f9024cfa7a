/* fanfare-preferences-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences act on GSettings through the app.* actions that
 * g_settings_create_action() makes, or through bindings, so the window
 * holds no state of its own. */

#include "config.h"

#include "fanfare-preferences-window.h"

struct _FanfarePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow *replay_gain_row;
};

/* The rows of the loudness choice, in the order of the .ui file. */
static const char * const replay_gain_modes[] = { "off", "track", "album" };

G_DEFINE_FINAL_TYPE (FanfarePreferencesWindow, fanfare_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
replay_gain_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *mode = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (replay_gain_modes); i++)
    if (g_str_equal (mode, replay_gain_modes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
replay_gain_set_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (replay_gain_modes) ? g_variant_new_string (replay_gain_modes[i]) : NULL;
}

static void
fanfare_preferences_window_class_init (FanfarePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePreferencesWindow, replay_gain_row);
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
  FanfarePreferencesWindow *self;

  g_return_val_if_fail (FANFARE_IS_APPLICATION (application), NULL);

  self = g_object_new (FANFARE_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       NULL);
  g_settings_bind_with_mapping (fanfare_application_get_settings (application), "replay-gain",
                                self->replay_gain_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                replay_gain_get_mapping, replay_gain_set_mapping, NULL, NULL);

  return self;
}
