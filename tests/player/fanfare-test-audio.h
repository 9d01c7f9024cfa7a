/* fanfare-test-audio.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "fanfare-track.h"

G_BEGIN_DECLS

#define FANFARE_TEST_RATE 44100

typedef struct _FanfareTestCollector FanfareTestCollector;

void                  fanfare_test_write_wav (const char   *path,
                                              const gint16 *samples,
                                              gsize         n_samples);
void                  fanfare_test_tolerate_playbin_race (void);
void                  fanfare_test_run_pipeline (const char *description);
void                  fanfare_test_write_tagged_flac (const char       *path,
                                                      guint             seconds,
                                                      const GstTagList *tags,
                                                      GBytes           *cover);
void                  fanfare_test_write_flac (const char *path,
                                               guint       seconds,
                                               const char *title,
                                               const char *artist,
                                               const char *album,
                                               GBytes     *cover);
FanfareTrack         *fanfare_test_track_for_path (const char *path,
                                                   const char *title) G_GNUC_WARN_UNUSED_RESULT;

FanfareTestCollector *fanfare_test_collector_new (gboolean  sync);
GstElement           *fanfare_test_collector_get_sink (FanfareTestCollector *collector);
GArray               *fanfare_test_collector_dup_samples (FanfareTestCollector *collector) G_GNUC_WARN_UNUSED_RESULT;
gint64                fanfare_test_collector_get_first_buffer_time (FanfareTestCollector *collector);
void                  fanfare_test_collector_free (FanfareTestCollector *collector);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareTestCollector, fanfare_test_collector_free)

G_END_DECLS
