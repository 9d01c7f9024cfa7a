/* fanfare-application-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-account-manager.h"
#include "fanfare-application.h"
#include "fanfare-local-fingerprints.h"
#include "fanfare-mpris.h"

G_BEGIN_DECLS

struct _FanfareApplication
{
  AdwApplication parent_instance;

  /* Owned references */
  GSettings                *settings;
  FanfarePlayer            *player;
  FanfareLibrary           *library;
  FanfareMpris             *mpris;
  FanfareAccountManager    *accounts;
  GCancellable             *cancellable;
  FanfareTrack             *notified_track;
  FanfareLocalFingerprints *fingerprints;
  GListModel               *fingerprint_songs; /* while they load */

  /* The play being counted (fanfare-application-plays.c) */
  FanfareTrack *play_track;
  GDateTime    *play_started_at;
  GTimeSpan     play_counted;
  gint64        play_tick;      /* monotonic time counted up to, while playing */
  guint         play_source;
  gboolean      play_reported;
  GHashTable   *radio_ids;      /* ids of the radio's tracks in the queue */
  gboolean      radio_loading;
  guint         radio_serial;   /* changes when the queue stops being the radio */
  gboolean      radio_skipped;  /* the radio heard of the skip already */

  /* Long items and lyrics of the platform (fanfare-application-longform.c) */
  FanfareTrack *longform_track;  /* whose position goes to the platform next */

  /* State */
  guint inhibit_cookie;
  guint restore_source;
  guint restore_scheduled : 1;
};

/* fanfare-application-playback.c */
void _fanfare_application_playback_startup (FanfareApplication *self);
void _fanfare_application_playback_shutdown (FanfareApplication *self);
void _fanfare_application_schedule_restore (FanfareApplication *self);
void _fanfare_application_plays_startup (FanfareApplication *self);
void _fanfare_application_plays_shutdown (FanfareApplication *self);
void _fanfare_application_library_startup (FanfareApplication *self);
void _fanfare_application_library_shutdown (FanfareApplication *self);
void _fanfare_application_account_startup (FanfareApplication *self);
void _fanfare_application_account_shutdown (FanfareApplication *self);
void _fanfare_application_longform_startup (FanfareApplication *self);
void _fanfare_application_longform_shutdown (FanfareApplication *self);
void _fanfare_application_toast (FanfareApplication *self,
                                 const char         *title);

G_END_DECLS
