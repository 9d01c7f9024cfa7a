/* fanfare-geohash.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Geohashes: a cell of the map named by interleaving the bits of its
 * longitude and latitude, five bits a character. The app turns a position
 * into its cell; the server finds a cell's neighbours from the cell alone,
 * through its centre and size. */

#include "config.h"

#include <string.h>

#include "fanfare-geohash.h"

static const char alphabet[] = "0123456789bcdefghjkmnpqrstuvwxyz";

/**
 * fanfare_geohash_encode:
 *
 * Returns: (transfer full): the cell of @precision characters holding
 *   the position
 */
char *
fanfare_geohash_encode (double  latitude,
                        double  longitude,
                        guint   precision)
{
  double lat[2] = { -90.0, 90.0 }, lon[2] = { -180.0, 180.0 };
  GString *cell = g_string_sized_new (precision);
  gboolean even = TRUE;
  guint bit = 0, value = 0;

  g_return_val_if_fail (precision > 0 && precision <= 12, NULL);

  latitude = CLAMP (latitude, -90.0, 90.0);
  longitude = CLAMP (longitude, -180.0, 180.0);
  while (cell->len < precision)
    {
      double *range = even ? lon : lat;
      double coordinate = even ? longitude : latitude;
      double middle = (range[0] + range[1]) / 2;

      value <<= 1;
      if (coordinate >= middle)
        {
          value |= 1;
          range[0] = middle;
        }
      else
        range[1] = middle;

      even = !even;
      if (++bit == 5)
        {
          g_string_append_c (cell, alphabet[value]);
          bit = 0;
          value = 0;
        }
    }

  return g_string_free (cell, FALSE);
}

gboolean
fanfare_geohash_is_valid (const char *cell,
                          guint       precision)
{
  if (cell == NULL || strlen (cell) != precision)
    return FALSE;

  for (guint i = 0; i < precision; i++)
    if (cell[i] == '\0' || strchr (alphabet, cell[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* The bounds of @cell: south, north, west, east. */
static void
decode_bounds (const char *cell,
               double      bounds[4])
{
  double lat[2] = { -90.0, 90.0 }, lon[2] = { -180.0, 180.0 };
  gboolean even = TRUE;

  for (const char *c = cell; *c != '\0'; c++)
    {
      guint value = strchr (alphabet, *c) - alphabet;

      for (int b = 4; b >= 0; b--)
        {
          double *range = even ? lon : lat;
          double middle = (range[0] + range[1]) / 2;

          if (value & (1u << b))
            range[0] = middle;
          else
            range[1] = middle;
          even = !even;
        }
    }

  bounds[0] = lat[0];
  bounds[1] = lat[1];
  bounds[2] = lon[0];
  bounds[3] = lon[1];
}

/**
 * fanfare_geohash_neighbourhood:
 * @cell: a valid geohash
 *
 * Returns: (transfer full): @cell first, then the cells around it: eight,
 *   fewer at a pole, with no repeats
 */
GStrv
fanfare_geohash_neighbourhood (const char *cell)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  double bounds[4], height, width, latitude, longitude;
  guint precision = strlen (cell);

  g_return_val_if_fail (fanfare_geohash_is_valid (cell, precision), NULL);

  decode_bounds (cell, bounds);
  height = bounds[1] - bounds[0];
  width = bounds[3] - bounds[2];
  latitude = (bounds[0] + bounds[1]) / 2;
  longitude = (bounds[2] + bounds[3]) / 2;

  for (int dy = 0; dy <= 2; dy++)
    for (int dx = 0; dx <= 2; dx++)
      {
        /* The cell itself first, then around it. */
        int y = (dy + 1) % 3 - 1, x = (dx + 1) % 3 - 1;
        double lat = latitude + y * height, lon = longitude + x * width;
        char *neighbour;

        if (lat < -90.0 || lat > 90.0)
          continue;
        if (lon < -180.0)
          lon += 360.0;
        else if (lon > 180.0)
          lon -= 360.0;

        neighbour = fanfare_geohash_encode (lat, lon, precision);
        if (g_ptr_array_find_with_equal_func (seen, neighbour, g_str_equal, NULL))
          {
            g_free (neighbour);
            continue;
          }
        g_ptr_array_add (seen, neighbour);
        g_strv_builder_add (builder, neighbour);
      }

  return g_strv_builder_end (builder);
}
