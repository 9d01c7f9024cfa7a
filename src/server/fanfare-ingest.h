/* fanfare-ingest.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "fanfare-catalog-store.h"
#include "fanfare-fingerprints.h"
#include "fanfare-media-store.h"

G_BEGIN_DECLS

typedef struct {
  guint albums;
  guint tracks;
  guint skipped;
} FanfareIngestReport;

/* What one audio file says about itself. */
typedef struct {
  char               *path;
  char               *stream_path;  /* its Ogg Opus encoding, removed with it */
  const char         *content_type;
  char               *title;
  char               *artist;
  char               *album;
  char               *genre;
  char               *release_date;
  guint               track_number;
  guint               disc_number;
  gint64              duration_ms;
  double              gain;
  double              peak;
  char               *waveform;  /* JSON array of peaks, 0 to 100 */
  GBytes             *image;
  GArray             *chapters;  /* FanfareChapterDraft, strings owned */
  FanfareTrackKind    kind;
  FanfareFingerprint *fingerprint;
} FanfareIngestFile;

FanfareIngestFile *fanfare_ingest_read_file (const char *path,
                                             GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareIngestFile *fanfare_ingest_read_named_file (const char *path,
                                                   const char *name,
                                                   GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void               fanfare_ingest_file_free (FanfareIngestFile *file);
gboolean           fanfare_ingest_store_media (FanfareMediaStore *media,
                                               FanfareIngestFile *file,
                                               char             **stream_hash,
                                               char             **original_hash,
                                               GError           **error);
FanfareTrackDraft  fanfare_ingest_track_draft (const FanfareIngestFile *file,
                                               guint                    position,
                                               const char              *stream_hash,
                                               const char              *original_hash);
gint64             fanfare_ingest_prepare_artist (FanfareDatabase *db,
                                                  const char      *username,
                                                  GError         **error);
gboolean           fanfare_ingest_import_folder (FanfareDatabase     *db,
                                                 FanfareMediaStore   *media,
                                                 FanfareFingerprints *fingerprints,
                                                 const char          *folder,
                                                 const char          *username,
                                                 gboolean             published,
                                                 FanfareIngestReport *report,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareIngestFile, fanfare_ingest_file_free)

G_END_DECLS
