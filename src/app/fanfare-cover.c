/* fanfare-cover.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Cover art for the interface: decoded and scaled off the main thread, and
 * the colours a now-playing view takes from it. */

#include "config.h"

#include <string.h>

#include "fanfare-application.h"
#include "fanfare-cover.h"

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *uri = task_data;
  int size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "size"));
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Not a local cover: %s", uri);
      return;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (task_data);
  int size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "size"));
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, cancellable, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
remote_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *bytes = fanfare_client_load_image_finish (FANFARE_CLIENT (object), result, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, bytes, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}

/* The platform's images come at three sizes; the smallest that is large
 * enough is fetched. */
static char *
sized_uri (const char *uri,
           int         size)
{
  const char *name = size <= 96 ? "small" : size <= 300 ? "medium" : "large";

  if (strchr (uri, '?') != NULL)
    return g_strdup (uri);

  return g_strconcat (uri, "?size=", name, NULL);
}

static gboolean
load_remote (GTask      *task,
             const char *uri,
             int         size)
{
  GApplication *app = g_application_get_default ();
  FanfareClient *client = FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
  g_autofree char *sized = NULL;

  if (client == NULL || !(g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://")))
    return FALSE;

  sized = sized_uri (uri, size);
  fanfare_client_load_image_async (client, sized, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   remote_cb, g_object_ref (task));

  return TRUE;
}

/**
 * fanfare_cover_load_async:
 * @uri: a file:// URI of an image
 * @size: the largest width and height wanted, in pixels
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the texture
 * @user_data: data for @callback
 *
 * Decodes and scales a cover in a worker thread.
 */
void
fanfare_cover_load_async (const char          *uri,
                          int                  size,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (size > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_cover_load_async);
  g_object_set_data (G_OBJECT (task), "size", GINT_TO_POINTER (size));
  if (load_remote (task, uri, size))
    return;

  g_task_set_task_data (task, g_strdup (uri), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fanfare_cover_load_finish:
 *
 * Returns: (transfer full): the cover, or %NULL with @error set
 */
GdkTexture *
fanfare_cover_load_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fanfare_cover_get_colors:
 * @texture: a cover
 * @dark: (out): a deep colour of the cover, for a background
 * @light: (out): a light colour of the cover, for a highlight
 *
 * Averages the cover's colours and derives a darker and a lighter shade,
 * so that a background follows the cover without fighting its text.
 */
void
fanfare_cover_get_colors (GdkTexture *texture,
                          GdkRGBA    *dark,
                          GdkRGBA    *light)
{
  g_autofree guchar * pixels = NULL;
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  double r = 0, g = 0, b = 0, weight = 0;
  float h, s, v;

  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  /* Saturated pixels count more: a grey border should not win over the
   * colour the eye remembers. */
  for (int i = 0; i < width * height; i++)
    {
      /* GDK_MEMORY_DEFAULT is premultiplied BGRA in memory on little endian. */
      double pb = pixels[i * 4] / 255.0, pg = pixels[i * 4 + 1] / 255.0, pr = pixels[i * 4 + 2] / 255.0;
      double max = MAX (pr, MAX (pg, pb)), min = MIN (pr, MIN (pg, pb));
      double w = 0.05 + (max - min);

      r += pr * w;
      g += pg * w;
      b += pb * w;
      weight += w;
    }

  gtk_rgb_to_hsv (r / weight, g / weight, b / weight, &h, &s, &v);

  gtk_hsv_to_rgb (h, MIN (s * 1.2, 0.85), 0.32, &dark->red, &dark->green, &dark->blue);
  dark->alpha = 1.0;
  gtk_hsv_to_rgb (h, MIN (s, 0.6), 0.85, &light->red, &light->green, &light->blue);
  light->alpha = 1.0;
}
