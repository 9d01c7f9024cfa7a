/* fanfare-cover-cache.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The sizes, in pixels, at which each album's cover is kept: a row of a
 * list, a tile of the album grid, the album page and the now-playing view. */
#define FANFARE_COVER_SIZE_SMALL  64
#define FANFARE_COVER_SIZE_MEDIUM 192
#define FANFARE_COVER_SIZE_LARGE  512

char     *fanfare_cover_cache_default_dir (void) G_GNUC_WARN_UNUSED_RESULT;
char     *fanfare_cover_cache_key (const char *album_key) G_GNUC_WARN_UNUSED_RESULT;
char     *fanfare_cover_cache_path (const char *cache_dir,
                                    const char *key,
                                    guint       size) G_GNUC_WARN_UNUSED_RESULT;
gboolean  fanfare_cover_cache_has (const char *cache_dir,
                                   const char *key);
gboolean  fanfare_cover_cache_store (const char *cache_dir,
                                     const char *key,
                                     GBytes     *image,
                                     GError    **error);
GBytes   *fanfare_cover_cache_find_beside (const char *folder) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
