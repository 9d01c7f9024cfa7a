/* fanfare-client-items.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fanfare-album.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

/**
 * FanfarePickReason:
 * @FANFARE_PICK_REASON_PLAYED: the user played a track like it
 * @FANFARE_PICK_REASON_LIKED: the user liked a track like it on the radio
 * @FANFARE_PICK_REASON_POPULAR: many listeners play it
 *
 * Why the platform picked a track for the user.
 */
typedef enum {
  FANFARE_PICK_REASON_PLAYED,
  FANFARE_PICK_REASON_LIKED,
  FANFARE_PICK_REASON_POPULAR,
} FanfarePickReason;

#define FANFARE_TYPE_PLAYLIST_ENTRY (fanfare_playlist_entry_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlaylistEntry, fanfare_playlist_entry, FANFARE, PLAYLIST_ENTRY, GObject);

FanfarePlaylistEntry *fanfare_playlist_entry_new_from_json (JsonObject *json,
                                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;
const char           *fanfare_playlist_entry_get_id (FanfarePlaylistEntry *self);
gboolean              fanfare_playlist_entry_get_available (FanfarePlaylistEntry *self);
FanfareTrack         *fanfare_playlist_entry_get_track (FanfarePlaylistEntry *self);
const char           *fanfare_playlist_entry_get_title (FanfarePlaylistEntry *self);
const char           *fanfare_playlist_entry_get_artist (FanfarePlaylistEntry *self);
const char           *fanfare_playlist_entry_get_added_by (FanfarePlaylistEntry *self);
void                  fanfare_playlist_entry_fill (FanfarePlaylistEntry *self,
                                                   FanfarePlaylistEntry *read);

#define FANFARE_TYPE_PICK (fanfare_pick_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePick, fanfare_pick, FANFARE, PICK, GObject);

FanfarePick       *fanfare_pick_new_from_json (JsonObject *json,
                                               GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack      *fanfare_pick_get_track (FanfarePick *self);
FanfarePickReason  fanfare_pick_get_reason (FanfarePick *self);
const char        *fanfare_pick_get_reason_title (FanfarePick *self);
char              *fanfare_pick_dup_reason_text (FanfarePick *self) G_GNUC_WARN_UNUSED_RESULT;

#define FANFARE_TYPE_PLAY (fanfare_play_get_type ())

G_DECLARE_FINAL_TYPE (FanfarePlay, fanfare_play, FANFARE, PLAY, GObject);

FanfarePlay  *fanfare_play_new_from_json (JsonObject *json,
                                          GError    **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack *fanfare_play_get_track (FanfarePlay *self);
GDateTime    *fanfare_play_get_played_at (FanfarePlay *self);
GTimeSpan     fanfare_play_get_played (FanfarePlay *self);

#define FANFARE_TYPE_CHART_ITEM (fanfare_chart_item_get_type ())

G_DECLARE_FINAL_TYPE (FanfareChartItem, fanfare_chart_item, FANFARE, CHART_ITEM, GObject);

FanfareChartItem *fanfare_chart_item_new_from_json (JsonObject *json,
                                                    GError    **error) G_GNUC_WARN_UNUSED_RESULT;
gpointer          fanfare_chart_item_get_item (FanfareChartItem *self);
guint             fanfare_chart_item_get_listeners (FanfareChartItem *self);

G_END_DECLS
