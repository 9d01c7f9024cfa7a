/* fanfare-tags.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-library-types.h"

G_BEGIN_DECLS

/* The limits past which a tag is absurd: longer text is cut at a character
 * boundary, larger pictures are ignored. */
#define FANFARE_TAGS_MAX_TEXT        1024
#define FANFARE_TAGS_MAX_LYRICS      (64 * 1024)
#define FANFARE_TAGS_MAX_PICTURE     (16 * 1024 * 1024)

/**
 * FanfareTags:
 *
 * The checked tags and audio properties of one file: every string is valid
 * UTF-8 without NUL or control characters, numbers are in range (0 when
 * unknown), gains and peaks are NAN when unknown.
 */
typedef struct {
  char   *title;
  char   *artist;              /* the artists joined for display */
  GStrv   artists;
  char   *album;
  char   *album_artist;
  char   *genre;
  char   *lyrics;
  char   *mb_track_id;
  char   *mb_album_id;
  char   *mb_artist_id;
  char   *mb_album_artist_id;
  guint   track_number;
  guint   disc_number;
  guint   year;
  gint64  duration_ms;
  guint   bitrate_kbps;
  guint   sample_rate;
  double  track_gain;
  double  track_peak;
  double  album_gain;
  double  album_peak;
  GBytes *picture;
  guint   extras;              /* FanfareLibraryExtras */
} FanfareTags;

/**
 * FanfareTagsReader:
 * @FANFARE_TAGS_READER_NONE: not a name the library reads
 * @FANFARE_TAGS_READER_TAGLIB: read with TagLib
 * @FANFARE_TAGS_READER_GSTREAMER: read with GStreamer: TagLib 1.13 cannot
 *
 * What reads a file, by the end of its name.
 */
typedef enum {
  FANFARE_TAGS_READER_NONE,
  FANFARE_TAGS_READER_TAGLIB,
  FANFARE_TAGS_READER_GSTREAMER,
} FanfareTagsReader;

/* Whether a file of the name @path is there. */
typedef gboolean (*FanfareTagsSidecarExists) (const char *path,
                                              gpointer    user_data);

FanfareTagsReader fanfare_tags_reader_for (const char *name);
FanfareLibraryExtras fanfare_tags_sidecar_kind (const char *name);
FanfareLibraryExtras fanfare_tags_find_sidecars (const char               *path,
                                                 FanfareTagsSidecarExists  exists,
                                                 gpointer                  user_data);
FanfareTags *fanfare_tags_read (const char                *path,
                                gboolean                   want_picture,
                                FanfareLibraryProblemKind *problem,
                                GError                   **error);
void         fanfare_tags_free (FanfareTags *tags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareTags, fanfare_tags_free)

G_END_DECLS
