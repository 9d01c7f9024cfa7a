/* fanfare-accounts.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

#define FANFARE_MAX_DISPLAY_NAME 64
#define FANFARE_MAX_BIO          1000

gboolean     fanfare_accounts_check_username (const char *username,
                                              GError    **error);
gboolean     fanfare_accounts_check_text (const char *text,
                                          const char *field,
                                          guint       min,
                                          guint       max,
                                          GError    **error);
gboolean     fanfare_accounts_check_email (const char *email,
                                           GError    **error);
FanfareUser *fanfare_accounts_create (FanfareDatabase *db,
                                      const char      *username,
                                      const char      *display_name,
                                      const char      *email,
                                      const char      *password,
                                      FanfareUserRole  role,
                                      GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
