/* fanfare-contacts-group.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finding friends from an address book. The user picks a .vcf file; it is
 * read here, and only keyed hashes of its normalized emails and phone
 * numbers go to the server, as the group says before anything is chosen.
 * The people found are listed with Follow. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fanfare-contacts-group.h"
#include "fanfare-navigate.h"
#include "fanfare-people.h"
#include "fanfare-vcard.h"

/* Larger address books are not read. */
#define MAX_FILE_SIZE (8 * 1024 * 1024)

struct _FanfareContactsGroup
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkLabel   *status_label;
  GtkListBox *list;

  /* Owned references */
  FanfareClient *client;
  char          *country_code;
  GListStore    *matches;
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (FanfareContactsGroup, fanfare_contacts_group, GTK_TYPE_WIDGET)

static void
set_status (FanfareContactsGroup *self,
            const char           *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) button = user_data;
  g_autoptr(GError) error = NULL;

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error))
    {
      gtk_widget_set_sensitive (button, TRUE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_toast (button, error->message);
      return;
    }
  gtk_button_set_label (GTK_BUTTON (button), _("Following"));
  gtk_widget_remove_css_class (button, "suggested-action");
}

static void
follow_clicked_cb (GtkButton            *button,
                   FanfareContactsGroup *self)
{
  FanfareUser *user = g_object_get_data (G_OBJECT (button), "user");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  fanfare_client_set_following_async (self->client, fanfare_user_get_username (user), TRUE, self->cancellable,
                                      followed_cb, g_object_ref (button));
}

static GtkWidget *
create_row (gpointer  item,
            gpointer  user_data)
{
  FanfareContactsGroup *self = user_data;
  GtkWidget *follow = gtk_button_new_with_mnemonic (_("_Follow"));

  gtk_widget_set_valign (follow, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (follow, "suggested-action");
  g_object_set_data_full (G_OBJECT (follow), "user", g_object_ref (item), g_object_unref);
  g_signal_connect_object (follow, "clicked", G_CALLBACK (follow_clicked_cb), self, 0);

  return fanfare_person_row_new (item, FALSE, follow);
}

/* Says how many of the contacts are listed, and shows the list if any are. */
static void
show_found (FanfareContactsGroup *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->matches));

  if (n == 0)
    set_status (self, _("Nobody in these contacts lets their contacts find them yet."));
  else
    {
      g_autofree char *found = g_strdup_printf (ngettext ("%u person found", "%u people found", n), n);

      set_status (self, found);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
}

static void
matches_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareContactsGroup) self = user_data;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  matches = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, &error);
  if (matches == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (matches, i);

      g_list_store_append (self->matches, user);
    }
  show_found (self);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareContactsGroup) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint skipped = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &text, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message);
      return;
    }
  if (length > MAX_FILE_SIZE)
    {
      set_status (self, _("This address book is too large to read."));
      return;
    }

  contacts = fanfare_vcard_parse (text, length, &skipped, &error);
  if (contacts == NULL || contacts->len == 0 || self->client == NULL)
    {
      set_status (self, _("No contacts with an email address or a phone number are in this file."));
      return;
    }

  set_status (self, _("Looking for your contacts…"));
  fanfare_client_find_contacts_async (self->client, contacts, self->country_code, self->cancellable, matches_cb,
                                      g_object_ref (self));
}

static void
chosen (FanfareContactsGroup *self,
        GFile                *file)
{
  if (file != NULL)
    fanfare_contacts_group_find_in_file (self, file);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareContactsGroup) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  chosen (self, file);
}
#else
static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     FanfareContactsGroup *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen (self, file);
  g_object_unref (self);
  g_object_unref (chooser);
}
#endif

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FanfareContactsGroup *self = FANFARE_CONTACTS_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Contacts (.vcf)"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_suffix (filter, "vcf");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Choose an Address Book"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, dialog_cb,
                          g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose an Address Book"),
                                                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                                 _("_Cancel"));

    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
fanfare_contacts_group_row_activated_cb (FanfareContactsGroup *self,
                                         GtkListBoxRow        *row)
{
  fanfare_navigate_profile (GTK_WIDGET (self),
                            fanfare_user_get_username (fanfare_person_row_get_user (GTK_WIDGET (row))));
}

static void
fanfare_contacts_group_dispose (GObject *object)
{
  FanfareContactsGroup *self = FANFARE_CONTACTS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_CONTACTS_GROUP);
  g_clear_object (&self->client);
  g_clear_object (&self->matches);
  g_clear_pointer (&self->country_code, g_free);

  G_OBJECT_CLASS (fanfare_contacts_group_parent_class)->dispose (object);
}

static void
fanfare_contacts_group_class_init (FanfareContactsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_contacts_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-contacts-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareContactsGroup, box);
  gtk_widget_class_bind_template_child (widget_class, FanfareContactsGroup, status_label);
  gtk_widget_class_bind_template_child (widget_class, FanfareContactsGroup, list);
  gtk_widget_class_bind_template_callback (widget_class, fanfare_contacts_group_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "contacts.choose", NULL, choose_action);
}

static void
fanfare_contacts_group_init (FanfareContactsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->matches = g_list_store_new (FANFARE_TYPE_USER);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->matches), create_row, self, NULL);
}

/**
 * fanfare_contacts_group_set_client:
 * @client: (nullable): the signed-in user's client
 */
void
fanfare_contacts_group_set_client (FanfareContactsGroup *self,
                                   FanfareClient        *client)
{
  g_return_if_fail (FANFARE_IS_CONTACTS_GROUP (self));

  if (self->client == client)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->client, client);
  g_list_store_remove_all (self->matches);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  set_status (self, NULL);
}

/**
 * fanfare_contacts_group_find_in_file:
 * @file: a vCard file
 *
 * Reads @file and lists the people of it who may be found, sending only
 * keyed hashes of its emails and phone numbers.
 */
void
fanfare_contacts_group_find_in_file (FanfareContactsGroup *self,
                                     GFile                *file)
{
  g_return_if_fail (FANFARE_IS_CONTACTS_GROUP (self));
  g_return_if_fail (G_IS_FILE (file));

  g_list_store_remove_all (self->matches);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  g_free (self->country_code);
  self->country_code = g_strdup (fanfare_local_country_code ());
  set_status (self, _("Reading the address book…"));
  g_file_load_contents_async (file, self->cancellable, loaded_cb, g_object_ref (self));
}

/**
 * fanfare_contacts_group_get_matches:
 *
 * Returns: (transfer none): the #FanfareUser objects found
 */
GListModel *
fanfare_contacts_group_get_matches (FanfareContactsGroup *self)
{
  g_return_val_if_fail (FANFARE_IS_CONTACTS_GROUP (self), NULL);

  return G_LIST_MODEL (self->matches);
}

/**
 * fanfare_contacts_group_leave_out:
 * @usernames: (element-type utf8 utf8): people not to list, such as those
 *   the user blocked
 */
void
fanfare_contacts_group_leave_out (FanfareContactsGroup *self,
                                  GHashTable           *usernames)
{
  gboolean removed = FALSE;

  g_return_if_fail (FANFARE_IS_CONTACTS_GROUP (self));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->matches)); i > 0; i--)
    {
      g_autoptr(FanfareUser) user = g_list_model_get_item (G_LIST_MODEL (self->matches), i - 1);

      if (g_hash_table_contains (usernames, fanfare_user_get_username (user)))
        {
          g_list_store_remove (self->matches, i - 1);
          removed = TRUE;
        }
    }
  if (removed)
    show_found (self);
}
