/* fanfare-gift-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* "Give as Gift…": the friend's username and a message, confirmed, then
 * bought from the user's wallet for the friend. A gift the server did not
 * answer (the network) keeps its idempotency key, so giving the same album
 * to the same friend again cannot charge twice; an answer ends it. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-client-store.h"
#include "fanfare-gift-dialog.h"
#include "fanfare-window.h"

struct _FanfareGift
{
  char    *key;       /* until the server answers */
  char    *album_id;  /* what the key was for */
  char    *username;
  gboolean sending;
};

static void
forget (FanfareGift *gift)
{
  g_clear_pointer (&gift->key, g_free);
  g_clear_pointer (&gift->album_id, g_free);
  g_clear_pointer (&gift->username, g_free);
}

/* A gift is shared by whoever shows its dialog and the request on its way. */
FanfareGift *
fanfare_gift_new (void)
{
  return g_rc_box_new0 (FanfareGift);
}

void
fanfare_gift_free (FanfareGift *gift)
{
  if (gift != NULL)
    g_rc_box_release_full (gift, (GDestroyNotify) forget);
}

typedef struct {
  FanfareGift *gift;
  GtkWindow   *parent;
} Sending;

static void
gift_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Sending *sending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientPurchase) purchase = fanfare_client_purchase_finish (FANFARE_CLIENT (object), result, &error);
  g_autofree char *message = NULL;

  sending->gift->sending = FALSE;
  if (purchase != NULL)
    {
      /* Translators: the friend's username */
      message = g_strdup_printf (_("Given to %s"), sending->gift->username);
      forget (sending->gift);
      fanfare_window_toast_from (GTK_WIDGET (sending->parent), message);
    }
  else if (fanfare_client_error_is_offline (error))
    fanfare_window_toast_from (GTK_WIDGET (sending->parent), _("Could not reach the server; giving again will not charge twice"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      forget (sending->gift);
      fanfare_window_toast_from (GTK_WIDGET (sending->parent), error->message);
    }

  fanfare_gift_free (sending->gift);
  g_object_unref (sending->parent);
  g_free (sending);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             FanfareGift      *gift)
{
  FanfareClient *client = g_object_get_data (G_OBJECT (dialog), "fanfare-client");
  const char *album_id = g_object_get_data (G_OBJECT (dialog), "fanfare-album");
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (fanfare_gift_dialog_get_username_entry (GTK_WIDGET (dialog)))));
  const char *text = gtk_editable_get_text (fanfare_gift_dialog_get_message_entry (GTK_WIDGET (dialog)));
  Sending *sending;

  if (!g_str_equal (response, "give") || *username == '\0' || gift->sending)
    return;

  /* Another gift than the one unanswered is another request. */
  if (g_strcmp0 (gift->album_id, album_id) != 0 || g_strcmp0 (gift->username, username) != 0)
    forget (gift);
  if (gift->key == NULL)
    {
      gift->key = g_uuid_string_random ();
      gift->album_id = g_strdup (album_id);
      gift->username = g_strdup (username);
    }

  gift->sending = TRUE;
  sending = g_new0 (Sending, 1);
  sending->gift = g_rc_box_acquire (gift);
  sending->parent = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  fanfare_client_purchase_async (client, album_id, username, *text != '\0' ? text : NULL, gift->key, NULL, gift_cb,
                                 sending);
}

/**
 * fanfare_gift_dialog_new:
 * @gift: the gift's state, owned by the caller and kept between dialogs
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
fanfare_gift_dialog_new (GtkWindow     *parent,
                         FanfareClient *client,
                         FanfareGift   *gift,
                         const char    *album_id,
                         const char    *title)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Give as Gift"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *username = gtk_entry_new ();
  GtkWidget *message = gtk_entry_new ();

  /* Translators: an album's title */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Give “%s” to a friend, paid from your wallet. The nameplate will be theirs."),
                                  title);
  gtk_entry_set_placeholder_text (GTK_ENTRY (username), _("Friend's username"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (username), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Friend's username"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (message), _("A message (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("A message"), -1);
  if (gift->username != NULL && g_strcmp0 (gift->album_id, album_id) == 0)
    gtk_editable_set_text (GTK_EDITABLE (username), gift->username);
  gtk_box_append (GTK_BOX (box), username);
  gtk_box_append (GTK_BOX (box), message);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "give", _("_Give"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "give", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fanfare-client", g_object_ref (client), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fanfare-album", g_strdup (album_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "fanfare-username", username);
  g_object_set_data (G_OBJECT (dialog), "fanfare-message", message);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), gift);

  return dialog;
}

GtkEditable *
fanfare_gift_dialog_get_username_entry (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "fanfare-username");
}

GtkEditable *
fanfare_gift_dialog_get_message_entry (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "fanfare-message");
}
