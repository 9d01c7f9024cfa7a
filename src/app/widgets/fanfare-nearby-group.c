/* fanfare-nearby-group.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People Nearby, for those who opt in. While the switch is on and the
 * group is shown, the position from a location source is turned into its
 * geohash cell of 5 characters (about 5 km) here, and only the cell goes
 * to the server, again every 20 minutes (the server keeps a cell 30). The
 * people around are listed. Switching off stops the source and deletes the
 * cell on the server at once. The opt-in is remembered for the account
 * (GSettings "nearby-accounts"): its cell is shared again whenever the
 * group is shown, after the app restarts too, until the user opts out. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-geohash.h"
#include "fanfare-nearby-group.h"
#include "fanfare-navigate.h"
#include "fanfare-people.h"

#define REFRESH_SECONDS (20 * 60)

struct _FanfareNearbyGroup
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkSwitch  *share_switch;
  GtkLabel   *status_label;
  GtkListBox *list;

  /* Owned references */
  GSettings             *settings;
  FanfareClient         *client;
  FanfareLocationSource *source;
  GListStore            *people;
  GCancellable          *cancellable;

  /* State */
  char    *cell;
  guint    refresh_source;
  gboolean restoring;
};

G_DEFINE_FINAL_TYPE (FanfareNearbyGroup, fanfare_nearby_group, GTK_TYPE_WIDGET)

static void
set_status (FanfareNearbyGroup *self,
            const char         *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* "USERNAME SERVER" of the signed-in account, or NULL. */
static char *
account_key (FanfareNearbyGroup *self)
{
  FanfareUser *user = self->client != NULL ? fanfare_client_get_user (self->client) : NULL;

  if (user == NULL)
    return NULL;

  return g_strdup_printf ("%s %s", fanfare_user_get_username (user), fanfare_client_get_server_url (self->client));
}

static gboolean
remembered (FanfareNearbyGroup *self)
{
  g_autofree char *key = account_key (self);
  g_auto(GStrv) accounts = g_settings_get_strv (self->settings, "nearby-accounts");

  return key != NULL && g_strv_contains ((const char * const *) accounts, key);
}

static void
remember (FanfareNearbyGroup *self,
          gboolean            sharing)
{
  g_autofree char *key = account_key (self);
  g_auto(GStrv) accounts = g_settings_get_strv (self->settings, "nearby-accounts");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) wanted = NULL;

  if (key == NULL || g_strv_contains ((const char * const *) accounts, key) == sharing)
    return;

  for (guint i = 0; accounts[i] != NULL; i++)
    if (!g_str_equal (accounts[i], key))
      g_strv_builder_add (kept, accounts[i]);
  if (sharing)
    g_strv_builder_add (kept, key);
  wanted = g_strv_builder_end (kept);
  g_settings_set_strv (self->settings, "nearby-accounts", (const char * const *) wanted);
}

static gboolean
active (FanfareNearbyGroup *self)
{
  return gtk_switch_get_active (self->share_switch) && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
         self->client != NULL && fanfare_client_get_signed_in (self->client);
}

static void
people_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareNearbyGroup) self = user_data;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  people = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, &error);
  if (people == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message);
      return;
    }

  g_list_store_remove_all (self->people);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (people, i);

      g_list_store_append (self->people, user);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  set_status (self, n == 0 ? _("Nobody who shares their area is near you yet.") : NULL);
}

static void
located_cb (FanfareNearbyGroup *self,
            double              latitude,
            double              longitude)
{
  if (!active (self))
    return;

  g_free (self->cell);
  self->cell = fanfare_geohash_encode (latitude, longitude, FANFARE_NEARBY_PRECISION);
  fanfare_client_share_location_async (self->client, self->cell, self->cancellable, people_cb, g_object_ref (self));
}

static void
failed_cb (FanfareNearbyGroup *self,
           GError             *error)
{
  set_status (self, _("Your location is not available. Check that location services are on."));
}

static gboolean
refresh_cb (gpointer  user_data)
{
  FanfareNearbyGroup *self = user_data;

  if (self->source != NULL)
    {
      fanfare_location_source_stop (self->source);
      fanfare_location_source_start (self->source);
    }

  return G_SOURCE_CONTINUE;
}

static void
start (FanfareNearbyGroup *self)
{
  if (!active (self) || self->refresh_source != 0)
    return;

  if (self->source == NULL)
    {
      self->source = fanfare_location_source_new_system (g_application_get_application_id (g_application_get_default ()));
      g_signal_connect_object (self->source, "located", G_CALLBACK (located_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->source, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
    }
  set_status (self, _("Finding where you are…"));
  self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
  fanfare_location_source_start (self->source);
}

static void
stop (FanfareNearbyGroup *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->source != NULL)
    fanfare_location_source_stop (self->source);
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error))
    g_debug ("Could not stop sharing the area: %s", error->message);
}

