/* fanfare-recommender.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

#define FANFARE_RECOMMENDER_PICKS 30

typedef struct {
  guint  users;
  guint  neighbours;
  guint  picks;
  double seconds;
} FanfareRecommenderReport;

gboolean fanfare_recommender_run (FanfareDatabase          *db,
                                  GDateTime                *day,
                                  FanfareRecommenderReport *report,
                                  GError                  **error);

G_END_DECLS
