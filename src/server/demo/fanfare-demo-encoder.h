/* fanfare-demo-encoder.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-fingerprints.h"

G_BEGIN_DECLS

typedef struct {
  const char                *title;
  const char                *artist;
  const char                *album;
  const char                *genre;
  const char                *release_date;  /* YYYY-MM-DD */
  guint                      track_number;
  const FanfareChapterDraft *chapters;
  guint                      n_chapters;
} FanfareDemoTags;

gboolean fanfare_demo_encode (float                 *samples,
                              gsize                  n_frames,
                              const char            *path,
                              const FanfareDemoTags *tags,
                              guint32                serial,
                              double                *gain,
                              double                *peak,
                              FanfareFingerprint   **print,
                              GError               **error);

G_END_DECLS
