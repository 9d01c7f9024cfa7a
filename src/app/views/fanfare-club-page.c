/* fanfare-club-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A fan club: its name and artist, Join or Leave, the posts (pinned first)
 * with their comments, a line to post for members, and the supporters'
 * leaderboard with their badge levels and nameplates. The club's admins
 * and founder also get its moderation: pinning and removing posts,
 * removing and banning members. The artist can claim the official club a
 * fan founded. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-client-clubs.h"
#include "fanfare-club-composer.h"
#include "fanfare-club-page.h"
#include "fanfare-error.h"
#include "fanfare-club-post-row.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-window.h"

struct _FanfareClubPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget           *scroller;
  GtkLabel            *name_label;
  GtkLabel            *details_label;
  GtkLabel            *description_label;
  GtkButton           *join_button;
  GtkWidget           *claim_button;
  FanfareClubComposer *composer;
  GtkListBox          *posts_list;
  GtkListBox          *leaderboard_list;

  /* Owned references */
  GCancellable      *cancellable;
  FanfareClientClub *club;
  char              *club_id;
  char              *key;  /* the server's nameplate key */

  /* State */
  guint    n_posts;
  guint    n_supporters;
  gboolean loaded;  /* the club, its posts and its leaderboard read */
};

G_DEFINE_FINAL_TYPE (FanfareClubPage, fanfare_club_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (void)
{
  GApplication *app = g_application_get_default ();

  return FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
}

static gboolean
is_member (FanfareClubPage *self)
{
  return self->club != NULL && self->club->role != NULL;
}

static gboolean
is_moderator (FanfareClubPage *self)
{
  return self->club != NULL &&
         (g_strcmp0 (self->club->role, "admin") == 0 || g_strcmp0 (self->club->role, "founder") == 0);
}

/* Whether the user is the club's artist, who may claim it. */
static gboolean
is_claimable (FanfareClubPage *self)
{
  FanfareClient *client = get_client ();
  FanfareUser *user = client != NULL ? fanfare_client_get_user (client) : NULL;

  return self->club != NULL && self->club->official && !self->club->claimed && user != NULL &&
         g_strcmp0 (fanfare_user_get_artist_id (user), self->club->artist_id) == 0;
}

/* Takes the rows away; the placeholder stays. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
show_club (FanfareClubPage *self)
{
  g_autofree char *details = NULL;
  const char *kind = self->club->official ? _("Official club") : _("Fan-made club");

  gtk_label_set_label (self->name_label, self->club->name);
  /* Translators: the artist, official or fan-made, and the number of members */
  details = g_strdup_printf (ngettext ("%s · %s · %u member", "%s · %s · %u members", self->club->member_count),
                             self->club->artist, kind, self->club->member_count);
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->description_label, self->club->description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          self->club->description != NULL && *self->club->description != '\0');

  gtk_button_set_label (self->join_button, is_member (self) ? _("Leave") : _("Join"));
  gtk_widget_set_visible (GTK_WIDGET (self->join_button), g_strcmp0 (self->club->role, "founder") != 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->join_button), "suggested-action");
  if (!is_member (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->join_button), "suggested-action");
  gtk_widget_set_visible (self->claim_button, is_claimable (self));
  gtk_widget_set_visible (GTK_WIDGET (self->composer), is_member (self));
}

static GtkWidget *
create_member_menu (const FanfareClientSupporter *supporter)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("Remove from Club"), NULL);
  g_autoptr(GMenuItem) ban = g_menu_item_new (_("Ban from Club"), NULL);

  g_menu_item_set_action_and_target (remove, "club.remove-member", "s", supporter->username);
  g_menu_item_set_action_and_target (ban, "club.ban-member", "s", supporter->username);
  g_menu_append_item (menu, remove);
  g_menu_append_item (menu, ban);

  return fanfare_club_moderation_button_new (G_MENU_MODEL (menu));
}

static GtkWidget *
create_supporter_row (FanfareClubPage              *self,
                      const FanfareClientSupporter *supporter)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = supporter->display_name != NULL ? supporter->display_name : supporter->username;

  /* Translators: a supporter's rank and name */
  title = g_strdup_printf (_("%u. %s"), supporter->rank, name);
  /* Translators: a supporter's badge level and number of albums bought */
  subtitle = g_strdup_printf (ngettext ("Badge level %u · %u album", "Badge level %u · %u albums",
                                        supporter->purchases), supporter->badge_level, supporter->purchases);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The first few nameplates; the leaderboard is no gallery. */
  for (guint i = 0; i < supporter->nameplates->len && i < 3; i++)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               fanfare_nameplate_view_new (g_ptr_array_index (supporter->nameplates, i), self->key));

  if (is_moderator (self) && g_strcmp0 (supporter->role, "founder") != 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_member_menu (supporter));

  return row;
}

