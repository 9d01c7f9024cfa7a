/* fanfare-playlist-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

gint64           fanfare_playlist_store_create (FanfareDatabase           *db,
                                                gint64                     owner_id,
                                                const char                *title,
                                                const char                *description,
                                                FanfarePlaylistVisibility  visibility,
                                                GError                   **error);
gboolean         fanfare_playlist_store_add_tracks (FanfareDatabase *db,
                                                    gint64           playlist_id,
                                                    const gint64    *track_ids,
                                                    guint            n_tracks,
                                                    GError         **error);
FanfarePlaylist *fanfare_playlist_store_get (FanfareDatabase     *db,
                                             const FanfareViewer *viewer,
                                             gint64               playlist_id,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray       *fanfare_playlist_store_list_tracks (FanfareDatabase     *db,
                                                     const FanfareViewer *viewer,
                                                     gint64               playlist_id,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray       *fanfare_playlist_store_list_for_user (FanfareDatabase     *db,
                                                       const FanfareViewer *viewer,
                                                       gint64               owner_id,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
