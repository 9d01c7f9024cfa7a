/* fanfare-http-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading playlists. A private playlist is not found by anyone but its
 * owner and collaborators: the answer is the same 404 as for an id never
 * used. */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-error.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-http-social.h"
#include "fanfare-playlist.h"
#include "fanfare-playlist-store.h"
#include "fanfare-request.h"

static void
get_playlist (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (!fanfare_http_add_playlist (builder, db, viewer, playlist_id, &error) ||
      (tracks = fanfare_playlist_store_list_tracks (db, viewer, playlist_id, &error)) == NULL ||
      (entries = fanfare_playlist_store_list_entries (db, viewer, playlist_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_add_array (builder, "tracks", tracks);
  fanfare_http_add_entries (builder, "entries", entries);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

/* A cursor of one playlist's entries is no cursor of another's. */
static gboolean
cursor_of_playlist (const FanfareListPosition *after,
                    gint64                     playlist_id,
                    GError                   **error)
{
  if (after->key == NULL || after->id == playlist_id)
    return TRUE;

  g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                       "The field “cursor” is not a cursor of this playlist");
  return FALSE;
}

/* Where a page starts when the client names it by the entries before it,
 * as a list showing the whole playlist does; not with a cursor. */
static gboolean
get_offset (FanfareRequest            *request,
            const FanfareListPosition *after,
            guint                     *offset,
            GError                   **error)
{
  const char *value = fanfare_request_get_query (request, "offset");
  guint64 number = 0;

  *offset = 0;
  if (value == NULL)
    return TRUE;
  if (after->key != NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &number, NULL))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “offset” must be a whole number of 0 or more, without a cursor");
      return FALSE;
    }
  *offset = number;

  return TRUE;
}

/* A page of a playlist's entries, with the playlist as it is now, so that
 * each page also tells how many entries there are in all. */
static void
list_entries (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_auto(FanfareListPosition) next = { NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *cursor = NULL;
  guint offset;
  guint limit;

  json_builder_begin_object (builder);
  if (!fanfare_request_get_limit (request, &limit, &error) || !fanfare_http_get_position (request, &after, &error) ||
      !cursor_of_playlist (&after, playlist_id, &error) || !get_offset (request, &after, &offset, &error) ||
      (entries = fanfare_playlist_store_list_entries_page (db, viewer, playlist_id, &after, offset, limit, &next,
                                                           &error)) == NULL ||
      !fanfare_http_add_playlist (builder, db, viewer, playlist_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (next.key != NULL)
    cursor = fanfare_http_cursor_encode (next.key, next.id);
  fanfare_http_add_entries (builder, "items", entries);
  fanfare_http_add_cursor (builder, cursor);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
list_user_playlists (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playlists = NULL;
  gint64 owner_id;

  if ((owner_id = fanfare_http_social_path_user (request)) == 0)
    return;

  if ((playlists = fanfare_playlist_store_list_for_user (db, fanfare_request_get_viewer (request), owner_id,
                                                         &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_items (request, playlists, NULL);
}

const FanfareRoute fanfare_http_playlist_routes[] = {
  { "GET", "/api/v1/playlists/{id}", FANFARE_ACCESS_ANYONE, 0, get_playlist },
  { "GET", "/api/v1/playlists/{id}/entries", FANFARE_ACCESS_ANYONE, 0, list_entries },
  { "GET", "/api/v1/users/{username}/playlists", FANFARE_ACCESS_ANYONE, 0, list_user_playlists },
  { NULL },
};
