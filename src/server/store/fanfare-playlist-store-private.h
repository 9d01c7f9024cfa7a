/* fanfare-playlist-store-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database-private.h"
#include "fanfare-playlist-store.h"

G_BEGIN_DECLS

/* What a change of a playlist needs of its caller. */
typedef enum {
  FANFARE_PLAYLIST_NEED_SEE,
  FANFARE_PLAYLIST_NEED_EDIT,
  FANFARE_PLAYLIST_NEED_OWN,
} FanfarePlaylistNeed;

gboolean           _fanfare_playlist_store_check_access (FanfareConnection   *conn,
                                                         const FanfareViewer *viewer,
                                                         gint64               playlist_id,
                                                         FanfarePlaylistNeed  need,
                                                         GError             **error);
FanfareConnection *_fanfare_playlist_store_begin_change (FanfareDatabase     *db,
                                                         const FanfareViewer *viewer,
                                                         gint64               playlist_id,
                                                         FanfarePlaylistNeed  need,
                                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           _fanfare_playlist_store_finish_change (FanfareConnection *conn,
                                                          gint64             playlist_id,
                                                          gboolean           reindex,
                                                          GError           **error);

G_END_DECLS
