/* fanfare-catalog-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* What ingest hands the store: one album and its tracks, written in one
 * transaction. */
typedef struct {
  gint64      start_ms;
  const char *title;
  const char *artist;
} FanfareChapterDraft;

typedef struct {
  const char                *title;
  FanfareTrackKind           kind;
  guint                      disc_number;
  guint                      track_number;
  const char                *genre;
  gint64                     duration_ms;
  double                     replaygain_gain;
  double                     replaygain_peak;
  const char                *media_hash;     /* what listeners stream */
  const char                *original_hash;  /* the file as it arrived, or NULL */
  const char                *waveform;       /* JSON array of peaks, or NULL */
  const FanfareChapterDraft *chapters;
  guint                      n_chapters;
} FanfareTrackDraft;

typedef struct {
  gint64      artist_id;
  const char *title;
  const char *genre;
  const char *release_date;  /* YYYY-MM-DD */
  const char *cover_id;
  gboolean    published;
} FanfareAlbumDraft;

/* Where a list resumes: after the row with this key and id. */
typedef struct {
  char  *key;
  gint64 id;
} FanfareListPosition;

gint64         fanfare_catalog_store_add_album (FanfareDatabase         *db,
                                                const FanfareAlbumDraft *album,
                                                const FanfareTrackDraft *tracks,
                                                guint                    n_tracks,
                                                GError                 **error);
GArray        *fanfare_catalog_store_list_album_track_ids (FanfareDatabase *db,
                                                           gint64           album_id,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       fanfare_catalog_store_set_album_published (FanfareDatabase *db,
                                                          gint64           album_id,
                                                          gboolean         published,
                                                          GError         **error);
gint64         fanfare_catalog_store_get_artist_for_user (FanfareDatabase *db,
                                                          gint64           user_id,
                                                          GError         **error);
gboolean       fanfare_catalog_store_update_artist (FanfareDatabase *db,
                                                    gint64           artist_id,
                                                    const char      *name,
                                                    const char      *bio,
                                                    const char      *image_id,
                                                    GError         **error);

GPtrArray     *fanfare_catalog_store_list_albums (FanfareDatabase           *db,
                                                  const FanfareListPosition *after,
                                                  guint                      limit,
                                                  FanfareListPosition       *last,
                                                  GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *fanfare_catalog_store_list_artists (FanfareDatabase           *db,
                                                   const FanfareListPosition *after,
                                                   guint                      limit,
                                                   FanfareListPosition       *last,
                                                   GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *fanfare_catalog_store_list_artist_albums (FanfareDatabase     *db,
                                                         const FanfareViewer *viewer,
                                                         gint64               artist_id,
                                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareArtist *fanfare_catalog_store_get_artist (FanfareDatabase *db,
                                                 gint64           artist_id,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareAlbum  *fanfare_catalog_store_get_album (FanfareDatabase     *db,
                                                const FanfareViewer *viewer,
                                                gint64               album_id,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *fanfare_catalog_store_list_album_tracks (FanfareDatabase     *db,
                                                        const FanfareViewer *viewer,
                                                        gint64               album_id,
                                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack  *fanfare_catalog_store_get_track (FanfareDatabase     *db,
                                                const FanfareViewer *viewer,
                                                gint64               track_id,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *fanfare_catalog_store_list_chapters (FanfareDatabase *db,
                                                    gint64           track_id,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
char          *fanfare_catalog_store_get_track_media (FanfareDatabase     *db,
                                                      const FanfareViewer *viewer,
                                                      gint64               track_id,
                                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;

void           fanfare_list_position_clear (FanfareListPosition *position);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FanfareListPosition, fanfare_list_position_clear)

G_END_DECLS
