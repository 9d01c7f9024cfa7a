/* fanfare-profile-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A person's profile: their name and how the user stands with them (a
 * friend when each follows the other), their playlists the user may see,
 * their nameplates and fan clubs (fanfare-profile-fandom.c), their
 * followers and whom they follow, friends marked, and Follow,
 * Unfollow, Block and Unblock. Blocking asks first: it ends the follows of
 * both ways. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-navigate.h"
#include "fanfare-people.h"
#include "fanfare-profile-fandom.h"
#include "fanfare-profile-page.h"

struct _FanfareProfilePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkLabel             *name_label;
  GtkLabel             *handle_label;
  GtkWidget            *friend_label;
  GtkLabel             *counts_label;
  GtkWidget            *actions_box;
  GtkButton            *follow_button;
  GtkButton            *block_button;
  GtkLabel             *bio_label;
  GtkListBox           *playlists_list;
  GtkListBox           *followers_list;
  GtkListBox           *following_list;
  FanfareProfileFandom *fandom;

  /* Owned references */
  FanfareClient  *client;
  FanfareProfile *profile;
  GListStore     *playlists;
  GListStore     *followers;
  GListStore     *following;
  GHashTable     *friends;
  GCancellable   *cancellable;

  /* State */
  char *username;
};

G_DEFINE_FINAL_TYPE (FanfareProfilePage, fanfare_profile_page, GTK_TYPE_WIDGET)

static gboolean
is_self (FanfareProfilePage *self)
{
  FanfareUser *me = fanfare_client_get_user (self->client);

  return me != NULL && g_str_equal (fanfare_user_get_username (me), self->username);
}

static GtkWidget *
create_playlist_row (gpointer  item,
                     gpointer  user_data)
{
  FanfarePlaylist *playlist = item;
  guint count = fanfare_playlist_get_track_count (playlist);
  g_autofree char *tracks = g_strdup_printf (ngettext ("%u track", "%u tracks", count), count);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_playlist_get_title (playlist));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tracks);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("fanfare-playlists-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "playlist", g_object_ref (playlist), g_object_unref);

  return row;
}

static GtkWidget *
create_person_row (gpointer  item,
                   gpointer  user_data)
{
  FanfareProfilePage *self = user_data;
  FanfareUser *user = item;

  return fanfare_person_row_new (user, g_hash_table_contains (self->friends, fanfare_user_get_username (user)), NULL);
}

static void
show_profile (FanfareProfilePage *self)
{
  FanfareUser *user = fanfare_profile_get_user (self->profile);
  const char *name = fanfare_user_get_display_name (user);
  const char *bio = fanfare_user_get_bio (user);
  guint followers = fanfare_user_get_follower_count (user);
  guint following = fanfare_user_get_following_count (user);
  g_autofree char *handle = g_strdup_printf ("@%s", fanfare_user_get_username (user));
  g_autofree char *followers_text = g_strdup_printf (ngettext ("%u follower", "%u followers", followers), followers);
  /* Translators: how many people a person follows */
  g_autofree char *following_text = g_strdup_printf (ngettext ("%u following", "%u following", following),
                                                     following);
  /* Translators: followers, then how many people a person follows */
  g_autofree char *counts = g_strdup_printf (_("%s · %s"), followers_text, following_text);
  gboolean blocking = fanfare_profile_get_blocking (self->profile);
  gboolean following_them = fanfare_profile_get_following (self->profile);

  gtk_label_set_text (self->name_label, name != NULL && *name != '\0' ? name : handle);
  gtk_label_set_text (self->handle_label, handle);
  gtk_label_set_text (self->counts_label, counts);
  gtk_label_set_text (self->bio_label, bio != NULL ? bio : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bio_label), bio != NULL && *bio != '\0');
  gtk_widget_set_visible (self->friend_label, following_them && fanfare_profile_get_followed_by (self->profile));
  gtk_widget_set_visible (self->actions_box, !is_self (self) && fanfare_client_get_signed_in (self->client));
  gtk_button_set_label (self->follow_button, following_them ? _("_Unfollow") : _("_Follow"));
  gtk_widget_set_visible (GTK_WIDGET (self->follow_button), !blocking);
  if (following_them)
    gtk_widget_remove_css_class (GTK_WIDGET (self->follow_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->follow_button), "suggested-action");
  gtk_button_set_label (self->block_button, blocking ? _("Un_block") : _("_Block"));
  if (blocking)
    gtk_widget_remove_css_class (GTK_WIDGET (self->block_button), "destructive-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->block_button), "destructive-action");
  g_list_store_remove_all (self->playlists);
  for (guint i = 0; i < g_list_model_get_n_items (fanfare_profile_get_playlists (self->profile)); i++)
    {
      g_autoptr(FanfarePlaylist) playlist = g_list_model_get_item (fanfare_profile_get_playlists (self->profile), i);

      g_list_store_append (self->playlists, playlist);
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareProfilePage) self = user_data;
  g_autoptr(FanfareProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = fanfare_client_get_profile_finish (FANFARE_CLIENT (object), result, &error);
  if (profile == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->profile, profile);
  show_profile (self);
}

static void
replace_people (GObject      *object,
                GAsyncResult *result,
                GListStore   *store)
{
  g_autoptr(GListModel) items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, NULL);

  /* Cancelled with its page, or offline: what was shown stays. */
  if (items == NULL || store == NULL)
    return;
  g_list_store_remove_all (store);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (store, item);
    }
}

