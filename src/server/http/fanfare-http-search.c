/* fanfare-http-search.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One search box for the whole platform: artists, albums, tracks, public
 * playlists and users, best match first, each result tagged with its
 * type. An empty query is a valid one that finds nothing. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-error.h"
#include "fanfare-http-json.h"
#include "fanfare-http-social.h"
#include "fanfare-playlist.h"
#include "fanfare-request.h"
#include "fanfare-search-store.h"
#include "fanfare-social-store.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

/* Paging stops here: nobody reads that far, and deep offsets cost. */
#define MAX_OFFSET 1000

static const char * const type_names[] = {
  [FANFARE_SEARCH_TYPE_ALL] = "all",
  [FANFARE_SEARCH_TYPE_ARTIST] = "artist",
  [FANFARE_SEARCH_TYPE_ALBUM] = "album",
  [FANFARE_SEARCH_TYPE_TRACK] = "track",
  [FANFARE_SEARCH_TYPE_PLAYLIST] = "playlist",
  [FANFARE_SEARCH_TYPE_USER] = "user",
};

static const char *
type_of (GObject *object)
{
  if (FANFARE_IS_ARTIST (object))
    return type_names[FANFARE_SEARCH_TYPE_ARTIST];
  if (FANFARE_IS_ALBUM (object))
    return type_names[FANFARE_SEARCH_TYPE_ALBUM];
  if (FANFARE_IS_TRACK (object))
    return type_names[FANFARE_SEARCH_TYPE_TRACK];
  if (FANFARE_IS_PLAYLIST (object))
    return type_names[FANFARE_SEARCH_TYPE_PLAYLIST];

  g_assert (FANFARE_IS_USER (object));

  return type_names[FANFARE_SEARCH_TYPE_USER];
}

static gboolean
read_query (FanfareRequest    *request,
            const char       **query,
            FanfareSearchType *type,
            guint             *offset,
            GError           **error)
{
  const char *type_name = fanfare_request_get_query (request, "type");
  const char *cursor = fanfare_request_get_query (request, "cursor");

  *query = fanfare_request_get_query (request, "q");
  if (*query == NULL)
    *query = "";
  if (!g_utf8_validate (*query, -1, NULL) || g_utf8_strlen (*query, -1) > FANFARE_SEARCH_MAX_QUERY_LENGTH)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “q” must be text of at most %u characters", FANFARE_SEARCH_MAX_QUERY_LENGTH);
      return FALSE;
    }

  *type = FANFARE_SEARCH_TYPE_ALL;
  if (type_name != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (type_names); i++)
        if (g_str_equal (type_name, type_names[i]))
          break;

      if (i == G_N_ELEMENTS (type_names))
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                               "The field “type” must be all, artist, album, track, playlist or user");
          return FALSE;
        }
      *type = i;
    }

  *offset = 0;
  if (cursor != NULL)
    {
      g_autofree char *key = NULL;
      gint64 position = 0;

      if (!fanfare_http_cursor_decode (cursor, &key, &position, error))
        return FALSE;
      if (!g_str_equal (key, "search") || position > MAX_OFFSET)
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                               "The field “cursor” is not a cursor from this search");
          return FALSE;
        }
      *offset = position;
    }

  return TRUE;
}

/* Runs the request's search, of @type when it is not
 * %FANFARE_SEARCH_TYPE_ALL (else of the type it names); fails the request
 * and answers %NULL on a bad query. */
static GPtrArray *
run_search (FanfareRequest    *request,
            FanfareSearchType  type,
            char             **next_cursor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  FanfareSearchType named;
  const char *query;
  gboolean more = FALSE;
  guint offset, limit;

  if (!read_query (request, &query, &named, &offset, &error) ||
      !fanfare_request_get_limit (request, &limit, &error) ||
      (results = fanfare_search_store_search (fanfare_request_get_database (request),
                                              fanfare_request_get_viewer (request), query,
                                              type != FANFARE_SEARCH_TYPE_ALL ? type : named, offset, limit,
                                              &more, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return NULL;
    }

  *next_cursor = more && offset + limit <= MAX_OFFSET ? fanfare_http_cursor_encode ("search", offset + limit) : NULL;

  return g_steal_pointer (&results);
}

static void
search (FanfareRequest *request)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *next_cursor = NULL;

  if ((results = run_search (request, FANFARE_SEARCH_TYPE_ALL, &next_cursor)) == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      GObject *object = g_ptr_array_index (results, i);
      const char *type_name = type_of (object);

      /* Someone who blocked the caller is not found by them. */
      if (FANFARE_IS_USER (object) &&
          !fanfare_http_social_can_see (request, g_ascii_strtoll (fanfare_user_get_id (FANFARE_USER (object)), NULL, 10),
                                        NULL))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, type_name);
      fanfare_http_add_object (builder, type_name, object);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, next_cursor);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

/* Finding people by username or display name: users only, and nobody in
 * a block with the caller either way. */
static void
search_people (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *next_cursor = NULL;

  if ((results = run_search (request, FANFARE_SEARCH_TYPE_USER, &next_cursor)) == NULL)
    return;

  for (guint i = 0; i < results->len; i++)
    {
      FanfareUser *user = g_ptr_array_index (results, i);
      FanfareRelation relation = { 0, };

      if (!fanfare_social_store_get_relation (db, viewer->user_id,
                                              g_ascii_strtoll (fanfare_user_get_id (user), NULL, 10), &relation,
                                              &error))
        {
          fanfare_request_fail (request, error);
          return;
        }
      if (!relation.blocking && !relation.blocked_by)
        g_ptr_array_add (people, g_object_ref (user));
    }

  fanfare_http_respond_items (request, people, next_cursor);
}

const FanfareRoute fanfare_http_search_routes[] = {
  { "GET", "/api/v1/search", FANFARE_ACCESS_ANYONE, 0, search },
  { "GET", "/api/v1/users", FANFARE_ACCESS_USER, 0, search_people },
  { NULL },
};
