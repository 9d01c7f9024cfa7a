/* fanfare-error.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-error.h"

G_DEFINE_QUARK (fanfare_error_quark, fanfare_error)

/* The one table of the API's errors: the code in JSON error bodies, the HTTP
 * status, and the GError code on both sides of the wire. */
static const struct {
  FanfareError code;
  const char  *api_code;
  guint        http_status;
} errors[] = {
  { FANFARE_ERROR_INVALID, "invalid", 400 },
  { FANFARE_ERROR_UNAUTHORIZED, "unauthorized", 401 },
  { FANFARE_ERROR_PAYMENT_REQUIRED, "payment_required", 402 },
  { FANFARE_ERROR_FORBIDDEN, "forbidden", 403 },
  { FANFARE_ERROR_NOT_FOUND, "not_found", 404 },
  { FANFARE_ERROR_METHOD_NOT_ALLOWED, "method_not_allowed", 405 },
  { FANFARE_ERROR_CONFLICT, "conflict", 409 },
  { FANFARE_ERROR_TOO_LARGE, "too_large", 413 },
  { FANFARE_ERROR_RANGE_NOT_SATISFIABLE, "range_not_satisfiable", 416 },
  { FANFARE_ERROR_RATE_LIMITED, "rate_limited", 429 },
  { FANFARE_ERROR_INTERNAL, "internal", 500 },
  { FANFARE_ERROR_UNAVAILABLE, "unavailable", 503 },
};

/**
 * fanfare_error_to_api_code:
 * @code: a #FanfareError
 *
 * Returns: the code that stands for @code in the API's error bodies
 */
const char *
fanfare_error_to_api_code (FanfareError  code)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i].code == code)
      return errors[i].api_code;

  return "internal";
}

/**
 * fanfare_error_from_api_code:
 * @api_code: (nullable): a code from an API error body
 *
 * Returns: the matching #FanfareError; %FANFARE_ERROR_INTERNAL for a code
 *   this version does not know
 */
FanfareError
fanfare_error_from_api_code (const char *api_code)
{
  for (guint i = 0; api_code != NULL && i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].api_code, api_code))
      return errors[i].code;

  return FANFARE_ERROR_INTERNAL;
}

/**
 * fanfare_error_to_http_status:
 * @code: a #FanfareError
 *
 * Returns: the HTTP status that goes with @code
 */
guint
fanfare_error_to_http_status (FanfareError  code)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i].code == code)
      return errors[i].http_status;

  return 500;
}

/**
 * fanfare_error_from_http_status:
 * @status: an HTTP status of 400 or more
 *
 * For answers that carry no error body, such as those of a proxy.
 *
 * Returns: the #FanfareError closest to @status
 */
FanfareError
fanfare_error_from_http_status (guint  status)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i].http_status == status)
      return errors[i].code;

  if (status >= 500)
    return FANFARE_ERROR_UNAVAILABLE;

  return FANFARE_ERROR_INVALID;
}
