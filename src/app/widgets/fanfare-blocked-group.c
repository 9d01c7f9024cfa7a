/* fanfare-blocked-group.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Blocked People, among the privacy settings: whom the user blocked, each
 * with an Unblock button. Unblocking takes the person off the list once
 * the server agrees, and says so with "unblocked", so that the page shows
 * them again where they belong. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-blocked-group.h"
#include "fanfare-navigate.h"
#include "fanfare-people.h"

struct _FanfareBlockedGroup
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *group;
  GtkListBox *list;

  /* Owned references */
  FanfareClient *client;
  GListStore    *people;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareBlockedGroup, fanfare_blocked_group, GTK_TYPE_WIDGET)

enum {
  UNBLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
find_person (FanfareBlockedGroup *self,
             const char          *username,
             guint               *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->people)); i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (g_str_equal (fanfare_user_get_username (user), username))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct {
  FanfareBlockedGroup *self;
  char                *username;
} Unblocking;

static void
unblocking_free (Unblocking *unblocking)
{
  g_object_unref (unblocking->self);
  g_free (unblocking->username);
  g_free (unblocking);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Unblocking, unblocking_free)

static void
unblocked_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Unblocking) unblocking = user_data;
  FanfareBlockedGroup *self = unblocking->self;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_toast (GTK_WIDGET (self), error->message);
      return;
    }

  if (find_person (self, unblocking->username, &position))
    g_list_store_remove (self->people, position);
  g_signal_emit (self, signals[UNBLOCKED], 0, unblocking->username);
}

static void
unblock_clicked_cb (GtkButton           *button,
                    FanfareBlockedGroup *self)
{
  FanfareUser *user = fanfare_person_row_get_user (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                            GTK_TYPE_LIST_BOX_ROW));

  fanfare_blocked_group_unblock (self, fanfare_user_get_username (user));
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  FanfareBlockedGroup *self = user_data;
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Unblock"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (unblock_clicked_cb), self, 0);
  return fanfare_person_row_new (item, FALSE, button);
}

static void
fanfare_blocked_group_row_activated_cb (FanfareBlockedGroup *self,
                                        GtkListBoxRow       *row)
{
  fanfare_navigate_profile (GTK_WIDGET (self), fanfare_user_get_username (fanfare_person_row_get_user (GTK_WIDGET (row))));
}

static void
fanfare_blocked_group_dispose (GObject *object)
{
  FanfareBlockedGroup *self = FANFARE_BLOCKED_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_BLOCKED_GROUP);
  g_clear_object (&self->client);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (fanfare_blocked_group_parent_class)->dispose (object);
}

static void
fanfare_blocked_group_class_init (FanfareBlockedGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_blocked_group_dispose;

  /**
   * FanfareBlockedGroup::unblocked:
   * @username: whom the user no longer blocks
   */
  signals[UNBLOCKED] = g_signal_new ("unblocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-blocked-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareBlockedGroup, group);
  gtk_widget_class_bind_template_child (widget_class, FanfareBlockedGroup, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_blocked_group_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_blocked_group_init (FanfareBlockedGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->people = g_list_store_new (FANFARE_TYPE_USER);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->people), create_row, self, NULL);
  gtk_list_box_set_placeholder (self->list, fanfare_placeholder_new (_("You have not blocked anyone")));
}

/**
 * fanfare_blocked_group_show:
 * @client: the signed-in user's client, which unblocks
 * @people: (element-type FanfareUser): whom the user blocked
 */
void
fanfare_blocked_group_show (FanfareBlockedGroup *self,
                            FanfareClient       *client,
                            GListModel          *people)
{
  g_return_if_fail (FANFARE_IS_BLOCKED_GROUP (self));
  g_return_if_fail (FANFARE_IS_CLIENT (client));
  g_return_if_fail (G_IS_LIST_MODEL (people));

  g_set_object (&self->client, client);
  g_list_store_remove_all (self->people);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (people, i);

      g_list_store_append (self->people, user);
    }
}

/**
 * fanfare_blocked_group_unblock:
 *
 * Lifts the block of @username, as their Unblock button does.
 */
void
fanfare_blocked_group_unblock (FanfareBlockedGroup *self,
                               const char          *username)
{
  Unblocking *unblocking;

  g_return_if_fail (FANFARE_IS_BLOCKED_GROUP (self));
  g_return_if_fail (username != NULL);

  if (self->client == NULL)
    return;

  unblocking = g_new0 (Unblocking, 1);
  unblocking->self = g_object_ref (self);
  unblocking->username = g_strdup (username);
  fanfare_client_set_blocked_async (self->client, username, FALSE, self->cancellable, unblocked_cb, unblocking);
}

/**
 * fanfare_blocked_group_get_people:
 *
 * Returns: (transfer none): the #FanfareUser objects listed
 */
GListModel *
fanfare_blocked_group_get_people (FanfareBlockedGroup *self)
{
  g_return_val_if_fail (FANFARE_IS_BLOCKED_GROUP (self), NULL);

  return G_LIST_MODEL (self->people);
}
