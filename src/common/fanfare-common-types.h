/* fanfare-common-types.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareAlbum FanfareAlbum;
typedef struct _FanfareArtist FanfareArtist;
typedef struct _FanfareGenre FanfareGenre;
typedef struct _FanfareTrack FanfareTrack;

/**
 * FanfareSource:
 * @FANFARE_SOURCE_LOCAL: the user's own files
 * @FANFARE_SOURCE_PLATFORM: the Fanfare platform
 *
 * Where an object comes from.
 */
typedef enum {
  FANFARE_SOURCE_LOCAL,
  FANFARE_SOURCE_PLATFORM,
} FanfareSource;

/**
 * FanfareTrackKind:
 * @FANFARE_TRACK_KIND_SONG: a song
 * @FANFARE_TRACK_KIND_AUDIOBOOK: an audiobook, or one part of it, with chapters
 * @FANFARE_TRACK_KIND_DJ_MIX: a DJ mix, with a timed tracklist
 *
 * What a track is; long-form kinds play differently.
 */
typedef enum {
  FANFARE_TRACK_KIND_SONG,
  FANFARE_TRACK_KIND_AUDIOBOOK,
  FANFARE_TRACK_KIND_DJ_MIX,
} FanfareTrackKind;

G_END_DECLS