static void
leaderboard_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) supporters = fanfare_client_club_leaderboard_finish (FANFARE_CLIENT (object), result, &error);

  if (supporters == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a club's leaderboard: %s", error->message);
      return;
    }

  clear_list (self->leaderboard_list);
  for (guint i = 0; i < supporters->len; i++)
    gtk_list_box_append (self->leaderboard_list, create_supporter_row (self, g_ptr_array_index (supporters, i)));
  self->n_supporters = supporters->len;
  self->loaded = TRUE;
}

static void
posts_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = fanfare_client_list_club_posts_finish (FANFARE_CLIENT (object), result, &error);

  if (posts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a club's posts: %s", error->message);
      return;
    }

  clear_list (self->posts_list);
  for (guint i = 0; i < posts->len; i++)
    gtk_list_box_append (self->posts_list,
                         fanfare_club_post_row_new (FANFARE_CLIENT (object), g_ptr_array_index (posts, i),
                                                    is_member (self), is_moderator (self)));
  self->n_posts = posts->len;

  fanfare_client_club_leaderboard_async (FANFARE_CLIENT (object), self->club_id, self->cancellable, leaderboard_cb,
                                         g_object_ref (self));
}

static void
club_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  FanfareClientClub *club = fanfare_client_club_finish (FANFARE_CLIENT (object), result, &error);

  if (club == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a club: %s", error->message);
      return;
    }

  g_clear_pointer (&self->club, fanfare_client_club_free);
  self->club = club;
  show_club (self);
  fanfare_client_list_club_posts_async (FANFARE_CLIENT (object), self->club_id, self->cancellable, posts_cb,
                                        g_object_ref (self));
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key = fanfare_client_get_store_key_finish (FANFARE_CLIENT (object), result, &error);

  if (key == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the key, nameplates show as not verified. */
  g_free (self->key);
  self->key = key;
  fanfare_client_get_club_async (FANFARE_CLIENT (object), self->club_id, self->cancellable, club_cb,
                                 g_object_ref (self));
}

/**
 * fanfare_club_page_reload:
 *
 * Reads the club, its posts and its leaderboard again.
 */
void
fanfare_club_page_reload (FanfareClubPage *self)
{
  FanfareClient *client = get_client ();

  g_return_if_fail (FANFARE_IS_CLUB_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = FALSE;

  if (client == NULL)
    return;

  if (self->key == NULL)
    fanfare_client_get_store_key_async (client, self->cancellable, key_cb, g_object_ref (self));
  else
    fanfare_client_get_club_async (client, self->club_id, self->cancellable, club_cb, g_object_ref (self));
}

/**
 * fanfare_club_report_error:
 * @from: a widget of the window
 *
 * Tells the user in a toast why a change to a club did not happen.
 */
void
fanfare_club_report_error (GtkWidget    *from,
                           const GError *error)
{
  g_debug ("Could not change a club: %s", error->message);
  fanfare_window_toast_from (from, error->message);
}

/* Every change ends by reading the club again, whatever the answer. */
static void
after_change (FanfareClubPage *self,
              const GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    fanfare_club_report_error (GTK_WIDGET (self), error);
  fanfare_club_page_reload (self);
}

static void
club_changed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClub) club = fanfare_client_club_finish (FANFARE_CLIENT (object), result, &error);

  after_change (self, error);
}

static void
post_changed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClubPost) post = fanfare_client_add_club_post_finish (FANFARE_CLIENT (object), result,
                                                                               &error);

  after_change (self, error);
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;

  fanfare_client_club_change_finish (FANFARE_CLIENT (object), result, &error);
  after_change (self, error);
}

/* A refusal to join says why in the user's words: a ban is for good. */
static void
joined_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareClubPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClub) club = fanfare_client_club_finish (FANFARE_CLIENT (object), result, &error);

  if (g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN))
    {
      g_autoptr(GError) banned = g_error_new_literal (FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN,
                                                      _("You were banned from this club and cannot join it again"));

      after_change (self, banned);
      return;
    }
  after_change (self, error);
}

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareClubPage *self = FANFARE_CLUB_PAGE (widget);
  FanfareClient *client = get_client ();

  if (client == NULL || self->club == NULL)
    return;

  /* Leaving answers no club: the page reads it again either way. */
  if (is_member (self))
    fanfare_client_join_club_async (client, self->club_id, FALSE, self->cancellable, changed_cb, g_object_ref (self));
  else
    fanfare_client_join_club_async (client, self->club_id, TRUE, self->cancellable, joined_cb, g_object_ref (self));
}

