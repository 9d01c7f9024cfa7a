/* fanfare-friends-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Friends page: the feed of what the people the user follows did, a
 * page at a time, and finding people by username or display name. A feed
 * row opens its playlist, its person button the person's profile; people
 * found open their profiles, friends marked. People the user blocked are
 * shown nowhere but in Blocked People, where they can be unblocked.
 * Moderators also find Reported Comments here. It loads when the user
 * signs in, when the server can be reached again and whenever it is
 * shown. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-blocked-group.h"
#include "fanfare-client-social.h"
#include "fanfare-contacts-group.h"
#include "fanfare-friends-page.h"
#include "fanfare-navigate.h"
#include "fanfare-nearby-group.h"
#include "fanfare-people.h"
#include "fanfare-privacy-group.h"
#include "fanfare-reports-dialog.h"

struct _FanfareFriendsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkSearchEntry       *people_entry;
  GtkListBox           *people_list;
  GtkListBox           *feed_list;
  GtkWidget            *more_button;
  FanfarePrivacyGroup  *privacy_group;
  FanfareContactsGroup *contacts_group;
  FanfareNearbyGroup   *nearby_group;
  FanfareBlockedGroup  *blocked_group;
  GtkWidget            *reports_button;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GListStore            *feed;
  GListStore            *people;
  GHashTable            *friends;
  GHashTable            *blocked;
  GCancellable          *cancellable;
  GCancellable          *search_cancellable;

  /* State */
  char *next_cursor;
};

G_DEFINE_FINAL_TYPE (FanfareFriendsPage, fanfare_friends_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (FanfareFriendsPage * self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static gboolean
is_blocked (FanfareFriendsPage *self,
            FanfareUser        *user)
{
  return self->blocked != NULL && g_hash_table_contains (self->blocked, fanfare_user_get_username (user));
}

static void
show_person_cb (GtkButton *button,
                gpointer   user_data)
{
  FanfareUser *user = user_data;

  fanfare_navigate_profile (GTK_WIDGET (button), fanfare_user_get_username (user));
}

static GtkWidget *
create_activity_row (gpointer  item,
                     gpointer  user_data)
{
  FanfareActivity *activity = item;
  FanfareUser *user = fanfare_activity_get_user (activity);
  g_autofree char *text = fanfare_activity_dup_text (activity);
  const char *name = fanfare_user_get_display_name (user);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *person = gtk_button_new_from_icon_name ("avatar-default-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : fanfare_user_get_username (user));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_set_valign (person, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (person, "flat");
  gtk_widget_set_tooltip_text (person, _("Show Profile"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (person), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Profile"), -1);
  g_signal_connect_data (person, "clicked", G_CALLBACK (show_person_cb), g_object_ref (user),
                         (GClosureNotify) (void (*)(void))g_object_unref, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), person);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("fanfare-playlists-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "activity", g_object_ref (activity), g_object_unref);

  return row;
}

static GtkWidget *
create_person_row (gpointer  item,
                   gpointer  user_data)
{
  FanfareFriendsPage *self = user_data;
  FanfareUser *user = item;

  return fanfare_person_row_new (user, self->friends != NULL &&
                                 g_hash_table_contains (self->friends, fanfare_user_get_username (user)), NULL);
}

/* Appends the kinds this version knows, from people not blocked. */
static void
append_feed (FanfareFriendsPage *self,
             GListModel         *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FanfareActivity) activity = g_list_model_get_item (items, i);
      g_autofree char *text = fanfare_activity_dup_text (activity);

      if (text != NULL && !is_blocked (self, fanfare_activity_get_user (activity)))
        g_list_store_append (self->feed, activity);
    }
}

static void
feed_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  FanfareFriendsPage *self = user_data;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, &cursor, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the feed: %s", error->message);
      g_object_unref (self);
      return;
    }

  append_feed (self, items);
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&cursor);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "friends.more", TRUE);
  g_object_unref (self);
}

static void
load_feed (FanfareFriendsPage *self)
{
  FanfareClient *client = get_client (self);

  if (client == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "friends.more", FALSE);
  fanfare_client_list_feed_async (client, self->next_cursor, self->cancellable, feed_cb, g_object_ref (self));
}

