/* fanfare-client-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* People, the feed, comments, messages and finding friends. Finding
 * friends from contacts sends nothing of the address book but keyed
 * hashes of its normalized emails and numbers (fanfare-vcard.c), with the
 * key the server hands out; nearby sends a cell of about 5 km. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-client-social-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-vcard.h"

/* As many hashes as the server takes in one request. */
#define MAX_CONTACT_HASHES 5000

static const char * const target_paths[] = { "tracks", "albums", "playlists" };
static const char * const target_kinds[] = { "track", "album", "playlist" };

typedef struct {
  GListModel *items;
  char       *next_cursor;
} Page;

static void
page_free (Page *page)
{
  g_clear_object (&page->items);
  g_free (page->next_cursor);
  g_free (page);
}

gpointer
_fanfare_client_social_new_page (JsonObject *json,
                                 GListModel *items)
{
  Page *page;
  JsonNode *cursor;

  if (items == NULL)
    return NULL;

  page = g_new0 (Page, 1);
  page->items = items;
  cursor = json_object_get_member (json, "next_cursor");
  if (cursor != NULL && JSON_NODE_HOLDS_VALUE (cursor))
    page->next_cursor = g_strdup (json_node_get_string (cursor));

  return page;
}

static gpointer
parse_users (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  return _fanfare_client_social_new_page (json, _fanfare_client_parse_list (json, "items", FANFARE_TYPE_USER, error));
}

static gpointer
parse_activities (FanfareClient *self,
                  JsonObject    *json,
                  GError       **error)
{
  return _fanfare_client_social_new_page (json, _fanfare_client_parse_items (json, "items", FANFARE_TYPE_ACTIVITY,
                                                                             (FanfareNewItemFunc) _fanfare_activity_new_from_json, error));
}

static gpointer
parse_comments (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  return _fanfare_client_social_new_page (json, _fanfare_client_parse_items (json, "items", FANFARE_TYPE_COMMENT,
                                                                             (FanfareNewItemFunc) _fanfare_comment_new_from_json, error));
}

static gpointer
parse_messages (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  return _fanfare_client_social_new_page (json, _fanfare_client_parse_items (json, "items", FANFARE_TYPE_MESSAGE,
                                                                             (FanfareNewItemFunc) _fanfare_message_new_from_json, error));
}

/* Sends a request whose answer says only that it was done. */
void
_fanfare_client_social_call_simple (FanfareClient       *self,
                                    const char          *method,
                                    const char          *path,
                                    JsonBuilder         *body,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, method, path, body);

  _fanfare_client_call (self, msg, NULL, NULL,
                        _fanfare_client_task_new (self, fanfare_client_social_finish, cancellable, callback,
                                                  user_data));
}

/* Sends a request whose answer is a page of a list. */
void
_fanfare_client_social_call_list (FanfareClient       *self,
                                  const char          *method,
                                  const char          *path,
                                  JsonBuilder         *body,
                                  FanfareParseFunc     parse,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, method, path, body);

  _fanfare_client_call (self, msg, parse, (GDestroyNotify) page_free,
                        _fanfare_client_task_new (self, fanfare_client_social_list_finish, cancellable, callback,
                                                  user_data));
}

/* @path with the query's cursor, when there is one. */
char *
_fanfare_client_social_with_cursor (const char *path,
                                    const char *cursor)
{
  g_autofree char *escaped = NULL;

  if (cursor == NULL)
    return g_strdup (path);

  escaped = g_uri_escape_string (cursor, NULL, FALSE);

  return g_strdup_printf ("%s%scursor=%s", path, strchr (path, '?') != NULL ? "&" : "?", escaped);
}

static void
user_action (FanfareClient       *self,
             const char          *username,
             const char          *action,
             gboolean             on,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (username);
  g_autofree char *path = g_strdup_printf ("/api/v1/users/%s/%s", escaped, action);

  _fanfare_client_social_call_simple (self, on ? "PUT" : "DELETE", path, NULL, cancellable, callback, user_data);
}

/**
 * fanfare_client_set_following_async:
 *
 * Follows @username or stops. Finish with fanfare_client_social_finish().
 */
void
fanfare_client_set_following_async (FanfareClient       *self,
                                    const char          *username,
                                    gboolean             following,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL);

  user_action (self, username, "follow", following, cancellable, callback, user_data);
}

/**
 * fanfare_client_set_blocked_async:
 *
 * Blocks @username or lifts the block. Finish with
 * fanfare_client_social_finish().
 */
