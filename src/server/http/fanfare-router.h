/* fanfare-router.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fanfare-error.h"
#include "fanfare-route.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_ROUTER (fanfare_router_get_type ())

G_DECLARE_FINAL_TYPE (FanfareRouter, fanfare_router, FANFARE, ROUTER, GObject);

FanfareRouter      *fanfare_router_new (void) G_GNUC_WARN_UNUSED_RESULT;
void                fanfare_router_add (FanfareRouter      *self,
                                        const FanfareRoute *routes);
const FanfareRoute *fanfare_router_match (FanfareRouter *self,
                                          const char    *method,
                                          const char    *path,
                                          GHashTable   **params,
                                          FanfareError  *error_code);
gboolean            fanfare_router_is_client_id (const char *segment);
GPtrArray          *fanfare_router_list (FanfareRouter *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
