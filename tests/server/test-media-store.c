/* test-media-store.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-media-store.h"
#include "fanfare-test-store.h"

static void
test_content_addressed (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "hello music", -1);
  g_autofree char *prefix = NULL;

  fanfare_test_store_set_up (&store);
  hash = fanfare_test_store_add_media (&store, "hello music", 11);
  again = fanfare_test_store_add_media (&store, "hello music", 11);
  g_assert_cmpstr (hash, ==, expected);
  g_assert_cmpstr (again, ==, hash);

  path = fanfare_media_store_get_path (store.media, hash, &error);
  g_assert_no_error (error);
  prefix = g_build_filename (store.directory, "media", "", NULL);
  g_assert_true (g_str_has_prefix (path, prefix));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "hello music");

  fanfare_test_store_tear_down (&store);
}

static void
test_rejects_names_that_are_not_hashes (void)
{
  FanfareTestStore store;
  const char *bad[] = {
    "../../../../etc/passwd",
    "../fanfare.db",
    "/etc/passwd",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824a",
    "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98/.",
    "",
  };

  fanfare_test_store_set_up (&store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) path_error = NULL;
      g_autoptr(GError) map_error = NULL;
      g_autofree char *path = fanfare_media_store_get_path (store.media, bad[i], &path_error);
      g_autofree char *type = NULL;
      g_autoptr(GBytes) bytes = fanfare_media_store_map (store.media, bad[i], &type, &map_error);

      g_assert_null (path);
      g_assert_null (bytes);
      g_assert_error (path_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
      g_assert_error (map_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND);
    }

  fanfare_test_store_tear_down (&store);
}

static void
test_streams_share_one_mapping (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *type1 = NULL;
  g_autofree char *type2 = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  fanfare_test_store_set_up (&store);
  hash = fanfare_test_store_add_media (&store, "0123456789", 10);

  first = fanfare_media_store_map (store.media, hash, &type1, &error);
  g_assert_no_error (error);
  second = fanfare_media_store_map (store.media, hash, &type2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type1, ==, "audio/ogg");
  g_assert_true (g_bytes_get_data (first, NULL) == g_bytes_get_data (second, NULL));
  g_assert_cmpuint (fanfare_media_store_get_n_mapped (store.media), ==, 1);

  g_clear_pointer (&first, g_bytes_unref);
  g_assert_cmpuint (fanfare_media_store_get_n_mapped (store.media), ==, 1);
  g_clear_pointer (&second, g_bytes_unref);
  g_assert_cmpuint (fanfare_media_store_get_n_mapped (store.media), ==, 0);

  fanfare_test_store_tear_down (&store);
}

static void
test_images (void)
{
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *small = NULL;
  g_autofree char *medium = NULL;
  g_autofree char *large = NULL;
  g_autofree char *found = NULL;
  FanfareImageSize size;

  fanfare_test_store_set_up (&store);
  small = fanfare_test_store_add_media (&store, "s", 1);
  medium = fanfare_test_store_add_media (&store, "m", 1);
  large = fanfare_test_store_add_media (&store, "l", 1);

  {
    const char *hashes[FANFARE_N_IMAGE_SIZES] = { small, medium, large };

    g_assert_true (fanfare_media_store_add_image (store.media, "image-1", 800, 800, hashes, &error));
    g_assert_no_error (error);
    g_assert_true (fanfare_media_store_add_image (store.media, "image-1", 800, 800, hashes, &error));
    g_assert_no_error (error);
  }

  g_assert_true (fanfare_media_store_has_image (store.media, "image-1", &error));
  g_assert_false (fanfare_media_store_has_image (store.media, "image-2", &error));
  g_assert_no_error (error);

  g_assert_true (fanfare_image_size_from_string ("large", &size));
  g_assert_false (fanfare_image_size_from_string ("huge", &size));
  found = fanfare_media_store_lookup_image (store.media, "image-1", FANFARE_IMAGE_SIZE_LARGE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, large);
  g_assert_cmpuint (fanfare_image_size_get_pixels (FANFARE_IMAGE_SIZE_SMALL), <,
                    fanfare_image_size_get_pixels (FANFARE_IMAGE_SIZE_LARGE));

  fanfare_test_store_tear_down (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/media-store/content-addressed", test_content_addressed);
  g_test_add_func ("/server/media-store/rejects-names-that-are-not-hashes", test_rejects_names_that_are_not_hashes);
  g_test_add_func ("/server/media-store/streams-share-one-mapping", test_streams_share_one_mapping);
  g_test_add_func ("/server/media-store/images", test_images);

  return g_test_run ();
}
