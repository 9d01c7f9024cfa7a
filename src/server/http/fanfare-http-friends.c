/* fanfare-http-friends.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Friends page: the activity of the people the caller follows, who
 * of them is listening now, and finding people from contacts or nearby. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-friend-finder.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-http-social.h"
#include "fanfare-json.h"
#include "fanfare-social-store.h"
#include "fanfare-track.h"

/* A play this recent is listening now. */
#define LISTENING_NOW_SECONDS (15 * 60)

static const char * const feed_kinds[] = {
  [FANFARE_FEED_PLAYLIST] = "playlist",
  [FANFARE_FEED_PLAYLIST_FOLLOW] = "playlist_follow",
};

/* One item of the feed, or NULL when what it names went away meanwhile. */
static JsonNode *
feed_item_to_json (FanfareRequest        *request,
                   const FanfareFeedItem *item,
                   GError               **error)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, feed_kinds[item->kind]);
  if (!fanfare_http_add_user (builder, "user", db, item->user_id, error) ||
      !fanfare_http_add_playlist (builder, db, fanfare_request_get_viewer (request), item->object_id, error))
    return NULL;
  fanfare_http_add_time (builder, "created_at", item->created_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
get_feed (FanfareRequest *request)
{
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_auto(FanfareListPosition) next = { NULL, 0 };
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  guint limit;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      !fanfare_http_get_position (request, &after, &error) ||
      (items = fanfare_social_store_list_feed (fanfare_request_get_database (request),
                                               fanfare_request_get_viewer (request)->user_id, &after, limit,
                                               &next, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    if (!fanfare_http_collect_node (nodes, feed_item_to_json (request, &g_array_index (items, FanfareFeedItem, i),
                                                              &error), &error))
      {
        fanfare_request_fail (request, error);
        return;
      }

  if (next.key != NULL)
    cursor = fanfare_http_cursor_encode (next.key, next.id);
  fanfare_http_respond_nodes (request, nodes, cursor);
}

static void
get_listening_now (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) plays = NULL;
  g_autoptr(GError) error = NULL;

  plays = fanfare_social_store_list_listening (db, viewer->user_id,
                                               g_get_real_time () / G_USEC_PER_SEC - LISTENING_NOW_SECONDS, &error);
  if (plays == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plays->len; i++)
    {
      const FanfareListening *play = &g_array_index (plays, FanfareListening, i);
      g_autoptr(FanfareTrack) track = fanfare_catalog_store_get_track (db, viewer, play->track_id, NULL);

      if (track == NULL)
        continue;

      json_builder_begin_object (builder);
      if (!fanfare_http_add_user (builder, "user", db, play->user_id, &error))
        {
          fanfare_request_fail (request, error);
          return;
        }
      fanfare_http_add_object (builder, "track", track);
      fanfare_http_add_time (builder, "played_at", play->played_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
get_contact_key (FanfareRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *id = NULL;
  gint64 key_id;

  key_id = fanfare_social_store_get_contact_key (fanfare_request_get_database (request),
                                                 FANFARE_CONTACT_KEY_LIFETIME, &secret, &error);
  if (key_id == 0)
    {
      fanfare_request_fail (request, error);
      return;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, key_id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key_id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, secret);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static gboolean
read_hashes (JsonObject *body,
             GStrv      *hashes,
             GError    **error)
{
  if (!fanfare_json_read_strv (body, "hashes", TRUE, hashes, error))
    return FALSE;

  if (g_strv_length (*hashes) > FANFARE_CONTACT_MAX_HASHES)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “hashes” holds at most %d hashes", FANFARE_CONTACT_MAX_HASHES);
      return FALSE;
    }

  for (guint i = 0; (*hashes)[i] != NULL; i++)
    if (!fanfare_friend_finder_is_hash ((*hashes)[i]))
      {
        g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                             "The field “hashes” must hold HMAC-SHA256 hashes in lower-case hexadecimal");
        return FALSE;
      }

  return TRUE;
}

static void
match_contacts (FanfareRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_auto(GStrv) hashes = NULL;
  g_autoptr(GArray) users = NULL;
  g_autoptr(GError) error = NULL;
  gint64 key_id;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_http_read_id (body, "key_id", &key_id, &error) ||
      !read_hashes (body, &hashes, &error) ||
      (users = fanfare_friend_finder_match_contacts (fanfare_request_get_database (request),
                                                     fanfare_request_get_viewer (request)->user_id, key_id,
                                                     (const char * const *) hashes, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_users (request, users, NULL);
}

static void
share_cell (FanfareRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GArray) users = NULL;
  g_autoptr(GError) error = NULL;
  const char *cell = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "cell", TRUE, &cell, &error) ||
      (users = fanfare_friend_finder_share_cell (fanfare_request_get_database (request),
                                                 fanfare_request_get_viewer (request)->user_id, cell,
                                                 &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_users (request, users, NULL);
}

static void
list_nearby (FanfareRequest *request)
{
  g_autoptr(GArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users = fanfare_friend_finder_list_nearby (fanfare_request_get_database (request),
                                             fanfare_request_get_viewer (request)->user_id, &error);
  if (users == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_users (request, users, NULL);
}

static void
stop_sharing_cell (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_social_store_clear_cell (fanfare_request_get_database (request),
                                        fanfare_request_get_viewer (request)->user_id, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

const FanfareRoute fanfare_http_friends_routes[] = {
  { "GET", "/api/v1/me/feed", FANFARE_ACCESS_USER, 0, get_feed },
  { "GET", "/api/v1/me/listening-now", FANFARE_ACCESS_USER, 0, get_listening_now },
  { "GET", "/api/v1/contacts/key", FANFARE_ACCESS_USER, 0, get_contact_key },
  { "POST", "/api/v1/contacts/matches", FANFARE_ACCESS_USER, 0, match_contacts },
  { "GET", "/api/v1/me/nearby", FANFARE_ACCESS_USER, 0, list_nearby },
  { "PUT", "/api/v1/me/nearby", FANFARE_ACCESS_USER, 0, share_cell },
  { "DELETE", "/api/v1/me/nearby", FANFARE_ACCESS_USER, 0, stop_sharing_cell },
  { NULL },
};
