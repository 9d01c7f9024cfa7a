/* test-photo-card.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A buyer's photo card: the artist's photo on top, the album, the buyer
 * and the serial number below, as a PNG that opens again. */

#include "config.h"

#include "fanfare-photo-card.h"
#include "fanfare-test-gtk-utils.h"

/* The card's pixels, downloaded once. */
typedef struct {
  int     width;
  guchar *data;
} Pixels;

/* The pixel at (@x, @y), as 0xRRGGBB. */
static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  const guchar *p = pixels->data + (y * pixels->width + x) * 4;

  /* Cairo's byte order on a little-endian machine: B, G, R, A. */
  return (p[2] << 16) | (p[1] << 8) | p[0];
}

/* Whether any pixel in the rows from @top to @bottom is dark. */
static gboolean
has_ink (const Pixels *pixels,
         int           top,
         int           bottom)
{
  for (int y = top; y < bottom; y++)
    for (int x = 0; x < pixels->width; x++)
      if ((pixel_at (pixels, x, y) & 0xff) < 0x60)
        return TRUE;

  return FALSE;
}

static void
test_render (void)
{
  g_autoptr(GBytes) cover = fanfare_test_make_cover (0xd04020ff);
  g_autoptr(GdkTexture) photo = NULL;
  g_autoptr(GdkTexture) card = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar * data = NULL;
  Pixels pixels;

  photo = gdk_texture_new_from_bytes (cover, &error);
  g_assert_no_error (error);
  png = fanfare_photo_card_render (photo, "梅", "夏天的风", 1234, &error);
  g_assert_no_error (error);

  card = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (card), ==, FANFARE_PHOTO_CARD_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (card), ==, FANFARE_PHOTO_CARD_HEIGHT);
  data = g_malloc (FANFARE_PHOTO_CARD_WIDTH * FANFARE_PHOTO_CARD_HEIGHT * 4);
  gdk_texture_download (card, data, FANFARE_PHOTO_CARD_WIDTH * 4);
  pixels = (Pixels) { FANFARE_PHOTO_CARD_WIDTH, data };

  /* The photo fills the top, corner to corner; the text is below it. */
  g_assert_cmphex (pixel_at (&pixels, 2, 2), ==, 0xd04020);
  g_assert_cmphex (pixel_at (&pixels, FANFARE_PHOTO_CARD_WIDTH - 3, 900), ==, 0xd04020);
  g_assert_cmphex (pixel_at (&pixels, 10, FANFARE_PHOTO_CARD_HEIGHT - 10), ==, 0xfafafa);
  g_assert_true (has_ink (&pixels, 1000, 1340));
  g_assert_false (has_ink (&pixels, 960, 1000));
}

int
main (int   argc,
      char *argv[])
{
  fanfare_test_init_gtk (&argc, &argv);

  g_test_add_func ("/app/photo-card/render", test_render);

  return g_test_run ();
}
