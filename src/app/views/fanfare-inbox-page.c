/* fanfare-inbox-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The inbox: the albums friends gave (fanfare-inbox-gifts.c), then the
 * tracks, albums and playlists friends sent, each with its note, the
 * latest first. Its sidebar row carries a badge with how many
 * are unread, asked every minute while signed in; showing the inbox reads
 * them, and a message opens what it carries. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-client-social.h"
#include "fanfare-inbox-gifts.h"
#include "fanfare-inbox-page.h"
#include "fanfare-navigate.h"
#include "fanfare-people.h"

#define CHECK_SECONDS 60

struct _FanfareInboxPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkListBox        *list;
  GtkWidget         *more_button;
  FanfareInboxGifts *gifts;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
  GListStore            *messages;
  GCancellable          *cancellable;
  GCancellable          *count_cancellable;

  /* State */
  char *next_cursor;
  char *badge;
  guint unread;
  guint check_source;
};

G_DEFINE_FINAL_TYPE (FanfareInboxPage, fanfare_inbox_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UNREAD,
  PROP_BADGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FanfareClient *
get_client (FanfareInboxPage *self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static gboolean
signed_in (FanfareInboxPage *self)
{
  FanfareClient *client = get_client (self);

  return client != NULL && fanfare_client_get_signed_in (client);
}

static void
set_unread (FanfareInboxPage *self,
            guint             unread)
{
  if (self->unread == unread)
    return;

  self->unread = unread;
  g_free (self->badge);
  /* Translators: more unread messages than the badge shows */
  self->badge = unread == 0 ? g_strdup ("") : unread > 99 ? g_strdup (_("99+")) : g_strdup_printf ("%u", unread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE]);
}

static const char *
item_title (GObject *item)
{
  if (FANFARE_IS_TRACK (item))
    return fanfare_track_get_title (FANFARE_TRACK (item));
  if (FANFARE_IS_ALBUM (item))
    return fanfare_album_get_title (FANFARE_ALBUM (item));
  if (FANFARE_IS_PLAYLIST (item))
    return fanfare_playlist_get_title (FANFARE_PLAYLIST (item));

  return NULL;
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  FanfareMessage *message = item;
  FanfareUser *sender = fanfare_message_get_sender (message);
  const char *name = fanfare_user_get_display_name (sender);
  const char *note = fanfare_message_get_note (message);
  const char *kind = fanfare_message_get_kind (message);
  g_autofree char *from = g_strdup_printf (_("From %s"), name != NULL && *name != '\0' ? name
                                                                                     : fanfare_user_get_username (sender));
  /* Translators: who sent it, then their note */
  g_autofree char *subtitle = note != NULL && *note != '\0' ? g_strdup_printf (_("%s · %s"), from, note)
                                                            : g_strdup (from);
  GtkWidget *row = adw_action_row_new ();
  const char *icon = g_str_equal (kind, "playlist") ? "fanfare-playlists-symbolic"
                     : g_str_equal (kind, "album") ? "media-optical-symbolic" : "audio-x-generic-symbolic";

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_title (fanfare_message_get_item (message)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (!fanfare_message_get_read (message))
    gtk_widget_add_css_class (row, "unread");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "message", g_object_ref (message), g_object_unref);

  return row;
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareInboxPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 unread = fanfare_client_count_unread_finish (FANFARE_CLIENT (object), result, &error);

  /* Offline, the badge stays as it was. */
  if (unread >= 0 && error == NULL)
    set_unread (self, (guint) MIN (unread, G_MAXUINT));
}

static gboolean
check_cb (gpointer  user_data)
{
  fanfare_inbox_page_check_now (user_data);

  return G_SOURCE_CONTINUE;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FanfareInboxPage) self = user_data;

  if (fanfare_client_social_finish (FANFARE_CLIENT (object), result, NULL))
    fanfare_inbox_page_check_now (self);
}

static void
messages_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareInboxPage) self = user_data;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  items = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, &cursor, &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the inbox: %s", error->message);
      return;
    }

  /* Shown, they are read: the badge clears. Kinds this version does not
   * know carry no item and are left out. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FanfareMessage) message = g_list_model_get_item (items, i);

      if (fanfare_message_get_item (message) == NULL)
        continue;
      g_list_store_append (self->messages, message);
      if (!fanfare_message_get_read (message))
        fanfare_client_mark_message_read_async (FANFARE_CLIENT (object), fanfare_message_get_id (message),
                                                self->cancellable, read_cb, g_object_ref (self));
    }
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&cursor);
  gtk_widget_set_visible (self->more_button, self->next_cursor != NULL);
}

static void
load_page (FanfareInboxPage *self)
{
  FanfareClient *client = get_client (self);

  if (client == NULL || !fanfare_client_get_online (client))
    return;
  /* The gifts come with the first page. */
  if (self->next_cursor == NULL)
    fanfare_inbox_gifts_load (self->gifts, client);
  fanfare_client_list_inbox_async (client, self->next_cursor, self->cancellable, messages_cb, g_object_ref (self));
}

static void
reload (FanfareInboxPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->next_cursor, g_free);
  g_list_store_remove_all (self->messages);
  gtk_widget_set_visible (self->more_button, FALSE);
  if (!signed_in (self))
    {
      fanfare_inbox_gifts_clear (self->gifts);
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "content");
  self->cancellable = g_cancellable_new ();
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_page (self);
}

