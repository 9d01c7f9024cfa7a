/* test-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drives the real application in a real window under Xvfb: every page of the
 * sidebar through its action, the window's saved state, the narrow layout,
 * the dialogs and the shortcuts. Screenshots land in the build tree. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-pages.h"
#include "fanfare-player-bar.h"
#include "fanfare-preferences-window.h"
#include "fanfare-sidebar-row.h"
#include "fanfare-test-gtk-utils.h"
#include "fanfare-test-utils.h"
#include "fanfare-window.h"

/* The pages the sidebar must offer, in order, with their English titles;
 * the test translates them with gettext() to compare. */
static const struct {
  const char *name;
  const char *title;
} expected_pages[] = {
  { "discover", "Discover" },
  { "search", "Search" },
  { "library", "Library" },
  { "playlists", "Playlists" },
  { "friends", "Friends" },
  { "fan-clubs", "Fan Clubs" },
  { "purchased", "Purchased Albums" },
  { "identify", "Identify" },
  { "studio", "Studio" },
  { "inbox", "Inbox" },
};

static FanfareApplication *app;

static gboolean
is_chinese (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "zh");
}

static FanfareWindow *
open_window (int  width,
             int  height)
{
  FanfareWindow *window = fanfare_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  fanfare_test_wait_mapped (GTK_WIDGET (window));

  return window;
}

typedef struct {
  FanfarePages *pages;
  const char   *name;
} PageShown;

static gboolean
page_is_shown (gpointer  data)
{
  PageShown *shown = data;
  GtkStack *stack;
  GtkWidget *child;

  if (g_strcmp0 (fanfare_pages_get_visible_page (shown->pages), shown->name) != 0)
    return FALSE;

  stack = GTK_STACK (fanfare_test_find_widget (GTK_WIDGET (shown->pages), GTK_TYPE_STACK));
  child = gtk_stack_get_visible_child (stack);

  return !gtk_stack_get_transition_running (stack) &&
         gtk_widget_get_mapped (child) &&
         gtk_widget_get_width (child) > 0;
}

static void
assert_page_shown (FanfareWindow *window,
                   const char    *name)
{
  PageShown shown = { NULL, name };

  shown.pages = FANFARE_PAGES (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PAGES));
  g_assert_nonnull (shown.pages);

  if (!fanfare_test_wait_for (page_is_shown, &shown, 0))
    g_error ("The page “%s” never showed (showing “%s”)",
             name, fanfare_pages_get_visible_page (shown.pages));
}

/* The title over the content, which names the page on show. */
static const char *
content_title (FanfarePages *pages)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (pages), ADW_TYPE_NAVIGATION_PAGE);

  return adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page));
#else
  GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (pages), FANFARE_TYPE_NAVIGATION_STACK);
  GtkWidget *title = fanfare_test_find_widget (gtk_widget_get_parent (pane), ADW_TYPE_WINDOW_TITLE);

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
#endif
}

