/* fanfare-account-manager.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ACCOUNT_MANAGER (fanfare_account_manager_get_type ())

G_DECLARE_FINAL_TYPE (FanfareAccountManager, fanfare_account_manager, FANFARE, ACCOUNT_MANAGER, GObject);

FanfareAccountManager *fanfare_account_manager_new (GSettings  *settings,
                                                    const char *cache_dir) G_GNUC_WARN_UNUSED_RESULT;
FanfareClient         *fanfare_account_manager_get_client (FanfareAccountManager *self);
gboolean               fanfare_account_manager_get_remembered (FanfareAccountManager *self);
char                  *fanfare_account_manager_dup_server_url (FanfareAccountManager *self) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_account_manager_use_server (FanfareAccountManager *self,
                                                           const char            *server_url);

void                   fanfare_account_manager_restore_async (FanfareAccountManager *self,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
gboolean               fanfare_account_manager_restore_finish (FanfareAccountManager *self,
                                                               GAsyncResult          *result,
                                                               GError               **error);
void                   fanfare_account_manager_switch_async (FanfareAccountManager *self,
                                                             const char            *server,
                                                             const char            *username,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean               fanfare_account_manager_switch_finish (FanfareAccountManager *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);
void                   fanfare_account_manager_sign_in_async (FanfareAccountManager *self,
                                                              const char            *server_url,
                                                              const char            *username,
                                                              const char            *password,
                                                              gboolean               create_account,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
FanfareUser           *fanfare_account_manager_sign_in_finish (FanfareAccountManager *self,
                                                               GAsyncResult          *result,
                                                               GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void                   fanfare_account_manager_sign_out_async (FanfareAccountManager *self,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);
gboolean               fanfare_account_manager_sign_out_finish (FanfareAccountManager *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

G_END_DECLS
