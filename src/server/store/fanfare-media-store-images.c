/* fanfare-media-store-images.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Images (covers, avatars, artist pictures) are stored at a few sizes,
 * each size a media file of its own. An image is named by the hash of the
 * picture it was made from, so the same cover uploaded twice is one image. */

#include "config.h"

#include "fanfare-database-private.h"
#include "fanfare-error.h"
#include "fanfare-media-store.h"

static const struct {
  const char *name;
  guint       pixels;
} sizes[FANFARE_N_IMAGE_SIZES] = {
  [FANFARE_IMAGE_SIZE_SMALL] = { "small", 96 },
  [FANFARE_IMAGE_SIZE_MEDIUM] = { "medium", 300 },
  [FANFARE_IMAGE_SIZE_LARGE] = { "large", 640 },
};

const char *
fanfare_image_size_to_string (FanfareImageSize  size)
{
  g_return_val_if_fail (size < FANFARE_N_IMAGE_SIZES, NULL);

  return sizes[size].name;
}

gboolean
fanfare_image_size_from_string (const char       *str,
                                FanfareImageSize *size)
{
  for (guint i = 0; str != NULL && i < FANFARE_N_IMAGE_SIZES; i++)
    if (g_str_equal (str, sizes[i].name))
      {
        *size = i;
        return TRUE;
      }

  return FALSE;
}

guint
fanfare_image_size_get_pixels (FanfareImageSize  size)
{
  g_return_val_if_fail (size < FANFARE_N_IMAGE_SIZES, 0);

  return sizes[size].pixels;
}

/**
 * fanfare_media_store_add_image:
 * @media_hashes: the stored media of each size
 *
 * Records an image whose sizes are stored already. Adding it again is
 * harmless.
 */
gboolean
fanfare_media_store_add_image (FanfareMediaStore  *self,
                               const char         *image_id,
                               guint               width,
                               guint               height,
                               const char * const  media_hashes[FANFARE_N_IMAGE_SIZES],
                               GError            **error)
{
  static const char image_sql[] =
    "INSERT INTO images (id, width, height) VALUES (?1, ?2, ?3) ON CONFLICT (id) DO NOTHING";
  static const char size_sql[] =
    "INSERT INTO image_sizes (image_id, size, media_hash) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (image_id, size) DO NOTHING";
  g_autoptr(FanfareDatabase) db = NULL;
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) image = NULL;
  g_autoptr(FanfareStatement) size = NULL;

  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), FALSE);

  db = _fanfare_media_store_dup_database (self);
  conn = _fanfare_database_acquire (db, error);
  if (conn == NULL || !_fanfare_connection_begin (conn, error) ||
      (image = _fanfare_connection_prepare (conn, image_sql, error)) == NULL ||
      (size = _fanfare_connection_prepare (conn, size_sql, error)) == NULL)
    return FALSE;

  _fanfare_statement_bind_text (image, 1, image_id);
  sqlite3_bind_int (image, 2, width);
  sqlite3_bind_int (image, 3, height);
  if (!_fanfare_statement_run (image, error))
    return FALSE;

  for (guint i = 0; i < FANFARE_N_IMAGE_SIZES; i++)
    {
      sqlite3_reset (size);
      _fanfare_statement_bind_text (size, 1, image_id);
      _fanfare_statement_bind_text (size, 2, sizes[i].name);
      _fanfare_statement_bind_text (size, 3, media_hashes[i]);
      if (!_fanfare_statement_run (size, error))
        return FALSE;
    }

  return _fanfare_connection_commit (conn, error);
}

/**
 * fanfare_media_store_has_image:
 *
 * Returns: whether @image_id is stored; %FALSE with @error set on failure
 */
gboolean
fanfare_media_store_has_image (FanfareMediaStore *self,
                               const char        *image_id,
                               GError           **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GError) local_error = NULL;

  hash = fanfare_media_store_lookup_image (self, image_id, FANFARE_IMAGE_SIZE_SMALL, &local_error);
  if (hash == NULL && !g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return hash != NULL;
}

/**
 * fanfare_media_store_lookup_image:
 *
 * Returns: (transfer full): the media hash of @image_id at @size, or %NULL
 *   with %FANFARE_ERROR_NOT_FOUND
 */
char *
fanfare_media_store_lookup_image (FanfareMediaStore *self,
                                  const char        *image_id,
                                  FanfareImageSize   size,
                                  GError           **error)
{
  static const char sql[] = "SELECT media_hash FROM image_sizes WHERE image_id = ?1 AND size = ?2";
  g_autoptr(FanfareDatabase) db = NULL;
  g_autoptr(FanfareConnection) conn = NULL;
  g_autoptr(FanfareStatement) stmt = NULL;

  g_return_val_if_fail (FANFARE_IS_MEDIA_STORE (self), NULL);
  g_return_val_if_fail (size < FANFARE_N_IMAGE_SIZES, NULL);

  db = _fanfare_media_store_dup_database (self);
  conn = _fanfare_database_acquire (db, error);
  if (conn == NULL || (stmt = _fanfare_connection_prepare (conn, sql, error)) == NULL)
    return NULL;

  _fanfare_statement_bind_text (stmt, 1, image_id);
  _fanfare_statement_bind_text (stmt, 2, sizes[size].name);
  if (!_fanfare_statement_step_row (stmt, "No such image", error))
    return NULL;

  return _fanfare_statement_dup_text (stmt, 0);
}
