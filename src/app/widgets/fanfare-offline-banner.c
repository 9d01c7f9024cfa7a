/* fanfare-offline-banner.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A strip over the content while the server cannot be reached. The client
 * keeps trying with a growing delay and the strip goes away by itself when
 * the server answers; "Retry" tries at once. Local music plays meanwhile. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-offline-banner.h"

struct _FanfareOfflineBanner
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;

  /* Owned references */
  FanfareAccountManager *accounts;
  GSignalGroup          *client_signals;
};

G_DEFINE_FINAL_TYPE (FanfareOfflineBanner, fanfare_offline_banner, GTK_TYPE_WIDGET)

static FanfareClient *
get_client (FanfareOfflineBanner * self)
{
  return self->accounts != NULL ? fanfare_account_manager_get_client (self->accounts) : NULL;
}

static void
update (FanfareOfflineBanner *self)
{
  FanfareClient *client = get_client (self);

  gtk_revealer_set_reveal_child (self->revealer, client != NULL && !fanfare_client_get_online (client));
}

static void
client_changed_cb (FanfareOfflineBanner *self)
{
  g_signal_group_set_target (self->client_signals, get_client (self));
  update (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FanfareClient *client = get_client (FANFARE_OFFLINE_BANNER (widget));

  if (client != NULL)
    fanfare_client_check_now (client);
}

static void
fanfare_offline_banner_dispose (GObject *object)
{
  FanfareOfflineBanner *self = FANFARE_OFFLINE_BANNER (object);

  g_clear_object (&self->client_signals);
  g_clear_object (&self->accounts);
  gtk_widget_dispose_template (GTK_WIDGET (object), FANFARE_TYPE_OFFLINE_BANNER);

  G_OBJECT_CLASS (fanfare_offline_banner_parent_class)->dispose (object);
}

static void
fanfare_offline_banner_class_init (FanfareOfflineBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fanfare_offline_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/app/widgets/fanfare-offline-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, FanfareOfflineBanner, revealer);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "offline.retry", NULL, retry_action);
}

static void
fanfare_offline_banner_init (FanfareOfflineBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (update), self);
}

void
fanfare_offline_banner_set_accounts (FanfareOfflineBanner  *self,
                                     FanfareAccountManager *accounts)
{
  g_return_if_fail (FANFARE_IS_OFFLINE_BANNER (self));
  g_return_if_fail (FANFARE_IS_ACCOUNT_MANAGER (accounts));

  if (!g_set_object (&self->accounts, accounts))
    return;

  g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
  client_changed_cb (self);
}

/**
 * fanfare_offline_banner_get_revealed:
 *
 * Returns: whether the banner says the server cannot be reached
 */
gboolean
fanfare_offline_banner_get_revealed (FanfareOfflineBanner *self)
{
  g_return_val_if_fail (FANFARE_IS_OFFLINE_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
