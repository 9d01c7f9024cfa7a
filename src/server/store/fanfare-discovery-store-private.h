/* fanfare-discovery-store-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database-private.h"
#include "fanfare-discovery-store.h"

G_BEGIN_DECLS

/* A pick as stored, before its tracks are fetched for a viewer. */
typedef struct {
  gint64            track_id;
  gint64            reason_track_id;
  FanfarePickReason reason;
  double            score;
} FanfarePickStored;

GPtrArray *_fanfare_discovery_store_fetch_picks (FanfareConnection   *conn,
                                                 const FanfareViewer *viewer,
                                                 GArray              *rows,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
