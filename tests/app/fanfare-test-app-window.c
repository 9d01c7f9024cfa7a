/* fanfare-test-app-window.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The waits and looks at the application's window that the UI tests have
 * in common: its message dialogs, the page on top of its navigation, a
 * club page's role, and screenshots once its animations have ended. */

#include "config.h"

#include "fanfare-club-page.h"
#include "fanfare-navigation-stack.h"
#include "fanfare-test-app.h"

/**
 * fanfare_test_app_save_screenshot:
 *
 * Saves a screenshot of @widget once the pages' cross-fades and slides
 * have ended.
 */
void
fanfare_test_app_save_screenshot (GtkWidget  *widget,
                                  const char *name)
{
  fanfare_test_wait_ms (600);
  fanfare_test_wait_frame (widget);
  fanfare_test_save_screenshot (widget, name);
}

/**
 * fanfare_test_app_find_dialog:
 * @heading: (nullable): the dialog's heading, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the message dialog on show with
 *   @heading; one answered is hidden, though it may linger a while
 */
GtkWidget *
fanfare_test_app_find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0))
      return l->data;

  return NULL;
}

static gboolean
dialog_shown (gpointer  heading)
{
  GtkWidget *dialog = fanfare_test_app_find_dialog (heading);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

/**
 * fanfare_test_app_wait_dialog:
 * @heading: the dialog's heading
 *
 * Returns: (transfer none): the message dialog with @heading, once it is
 *   on the screen
 */
GtkWidget *
fanfare_test_app_wait_dialog (const char *heading)
{
  g_assert_true (fanfare_test_wait_for (dialog_shown, (gpointer) heading, 20000));

  return fanfare_test_app_find_dialog (heading);
}

static FanfareNavigationStack *
navigation (FanfareWindow *window)
{
  GtkWidget *navigation = fanfare_test_find_widget (GTK_WIDGET (window), FANFARE_TYPE_NAVIGATION_STACK);

  g_assert_nonnull (navigation);

  return FANFARE_NAVIGATION_STACK (navigation);
}

typedef struct {
  FanfareWindow *window;
  GType          type;
} PageWait;

static gboolean
page_shown (gpointer  data)
{
  PageWait *wait = data;
  GtkWidget *page = fanfare_navigation_stack_get_visible_page (navigation (wait->window));

  return page != NULL && G_TYPE_CHECK_INSTANCE_TYPE (page, wait->type) && gtk_widget_get_mapped (page);
}

/**
 * fanfare_test_app_wait_page:
 * @type: the page's type
 *
 * Returns: (transfer none): the page on top of @window's navigation, once
 *   it is one of @type and on the screen
 */
GtkWidget *
fanfare_test_app_wait_page (FanfareWindow *window,
                            GType          type)
{
  PageWait wait = { window, type };

  g_assert_true (fanfare_test_wait_for (page_shown, &wait, 20000));

  return fanfare_navigation_stack_get_visible_page (navigation (window));
}

/**
 * fanfare_test_app_find_actionable:
 * @action: the action's detailed name, such as "club.join"
 *
 * Returns: (transfer none) (nullable): the first widget under @root that
 *   activates @action, shown or not
 */
GtkWidget *
fanfare_test_app_find_actionable (GtkWidget  *root,
                                  const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = fanfare_test_app_find_actionable (child, action)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
club_role_is (gpointer  club)
{
  return fanfare_club_page_get_loaded (club) &&
         g_strcmp0 (fanfare_club_page_get_role (club), g_object_get_data (club, "expected-role")) == 0;
}

/**
 * fanfare_test_app_wait_club_role:
 * @club: a #FanfareClubPage
 * @role: (nullable): the role the page is to show its user in
 *
 * Waits until @club has read its club and shows its user as @role, and
 * draws it.
 */
void
fanfare_test_app_wait_club_role (GtkWidget  *club,
                                 const char *role)
{
  g_object_set_data_full (G_OBJECT (club), "expected-role", g_strdup (role), g_free);
  g_assert_true (fanfare_test_wait_for (club_role_is, club, 20000));
  fanfare_test_wait_frame (club);
}

/* Whether the list model @model has items. */
gboolean
fanfare_test_app_has_items (gpointer  model)
{
  return g_list_model_get_n_items (model) > 0;
}

/* Whether @widget is on the screen. */
gboolean
fanfare_test_app_is_mapped (gpointer  widget)
{
  return gtk_widget_get_mapped (widget);
}
