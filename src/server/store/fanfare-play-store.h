/* fanfare-play-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* The least a play must last to count: 30 s, or half of a shorter track. */
#define FANFARE_PLAY_MIN_MS 30000
/* A play said to last longer than this is no play. */
#define FANFARE_PLAY_MAX_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

/* A play as a client reports it, maybe long after, from its queue. */
typedef struct {
  const char *client_id;   /* the client's name for the play */
  gint64      track_id;
  gint64      played_at;   /* seconds since the epoch */
  gint64      ms_played;
} FanfarePlayReport;

typedef struct {
  guint recorded;
  guint duplicates;        /* sent before */
  guint ignored;           /* too short, in the future, or no such track */
} FanfarePlayTally;

/* A play in a history, or a place in a chart. */
typedef struct {
  gint64   id;
  GObject *object;         /* a FanfareTrack, or a FanfareAlbum in new releases */
  gint64   played_at;
  gint64   ms_played;
  guint    listeners;      /* in charts: distinct listeners */
} FanfarePlayItem;

void       fanfare_play_item_free (FanfarePlayItem *item);

gboolean   fanfare_play_store_record (FanfareDatabase         *db,
                                      gint64                   user_id,
                                      const FanfarePlayReport *plays,
                                      guint                    n_plays,
                                      FanfarePlayTally        *tally,
                                      GError                 **error);
GPtrArray *fanfare_play_store_list_history (FanfareDatabase           *db,
                                            const FanfareViewer       *viewer,
                                            const FanfareListPosition *after,
                                            guint                      limit,
                                            FanfareListPosition       *last,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *fanfare_play_store_chart_tracks (FanfareDatabase     *db,
                                            const FanfareViewer *viewer,
                                            gint64               since,
                                            guint                limit,
                                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *fanfare_play_store_chart_new_releases (FanfareDatabase     *db,
                                                  const FanfareViewer *viewer,
                                                  gint64               since,
                                                  const char          *released_after,
                                                  guint                limit,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePlayItem, fanfare_play_item_free)

G_END_DECLS
