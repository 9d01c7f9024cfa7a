/* fanfare-player.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "fanfare-lyrics.h"
#include "fanfare-play-queue.h"
#include "fanfare-player-types.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_PLAYER (fanfare_player_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlayer, fanfare_player, FANFARE, PLAYER, GObject);

FanfarePlayer        *fanfare_player_new (void) G_GNUC_WARN_UNUSED_RESULT;
FanfarePlayQueue     *fanfare_player_get_queue (FanfarePlayer *self);
FanfarePlayerState    fanfare_player_get_state (FanfarePlayer *self);
FanfareTrack         *fanfare_player_get_current_track (FanfarePlayer *self);
GTimeSpan             fanfare_player_get_position (FanfarePlayer *self);
GTimeSpan             fanfare_player_get_duration (FanfarePlayer *self);
double                fanfare_player_get_volume (FanfarePlayer *self);
void                  fanfare_player_set_volume (FanfarePlayer *self,
                                                 double         volume);
gboolean              fanfare_player_get_muted (FanfarePlayer *self);
void                  fanfare_player_set_muted (FanfarePlayer *self,
                                                gboolean       muted);
double                fanfare_player_get_rate (FanfarePlayer *self);
void                  fanfare_player_set_rate (FanfarePlayer *self,
                                               double         rate);
FanfareReplayGainMode fanfare_player_get_replay_gain_mode (FanfarePlayer *self);
void                  fanfare_player_set_replay_gain_mode (FanfarePlayer         *self,
                                                           FanfareReplayGainMode  mode);
gboolean              fanfare_player_get_can_go_next (FanfarePlayer *self);
gboolean              fanfare_player_get_can_go_previous (FanfarePlayer *self);
gboolean              fanfare_player_get_can_play (FanfarePlayer *self);
gboolean              fanfare_player_get_can_seek (FanfarePlayer *self);

void                  fanfare_player_play (FanfarePlayer *self);
void                  fanfare_player_pause (FanfarePlayer *self);
void                  fanfare_player_play_pause (FanfarePlayer *self);
void                  fanfare_player_stop (FanfarePlayer *self);
void                  fanfare_player_next (FanfarePlayer *self);
void                  fanfare_player_previous (FanfarePlayer *self);
void                  fanfare_player_play_position (FanfarePlayer *self,
                                                    guint          position);
void                  fanfare_player_play_tracks (FanfarePlayer *self,
                                                  GPtrArray     *tracks,
                                                  guint          first);
void                  fanfare_player_seek (FanfarePlayer *self,
                                           GTimeSpan      position);

void                  fanfare_player_set_audio_sink (FanfarePlayer *self,
                                                     GstElement    *sink);
void                  fanfare_player_set_audio_sink_description (FanfarePlayer *self,
                                                                 const char    *description);
void                  fanfare_player_set_authorization (FanfarePlayer *self,
                                                        const char    *uri_prefix,
                                                        const char    *authorization);

void                  fanfare_player_restore_async (FanfarePlayer       *self,
                                                    const char          *database_path,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean              fanfare_player_restore_finish (FanfarePlayer *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);
void                  fanfare_player_save_now (FanfarePlayer *self);

/* Long-form audio and lyrics: fanfare-player-longform.c */
GListModel           *fanfare_player_get_chapters (FanfarePlayer *self);
int                   fanfare_player_get_chapter (FanfarePlayer *self);
FanfareChapter       *fanfare_player_get_current_chapter (FanfarePlayer *self);
FanfareLyrics        *fanfare_player_get_lyrics (FanfarePlayer *self);
void                  fanfare_player_set_extras (FanfarePlayer *self,
                                                 FanfareTrack  *track,
                                                 FanfareLyrics *lyrics,
                                                 GPtrArray     *chapters);
void                  fanfare_player_play_chapter (FanfarePlayer *self,
                                                   guint          chapter);
void                  fanfare_player_set_sleep_timer (FanfarePlayer *self,
                                                      GTimeSpan      duration);
void                  fanfare_player_sleep_at_chapter_end (FanfarePlayer *self);
gboolean              fanfare_player_get_sleep_timer_active (FanfarePlayer *self);
GTimeSpan             fanfare_player_get_time_left (FanfarePlayer *self);
GTimeSpan             fanfare_player_get_resume_position (FanfarePlayer *self,
                                                          FanfareTrack  *track);
gint64                fanfare_player_get_resume_updated (FanfarePlayer *self,
                                                         FanfareTrack  *track);
void                  fanfare_player_merge_resume_position (FanfarePlayer *self,
                                                            FanfareTrack  *track,
                                                            GTimeSpan      position,
                                                            gint64         updated);

G_END_DECLS
