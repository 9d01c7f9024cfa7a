/* fanfare-buy-button.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Buying a digital album: the price on the button, a confirmation, then
 * the purchase. The purchase keeps its idempotency key until the server
 * has answered, so that buying again after a lost answer or while offline
 * is the same purchase and never a second charge. Hidden for an album
 * that is not for sale; "Purchased" once the user owns it. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fanfare-buy-button.h"
#include "fanfare-client-store.h"
#include "fanfare-error.h"
#include "fanfare-wallet-dialog.h"
#include "fanfare-window.h"

struct _FanfareBuyButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget        *button;
  AdwButtonContent *content;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;

  /* State */
  char    *album_id;
  char    *title;
  char    *price;
  char    *pending_key;  /* of the purchase the user confirmed, until answered */
  gboolean owned;
  gboolean buying;
};

G_DEFINE_FINAL_TYPE (FanfareBuyButton, fanfare_buy_button, GTK_TYPE_WIDGET)

static void
toast (FanfareBuyButton *self,
       const char       *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FANFARE_IS_WINDOW (root))
    fanfare_window_add_toast (FANFARE_WINDOW (root), adw_toast_new (title));
}

static void
update (FanfareBuyButton *self)
{
  g_autofree char *label = NULL;

  if (self->owned)
    {
      adw_button_content_set_label (self->content, _("Purchased"));
      adw_button_content_set_icon_name (self->content, "object-select-symbolic");
    }
  else if (self->price != NULL)
    {
      /* Translators: a button; %s is a price such as ¥18.00 */
      label = g_strdup_printf (_("_Buy · %s"), self->price);
      adw_button_content_set_label (self->content, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->owned || self->price != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "buy.buy", !self->owned && !self->buying && self->price != NULL);
}

static void
offer_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareBuyButton) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientOffer) offer = fanfare_client_get_offer_finish (FANFARE_CLIENT (object), result, &error);

  if (offer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No offer for the album: %s", error->message);
      return;
    }

  g_clear_pointer (&self->price, g_free);
  if (offer->for_sale)
    self->price = fanfare_buy_button_format_price (offer->price_cents, offer->currency);
  self->owned = offer->owned;
  update (self);
}

static void
purchase_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FanfareBuyButton) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClientPurchase) purchase = fanfare_client_purchase_finish (FANFARE_CLIENT (object), result, &error);

  self->buying = FALSE;
  if (purchase != NULL)
    {
      g_autofree char *serial = fanfare_nameplate_format_serial (purchase->nameplate != NULL
                                                                 ? purchase->nameplate->serial : 0);
      g_autofree char *message = NULL;

      g_clear_pointer (&self->pending_key, g_free);
      self->owned = TRUE;
      /* Translators: %s is the buyer's serial number, such as 1,234 */
      message = g_strdup_printf (_("Purchased: your nameplate is No. %s"), serial);
      toast (self, message);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else if (fanfare_client_error_is_offline (error))
    toast (self, _("Could not reach the server; buying again will not charge twice"));
  else
    {
      /* The server answered: this purchase is over, a new one gets a new key. */
      g_clear_pointer (&self->pending_key, g_free);
      if (g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_PAYMENT_REQUIRED) &&
          GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
        gtk_window_present (GTK_WINDOW (fanfare_wallet_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                                   self->client,
                                                                   _("Not enough money in your wallet. Enter a top-up code, then buy again."))));
      else
        toast (self, error->message);
    }

  update (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FanfareBuyButton *self)
{
  if (!g_str_equal (response, "buy") || self->client == NULL || self->buying)
    return;

  if (self->pending_key == NULL)
    self->pending_key = g_uuid_string_random ();
  self->buying = TRUE;
  update (self);
  fanfare_client_purchase_async (self->client, self->album_id, NULL, NULL, self->pending_key, self->cancellable,
                                 purchase_cb, g_object_ref (self));
}

static void
buy_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FanfareBuyButton *self = FANFARE_BUY_BUTTON (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root) || self->price == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Buy This Album?"), NULL);
  /* Translators: the first %s is an album's title, the second its price */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%s” for %s, paid from your wallet."),
                                  self->title, self->price);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "buy", _("_Buy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "buy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fanfare_buy_button_dispose (GObject *object)
{
  FanfareBuyButton *self = FANFARE_BUY_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_BUY_BUTTON);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_buy_button_parent_class)->dispose (object);
}

static void
fanfare_buy_button_finalize (GObject *object)
{
  FanfareBuyButton *self = FANFARE_BUY_BUTTON (object);

  g_free (self->album_id);
  g_free (self->title);
  g_free (self->price);
  g_free (self->pending_key);

  G_OBJECT_CLASS (fanfare_buy_button_parent_class)->finalize (object);
}

static void
fanfare_buy_button_class_init (FanfareBuyButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_buy_button_dispose;
  object_class->finalize = fanfare_buy_button_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-buy-button.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareBuyButton, button);
  gtk_widget_class_bind_template_child (widget_class, FanfareBuyButton, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "buy.buy", NULL, buy_action);
}

static void
fanfare_buy_button_init (FanfareBuyButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update (self);
}

/**
 * fanfare_buy_button_set_album:
 * @client: the signed-in client
 *
 * Asks the platform whether the album is for sale, and at what price.
 */
void
fanfare_buy_button_set_album (FanfareBuyButton *self,
                              FanfareClient    *client,
                              const char       *album_id,
                              const char       *title)
{
  g_return_if_fail (FANFARE_IS_BUY_BUTTON (self));
  g_return_if_fail (FANFARE_IS_CLIENT (client));

  g_set_object (&self->client, client);
  g_free (self->album_id);
  self->album_id = g_strdup (album_id);
  g_free (self->title);
  self->title = g_strdup (title);
  fanfare_client_get_offer_async (client, album_id, self->cancellable, offer_cb, g_object_ref (self));
}

gboolean
fanfare_buy_button_get_owned (FanfareBuyButton *self)
{
  g_return_val_if_fail (FANFARE_IS_BUY_BUTTON (self), FALSE);

  return self->owned;
}

/**
 * fanfare_buy_button_format_price:
 *
 * Returns: a price as people read it: "¥18.00", or "USD 9.90" for a
 *   currency without a sign here
 */
char *
fanfare_buy_button_format_price (gint64      price_cents,
                                 const char *currency)
{
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", price_cents / 100,
                                             (int) (price_cents % 100));

  if (g_strcmp0 (currency, "CNY") == 0)
    return g_strconcat ("¥", amount, NULL);

  return g_strdup_printf ("%s %s", currency != NULL ? currency : "", amount);
}
