/* fanfare-wallet-history.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-client-store.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_WALLET_HISTORY (fanfare_wallet_history_get_type ())

G_DECLARE_FINAL_TYPE (FanfareWalletHistory, fanfare_wallet_history, FANFARE, WALLET_HISTORY, GtkBox);

GtkWidget  *fanfare_wallet_history_new (FanfareClient *client,
                                        GPtrArray     *entries,
                                        const char    *next_cursor);
GtkListBox *fanfare_wallet_history_get_list (FanfareWalletHistory *self);
gboolean    fanfare_wallet_history_get_loading (FanfareWalletHistory *self);

G_END_DECLS
