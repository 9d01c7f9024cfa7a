/* fanfare-application.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "fanfare-account-manager.h"
#include "fanfare-library.h"
#include "fanfare-local-fingerprints.h"
#include "fanfare-player.h"

G_BEGIN_DECLS

/**
 * FanfareOpenMode:
 * @FANFARE_OPEN_PLAY: queue the files after the current track and play them
 * @FANFARE_OPEN_APPEND: add the files at the end of the queue; play them
 *   only when nothing plays
 *
 * What opening files does to the queue.
 */
typedef enum {
  FANFARE_OPEN_PLAY,
  FANFARE_OPEN_APPEND,
} FanfareOpenMode;

/**
 * FanfarePlayMode:
 * @FANFARE_PLAY_NOW: replace the queue and play
 * @FANFARE_PLAY_NEXT: play after the current track
 * @FANFARE_PLAY_LAST: add at the end of the queue
 * @FANFARE_PLAY_SHUFFLED: replace the queue and play in a random order
 *
 * What playing a list does to the queue.
 */
typedef enum {
  FANFARE_PLAY_NOW,
  FANFARE_PLAY_NEXT,
  FANFARE_PLAY_LAST,
  FANFARE_PLAY_SHUFFLED,
} FanfarePlayMode;

#define FANFARE_TYPE_APPLICATION (fanfare_application_get_type ())

G_DECLARE_FINAL_TYPE (FanfareApplication, fanfare_application, FANFARE, APPLICATION, AdwApplication);

FanfareApplication *fanfare_application_new (void) G_GNUC_WARN_UNUSED_RESULT;
GSettings          *fanfare_application_get_settings (FanfareApplication *self);
FanfarePlayer      *fanfare_application_get_player (FanfareApplication *self);
FanfareLibrary     *fanfare_application_get_library (FanfareApplication *self);
FanfareAccountManager *fanfare_application_get_accounts (FanfareApplication *self);
FanfareClient      *fanfare_application_get_client (FanfareApplication *self);
FanfareLocalFingerprints *fanfare_application_get_local_fingerprints (FanfareApplication *self);
void                fanfare_application_play_list (FanfareApplication *self,
                                                   GListModel         *tracks,
                                                   FanfareTrack       *first,
                                                   FanfarePlayMode     mode);
void                fanfare_application_play_radio (FanfareApplication *self);
gboolean            fanfare_application_get_playing_radio (FanfareApplication *self);
void                fanfare_application_like_track (FanfareApplication *self,
                                                    FanfareTrack       *track);
void                fanfare_application_play_track (FanfareApplication *self,
                                                    FanfareTrack       *track,
                                                    FanfarePlayMode     mode);
void                fanfare_application_open_files (FanfareApplication *self,
                                                    GFile             **files,
                                                    guint               n_files,
                                                    FanfareOpenMode     mode);
char               *fanfare_application_dup_cover_cache_dir (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
