/* fanfare-discovery-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* What the recommender reads and writes, and what listeners are served
 * from it: daily picks and the radio. */

typedef struct {
  guint32 user_id;
  guint32 track_id;
} FanfarePlayPair;

/* A track's neighbours, the nearest first, and a user's picks, the best
 * first: the rank is the order within the track or the user. */
typedef struct {
  guint32 track_id;
  guint32 neighbour_id;
  float   score;
} FanfareNeighbour;

typedef struct {
  guint32 user_id;
  guint32 track_id;
  guint32 reason_track_id;  /* 0: picked for being popular */
  float   score;
} FanfarePickRow;

typedef struct {
  guint32 track_id;
  guint32 listeners;
} FanfarePopularTrack;

/* Why a track was picked, as data a client words in its own language. */
typedef enum {
  FANFARE_PICK_REASON_PLAYED,   /* "because you played REASON" */
  FANFARE_PICK_REASON_LIKED,    /* "because you liked REASON" */
  FANFARE_PICK_REASON_POPULAR,  /* "popular with listeners" */
} FanfarePickReason;

/* A listing that knows what a track's catalog row holds asks its caller
 * for what the caller made of such a row before (its JSON form), under a
 * key that holds the row's values exactly; answers it, or NULL to have
 * the track made. Called from the listing's thread. */
typedef GBytes *(*FanfareFormLookup) (GBytes   *key,
                                      gpointer  user_data);

typedef struct {
  FanfareTrack     *track;         /* NULL when the lookup gave @track_form */
  FanfarePickReason reason;
  FanfareTrack     *reason_track;  /* NULL for popular picks, or when the lookup gave @reason_form */
  double            score;

  /* Set by a listing given a lookup: the key of the track's row, and of
   * the reason's, and what the lookup answered for them. */
  GBytes *track_key;
  GBytes *track_form;
  GBytes *reason_key;
  GBytes *reason_form;
} FanfarePick;

void       fanfare_pick_free (FanfarePick *pick);
const char *fanfare_pick_reason_to_string (FanfarePickReason  reason);

gboolean   fanfare_discovery_store_load_plays (FanfareDatabase *db,
                                               gint64           since,
                                               GArray          *pairs,
                                               GError         **error);
gboolean   fanfare_discovery_store_save (FanfareDatabase *db,
                                         const char      *day,
                                         GArray          *neighbours,
                                         GArray          *picks,
                                         GArray          *popular,
                                         guint            n_users,
                                         GError         **error);
gboolean   fanfare_discovery_store_has_run (FanfareDatabase *db,
                                            const char      *day,
                                            gboolean        *done,
                                            GError         **error);
GPtrArray *fanfare_discovery_store_list_daily_picks (FanfareDatabase     *db,
                                                     const FanfareViewer *viewer,
                                                     FanfareFormLookup    lookup,
                                                     gpointer             user_data,
                                                     char               **day,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *fanfare_discovery_store_next_radio (FanfareDatabase     *db,
                                               const FanfareViewer *viewer,
                                               guint                limit,
                                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   fanfare_discovery_store_add_feedback (FanfareDatabase     *db,
                                                 const FanfareViewer *viewer,
                                                 gint64               track_id,
                                                 gboolean             liked,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfarePick, fanfare_pick_free)

G_END_DECLS
