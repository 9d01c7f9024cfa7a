/* fanfare-credentials.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FANFARE_PASSWORD_MIN_LENGTH 8
#define FANFARE_PASSWORD_MAX_LENGTH 1024

gboolean fanfare_credentials_init (GError **error);
char    *fanfare_credentials_hash_password (const char *password,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean fanfare_credentials_verify_password (const char *password,
                                              const char *hash);
void     fanfare_credentials_waste_time (const char *password);
char    *fanfare_credentials_new_token (void) G_GNUC_WARN_UNUSED_RESULT;
char    *fanfare_credentials_hash_token (const char *token) G_GNUC_WARN_UNUSED_RESULT;
gboolean fanfare_credentials_check_password (const char *password,
                                             const char *field,
                                             GError    **error);

G_END_DECLS
