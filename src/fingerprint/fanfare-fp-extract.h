/* fanfare-fp-extract.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The audio the fingerprints are made of: mono, 8,000 samples a second. */
#define FANFARE_FP_SAMPLE_RATE   8000
/* Frames of 1,024 samples, one every 128 samples (16 ms). */
#define FANFARE_FP_FRAME_SIZE    1024
#define FANFARE_FP_HOP           128
#define FANFARE_FP_FRAMES_PER_S  ((double) FANFARE_FP_SAMPLE_RATE / FANFARE_FP_HOP)

/* Hashes from different versions of the extractor never match: it goes
 * up whenever extraction changes what it makes of the same audio, and an
 * index or a query says which version made its hashes. */
#define FANFARE_FP_EXTRACTOR_VERSION 1

/* A hash as a query sends it: see fanfare_fp_hashes_pack(). */
#define FANFARE_FP_RECORD_SIZE 10

typedef struct {
  guint  frame;
  double time;                 /* in frames, interpolated between frames */
  double log2_hz;              /* interpolated between bins */
  double level;
} FanfareFpPeak;

/* One hash: three peaks, described by what a change of speed leaves alone
 * (the ratios of their frequencies, the ratio of their time intervals),
 * and where its first peak is, to place and scale a match. */
typedef struct {
  guint32 hash;
  guint32 frame;               /* of the first peak */
  guint16 span;                /* frames from the first peak to the third */
  guint16 pitch;               /* the first peak's log2 Hz, in 1/1024 octave */
} FanfareFpHash;

GArray *fanfare_fp_extract_peaks (const float *samples,
                                  gsize        n_samples) G_GNUC_WARN_UNUSED_RESULT;
GArray *fanfare_fp_extract_hashes (const float *samples,
                                   gsize        n_samples) G_GNUC_WARN_UNUSED_RESULT;
GArray *fanfare_fp_hashes_from_peaks (GArray *peaks) G_GNUC_WARN_UNUSED_RESULT;
GBytes *fanfare_fp_hashes_pack (GArray *hashes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
