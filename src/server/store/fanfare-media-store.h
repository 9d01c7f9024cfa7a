/* fanfare-media-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-database.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_MEDIA_STORE (fanfare_media_store_get_type ())

G_DECLARE_FINAL_TYPE (FanfareMediaStore, fanfare_media_store, FANFARE, MEDIA_STORE, GObject);

/* The sizes images are served at, in pixels on their longer side. */
typedef enum {
  FANFARE_IMAGE_SIZE_SMALL,
  FANFARE_IMAGE_SIZE_MEDIUM,
  FANFARE_IMAGE_SIZE_LARGE,
  FANFARE_N_IMAGE_SIZES,
} FanfareImageSize;

FanfareMediaStore *fanfare_media_store_new (FanfareDatabase *db,
                                            const char      *directory,
                                            GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           fanfare_media_store_is_valid_hash (const char *hash);
char              *fanfare_media_store_get_path (FanfareMediaStore *self,
                                                 const char        *hash,
                                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char              *fanfare_media_store_add_file (FanfareMediaStore *self,
                                                 const char        *path,
                                                 const char        *content_type,
                                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char              *fanfare_media_store_add_bytes (FanfareMediaStore *self,
                                                  GBytes            *bytes,
                                                  const char        *content_type,
                                                  GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes            *fanfare_media_store_map (FanfareMediaStore *self,
                                            const char        *hash,
                                            char             **content_type,
                                            GError           **error) G_GNUC_WARN_UNUSED_RESULT;
guint              fanfare_media_store_get_n_mapped (FanfareMediaStore *self);

const char        *fanfare_image_size_to_string (FanfareImageSize  size);
gboolean           fanfare_image_size_from_string (const char       *str,
                                                   FanfareImageSize *size);
guint              fanfare_image_size_get_pixels (FanfareImageSize  size);
gboolean           fanfare_media_store_add_image (FanfareMediaStore  *self,
                                                  const char         *image_id,
                                                  guint               width,
                                                  guint               height,
                                                  const char * const  media_hashes[FANFARE_N_IMAGE_SIZES],
                                                  GError            **error);
gboolean           fanfare_media_store_has_image (FanfareMediaStore *self,
                                                  const char        *image_id,
                                                  GError           **error);
char              *fanfare_media_store_lookup_image (FanfareMediaStore *self,
                                                     const char        *image_id,
                                                     FanfareImageSize   size,
                                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
