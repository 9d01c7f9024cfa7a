/* fanfare-privacy-group.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's privacy settings, a switch for each kind of activity their
 * followers see and one for being found by contacts, and the phone number
 * that contacts find them by. The server's settings are shown once read; a
 * switch the user flips is written at once, a number when the user
 * applies it (written without a country code, it takes the locale's), and
 * the server's answer is shown again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-contacts.h"
#include "fanfare-people.h"
#include "fanfare-privacy-group.h"

struct _FanfarePrivacyGroup
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *group;
  GtkSwitch *playlists_switch;
  GtkSwitch *follows_switch;
  GtkSwitch *listening_switch;
  GtkSwitch *contacts_switch;
  GtkWidget *phone_row;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;

  /* State */
  FanfarePrivacySettings *settings;
  gboolean                showing;
};

G_DEFINE_FINAL_TYPE (FanfarePrivacyGroup, fanfare_privacy_group, GTK_TYPE_WIDGET)

static void
show_settings (FanfarePrivacyGroup *self)
{
  self->showing = TRUE;
  gtk_switch_set_active (self->playlists_switch, self->settings->share_playlists);
  gtk_switch_set_active (self->follows_switch, self->settings->share_playlist_follows);
  gtk_switch_set_active (self->listening_switch, self->settings->share_listening);
  gtk_switch_set_active (self->contacts_switch, self->settings->discoverable_by_contact);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), self->settings->phone != NULL ? self->settings->phone : "");
  self->showing = FALSE;
  gtk_widget_set_sensitive (self->group, TRUE);
}

static void
settings_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfarePrivacyGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  FanfarePrivacySettings *settings;

  settings = fanfare_client_privacy_finish (FANFARE_CLIENT (object), result, &error);
  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_toast (GTK_WIDGET (self), error->message);
      if (self->settings != NULL)
        show_settings (self);
      return;
    }

  g_clear_pointer (&self->settings, fanfare_privacy_settings_free);
  self->settings = settings;
  show_settings (self);
}

static void
fanfare_privacy_group_changed_cb (FanfarePrivacyGroup *self)
{
  FanfarePrivacySettings wanted;

  if (self->showing || self->settings == NULL || self->client == NULL)
    return;

  /* The phone stays as it is. */
  wanted = (FanfarePrivacySettings) {
    .share_playlists = gtk_switch_get_active (self->playlists_switch),
    .share_playlist_follows = gtk_switch_get_active (self->follows_switch),
    .share_listening = gtk_switch_get_active (self->listening_switch),
    .discoverable_by_contact = gtk_switch_get_active (self->contacts_switch),
    .phone = self->settings->phone,
  };
  fanfare_client_set_privacy_async (self->client, &wanted, self->cancellable, settings_cb, g_object_ref (self));
}

static void
save (FanfarePrivacyGroup *self,
      const char          *phone)
{
  FanfarePrivacySettings wanted = *self->settings;

  wanted.phone = (char *) phone;
  fanfare_client_set_privacy_async (self->client, &wanted, self->cancellable, settings_cb, g_object_ref (self));
}

static void
fanfare_privacy_group_phone_applied_cb (FanfarePrivacyGroup *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));
  g_autofree char *phone = NULL;

  if (self->settings == NULL || self->client == NULL)
    return;

  /* An empty number clears it. */
  if (*text != '\0' && (phone = fanfare_contacts_normalize_phone (text, fanfare_local_country_code ())) == NULL)
    {
      fanfare_toast (GTK_WIDGET (self), _("Enter a phone number with its country code, such as +86 138 0013 8000"));
      return;
    }

  save (self, phone);
}

/**
 * fanfare_privacy_group_set_phone:
 * @phone: a phone number as the user would type it; "" clears it
 *
 * Saves the number, as applying it in the row does.
 */
void
fanfare_privacy_group_set_phone (FanfarePrivacyGroup *self,
                                 const char          *phone)
{
  g_return_if_fail (FANFARE_IS_PRIVACY_GROUP (self));
  g_return_if_fail (phone != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone);
  fanfare_privacy_group_phone_applied_cb (self);
}

static void
fanfare_privacy_group_dispose (GObject *object)
{
  FanfarePrivacyGroup *self = FANFARE_PRIVACY_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PRIVACY_GROUP);
  g_clear_object (&self->client);
  g_clear_pointer (&self->settings, fanfare_privacy_settings_free);

  G_OBJECT_CLASS (fanfare_privacy_group_parent_class)->dispose (object);
}

static void
fanfare_privacy_group_class_init (FanfarePrivacyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_privacy_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-privacy-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfarePrivacyGroup, group);
  gtk_widget_class_bind_template_child (widget_class, FanfarePrivacyGroup, playlists_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfarePrivacyGroup, follows_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfarePrivacyGroup, listening_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfarePrivacyGroup, contacts_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfarePrivacyGroup, phone_row);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_privacy_group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_privacy_group_phone_applied_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_privacy_group_init (FanfarePrivacyGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (self->group, FALSE);
}

/**
 * fanfare_privacy_group_set_client:
 * @client: (nullable): the signed-in user's client
 *
 * Reads the settings of @client's user.
 */
void
fanfare_privacy_group_set_client (FanfarePrivacyGroup *self,
                                  FanfareClient       *client)
{
  g_return_if_fail (FANFARE_IS_PRIVACY_GROUP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->client, client);
  g_clear_pointer (&self->settings, fanfare_privacy_settings_free);
  gtk_widget_set_sensitive (self->group, FALSE);
  if (client == NULL || !fanfare_client_get_signed_in (client))
    return;

  self->cancellable = g_cancellable_new ();
  fanfare_client_get_privacy_async (client, self->cancellable, settings_cb, g_object_ref (self));
}

/**
 * fanfare_privacy_group_get_settings:
 *
 * Returns: (nullable): the settings as the server last said them
 */
const FanfarePrivacySettings *
fanfare_privacy_group_get_settings (FanfarePrivacyGroup *self)
{
  g_return_val_if_fail (FANFARE_IS_PRIVACY_GROUP (self), NULL);

  return self->settings;
}
