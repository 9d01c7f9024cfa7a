/* fanfare-location-source.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_LOCATION_SOURCE (fanfare_location_source_get_type ())

G_DECLARE_INTERFACE (FanfareLocationSource, fanfare_location_source, FANFARE, LOCATION_SOURCE, GObject)

/* Where the computer is, from whatever knows: the system's location
 * service, the desktop portal in a sandbox, or a position given. A source
 * emits "located" (latitude, longitude in degrees) when it learns where it
 * is, and "failed" with an error when it cannot. */
struct _FanfareLocationSourceInterface
{
  GTypeInterface parent_iface;

  void           (*start) (FanfareLocationSource *self);
  void           (*stop)  (FanfareLocationSource *self);
};

void                   fanfare_location_source_start (FanfareLocationSource *self);
void                   fanfare_location_source_stop (FanfareLocationSource *self);
void                   fanfare_location_source_located (FanfareLocationSource *self,
                                                        double                 latitude,
                                                        double                 longitude);
void                   fanfare_location_source_failed (FanfareLocationSource *self,
                                                       const GError          *error);

FanfareLocationSource *fanfare_location_source_new_system (const char *desktop_id) G_GNUC_WARN_UNUSED_RESULT;
FanfareLocationSource *fanfare_location_source_new_fixed (double  latitude,
                                                          double  longitude) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
