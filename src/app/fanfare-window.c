/* fanfare-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-account-button.h"
#include "fanfare-navigate.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-now-playing-view.h"
#include "fanfare-offline-banner.h"
#include "fanfare-pages.h"
#include "fanfare-player-actions.h"
#include "fanfare-player-bar.h"
#include "fanfare-queue-panel.h"
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
  GtkStack               *main_stack;
  GtkRevealer            *queue_revealer;
  FanfareQueuePanel      *queue_panel;
  FanfareNowPlayingView  *now_playing_view;
  GtkListBox             *sidebar_list;
  FanfareNavigationStack *navigation;
  GtkWidget              *back_button;
  FanfarePages           *pages;
  FanfarePlayerBar       *player_bar;
  FanfareAccountButton   *account_button;
  FanfareOfflineBanner   *offline_banner;

  /* Owned references */
  GSettings    *settings;
  GSignalGroup *player_signals;

  /* State */
  gulong first_frame_handler;
};

G_DEFINE_FINAL_TYPE (FanfareWindow, fanfare_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_QUEUE_REVEALED,
  PROP_NOW_PLAYING_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FanfareApplication *
get_application (FanfareWindow *self)
{
  return FANFARE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static FanfarePlayer *
get_player (FanfareWindow *self)
{
  FanfareApplication *app = get_application (self);

  return app ? fanfare_application_get_player (app) : NULL;
}

static gboolean
get_now_playing_visible (FanfareWindow *self)
{
  /* Property actions read their state while the template builds. */
  if (self->main_stack == NULL)
    return FALSE;

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "now-playing") == 0;
}

static void
set_now_playing_visible (FanfareWindow *self,
                         gboolean       visible)
{
  if (get_now_playing_visible (self) == !!visible)
    return;

  gtk_stack_set_visible_child_name (self->main_stack, visible ? "now-playing" : "browse");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW_PLAYING_VISIBLE]);
}

static gboolean
hide_now_playing_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);

  if (get_now_playing_visible (self))
    {
      set_now_playing_visible (self, FALSE);
      return TRUE;
    }

  /* Escape goes back from a page opened over the content. */
  return fanfare_navigation_stack_pop (self->navigation);
}

/* Space plays and pauses wherever the focus is, except where it types a
 * space. It is caught before GtkWindow's own space binding, which would
 * activate the focused widget instead. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FanfareWindow         *self)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_space || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "player.play-pause", NULL);
}


static void
file_chooser_response_cb (FanfareWindow        *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      array = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      fanfare_application_open_files (get_application (self), (GFile **) array->pdata, array->len,
                                      FANFARE_OPEN_PLAY);
    }

  g_object_unref (chooser);
}

static void
fanfare_window_open_files_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Music"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Audio Files"));
  gtk_file_filter_add_mime_type (filter, "audio/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FanfareWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  if (array->len == 0)
    return FALSE;

  /* A drop adds to what plays rather than cutting it off. */
  fanfare_application_open_files (get_application (self), (GFile **) array->pdata, array->len,
                                  FANFARE_OPEN_APPEND);

  return TRUE;
}

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

/* Beside the content when there is room; in a narrow window the queue
 * takes the content's place. */
static void
update_queue_layout (FanfareWindow *self)
{
  gboolean revealed = gtk_revealer_get_reveal_child (self->queue_revealer);
  gboolean instead = revealed && fanfare_window_is_folded (self);
#if ADW_CHECK_VERSION (1, 4, 0)
  GtkWidget *content = GTK_WIDGET (self->split_view);
#else
  GtkWidget *content = GTK_WIDGET (self->leaflet);
#endif

  gtk_widget_set_visible (content, !instead);
  gtk_widget_set_hexpand (GTK_WIDGET (self->queue_panel), instead);
}

static void
fanfare_window_queue_revealed_cb (FanfareWindow *self)
{
  g_assert (FANFARE_IS_WINDOW (self));

  update_queue_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE_REVEALED]);
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

  if (row == NULL)
    return;

  fanfare_navigation_stack_pop_to_root (self->navigation);
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

/* Back leaves a page opened over the content, or, in a narrow window,
 * returns from the content to the sidebar. */
static gboolean
can_go_back (FanfareWindow *self)
{
  if (self->navigation != NULL && fanfare_navigation_stack_get_depth (self->navigation) > 0)
    return TRUE;

#if ADW_CHECK_VERSION (1, 4, 0)
  /* The split view's header bar has its own button to the sidebar. */
  return FALSE;
#else
  return fanfare_window_is_folded (self);
#endif
}

