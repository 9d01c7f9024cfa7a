/* fanfare-database-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fanfare-catalog-store.h"
#include "fanfare-common-types.h"
#include "fanfare-database.h"

G_BEGIN_DECLS

/* What the store's files share: connections taken from the database's pool
 * for the length of one operation, and statements prepared once per
 * connection. A g_autoptr(FanfareConnection) goes back to the pool, rolling
 * back whatever transaction it left open; a g_autoptr(FanfareStatement) is
 * reset, so that no read stays open on the database after its scope. */

typedef struct _FanfareConnection FanfareConnection;
typedef sqlite3_stmt FanfareStatement;

FanfareConnection *_fanfare_database_acquire (FanfareDatabase *self,
                                              GError         **error);

typedef gboolean (*FanfareWriteFunc) (FanfareConnection *conn,
                                      gpointer           data,
                                      GError           **error);
gboolean           _fanfare_database_write_grouped (FanfareDatabase  *self,
                                                    FanfareWriteFunc  func,
                                                    gpointer          data,
                                                    GError          **error);
void               _fanfare_connection_release (FanfareConnection *conn);
sqlite3           *_fanfare_connection_get_handle (FanfareConnection *conn);
FanfareStatement  *_fanfare_connection_prepare (FanfareConnection *conn,
                                                const char        *sql,
                                                GError           **error);
gboolean           _fanfare_connection_exec (FanfareConnection *conn,
                                             const char        *sql,
                                             GError           **error);
gboolean           _fanfare_connection_begin (FanfareConnection *conn,
                                              GError           **error);
gboolean           _fanfare_connection_commit (FanfareConnection *conn,
                                               GError           **error);
gboolean           _fanfare_connection_error (FanfareConnection *conn,
                                              GError           **error);
gint64             _fanfare_connection_last_insert_id (FanfareConnection *conn);
int                _fanfare_connection_changes (FanfareConnection *conn);

gboolean           _fanfare_statement_error (FanfareStatement *stmt,
                                             GError          **error);
GArray            *_fanfare_statement_collect_ids (FanfareStatement *stmt,
                                                   GError          **error);
void               _fanfare_statement_bind_ids (FanfareStatement *stmt,
                                                int               index,
                                                GArray           *ids);
gboolean           _fanfare_statement_step_row (FanfareStatement *stmt,
                                                const char       *not_found,
                                                GError          **error);
gboolean           _fanfare_statement_run (FanfareStatement *stmt,
                                           GError          **error);
void               _fanfare_statement_bind_text (FanfareStatement *stmt,
                                                 int               index,
                                                 const char       *text);
char              *_fanfare_statement_dup_text (FanfareStatement *stmt,
                                                int               column) G_GNUC_WARN_UNUSED_RESULT;
const char        *_fanfare_statement_get_text (FanfareStatement *stmt,
                                                int               column);
char              *_fanfare_statement_dup_id (FanfareStatement *stmt,
                                              int               column) G_GNUC_WARN_UNUSED_RESULT;
GDateTime         *_fanfare_statement_get_date_time (FanfareStatement *stmt,
                                                     int               column) G_GNUC_WARN_UNUSED_RESULT;
void               _fanfare_statement_reset (FanfareStatement *stmt);

/* Where the API serves what the store names: URLs under the public URL
 * set with fanfare_database_set_public_url(). */
char              *_fanfare_connection_make_uri (FanfareConnection *conn,
                                                 const char        *path,
                                                 const char        *id,
                                                 const char        *suffix) G_GNUC_WARN_UNUSED_RESULT;
char              *_fanfare_connection_image_uri (FanfareConnection *conn,
                                                  const char        *image_id) G_GNUC_WARN_UNUSED_RESULT;
GBytes            *_fanfare_connection_row_key (FanfareConnection *conn,
                                                FanfareStatement  *stmt,
                                                char               tag,
                                                int                first,
                                                int                n_columns) G_GNUC_WARN_UNUSED_RESULT;
gint64             _fanfare_now (void);

/* Shared between the store's files, inside their transactions. */
typedef enum {
  FANFARE_SEARCH_KIND_ARTIST = 1,
  FANFARE_SEARCH_KIND_ALBUM = 2,
  FANFARE_SEARCH_KIND_TRACK = 3,
  FANFARE_SEARCH_KIND_PLAYLIST = 4,
  FANFARE_SEARCH_KIND_USER = 5,
} FanfareSearchKind;