void
fanfare_client_set_blocked_async (FanfareClient       *self,
                                  const char          *username,
                                  gboolean             blocked,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL);

  user_action (self, username, "block", blocked, cancellable, callback, user_data);
}

static void
comment_action (FanfareClient       *self,
                const char          *method,
                const char          *comment_id,
                const char          *suffix,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (comment_id);
  g_autofree char *path = g_strdup_printf ("/api/v1/comments/%s%s", escaped, suffix);

  _fanfare_client_social_call_simple (self, method, path, NULL, cancellable, callback, user_data);
}

/**
 * fanfare_client_delete_comment_async:
 *
 * Deletes one of the user's comments. Finish with
 * fanfare_client_social_finish().
 */
void
fanfare_client_delete_comment_async (FanfareClient       *self,
                                     const char          *comment_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  comment_action (self, "DELETE", comment_id, "", cancellable, callback, user_data);
}

/**
 * fanfare_client_set_comment_liked_async:
 *
 * Likes a comment or takes the like back. Finish with
 * fanfare_client_social_finish().
 */
void
fanfare_client_set_comment_liked_async (FanfareClient       *self,
                                        const char          *comment_id,
                                        gboolean             liked,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  comment_action (self, liked ? "PUT" : "DELETE", comment_id, "/like", cancellable, callback, user_data);
}

/**
 * fanfare_client_report_comment_async:
 * @reason: (nullable): what is wrong with it, plain text
 *
 * Reports a comment to the moderators. Finish with
 * fanfare_client_social_finish().
 */
void
fanfare_client_report_comment_async (FanfareClient       *self,
                                     const char          *comment_id,
                                     const char          *reason,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (comment_id != NULL);

  escaped = _fanfare_client_escape (comment_id);
  path = g_strdup_printf ("/api/v1/comments/%s/reports", escaped);
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "reason");
  json_builder_add_string_value (body, reason != NULL ? reason : "");
  json_builder_end_object (body);

  _fanfare_client_social_call_simple (self, "POST", path, body, cancellable, callback, user_data);
}

/**
 * fanfare_client_send_to_friend_async:
 * @note: (nullable): a few words with it, plain text
 *
 * Sends a track, an album or a playlist to a friend's inbox. Finish with
 * fanfare_client_social_finish().
 */
void
fanfare_client_send_to_friend_async (FanfareClient       *self,
                                     const char          *username,
                                     FanfareSocialTarget  kind,
                                     const char          *item_id,
                                     const char          *note,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (kind <= FANFARE_SOCIAL_TARGET_PLAYLIST);

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "to");
  json_builder_add_string_value (body, username);
  json_builder_set_member_name (body, "kind");
  json_builder_add_string_value (body, target_kinds[kind]);
  json_builder_set_member_name (body, "item_id");
  json_builder_add_string_value (body, item_id);
  if (note != NULL && *note != '\0')
    {
      json_builder_set_member_name (body, "note");
      json_builder_add_string_value (body, note);
    }
  json_builder_end_object (body);

  _fanfare_client_social_call_simple (self, "POST", "/api/v1/messages", body, cancellable, callback, user_data);
}

/**
 * fanfare_client_mark_message_read_async:
 *
 * Finish with fanfare_client_social_finish().
 */
void
fanfare_client_mark_message_read_async (FanfareClient       *self,
                                        const char          *message_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  escaped = _fanfare_client_escape (message_id);
  path = g_strdup_printf ("/api/v1/me/inbox/%s/read", escaped);
  _fanfare_client_social_call_simple (self, "PUT", path, NULL, cancellable, callback, user_data);
}

/**
 * fanfare_client_stop_sharing_location_async:
 *
 * Leaves people nearby: the server deletes the user's cell at once.
 * Finish with fanfare_client_social_finish().
 */
void
fanfare_client_stop_sharing_location_async (FanfareClient       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  _fanfare_client_social_call_simple (self, "DELETE", "/api/v1/me/nearby", NULL, cancellable, callback, user_data);
}

gboolean
fanfare_client_social_finish (FanfareClient *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_social_finish, error) != NULL;
}

/**
 * fanfare_client_list_people_async:
 * @username: (nullable): whose followers or following; %NULL for the
 *   user's own lists
 *
 * Lists people as #FanfareUser objects. Finish with
 * fanfare_client_social_list_finish().
 */
