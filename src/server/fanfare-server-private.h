/* fanfare-server-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "fanfare-fingerprints.h"
#include "fanfare-form-cache.h"
#include "fanfare-login-throttle.h"
#include "fanfare-response-cache.h"
#include "fanfare-router.h"
#include "fanfare-server.h"
#include "fanfare-uploads.h"

G_BEGIN_DECLS

struct _FanfareServer
{
  GObject parent_instance;

  /* Owned */
  char                 *data_dir;
  char                 *public_url;
  FanfareDatabase      *db;
  FanfareMediaStore    *media;
  FanfareLoginThrottle *throttle;
  FanfareLoginThrottle *identify_throttle;
  FanfareFingerprints  *fingerprints;
  FanfareShop          *shop;
  FanfareUploads       *uploads;
  FanfareRouter        *router;
  FanfareResponseCache *cache;
  FanfareFormCache     *forms;
  SoupServer           *soup;
  GThreadPool          *workers;
  FanfareServerLimits   limits;

  /* State, on the main thread */
  guint    in_flight;
  gboolean draining;
  gboolean stopped;
  guint    drain_timeout_id;
  guint    recommend_id;
  gboolean recommending;
  guint    studio_id;
  gboolean studio_running;
};

/* For handlers, from any thread: set before the server listens. */
FanfareDatabase           *_fanfare_server_get_database (FanfareServer *self);
FanfareMediaStore         *_fanfare_server_get_media (FanfareServer *self);
FanfareLoginThrottle      *_fanfare_server_get_throttle (FanfareServer *self);
FanfareLoginThrottle      *_fanfare_server_get_identify_throttle (FanfareServer *self);
const FanfareServerLimits *_fanfare_server_get_limits (FanfareServer *self);
FanfareFormCache          *_fanfare_server_get_forms (FanfareServer *self);

FanfareUploads            *_fanfare_server_get_uploads (FanfareServer *self);

/* The studio's periodic work, in fanfare-server-studio.c: scheduled
 * albums published, stale uploads forgotten. */
void                       _fanfare_server_start_studio (FanfareServer *self);
void                       _fanfare_server_stop_studio (FanfareServer *self);

/* The glue between libsoup and the routes, in http/fanfare-dispatch.c. */
void                       _fanfare_dispatch_attach (FanfareServer *self);
void                       _fanfare_server_request_done (FanfareServer *self);

G_END_DECLS
