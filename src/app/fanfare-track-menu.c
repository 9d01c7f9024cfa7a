/* fanfare-track-menu.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The menu of a track in any list: play it, queue it, go to its album or
 * artist, show its file, add it to a playlist, ask the radio for more like
 * it. It opens with a right click, a long press, the Menu key or
 * Shift+F10, on the track under the pointer or in focus. The menu's actions
 * live on the menu itself and act on its track. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-local-playlist-add.h"
#include "fanfare-lyrics-editor.h"
#include "fanfare-navigate.h"
#include "fanfare-send-dialog.h"
#include "fanfare-track-menu.h"
#include "fanfare-track-row.h"
#include "fanfare-window.h"

#define TRACK_KEY "fanfare-track"

static FanfareApplication *
application_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? FANFARE_APPLICATION (app) : NULL;
}

static void
show_items_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree char *folder_uri = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    return;

  /* No file manager that can point at a file: open its folder. */
  g_debug ("Could not show the file: %s", error->message);
  gtk_show_uri (NULL, folder_uri, GDK_CURRENT_TIME);
}

/**
 * fanfare_show_in_files:
 * @parent: a widget of the window asking
 * @uri: a file:// URI
 *
 * Opens the file manager on the folder of @uri with the file selected, or
 * on the folder alone when the file manager cannot select.
 */
void
fanfare_show_in_files (GtkWidget  *parent,
                       const char *uri)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  GDBusConnection *bus;
  const char *uris[] = { uri, NULL };

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (uri != NULL);

  file = g_file_new_for_uri (uri);
  folder = g_file_get_parent (file);
  if (folder == NULL)
    return;

  bus = g_application_get_dbus_connection (G_APPLICATION (application_of (parent)));
  if (bus == NULL)
    {
      g_autofree char *folder_uri = g_file_get_uri (folder);
      GtkRoot *root = gtk_widget_get_root (parent);

      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, folder_uri, GDK_CURRENT_TIME);
      return;
    }

  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          show_items_cb, g_file_get_uri (folder));
}

static void
play (FanfareApplication *app,
      FanfareTrack       *track,
      FanfarePlayMode     mode)
{
  if (app != NULL)
    fanfare_application_play_track (app, track, mode);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareApplication) app = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!fanfare_client_set_saved_finish (FANFARE_CLIENT (object), result, &error) && FANFARE_IS_WINDOW (window))
    fanfare_window_add_toast (FANFARE_WINDOW (window), adw_toast_new (error->message));
}

/* A platform track can be saved to the library, or taken out again, by a
 * signed-in user. */
static FanfareClient *
saving_client (GtkWidget    *parent,
               FanfareTrack *track)
{
  FanfareApplication *app = application_of (parent);
  FanfareClient *client = app != NULL ? fanfare_application_get_client (app) : NULL;

  if (client == NULL || !fanfare_client_get_signed_in (client) ||
      fanfare_track_get_source (track) != FANFARE_SOURCE_PLATFORM)
    return NULL;

  return client;
}

static void
activate_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWidget *popover = user_data;
  GtkWidget *parent = gtk_widget_get_parent (popover);
  FanfareTrack *track = g_object_get_data (G_OBJECT (popover), TRACK_KEY);
  FanfareApplication *app = application_of (parent);
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "play"))
    play (app, track, FANFARE_PLAY_NOW);
  else if (g_str_equal (name, "play-next"))
    play (app, track, FANFARE_PLAY_NEXT);
  else if (g_str_equal (name, "add-to-queue"))
    play (app, track, FANFARE_PLAY_LAST);
  else if (g_str_equal (name, "go-to-track"))
    fanfare_navigate_track (parent, track);
  else if (g_str_equal (name, "go-to-album"))
    fanfare_navigate_album_of_track (parent, track);
  else if (g_str_equal (name, "go-to-artist"))
    fanfare_navigate_artist_of_track (parent, track);
  else if (g_str_equal (name, "show-in-files"))
    fanfare_show_in_files (parent, fanfare_track_get_uri (track));
  else if (g_str_equal (name, "save"))
    fanfare_toggle_saved (parent, track);
  else if (g_str_equal (name, "add-to-playlist"))
    fanfare_add_to_playlist (parent, track);
  else if (g_str_equal (name, "add-to-local-playlist"))
    fanfare_add_to_local_playlist (parent, track);
  else if (g_str_equal (name, "like") && app != NULL)
    fanfare_application_like_track (app, track);
  else if (g_str_equal (name, "edit-lyrics"))
    gtk_window_present (GTK_WINDOW (fanfare_lyrics_editor_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                               fanfare_application_get_client (app),
                                                               fanfare_application_get_player (app), track)));
  else if (g_str_equal (name, "send"))
    fanfare_send_to_friend (parent, FANFARE_SOCIAL_TARGET_TRACK, fanfare_track_get_id (track),
                            fanfare_track_get_title (track));
}