static void
fanfare_nearby_group_switched_cb (FanfareNearbyGroup *self)
{
  /* A switch set to the account's remembered choice changes nothing. */
  if (!self->restoring)
    remember (self, gtk_switch_get_active (self->share_switch));

  if (gtk_switch_get_active (self->share_switch))
    {
      start (self);
      return;
    }

  /* Opting out deletes the cell on the server at once. */
  stop (self);
  g_clear_pointer (&self->cell, g_free);
  g_list_store_remove_all (self->people);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  set_status (self, NULL);
  if (!self->restoring && self->client != NULL && fanfare_client_get_signed_in (self->client))
    fanfare_client_stop_sharing_location_async (self->client, NULL, stopped_cb, NULL);
}

static void
fanfare_nearby_group_row_activated_cb (FanfareNearbyGroup *self,
                                       GtkListBoxRow      *row)
{
  fanfare_navigate_profile (GTK_WIDGET (self),
                            fanfare_user_get_username (fanfare_person_row_get_user (GTK_WIDGET (row))));
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  return fanfare_person_row_new (item, FALSE, NULL);
}

static void
fanfare_nearby_group_dispose (GObject *object)
{
  FanfareNearbyGroup *self = FANFARE_NEARBY_GROUP (object);

  stop (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_NEARBY_GROUP);
  g_clear_object (&self->source);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->people);
  g_clear_pointer (&self->cell, g_free);

  G_OBJECT_CLASS (fanfare_nearby_group_parent_class)->dispose (object);
}

static void
fanfare_nearby_group_class_init (FanfareNearbyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_nearby_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-nearby-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareNearbyGroup, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareNearbyGroup, share_switch);
  gtk_widget_class_bind_template_child (widget_class, FanfareNearbyGroup, status_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareNearbyGroup, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_nearby_group_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_nearby_group_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_nearby_group_init (FanfareNearbyGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APP_ID);
  self->people = g_list_store_new (FANFARE_TYPE_USER);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->people), create_row, NULL, NULL);
  /* Only while shown: the source stops when the page goes. */
  g_signal_connect_swapped (self, "map", G_CALLBACK (start), self);
  g_signal_connect_swapped (self, "unmap", G_CALLBACK (stop), self);
}

/**
 * fanfare_nearby_group_set_client:
 * @client: (nullable): the signed-in user's client
 *
 * Shows the choice remembered for @client's account: when it opted in,
 * its area is shared again at once if the group is shown.
 */
void
fanfare_nearby_group_set_client (FanfareNearbyGroup *self,
                                 FanfareClient      *client)
{
  g_return_if_fail (FANFARE_IS_NEARBY_GROUP (self));

  g_set_object (&self->client, client);
  self->restoring = TRUE;
  gtk_switch_set_active (self->share_switch, remembered (self));
  self->restoring = FALSE;
}

/**
 * fanfare_nearby_group_set_source:
 * @source: where positions come from, instead of the system's location
 */
void
fanfare_nearby_group_set_source (FanfareNearbyGroup    *self,
                                 FanfareLocationSource *source)
{
  g_return_if_fail (FANFARE_IS_NEARBY_GROUP (self));
  g_return_if_fail (FANFARE_IS_LOCATION_SOURCE (source));

  stop (self);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_set_object (&self->source, source);
  g_signal_connect_object (source, "located", G_CALLBACK (located_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
  start (self);
}

/**
 * fanfare_nearby_group_set_sharing:
 *
 * Opts in to People Nearby, or out, as the switch does.
 */
void
fanfare_nearby_group_set_sharing (FanfareNearbyGroup *self,
                                  gboolean            sharing)
{
  g_return_if_fail (FANFARE_IS_NEARBY_GROUP (self));

  gtk_switch_set_active (self->share_switch, sharing);
}

/**
 * fanfare_nearby_group_get_cell:
 *
 * Returns: (nullable): the cell last sent
 */
const char *
fanfare_nearby_group_get_cell (FanfareNearbyGroup *self)
{
  g_return_val_if_fail (FANFARE_IS_NEARBY_GROUP (self), NULL);

  return self->cell;
}

/**
 * fanfare_nearby_group_get_people:
 *
 * Returns: (transfer none): the #FanfareUser objects nearby
 */
GListModel *
fanfare_nearby_group_get_people (FanfareNearbyGroup *self)
{
  g_return_val_if_fail (FANFARE_IS_NEARBY_GROUP (self), NULL);

  return G_LIST_MODEL (self->people);
}
