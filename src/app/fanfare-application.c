/* fanfare-application.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-library.h"
#include "fanfare-preferences-window.h"
#include "fanfare-window.h"

struct _FanfareApplication
{
  AdwApplication parent_instance;

  /* Owned references */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (FanfareApplication, fanfare_application, ADW_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "window.close", { "<Primary>w", NULL } },
  { "win.search", { "<Primary>f", NULL } },
  { "win.go-back", { "<Alt>Left", NULL } },
  { "win.show-page('discover')", { "<Alt>1", NULL } },
  { "win.show-page('search')", { "<Alt>2", NULL } },
  { "win.show-page('library')", { "<Alt>3", NULL } },
  { "win.show-page('playlists')", { "<Alt>4", NULL } },
  { "win.show-page('friends')", { "<Alt>5", NULL } },
  { "win.show-page('fan-clubs')", { "<Alt>6", NULL } },
  { "win.show-page('purchased')", { "<Alt>7", NULL } },
  { "win.show-page('identify')", { "<Alt>8", NULL } },
  { "win.show-page('studio')", { "<Alt>9", NULL } },
};

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (scheme, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static void
fanfare_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  FanfareApplication *self = user_data;
  GList *windows;

  g_assert (FANFARE_IS_APPLICATION (self));

  /* Closing each window first lets it save its state, as it does when the
   * user closes it. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
fanfare_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  FanfareApplication *self = user_data;
  FanfarePreferencesWindow *preferences;
  GtkWindow *parent;

  g_assert (FANFARE_IS_APPLICATION (self));

  /* Asked before the new window joins the application and becomes the
   * active one itself. */
  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = fanfare_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
fanfare_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  static const char *developers[] = { "The Fanfare Contributors", NULL };
  FanfareApplication *self = user_data;
  GtkWidget *about;

  g_assert (FANFARE_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Fanfare"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Fanfare Contributors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/fanfare-music/fanfare",
                        "issue-url", "https://github.com/fanfare-music/fanfare/issues",
                        "copyright", _("© 2026 The Fanfare Contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", fanfare_application_quit_action },
  { "preferences", fanfare_application_preferences_action },
  { "about", fanfare_application_about_action },
};

/* `fanfare --scan-only [FOLDER]`, for scripts and benchmarks: the number of
 * tracks alone on standard output. */
static int
scan_only (GVariantDict *options)
{
  g_autofree const char **folders = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_tracks;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &folders);
  n_tracks = fanfare_library_scan_only (folders != NULL ? folders[0] : NULL, &error);
  if (n_tracks < 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%" G_GINT64_FORMAT "\n", n_tracks);

  return 0;
}

static int
fanfare_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "scan-only"))
    return scan_only (options);

  return G_APPLICATION_CLASS (fanfare_application_parent_class)->handle_local_options (app, options);
}

static void
fanfare_application_startup (GApplication *app)
{
  FanfareApplication *self = FANFARE_APPLICATION (app);
  g_autoptr(GAction) color_scheme_action = NULL;
  AdwStyleManager *style_manager;

  G_APPLICATION_CLASS (fanfare_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  color_scheme_action = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme_action);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  style_manager = adw_style_manager_get_default ();
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                style_manager, "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);
}

static void
fanfare_application_activate (GApplication *app)
{
  FanfareApplication *self = FANFARE_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (fanfare_window_new (self));

  gtk_window_present (window);
}

static void
fanfare_application_dispose (GObject *object)
{
  FanfareApplication *self = FANFARE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fanfare_application_parent_class)->dispose (object);
}

static void
fanfare_application_class_init (FanfareApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fanfare_application_dispose;

  app_class->handle_local_options = fanfare_application_handle_local_options;
  app_class->startup = fanfare_application_startup;
  app_class->activate = fanfare_application_activate;
}

static void
fanfare_application_init (FanfareApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "scan-only", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Scan FOLDER (or the library’s folders) into the library, print the number of tracks and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FOLDER]") },
    { NULL }
  };

  self->settings = g_settings_new (BASE_APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Play, share and support the music you love."));
}

/**
 * fanfare_application_new:
 *
 * Creates the application object; there is one per process.
 *
 * Returns: (transfer full): a new #FanfareApplication
 */
FanfareApplication *
fanfare_application_new (void)
{
  return g_object_new (FANFARE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * fanfare_application_get_settings:
 * @self: a #FanfareApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
fanfare_application_get_settings (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), NULL);

  return self->settings;
}