void
fanfare_client_list_people_async (FanfareClient       *self,
                                  FanfarePeople        people,
                                  const char          *username,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  switch (people)
    {
    case FANFARE_PEOPLE_FOLLOWERS:
    case FANFARE_PEOPLE_FOLLOWING:
      g_return_if_fail (username != NULL);
      escaped = _fanfare_client_escape (username);
      path = g_strdup_printf ("/api/v1/users/%s/%s?limit=100", escaped,
                              people == FANFARE_PEOPLE_FOLLOWERS ? "followers" : "following");
      break;

    case FANFARE_PEOPLE_FRIENDS:
      path = g_strdup ("/api/v1/me/friends");
      break;

    case FANFARE_PEOPLE_BLOCKED:
      path = g_strdup ("/api/v1/me/blocks");
      break;

    case FANFARE_PEOPLE_NEARBY:
    default:
      path = g_strdup ("/api/v1/me/nearby");
      break;
    }

  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_users, cancellable, callback, user_data);
}

/**
 * fanfare_client_find_people_async:
 * @query: a username or a display name, or part of one
 * @cursor: (nullable): the previous page's next cursor
 *
 * Finds people by name, as #FanfareUser objects, best match first and
 * nobody in a block with the user. Finish with
 * fanfare_client_social_list_finish().
 */
void
fanfare_client_find_people_async (FanfareClient       *self,
                                  const char          *query,
                                  const char          *cursor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (query != NULL);

  escaped = g_uri_escape_string (query, NULL, FALSE);
  base = g_strdup_printf ("/api/v1/users?q=%s&limit=50", escaped);
  path = _fanfare_client_social_with_cursor (base, cursor);
  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_users, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_feed_async:
 * @cursor: (nullable): the previous page's next cursor
 *
 * Lists a page of the activity of the people the user follows, as
 * #FanfareActivity objects. Finish with fanfare_client_social_list_finish().
 */
void
fanfare_client_list_feed_async (FanfareClient       *self,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = _fanfare_client_social_with_cursor ("/api/v1/me/feed?limit=30", cursor);

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_activities, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_comments_async:
 * @newest_first: the latest first, or the most liked and answered
 * @cursor: (nullable): the previous page's next cursor
 *
 * Lists a page of the comments on a track, an album or a playlist, as
 * #FanfareComment objects. Finish with fanfare_client_social_list_finish().
 */
void
fanfare_client_list_comments_async (FanfareClient       *self,
                                    FanfareSocialTarget  target,
                                    const char          *target_id,
                                    gboolean             newest_first,
                                    const char          *cursor,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (target <= FANFARE_SOCIAL_TARGET_PLAYLIST);

  escaped = _fanfare_client_escape (target_id);
  base = g_strdup_printf ("/api/v1/%s/%s/comments?sort=%s", target_paths[target], escaped,
                          newest_first ? "new" : "hot");
  path = _fanfare_client_social_with_cursor (base, cursor);
  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_comments, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_replies_async:
 * @cursor: (nullable): the previous page's next cursor
 *
 * Lists a page of a comment's replies, the oldest first. Finish with
 * fanfare_client_social_list_finish().
 */
void
fanfare_client_list_replies_async (FanfareClient       *self,
                                   const char          *comment_id,
                                   const char          *cursor,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  escaped = _fanfare_client_escape (comment_id);
  base = g_strdup_printf ("/api/v1/comments/%s/replies", escaped);
  path = _fanfare_client_social_with_cursor (base, cursor);
  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_comments, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_inbox_async:
 * @cursor: (nullable): the previous page's next cursor
 *
 * Lists a page of the user's messages, as #FanfareMessage objects. Finish
 * with fanfare_client_social_list_finish().
 */
void
fanfare_client_list_inbox_async (FanfareClient       *self,
                                 const char          *cursor,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = _fanfare_client_social_with_cursor ("/api/v1/me/inbox?limit=50", cursor);

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_messages, cancellable, callback, user_data);
}

/**
 * fanfare_client_share_location_async:
 * @cell: a geohash of FANFARE_NEARBY_PRECISION characters, never finer
 *
 * Joins people nearby for half an hour and lists them. Finish with
 * fanfare_client_social_list_finish().
 */
void
fanfare_client_share_location_async (FanfareClient       *self,
                                     const char          *cell,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (cell != NULL);

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "cell");
  json_builder_add_string_value (body, cell);
  json_builder_end_object (body);

  _fanfare_client_social_call_list (self, "PUT", "/api/v1/me/nearby", body, parse_users, cancellable, callback, user_data);
}

static gpointer
keep_json (FanfareClient *self,
           JsonObject    *json,
           GError       **error)
{
  return json_object_ref (json);
}

static void
matched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Page *page = g_task_propagate_pointer (G_TASK (result), &error);

  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify) page_free);
}

