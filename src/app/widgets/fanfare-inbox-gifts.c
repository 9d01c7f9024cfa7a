/* fanfare-inbox-gifts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The albums friends gave the user, at the top of the inbox: each with
 * its cover, who gave it and their note, a button to play it, and the
 * album's page on a click. Hidden while there are none. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-client-store.h"
#include "fanfare-cover-image.h"
#include "fanfare-inbox-gifts.h"
#include "fanfare-navigate.h"

struct _FanfareInboxGifts
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkListBox *list;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;
  GPtrArray     *gifts;  /* FanfareClientPurchase */

  /* State */
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (FanfareInboxGifts, fanfare_inbox_gifts, GTK_TYPE_WIDGET)

static GtkWidget *
create_row (const FanfareClientPurchase * gift)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *cover = g_object_new (FANFARE_TYPE_COVER_IMAGE, "size", 40, NULL);
  GtkWidget *play = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  const char *album_id = fanfare_album_get_id (gift->album);
  g_autofree char *from = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the artist of an album given as a gift, and who gave it */
  from = g_strdup_printf (_("%s · a gift from %s"), fanfare_album_get_artist (gift->album), gift->from);
  /* Translators: who gave an album, then their note */
  subtitle = gift->message != NULL && *gift->message != '\0' ? g_strdup_printf (_("%s · “%s”"), from, gift->message)
                                                             : g_strdup (from);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fanfare_album_get_title (gift->album));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  fanfare_cover_image_set_uri (FANFARE_COVER_IMAGE (cover), fanfare_album_get_cover_uri (gift->album));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), cover);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (play), "s", album_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (play), "gifts.play");
  gtk_widget_set_valign (play, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (play, "flat");
  gtk_widget_set_tooltip_text (play, _("Play"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (play), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Play"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), play);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", album_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "gifts.open");

  return row;
}

static void
gifts_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareInboxGifts) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gifts = fanfare_client_list_purchases_finish (FANFARE_CLIENT (object), result, &error);

  if (gifts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the gifts: %s", error->message);
      return;
    }

  fanfare_inbox_gifts_clear (self);
  for (guint i = 0; i < gifts->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (gifts, i)));
  g_clear_pointer (&self->gifts, g_ptr_array_unref);
  self->gifts = g_steal_pointer (&gifts);
  self->loaded = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), self->gifts->len > 0);
}

static FanfareClientPurchase *
find_gift (FanfareInboxGifts *self,
           const char        *album_id)
{
  for (guint i = 0; self->gifts != NULL && i < self->gifts->len; i++)
    {
      FanfareClientPurchase *gift = g_ptr_array_index (self->gifts, i);

      if (g_strcmp0 (fanfare_album_get_id (gift->album), album_id) == 0)
        return gift;
    }

  return NULL;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FanfareClientPurchase *gift = find_gift (FANFARE_INBOX_GIFTS (widget), g_variant_get_string (parameter, NULL));

  if (gift != NULL)
    fanfare_navigate_album (widget, gift->album);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fanfare_play_album (widget, g_variant_get_string (parameter, NULL), FANFARE_INBOX_GIFTS (widget)->cancellable);
}

static void
fanfare_inbox_gifts_dispose (GObject *object)
{
  FanfareInboxGifts *self = FANFARE_INBOX_GIFTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_INBOX_GIFTS);
  g_clear_object (&self->client);
  g_clear_pointer (&self->gifts, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_inbox_gifts_parent_class)->dispose (object);
}

static void
fanfare_inbox_gifts_class_init (FanfareInboxGiftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_inbox_gifts_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-inbox-gifts.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareInboxGifts, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareInboxGifts, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "gifts.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "gifts.play", "s", play_action);
  g_type_ensure (FANFARE_TYPE_COVER_IMAGE);
}

static void
fanfare_inbox_gifts_init (FanfareInboxGifts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * fanfare_inbox_gifts_load:
 *
 * Reads the gifts the user received, and shows them if there are any.
 */
void
fanfare_inbox_gifts_load (FanfareInboxGifts *self,
                          FanfareClient     *client)
{
  g_return_if_fail (FANFARE_IS_INBOX_GIFTS (self));
  g_return_if_fail (FANFARE_IS_CLIENT (client));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->client, client);
  self->loaded = FALSE;
  fanfare_client_list_gifts_async (client, self->cancellable, gifts_cb, g_object_ref (self));
}

/* Forgets the gifts, as when the user signs out. */
void
fanfare_inbox_gifts_clear (FanfareInboxGifts *self)
{
  GtkWidget *child;

  g_return_if_fail (FANFARE_IS_INBOX_GIFTS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->gifts, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

guint
fanfare_inbox_gifts_get_n_gifts (FanfareInboxGifts *self)
{
  g_return_val_if_fail (FANFARE_IS_INBOX_GIFTS (self), 0);

  return self->gifts != NULL ? self->gifts->len : 0;
}

gboolean
fanfare_inbox_gifts_get_loaded (FanfareInboxGifts *self)
{
  g_return_val_if_fail (FANFARE_IS_INBOX_GIFTS (self), FALSE);

  return self->loaded;
}