static void
update_back (FanfareWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 can_go_back (self) || fanfare_window_is_folded (self));
  if (self->back_button != NULL)
    gtk_widget_set_visible (self->back_button, can_go_back (self));
}

static void
fanfare_window_depth_changed_cb (FanfareWindow *self)
{
  g_assert (FANFARE_IS_WINDOW (self));

  update_back (self);
}

static void
fanfare_window_folded_changed_cb (FanfareWindow *self)
{
  g_assert (FANFARE_IS_WINDOW (self));

  update_back (self);
  if (self->queue_revealer != NULL)
    update_queue_layout (self);
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

  fanfare_navigation_stack_pop_to_root (self->navigation);

  fanfare_window_show_content (self, TRUE);
}

static void
fanfare_window_search_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);

  fanfare_window_show_content (self, TRUE);
  fanfare_navigation_stack_pop_to_root (self->navigation);
  fanfare_pages_focus_search (self->pages);
}

static void
fanfare_window_go_back_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);

  if (!fanfare_navigation_stack_pop (self->navigation))
    fanfare_window_show_content (self, FALSE);
}

static FanfareTrack *
playing_track (FanfareWindow *self)
{
  FanfarePlayer *player = get_player (self);

  return player != NULL ? fanfare_player_get_current_track (player) : NULL;
}

static void
update_playing_links (FanfareWindow *self)
{
  FanfareTrack *track = playing_track (self);
  gboolean local = track != NULL && fanfare_track_get_source (track) == FANFARE_SOURCE_LOCAL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-playing-album",
                                 local && fanfare_track_get_album_id (track) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-playing-artist",
                                 local && fanfare_track_get_artist_id (track) != NULL);
}

static void
fanfare_window_show_playing_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FanfareWindow *self = FANFARE_WINDOW (widget);
  FanfareTrack *track = playing_track (self);

  if (track == NULL)
    return;

  set_now_playing_visible (self, FALSE);
  fanfare_window_show_content (self, TRUE);
  if (g_str_equal (action_name, "win.show-playing-album"))
    fanfare_navigate_album_of_track (GTK_WIDGET (self), track);
  else
    fanfare_navigate_artist_of_track (GTK_WIDGET (self), track);
}

/* The mouse's back button goes back, as in a browser. */
static void
back_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        FanfareWindow   *self)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != 8)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  fanfare_navigation_stack_pop (self->navigation);
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
  FanfareWindow *self = FANFARE_WINDOW (window);
  FanfareApplication *app = get_application (self);
  FanfarePlayer *player = get_player (self);

  fanfare_window_save_state (self);

  /* Music goes on with the window closed: hide it, and activating the
   * application brings it back as it was. */
  if (player != NULL && fanfare_player_get_state (player) == FANFARE_PLAYER_STATE_PLAYING &&
      g_settings_get_boolean (fanfare_application_get_settings (app), "run-in-background"))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (fanfare_window_parent_class)->close_request (window);
}

/* GtkWindow:application is set after construction, so this runs once the
 * window belongs to the application. */
static void
set_up_player (FanfareWindow *self)
{
  FanfarePlayer *player = get_player (self);
  g_autoptr(GObject) actions = NULL;

  g_assert (player != NULL);

  fanfare_player_bar_set_player (self->player_bar, player);
  fanfare_queue_panel_set_player (self->queue_panel, player);
  fanfare_now_playing_view_set_player (self->now_playing_view, player);

  actions = G_OBJECT (fanfare_player_actions_new (player));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "player", G_ACTION_GROUP (actions));

  g_signal_group_set_target (self->player_signals, player);
  update_playing_links (self);
}

