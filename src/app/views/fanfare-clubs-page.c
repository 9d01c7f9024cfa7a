/* fanfare-clubs-page.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A list of fan clubs: in the sidebar, the clubs the user is a member of;
 * opened from an artist's page, that artist's clubs, the official one
 * first, with a button to found a fan-made one. A row opens the club. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-client-clubs.h"
#include "fanfare-club-page.h"
#include "fanfare-clubs-page.h"
#include "fanfare-navigate.h"

struct _FanfareClubsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkWidget     *empty_create_button;
  GtkLabel      *heading_label;
  GtkWidget     *create_button;
  GtkListBox    *list;

  /* Owned references */
  GCancellable *cancellable;
  GPtrArray    *clubs;  /* FanfareClientClub, in the list's order */
  char         *artist_id;  /* NULL for the user's own clubs */
  char         *artist_name;
};

G_DEFINE_FINAL_TYPE (FanfareClubsPage, fanfare_clubs_page, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (void)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;

  return client != NULL && fanfare_client_get_signed_in (client) ? client : NULL;
}

/**
 * fanfare_club_row_new:
 *
 * Returns: (transfer floating): a row naming @club, its artist, whether it
 *   is official and its members, which opens it
 */
GtkWidget *
fanfare_club_row_new (const FanfareClientClub *club)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *kind = club->official ? _("Official club") : _("Fan-made club");

  /* Translators: the artist, official or fan-made, and the number of members */
  subtitle = g_strdup_printf (ngettext ("%s · %s · %u member", "%s · %s · %u members", club->member_count),
                              club->artist, kind, club->member_count);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), club->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
show (FanfareClubsPage *self,
      GPtrArray        *clubs)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->clubs, g_ptr_array_unref);
  self->clubs = clubs != NULL ? g_ptr_array_ref (clubs) : NULL;
  for (guint i = 0; clubs != NULL && i < clubs->len; i++)
    gtk_list_box_append (self->list, fanfare_club_row_new (g_ptr_array_index (clubs, i)));

  gtk_stack_set_visible_child_name (self->stack, clubs != NULL && clubs->len > 0 ? "clubs" : "empty");
}

static void
clubs_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareClubsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clubs = fanfare_client_list_clubs_finish (FANFARE_CLIENT (object), result, &error);

  if (clubs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list fan clubs: %s", error->message);
      return;
    }

  show (self, clubs);
}

/**
 * fanfare_clubs_page_reload:
 *
 * Reads the clubs again.
 */
void
fanfare_clubs_page_reload (FanfareClubsPage *self)
{
  FanfareClient *client = get_client ();

  g_return_if_fail (FANFARE_IS_CLUBS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (client == NULL)
    show (self, NULL);
  else if (self->artist_id != NULL)
    fanfare_client_list_clubs_async (client, self->artist_id, self->cancellable, clubs_cb, g_object_ref (self));
  else
    fanfare_client_list_my_clubs_async (client, self->cancellable, clubs_cb, g_object_ref (self));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareClubsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientClub) club = fanfare_client_club_finish (FANFARE_CLIENT (object), result, &error);

  if (club == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fanfare_club_report_error (GTK_WIDGET (self), error);
      return;
    }

  fanfare_clubs_page_reload (self);
  fanfare_navigate_club (GTK_WIDGET (self), club->id, club->name);
}

