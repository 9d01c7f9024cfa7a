/* fanfare-account-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* The signed-in user behind a request, from a valid session. */
typedef struct {
  gint64          user_id;
  gint64          session_id;
  FanfareUserRole role;
  gboolean        moderator;  /* named one; admins moderate too */
} FanfareAuth;

FanfareUser *fanfare_account_store_create_user (FanfareDatabase *db,
                                                const char      *username,
                                                const char      *display_name,
                                                const char      *email,
                                                const char      *password_hash,
                                                FanfareUserRole  role,
                                                GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     fanfare_account_store_get_credentials (FanfareDatabase *db,
                                                    const char      *username,
                                                    gint64          *user_id,
                                                    char           **password_hash,
                                                    GError         **error);
gboolean     fanfare_account_store_get_password_hash (FanfareDatabase *db,
                                                      gint64           user_id,
                                                      char           **password_hash,
                                                      GError         **error);
FanfareUser *fanfare_account_store_get_user (FanfareDatabase *db,
                                             gint64           user_id,
                                             gboolean         with_email,
                                             GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *fanfare_account_store_get_users (FanfareDatabase *db,
                                              GArray          *user_ids,
                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareUser *fanfare_account_store_find_user (FanfareDatabase *db,
                                              const char      *username,
                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gint64       fanfare_account_store_lookup_user_id (FanfareDatabase *db,
                                                   const char      *username,
                                                   GError         **error);
gboolean     fanfare_account_store_update_profile (FanfareDatabase *db,
                                                   gint64           user_id,
                                                   const char      *display_name,
                                                   const char      *bio,
                                                   const char      *email,
                                                   GError         **error);
gboolean     fanfare_account_store_set_avatar (FanfareDatabase *db,
                                               gint64           user_id,
                                               const char      *image_id,
                                               GError         **error);
gboolean     fanfare_account_store_set_moderator (FanfareDatabase *db,
                                                  gint64           user_id,
                                                  gboolean         moderator,
                                                  GError         **error);
gboolean     fanfare_account_store_set_verified (FanfareDatabase *db,
                                                 gint64           user_id,
                                                 gboolean         verified,
                                                 GError         **error);
gboolean     fanfare_account_store_set_role (FanfareDatabase *db,
                                             gint64           user_id,
                                             FanfareUserRole  role,
                                             gint64          *artist_id,
                                             GError         **error);
gboolean     fanfare_account_store_set_password_hash (FanfareDatabase *db,
                                                      gint64           user_id,
                                                      const char      *password_hash,
                                                      gint64           keep_session_id,
                                                      guint           *n_revoked,
                                                      GError         **error);

gint64       fanfare_account_store_create_session (FanfareDatabase *db,
                                                   gint64           user_id,
                                                   const char      *token_hash,
                                                   const char      *device,
                                                   gint64           expires_at,
                                                   GError         **error);
gboolean     fanfare_account_store_authenticate (FanfareDatabase *db,
                                                 const char      *token_hash,
                                                 gint64           lifetime,
                                                 FanfareAuth     *auth,
                                                 GError         **error);
GPtrArray   *fanfare_account_store_list_sessions (FanfareDatabase *db,
                                                  gint64           user_id,
                                                  gint64           current_session_id,
                                                  GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     fanfare_account_store_delete_session (FanfareDatabase *db,
                                                   gint64           user_id,
                                                   gint64           session_id,
                                                   GError         **error);

G_END_DECLS