static void
fanfare_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FanfareWindow *self = FANFARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_QUEUE_REVEALED:
      g_value_set_boolean (value, self->queue_revealer != NULL && gtk_revealer_get_reveal_child (self->queue_revealer));
      break;

    case PROP_NOW_PLAYING_VISIBLE:
      g_value_set_boolean (value, get_now_playing_visible (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FanfareWindow *self = FANFARE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_QUEUE_REVEALED:
      gtk_revealer_set_reveal_child (self->queue_revealer, g_value_get_boolean (value));
      break;

    case PROP_NOW_PLAYING_VISIBLE:
      set_now_playing_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  if (self->player_signals != NULL)
    g_signal_group_set_target (self->player_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FANFARE_TYPE_WINDOW);
  g_clear_object (&self->player_signals);
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
  object_class->get_property = fanfare_window_get_property;
  object_class->set_property = fanfare_window_set_property;

  widget_class->realize = fanfare_window_realize;
  widget_class->unrealize = fanfare_window_unrealize;

  window_class->close_request = fanfare_window_close_request;

  /**
   * FanfareWindow:queue-revealed:
   *
   * Whether the play queue shows beside the content.
   */
  properties[PROP_QUEUE_REVEALED] =
    g_param_spec_boolean ("queue-revealed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareWindow:now-playing-visible:
   *
   * Whether the now-playing view fills the window.
   */
  properties[PROP_NOW_PLAYING_VISIBLE] =
    g_param_spec_boolean ("now-playing-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FANFARE_TYPE_ACCOUNT_BUTTON);
  g_type_ensure (FANFARE_TYPE_NAVIGATION_STACK);
  g_type_ensure (FANFARE_TYPE_OFFLINE_BANNER);
  g_type_ensure (FANFARE_TYPE_NOW_PLAYING_VIEW);
  g_type_ensure (FANFARE_TYPE_PAGES);
  g_type_ensure (FANFARE_TYPE_PLAYER_BAR);
  g_type_ensure (FANFARE_TYPE_QUEUE_PANEL);

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
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, queue_revealer);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, queue_panel);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, now_playing_view);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, navigation);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, player_bar);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareWindow, offline_banner);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_queue_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_window_depth_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", fanfare_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, fanfare_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, fanfare_window_go_back_action);
  gtk_widget_class_install_action (widget_class, "win.open-files", NULL, fanfare_window_open_files_action);
  gtk_widget_class_install_action (widget_class, "win.show-playing-album", NULL, fanfare_window_show_playing_action);
  gtk_widget_class_install_action (widget_class, "win.show-playing-artist", NULL, fanfare_window_show_playing_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-queue", "queue-revealed");
  gtk_widget_class_install_property_action (widget_class, "win.show-now-playing", "now-playing-visible");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, hide_now_playing_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
}

static void
fanfare_window_init (FanfareWindow *self)
{
  g_autoptr(GListModel) pages = NULL;
  g_autofree char *last_page = NULL;
  GtkEventController *keys;
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->player_signals = g_signal_group_new (FANFARE_TYPE_PLAYER);
  g_signal_group_connect_swapped (self->player_signals, "notify::current-track",
                                  G_CALLBACK (update_playing_links), self);

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


  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 8);
  g_signal_connect (click, "pressed", G_CALLBACK (back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
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
  FanfareWindow *self;

  g_return_val_if_fail (FANFARE_IS_APPLICATION (application), NULL);

  self = g_object_new (FANFARE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  set_up_player (self);
  fanfare_pages_set_library (self->pages, fanfare_application_get_library (application));
  fanfare_pages_set_accounts (self->pages, fanfare_application_get_accounts (application));
  fanfare_account_button_set_accounts (self->account_button, fanfare_application_get_accounts (application));
  fanfare_offline_banner_set_accounts (self->offline_banner, fanfare_application_get_accounts (application));

  return self;
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
 * fanfare_window_push_page:
 * @self: a #FanfareWindow
 * @page: (transfer floating): a page, such as an album's
 * @title: (nullable): its title, for the header bar
 *
 * Slides @page in over the content; Back, Escape or Alt+Left return.
 */
void
fanfare_window_push_page (FanfareWindow *self,
                          GtkWidget     *page,
                          const char    *title)
{
  g_return_if_fail (FANFARE_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (page));

  set_now_playing_visible (self, FALSE);
  fanfare_window_show_content (self, TRUE);
  fanfare_navigation_stack_push (self->navigation, page, title);
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

/**
 * fanfare_window_toast_from:
 * @from: a widget, or a window, of the main window
 * @title: what to tell the user
 *
 * Shows a toast with @title over the window @from is in, if it is in one.
 */
void
fanfare_window_toast_from (GtkWidget  *from,
                           const char *title)
{
  GtkWidget *root = from;

  g_return_if_fail (GTK_IS_WIDGET (from));

  if (!GTK_IS_WINDOW (root))
    root = GTK_WIDGET (gtk_widget_get_root (from));
  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (title));
}
