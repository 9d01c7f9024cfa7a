/* fanfare-library-model-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-library-db.h"
#include "fanfare-library-model.h"
#include "fanfare-library-query.h"

G_BEGIN_DECLS

FanfareLibraryModel *_fanfare_library_model_new (FanfareLibraryDb          *db,
                                                 const char                *cover_dir,
                                                 const FanfareLibraryQuery *query);

G_END_DECLS
