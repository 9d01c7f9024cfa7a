/* fanfare-application.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fanfare-application-private.h"
#include "fanfare-library.h"
#include "fanfare-navigate.h"
#include "fanfare-preferences-window.h"
#include "fanfare-track-loader.h"
#include "fanfare-window.h"

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
  { "win.show-page('inbox')", { "<Alt>0", NULL } },
  { "win.open-files", { "<Primary>o", NULL } },
  { "win.toggle-queue", { "<Primary>u", NULL } },
  { "win.show-now-playing", { "<Primary>n", NULL } },
  { "player.previous", { "<Primary>Left", NULL } },
  { "player.next", { "<Primary>Right", NULL } },
  { "player.volume-up", { "<Primary>Up", NULL } },
  { "player.volume-down", { "<Primary>Down", NULL } },
  { "player.shuffle", { "<Primary>s", NULL } },
  { "player.repeat", { "<Primary>r", NULL } },
};

static const char * const setting_actions[] = {
  "color-scheme",
  "run-in-background",
  "notify-track-change",
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

  /* Quitting means it: the music stops, even if it plays in the
   * background. Closing each window first lets it save its state. */
  fanfare_player_stop (self->player);
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
  AdwStyleManager *style_manager;

  G_APPLICATION_CLASS (fanfare_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  /* Preferences that are actions, for the preferences window to toggle. */
  for (guint i = 0; i < G_N_ELEMENTS (setting_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, setting_actions[i]);

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  style_manager = adw_style_manager_get_default ();
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                style_manager, "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_get_mapping, NULL, NULL, NULL);

  _fanfare_application_playback_startup (self);
  _fanfare_application_plays_startup (self);
  _fanfare_application_longform_startup (self);
  _fanfare_application_library_startup (self);
  _fanfare_application_account_startup (self);
}

static void
fanfare_application_shutdown (GApplication *app)
{
  _fanfare_application_plays_shutdown (FANFARE_APPLICATION (app));
  _fanfare_application_longform_shutdown (FANFARE_APPLICATION (app));
  _fanfare_application_playback_shutdown (FANFARE_APPLICATION (app));
  _fanfare_application_library_shutdown (FANFARE_APPLICATION (app));
  _fanfare_application_account_shutdown (FANFARE_APPLICATION (app));

  G_APPLICATION_CLASS (fanfare_application_parent_class)->shutdown (app);
}

static void
fanfare_application_activate (GApplication *app)
{
  FanfareApplication *self = FANFARE_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (fanfare_window_new (self));

  /* A window hidden while music played comes back as it was. */
  gtk_window_present (window);

  _fanfare_application_schedule_restore (self);
}

/* The playlist a link names: fanfare://playlist/ID, or the share page of
 * the server signed in to. */
static char *
playlist_id_of (FanfareApplication *self,
                GFile              *file)
{
  FanfareClient *client = fanfare_application_get_client (self);
  g_autofree char *uri = g_file_get_uri (file);

  if (client != NULL)
    return fanfare_client_parse_playlist_uri (client, uri);
  if (g_str_has_prefix (uri, "fanfare://playlist/") && uri[strlen ("fanfare://playlist/")] != '\0')
    return g_uri_unescape_string (uri + strlen ("fanfare://playlist/"), "/");

  return NULL;
}

static void
fanfare_application_open (GApplication *app,
                          GFile       **files,
                          int           n_files,
                          const char   *hint)
{
  FanfareApplication *self = FANFARE_APPLICATION (app);
  g_autoptr(GPtrArray) music = g_ptr_array_new ();

  g_application_activate (app);
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *playlist_id = playlist_id_of (self, files[i]);
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (playlist_id != NULL && window != NULL)
        fanfare_navigate_playlist (GTK_WIDGET (window), playlist_id);
      else if (playlist_id == NULL)
        g_ptr_array_add (music, files[i]);
    }
  if (music->len > 0)
    fanfare_application_open_files (self, (GFile **) music->pdata, music->len, FANFARE_OPEN_PLAY);
}