/* Replaces *@names by the usernames of a list that arrived. */
static gboolean
take_usernames (GObject      *object,
                GAsyncResult *result,
                GHashTable  **names)
{
  g_autoptr(GListModel) items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, NULL);

  if (items == NULL)
    return FALSE;
  g_hash_table_unref (*names);
  *names = fanfare_usernames_of (items);

  return TRUE;
}

static void
friends_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareFriendsPage) self = user_data;

  take_usernames (object, result, &self->friends);
}

static void
blocked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareFriendsPage) self = user_data;
  g_autoptr(GListModel) items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, NULL);

  if (items == NULL)
    return;

  /* The feed follows, so that it leaves the blocked out. */
  g_hash_table_unref (self->blocked);
  self->blocked = fanfare_usernames_of (items);
  fanfare_blocked_group_show (self->blocked_group, FANFARE_CLIENT (object), items);
  fanfare_contacts_group_leave_out (self->contacts_group, self->blocked);
  load_feed (self);
}

static void
reload (FanfareFriendsPage *self)
{
  FanfareClient *client = get_client (self);
  FanfareUser *user = client != NULL ? fanfare_client_get_user (client) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->next_cursor, g_free);
  if (user == NULL)
    {
      g_list_store_remove_all (self->feed);
      g_list_store_remove_all (self->people);
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "content");
  gtk_widget_set_visible (self->reports_button, fanfare_user_get_moderator (user));
  if (!fanfare_client_get_online (client))
    return;
  fanfare_privacy_group_set_client (self->privacy_group, client);
  fanfare_contacts_group_set_client (self->contacts_group, client);
  fanfare_nearby_group_set_client (self->nearby_group, client);
  g_list_store_remove_all (self->feed);
  self->cancellable = g_cancellable_new ();
  fanfare_client_list_people_async (client, FANFARE_PEOPLE_FRIENDS, NULL, self->cancellable, friends_cb,
                                    g_object_ref (self));
  fanfare_client_list_people_async (client, FANFARE_PEOPLE_BLOCKED, NULL, self->cancellable, blocked_cb,
                                    g_object_ref (self));
}

static void
client_changed_cb (FanfareFriendsPage *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  reload (self);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FanfareFriendsPage *self = user_data;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  found = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, &error);
  if (found == NULL)
    {
      g_object_unref (self);
      return;
    }

  g_list_store_remove_all (self->people);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (found, i);

      if (FANFARE_IS_USER (item) && !is_blocked (self, FANFARE_USER (item)))
        g_list_store_append (self->people, item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->people_list), TRUE);
  g_object_unref (self);
}

static void
fanfare_friends_page_search_changed_cb (FanfareFriendsPage *self)
{
  fanfare_friends_page_find_people (self, gtk_editable_get_text (GTK_EDITABLE (self->people_entry)));
}

static void
fanfare_friends_page_person_activated_cb (FanfareFriendsPage *self,
                                          GtkListBoxRow      *row)
{
  fanfare_navigate_profile (GTK_WIDGET (self), fanfare_user_get_username (fanfare_person_row_get_user (GTK_WIDGET (row))));
}

static void
fanfare_friends_page_activity_activated_cb (FanfareFriendsPage *self,
                                            GtkListBoxRow      *row)
{
  FanfareActivity *activity = g_object_get_data (G_OBJECT (row), "activity");

  fanfare_navigate_playlist (GTK_WIDGET (self), fanfare_playlist_get_id (fanfare_activity_get_playlist (activity)));
}

static void
fanfare_friends_page_unblocked_cb (FanfareFriendsPage *self)
{
  /* Whoever was unblocked belongs in the feed and in searches again. */
  reload (self);
}

static void
reports_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FanfareClient *client = get_client (FANFARE_FRIENDS_PAGE (widget));
  GtkRoot *root = gtk_widget_get_root (widget);

  if (client != NULL)
    gtk_window_present (GTK_WINDOW (fanfare_reports_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                client)));
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  load_feed (FANFARE_FRIENDS_PAGE (widget));
}

