/* fanfare-request.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fanfare-account-store.h"
#include "fanfare-database.h"
#include "fanfare-error.h"
#include "fanfare-media-store.h"
#include "fanfare-route.h"
#include "fanfare-server-types.h"

G_BEGIN_DECLS

/* A request on its way through a worker thread: a copy of what the handler
 * may read, and the response it builds. The SoupServerMessage itself stays
 * on the main thread. */

#define FANFARE_DEFAULT_PAGE_SIZE 20
#define FANFARE_MAX_PAGE_SIZE     100

FanfareRequest      *fanfare_request_new (FanfareServer      *server,
                                          const FanfareRoute *route,
                                          SoupServerMessage  *msg,
                                          GHashTable         *params,
                                          GHashTable         *query) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_request_free (FanfareRequest *request);
void                 fanfare_request_run (FanfareRequest *request);
void                 fanfare_request_apply (FanfareRequest    *request,
                                            SoupServerMessage *msg);

FanfareServer       *fanfare_request_get_server (FanfareRequest *request);
FanfareDatabase     *fanfare_request_get_database (FanfareRequest *request);
FanfareMediaStore   *fanfare_request_get_media (FanfareRequest *request);
const FanfareViewer *fanfare_request_get_viewer (FanfareRequest *request);
const FanfareAuth   *fanfare_request_get_auth (FanfareRequest *request);
const char          *fanfare_request_get_remote_host (FanfareRequest *request);
const char          *fanfare_request_get_header (FanfareRequest *request,
                                                 const char     *name);
const char          *fanfare_request_get_query (FanfareRequest *request,
                                                const char     *name);
const char          *fanfare_request_get_param (FanfareRequest *request,
                                                const char     *name);
gint64               fanfare_request_get_id (FanfareRequest *request,
                                             const char     *name);
GBytes              *fanfare_request_get_body (FanfareRequest *request);
JsonObject          *fanfare_request_parse_body (FanfareRequest *request,
                                                 GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             fanfare_request_get_limit (FanfareRequest *request,
                                                guint          *limit,
                                                GError        **error);

void                 fanfare_request_respond_json (FanfareRequest *request,
                                                   guint           status,
                                                   JsonNode       *node);
void                 fanfare_request_respond_bytes (FanfareRequest *request,
                                                    guint           status,
                                                    const char     *content_type,
                                                    GBytes         *bytes);
void                 fanfare_request_respond_empty (FanfareRequest *request,
                                                    guint           status);
JsonNode            *fanfare_request_error_new (FanfareError  code,
                                                const char   *message) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_request_fail (FanfareRequest *request,
                                           const GError   *error);
void                 fanfare_request_fail_literal (FanfareRequest *request,
                                                   FanfareError    code,
                                                   const char     *message);
void                 fanfare_request_add_header (FanfareRequest *request,
                                                 const char     *name,
                                                 const char     *value);
void                 fanfare_request_take_header (FanfareRequest *request,
                                                  const char     *name,
                                                  char           *value);

gboolean             fanfare_etag_matches (const char *if_none_match,
                                           const char *etag);
char                *fanfare_etag_for_bytes (GBytes *bytes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
