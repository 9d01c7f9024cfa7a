/* fanfare-sign-in-dialog.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_SIGN_IN_DIALOG (fanfare_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FanfareSignInDialog, fanfare_sign_in_dialog, FANFARE, SIGN_IN_DIALOG, AdwWindow);

GtkWidget *fanfare_sign_in_dialog_new (FanfareAccountManager *accounts);
void       fanfare_sign_in_dialog_submit (FanfareSignInDialog *self,
                                          const char          *server_url,
                                          const char          *username,
                                          const char          *password,
                                          gboolean             create_account);

G_END_DECLS