static void
contact_key_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FanfareClient *self = FANFARE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  GPtrArray *contacts = g_task_get_task_data (task);
  g_autoptr(JsonObject) key = NULL;
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_auto(GStrv) hashes = NULL;
  GError *error = NULL;
  const char *key_id = NULL, *secret = NULL;

  key = g_task_propagate_pointer (G_TASK (result), &error);
  if (key == NULL ||
      !fanfare_json_read_string (key, "key_id", TRUE, &key_id, &error) ||
      !fanfare_json_read_string (key, "key", TRUE, &secret, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  hashes = fanfare_vcard_hash_contacts (contacts, secret, g_object_get_data (G_OBJECT (task), "country-code"),
                                        MAX_CONTACT_HASHES);
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "key_id");
  json_builder_add_string_value (body, key_id);
  json_builder_set_member_name (body, "hashes");
  json_builder_begin_array (body);
  for (guint i = 0; hashes[i] != NULL; i++)
    json_builder_add_string_value (body, hashes[i]);
  json_builder_end_array (body);
  json_builder_end_object (body);

  msg = _fanfare_client_new_message (self, "POST", "/api/v1/contacts/matches", body);
  _fanfare_client_call (self, msg, parse_users, (GDestroyNotify) page_free,
                        g_task_new (self, g_task_get_cancellable (task), matched_cb, g_object_ref (task)));
}

/**
 * fanfare_client_find_contacts_async:
 * @contacts: (element-type FanfareVCardContact): an address book
 * @country_code: (nullable): digits of the country of numbers written
 *   without one
 *
 * Finds the people of an address book who let themselves be found. Only
 * keyed hashes of the normalized emails and numbers leave the computer.
 * Finish with fanfare_client_social_list_finish().
 */
void
fanfare_client_find_contacts_async (FanfareClient       *self,
                                    GPtrArray           *contacts,
                                    const char          *country_code,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (contacts != NULL);

  task = _fanfare_client_task_new (self, fanfare_client_social_list_finish, cancellable, callback, user_data);
  g_task_set_task_data (task, g_ptr_array_ref (contacts), (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (task), "country-code", g_strdup (country_code), g_free);

  msg = _fanfare_client_new_message (self, "GET", "/api/v1/contacts/key", NULL);
  _fanfare_client_call (self, msg, keep_json, (GDestroyNotify) json_object_unref,
                        g_task_new (self, cancellable, contact_key_cb, task));
}

/**
 * fanfare_client_social_list_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): where the
 *   next page starts, %NULL after the last
 *
 * Returns: (transfer full): the page's items
 */
GListModel *
fanfare_client_social_list_finish (FanfareClient *self,
                                   GAsyncResult  *result,
                                   char         **next_cursor,
                                   GError       **error)
{
  Page *page = _fanfare_client_propagate (self, result, fanfare_client_social_list_finish, error);
  GListModel *items;

  if (page == NULL)
    return NULL;

  items = g_steal_pointer (&page->items);
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (&page->next_cursor);
  page_free (page);

  return items;
}

static gpointer
parse_posted (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  JsonNode *node = json_object_get_member (json, "comment");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "An answer without its comment");
      return NULL;
    }

  return _fanfare_comment_new_from_json (json_node_get_object (node), error);
}

/**
 * fanfare_client_post_comment_async:
 * @parent_id: (nullable): the comment answered
 * @body: plain text
 *
 * Comments on a track, an album or a playlist, or replies to a comment.
 */
void
fanfare_client_post_comment_async (FanfareClient       *self,
                                   FanfareSocialTarget  target,
                                   const char          *target_id,
                                   const char          *parent_id,
                                   const char          *body,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (target <= FANFARE_SOCIAL_TARGET_PLAYLIST);
  g_return_if_fail (body != NULL);

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "body");
  json_builder_add_string_value (json, body);
  if (parent_id != NULL)
    {
      json_builder_set_member_name (json, "parent_id");
      json_builder_add_string_value (json, parent_id);
    }
  json_builder_end_object (json);

  escaped = _fanfare_client_escape (target_id);
  path = g_strdup_printf ("/api/v1/%s/%s/comments", target_paths[target], escaped);
  msg = _fanfare_client_new_message (self, "POST", path, json);
  _fanfare_client_call (self, msg, parse_posted, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_post_comment_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_post_comment_finish:
 *
 * Returns: (transfer full): the comment as the server keeps it
 */
FanfareComment *
fanfare_client_post_comment_finish (FanfareClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_post_comment_async, error);
}

static gpointer
parse_unread (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  gint64 *unread = g_new0 (gint64, 1);

  if (!fanfare_json_read_int (json, "unread", TRUE, unread, error))
    g_clear_pointer (&unread, g_free);

  return unread;
}

