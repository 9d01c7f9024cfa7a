/* fanfare-server-types.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareFingerprints FanfareFingerprints;
typedef struct _FanfareLoginThrottle FanfareLoginThrottle;
typedef struct _FanfareRequest FanfareRequest;
typedef struct _FanfareServer FanfareServer;
typedef struct _FanfareShop FanfareShop;

/* Limits a deployment may tune; tests make them small. */
typedef struct {
  gsize    max_body;         /* bytes of a request body, unless a route allows more */
  guint    request_timeout_ms; /* for a request's headers and body to arrive */
  guint    drain_timeout_ms; /* for requests in flight to finish at shutdown */
  gint64   session_lifetime; /* seconds a session lasts after its last use */
  guint    account_attempts; /* failed log-ins per account per window */
  guint    address_attempts; /* failed log-ins per address per window */
  guint    throttle_window;  /* seconds */
  guint    recommend_interval; /* seconds between checks for the day's picks; 0: never */
  guint    identify_per_minute; /* identification queries per user (four times that per address) */
  gint64   max_upload;       /* bytes of a file an artist uploads */
  guint    upload_lifetime;  /* seconds an unfinished or failed upload is kept */
  guint    studio_interval;  /* seconds between checks for scheduled albums and stale uploads; 0: never */
  gboolean open_artist_signup; /* a listener who asks becomes an artist at once */
} FanfareServerLimits;

G_END_DECLS
