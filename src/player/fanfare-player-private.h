/* fanfare-player-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-player.h"
#include "fanfare-player-store.h"

G_BEGIN_DECLS

/* A track prepared for about-to-finish: its URI and its queue entry. */
typedef struct {
  char   *uri;
  guint64 entry_id;
} FanfareUpcoming;

void _fanfare_upcoming_free (FanfareUpcoming *upcoming);

struct _FanfarePlayer
{
  GObject parent_instance;

  /* Owned references */
  FanfarePlayQueue   *queue;
  FanfarePlayerStore *store;
  GstElement         *playbin;         /* NULL until something plays */
  GstElement         *audio_sink;      /* set by the caller, or NULL */
  char               *audio_sink_description;
  GCancellable       *cancellable;

  /* Shared with GStreamer's streaming threads, under lock */
  GMutex lock;
  GQueue upcoming;    /* FanfareUpcoming: what about-to-finish plays next */
  GQueue started;     /* entry ids about-to-finish used, before their stream starts */
  char  *auth_prefix;
  char  *auth_value;

  /* State, on the main thread */
  FanfarePlayerState    state;
  FanfareReplayGainMode replay_gain_mode;
  GTimeSpan             position;
  GTimeSpan             duration;
  GTimeSpan             pending_seek;   /* applied once the track is ready, or -1 */
  double                volume;
  double                rate;
  char                 *missing_plugin;
  guint                 bus_watch;
  guint                 position_source;
  guint                 save_source;
  guint                 failures;       /* tracks in a row that failed */
  guint                 retry_source;   /* reconnects a stream that dropped */
  guint                 retries;        /* reconnections of this track so far */
  GTimeSpan             retry_position; /* where the dropped stream resumes */
  gint64                last_position_save;
  guint                 muted : 1;
  guint                 loaded : 1;     /* the current track is in the pipeline */
  guint                 seekable : 1;
  guint                 seek_known : 1;  /* seekable was asked of the pipeline */
  guint                 restored : 1;
  guint                 play_when_ready : 1;  /* once the first seek of a track is done */

  /* Long-form audio and lyrics (fanfare-player-longform.c), main thread */
  GListStore    *chapters;            /* FanfareChapter of the current track */
  FanfareLyrics *lyrics;
  GCancellable  *extras_cancellable;
  FanfareTrack  *extras_track;        /* borrowed: whose extras these are */
  int            chapter;             /* the chapter playing, or -1 */
  guint          sleep_source;
  gint64         sleep_deadline;      /* when the timer ends: monotonic time, or a position at the chapter end */
  GTimeSpan      sleep_fade;          /* how long the timer fades out */
  gboolean       sleep_at_chapter_end;
  double         fade;                /* 1.0 except while fading out */
  GHashTable    *resume;              /* track key -> FanfareResumePoint */
  GTimeSpan      resume_position;     /* the last position heard in this track */
  gint64         last_resume_save;
};

/* fanfare-player-pipeline.c */
void     _fanfare_player_pipeline_load (FanfarePlayer *self,
                                        FanfareTrack  *track,
                                        gboolean       play,
                                        GTimeSpan      start);
void     _fanfare_player_pipeline_set_playing (FanfarePlayer *self,
                                               gboolean       playing);
void     _fanfare_player_pipeline_stop (FanfarePlayer *self);
gboolean _fanfare_player_pipeline_seek (FanfarePlayer *self,
                                        GTimeSpan      position);
void     _fanfare_player_pipeline_update_volume (FanfarePlayer *self);
void     _fanfare_player_pipeline_rebuild_filters (FanfarePlayer *self);
void     _fanfare_player_pipeline_destroy (FanfarePlayer *self);
GTimeSpan _fanfare_player_pipeline_query_position (FanfarePlayer *self);

/* fanfare-player.c */
typedef enum {
  PROP_0,
  PROP_QUEUE,
  PROP_STATE,
  PROP_CURRENT_TRACK,
  PROP_POSITION,
  PROP_DURATION,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_RATE,
  PROP_REPLAY_GAIN_MODE,
  PROP_CAN_GO_NEXT,
  PROP_CAN_GO_PREVIOUS,
  PROP_CAN_PLAY,
  PROP_CAN_SEEK,
  PROP_CHAPTERS,
  PROP_CHAPTER,
  PROP_LYRICS,
  PROP_SLEEP_TIMER_ACTIVE,
  N_PROPS
} FanfarePlayerProp;

void     _fanfare_player_notify (FanfarePlayer     *self,
                                 FanfarePlayerProp  prop);
void     _fanfare_player_emit_error (FanfarePlayer *self,
                                     GError        *error);
void     _fanfare_player_emit_seeked (FanfarePlayer *self,
                                      GTimeSpan      position);

/* fanfare-player-longform.c */
void     _fanfare_player_longform_init (FanfarePlayer *self);
void     _fanfare_player_longform_dispose (FanfarePlayer *self);
void     _fanfare_player_longform_install_properties (GParamSpec **properties);
gboolean _fanfare_player_longform_get_property (FanfarePlayer *self,
                                                guint          prop_id,
                                                GValue        *value);
gboolean _fanfare_player_longform_can_go_next (FanfarePlayer *self);
gboolean _fanfare_player_longform_next (FanfarePlayer *self);
gboolean _fanfare_player_longform_previous (FanfarePlayer *self);
GTimeSpan _fanfare_player_longform_resume_start (FanfarePlayer *self,
                                                 FanfareTrack  *track,
                                                 GTimeSpan      start);
void     _fanfare_player_longform_restore (FanfarePlayer *self,
                                           GHashTable    *resume);

/* fanfare-player-persist.c */
void     _fanfare_player_schedule_save (FanfarePlayer *self);

/* fanfare-player-control.c, some called by the pipeline on the main thread */
void     _fanfare_player_connect_queue (FanfarePlayer *self);
void     _fanfare_player_set_position (FanfarePlayer *self,
                                       GTimeSpan      position);
void     _fanfare_player_set_state (FanfarePlayer      *self,
                                    FanfarePlayerState  state);
void     _fanfare_player_set_duration (FanfarePlayer *self,
                                       GTimeSpan      duration);
void     _fanfare_player_update_position (FanfarePlayer *self);
void     _fanfare_player_advanced (FanfarePlayer *self,
                                   guint64        entry_id);
void     _fanfare_player_reached_end (FanfarePlayer *self);
void     _fanfare_player_failed (FanfarePlayer *self,
                                 GError        *error);

G_END_DECLS
