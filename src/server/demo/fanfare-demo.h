/* fanfare-demo.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"
#include "fanfare-fingerprints.h"
#include "fanfare-media-store.h"

G_BEGIN_DECLS

typedef struct {
  gboolean small;  /* a few artists with short tracks, for tests */
  gint64   now;    /* what the play history leads up to; 0 for today */
} FanfareDemoOptions;

typedef struct {
  guint artists;
  guint albums;
  guint tracks;
  guint users;
  guint playlists;
  guint plays;
} FanfareDemoReport;

gboolean fanfare_demo_seed (FanfareDatabase          *db,
                            FanfareMediaStore        *media,
                            FanfareFingerprints      *fingerprints,
                            const FanfareDemoOptions *options,
                            FanfareDemoReport        *report,
                            GError                  **error);

G_END_DECLS