static void
fanfare_friends_page_dispose (GObject *object)
{
  FanfareFriendsPage *self = FANFARE_FRIENDS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_FRIENDS_PAGE);
  g_clear_object (&self->feed);
  g_clear_object (&self->people);
  g_clear_pointer (&self->friends, g_hash_table_unref);
  g_clear_pointer (&self->blocked, g_hash_table_unref);
  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (fanfare_friends_page_parent_class)->dispose (object);
}

static void
fanfare_friends_page_class_init (FanfareFriendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_friends_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-friends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, people_entry);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, feed_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, privacy_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, nearby_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, blocked_group);
  gtk_widget_class_bind_template_child (widget_class, FanfareFriendsPage, reports_button);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_friends_page_unblocked_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_friends_page_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_friends_page_person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_friends_page_activity_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "friends.more", NULL, more_action);
  gtk_widget_class_install_action (widget_class, "friends.reports", NULL, reports_action);

  g_type_ensure (FANFARE_TYPE_BLOCKED_GROUP);
  g_type_ensure (FANFARE_TYPE_CONTACTS_GROUP);
  g_type_ensure (FANFARE_TYPE_NEARBY_GROUP);
  g_type_ensure (FANFARE_TYPE_PRIVACY_GROUP);
}

static void
fanfare_friends_page_init (FanfareFriendsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->feed = g_list_store_new (FANFARE_TYPE_ACTIVITY);
  self->people = g_list_store_new (FANFARE_TYPE_USER);
  self->friends = fanfare_usernames_of (NULL);
  self->blocked = fanfare_usernames_of (NULL);
  gtk_list_box_bind_model (self->feed_list, G_LIST_MODEL (self->feed), create_activity_row, NULL, NULL);
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->people), create_person_row, self, NULL);
  gtk_list_box_set_placeholder (self->feed_list,
                                fanfare_placeholder_new (_("Follow people to see the playlists they make and follow here")));
  gtk_list_box_set_placeholder (self->people_list, fanfare_placeholder_new (_("Nobody by that name")));
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (reload), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (reload), self);
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
}

void
fanfare_friends_page_set_accounts (FanfareFriendsPage    *self,
                                   FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_FRIENDS_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/**
 * fanfare_friends_page_reload:
 *
 * Reads the feed again from its first page.
 */
void
fanfare_friends_page_reload (FanfareFriendsPage *self)
{
  g_return_if_fail (FANFARE_IS_FRIENDS_PAGE (self));

  reload (self);
}

/**
 * fanfare_friends_page_find_people:
 * @text: a username or a display name, or part of one
 *
 * Lists the people called @text.
 */
void
fanfare_friends_page_find_people (FanfareFriendsPage *self,
                                  const char         *text)
{
  FanfareClient *client;
  g_autofree char *query = NULL;

  g_return_if_fail (FANFARE_IS_FRIENDS_PAGE (self));

  client = get_client (self);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  query = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->people_entry)), text != NULL ? text : ""))
    gtk_editable_set_text (GTK_EDITABLE (self->people_entry), text != NULL ? text : "");
  if (client == NULL || *query == '\0')
    {
      g_list_store_remove_all (self->people);
      gtk_widget_set_visible (GTK_WIDGET (self->people_list), FALSE);
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  fanfare_client_find_people_async (client, query, NULL, self->search_cancellable, search_cb, g_object_ref (self));
}

/**
 * fanfare_friends_page_get_feed:
 *
 * Returns: (transfer none): the #FanfareActivity items on show
 */
GListModel *
fanfare_friends_page_get_feed (FanfareFriendsPage *self)
{
  g_return_val_if_fail (FANFARE_IS_FRIENDS_PAGE (self), NULL);

  return G_LIST_MODEL (self->feed);
}

/**
 * fanfare_friends_page_get_people:
 *
 * Returns: (transfer none): the #FanfareUser objects found
 */
GListModel *
fanfare_friends_page_get_people (FanfareFriendsPage *self)
{
  g_return_val_if_fail (FANFARE_IS_FRIENDS_PAGE (self), NULL);

  return G_LIST_MODEL (self->people);
}
