/* fanfare-login-throttle.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fanfare-server-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LOGIN_THROTTLE (fanfare_login_throttle_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLoginThrottle, fanfare_login_throttle, FANFARE, LOGIN_THROTTLE, GObject);

FanfareLoginThrottle *fanfare_login_throttle_new (guint  account_limit,
                                                  guint  address_limit,
                                                  guint  window_seconds) G_GNUC_WARN_UNUSED_RESULT;
gboolean              fanfare_login_throttle_begin (FanfareLoginThrottle *self,
                                                    const char           *account,
                                                    const char           *address,
                                                    guint                *retry_after);
void                  fanfare_login_throttle_succeed (FanfareLoginThrottle *self,
                                                      const char           *account,
                                                      const char           *address);

G_END_DECLS
