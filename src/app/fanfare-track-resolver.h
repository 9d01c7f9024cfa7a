/* fanfare-track-resolver.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fanfare-account-manager.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_TRACK_RESOLVER (fanfare_track_resolver_get_type ())

G_DECLARE_FINAL_TYPE (FanfareTrackResolver, fanfare_track_resolver, FANFARE, TRACK_RESOLVER, GObject)

FanfareTrackResolver *fanfare_track_resolver_new (FanfareAccountManager * accounts) G_GNUC_WARN_UNUSED_RESULT;
void                  fanfare_track_resolver_request (FanfareTrackResolver *self,
                                                      const char           *track_id);
FanfareTrack         *fanfare_track_resolver_lookup (FanfareTrackResolver *self,
                                                     const char           *track_id,
                                                     const char          **reason);
gboolean              fanfare_track_resolver_get_busy (FanfareTrackResolver *self);

G_END_DECLS
