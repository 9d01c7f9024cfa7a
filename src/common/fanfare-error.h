/* fanfare-error.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FANFARE_ERROR (fanfare_error_quark ())

/**
 * FanfareError:
 * @FANFARE_ERROR_INVALID: the request or the data is malformed (`invalid`, 400)
 * @FANFARE_ERROR_UNAUTHORIZED: no valid session (`unauthorized`, 401)
 * @FANFARE_ERROR_PAYMENT_REQUIRED: not enough money in the wallet (`payment_required`, 402)
 * @FANFARE_ERROR_FORBIDDEN: signed in, but not allowed (`forbidden`, 403)
 * @FANFARE_ERROR_NOT_FOUND: no such object, or not one the caller may see (`not_found`, 404)
 * @FANFARE_ERROR_METHOD_NOT_ALLOWED: the path exists, but not with this method (`method_not_allowed`, 405)
 * @FANFARE_ERROR_CONFLICT: the object exists already or changed meanwhile (`conflict`, 409)
 * @FANFARE_ERROR_TOO_LARGE: the body is larger than allowed (`too_large`, 413)
 * @FANFARE_ERROR_RANGE_NOT_SATISFIABLE: a byte range outside the media (`range_not_satisfiable`, 416)
 * @FANFARE_ERROR_RATE_LIMITED: too many requests; retry later (`rate_limited`, 429)
 * @FANFARE_ERROR_INTERNAL: the server failed (`internal`, 500)
 * @FANFARE_ERROR_UNAVAILABLE: the server cannot serve now (`unavailable`, 503)
 *
 * The errors of the platform's API, shared by the client and the server.
 */
typedef enum {
  FANFARE_ERROR_INVALID,
  FANFARE_ERROR_UNAUTHORIZED,
  FANFARE_ERROR_PAYMENT_REQUIRED,
  FANFARE_ERROR_FORBIDDEN,
  FANFARE_ERROR_NOT_FOUND,
  FANFARE_ERROR_METHOD_NOT_ALLOWED,
  FANFARE_ERROR_CONFLICT,
  FANFARE_ERROR_TOO_LARGE,
  FANFARE_ERROR_RANGE_NOT_SATISFIABLE,
  FANFARE_ERROR_RATE_LIMITED,
  FANFARE_ERROR_INTERNAL,
  FANFARE_ERROR_UNAVAILABLE,
} FanfareError;

GQuark       fanfare_error_quark (void);
const char  *fanfare_error_to_api_code (FanfareError  code);
FanfareError fanfare_error_from_api_code (const char *api_code);
guint        fanfare_error_to_http_status (FanfareError  code);
FanfareError fanfare_error_from_http_status (guint  status);

G_END_DECLS
