/* fanfare-demo-art.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Cover art and avatars for the demo, drawn with cairo from a seed: a
 * palette and one of a few compositions (a sunset over hills, rings,
 * waves, a grid of shapes, a night sky, stripes), each varied by the seed,
 * so that every album has a cover of its own. */

#include "config.h"

#include <cairo.h>
#include <math.h>

#include "fanfare-demo-art.h"

typedef struct {
  double r, g, b;
} Color;

#define HEX(x) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0 }

static const Color palettes[][4] = {
  { HEX (0x264653), HEX (0x2a9d8f), HEX (0xe9c46a), HEX (0xf4a261) },
  { HEX (0x03071e), HEX (0x6a040f), HEX (0xdc2f02), HEX (0xffba08) },
  { HEX (0x22223b), HEX (0x4a4e69), HEX (0x9a8c98), HEX (0xf2e9e4) },
  { HEX (0x0b132b), HEX (0x1c2541), HEX (0x5bc0be), HEX (0xfcfcfc) },
  { HEX (0x590d22), HEX (0xa4133c), HEX (0xff758f), HEX (0xffccd5) },
  { HEX (0x283618), HEX (0x606c38), HEX (0xdda15e), HEX (0xfefae0) },
  { HEX (0x10002b), HEX (0x5a189a), HEX (0x9d4edd), HEX (0xe0aaff) },
  { HEX (0x003049), HEX (0xd62828), HEX (0xf77f00), HEX (0xfcbf49) },
  { HEX (0x1b263b), HEX (0x415a77), HEX (0x778da9), HEX (0xe0e1dd) },
  { HEX (0x2b2d42), HEX (0x8d99ae), HEX (0xef233c), HEX (0xedf2f4) },
  { HEX (0x081c15), HEX (0x2d6a4f), HEX (0x74c69d), HEX (0xd8f3dc) },
  { HEX (0x3d348b), HEX (0x7678ed), HEX (0xf7b801), HEX (0xf35b04) },
};

static void
set_color (cairo_t     *cr,
           const Color *color,
           double       alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static void
fill_gradient (cairo_t     *cr,
               int          size,
               const Color *top,
               const Color *bottom)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 0, size);

  cairo_pattern_add_color_stop_rgb (gradient, 0, top->r, top->g, top->b);
  cairo_pattern_add_color_stop_rgb (gradient, 1, bottom->r, bottom->g, bottom->b);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_pattern_destroy (gradient);
}

static void
draw_sunset (cairo_t     *cr,
             GRand       *rand,
             int          size,
             const Color *p)
{
  fill_gradient (cr, size, &p[0], &p[2]);
  set_color (cr, &p[3], 0.95);
  cairo_arc (cr, size * g_rand_double_range (rand, 0.3, 0.7), size * g_rand_double_range (rand, 0.3, 0.5),
             size * g_rand_double_range (rand, 0.12, 0.22), 0, 2 * G_PI);
  cairo_fill (cr);

  /* Ranges of hills, darker as they come nearer. */
  for (int layer = 0; layer < 3; layer++)
    {
      double base = size * (0.6 + 0.12 * layer);

      cairo_move_to (cr, 0, size);
      for (int x = 0; x <= 8; x++)
        cairo_line_to (cr, size * x / 8.0, base - size * g_rand_double_range (rand, 0, 0.14));
      cairo_line_to (cr, size, size);
      cairo_close_path (cr);
      set_color (cr, &p[layer == 2 ? 0 : 1], 0.55 + 0.2 * layer);
      cairo_fill (cr);
    }
}

static void
draw_rings (cairo_t     *cr,
            GRand       *rand,
            int          size,
            const Color *p)
{
  double cx = size * g_rand_double_range (rand, 0.25, 0.75);
  double cy = size * g_rand_double_range (rand, 0.25, 0.75);
  int n = g_rand_int_range (rand, 6, 14);

  set_color (cr, &p[0], 1);
  cairo_paint (cr);
  for (int i = n; i > 0; i--)
    {
      cairo_arc (cr, cx, cy, size * 0.9 * i / n, 0, 2 * G_PI);
      set_color (cr, &p[1 + i % 3], 0.9);
      cairo_fill (cr);
    }
}

static void
draw_waves (cairo_t     *cr,
            GRand       *rand,
            int          size,
            const Color *p)
{
  double frequency = g_rand_double_range (rand, 1.5, 4);

  fill_gradient (cr, size, &p[3], &p[2]);
  for (int band = 0; band < 6; band++)
    {
      double base = size * (0.25 + band * 0.13);
      double phase = g_rand_double_range (rand, 0, 2 * G_PI);

      cairo_move_to (cr, 0, size);
      for (int x = 0; x <= 64; x++)
        cairo_line_to (cr, size * x / 64.0, base + size * 0.05 * sin (phase + frequency * 2 * G_PI * x / 64.0));
      cairo_line_to (cr, size, size);
      cairo_close_path (cr);
      set_color (cr, &p[band % 2], 0.35 + band * 0.1);
      cairo_fill (cr);
    }
}

