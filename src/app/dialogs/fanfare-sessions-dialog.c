/* fanfare-sessions-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The signed-in user's profile, and the devices signed in as them, each of
 * which but this one can be signed out from here (a lost phone). */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-sessions-dialog.h"

static void
revoked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  g_autoptr(GError) error = NULL;

  if (fanfare_client_revoke_session_finish (FANFARE_CLIENT (object), result, &error))
    {
      GtkWidget *list = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (list))
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
    }
}

static void
revoke_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  FanfareClient *client = g_object_get_data (G_OBJECT (row), "client");
  const char *id = g_object_get_data (G_OBJECT (row), "session-id");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  fanfare_client_revoke_session_async (client, id, NULL, revoked_cb, g_object_ref (row));
}

static GtkWidget *
new_session_row (FanfareClient  *client,
                 FanfareSession *session)
{
  GtkWidget *row = adw_action_row_new ();
  GDateTime *used = fanfare_session_get_last_used_at (session);
  g_autofree char *when = used != NULL ? g_date_time_format (used, "%x %H:%M") : NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 fanfare_session_get_device (session) != NULL ? fanfare_session_get_device (session)
                                                                              : _("Unknown device"));
  if (fanfare_session_get_current (session))
    /* Translators: the session of this very app, in the list of sessions */
    subtitle = g_strdup (_("This device"));
  else if (when != NULL)
    /* Translators: %s is a date and time */
    subtitle = g_strdup_printf (_("Last used %s"), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!fanfare_session_get_current (session))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Sign Out"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (row), "client", g_object_ref (client), g_object_unref);
      g_object_set_data_full (G_OBJECT (row), "session-id", g_strdup (fanfare_session_get_id (session)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (revoke_clicked_cb), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
sessions_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) list = user_data;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = fanfare_client_list_sessions_finish (FANFARE_CLIENT (object), result, &error);
  if (sessions == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(FanfareSession) session = g_list_model_get_item (sessions, i);

      gtk_list_box_append (GTK_LIST_BOX (list), new_session_row (FANFARE_CLIENT (object), session));
    }
}

static char *
profile_text (FanfareUser *user)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "@%s", fanfare_user_get_username (user));
  if (fanfare_user_get_email (user) != NULL)
    g_string_append_printf (text, "\n%s", fanfare_user_get_email (user));
  if (fanfare_user_get_bio (user) != NULL)
    g_string_append_printf (text, "\n\n%s", fanfare_user_get_bio (user));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, ngettext ("%u follower", "%u followers", fanfare_user_get_follower_count (user)),
                          fanfare_user_get_follower_count (user));

  return g_string_free (text, FALSE);
}

/**
 * fanfare_sessions_dialog_present:
 * @profile: show the user's profile rather than their sessions
 */
void
fanfare_sessions_dialog_present (GtkWindow     *parent,
                                 FanfareClient *client,
                                 gboolean       profile)
{
  FanfareUser *user = fanfare_client_get_user (client);
  GtkWidget *dialog;

  g_return_if_fail (FANFARE_IS_CLIENT (client));
  g_return_if_fail (user != NULL);

  dialog = adw_message_dialog_new (parent, NULL, NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (profile)
    {
      g_autofree char *body = profile_text (user);

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), fanfare_user_get_display_name (user));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
    }
  else
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Signed-In Devices"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("Sign out a device you no longer use, or one you lost."));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
      fanfare_client_list_sessions_async (client, NULL, sessions_cb, g_object_ref (list));
    }

  gtk_window_present (GTK_WINDOW (dialog));
}
