/* fanfare-http-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People: following, blocking, profiles and what each user shares. A
 * user who blocked the caller does not exist for them: every path that
 * names that user answers 404, as for a name never taken. */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-contacts.h"
#include "fanfare-http-json.h"
#include "fanfare-http-social.h"
#include "fanfare-json.h"
#include "fanfare-playlist-store.h"
#include "fanfare-social-store.h"
#include "fanfare-user.h"

#define MAX_RECENT_TRACKS 10

/**
 * fanfare_http_social_can_see:
 *
 * Returns: %FALSE with %FANFARE_ERROR_NOT_FOUND when @user_id blocked the
 *   caller
 */
gboolean
fanfare_http_social_can_see (FanfareRequest *request,
                             gint64          user_id,
                             GError        **error)
{
  FanfareRelation relation;

  if (!fanfare_social_store_get_relation (fanfare_request_get_database (request),
                                          fanfare_request_get_viewer (request)->user_id, user_id, &relation, error))
    return FALSE;

  if (relation.blocked_by)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such user");
      return FALSE;
    }

  return TRUE;
}

/* The user a path's {username} names, or 0 with the request failed. */
gint64
fanfare_http_social_path_user (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 user_id;

  user_id = fanfare_account_store_lookup_user_id (fanfare_request_get_database (request),
                                                  fanfare_request_get_param (request, "username"), &error);
  if (user_id == 0 || !fanfare_http_social_can_see (request, user_id, &error))
    {
      fanfare_request_fail (request, error);
      return 0;
    }

  return user_id;
}

gboolean
fanfare_http_add_user (JsonBuilder     *builder,
                       const char      *member,
                       FanfareDatabase *db,
                       gint64           user_id,
                       GError         **error)
{
  g_autoptr(FanfareUser) user = fanfare_account_store_get_user (db, user_id, FALSE, error);

  if (user == NULL)
    return FALSE;

  fanfare_http_add_object (builder, member, user);

  return TRUE;
}

void
fanfare_http_respond_users (FanfareRequest            *request,
                            GArray                    *user_ids,
                            const FanfareListPosition *next)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  FanfareListPosition none = { NULL, 0 };

  users = fanfare_account_store_get_users (fanfare_request_get_database (request), user_ids, &error);
  if (users == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_page (request, users, next != NULL ? next : &none);
}

/**
 * fanfare_http_collect_node:
 * @node: (transfer full) (nullable): an item of a list, or %NULL with
 *   @error set
 *
 * Keeps @node for a list. An item whose object went away meanwhile
 * (%FANFARE_ERROR_NOT_FOUND) is left out of the list, not failed on.
 *
 * Returns: %FALSE when the list cannot be answered
 */
gboolean
fanfare_http_collect_node (GPtrArray *nodes,
                           JsonNode  *node,
                           GError   **error)
{
  if (node != NULL)
    {
      g_ptr_array_add (nodes, node);
      return TRUE;
    }

  if (g_error_matches (*error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    {
      g_clear_error (error);
      return TRUE;
    }

  return FALSE;
}

/* Answers {"items": [...], "next_cursor": ...} of @nodes. */
void
fanfare_http_respond_nodes (FanfareRequest *request,
                            GPtrArray      *nodes,
                            const char     *next_cursor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < nodes->len; i++)
    json_builder_add_value (builder, json_node_copy (g_ptr_array_index (nodes, i)));
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, next_cursor);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

/* Reads an id sent as a string of digits. */
gboolean
fanfare_http_read_id (JsonObject *object,
                      const char *member,
                      gint64     *id,
                      GError    **error)
{
  const char *text = NULL;

  if (!fanfare_json_read_string (object, member, TRUE, &text, error))
    return FALSE;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “%s” must be an id", member);
      return FALSE;
    }

  return TRUE;
}

static void
add_relation (JsonBuilder           *builder,
              const FanfareRelation *relation)
{
  json_builder_set_member_name (builder, "relation");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "following");
  json_builder_add_boolean_value (builder, relation->following);
  json_builder_set_member_name (builder, "followed_by");
  json_builder_add_boolean_value (builder, relation->followed_by);
  json_builder_set_member_name (builder, "friends");
  json_builder_add_boolean_value (builder, relation->following && relation->followed_by);
  json_builder_set_member_name (builder, "blocking");
  json_builder_add_boolean_value (builder, relation->blocking);
  json_builder_end_object (builder);
}

