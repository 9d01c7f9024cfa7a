/* fanfare-library-model.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fanfare-library-types.h"

G_BEGIN_DECLS

#define FANFARE_TYPE_LIBRARY_MODEL (fanfare_library_model_get_type ())

G_DECLARE_FINAL_TYPE (FanfareLibraryModel, fanfare_library_model, FANFARE, LIBRARY_MODEL, GObject);

gboolean           fanfare_library_model_get_loading (FanfareLibraryModel *self);
FanfareLibrarySort fanfare_library_model_get_sort (FanfareLibraryModel *self);
gboolean           fanfare_library_model_get_descending (FanfareLibraryModel *self);
void               fanfare_library_model_set_sort (FanfareLibraryModel *self,
                                                   FanfareLibrarySort   sort,
                                                   gboolean             descending);
const char        *fanfare_library_model_get_search (FanfareLibraryModel *self);
void               fanfare_library_model_set_search (FanfareLibraryModel *self,
                                                     const char          *search);
void               fanfare_library_model_refresh (FanfareLibraryModel *self);

G_END_DECLS
