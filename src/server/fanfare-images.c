/* fanfare-images.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Covers, avatars and artist pictures: PNG or JPEG in, JPEG out at each of
 * the sizes the API serves. Pictures come from users, so only the PNG and
 * JPEG loaders ever see them, and their size is checked before a pixel is
 * decoded. Runs in worker threads. */

#include "config.h"

#include <string.h>

#include "fanfare-error.h"
#include "fanfare-images.h"

#define MAX_SIDE    8192
#define MAX_PIXELS  (40 * 1000 * 1000)
#define JPEG_QUALITY "88"

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gboolean        *too_large)
{
  if (width > MAX_SIDE || height > MAX_SIDE || (gint64) width * height > MAX_PIXELS)
    {
      *too_large = TRUE;
      /* Asks the loader for a tiny picture instead; it is thrown away. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

static const char *
sniff_type (GBytes *data)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (data, &length);

  if (length >= 8 && memcmp (bytes, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (length >= 3 && memcmp (bytes, "\xff\xd8\xff", 3) == 0)
    return "jpeg";

  return NULL;
}

static GdkPixbuf *
load (GBytes  *data,
      GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type = sniff_type (data);
  gboolean too_large = FALSE;
  GdkPixbuf *pixbuf;

  if (type == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The image must be a PNG or a JPEG");
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (type, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "No %s loader: %s", type, local_error->message);
      return NULL;
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &too_large);
  if (!gdk_pixbuf_loader_write_bytes (loader, data, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The image cannot be read: %s",
                   local_error->message);
      return NULL;
    }

  if (too_large)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The image is larger than %u pixels on a side", MAX_SIDE);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The image is empty");
      return NULL;
    }

  /* Photos from phones carry their orientation in EXIF. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

static char *
store_size (FanfareMediaStore *media,
            GdkPixbuf         *pixbuf,
            FanfareImageSize   size,
            GError           **error)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int side = fanfare_image_size_get_pixels (size);
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) opaque = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *buffer = NULL;
  gsize length;

  /* Never larger than the original; the longer side becomes @side. */
  if (MAX (width, height) > side)
    {
      double scale = (double) side / MAX (width, height);

      scaled = gdk_pixbuf_scale_simple (pixbuf, MAX (1, width * scale), MAX (1, height * scale),
                                        GDK_INTERP_BILINEAR);
    }
  else
    scaled = g_object_ref (pixbuf);

  /* JPEG has no alpha: transparent parts go on white. */
  if (gdk_pixbuf_get_has_alpha (scaled))
    opaque = gdk_pixbuf_composite_color_simple (scaled, gdk_pixbuf_get_width (scaled),
                                                gdk_pixbuf_get_height (scaled), GDK_INTERP_NEAREST,
                                                255, 8, 0xffffffff, 0xffffffff);
  else
    opaque = g_object_ref (scaled);

  if (!gdk_pixbuf_save_to_buffer (opaque, &buffer, &length, "jpeg", error, "quality", JPEG_QUALITY, NULL))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&buffer), length);

  return fanfare_media_store_add_bytes (media, bytes, "image/jpeg", error);
}

/**
 * fanfare_images_add_pixbuf:
 * @image_id: the id the image will have
 *
 * Stores @pixbuf at every size under @image_id, unless it is there.
 *
 * Returns: (transfer full): @image_id, or %NULL with @error set
 */
char *
fanfare_images_add_pixbuf (FanfareMediaStore *media,
                           GdkPixbuf         *pixbuf,
                           const char        *image_id,
                           GError           **error)
{
  char *hashes[FANFARE_N_IMAGE_SIZES] = { NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean stored = TRUE;

  if (fanfare_media_store_has_image (media, image_id, &local_error))
    return g_strdup (image_id);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; stored && i < FANFARE_N_IMAGE_SIZES; i++)
    stored = (hashes[i] = store_size (media, pixbuf, i, error)) != NULL;

  stored = stored && fanfare_media_store_add_image (media, image_id, gdk_pixbuf_get_width (pixbuf),
                                                    gdk_pixbuf_get_height (pixbuf),
                                                    (const char * const *) hashes, error);

  for (guint i = 0; i < FANFARE_N_IMAGE_SIZES; i++)
    g_free (hashes[i]);

  return stored ? g_strdup (image_id) : NULL;
}

/**
 * fanfare_images_add_bytes:
 * @data: a PNG or JPEG file
 *
 * Returns: (transfer full): the new image's id, the hash of @data, or
 *   %NULL with %FANFARE_ERROR_INVALID for something that is not a picture
 */
char *
fanfare_images_add_bytes (FanfareMediaStore *media,
                          GBytes            *data,
                          GError           **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *image_id = NULL;
  gsize length;
  const guint8 *bytes = g_bytes_get_data (data, &length);

  if (length > FANFARE_IMAGE_MAX_BYTES)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE, "The image is larger than %u bytes",
                   FANFARE_IMAGE_MAX_BYTES);
      return NULL;
    }

  pixbuf = load (data, error);
  if (pixbuf == NULL)
    return NULL;

  image_id = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, length);

  return fanfare_images_add_pixbuf (media, pixbuf, image_id, error);
}