/* Answers {"user": USER, "relation": RELATION}, and the rest of a
 * profile when @full. */
static void
respond_person (FanfareRequest *request,
                gint64          user_id,
                gboolean        full)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) playlists = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) recent = NULL;
  g_autoptr(GError) error = NULL;
  FanfareRelation relation;

  if (!fanfare_social_store_get_relation (db, viewer->user_id, user_id, &relation, &error) ||
      (full && (playlists = fanfare_playlist_store_list_for_user (db, viewer, user_id, &error)) == NULL) ||
      (full && (recent = fanfare_social_store_list_recent_tracks (db, user_id, MAX_RECENT_TRACKS,
                                                                  &error)) == NULL))
    {
      fanfare_request_fail (request, error);
      return;
    }

  for (guint i = 0; recent != NULL && i < recent->len; i++)
    {
      FanfareTrack *track = fanfare_catalog_store_get_track (db, viewer, g_array_index (recent, gint64, i), NULL);

      if (track != NULL)
        g_ptr_array_add (tracks, track);
    }

  json_builder_begin_object (builder);
  if (!fanfare_http_add_user (builder, "user", db, user_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  add_relation (builder, &relation);
  if (full)
    {
      fanfare_http_add_array (builder, "playlists", playlists);
      fanfare_http_add_array (builder, "recent_tracks", tracks);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
get_profile (FanfareRequest *request)
{
  gint64 user_id = fanfare_http_social_path_user (request);

  if (user_id != 0)
    respond_person (request, user_id, TRUE);
}

static void
set_following (FanfareRequest *request,
               gboolean        following)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 viewer_id = fanfare_request_get_viewer (request)->user_id;
  g_autoptr(GError) error = NULL;
  gint64 user_id = fanfare_http_social_path_user (request);
  gboolean done;

  if (user_id == 0)
    return;

  done = following ? fanfare_social_store_follow (db, viewer_id, user_id, &error) :
         fanfare_social_store_unfollow (db, viewer_id, user_id, &error);
  if (!done)
    fanfare_request_fail (request, error);
  else
    respond_person (request, user_id, FALSE);
}

static void
follow (FanfareRequest *request)
{
  set_following (request, TRUE);
}

static void
unfollow (FanfareRequest *request)
{
  set_following (request, FALSE);
}

static void
set_blocked (FanfareRequest *request,
             gboolean        blocked)
{
  g_autoptr(GError) error = NULL;
  gint64 user_id = fanfare_http_social_path_user (request);

  if (user_id == 0)
    return;

  if (!fanfare_social_store_set_blocked (fanfare_request_get_database (request),
                                         fanfare_request_get_viewer (request)->user_id, user_id, blocked, &error))
    fanfare_request_fail (request, error);
  else
    respond_person (request, user_id, FALSE);
}

static void
block (FanfareRequest *request)
{
  set_blocked (request, TRUE);
}

static void
unblock (FanfareRequest *request)
{
  set_blocked (request, FALSE);
}

static void
list_follows (FanfareRequest *request,
              gboolean        followers)
{
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_auto(FanfareListPosition) next = { NULL, 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 user_id;
  guint limit;

  if ((user_id = fanfare_http_social_path_user (request)) == 0)
    return;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      !fanfare_http_get_position (request, &after, &error) ||
      (ids = fanfare_social_store_list_follows (fanfare_request_get_database (request), user_id, followers,
                                                fanfare_request_get_viewer (request)->user_id, &after, limit,
                                                &next, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_users (request, ids, &next);
}

static void
list_followers (FanfareRequest *request)
{
  list_follows (request, TRUE);
}

static void
list_following (FanfareRequest *request)
{
  list_follows (request, FALSE);
}

static void
list_own (FanfareRequest *request,
          GArray *(*list)(FanfareDatabase *db, gint64 user_id, GError **error))
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = list (fanfare_request_get_database (request), fanfare_request_get_viewer (request)->user_id, &error);
  if (ids == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_users (request, ids, NULL);
}

static void
list_friends (FanfareRequest *request)
{
  list_own (request, fanfare_social_store_list_friends);
}

static void
list_blocked (FanfareRequest *request)
{
  list_own (request, fanfare_social_store_list_blocked);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
respond_settings (FanfareRequest              *request,
                  const FanfareSocialSettings *settings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_boolean (builder, "discoverable_by_contact", settings->discoverable_by_contact);
  if (settings->phone != NULL)
    {
      json_builder_set_member_name (builder, "phone");
      json_builder_add_string_value (builder, settings->phone);
    }
  add_boolean (builder, "share_playlists", settings->share_playlists);
  add_boolean (builder, "share_playlist_follows", settings->share_playlist_follows);
  add_boolean (builder, "share_listening", settings->share_listening);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
get_settings (FanfareRequest *request)
{
  g_auto(FanfareSocialSettings) settings = { FALSE, NULL, FALSE, FALSE, FALSE };
  g_autoptr(GError) error = NULL;

  if (!fanfare_social_store_get_settings (fanfare_request_get_database (request),
                                          fanfare_request_get_viewer (request)->user_id, &settings, &error))
    fanfare_request_fail (request, error);
  else
    respond_settings (request, &settings);
}

static gboolean
read_phone (JsonObject *body,
            char      **phone,
            GError    **error)
{
  const char *text = NULL;

  if (!fanfare_json_read_string (body, "phone", FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  g_clear_pointer (phone, g_free);
  if (*text == '\0')
    return TRUE;

  if ((*phone = fanfare_contacts_normalize_phone (text, NULL)) == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “phone” must be a phone number with its country code, such as +86 138 0013 8000");
      return FALSE;
    }

  return TRUE;
}

static void
update_settings (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 user_id = fanfare_request_get_viewer (request)->user_id;
  g_auto(FanfareSocialSettings) settings = { FALSE, NULL, FALSE, FALSE, FALSE };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_social_store_get_settings (db, user_id, &settings, &error) ||
      !fanfare_json_read_boolean (body, "discoverable_by_contact", FALSE, &settings.discoverable_by_contact,
                                  &error) ||
      !read_phone (body, &settings.phone, &error) ||
      !fanfare_json_read_boolean (body, "share_playlists", FALSE, &settings.share_playlists, &error) ||
      !fanfare_json_read_boolean (body, "share_playlist_follows", FALSE, &settings.share_playlist_follows,
                                  &error) ||
      !fanfare_json_read_boolean (body, "share_listening", FALSE, &settings.share_listening, &error) ||
      !fanfare_social_store_set_settings (db, user_id, &settings, &error))
    fanfare_request_fail (request, error);
  else
    respond_settings (request, &settings);
}

const FanfareRoute fanfare_http_social_routes[] = {
  { "GET", "/api/v1/users/{username}/profile", FANFARE_ACCESS_ANYONE, 0, get_profile },
  { "PUT", "/api/v1/users/{username}/follow", FANFARE_ACCESS_USER, 0, follow },
  { "DELETE", "/api/v1/users/{username}/follow", FANFARE_ACCESS_USER, 0, unfollow },
  { "PUT", "/api/v1/users/{username}/block", FANFARE_ACCESS_USER, 0, block },
  { "DELETE", "/api/v1/users/{username}/block", FANFARE_ACCESS_USER, 0, unblock },
  { "GET", "/api/v1/users/{username}/followers", FANFARE_ACCESS_ANYONE, 0, list_followers },
  { "GET", "/api/v1/users/{username}/following", FANFARE_ACCESS_ANYONE, 0, list_following },
  { "GET", "/api/v1/me/friends", FANFARE_ACCESS_USER, 0, list_friends },
  { "GET", "/api/v1/me/blocks", FANFARE_ACCESS_USER, 0, list_blocked },
  { "GET", "/api/v1/me/social-settings", FANFARE_ACCESS_USER, 0, get_settings },
  { "PATCH", "/api/v1/me/social-settings", FANFARE_ACCESS_USER, 0, update_settings },
  { NULL },
};
