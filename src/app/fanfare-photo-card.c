/* fanfare-photo-card.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A buyer's photo card: an artist's photo, cropped to fill the top of a
 * 4:5 card, and under it the album, the buyer's name and their serial
 * number ("No. 1,234"), drawn with cairo and Pango into a PNG the buyer
 * can save. */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "fanfare-client-store.h"
#include "fanfare-photo-card.h"

#define MARGIN       72
#define PHOTO_HEIGHT 960

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* The photo, scaled to cover the rectangle and centred in it. */
static void
draw_photo (cairo_t    *cr,
            GdkTexture *photo)
{
  int width = gdk_texture_get_width (photo), height = gdk_texture_get_height (photo);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double scale = MAX ((double) FANFARE_PHOTO_CARD_WIDTH / width, (double) PHOTO_HEIGHT / height);

  cairo_surface_flush (surface);
  gdk_texture_download (photo, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, FANFARE_PHOTO_CARD_WIDTH, PHOTO_HEIGHT);
  cairo_clip (cr);
  cairo_translate (cr, (FANFARE_PHOTO_CARD_WIDTH - width * scale) / 2, (PHOTO_HEIGHT - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  /* No fading into nothing at the photo's edges. */
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      y,
           double      gray)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (FANFARE_PHOTO_CARD_WIDTH - 2 * MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, gray, gray, gray);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (description);
  g_object_unref (layout);
}

/**
 * fanfare_photo_card_render:
 * @photo: an artist's photo
 * @buyer: the buyer's name as people see it
 * @album: the album's title
 * @serial: the buyer's serial number
 *
 * Returns: (transfer full): the card, as PNG
 */
GBytes *
fanfare_photo_card_render (GdkTexture *photo,
                           const char *buyer,
                           const char *album,
                           gint64      serial,
                           GError    **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, FANFARE_PHOTO_CARD_WIDTH,
                                                         FANFARE_PHOTO_CARD_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  g_autofree char *number = fanfare_nameplate_format_serial (serial);
  g_autofree char *serial_text = NULL;
  cairo_status_t status;

  g_return_val_if_fail (GDK_IS_TEXTURE (photo), NULL);

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  draw_photo (cr, photo);

  /* Translators: the buyer's serial number on a photo card, such as No. 1,234 */
  serial_text = g_strdup_printf (_("No. %s"), number);
  draw_text (cr, album, "Sans Bold 44", PHOTO_HEIGHT + 48, 0.15);
  draw_text (cr, buyer, "Sans 36", PHOTO_HEIGHT + 130, 0.3);
  draw_text (cr, serial_text, "Sans Bold 64", PHOTO_HEIGHT + 220, 0.1);

  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not draw the photo card: %s",
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (png);
}
