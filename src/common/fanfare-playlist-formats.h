/* fanfare-playlist-formats.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FANFARE_PLAYLIST_FORMAT_XSPF,
  FANFARE_PLAYLIST_FORMAT_M3U8,
} FanfarePlaylistFormat;

/* One track of a playlist file: where it is, and what it is called. */
typedef struct {
  char  *location;     /* a URL or a path, or NULL */
  gint64 track_id;     /* a track of this platform the location names, or 0 */
  char  *title;
  char  *artist;
  char  *album;
  gint64 duration_ms;
} FanfarePlaylistItem;

typedef struct {
  char      *title;
  GPtrArray *items;    /* FanfarePlaylistItem */
} FanfarePlaylistFile;

gboolean             fanfare_playlist_format_from_string (const char            *name,
                                                          FanfarePlaylistFormat *format);
const char          *fanfare_playlist_format_get_content_type (FanfarePlaylistFormat  format);
FanfarePlaylistFile *fanfare_playlist_file_new (const char *title) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_playlist_file_free (FanfarePlaylistFile *file);
FanfarePlaylistItem *fanfare_playlist_file_add (FanfarePlaylistFile *file);
FanfarePlaylistFile *fanfare_playlist_file_parse (FanfarePlaylistFormat  format,
                                                  const char            *data,
                                                  gsize                  length,
                                                  GError               **error) G_GNUC_WARN_UNUSED_RESULT;
char                *fanfare_playlist_file_write (FanfarePlaylistFile   *file,
                                                  FanfarePlaylistFormat  format) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePlaylistFile, fanfare_playlist_file_free)

G_END_DECLS