static void
fanfare_application_dispose (GObject *object)
{
  FanfareApplication *self = FANFARE_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->restore_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->mpris);
  g_clear_object (&self->accounts);
  g_clear_object (&self->player);
  g_clear_object (&self->notified_track);
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
  app_class->shutdown = fanfare_application_shutdown;
  app_class->activate = fanfare_application_activate;
  app_class->open = fanfare_application_open;
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
  self->cancellable = g_cancellable_new ();
  self->player = fanfare_player_new ();

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
                       "flags", G_APPLICATION_HANDLES_OPEN,
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

/**
 * fanfare_application_get_player:
 * @self: a #FanfareApplication
 *
 * Returns: (transfer none): the player, one for the application
 */
FanfarePlayer *
fanfare_application_get_player (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), NULL);

  return self->player;
}

/**
 * fanfare_application_dup_cover_cache_dir:
 *
 * Returns: (transfer full): where covers read from files are kept
 */
char *
fanfare_application_dup_cover_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "fanfare", "covers", NULL);
}

typedef struct {
  FanfareApplication *self;
  FanfareOpenMode     mode;
} OpenFiles;

/* Shows @title in the active window, where the user is looking. */
void
_fanfare_application_toast (FanfareApplication *self,
                            const char         *title)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (FANFARE_IS_WINDOW (window))
    fanfare_window_add_toast (FANFARE_WINDOW (window), adw_toast_new (title));
}

static void
filled_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_track_loader_fill_finish (result, &error))
    g_debug ("Could not read tags: %s", error->message);
}

static void
collected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree OpenFiles * open = user_data;
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *covers = NULL;
  FanfareApplication *self = open->self;
  FanfarePlayQueue *queue;
  int first;

  tracks = fanfare_track_loader_collect_finish (result, &error);
  if (tracks == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not open the files: %s", error->message);
      g_object_unref (self);
      return;
    }

  if (tracks->len == 0)
    {
      _fanfare_application_toast (self, _("No audio files to play there"));
      g_object_unref (self);
      return;
    }

  covers = fanfare_application_dup_cover_cache_dir ();
  fanfare_track_loader_fill_async (tracks, covers, self->cancellable, filled_cb, NULL);

  queue = fanfare_player_get_queue (self->player);
  if (open->mode == FANFARE_OPEN_APPEND && fanfare_player_get_state (self->player) == FANFARE_PLAYER_STATE_PLAYING)
    {
      g_autofree char *message = NULL;

      fanfare_play_queue_append (queue, tracks);
      message = g_strdup_printf (ngettext ("%u track added to the queue", "%u tracks added to the queue",
                                           tracks->len), tracks->len);
      _fanfare_application_toast (self, message);
    }
  else if (open->mode == FANFARE_OPEN_APPEND)
    {
      first = g_list_model_get_n_items (G_LIST_MODEL (queue));
      fanfare_play_queue_append (queue, tracks);
      fanfare_player_play_position (self->player, first);
    }
  else
    {
      first = fanfare_play_queue_get_current (queue) + 1;
      fanfare_play_queue_insert (queue, first, tracks);
      fanfare_player_play_position (self->player, first);
    }

  g_object_unref (self);
}

/**
 * fanfare_application_open_files:
 * @self: a #FanfareApplication
 * @files: (array length=n_files): files and folders
 * @n_files: how many
 * @mode: what to do with them
 *
 * Queues the audio files among @files, and in the folders among them.
 */
void
fanfare_application_open_files (FanfareApplication *self,
                                GFile             **files,
                                guint               n_files,
                                FanfareOpenMode     mode)
{
  OpenFiles *open;

  g_return_if_fail (FANFARE_IS_APPLICATION (self));

  open = g_new0 (OpenFiles, 1);
  open->self = g_object_ref (self);
  open->mode = mode;
  fanfare_track_loader_collect_async (files, n_files, self->cancellable, collected_cb, open);
}