static void
popover_closed_cb (GtkPopover *popover)
{
  /* Once its action has run: the menu closes before it activates. */
  g_idle_add_once ((GSourceOnceFunc) gtk_widget_unparent, popover);
}

/* A list does not place the popovers it holds, as a menu button does: the
 * menu is placed again once it has its full size. */
static gboolean
present_cb (GtkWidget     *popover,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  gtk_popover_present (GTK_POPOVER (popover));

  return G_SOURCE_REMOVE;
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareApplication) app = user_data;
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  playlist = fanfare_client_playlist_finish (FANFARE_CLIENT (object), result, NULL, &error);
  if (playlist != NULL)
    /* Translators: the title of the playlist a track was added to */
    message = g_strdup_printf (_("Added to “%s”"), fanfare_playlist_get_title (playlist));
  if (FANFARE_IS_WINDOW (window))
    fanfare_window_add_toast (FANFARE_WINDOW (window), adw_toast_new (message != NULL ? message : error->message));
}

static void
playlist_chosen_cb (GtkListBox       *list,
                    GtkListBoxRow    *row,
                    AdwMessageDialog *dialog)
{
  FanfarePlaylist *playlist = g_object_get_data (G_OBJECT (row), "playlist");
  FanfareTrack *track = g_object_get_data (G_OBJECT (dialog), TRACK_KEY);
  FanfareApplication *app = g_object_get_data (G_OBJECT (dialog), "application");
  FanfareClient *client = fanfare_application_get_client (app);
  g_autoptr(GListStore) tracks = g_list_store_new (FANFARE_TYPE_TRACK);

  if (client != NULL)
    {
      g_list_store_append (tracks, track);
      fanfare_client_add_entries_async (client, fanfare_playlist_get_id (playlist), G_LIST_MODEL (tracks), NULL,
                                        NULL, NULL, added_cb, g_object_ref (app));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
playlists_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GtkListBox) list = user_data;
  g_autoptr(GListModel) playlists = NULL;
  g_autoptr(GError) error = NULL;
  FanfareUser *user = fanfare_client_get_user (FANFARE_CLIENT (object));

  playlists = fanfare_client_list_playlists_finish (FANFARE_CLIENT (object), result, &error);
  if (playlists == NULL)
    {
      gtk_list_box_set_placeholder (list, gtk_label_new (error->message));
      return;
    }

  gtk_list_box_set_placeholder (list, gtk_label_new (_("Make a playlist on the Playlists page first")));
  for (guint i = 0; i < g_list_model_get_n_items (playlists); i++)
    {
      g_autoptr(FanfarePlaylist) playlist = g_list_model_get_item (playlists, i);
      GtkWidget *row = adw_action_row_new ();

      if (user == NULL || g_strcmp0 (fanfare_playlist_get_owner (playlist), fanfare_user_get_username (user)) != 0)
        continue;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_playlist_get_title (playlist));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "playlist", g_object_ref (playlist), g_object_unref);
      gtk_list_box_append (list, row);
    }
}

/**
 * fanfare_track_menu_dialog_list:
 * @label: what the list holds, for assistive technologies
 *
 * Puts a list of playlists to choose from in @dialog, scrolled when long.
 *
 * Returns: (transfer none): the list
 */
GtkWidget *
fanfare_track_menu_dialog_list (AdwMessageDialog *dialog,
                                const char       *label)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (dialog, scrolled);

  return list;
}

