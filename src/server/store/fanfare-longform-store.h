/* fanfare-longform-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-database.h"
#include "fanfare-track.h"

G_BEGIN_DECLS

typedef struct {
  char  *lrc;
  char  *translation;  /* or NULL */
  char  *language;     /* of the translation, or NULL */
  gint64 updated_at;   /* seconds */
} FanfareTrackLyrics;

void fanfare_track_lyrics_clear (FanfareTrackLyrics *lyrics);

/* Where a listener stopped in a long item. */
typedef struct {
  FanfareTrack *track;        /* in lists only */
  gint64        position_ms;
  gint64        updated_at;   /* the client's time, milliseconds */
} FanfareListeningPosition;

void fanfare_listening_position_free (FanfareListeningPosition *position);

gboolean   fanfare_longform_store_get_lyrics (FanfareDatabase     *db,
                                              const FanfareViewer *viewer,
                                              gint64               track_id,
                                              FanfareTrackLyrics  *lyrics,
                                              GError             **error);
gboolean   fanfare_longform_store_set_lyrics (FanfareDatabase          *db,
                                              gint64                    user_id,
                                              gint64                    track_id,
                                              const FanfareTrackLyrics *lyrics,
                                              GError                  **error);
gboolean   fanfare_longform_store_put_position (FanfareDatabase          *db,
                                                const FanfareViewer      *viewer,
                                                gint64                    track_id,
                                                FanfareListeningPosition *position,
                                                GError                  **error);
gboolean   fanfare_longform_store_get_position (FanfareDatabase          *db,
                                                const FanfareViewer      *viewer,
                                                gint64                    track_id,
                                                FanfareListeningPosition *position,
                                                GError                  **error);
GPtrArray *fanfare_longform_store_list_unfinished (FanfareDatabase     *db,
                                                   const FanfareViewer *viewer,
                                                   guint                limit,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
