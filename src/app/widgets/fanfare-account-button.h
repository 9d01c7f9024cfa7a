/* fanfare-account-button.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ACCOUNT_BUTTON (fanfare_account_button_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAccountButton, fanfare_account_button, FANFARE, ACCOUNT_BUTTON, GtkWidget);

void fanfare_account_button_set_accounts (FanfareAccountButton  *self,
                                          FanfareAccountManager *accounts);

G_END_DECLS