/**
 * fanfare_add_to_playlist:
 * @parent: a widget of the window asking
 * @track: a platform track
 *
 * Asks which of the user's playlists to add @track to, and adds it there.
 */
void
fanfare_add_to_playlist (GtkWidget    *parent,
                         FanfareTrack *track)
{
  FanfareApplication *app = application_of (parent);
  FanfareClient *client = saving_client (parent, track);
  GtkWidget *dialog;
  GtkWidget *list;

  if (client == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), _("Add to Playlist"),
                                   fanfare_track_get_title (track));
  list = fanfare_track_menu_dialog_list (ADW_MESSAGE_DIALOG (dialog), _("Your Playlists"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  g_object_set_data_full (G_OBJECT (dialog), TRACK_KEY, g_object_ref (track), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "application", g_object_ref (app), g_object_unref);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (playlist_chosen_cb), dialog, 0);
  fanfare_client_list_user_playlists_async (client, fanfare_user_get_username (fanfare_client_get_user (client)),
                                            NULL, playlists_listed_cb, g_object_ref (list));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GMenuModel *
build_menu (FanfareClient *client,
            FanfareTrack  *track)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) play = g_menu_new ();
  g_autoptr(GMenu) go = g_menu_new ();
  g_autoptr(GMenu) file = g_menu_new ();

  g_menu_append (play, _("_Play"), "track.play");
  g_menu_append (play, _("Play _Next"), "track.play-next");
  g_menu_append (play, _("_Add to Queue"), "track.add-to-queue");
  /* A local audiobook or mix has a page of its own, as the platform's. */
  if (fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM)
    g_menu_append (go, _("Show _Track"), "track.go-to-track");
  else if (fanfare_track_get_kind (track) != FANFARE_TRACK_KIND_SONG)
    g_menu_append (go, _("Show _Book"), "track.go-to-track");
  g_menu_append (go, _("Go to A_lbum"), "track.go-to-album");
  g_menu_append (go, _("Go to A_rtist"), "track.go-to-artist");
  g_menu_append (file, _("_Show in Files"), "track.show-in-files");
  g_menu_append (file, _("Add to Local Pla_ylist…"), "track.add-to-local-playlist");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (play));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (go));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file));
  if (client != NULL)
    {
      g_autoptr(GMenu) library = g_menu_new ();

      g_menu_append (library, fanfare_client_get_saved (client, track) ? _("_Remove from Library")
                                                                       : _("Save to _Library"),
                     "track.save");
      g_menu_append (library, _("Add to _Playlist…"), "track.add-to-playlist");
      g_menu_append (library, _("Play _More Like This on My Radio"), "track.like");
      /* The artist's own track: its lyrics are theirs to write. */
      if (fanfare_client_get_user (client) != NULL && fanfare_track_get_artist_id (track) != NULL &&
          g_strcmp0 (fanfare_user_get_artist_id (fanfare_client_get_user (client)),
                     fanfare_track_get_artist_id (track)) == 0)
        g_menu_append (library, _("Edit _Lyrics…"), "track.edit-lyrics");
      if (fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM && fanfare_track_get_id (track) != NULL)
        g_menu_append (library, _("Send to _Friend…"), "track.send");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (library));
    }

  return G_MENU_MODEL (menu);
}

/**
 * fanfare_track_menu_popup:
 * @parent: the widget the menu points at
 * @track: the track the menu acts on
 * @x: where to point, in @parent's coordinates
 * @y: where to point, in @parent's coordinates
 *
 * Opens the menu of @track.
 */
void
fanfare_track_menu_popup (GtkWidget    *parent,
                          FanfareTrack *track,
                          double        x,
                          double        y)
{
  static const char * const names[] = {
    "play", "play-next", "add-to-queue", "go-to-track", "go-to-album", "go-to-artist", "show-in-files", "save",
    "add-to-playlist", "like", "edit-lyrics", "send", "add-to-local-playlist",
  };
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GSimpleActionGroup) group = NULL;
  gboolean local;
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  menu = build_menu (saving_client (parent, track), track);
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, parent);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });

  group = g_simple_action_group_new ();
  g_object_set_data_full (G_OBJECT (popover), TRACK_KEY, g_object_ref (track), g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (activate_cb), popover, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  local = fanfare_track_get_source (track) == FANFARE_SOURCE_LOCAL;
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "go-to-album")),
                               fanfare_track_get_album_id (track) != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "go-to-artist")),
                               fanfare_track_get_artist_id (track) != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "show-in-files")),
                               local && fanfare_track_get_uri (track) != NULL);
  gtk_widget_insert_action_group (popover, "track", G_ACTION_GROUP (group));

  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_add_tick_callback (popover, present_cb, NULL, NULL);
}