static void
signed_in_changed_cb (FanfareInboxPage *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (signed_in (self))
    {
      self->check_source = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);
      fanfare_inbox_page_check_now (self);
    }
  else
    set_unread (self, 0);
  reload (self);
}

static void
client_changed_cb (FanfareInboxPage *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  signed_in_changed_cb (self);
}

static void
fanfare_inbox_page_row_activated_cb (FanfareInboxPage *self,
                                     GtkListBoxRow    *row)
{
  FanfareMessage *message = g_object_get_data (G_OBJECT (row), "message");
  GObject *item = fanfare_message_get_item (message);

  if (FANFARE_IS_TRACK (item))
    fanfare_navigate_track (GTK_WIDGET (self), FANFARE_TRACK (item));
  else if (FANFARE_IS_ALBUM (item))
    fanfare_navigate_album (GTK_WIDGET (self), FANFARE_ALBUM (item));
  else if (FANFARE_IS_PLAYLIST (item))
    fanfare_navigate_playlist (GTK_WIDGET (self), fanfare_playlist_get_id (FANFARE_PLAYLIST (item)));
}

static void
fanfare_inbox_page_more_cb (FanfareInboxPage *self)
{
  load_page (self);
}

static void
fanfare_inbox_page_dispose (GObject *object)
{
  FanfareInboxPage *self = FANFARE_INBOX_PAGE (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_INBOX_PAGE);
  g_clear_object (&self->messages);

  G_OBJECT_CLASS (fanfare_inbox_page_parent_class)->dispose (object);
}

static void
fanfare_inbox_page_finalize (GObject *object)
{
  FanfareInboxPage *self = FANFARE_INBOX_PAGE (object);

  g_free (self->next_cursor);
  g_free (self->badge);

  G_OBJECT_CLASS (fanfare_inbox_page_parent_class)->finalize (object);
}

static void
fanfare_inbox_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FanfareInboxPage *self = FANFARE_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_UNREAD:
      g_value_set_uint (value, self->unread);
      break;

    case PROP_BADGE:
      g_value_set_string (value, fanfare_inbox_page_get_badge (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_inbox_page_class_init (FanfareInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_inbox_page_dispose;
  object_class->finalize = fanfare_inbox_page_finalize;
  object_class->get_property = fanfare_inbox_page_get_property;

  /**
   * FanfareInboxPage:unread:
   *
   * How many messages the user has not read.
   */
  properties[PROP_UNREAD] =
    g_param_spec_uint ("unread", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfareInboxPage:badge:
   *
   * What the sidebar's badge says: the unread count, or "" for none.
   */
  properties[PROP_BADGE] =
    g_param_spec_string ("badge", NULL, NULL,
                         "",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareInboxPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareInboxPage, list);
  gtk_widget_class_bind_template_child (widget_class, FanfareInboxPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareInboxPage, gifts);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_inbox_page_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_inbox_page_more_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (FANFARE_TYPE_INBOX_GIFTS);
}

static void
fanfare_inbox_page_init (FanfareInboxPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->badge = g_strdup ("");
  self->messages = g_list_store_new (FANFARE_TYPE_MESSAGE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->messages), create_row, NULL, NULL);
  gtk_list_box_set_placeholder (self->list, fanfare_placeholder_new (_("Music your friends send you will arrive here")));
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (signed_in_changed_cb), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (reload), self);
  g_signal_connect (self, "map", G_CALLBACK (reload), NULL);
}

void
fanfare_inbox_page_set_accounts (FanfareInboxPage      *self,
                                 FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_INBOX_PAGE (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/**
 * fanfare_inbox_page_check_now:
 *
 * Asks the server how many messages are unread.
 */
void
fanfare_inbox_page_check_now (FanfareInboxPage *self)
{
  FanfareClient *client;

  g_return_if_fail (FANFARE_IS_INBOX_PAGE (self));

  client = get_client (self);
  if (client == NULL || !fanfare_client_get_signed_in (client) || !fanfare_client_get_online (client))
    return;
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();
  fanfare_client_count_unread_async (client, self->count_cancellable, counted_cb, g_object_ref (self));
}

guint
fanfare_inbox_page_get_unread (FanfareInboxPage *self)
{
  g_return_val_if_fail (FANFARE_IS_INBOX_PAGE (self), 0);

  return self->unread;
}

const char *
fanfare_inbox_page_get_badge (FanfareInboxPage *self)
{
  g_return_val_if_fail (FANFARE_IS_INBOX_PAGE (self), NULL);

  return self->badge;
}

/**
 * fanfare_inbox_page_get_messages:
 *
 * Returns: (transfer none): the #FanfareMessage objects on show
 */
GListModel *
fanfare_inbox_page_get_messages (FanfareInboxPage *self)
{
  g_return_val_if_fail (FANFARE_IS_INBOX_PAGE (self), NULL);

  return G_LIST_MODEL (self->messages);
}

/**
 * fanfare_inbox_page_get_gifts:
 *
 * Returns: (transfer none): the gifts the user received
 */
FanfareInboxGifts *
fanfare_inbox_page_get_gifts (FanfareInboxPage *self)
{
  g_return_val_if_fail (FANFARE_IS_INBOX_PAGE (self), NULL);

  return self->gifts;
}