static void
create_response_cb (FanfareClubsPage *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  FanfareClient *client = get_client ();

  if (g_strcmp0 (response, "create") != 0 || client == NULL || *name == '\0')
    return;

  fanfare_client_create_club_async (client, self->artist_id, name, FALSE, self->cancellable, created_cb,
                                    g_object_ref (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareClubsPage *self = FANFARE_CLUBS_PAGE (widget);
  GtkWidget *dialog, *entry;

  if (self->artist_id == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("New Fan Club"), NULL);
  /* Translators: the artist's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("A club of your own for fans of %s."),
                                  self->artist_name);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Club name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Club name"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (create_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fanfare_clubs_page_row_activated_cb (FanfareClubsPage *self,
                                     GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);
  FanfareClientClub *club;

  if (self->clubs == NULL || index < 0 || (guint) index >= self->clubs->len)
    return;

  club = g_ptr_array_index (self->clubs, index);
  fanfare_navigate_club (GTK_WIDGET (self), club->id, club->name);
}

static void
fanfare_clubs_page_dispose (GObject *object)
{
  FanfareClubsPage *self = FANFARE_CLUBS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CLUBS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->clubs, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_clubs_page_parent_class)->dispose (object);
}

static void
fanfare_clubs_page_finalize (GObject *object)
{
  FanfareClubsPage *self = FANFARE_CLUBS_PAGE (object);

  g_free (self->artist_id);
  g_free (self->artist_name);

  G_OBJECT_CLASS (fanfare_clubs_page_parent_class)->finalize (object);
}

static void
fanfare_clubs_page_class_init (FanfareClubsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_clubs_page_dispose;
  object_class->finalize = fanfare_clubs_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/views/fanfare-clubs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareClubsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubsPage, empty_create_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubsPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, FanfareClubsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_clubs_page_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "clubs.create", NULL, create_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fanfare_clubs_page_init (FanfareClubsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->heading_label, _("My Fan Clubs"));
  /* The user's own clubs are founded from an artist's page. */
  gtk_widget_set_visible (self->create_button, FALSE);
  gtk_widget_set_visible (self->empty_create_button, FALSE);
  g_signal_connect (self, "map", G_CALLBACK (fanfare_clubs_page_reload), NULL);
}

/**
 * fanfare_clubs_page_new_for_artist:
 *
 * Returns: (transfer floating): a page of the artist's clubs
 */
GtkWidget *
fanfare_clubs_page_new_for_artist (const char *artist_id,
                                   const char *artist_name)
{
  FanfareClubsPage *self;
  g_autofree char *heading = NULL;
  g_autofree char *empty = NULL;

  g_return_val_if_fail (artist_id != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_CLUBS_PAGE, NULL);
  self->artist_id = g_strdup (artist_id);
  self->artist_name = g_strdup (artist_name);
  /* Translators: the artist's name */
  heading = g_strdup_printf (_("Fan Clubs of %s"), artist_name);
  gtk_label_set_label (self->heading_label, heading);
  adw_status_page_set_title (self->empty_page, _("No Fan Clubs Yet"));
  /* Translators: the artist's name */
  empty = g_strdup_printf (_("Be the first to start a fan club for %s."), artist_name);
  adw_status_page_set_description (self->empty_page, empty);
  gtk_widget_set_visible (self->create_button, TRUE);
  gtk_widget_set_visible (self->empty_create_button, TRUE);

  return GTK_WIDGET (self);
}

guint
fanfare_clubs_page_get_n_clubs (FanfareClubsPage *self)
{
  g_return_val_if_fail (FANFARE_IS_CLUBS_PAGE (self), 0);

  return self->clubs != NULL ? self->clubs->len : 0;
}

/**
 * fanfare_navigate_artist_clubs:
 * @from: a widget of the window
 *
 * Opens the page of the artist's fan clubs.
 */
void
fanfare_navigate_artist_clubs (GtkWidget  *from,
                               const char *artist_id,
                               const char *artist_name)
{
  g_return_if_fail (GTK_IS_WIDGET (from));

  fanfare_navigate_push (from, fanfare_clubs_page_new_for_artist (artist_id, artist_name), _("Fan Clubs"));
}

/**
 * fanfare_navigate_club:
 * @from: a widget of the window
 *
 * Opens a fan club's page.
 */
void
fanfare_navigate_club (GtkWidget  *from,
                       const char *club_id,
                       const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (from));

  fanfare_navigate_push (from, fanfare_club_page_new (club_id), name);
}
