/* fanfare-fingerprints.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "fanfare-fp-match.h"

G_BEGIN_DECLS

/* A branch for a decoding pipeline's tee: the audio as the fingerprints
 * take it, to the appsink fanfare_fingerprint_capture() reads. */
#define FANFARE_FINGERPRINT_BRANCH \
  "queue ! audioconvert ! audioresample ! audio/x-raw,format=F32LE,rate=8000,channels=1" \
  " ! appsink name=fingerprint sync=false"

/* One track's hashes, before the catalog gives it an id. */
typedef struct {
  gint64  track_id;
  guint   n_frames;
  GArray *hashes;              /* FanfareFpHash */
} FanfareFingerprint;

#define FANFARE_TYPE_FINGERPRINTS (fanfare_fingerprints_get_type ())

G_DECLARE_FINAL_TYPE (FanfareFingerprints, fanfare_fingerprints, FANFARE, FINGERPRINTS, GObject)

GArray              *fanfare_fingerprint_capture (GstElement * pipeline) G_GNUC_WARN_UNUSED_RESULT;
FanfareFingerprint  *fanfare_fingerprint_new (GArray *samples) G_GNUC_WARN_UNUSED_RESULT;
void                 fanfare_fingerprint_free (FanfareFingerprint *print);

FanfareFingerprints *fanfare_fingerprints_new (const char *data_dir) G_GNUC_WARN_UNUSED_RESULT;
gboolean             fanfare_fingerprints_add (FanfareFingerprints *self,
                                               GPtrArray           *prints,
                                               GError             **error);
gboolean             fanfare_fingerprints_identify (FanfareFingerprints *self,
                                                    GArray              *hashes,
                                                    FanfareFpMatch      *match,
                                                    gint64              *track_id);
guint                fanfare_fingerprints_get_n_tracks (FanfareFingerprints *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareFingerprint, fanfare_fingerprint_free)

G_END_DECLS
