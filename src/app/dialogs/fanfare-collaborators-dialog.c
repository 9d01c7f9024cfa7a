/* fanfare-collaborators-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who may edit a playlist besides its owner: the owner invites someone by
 * their username, or takes an invitation back. The page of the playlist
 * makes the change and shows who edits it. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-collaborators-dialog.h"

#define PAGE_KEY "fanfare-playlist-page"

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (row, ADW_TYPE_MESSAGE_DIALOG);
  FanfarePlaylistPage *page = dialog != NULL ? g_object_get_data (G_OBJECT (dialog), PAGE_KEY) : NULL;
  GtkWidget *list = gtk_widget_get_parent (row);

  if (page == NULL)
    return;
  fanfare_playlist_page_set_collaborator (page, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), FALSE);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

static GtkWidget *
new_collaborator_row (const char *username)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), username);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Take Back the Invitation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Take Back the Invitation"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkEditable      *entry)
{
  FanfarePlaylistPage *page = g_object_get_data (G_OBJECT (dialog), PAGE_KEY);
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (page != NULL && g_str_equal (response, "invite") && *username != '\0')
    fanfare_playlist_page_set_collaborator (page, username, TRUE);
}

/**
 * fanfare_collaborators_dialog_present:
 * @page: the page of a playlist of the user's
 * @collaborators: (nullable) (array zero-terminated=1): the usernames
 *   invited so far
 *
 * Returns: (transfer none): the dialog on show
 */
GtkWidget *
fanfare_collaborators_dialog_present (FanfarePlaylistPage *page,
                                      const char * const  *collaborators)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = gtk_entry_new ();

  g_return_val_if_fail (FANFARE_IS_PLAYLIST_PAGE (page), NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Collaborators"),
                                   _("Those you invite add, remove and reorder tracks, and rename the playlist."));
  g_object_set_data_full (G_OBJECT (dialog), PAGE_KEY, g_object_ref (page), g_object_unref);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; collaborators != NULL && collaborators[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_collaborator_row (collaborators[i]));
  gtk_widget_set_visible (list, collaborators != NULL && collaborators[0] != NULL);
  gtk_box_append (GTK_BOX (box), list);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Username"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Username"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), "invite", _("_Invite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "invite", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "invite");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), entry);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
