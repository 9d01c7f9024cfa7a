/* fanfare-client-club-moderation.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A club as its members and admins run it: the user's own clubs, the
 * artist claiming the official club, roles, removing and banning members,
 * pinning and removing posts, and the comments under a post. */

#include "config.h"

#include "fanfare-client-clubs-private.h"
#include "fanfare-client-clubs.h"

void
fanfare_client_club_comment_free (FanfareClientClubComment *comment)
{
  if (comment == NULL)
    return;

  g_free (comment->id);
  g_free (comment->post_id);
  g_free (comment->author);
  g_free (comment->body);
  g_free (comment);
}

static gpointer
new_comment (JsonObject *json,
             GError    **error)
{
  FanfareClientClubComment *comment = g_new0 (FanfareClientClubComment, 1);

  comment->id = _fanfare_client_dup_member (json, "id");
  comment->post_id = _fanfare_client_dup_member (json, "post_id");
  comment->author = _fanfare_client_dup_member (json, "author");
  comment->body = _fanfare_client_dup_member (json, "body");

  return comment;
}

static gpointer
parse_comments (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  return _fanfare_client_parse_array (json, new_comment, (GDestroyNotify) fanfare_client_club_comment_free, error);
}

static gpointer
parse_comment (FanfareClient *self,
               JsonObject    *json,
               GError       **error)
{
  return _fanfare_client_parse_member (json, "comment", new_comment, error);
}

/* A call answered with no content; finish with
 * fanfare_client_club_change_finish(). */
static void
change (FanfareClient       *self,
        const char          *method,
        const char          *path,
        const char          *id,
        const char          *suffix,
        JsonBuilder         *body,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  _fanfare_client_club_call (self, method, path, id, suffix, body, NULL, NULL, fanfare_client_club_change_finish,
                             cancellable, callback, user_data);
}

static JsonBuilder *
one_member (const char *name,
            const char *string,
            gboolean    boolean)
{
  JsonBuilder *body = json_builder_new ();

  json_builder_begin_object (body);
  json_builder_set_member_name (body, name);
  if (string != NULL)
    json_builder_add_string_value (body, string);
  else
    json_builder_add_boolean_value (body, boolean);
  json_builder_end_object (body);

  return body;
}

/* The clubs the user is a member of. */
void
fanfare_client_list_my_clubs_async (FanfareClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  _fanfare_client_club_call (self, "GET", "/api/v1/me/clubs", "", "", NULL, _fanfare_client_parse_clubs,
                             (GDestroyNotify) g_ptr_array_unref, fanfare_client_list_clubs_async, cancellable,
                             callback, user_data);
}

/* One club; finish with fanfare_client_club_finish(). */
void
fanfare_client_get_club_async (FanfareClient       *self,
                               const char          *club_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  _fanfare_client_club_call (self, "GET", "/api/v1/clubs/", club_id, "", NULL, _fanfare_client_parse_club,
                             (GDestroyNotify) fanfare_client_club_free, fanfare_client_club_finish, cancellable,
                             callback, user_data);
}

/* The artist takes over the official club a fan founded; finish with
 * fanfare_client_club_finish(). */
void
fanfare_client_claim_club_async (FanfareClient       *self,
                                 const char          *club_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  _fanfare_client_club_call (self, "POST", "/api/v1/clubs/", club_id, "/claim", NULL, _fanfare_client_parse_club,
                             (GDestroyNotify) fanfare_client_club_free, fanfare_client_club_finish, cancellable,
                             callback, user_data);
}

/**
 * fanfare_client_moderate_member_async:
 * @action: what to do to @username
 *
 * Finish with fanfare_client_club_change_finish().
 */
void
fanfare_client_moderate_member_async (FanfareClient           *self,
                                      const char              *club_id,
                                      const char              *username,
                                      FanfareClientClubAction  action,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (username);
  g_autofree char *suffix = NULL;
  g_autoptr(JsonBuilder) body = NULL;
  const char *method = "PUT";

  switch (action)
    {
    case FANFARE_CLIENT_CLUB_MAKE_ADMIN:
    case FANFARE_CLIENT_CLUB_MAKE_MEMBER:
      suffix = g_strconcat ("/members/", escaped, "/role", NULL);
      body = one_member ("role", action == FANFARE_CLIENT_CLUB_MAKE_ADMIN ? "admin" : "member", FALSE);
      break;

    case FANFARE_CLIENT_CLUB_REMOVE:
      method = "DELETE";
      suffix = g_strconcat ("/members/", escaped, NULL);
      break;

    case FANFARE_CLIENT_CLUB_BAN:
      suffix = g_strconcat ("/bans/", escaped, NULL);
      break;

    case FANFARE_CLIENT_CLUB_UNBAN:
      method = "DELETE";
      suffix = g_strconcat ("/bans/", escaped, NULL);
      break;

    default:
      g_return_if_reached ();
    }

  change (self, method, "/api/v1/clubs/", club_id, suffix, body, cancellable, callback, user_data);
}

/* Removes a post; finish with fanfare_client_club_change_finish(). */
void
fanfare_client_remove_club_post_async (FanfareClient       *self,
                                       const char          *post_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  change (self, "DELETE", "/api/v1/club-posts/", post_id, "", NULL, cancellable, callback, user_data);
}

/* Removes a comment; finish with fanfare_client_club_change_finish(). */
void
fanfare_client_remove_club_comment_async (FanfareClient       *self,
                                          const char          *comment_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  change (self, "DELETE", "/api/v1/club-comments/", comment_id, "", NULL, cancellable, callback, user_data);
}

gboolean
fanfare_client_club_change_finish (FanfareClient *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_club_change_finish, error) != NULL;
}

/* Pins or unpins a post; finish with fanfare_client_add_club_post_finish(). */
void
fanfare_client_pin_club_post_async (FanfareClient       *self,
                                    const char          *post_id,
                                    gboolean             pinned,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = one_member ("pinned", NULL, pinned);

  _fanfare_client_club_call (self, "PUT", "/api/v1/club-posts/", post_id, "/pinned", body,
                             _fanfare_client_parse_post, (GDestroyNotify) fanfare_client_club_post_free,
                             fanfare_client_add_club_post_async, cancellable, callback, user_data);
}

void
fanfare_client_list_club_comments_async (FanfareClient       *self,
                                         const char          *post_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  _fanfare_client_club_call (self, "GET", "/api/v1/club-posts/", post_id, "/comments", NULL, parse_comments,
                             (GDestroyNotify) g_ptr_array_unref, fanfare_client_list_club_comments_async,
                             cancellable, callback, user_data);
}

/**
 * fanfare_client_list_club_comments_finish:
 *
 * Returns: (transfer full) (element-type FanfareClientClubComment): the
 *   comments, the oldest first
 */
GPtrArray *
fanfare_client_list_club_comments_finish (FanfareClient *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_club_comments_async, error);
}

void
fanfare_client_add_club_comment_async (FanfareClient       *self,
                                       const char          *post_id,
                                       const char          *text,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = one_member ("body", text, FALSE);

  _fanfare_client_club_call (self, "POST", "/api/v1/club-posts/", post_id, "/comments", body, parse_comment,
                             (GDestroyNotify) fanfare_client_club_comment_free,
                             fanfare_client_add_club_comment_async, cancellable, callback, user_data);
}

FanfareClientClubComment *
fanfare_client_add_club_comment_finish (FanfareClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_add_club_comment_async, error);
}