/**
 * fanfare_client_count_unread_async:
 *
 * Asks how many messages the user has not read: the inbox's badge.
 */
void
fanfare_client_count_unread_async (FanfareClient       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  msg = _fanfare_client_new_message (self, "GET", "/api/v1/me/inbox/unread", NULL);
  _fanfare_client_call (self, msg, parse_unread, g_free,
                        _fanfare_client_task_new (self, fanfare_client_count_unread_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_count_unread_finish:
 *
 * Returns: how many messages are unread, or -1 with @error set
 */
gint64
fanfare_client_count_unread_finish (FanfareClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_autofree gint64 * unread = _fanfare_client_propagate (self, result, fanfare_client_count_unread_async, error);

  return unread != NULL ? *unread : -1;
}

static gpointer
parse_profile (FanfareClient *self,
               JsonObject    *json,
               GError       **error)
{
  return _fanfare_profile_new_from_json (json, error);
}

/**
 * fanfare_client_get_profile_async:
 *
 * Reads a user's profile; one who blocked the user is not found.
 */
void
fanfare_client_get_profile_async (FanfareClient       *self,
                                  const char          *username,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL);

  escaped = _fanfare_client_escape (username);
  path = g_strdup_printf ("/api/v1/users/%s/profile", escaped);
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_profile, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_get_profile_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_get_profile_finish:
 *
 * Returns: (transfer full): the profile
 */
FanfareProfile *
fanfare_client_get_profile_finish (FanfareClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_profile_async, error);
}

void
fanfare_privacy_settings_free (FanfarePrivacySettings *settings)
{
  g_free (settings->phone);
  g_free (settings);
}

static gpointer
parse_privacy (FanfareClient *self,
               JsonObject    *json,
               GError       **error)
{
  g_autoptr(FanfarePrivacySettings) settings = g_new0 (FanfarePrivacySettings, 1);
  const char *phone = NULL;

  if (!fanfare_json_read_boolean (json, "discoverable_by_contact", TRUE, &settings->discoverable_by_contact, error) ||
      !fanfare_json_read_string (json, "phone", FALSE, &phone, error) ||
      !fanfare_json_read_boolean (json, "share_playlists", TRUE, &settings->share_playlists, error) ||
      !fanfare_json_read_boolean (json, "share_playlist_follows", TRUE, &settings->share_playlist_follows, error) ||
      !fanfare_json_read_boolean (json, "share_listening", TRUE, &settings->share_listening, error))
    return NULL;

  settings->phone = g_strdup (phone);

  return g_steal_pointer (&settings);
}

static void
call_privacy (FanfareClient       *self,
              const char          *method,
              JsonBuilder         *body,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, method, "/api/v1/me/social-settings", body);

  _fanfare_client_call (self, msg, parse_privacy, (GDestroyNotify) fanfare_privacy_settings_free,
                        _fanfare_client_task_new (self, fanfare_client_privacy_finish, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_get_privacy_async:
 *
 * Reads what the user shares. Finish with fanfare_client_privacy_finish().
 */
void
fanfare_client_get_privacy_async (FanfareClient       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  call_privacy (self, "GET", NULL, cancellable, callback, user_data);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/**
 * fanfare_client_set_privacy_async:
 * @settings: all of them; a %NULL phone clears it
 *
 * Changes what the user shares. Finish with fanfare_client_privacy_finish().
 */
void
fanfare_client_set_privacy_async (FanfareClient                *self,
                                  const FanfarePrivacySettings *settings,
                                  GCancellable                 *cancellable,
                                  GAsyncReadyCallback           callback,
                                  gpointer                      user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (settings != NULL);

  json_builder_begin_object (body);
  add_boolean (body, "discoverable_by_contact", settings->discoverable_by_contact);
  json_builder_set_member_name (body, "phone");
  json_builder_add_string_value (body, settings->phone != NULL ? settings->phone : "");
  add_boolean (body, "share_playlists", settings->share_playlists);
  add_boolean (body, "share_playlist_follows", settings->share_playlist_follows);
  add_boolean (body, "share_listening", settings->share_listening);
  json_builder_end_object (body);

  call_privacy (self, "PATCH", body, cancellable, callback, user_data);
}

/**
 * fanfare_client_privacy_finish:
 *
 * Returns: (transfer full): the settings as the server keeps them; free
 *   with fanfare_privacy_settings_free()
 */
FanfarePrivacySettings *
fanfare_client_privacy_finish (FanfareClient *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_privacy_finish, error);
}
