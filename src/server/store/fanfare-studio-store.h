/* fanfare-studio-store.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-catalog-store.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* A listener's request to become an artist. */
typedef struct {
  gint64 user_id;
  char  *username;
  char  *name;
  char  *message;
  char  *status;      /* pending, approved or rejected */
  gint64 created_at;
} FanfareArtistRequest;

/* What an album says in the studio, beside its catalog form. */
typedef struct {
  gint64   album_id;
  gint64   artist_id;
  char    *description;
  gint64   price_cents;   /* -1: free streaming */
  char    *currency;
  gboolean published;
  gint64   publish_at;    /* 0: not scheduled */
  gint64   published_at;
} FanfareStudioAlbum;

/* An edit of an album: NULL keeps a field, "" clears a text field. */
typedef struct {
  const char *title;
  const char *genre;
  const char *release_date;
  const char *description;
  const char *cover_id;
  gboolean    set_price;
  gint64      price_cents;  /* -1: free streaming */
  const char *currency;
} FanfareAlbumEdit;

/* An edit of a track: NULL or 0 keeps a field. */
typedef struct {
  const char      *title;
  guint            track_number;
  guint            disc_number;
  gboolean         set_kind;
  FanfareTrackKind kind;
} FanfareTrackEdit;

typedef enum {
  FANFARE_UPLOAD_RECEIVING,
  FANFARE_UPLOAD_INGESTING,
  FANFARE_UPLOAD_READY,
  FANFARE_UPLOAD_FAILED,
} FanfareUploadState;

typedef struct {
  char              *id;
  gint64             album_id;
  gint64             artist_id;
  char              *filename;
  gint64             size;
  char              *sha256;
  gint64             received;
  FanfareUploadState state;
  char              *error;
  gint64             track_id;
} FanfareUpload;

typedef struct {
  gint64 day;        /* seconds since the epoch of its midnight (UTC) */
  guint  plays;
  guint  listeners;
  guint  followers;  /* at the end of the day */
  guint  sales;
  gint64 revenue_cents;  /* the artist's earnings that day, in the analytics' currency */
} FanfareDayPlays;

typedef struct {
  gint64 track_id;
  char  *title;
  guint  plays;
} FanfareTrackPlays;

typedef struct {
  GArray    *days;             /* FanfareDayPlays, every day of the period */
  GPtrArray *top_tracks;       /* FanfareTrackPlays */
  guint      plays;
  guint      listeners;
  guint      followers;
  guint      fan_club_members;
  guint      sales;
  gint64     revenue_cents;
  char      *currency;         /* of the earnings; NULL before the first sale */
} FanfareAnalytics;

/* Artists */
gboolean            fanfare_studio_store_add_artist_request (FanfareDatabase *db,
                                                             gint64           user_id,
                                                             const char      *name,
                                                             const char      *message,
                                                             GError         **error);
