/* fanfare-http-catalog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Browsing the catalog: artists, albums and tracks. Anyone may browse;
 * what is not published is found only by its artist and by admins. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-catalog-store.h"
#include "fanfare-http-json.h"
#include "fanfare-request.h"
#include "fanfare-track.h"

typedef GPtrArray *(*ListPageFunc) (FanfareDatabase           *db,
                                    const FanfareListPosition *after,
                                    guint                      limit,
                                    FanfareListPosition       *last,
                                    GError                   **error);

static void
respond_list_page (FanfareRequest *request,
                   ListPageFunc    list_page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  FanfareListPosition after = { NULL, 0 };
  FanfareListPosition next = { NULL, 0 };
  guint limit;

  if (fanfare_request_get_limit (request, &limit, &error) &&
      fanfare_http_get_position (request, &after, &error))
    objects = list_page (fanfare_request_get_database (request), &after, limit, &next, &error);

  if (objects == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_page (request, objects, &next);

  fanfare_list_position_clear (&after);
  fanfare_list_position_clear (&next);
}

static void
list_artists (FanfareRequest *request)
{
  respond_list_page (request, fanfare_catalog_store_list_artists);
}

static void
list_albums (FanfareRequest *request)
{
  respond_list_page (request, fanfare_catalog_store_list_albums);
}

static void
get_artist (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareArtist) artist = NULL;

  artist = fanfare_catalog_store_get_artist (fanfare_request_get_database (request),
                                             fanfare_request_get_id (request, "id"), &error);
  if (artist == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_object (request, 200, "artist", artist);
}

static void
list_artist_albums (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) albums = NULL;

  albums = fanfare_catalog_store_list_artist_albums (fanfare_request_get_database (request),
                                                     fanfare_request_get_viewer (request),
                                                     fanfare_request_get_id (request, "id"), &error);
  if (albums == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_items (request, albums, NULL);
}

static void
get_album (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 album_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GPtrArray) tracks = NULL;

  if ((album = fanfare_catalog_store_get_album (db, viewer, album_id, &error)) == NULL ||
      (tracks = fanfare_catalog_store_list_album_tracks (db, viewer, album_id, &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_with_list (request, "album", album, "tracks", tracks);
}

static void
get_track (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 track_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GPtrArray) chapters = NULL;

  if ((track = fanfare_catalog_store_get_track (db, fanfare_request_get_viewer (request), track_id, &error)) == NULL ||
      (chapters = fanfare_catalog_store_list_chapters (db, track_id, &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_with_list (request, "track", track, "chapters", chapters);
}

const FanfareRoute fanfare_http_catalog_routes[] = {
  { "GET", "/api/v1/artists", FANFARE_ACCESS_ANYONE, 0, list_artists, TRUE },
  { "GET", "/api/v1/artists/{id}", FANFARE_ACCESS_ANYONE, 0, get_artist, TRUE },
  { "GET", "/api/v1/artists/{id}/albums", FANFARE_ACCESS_ANYONE, 0, list_artist_albums, TRUE },
  { "GET", "/api/v1/albums", FANFARE_ACCESS_ANYONE, 0, list_albums, TRUE },
  { "GET", "/api/v1/albums/{id}", FANFARE_ACCESS_ANYONE, 0, get_album, TRUE },
  { "GET", "/api/v1/tracks/{id}", FANFARE_ACCESS_ANYONE, 0, get_track, TRUE },
  { NULL },
};
