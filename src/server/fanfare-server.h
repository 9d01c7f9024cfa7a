/* fanfare-server.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-database.h"
#include "fanfare-media-store.h"
#include "fanfare-server-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_SERVER (fanfare_server_get_type ())

G_DECLARE_FINAL_TYPE (FanfareServer, fanfare_server, FANFARE, SERVER, GObject);

void               fanfare_server_limits_init (FanfareServerLimits *limits);
FanfareServer     *fanfare_server_new (const char                *data_dir,
                                       const FanfareServerLimits *limits,
                                       GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           fanfare_server_listen (FanfareServer   *self,
                                          const char      *address,
                                          GTlsCertificate *certificate,
                                          GError         **error);
char              *fanfare_server_dup_uri (FanfareServer *self) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_server_set_public_url (FanfareServer *self,
                                                  const char    *public_url);
const char        *fanfare_server_get_public_url (FanfareServer *self);
void               fanfare_server_shutdown (FanfareServer *self);
gboolean           fanfare_server_is_stopped (FanfareServer *self);
void               fanfare_server_close (FanfareServer *self);
FanfareDatabase   *fanfare_server_get_database (FanfareServer *self);
FanfareMediaStore *fanfare_server_get_media (FanfareServer *self);
FanfareFingerprints *fanfare_server_get_fingerprints (FanfareServer *self);
FanfareShop       *fanfare_server_get_shop (FanfareServer *self);
GPtrArray         *fanfare_server_list_routes (FanfareServer *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