FanfareArtistRequest *fanfare_studio_store_get_artist_request (FanfareDatabase *db,
                                                               gint64           user_id,
                                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray          *fanfare_studio_store_list_artist_requests (FanfareDatabase *db,
                                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean            fanfare_studio_store_decide_artist_request (FanfareDatabase *db,
                                                                gint64           user_id,
                                                                gboolean         approved,
                                                                GError         **error);
void                fanfare_artist_request_free (FanfareArtistRequest *request);
gboolean            fanfare_studio_store_set_artist_links (FanfareDatabase    *db,
                                                           gint64              artist_id,
                                                           const char * const *links,
                                                           GError            **error);
GStrv               fanfare_studio_store_get_artist_links (FanfareDatabase *db,
                                                           gint64           artist_id,
                                                           GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Albums and tracks */
gboolean            fanfare_studio_store_check_album (FanfareDatabase *db,
                                                      gint64           artist_id,
                                                      gint64           album_id,
                                                      GError         **error);
gint64              fanfare_studio_store_check_track (FanfareDatabase *db,
                                                      gint64           artist_id,
                                                      gint64           track_id,
                                                      GError         **error);
gint64              fanfare_studio_store_create_album (FanfareDatabase        *db,
                                                       gint64                  artist_id,
                                                       const FanfareAlbumEdit *album,
                                                       GError                **error);
gboolean            fanfare_studio_store_edit_album (FanfareDatabase        *db,
                                                     gint64                  album_id,
                                                     const FanfareAlbumEdit *edit,
                                                     GError                **error);
FanfareStudioAlbum *fanfare_studio_store_get_album (FanfareDatabase *db,
                                                    gint64           album_id,
                                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GArray             *fanfare_studio_store_list_album_ids (FanfareDatabase *db,
                                                         gint64           artist_id,
                                                         GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void                fanfare_studio_album_free (FanfareStudioAlbum *album);
gboolean            fanfare_studio_store_publish (FanfareDatabase *db,
                                                  gint64           album_id,
                                                  gint64           at,
                                                  GError         **error);
gboolean            fanfare_studio_store_unpublish (FanfareDatabase *db,
                                                    gint64           album_id,
                                                    GError         **error);
guint               fanfare_studio_store_publish_due (FanfareDatabase *db,
                                                      gint64           now,
                                                      GError         **error);
gint64              fanfare_studio_store_add_track (FanfareDatabase         *db,
                                                    gint64                   album_id,
                                                    const char              *upload_id,
                                                    const FanfareTrackDraft *track,
                                                    GError                 **error);
gboolean            fanfare_studio_store_edit_track (FanfareDatabase        *db,
                                                     gint64                  track_id,
                                                     const FanfareTrackEdit *edit,
                                                     GError                **error);
gboolean            fanfare_studio_store_set_chapters (FanfareDatabase           *db,
                                                       gint64                     track_id,
                                                       const FanfareChapterDraft *chapters,
                                                       guint                      n_chapters,
                                                       GError                   **error);
gboolean            fanfare_studio_store_delete_track (FanfareDatabase *db,
                                                       gint64           track_id,
                                                       GError         **error);
gboolean            fanfare_studio_store_reorder (FanfareDatabase *db,
                                                  gint64           album_id,
                                                  GArray          *track_ids,
                                                  GError         **error);
char               *fanfare_studio_store_get_waveform (FanfareDatabase *db,
                                                       gint64           track_id,
                                                       GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Uploads */
gboolean            fanfare_studio_store_add_upload (FanfareDatabase     *db,
                                                     const FanfareUpload *upload,
                                                     GError             **error);
FanfareUpload      *fanfare_studio_store_get_upload (FanfareDatabase *db,
                                                     const char      *upload_id,
                                                     GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray          *fanfare_studio_store_list_uploads (FanfareDatabase *db,
                                                       gint64           album_id,
                                                       GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean            fanfare_studio_store_set_upload_received (FanfareDatabase *db,
                                                              const char      *upload_id,
                                                              gint64           received,
                                                              GError         **error);
gboolean            fanfare_studio_store_set_upload_state (FanfareDatabase    *db,
                                                           const char         *upload_id,
                                                           FanfareUploadState  state,
                                                           const char         *message,
                                                           gint64              track_id,
                                                           GError            **error);
GPtrArray          *fanfare_studio_store_list_ingesting_uploads (FanfareDatabase *db,
                                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv               fanfare_studio_store_take_stale_uploads (FanfareDatabase *db,
                                                             gint64           before,
                                                             GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void                fanfare_upload_free (FanfareUpload *upload);
const char         *fanfare_upload_state_to_string (FanfareUploadState  state);

/* Analytics */
FanfareAnalytics   *fanfare_studio_store_get_analytics (FanfareDatabase *db,
                                                        gint64           artist_id,
                                                        guint            days,
                                                        GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void                fanfare_analytics_free (FanfareAnalytics *analytics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareArtistRequest, fanfare_artist_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareStudioAlbum, fanfare_studio_album_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareUpload, fanfare_upload_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareAnalytics, fanfare_analytics_free)

G_END_DECLS
