/* fanfare-profile-fandom.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a person's profile shows of them as a fan: the nameplates of the
 * albums they own, each marked verified or not against the platform's
 * key, and the fan clubs they are in, which open on a click. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-client-clubs.h"
#include "fanfare-clubs-page.h"
#include "fanfare-nameplate-view.h"
#include "fanfare-people.h"
#include "fanfare-profile-fandom.h"

struct _FanfareProfileFandom
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkFlowBox *nameplates_box;
  GtkWidget  *no_nameplates_label;
  GtkListBox *clubs_list;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;
  char          *username;
  char          *key;  /* the server's nameplate key */

  /* State */
  guint n_nameplates;
  guint n_verified;
  guint n_clubs;
  guint pending;  /* answers still to come */
};

G_DEFINE_FINAL_TYPE (FanfareProfileFandom, fanfare_profile_fandom, GTK_TYPE_WIDGET)

static GtkWidget *
create_club_row (const FanfareClientClub * club)
{
  GtkWidget *row = fanfare_club_row_new (club);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("system-users-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "club-id", g_strdup (club->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "club-name", g_strdup (club->name), g_free);

  return row;
}

static void
clubs_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareProfileFandom) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clubs = fanfare_client_list_clubs_finish (FANFARE_CLIENT (object), result, &error);

  if (clubs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a person's clubs: %s", error->message);
      return;
    }

  for (guint i = 0; i < clubs->len; i++)
    gtk_list_box_append (self->clubs_list, create_club_row (g_ptr_array_index (clubs, i)));
  self->n_clubs = clubs->len;
  self->pending--;
}

static void
nameplates_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FanfareProfileFandom) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nameplates = fanfare_client_list_nameplates_finish (FANFARE_CLIENT (object), result, &error);

  if (nameplates == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read a person's nameplates: %s", error->message);
      return;
    }

  for (guint i = 0; i < nameplates->len; i++)
    {
      GtkWidget *view = fanfare_nameplate_view_new (g_ptr_array_index (nameplates, i), self->key);

      gtk_flow_box_append (self->nameplates_box, view);
      if (fanfare_nameplate_view_get_verified (FANFARE_NAMEPLATE_VIEW (view)))
        self->n_verified++;
    }
  self->n_nameplates = nameplates->len;
  gtk_widget_set_visible (self->no_nameplates_label, nameplates->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->nameplates_box), nameplates->len > 0);
  self->pending--;
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(FanfareProfileFandom) self = user_data;
  g_autoptr(GError) error = NULL;
  char *key = fanfare_client_get_store_key_finish (FANFARE_CLIENT (object), result, &error);

  if (key == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the key, the nameplates show as not verified. */
  g_free (self->key);
  self->key = key;
  fanfare_client_list_nameplates_async (self->client, self->username, self->cancellable, nameplates_cb,
                                        g_object_ref (self));
}

static void
fanfare_profile_fandom_club_activated_cb (FanfareProfileFandom *self,
                                          GtkListBoxRow        *row)
{
  fanfare_navigate_club (GTK_WIDGET (self), g_object_get_data (G_OBJECT (row), "club-id"),
                         g_object_get_data (G_OBJECT (row), "club-name"));
}

static void
fanfare_profile_fandom_dispose (GObject *object)
{
  FanfareProfileFandom *self = FANFARE_PROFILE_FANDOM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_PROFILE_FANDOM);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_profile_fandom_parent_class)->dispose (object);
}

static void
fanfare_profile_fandom_finalize (GObject *object)
{
  FanfareProfileFandom *self = FANFARE_PROFILE_FANDOM (object);

  g_free (self->username);
  g_free (self->key);

  G_OBJECT_CLASS (fanfare_profile_fandom_parent_class)->finalize (object);
}

static void
fanfare_profile_fandom_class_init (FanfareProfileFandomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_profile_fandom_dispose;
  object_class->finalize = fanfare_profile_fandom_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-profile-fandom.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareProfileFandom, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfileFandom, nameplates_box);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfileFandom, no_nameplates_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareProfileFandom, clubs_list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_profile_fandom_club_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_profile_fandom_init (FanfareProfileFandom *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->clubs_list, fanfare_placeholder_new (_("In no fan club yet")));
}

/**
 * fanfare_profile_fandom_load:
 * @username: whose nameplates and clubs
 *
 * Reads the person's nameplates, verifying each, and their clubs.
 */
void
fanfare_profile_fandom_load (FanfareProfileFandom *self,
                             FanfareClient        *client,
                             const char           *username)
{
  GtkWidget *child;
  GtkListBoxRow *row;

  g_return_if_fail (FANFARE_IS_PROFILE_FANDOM (self));
  g_return_if_fail (FANFARE_IS_CLIENT (client));
  g_return_if_fail (username != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->client, client);
  g_free (self->username);
  self->username = g_strdup (username);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nameplates_box))) != NULL)
    gtk_flow_box_remove (self->nameplates_box, child);
  /* Rows only: the placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (self->clubs_list, 0)) != NULL)
    gtk_list_box_remove (self->clubs_list, GTK_WIDGET (row));
  self->n_nameplates = self->n_verified = self->n_clubs = 0;
  self->pending = 2;

  if (self->key == NULL)
    fanfare_client_get_store_key_async (client, self->cancellable, key_cb, g_object_ref (self));
  else
    fanfare_client_list_nameplates_async (client, username, self->cancellable, nameplates_cb, g_object_ref (self));
  fanfare_client_list_user_clubs_async (client, username, self->cancellable, clubs_cb, g_object_ref (self));
}

/* Whether both the nameplates and the clubs were read. */
gboolean
fanfare_profile_fandom_get_loaded (FanfareProfileFandom *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_FANDOM (self), FALSE);

  return self->client != NULL && self->pending == 0;
}

guint
fanfare_profile_fandom_get_n_nameplates (FanfareProfileFandom *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_FANDOM (self), 0);

  return self->n_nameplates;
}

guint
fanfare_profile_fandom_get_n_verified (FanfareProfileFandom *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_FANDOM (self), 0);

  return self->n_verified;
}

guint
fanfare_profile_fandom_get_n_clubs (FanfareProfileFandom *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE_FANDOM (self), 0);

  return self->n_clubs;
}