gboolean           _fanfare_search_store_reindex (FanfareConnection *conn,
                                                  FanfareSearchKind  kind,
                                                  gint64             id,
                                                  GError           **error);
gboolean           _fanfare_search_store_reindex_user (FanfareConnection *conn,
                                                       gint64             user_id,
                                                       GError           **error);
gboolean           _fanfare_search_store_reindex_artist (FanfareConnection *conn,
                                                         gint64             artist_id,
                                                         GError           **error);
gboolean           _fanfare_search_store_reindex_album (FanfareConnection *conn,
                                                        gint64             album_id,
                                                        GError           **error);
gint64             _fanfare_catalog_store_insert_track (FanfareConnection       *conn,
                                                        gint64                   album_id,
                                                        gint64                   artist_id,
                                                        const FanfareTrackDraft *track,
                                                        gint64                   now,
                                                        GError                 **error);
gboolean           _fanfare_catalog_store_insert_chapters (FanfareConnection       *conn,
                                                           gint64                   track_id,
                                                           const FanfareTrackDraft *track,
                                                           GError                 **error);
FanfareArtist     *_fanfare_catalog_store_fetch_artist (FanfareConnection *conn,
                                                        gint64             artist_id,
                                                        GError           **error) G_GNUC_WARN_UNUSED_RESULT;
FanfareAlbum      *_fanfare_catalog_store_fetch_album (FanfareConnection   *conn,
                                                       const FanfareViewer *viewer,
                                                       gint64               album_id,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* The columns of a track as the catalog reads it, from _FANFARE_TRACK_JOINS,
 * and whether the viewer (?8, and ?9 for an admin) may see it. */
#define _FANFARE_TRACK_FIELDS \
  "t.id, t.title, t.kind, t.disc_number, t.track_number," \
  " coalesce (t.genre, al.genre), t.duration_ms, t.replaygain_gain, t.replaygain_peak," \
  " al.id, al.title, al.release_date, al.cover_id, ar.id, ar.name"
#define _FANFARE_TRACK_N_FIELDS 15
#define _FANFARE_TRACK_JOINS \
  "tracks t JOIN albums al ON al.id = t.album_id JOIN artists ar ON ar.id = t.artist_id"
#define _FANFARE_TRACK_VISIBLE "(al.published = 1 OR ar.user_id = ?8 OR ?9 = 1)"

FanfareTrack      *_fanfare_catalog_store_track_from_row (FanfareConnection *conn,
                                                          FanfareStatement  *stmt) G_GNUC_WARN_UNUSED_RESULT;
FanfareTrack      *_fanfare_catalog_store_fetch_track (FanfareConnection   *conn,
                                                       const FanfareViewer *viewer,
                                                       gint64               track_id,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GHashTable        *_fanfare_catalog_store_fetch_tracks (FanfareConnection   *conn,
                                                        const FanfareViewer *viewer,
                                                        const gint64        *ids,
                                                        guint                n_ids,
                                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           _fanfare_catalog_store_find_track (FanfareConnection   *conn,
                                                      const FanfareViewer *viewer,
                                                      gint64               track_id,
                                                      FanfareTrack       **track,
                                                      GError             **error);
FanfareUser       *_fanfare_account_store_fetch_user (FanfareConnection *conn,
                                                      gint64             user_id,
                                                      gboolean           with_email,
                                                      GError           **error) G_GNUC_WARN_UNUSED_RESULT;
FanfarePlaylist   *_fanfare_playlist_store_fetch (FanfareConnection   *conn,
                                                  const FanfareViewer *viewer,
                                                  gint64               playlist_id,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gint64             _fanfare_catalog_store_ensure_artist (FanfareConnection *conn,
                                                         gint64             user_id,
                                                         GError           **error);

typedef struct _FanfareMediaStore FanfareMediaStore;
FanfareDatabase   *_fanfare_media_store_dup_database (FanfareMediaStore *self) G_GNUC_WARN_UNUSED_RESULT;

/* Migrations, in fanfare-schema.c. */
guint              _fanfare_schema_get_n_versions (void);
const char        *_fanfare_schema_get_version (guint  version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareConnection, _fanfare_connection_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareStatement, _fanfare_statement_reset)

G_END_DECLS
