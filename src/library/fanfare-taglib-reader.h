/* fanfare-taglib-reader.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fields read as text, before any checking. */
typedef enum {
  FANFARE_RAW_TITLE,
  FANFARE_RAW_ALBUM,
  FANFARE_RAW_ALBUM_ARTIST,
  FANFARE_RAW_GENRE,
  FANFARE_RAW_TRACK_NUMBER,
  FANFARE_RAW_DISC_NUMBER,
  FANFARE_RAW_DATE,
  FANFARE_RAW_LYRICS,
  FANFARE_RAW_TRACK_GAIN,
  FANFARE_RAW_TRACK_PEAK,
  FANFARE_RAW_ALBUM_GAIN,
  FANFARE_RAW_ALBUM_PEAK,
  FANFARE_RAW_MB_TRACK_ID,
  FANFARE_RAW_MB_ALBUM_ID,
  FANFARE_RAW_MB_ARTIST_ID,
  FANFARE_RAW_MB_ALBUM_ARTIST_ID,
  FANFARE_N_RAW_FIELDS
} FanfareRawField;

/* What TagLib found in a file, as it found it: the strings are GStrings
 * because a tag may hold NUL bytes, which the checks that follow look for. */
typedef struct {
  GString   *fields[FANFARE_N_RAW_FIELDS];
  GPtrArray *artists;          /* of GString */
  gint64     duration_ms;
  int        bitrate_kbps;
  int        sample_rate;
  GBytes    *picture;
  gsize      picture_size;     /* also when it was too large to keep */
  gboolean   has_chapters;     /* ID3v2 CHAP frames, MP4 chapters */
} FanfareRawTags;

/* Reads the tags and audio properties of the file at @path, and its
 * embedded front cover when @want_picture and it is at most
 * @max_picture_size bytes. Returns %NULL when the file is not an audio file
 * TagLib can read. Safe to call from any thread. */
FanfareRawTags *fanfare_taglib_read (const char *path,
                                     gboolean    want_picture,
                                     gsize       max_picture_size);
void            fanfare_raw_tags_free (FanfareRawTags *raw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareRawTags, fanfare_raw_tags_free)

G_END_DECLS
