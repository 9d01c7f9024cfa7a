/* fanfare-send-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Send to Friend…": a dialog that picks one of the user's friends (who
 * follow each other) and takes a note, then sends a track, an album or a
 * playlist to the friend's inbox. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application.h"
#include "fanfare-people.h"
#include "fanfare-send-dialog.h"

typedef struct {
  FanfareClient      *client;
  FanfareSocialTarget kind;
  char               *item_id;
  GtkListBox         *friends;
  GtkEditable        *note;
} Sending;

static void
sending_free (gpointer  data)
{
  Sending *sending = data;

  g_clear_object (&sending->client);
  g_free (sending->item_id);
  g_free (sending);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));

  if (!fanfare_client_social_finish (FANFARE_CLIENT (object), result, &error))
    {
      if (window != NULL)
        fanfare_toast (GTK_WIDGET (window), error->message);
      return;
    }
  if (window != NULL)
    {
      /* Translators: the friend's name */
      g_autofree char *text = g_strdup_printf (_("Sent to %s"), name);

      fanfare_toast (GTK_WIDGET (window), text);
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Sending          *sending)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (sending->friends);
  FanfareUser *friend = row != NULL ? fanfare_person_row_get_user (GTK_WIDGET (row)) : NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (sending->note)));

  if (!g_str_equal (response, "send") || friend == NULL)
    return;
  fanfare_client_send_to_friend_async (sending->client, fanfare_user_get_username (friend), sending->kind,
                                       sending->item_id, note, NULL, sent_cb,
                                       g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
}

static void
friends_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkListBox) list = user_data;
  g_autoptr(GListModel) friends = fanfare_client_social_list_finish (FANFARE_CLIENT (object), result, NULL, NULL);
  GtkWidget *dialog;

  for (guint i = 0; friends != NULL && i < g_list_model_get_n_items (friends); i++)
    {
      g_autoptr(FanfareUser) friend = g_list_model_get_item (friends, i);
      GtkWidget *row = fanfare_person_row_new (friend, FALSE, NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (list, row);
    }

  /* The first friend is picked; Send waits for one. */
  dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);
  if (dialog != NULL && gtk_list_box_get_row_at_index (list, 0) != NULL)
    {
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send", TRUE);
    }
}

/**
 * fanfare_send_to_friend:
 * @from: a widget of the window
 * @kind: what is sent
 * @item_id: the track, album or playlist
 * @title: its title, to say what is sent
 *
 * Asks which friend to send @item_id to, with a note, and sends it.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
fanfare_send_to_friend (GtkWidget           *from,
                        FanfareSocialTarget  kind,
                        const char          *item_id,
                        const char          *title)
{
  GtkRoot *root = gtk_widget_get_root (from);
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
  g_autofree char *body = NULL;
  Sending *sending;
  GtkWidget *dialog, *box, *scrolled, *list, *note;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  if (!GTK_IS_WINDOW (root) || client == NULL || !fanfare_client_get_signed_in (client))
    return NULL;

  /* Translators: what is sent, by its title */
  body = g_strdup_printf (_("Send “%s” to one of your friends, who follow you as you follow them."),
                          title != NULL ? title : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Send to Friend"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "friend-picker");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                fanfare_placeholder_new (_("No friends yet: follow people who follow you")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Friends"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  note = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (note), 500);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Add a note (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "send", _("_Send"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "send", FALSE);

  sending = g_new0 (Sending, 1);
  sending->client = g_object_ref (client);
  sending->kind = kind;
  sending->item_id = g_strdup (item_id);
  sending->friends = GTK_LIST_BOX (list);
  sending->note = GTK_EDITABLE (note);
  g_object_set_data_full (G_OBJECT (dialog), "fanfare-sending", sending, sending_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), sending);
  fanfare_client_list_people_async (client, FANFARE_PEOPLE_FRIENDS, NULL, NULL, friends_cb, g_object_ref (list));
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
