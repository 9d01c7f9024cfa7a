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

  /* State */
  guint inhibit_cookie;
  guint restore_source;
  guint restore_scheduled : 1;
};

/* fanfare-application-playback.c */
void _fanfare_application_playback_startup (FanfareApplication *self);
void _fanfare_application_playback_shutdown (FanfareApplication *self);
void _fanfare_application_schedule_restore (FanfareApplication *self);
void _fanfare_application_library_startup (FanfareApplication *self);
void _fanfare_application_library_shutdown (FanfareApplication *self);
void _fanfare_application_account_startup (FanfareApplication *self);
void _fanfare_application_account_shutdown (FanfareApplication *self);
void _fanfare_application_toast (FanfareApplication *self,
                                 const char         *title);

G_END_DECLS
