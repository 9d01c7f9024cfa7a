/* fanfare-fp-match.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fanfare-fp-index.h"

G_BEGIN_DECLS

typedef struct {
  guint  track;                /* in the index */
  guint  score;                /* hashes that agree on the placement */
  double offset;               /* seconds into the track where the clip starts */
  double speed;                /* the clip's playback speed against the track */
  double confidence;           /* 0 to 1 */
} FanfareFpMatch;

gboolean fanfare_fp_match (FanfareFpIndex *index,
                           GArray         *hashes,
                           FanfareFpMatch *match);

G_END_DECLS