static void
claim_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareClubPage *self = FANFARE_CLUB_PAGE (widget);
  FanfareClient *client = get_client ();

  if (client != NULL)
    fanfare_client_claim_club_async (client, self->club_id, self->cancellable, club_changed_cb, g_object_ref (self));
}

static void
post_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fanfare_club_composer_post (FANFARE_CLUB_PAGE (widget)->composer);
}

static void
fanfare_club_page_posted_cb (FanfareClubPage *self,
                             const GError    *error)
{
  after_change (self, error);
}

static void
post_moderation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FanfareClubPage *self = FANFARE_CLUB_PAGE (widget);
  FanfareClient *client = get_client ();
  const char *post_id = g_variant_get_string (parameter, NULL);

  if (client == NULL)
    return;

  if (g_str_equal (action_name, "club.remove-post"))
    fanfare_client_remove_club_post_async (client, post_id, self->cancellable, changed_cb, g_object_ref (self));
  else
    fanfare_client_pin_club_post_async (client, post_id, g_str_equal (action_name, "club.pin-post"),
                                        self->cancellable, post_changed_cb, g_object_ref (self));
}

static void
member_moderation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FanfareClubPage *self = FANFARE_CLUB_PAGE (widget);
  FanfareClient *client = get_client ();
  FanfareClientClubAction action = g_str_equal (action_name, "club.ban-member") ? FANFARE_CLIENT_CLUB_BAN
                                                                                 : FANFARE_CLIENT_CLUB_REMOVE;

  if (client != NULL)
    fanfare_client_moderate_member_async (client, self->club_id, g_variant_get_string (parameter, NULL), action,
                                          self->cancellable, changed_cb, g_object_ref (self));
}

static void
fanfare_club_page_dispose (GObject *object)
{
  FanfareClubPage *self = FANFARE_CLUB_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CLUB_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->club, fanfare_client_club_free);

  G_OBJECT_CLASS (fanfare_club_page_parent_class)->dispose (object);
}

static void
fanfare_club_page_finalize (GObject *object)
{
  FanfareClubPage *self = FANFARE_CLUB_PAGE (object);

  g_free (self->club_id);
  g_free (self->key);

  G_OBJECT_CLASS (fanfare_club_page_parent_class)->finalize (object);
}

static void
fanfare_club_page_class_init (FanfareClubPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_club_page_dispose;
  object_class->finalize = fanfare_club_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/app/views/fanfare-club-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, join_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, claim_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, composer);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, posts_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubPage, leaderboard_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_club_page_posted_cb);

  gtk_widget_class_install_action (widget_class, "club.join", NULL, join_action);
  gtk_widget_class_install_action (widget_class, "club.claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "club.post", NULL, post_action);
  gtk_widget_class_install_action (widget_class, "club.pin-post", "s", post_moderation_action);
  gtk_widget_class_install_action (widget_class, "club.unpin-post", "s", post_moderation_action);
  gtk_widget_class_install_action (widget_class, "club.remove-post", "s", post_moderation_action);
  gtk_widget_class_install_action (widget_class, "club.remove-member", "s", member_moderation_action);
  gtk_widget_class_install_action (widget_class, "club.ban-member", "s", member_moderation_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (FANFARE_TYPE_CLUB_COMPOSER);
}

static void
fanfare_club_page_init (FanfareClubPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * fanfare_club_page_new:
 *
 * Returns: (transfer floating): the page of the club, which it reads at once
 */
GtkWidget *
fanfare_club_page_new (const char *club_id)
{
  FanfareClubPage *self;

  g_return_val_if_fail (club_id != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_CLUB_PAGE, NULL);
  self->club_id = g_strdup (club_id);
  fanfare_club_composer_set_club (self->composer, club_id);
  fanfare_club_page_reload (self);

  return GTK_WIDGET (self);
}

/* The user's role in the club, or %NULL before it is read or for a
 * non-member. */
const char *
fanfare_club_page_get_role (FanfareClubPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_PAGE (self), NULL);

  return self->club != NULL ? self->club->role : NULL;
}

guint
fanfare_club_page_get_n_posts (FanfareClubPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_PAGE (self), 0);

  return self->n_posts;
}

guint
fanfare_club_page_get_n_supporters (FanfareClubPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_PAGE (self), 0);

  return self->n_supporters;
}

GtkEditable *
fanfare_club_page_get_post_entry (FanfareClubPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_PAGE (self), NULL);

  return fanfare_club_composer_get_entry (self->composer);
}

gboolean
fanfare_club_page_get_loaded (FanfareClubPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_PAGE (self), FALSE);

  return self->loaded;
}

FanfareClubComposer *
fanfare_club_page_get_composer (FanfareClubPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUB_PAGE (self), NULL);

  return self->composer;
}