/**
 * fanfare_track_menu_mark:
 * @widget: a cell of a list
 * @track: (nullable): the track of its row, or %NULL when it is unbound
 *
 * Tells fanfare_track_menu_attach() which track a cell belongs to, for a
 * list whose rows are not #FanfareTrackRow, such as a column view's.
 */
void
fanfare_track_menu_mark (GtkWidget    *widget,
                         FanfareTrack *track)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), TRACK_KEY,
                          track != NULL ? g_object_ref (track) : NULL, g_object_unref);
}

static FanfareTrack *
track_of (GtkWidget *widget)
{
  if (FANFARE_IS_TRACK_ROW (widget))
    return fanfare_track_row_get_track (FANFARE_TRACK_ROW (widget));

  return g_object_get_data (G_OBJECT (widget), TRACK_KEY);
}

/**
 * fanfare_track_menu_find_track:
 * @widget: a widget of a list, or a list item's widget
 *
 * Returns: (transfer none) (nullable): the track of @widget, of the row it
 *   is in, or of the row it holds
 */
FanfareTrack *
fanfare_track_menu_find_track (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  /* The row or cell the widget is in. */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (track_of (w) != NULL)
      return track_of (w);

  /* The row a list item holds: a list view's item widget, or a column
   * view's row of cells. */
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_first_child (w))
    if (track_of (w) != NULL)
      return track_of (w);

  return NULL;
}

static void
popup_at (GtkWidget *list,
          double     x,
          double     y)
{
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  FanfareTrack *track = picked != NULL ? fanfare_track_menu_find_track (picked) : NULL;

  if (track != NULL)
    fanfare_track_menu_popup (list, track, x, y);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtkWidget       *list)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (gesture), sequence);

  if (event == NULL || !gdk_event_triggers_context_menu (event))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (list, x, y);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 GtkWidget           *list)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (list, x, y);
}

static gboolean
menu_key_cb (GtkWidget *list,
             GVariant  *args,
             gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  FanfareTrack *track;
  graphene_point_t point;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, list))
    return FALSE;

  track = fanfare_track_menu_find_track (focus);
  if (track == NULL)
    return FALSE;

  if (!gtk_widget_compute_point (focus, list,
                                 &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (focus)), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  fanfare_track_menu_popup (list, track, point.x, point.y);

  return TRUE;
}

/**
 * fanfare_track_menu_attach:
 * @list: a list view, grid view or column view of tracks
 *
 * Lets the user open the menu of the track under the pointer with a right
 * click or a long press, and of the track in focus with the Menu key or
 * Shift+F10.
 */
void
fanfare_track_menu_attach (GtkWidget *list)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  g_return_if_fail (GTK_IS_WIDGET (list));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), list);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed_cb), list);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (long_press));

  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (menu_key_cb, NULL, NULL)));
  gtk_widget_add_controller (list, shortcuts);
}

/**
 * fanfare_toggle_saved:
 * @from: the widget the user acted on
 * @item: a #FanfareAlbum or #FanfareTrack of the platform
 *
 * Saves @item to the user's library, or takes it out when it is there; a
 * failure is said in a toast.
 */
void
fanfare_toggle_saved (GtkWidget *from,
                      gpointer   item)
{
  FanfareApplication *app;
  FanfareClient *client;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_ALBUM (item) || FANFARE_IS_TRACK (item));

  app = application_of (from);
  client = app != NULL ? fanfare_application_get_client (app) : NULL;
  if (client == NULL || !fanfare_client_get_signed_in (client))
    return;

  fanfare_client_set_saved_async (client, item, !fanfare_client_get_saved (client, item),
                                  NULL, saved_cb, g_object_ref (app));
}
