/* fanfare-cover-cache.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Album covers, kept once per album in $XDG_CACHE_HOME/fanfare/covers/SIZE/
 * as JPEG files named after a hash of the album's key. They are made in the
 * scan's reader threads, never on the main thread: gdk-pixbuf decodes the
 * embedded picture (or cover.jpg and the like beside the files) straight at
 * the largest size, and the smaller ones are scaled from that. */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "fanfare-cover-cache.h"
#include "fanfare-tags.h"

static const guint sizes[] = {
  FANFARE_COVER_SIZE_SMALL,
  FANFARE_COVER_SIZE_MEDIUM,
  FANFARE_COVER_SIZE_LARGE,
};

/* A picture larger than this many pixels is not decoded at all. */
#define MAX_PIXELS (10000 * 10000)
#define CHUNK_SIZE (64 * 1024)

char *
fanfare_cover_cache_default_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "fanfare", "covers", NULL);
}

char *
fanfare_cover_cache_key (const char *album_key)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, album_key, -1);
}

char *
fanfare_cover_cache_path (const char *cache_dir,
                          const char *key,
                          guint       size)
{
  g_autofree char *size_dir = g_strdup_printf ("%u", size);
  g_autofree char *name = g_strconcat (key, ".jpg", NULL);

  return g_build_filename (cache_dir, size_dir, name, NULL);
}

/* The largest size is written last: when it is there, all are. */
gboolean
fanfare_cover_cache_has (const char *cache_dir,
                         const char *key)
{
  g_autofree char *path = fanfare_cover_cache_path (cache_dir, key, FANFARE_COVER_SIZE_LARGE);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

typedef struct {
  gboolean too_large;
} Decode;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Decode *decode = user_data;
  double scale;

  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_PIXELS)
    {
      decode->too_large = TRUE;
      return;
    }

  scale = (double) FANFARE_COVER_SIZE_LARGE / MAX (width, height);
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, width * scale), MAX (1, height * scale));
}

static GdkPixbuf *
decode (GBytes  *image,
        GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  const guint8 *data;
  Decode state = { FALSE };
  gsize size;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &state);

  data = g_bytes_get_data (image, &size);
  for (gsize offset = 0; offset < size && !state.too_large; offset += CHUNK_SIZE)
    if (!gdk_pixbuf_loader_write (loader, data + offset, MIN (CHUNK_SIZE, size - offset), error))
      {
        gdk_pixbuf_loader_close (loader, NULL);
        return NULL;
      }

  if (!gdk_pixbuf_loader_close (loader, state.too_large ? NULL : error) || state.too_large)
    {
      if (state.too_large)
        g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY,
                             "The picture is too large");
      return NULL;
    }

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* JPEG has no alpha: a transparent cover is laid on white. */
static GdkPixbuf *
scaled (GdkPixbuf *pixbuf,
        guint      size)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  double scale = MIN (1.0, (double) size / MAX (width, height));
  int w = MAX (1, width * scale);
  int h = MAX (1, height * scale);

  if (gdk_pixbuf_get_has_alpha (pixbuf))
    return gdk_pixbuf_composite_color_simple (pixbuf, w, h, GDK_INTERP_BILINEAR,
                                              255, 8, 0xffffffff, 0xffffffff);

  return gdk_pixbuf_scale_simple (pixbuf, w, h, GDK_INTERP_BILINEAR);
}

static gboolean
save (GdkPixbuf  *pixbuf,
      const char *path,
      GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *buffer = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", error, "quality", "90", NULL) &&
         g_file_set_contents (path, buffer, length, error);
}

/**
 * fanfare_cover_cache_store:
 * @cache_dir: the cache's folder
 * @key: the album's cover key
 * @image: the picture, in any format gdk-pixbuf reads
 * @error: return location for a #GError
 *
 * Writes the album's cover at every size. Safe to call from any thread.
 *
 * Returns: whether the covers were written
 */
gboolean
fanfare_cover_cache_store (const char *cache_dir,
                           const char *key,
                           GBytes     *image,
                           GError    **error)
{
  g_autoptr(GdkPixbuf) pixbuf = decode (image, error);

  if (pixbuf == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GdkPixbuf) thumbnail = scaled (pixbuf, sizes[i]);
      g_autofree char *path = fanfare_cover_cache_path (cache_dir, key, sizes[i]);

      if (thumbnail == NULL)
        {
          g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY,
                               "The picture could not be scaled");
          return FALSE;
        }
      if (!save (thumbnail, path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_cover_name (const char *name)
{
  static const char *names[] = {
    "cover.jpg", "cover.jpeg", "cover.png", "folder.jpg", "folder.jpeg", "folder.png",
    "front.jpg", "front.png",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (lower, names[i]))
      return TRUE;

  return FALSE;
}

/**
 * fanfare_cover_cache_find_beside:
 * @folder: a folder of audio files
 *
 * Returns: (transfer full) (nullable): the contents of cover.jpg,
 *   folder.png or the like in @folder, whatever the case of the name
 */
GBytes *
fanfare_cover_cache_find_beside (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      GStatBuf st;
      gsize length;

      if (!is_cover_name (name))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > FANFARE_TAGS_MAX_PICTURE)
        continue;
      if (g_file_get_contents (path, &contents, &length, NULL))
        return g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  return NULL;
}
