/* fanfare-search-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"

G_BEGIN_DECLS

/* What a search may be narrowed to. */
typedef enum {
  FANFARE_SEARCH_TYPE_ALL,
  FANFARE_SEARCH_TYPE_ARTIST,
  FANFARE_SEARCH_TYPE_ALBUM,
  FANFARE_SEARCH_TYPE_TRACK,
  FANFARE_SEARCH_TYPE_PLAYLIST,
  FANFARE_SEARCH_TYPE_USER,
} FanfareSearchType;

#define FANFARE_SEARCH_MAX_QUERY_LENGTH 200

GPtrArray *fanfare_search_store_search (FanfareDatabase     *db,
                                        const FanfareViewer *viewer,
                                        const char          *query,
                                        FanfareSearchType    type,
                                        guint                offset,
                                        guint                limit,
                                        gboolean            *more,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   fanfare_search_store_rebuild (FanfareDatabase *db,
                                         GError         **error);

G_END_DECLS
