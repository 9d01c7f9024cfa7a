/* fanfare-library-query.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fanfare-library-db.h"
#include "fanfare-library-types.h"

G_BEGIN_DECLS

/* What a list model lists. */
typedef enum {
  FANFARE_LIBRARY_QUERY_SONGS,
  FANFARE_LIBRARY_QUERY_ALBUMS,
  FANFARE_LIBRARY_QUERY_ARTISTS,
  FANFARE_LIBRARY_QUERY_GENRES,
  FANFARE_LIBRARY_QUERY_ALBUM_TRACKS,
  FANFARE_LIBRARY_QUERY_ARTIST_ALBUMS,
  FANFARE_LIBRARY_QUERY_ARTIST_TRACKS,
  FANFARE_LIBRARY_QUERY_GENRE_TRACKS,
  FANFARE_LIBRARY_QUERY_SEARCH,
} FanfareLibraryQueryKind;

/* A row of a list: the id, and the generation of the batch that last wrote
 * it, so that a row written again is seen to change. */
typedef struct {
  gint64 id;
  gint64 gen;
} FanfareLibraryKey;

typedef struct {
  FanfareLibraryQueryKind kind;
  gint64                  filter_id;     /* the album, artist or genre */
  FanfareLibrarySort      sort;
  gboolean                descending;
  char                   *search;
} FanfareLibraryQuery;

FanfareLibraryQuery *fanfare_library_query_copy (const FanfareLibraryQuery *query);
void                 fanfare_library_query_free (FanfareLibraryQuery *query);
GType                fanfare_library_query_item_type (FanfareLibraryQueryKind  kind);
GArray              *fanfare_library_query_keys (FanfareLibraryDb          *db,
                                                 const FanfareLibraryQuery *query,
                                                 GError                   **error);
GObject             *fanfare_library_query_item (FanfareLibraryDb *db,
                                                 GType             item_type,
                                                 gint64            id,
                                                 const char       *cover_dir,
                                                 gboolean         *failed);
char                *fanfare_library_cover_uri (const char *cover_dir,
                                                const char *cover,
                                                guint       size) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareLibraryQuery, fanfare_library_query_free)

G_END_DECLS
