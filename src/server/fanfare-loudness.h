/* fanfare-loudness.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The loudness reference ReplayGain 2 takes from EBU R128, in LUFS. */
#define FANFARE_LOUDNESS_REFERENCE (-18.0)

/* A branch for a decoding pipeline's tee: the audio at its own rate and
 * channels, to the appsink fanfare_loudness_capture() reads. */
#define FANFARE_LOUDNESS_BRANCH \
  "queue ! audioconvert ! audio/x-raw,format=F32LE,layout=interleaved" \
  " ! appsink name=loudness sync=false"

typedef struct _FanfareLoudness FanfareLoudness;

FanfareLoudness *fanfare_loudness_capture (GstElement *pipeline) G_GNUC_WARN_UNUSED_RESULT;
gboolean         fanfare_loudness_result (FanfareLoudness *self,
                                          double          *lufs,
                                          double          *gain,
                                          double          *peak);
void             fanfare_loudness_unref (FanfareLoudness *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareLoudness, fanfare_loudness_unref)

G_END_DECLS