static void
test_activate_visits_every_page (void)
{
  g_autoptr(GListModel) pages_model = NULL;
  FanfareWindow *window;
  FanfarePages *pages;
  GtkListBox *sidebar;

  g_application_activate (G_APPLICATION (app));
  window = FANFARE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  fanfare_test_wait_mapped (GTK_WIDGET (window));

  pages = FANFARE_PAGES (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PAGES));
  sidebar = GTK_LIST_BOX (fanfare_test_find_widget_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar"));
  pages_model = fanfare_pages_get_pages (pages);

  /* The sidebar offers exactly the pages of the product, in order. */
  g_assert_cmpuint (g_list_model_get_n_items (pages_model), ==, G_N_ELEMENTS (expected_pages));
  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages_model, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      g_assert_cmpstr (gtk_stack_page_get_name (page), ==, expected_pages[i].name);
      g_assert_cmpstr (gtk_stack_page_get_title (page), ==, gettext (expected_pages[i].title));
      g_assert_nonnull (gtk_stack_page_get_icon_name (page));
      g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                              gtk_stack_page_get_icon_name (page)));
      g_assert_cmpstr (fanfare_sidebar_row_get_page_name (FANFARE_SIDEBAR_ROW (row)), ==, expected_pages[i].name);

      /* In Chinese, every title must really be translated. */
      if (is_chinese ())
        g_assert_cmpstr (gtk_stack_page_get_title (page), !=, expected_pages[i].title);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      const char *name = expected_pages[i].name;
      GtkListBoxRow *selected;
      g_autofree char *screenshot = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
      assert_page_shown (window, name);

      g_assert_cmpstr (fanfare_window_get_visible_page (window), ==, name);
      selected = gtk_list_box_get_selected_row (sidebar);
      g_assert_nonnull (selected);
      g_assert_cmpstr (fanfare_sidebar_row_get_page_name (FANFARE_SIDEBAR_ROW (selected)), ==, name);
      g_assert_cmpstr (content_title (pages), ==, gettext (expected_pages[i].title));

      fanfare_test_assert_icons_exist (GTK_WIDGET (window));
      screenshot = g_strdup_printf ("page-%s", name);
      fanfare_test_save_screenshot (GTK_WIDGET (window), screenshot);
    }

  /* Alt+1…9, then Alt+0, reach the same pages. */
  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page('%s')", expected_pages[i].name);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", (i + 1) % 10);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_cmpstr (accels[0], ==, accel);
    }

  fanfare_test_assert_buttons_labelled (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_unknown_page_is_ignored (void)
{
  FanfareWindow *window = open_window (1000, 700);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library");
  assert_page_shown (window, "library");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "no-such-page");
  g_assert_cmpstr (fanfare_window_get_visible_page (window), ==, "library");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_state_is_restored (void)
{
  GSettings *settings = fanfare_application_get_settings (app);
  g_autofree char *last_page = NULL;
  FanfareWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_string (settings, "last-page", "studio");

  window = fanfare_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_present (GTK_WINDOW (window));
  assert_page_shown (window, "studio");

  /* The page is remembered as it changes; the size when the window closes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "friends");
  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "friends");

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens where this one was left. */
  window = fanfare_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_present (GTK_WINDOW (window));
  assert_page_shown (window, "friends");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
player_bar_is_compact (gpointer  data)
{
  return fanfare_player_bar_get_compact (data);
}

static gboolean
player_bar_is_wide (gpointer  data)
{
  return !fanfare_player_bar_get_compact (data);
}

static gboolean
content_is_shown (gpointer  data)
{
  GtkWidget *window = data;
  FanfarePages *pages = FANFARE_PAGES (fanfare_test_find_widget (window, FANFARE_TYPE_PAGES));
  GtkWidget *sidebar = fanfare_test_find_widget_with_class (window, GTK_TYPE_LIST_BOX, "navigation-sidebar");

  return gtk_widget_get_child_visible (GTK_WIDGET (pages)) &&
         gtk_widget_get_mapped (GTK_WIDGET (pages)) &&
         !gtk_widget_get_mapped (sidebar);
}

static gboolean
sidebar_is_shown (gpointer  data)
{
  GtkWidget *window = data;
  FanfarePages *pages = FANFARE_PAGES (fanfare_test_find_widget (window, FANFARE_TYPE_PAGES));
  GtkWidget *sidebar = fanfare_test_find_widget_with_class (window, GTK_TYPE_LIST_BOX, "navigation-sidebar");

  return gtk_widget_get_mapped (sidebar) && !gtk_widget_get_mapped (GTK_WIDGET (pages));
}

static void
test_narrow_window_folds (void)
{
  FanfareWindow *window = open_window (400, 700);
  FanfarePlayerBar *player_bar;

  player_bar = FANFARE_PLAYER_BAR (fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_PLAYER_BAR));
  g_assert_true (fanfare_test_wait_for (player_bar_is_compact, player_bar, 0));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "library");
  g_assert_true (fanfare_test_wait_for (content_is_shown, window, 0));
  assert_page_shown (window, "library");
  fanfare_test_save_screenshot (GTK_WIDGET (window), "narrow-library");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_true (fanfare_test_wait_for (sidebar_is_shown, window, 0));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "narrow-sidebar");
  fanfare_test_assert_buttons_labelled (GTK_WIDGET (window));

  /* Widening the window shows both again, with the full player bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  g_assert_true (fanfare_test_wait_for (player_bar_is_wide, player_bar, 0));
  g_assert_true (gtk_widget_get_mapped (fanfare_test_find_widget_with_class (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar")));
  assert_page_shown (window, "library");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
focus_is_in (gpointer  data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_search_action_focuses_entry (void)
{
  FanfareWindow *window = open_window (1000, 700);
  GtkWidget *entry;
  g_auto(GStrv) accels = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "friends");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  assert_page_shown (window, "search");

  entry = fanfare_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (fanfare_test_wait_for (focus_is_in, entry, 0));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");
  g_assert_cmpstr (accels[0], ==, "<Control>f");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
toplevel_is_mapped (gpointer  data)
{
  GtkWindow *window = fanfare_test_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWindow *
wait_for_toplevel (GType  type)
{
  if (!fanfare_test_wait_for (toplevel_is_mapped, GSIZE_TO_POINTER (type), 0))
    g_error ("No %s window appeared", g_type_name (type));

  return fanfare_test_find_toplevel (type);
}

static void
test_dialogs_open (void)
{
  FanfareWindow *window = open_window (1000, 700);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = wait_for_toplevel (FANFARE_TYPE_PREFERENCES_WINDOW);
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "preferences");

  /* The style choice applies at once and is kept in GSettings. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme", g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  fanfare_test_save_screenshot (GTK_WIDGET (window), "main-window-dark");
  g_action_group_activate_action (G_ACTION_GROUP (app), "color-scheme", g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (dialog)), ==, PACKAGE_VERSION);
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "about");
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  dialog = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  fanfare_test_save_screenshot (GTK_WIDGET (dialog), "shortcuts");
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_shortcuts (GtkWidget *root,
                   GPtrArray *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      char *accelerator = NULL;

      g_object_get (root, "accelerator", &accelerator, NULL);
      g_ptr_array_add (accelerators, accelerator);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accelerators);
}

static gboolean
accel_is_listed (GPtrArray  *listed,
                 const char *accel)
{
  guint key, listed_key;
  GdkModifierType mods, listed_mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));

  for (guint i = 0; i < listed->len; i++)
    {
      g_assert_true (gtk_accelerator_parse (listed->pdata[i], &listed_key, &listed_mods));
      if (key == listed_key && mods == listed_mods)
        return TRUE;
    }

  return FALSE;
}

static void
test_shortcuts_window_lists_what_exists (void)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = NULL;
  FanfareWindow *window = open_window (1000, 700);
  GtkWindow *overlay;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  collect_shortcuts (GTK_WIDGET (overlay), listed);
  g_assert_cmpuint (listed->len, >, 0);

  /* Every accelerator the application sets is listed… */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        if (!accel_is_listed (listed, accels[j]))
          g_error ("%s (%s) is missing from the shortcuts window", accels[j], actions[i]);
    }

  /* …and every listed one does something. */
  for (guint i = 0; i < listed->len; i++)
    {
      g_auto(GStrv) actions_for_accel = NULL;
      const char *accel = listed->pdata[i];

      /* F10 opens the primary menu by itself, and Space is a shortcut of
       * the window, so that entries and buttons get it first. */
      if (g_strcmp0 (accel, "F10") == 0 || g_strcmp0 (accel, "space") == 0)
        continue;

      actions_for_accel = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);
      if (actions_for_accel == NULL || actions_for_accel[0] == NULL)
        g_error ("The shortcuts window lists %s, which does nothing", accel);
    }

  gtk_window_destroy (overlay);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = fanfare_test_use_private_dirs ();
  int ret;

  fanfare_test_init_gtk (&argc, &argv);

  app = fanfare_application_new ();
  /* Several test programs run at once on one bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (fanfare_application_get_settings (app), "notify-track-change", FALSE);

  g_test_add_func ("/app/window/activate-visits-every-page", test_activate_visits_every_page);
  g_test_add_func ("/app/window/unknown-page-is-ignored", test_unknown_page_is_ignored);
  g_test_add_func ("/app/window/state-is-restored", test_state_is_restored);
  g_test_add_func ("/app/window/narrow-window-folds", test_narrow_window_folds);
  g_test_add_func ("/app/window/search-action-focuses-entry", test_search_action_focuses_entry);
  g_test_add_func ("/app/window/dialogs-open", test_dialogs_open);
  g_test_add_func ("/app/window/shortcuts-window-lists-what-exists", test_shortcuts_window_lists_what_exists);

  ret = g_test_run ();

  /* Quitting closes every window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  /* A registered GtkApplication keeps a reference to itself until
   * g_application_run() returns, which these tests do not use. */
  g_object_unref (app);
  fanfare_test_rm_rf (scratch);

  return ret;
}
