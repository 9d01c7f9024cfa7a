/* test-geohash.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-geohash.h"

static void
test_encode (void)
{
  g_autofree char *beijing = fanfare_geohash_encode (39.9042, 116.4074, 5);
  g_autofree char *copenhagen = fanfare_geohash_encode (55.6761, 12.5683, 5);
  g_autofree char *fine = fanfare_geohash_encode (57.64911, 10.40744, 11);

  /* Known cells. */
  g_assert_cmpstr (beijing, ==, "wx4g0");
  g_assert_cmpstr (copenhagen, ==, "u3but");
  g_assert_cmpstr (fine, ==, "u4pruydqqvj");
}

static void
test_valid (void)
{
  g_assert_true (fanfare_geohash_is_valid ("wx4g0", 5));
  g_assert_false (fanfare_geohash_is_valid ("wx4g", 5));
  g_assert_false (fanfare_geohash_is_valid ("wx4ga", 5));
  g_assert_false (fanfare_geohash_is_valid ("WX4G0", 5));
  g_assert_false (fanfare_geohash_is_valid (NULL, 5));
}

static void
test_neighbourhood (void)
{
  g_auto(GStrv) around = fanfare_geohash_neighbourhood ("wx4g0");
  g_autofree char *east = fanfare_geohash_encode (10.0, 179.99, 5);
  g_autofree char *west = fanfare_geohash_encode (10.0, -179.99, 5);
  g_autofree char *north = fanfare_geohash_encode (89.99, 0.0, 5);
  g_auto(GStrv) edge = fanfare_geohash_neighbourhood (east);
  g_auto(GStrv) pole = fanfare_geohash_neighbourhood (north);

  g_assert_cmpuint (g_strv_length (around), ==, 9);
  g_assert_cmpstr (around[0], ==, "wx4g0");
  /* The eight around "wx4g0". */
  for (guint i = 0; i < 8; i++)
    {
      const char *expected[] = { "wx4g1", "wx4g3", "wx4g2", "wx4ep", "wx4er", "wx4dz", "wx4fb", "wx4fc" };

      g_assert_true (g_strv_contains ((const char * const *) around, expected[i]));
    }

  /* Across the antimeridian, and none past a pole. */
  g_assert_cmpuint (g_strv_length (edge), ==, 9);
  g_assert_true (g_strv_contains ((const char * const *) edge, west));
  g_assert_cmpuint (g_strv_length (pole), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/geohash/encode", test_encode);
  g_test_add_func ("/common/geohash/valid", test_valid);
  g_test_add_func ("/common/geohash/neighbourhood", test_neighbourhood);

  return g_test_run ();
}