static void
followers_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FanfareProfilePage) self = user_data;

  replace_people (object, result, self->followers);
}

static void
following_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FanfareProfilePage) self = user_data;

  replace_people (object, result, self->following);
}

/* The user's friends are known before the lists that mark them. */
static void
friends_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareProfilePage) self = user_data;
  g_autoptr(GListModel) friends = NULL;

  if (result != NULL)
    friends = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_hash_table_unref (self->friends);
  self->friends = fanfare_usernames_of (friends);
  fanfare_client_list_people_async (self->client, FANFARE_PEOPLE_FOLLOWERS, self->username, self->cancellable,
                                    followers_cb, g_object_ref (self));
  fanfare_client_list_people_async (self->client, FANFARE_PEOPLE_FOLLOWING, self->username, self->cancellable,
                                    following_cb, g_object_ref (self));
}

static void
load (FanfareProfilePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  fanfare_client_get_profile_async (self->client, self->username, self->cancellable, profile_cb, g_object_ref (self));
  fanfare_profile_fandom_load (self->fandom, self->client, self->username);
  if (fanfare_client_get_signed_in (self->client))
    fanfare_client_list_people_async (self->client, FANFARE_PEOPLE_FRIENDS, NULL, self->cancellable, friends_cb,
                                      g_object_ref (self));
  else
    friends_cb (G_OBJECT (self->client), NULL, g_object_ref (self));
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareProfilePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_toast (GTK_WIDGET (self), error->message);
      return;
    }
  load (self);
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareProfilePage *self = FANFARE_PROFILE_PAGE (widget);

  if (self->profile == NULL)
    return;
  fanfare_client_set_following_async (self->client, self->username, !fanfare_profile_get_following (self->profile),
                                      self->cancellable, changed_cb, g_object_ref (self));
}

static void
block_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   FanfareProfilePage *self)
{
  if (g_str_equal (response, "block"))
    fanfare_client_set_blocked_async (self->client, self->username, TRUE, self->cancellable, changed_cb,
                                      g_object_ref (self));
}

