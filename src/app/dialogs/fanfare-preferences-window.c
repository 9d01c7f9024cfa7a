/* fanfare-preferences-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences act on GSettings through the app.* actions that
 * g_settings_create_action() makes, or through bindings, so the window
 * holds no state of its own. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-folder-chooser.h"
#include "fanfare-preferences-window.h"

struct _FanfarePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow         *replay_gain_row;
  AdwPreferencesGroup *folders_group;

  /* Owned references */
  FanfareLibrary *library;
  GSettings      *settings;
  GPtrArray      *folder_rows;
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
remove_folder_cb (GtkButton                *button,
                  FanfarePreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "folder");
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  fanfare_library_remove_folder (self->library, folder);
}

/* A row for each folder: the Music folder, which the system's settings
 * name, and those the user added, which can be taken out again. */
static void
update_folders (FanfarePreferencesWindow *self)
{
  const char *music = g_get_user_special_dir (G_USER_DIRECTORY_MUSIC);
  g_autofree char *music_path = music != NULL ? g_canonicalize_filename (music, NULL) : NULL;
  g_auto(GStrv) folders = NULL;

  for (guint i = 0; i < self->folder_rows->len; i++)
    adw_preferences_group_remove (self->folders_group, self->folder_rows->pdata[i]);
  g_ptr_array_set_size (self->folder_rows, 0);

  folders = fanfare_library_get_folders (self->library);
  for (guint i = 0; folders[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_filename_display_basename (folders[i]);
      g_autofree char *path = g_filename_display_name (folders[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("folder-music-symbolic"));

      if (g_strcmp0 (folders[i], music_path) == 0)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Your Music folder"));
        }
      else
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Remove From Library"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Remove From Library"), -1);
          g_object_set_data_full (G_OBJECT (button), "folder", g_strdup (folders[i]), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (remove_folder_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      adw_preferences_group_add (self->folders_group, row);
      g_ptr_array_add (self->folder_rows, row);
    }
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FanfarePreferencesWindow *self = FANFARE_PREFERENCES_WINDOW (widget);

  fanfare_choose_library_folder (GTK_WINDOW (self), self->library);
}

static void
fanfare_preferences_window_dispose (GObject *object)
{
  FanfarePreferencesWindow *self = FANFARE_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_pointer (&self->folder_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_preferences_window_parent_class)->dispose (object);
}

static void
fanfare_preferences_window_class_init (FanfarePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePreferencesWindow, replay_gain_row);
  gtk_widget_class_bind_template_child (widget_class, FanfarePreferencesWindow, folders_group);

  gtk_widget_class_install_action (widget_class, "preferences.add-folder", NULL, add_folder_action);
}

static void
fanfare_preferences_window_init (FanfarePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->folder_rows = g_ptr_array_new ();
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

  self->library = g_object_ref (fanfare_application_get_library (application));
  self->settings = g_object_ref (fanfare_application_get_settings (application));
  g_signal_connect_swapped (self->settings, "changed::library-folders", G_CALLBACK (update_folders), self);
  update_folders (self);

  return self;
}
