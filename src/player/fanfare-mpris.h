/* fanfare-mpris.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-player.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_MPRIS (fanfare_mpris_get_type ())

G_DECLARE_FINAL_TYPE (FanfareMpris, fanfare_mpris, FANFARE, MPRIS, GObject);

FanfareMpris *fanfare_mpris_new (FanfarePlayer   *player,
                                 GDBusConnection *connection,
                                 const char      *player_name,
                                 const char      *desktop_entry) G_GNUC_WARN_UNUSED_RESULT;
char         *fanfare_mpris_dup_track_path (FanfareMpris *self,
                                            guint         position) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
