/* fanfare-wallet-history.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The wallet's Recent Activity, under the top-up code: the latest page of
 * its history first, and the page after it read when the list is
 * scrolled near its end, with a spinner meanwhile. A page that could not
 * be read leaves a row saying so, with Retry; nothing more is read until
 * then, so that a server that is down is not asked again and again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-buy-button.h"
#include "fanfare-wallet-history.h"

/* How close to the end of the list, in pixels, reads the next page: about
 * two rows, so that it usually arrives before the end shows. */
#define NEAR_END 120

struct _FanfareWalletHistory
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scrolled;
  GtkListBox        *list;
  GtkSpinner        *spinner;
  GtkWidget         *error_list;
  AdwActionRow      *error_row;

  /* Owned references */
  FanfareClient *client;
  GCancellable  *cancellable;

  /* State */
  char    *next_cursor;  /* where the next page starts; NULL after the last */
  gboolean loading;
  gboolean failed;       /* until Retry */
};

G_DEFINE_FINAL_TYPE (FanfareWalletHistory, fanfare_wallet_history, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_more (FanfareWalletHistory *self);

static char *
describe_entry (const FanfareClientWalletEntry *entry)
{
  switch (entry->kind)
    {
    case FANFARE_CLIENT_WALLET_TOP_UP:
      return g_strdup (_("Top-up"));
    case FANFARE_CLIENT_WALLET_PURCHASE:
      /* Translators: the album's title */
      return g_strdup_printf (_("Bought “%s”"), entry->album);
    case FANFARE_CLIENT_WALLET_GIFT:
      /* Translators: the album's title, then the friend's username */
      return g_strdup_printf (_("“%s” given to %s"), entry->album, entry->to);
    case FANFARE_CLIENT_WALLET_REFUND:
      /* Translators: the album's title */
      return g_strdup_printf (_("Refund for “%s”"), entry->album);
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
new_row (const FanfareClientWalletEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe_entry (entry);
  g_autofree char *price = fanfare_buy_button_format_price (ABS (entry->amount_cents), entry->currency);
  g_autofree char *amount = g_strconcat (entry->amount_cents < 0 ? "−" : "+", price, NULL);
  g_autofree char *balance = fanfare_buy_button_format_price (entry->balance_cents, entry->currency);
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->created_at);
  g_autofree char *when = g_date_time_format (local, "%x %H:%M");
  g_autofree char *subtitle = NULL;

  /* Translators: what came in or went out, the balance after it, and when,
   * such as "−¥18.00 · balance ¥32.00 · 2026/12/07 08:30" */
  subtitle = g_strdup_printf (_("%s · balance %s · %s"), amount, balance, when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
append_entries (FanfareWalletHistory *self,
                GPtrArray            *entries)
{
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, new_row (g_ptr_array_index (entries, i)));
}

static void
set_loading (FanfareWalletHistory *self,
             gboolean              loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
near_end (FanfareWalletHistory *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double page_size = gtk_adjustment_get_page_size (adjustment);

  /* Not laid out yet: the adjustment will change when it is. */
  if (page_size <= 0)
    return FALSE;

  return gtk_adjustment_get_value (adjustment) + page_size >= gtk_adjustment_get_upper (adjustment) - NEAR_END;
}

/* Scrolled, or the list grew or shrank: the next page when the end is near. */
static void
adjustment_changed_cb (FanfareWalletHistory *self)
{
  if (near_end (self))
    load_more (self);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FanfareWalletHistory) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *next_cursor = NULL;
  g_autoptr(GPtrArray) entries = fanfare_client_list_wallet_history_finish (FANFARE_CLIENT (object), result,
                                                                            &next_cursor, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (entries == NULL)
    {
      g_debug ("Could not read the wallet's history: %s", error->message);
      self->failed = TRUE;
      adw_action_row_set_subtitle (self->error_row, error->message);
      gtk_widget_set_visible (self->error_list, TRUE);
      return;
    }

  /* The rows change the adjustment once they are laid out, which reads
   * the next page if the end is still in sight. */
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&next_cursor);
  append_entries (self, entries);
}

static void
load_more (FanfareWalletHistory *self)
{
  if (self->next_cursor == NULL || self->loading || self->failed)
    return;

  set_loading (self, TRUE);
  fanfare_client_list_wallet_history_async (self->client, self->next_cursor, self->cancellable, page_cb,
                                            g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareWalletHistory *self = FANFARE_WALLET_HISTORY (widget);

  self->failed = FALSE;
  gtk_widget_set_visible (self->error_list, FALSE);
  load_more (self);
}

static void
fanfare_wallet_history_dispose (GObject *object)
{
  FanfareWalletHistory *self = FANFARE_WALLET_HISTORY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_WALLET_HISTORY);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (fanfare_wallet_history_parent_class)->dispose (object);
}

static void
fanfare_wallet_history_finalize (GObject *object)
{
  FanfareWalletHistory *self = FANFARE_WALLET_HISTORY (object);

  g_free (self->next_cursor);

  G_OBJECT_CLASS (fanfare_wallet_history_parent_class)->finalize (object);
}

static void
fanfare_wallet_history_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FanfareWalletHistory *self = FANFARE_WALLET_HISTORY (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_wallet_history_class_init (FanfareWalletHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_wallet_history_dispose;
  object_class->finalize = fanfare_wallet_history_finalize;
  object_class->get_property = fanfare_wallet_history_get_property;

  /**
   * FanfareWalletHistory:loading:
   *
   * Whether a page of the history is being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/dialogs/fanfare-wallet-history.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareWalletHistory, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FanfareWalletHistory, list);
  gtk_widget_class_bind_template_child (widget_class, FanfareWalletHistory, spinner);
  gtk_widget_class_bind_template_child (widget_class, FanfareWalletHistory, error_list);
  gtk_widget_class_bind_template_child (widget_class, FanfareWalletHistory, error_row);
  gtk_widget_class_install_action (widget_class, "history.retry", NULL, retry_action);
}

static void
fanfare_wallet_history_init (FanfareWalletHistory *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * fanfare_wallet_history_new:
 * @entries: (element-type FanfareClientWalletEntry): the first page
 * @next_cursor: (nullable): where the page after it starts
 *
 * Returns: (transfer floating): the history, reading its later pages
 *   with @client as it is scrolled
 */
GtkWidget *
fanfare_wallet_history_new (FanfareClient *client,
                            GPtrArray     *entries,
                            const char    *next_cursor)
{
  FanfareWalletHistory *self;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_WALLET_HISTORY, NULL);
  self->client = g_object_ref (client);
  self->next_cursor = g_strdup (next_cursor);
  append_entries (self, entries);

  return GTK_WIDGET (self);
}

/**
 * fanfare_wallet_history_get_list:
 *
 * Returns: (transfer none): the list of the entries read so far, a row each
 */
GtkListBox *
fanfare_wallet_history_get_list (FanfareWalletHistory *self)
{
  g_return_val_if_fail (FANFARE_IS_WALLET_HISTORY (self), NULL);

  return self->list;
}

/**
 * fanfare_wallet_history_get_loading:
 *
 * Returns: whether a page of the history is being read, while the spinner
 *   shows
 */
gboolean
fanfare_wallet_history_get_loading (FanfareWalletHistory *self)
{
  g_return_val_if_fail (FANFARE_IS_WALLET_HISTORY (self), FALSE);

  return self->loading;
}
