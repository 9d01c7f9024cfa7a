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
typedef struct _FanfareChapter FanfareChapter;
typedef struct _FanfareGenre FanfareGenre;
typedef struct _FanfarePlaylist FanfarePlaylist;
typedef struct _FanfareSession FanfareSession;
typedef struct _FanfareTrack FanfareTrack;
typedef struct _FanfareUser FanfareUser;

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

/**
 * FanfareUserRole:
 * @FANFARE_USER_ROLE_LISTENER: listens, makes playlists, follows people
 * @FANFARE_USER_ROLE_ARTIST: a listener who also owns an artist profile
 * @FANFARE_USER_ROLE_ADMIN: runs the platform
 *
 * What a user may do on the platform.
 */
typedef enum {
  FANFARE_USER_ROLE_LISTENER,
  FANFARE_USER_ROLE_ARTIST,
  FANFARE_USER_ROLE_ADMIN,
} FanfareUserRole;

/**
 * FanfarePlaylistVisibility:
 * @FANFARE_PLAYLIST_VISIBILITY_PUBLIC: listed and found by search
 * @FANFARE_PLAYLIST_VISIBILITY_UNLISTED: seen by whoever has its link
 * @FANFARE_PLAYLIST_VISIBILITY_PRIVATE: seen by its owner only
 *
 * Who may see a playlist.
 */
typedef enum {
  FANFARE_PLAYLIST_VISIBILITY_PUBLIC,
  FANFARE_PLAYLIST_VISIBILITY_UNLISTED,
  FANFARE_PLAYLIST_VISIBILITY_PRIVATE,
} FanfarePlaylistVisibility;

G_END_DECLS
