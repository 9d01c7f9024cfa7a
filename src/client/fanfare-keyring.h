/* fanfare-keyring.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     fanfare_keyring_store_async (const char          *server,
                                      const char          *username,
                                      const char          *token,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean fanfare_keyring_store_finish (GAsyncResult *result,
                                       GError      **error);
void     fanfare_keyring_lookup_async (const char          *server,
                                       const char          *username,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char    *fanfare_keyring_lookup_finish (GAsyncResult *result,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void     fanfare_keyring_clear_async (const char          *server,
                                      const char          *username,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean fanfare_keyring_clear_finish (GAsyncResult *result,
                                       GError      **error);
void     fanfare_keyring_list_async (GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
GStrv    fanfare_keyring_list_finish (GAsyncResult *result,
                                      GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
