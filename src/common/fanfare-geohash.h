/* fanfare-geohash.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cells of five geohash characters are about 4.9 by 4.9 km at the
 * equator: what "people nearby" sends, and all that it sends. */
#define FANFARE_NEARBY_PRECISION 5

char     *fanfare_geohash_encode (double  latitude,
                                  double  longitude,
                                  guint   precision) G_GNUC_WARN_UNUSED_RESULT;
gboolean  fanfare_geohash_is_valid (const char *cell,
                                    guint       precision);
GStrv     fanfare_geohash_neighbourhood (const char *cell) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
