/* fanfare-wallet-dialog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Topping up the wallet with a code: a dialog asks for the code, then it
 * is redeemed and a toast says how it went. Opened from the account menu,
 * it shows the balance and, under the code, the wallet's recent history
 * (FanfareWalletHistory, which reads its later pages as it is scrolled).
 * A code's top-up keeps its idempotency key (with the client, for the
 * run) until the server has answered, so entering the code again after a
 * lost answer credits it once. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-buy-button.h"
#include "fanfare-client-store.h"
#include "fanfare-error.h"
#include "fanfare-wallet-dialog.h"
#include "fanfare-wallet-history.h"
#include "fanfare-window.h"

#define PENDING_KEYS  "fanfare-pending-top-ups"
#define WALLET_ENTRY  "fanfare-wallet-entry"
#define HISTORY       "fanfare-wallet-history"

typedef struct {
  FanfareClient *client;
  GtkWindow     *parent;  /* weak */
  char          *code;
} TopUp;

static void
top_up_free (TopUp *top_up)
{
  g_clear_object (&top_up->client);
  g_clear_weak_pointer (&top_up->parent);
  g_free (top_up->code);
  g_free (top_up);
}

/* The key of @code's top-up not yet answered, made at the first try. */
static const char *
pending_key (FanfareClient *client,
             const char    *code)
{
  GHashTable *keys = g_object_get_data (G_OBJECT (client), PENDING_KEYS);
  const char *key;

  if (keys == NULL)
    {
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (client), PENDING_KEYS, keys, (GDestroyNotify) g_hash_table_unref);
    }

  if ((key = g_hash_table_lookup (keys, code)) == NULL)
    {
      key = g_uuid_string_random ();
      g_hash_table_insert (keys, g_strdup (code), (char *) key);
    }

  return key;
}

static void
topped_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TopUp *top_up = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *keys = g_object_get_data (object, PENDING_KEYS);
  gint64 balance = 0;

  if (fanfare_client_top_up_finish (FANFARE_CLIENT (object), result, &balance, &error))
    {
      g_autofree char *amount = fanfare_buy_button_format_price (balance, "CNY");
      g_autofree char *message = g_strdup_printf (_("Wallet topped up: %s"), amount);

      fanfare_window_toast_from (GTK_WIDGET (top_up->parent), message);
    }
  else
    fanfare_window_toast_from (GTK_WIDGET (top_up->parent), fanfare_client_error_is_offline (error)
                           ? _("Could not reach the server; the same code will be credited once")
                           : error->message);

  /* Answered: the code's next top-up is a new one. */
  if (keys != NULL && (error == NULL || !fanfare_client_error_is_offline (error)))
    g_hash_table_remove (keys, top_up->code);
  top_up_free (top_up);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GtkEntry         *entry)
{
  FanfareClient *client = g_object_get_data (G_OBJECT (dialog), "fanfare-client");
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  TopUp *top_up;

  if (!g_str_equal (response, "top-up") || *code == '\0')
    return;

  top_up = g_new0 (TopUp, 1);
  top_up->client = g_object_ref (client);
  g_set_weak_pointer (&top_up->parent, gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  top_up->code = g_steal_pointer (&code);
  fanfare_client_top_up_async (client, top_up->code, pending_key (client, top_up->code), NULL, topped_up_cb, top_up);
}

/**
 * fanfare_wallet_dialog_new:
 * @reason: (nullable): why the wallet needs money, shown first
 *
 * Returns: (transfer floating): a dialog asking for a top-up code
 */
GtkWidget *
fanfare_wallet_dialog_new (GtkWindow     *parent,
                           FanfareClient *client,
                           const char    *reason)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkWidget *box;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);

  dialog = adw_message_dialog_new (parent, _("Top Up Your Wallet"), NULL);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "XXXX-XXXX-XXXX-XXXX");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Top-up code"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "fanfare-client", g_object_ref (client), g_object_unref);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               reason != NULL ? reason : _("Enter a top-up code to add its amount to your wallet."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (dialog), WALLET_ENTRY, entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "top-up", _("_Top Up"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "top-up", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "top-up");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), entry);

  return dialog;
}

/* The entry of a dialog made by fanfare_wallet_dialog_new(), for tests. */
GtkEditable *
fanfare_wallet_dialog_get_entry (GtkWidget *dialog)
{
  return GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), WALLET_ENTRY));
}

/* The wallet's history in a dialog that shows it, for tests. */
FanfareWalletHistory *
fanfare_wallet_dialog_get_history (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), HISTORY);
}

typedef struct {
  GtkWindow *parent;
  char      *body;
} Balance;

static void
balance_free (Balance *balance)
{
  g_clear_object (&balance->parent);
  g_free (balance->body);
  g_free (balance);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Balance, balance_free)

/* The balance was read, then the history: the dialog shows both, or the
 * balance alone when the history could not be read. */
static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Balance) balance = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) entries = fanfare_client_list_wallet_history_finish (FANFARE_CLIENT (object), result,
                                                                            &next_cursor, &error);
  GtkWidget *dialog;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not read the wallet's history: %s", error->message);
    }

  dialog = fanfare_wallet_dialog_new (balance->parent, FANFARE_CLIENT (object), balance->body);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Your Wallet"));
  if (entries != NULL && entries->len > 0)
    {
      GtkWidget *history = fanfare_wallet_history_new (FANFARE_CLIENT (object), entries, next_cursor);

      gtk_box_append (GTK_BOX (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), history);
      g_object_set_data (G_OBJECT (dialog), HISTORY, history);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *price = NULL;
  Balance *shown;
  gint64 balance = 0;

  if (!fanfare_client_get_wallet_finish (FANFARE_CLIENT (object), result, &balance, &currency, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_window_toast_from (GTK_WIDGET (parent), error->message);
      return;
    }

  price = fanfare_buy_button_format_price (balance, currency);
  shown = g_new0 (Balance, 1);
  shown->parent = g_steal_pointer (&parent);
  /* Translators: the wallet's balance, such as ¥32.00 */
  shown->body = g_strdup_printf (_("Your balance is %s. Enter a top-up code to add its amount to your wallet."),
                                 price);
  fanfare_client_list_wallet_history_async (FANFARE_CLIENT (object), NULL, NULL, history_cb, shown);
}

/**
 * fanfare_wallet_dialog_present_balance:
 *
 * Reads the wallet, then shows its balance with a line for a top-up code
 * and the wallet's recent history.
 */
void
fanfare_wallet_dialog_present_balance (GtkWindow     *parent,
                                       FanfareClient *client)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (FANFARE_IS_CLIENT (client));

  fanfare_client_get_wallet_async (client, NULL, balance_cb, g_object_ref (parent));
}
