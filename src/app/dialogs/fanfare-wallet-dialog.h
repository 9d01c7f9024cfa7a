/* fanfare-wallet-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client.h"
#include "fanfare-wallet-history.h"

G_BEGIN_DECLS

GtkWidget *fanfare_wallet_dialog_new (GtkWindow     *parent,
                                      FanfareClient *client,
                                      const char    *reason);
GtkEditable *fanfare_wallet_dialog_get_entry (GtkWidget *dialog);
FanfareWalletHistory *fanfare_wallet_dialog_get_history (GtkWidget *dialog);
void       fanfare_wallet_dialog_present_balance (GtkWindow     *parent,
                                                  FanfareClient *client);

G_END_DECLS
