/* fanfare-test-music.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fanfare-fp-index.h"

G_BEGIN_DECLS

typedef struct {
  float *samples;
  gsize  n;
} FanfareTestSong;

float *fanfare_test_music_new (guint32  seed,
                               double   seconds,
                               gsize   *n_samples) G_GNUC_WARN_UNUSED_RESULT;
float *fanfare_test_change_speed (const float *samples,
                                  gsize        n_samples,
                                  double       speed,
                                  gsize       *n_out) G_GNUC_WARN_UNUSED_RESULT;
void   fanfare_test_mix (float       *samples,
                         const float *other,
                         gsize        n_samples,
                         double       snr_db);
float *fanfare_test_babble_new (guint32  seed,
                                double   seconds,
                                gsize   *n_samples) G_GNUC_WARN_UNUSED_RESULT;
void   fanfare_test_add_noise (float   *samples,
                               gsize    n_samples,
                               double   snr_db,
                               guint32  seed);

double fanfare_test_fill_index (FanfareFpIndex        *index,
                                GPtrArray             *hashes,
                                const FanfareTestSong *songs,
                                double                 seconds,
                                double                 hours,
                                GRand                 *rand);

G_END_DECLS