static void
draw_grid (cairo_t     *cr,
           GRand       *rand,
           int          size,
           const Color *p)
{
  int cells = g_rand_int_range (rand, 3, 6);
  double cell = (double) size / cells;

  set_color (cr, &p[3], 1);
  cairo_paint (cr);
  for (int y = 0; y < cells; y++)
    for (int x = 0; x < cells; x++)
      {
        double cx = (x + 0.5) * cell, cy = (y + 0.5) * cell;

        set_color (cr, &p[g_rand_int_range (rand, 0, 3)], 0.95);
        switch (g_rand_int_range (rand, 0, 3))
          {
          case 0:
            cairo_arc (cr, cx, cy, cell * 0.4, 0, 2 * G_PI);
            break;

          case 1:
            cairo_rectangle (cr, x * cell + cell * 0.1, y * cell + cell * 0.1, cell * 0.8, cell * 0.8);
            break;

          default:
            cairo_move_to (cr, x * cell, (y + 1) * cell);
            cairo_line_to (cr, cx, y * cell);
            cairo_line_to (cr, (x + 1) * cell, (y + 1) * cell);
            cairo_close_path (cr);
            break;
          }
        cairo_fill (cr);
      }
}

static void
draw_night (cairo_t     *cr,
            GRand       *rand,
            int          size,
            const Color *p)
{
  double moon_x = size * g_rand_double_range (rand, 0.55, 0.8);
  double moon_y = size * g_rand_double_range (rand, 0.15, 0.35);
  double moon_r = size * 0.11;

  fill_gradient (cr, size, &p[0], &p[1]);
  for (int i = 0; i < 90; i++)
    {
      cairo_arc (cr, size * g_rand_double (rand), size * g_rand_double (rand) * 0.8,
                 size * g_rand_double_range (rand, 0.002, 0.006), 0, 2 * G_PI);
      set_color (cr, &p[3], g_rand_double_range (rand, 0.4, 1));
      cairo_fill (cr);
    }

  /* A crescent: the moon, less a shifted moon. */
  cairo_push_group (cr);
  cairo_arc (cr, moon_x, moon_y, moon_r, 0, 2 * G_PI);
  set_color (cr, &p[3], 1);
  cairo_fill (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_arc (cr, moon_x + moon_r * 0.45, moon_y - moon_r * 0.2, moon_r * 0.9, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
}

static void
draw_stripes (cairo_t     *cr,
              GRand       *rand,
              int          size,
              const Color *p)
{
  int n = g_rand_int_range (rand, 5, 11);
  double angle = g_rand_double_range (rand, -0.8, 0.8);

  set_color (cr, &p[0], 1);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, size / 2.0, size / 2.0);
  cairo_rotate (cr, angle);
  for (int i = 0; i < n; i++)
    {
      cairo_rectangle (cr, -size, -size + i * 2.0 * size / n, 2 * size, size / (double) n);
      set_color (cr, &p[1 + i % 3], 0.85);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  cairo_move_to (cr, size * 0.2, size * 0.8);
  cairo_line_to (cr, size * 0.5, size * g_rand_double_range (rand, 0.2, 0.4));
  cairo_line_to (cr, size * 0.8, size * 0.8);
  cairo_close_path (cr);
  set_color (cr, &p[3], 0.9);
  cairo_fill (cr);
}

/* Copies the surface's premultiplied BGRA into an RGB pixbuf. */
static GdkPixbuf *
to_pixbuf (cairo_surface_t *surface,
           int              size)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  int stride = cairo_image_surface_get_stride (surface);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *source = cairo_image_surface_get_data (surface);
  guint8 *target = gdk_pixbuf_get_pixels (pixbuf);

  cairo_surface_flush (surface);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guint32 pixel = *(const guint32 *) (source + y * stride + x * 4);
        guint8 *out = target + y * rowstride + x * 3;

        out[0] = pixel >> 16 & 0xff;
        out[1] = pixel >> 8 & 0xff;
        out[2] = pixel & 0xff;
      }

  return pixbuf;
}

/**
 * fanfare_demo_draw_cover:
 *
 * Returns: (transfer full): a square cover of @size pixels
 */
GdkPixbuf *
fanfare_demo_draw_cover (guint32  seed,
                         int      size)
{
  static void (*const compositions[]) (cairo_t *, GRand *, int, const Color *) = {
    draw_sunset, draw_rings, draw_waves, draw_grid, draw_night, draw_stripes,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  GdkPixbuf *pixbuf;

  compositions[g_rand_int_range (rand, 0, G_N_ELEMENTS (compositions))]
    (cr, rand, size, palettes[g_rand_int_range (rand, 0, G_N_ELEMENTS (palettes))]);

  cairo_destroy (cr);
  pixbuf = to_pixbuf (surface, size);
  cairo_surface_destroy (surface);

  return pixbuf;
}

/**
 * fanfare_demo_draw_avatar:
 *
 * Returns: (transfer full): a square avatar of @size pixels: overlapping
 *   soft shapes on a gradient
 */
GdkPixbuf *
fanfare_demo_draw_avatar (guint32  seed,
                          int      size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5bd1e995);
  const Color *p = palettes[g_rand_int_range (rand, 0, G_N_ELEMENTS (palettes))];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  GdkPixbuf *pixbuf;

  fill_gradient (cr, size, &p[g_rand_int_range (rand, 0, 2)], &p[2]);
  for (int i = 0; i < 4; i++)
    {
      cairo_arc (cr, size * g_rand_double_range (rand, 0.2, 0.8), size * g_rand_double_range (rand, 0.2, 0.8),
                 size * g_rand_double_range (rand, 0.12, 0.3), 0, 2 * G_PI);
      set_color (cr, &p[1 + i % 3], 0.7);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  pixbuf = to_pixbuf (surface, size);
  cairo_surface_destroy (surface);

  return pixbuf;
}