static void
block_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareProfilePage *self = FANFARE_PROFILE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->profile == NULL)
    return;
  if (fanfare_profile_get_blocking (self->profile))
    {
      fanfare_client_set_blocked_async (self->client, self->username, FALSE, self->cancellable, changed_cb,
                                        g_object_ref (self));
      return;
    }
  if (!GTK_IS_WINDOW (root))
    return;

  /* Translators: the person's username */
  heading = g_strdup_printf (_("Block @%s?"), self->username);
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading,
                                   _("You will stop following each other, and neither of you will see the other’s "
                                     "activity, playlists or comments, or be able to send the other music."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "block", _("_Block"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "block", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (block_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fanfare_profile_page_playlist_activated_cb (FanfareProfilePage *self,
                                            GtkListBoxRow      *row)
{
  FanfarePlaylist *playlist = g_object_get_data (G_OBJECT (row), "playlist");

  fanfare_navigate_playlist (GTK_WIDGET (self), fanfare_playlist_get_id (playlist));
}

static void
fanfare_profile_page_person_activated_cb (FanfareProfilePage *self,
                                          GtkListBoxRow      *row)
{
  FanfareUser *user = fanfare_person_row_get_user (GTK_WIDGET (row));

  if (!g_str_equal (fanfare_user_get_username (user), self->username))
    fanfare_navigate_profile (GTK_WIDGET (self), fanfare_user_get_username (user));
}

static void
fanfare_profile_page_dispose (GObject *object)
{
  FanfareProfilePage *self = FANFARE_PROFILE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PROFILE_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->profile);
  g_clear_object (&self->playlists);
  g_clear_object (&self->followers);
  g_clear_object (&self->following);
  g_clear_pointer (&self->friends, g_hash_table_unref);

  G_OBJECT_CLASS (fanfare_profile_page_parent_class)->dispose (object);
}

static void
fanfare_profile_page_finalize (GObject *object)
{
  FanfareProfilePage *self = FANFARE_PROFILE_PAGE (object);

  g_free (self->username);

  G_OBJECT_CLASS (fanfare_profile_page_parent_class)->finalize (object);
}

static void
fanfare_profile_page_class_init (FanfareProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_profile_page_dispose;
  object_class->finalize = fanfare_profile_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, handle_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, friend_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, block_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, bio_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, playlists_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, followers_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, following_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfilePage, fandom);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_profile_page_playlist_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_profile_page_person_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "profile.follow", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "profile.block", NULL, block_action);
  g_type_ensure (FANFARE_TYPE_PROFILE_FANDOM);
}

static void
fanfare_profile_page_init (FanfareProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->playlists = g_list_store_new (FANFARE_TYPE_PLAYLIST);
  self->followers = g_list_store_new (FANFARE_TYPE_USER);
  self->following = g_list_store_new (FANFARE_TYPE_USER);
  self->friends = fanfare_usernames_of (NULL);
  gtk_list_box_bind_model (self->playlists_list, G_LIST_MODEL (self->playlists), create_playlist_row, NULL, NULL);
  gtk_list_box_bind_model (self->followers_list, G_LIST_MODEL (self->followers), create_person_row, self, NULL);
  gtk_list_box_bind_model (self->following_list, G_LIST_MODEL (self->following), create_person_row, self, NULL);
  gtk_list_box_set_placeholder (self->playlists_list, fanfare_placeholder_new (_("No public playlists")));
  gtk_list_box_set_placeholder (self->followers_list, fanfare_placeholder_new (_("No followers yet")));
  gtk_list_box_set_placeholder (self->following_list, fanfare_placeholder_new (_("Follows nobody yet")));
}

/**
 * fanfare_profile_page_new:
 * @username: whose profile
 *
 * Returns: (transfer floating): the profile of @username, which it loads
 */
GtkWidget *
fanfare_profile_page_new (const char *username)
{
  FanfareProfilePage *self;
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;

  g_return_val_if_fail (username != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_PROFILE_PAGE, NULL);
  self->username = g_strdup (username);
  if (client == NULL)
    {
      adw_status_page_set_description (self->error_page, _("Sign in to a Fanfare server to see people."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return GTK_WIDGET (self);
    }

  self->client = g_object_ref (client);
  load (self);

  return GTK_WIDGET (self);
}

/**
 * fanfare_profile_page_get_profile:
 *
 * Returns: (transfer none) (nullable): the profile, once loaded
 */
FanfareProfile *
fanfare_profile_page_get_profile (FanfareProfilePage *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_PAGE (self), NULL);

  return self->profile;
}

/**
 * fanfare_profile_page_get_followers:
 *
 * Returns: (transfer none): the #FanfareUser objects who follow the person
 */
GListModel *
fanfare_profile_page_get_followers (FanfareProfilePage *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_PAGE (self), NULL);

  return G_LIST_MODEL (self->followers);
}

/**
 * fanfare_profile_page_get_following:
 *
 * Returns: (transfer none): the #FanfareUser objects the person follows
 */
GListModel *
fanfare_profile_page_get_following (FanfareProfilePage *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_PAGE (self), NULL);

  return G_LIST_MODEL (self->following);
}

/**
 * fanfare_profile_page_get_fandom:
 *
 * Returns: (transfer none): the person's nameplates and fan clubs
 */
FanfareProfileFandom *
fanfare_profile_page_get_fandom (FanfareProfilePage *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_PAGE (self), NULL);

  return self->fandom;
}
