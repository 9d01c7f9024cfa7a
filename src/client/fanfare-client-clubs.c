/* fanfare-client-clubs.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fan clubs: an artist's clubs, founding and joining one, its posts and
 * its supporters' leaderboard with their nameplates. */

#include "config.h"

#include "fanfare-client-clubs-private.h"
#include "fanfare-client-clubs.h"
#include "fanfare-client-private.h"
#include "fanfare-error.h"

void
fanfare_client_club_free (FanfareClientClub *club)
{
  if (club == NULL)
    return;

  g_free (club->id);
  g_free (club->artist_id);
  g_free (club->artist);
  g_free (club->name);
  g_free (club->description);
  g_free (club->role);
  g_free (club);
}

void
fanfare_client_club_post_free (FanfareClientClubPost *post)
{
  if (post == NULL)
    return;

  g_free (post->id);
  g_free (post->author);
  g_free (post->body);
  g_free (post->track_id);
  g_free (post->album_id);
  g_free (post->image_uri);
  g_free (post);
}

void
fanfare_client_supporter_free (FanfareClientSupporter *supporter)
{
  g_free (supporter->username);
  g_free (supporter->display_name);
  g_free (supporter->role);
  g_clear_pointer (&supporter->nameplates, g_ptr_array_unref);
  g_free (supporter);
}

static gpointer
new_club (JsonObject *json,
          GError    **error)
{
  FanfareClientClub *club = g_new0 (FanfareClientClub, 1);

  club->id = _fanfare_client_dup_member (json, "id");
  club->artist_id = _fanfare_client_dup_member (json, "artist_id");
  club->artist = _fanfare_client_dup_member (json, "artist");
  club->name = _fanfare_client_dup_member (json, "name");
  club->description = _fanfare_client_dup_member (json, "description");
  club->official = json_object_get_boolean_member_with_default (json, "official", FALSE);
  club->claimed = json_object_get_boolean_member_with_default (json, "claimed", FALSE);
  club->member_count = json_object_get_int_member_with_default (json, "member_count", 0);
  club->role = _fanfare_client_dup_member (json, "role");

  return club;
}

static gpointer
new_post (JsonObject *json,
          GError    **error)
{
  FanfareClientClubPost *post = g_new0 (FanfareClientClubPost, 1);

  post->id = _fanfare_client_dup_member (json, "id");
  post->author = _fanfare_client_dup_member (json, "author");
  post->body = _fanfare_client_dup_member (json, "body");
  post->track_id = _fanfare_client_dup_member (json, "track_id");
  post->album_id = _fanfare_client_dup_member (json, "album_id");
  post->image_uri = _fanfare_client_dup_member (json, "image_uri");
  post->pinned = json_object_get_boolean_member_with_default (json, "pinned", FALSE);
  post->comment_count = json_object_get_int_member_with_default (json, "comment_count", 0);

  return post;
}

static gpointer
new_supporter (JsonObject *json,
               GError    **error)
{
  g_autoptr(JsonObject) nameplates = json_object_new ();
  FanfareClientSupporter *supporter = g_new0 (FanfareClientSupporter, 1);
  JsonArray *array = json_object_get_array_member (json, "nameplates");

  supporter->rank = json_object_get_int_member_with_default (json, "rank", 0);
  supporter->username = _fanfare_client_dup_member (json, "username");
  supporter->display_name = _fanfare_client_dup_member (json, "display_name");
  supporter->role = _fanfare_client_dup_member (json, "role");
  supporter->purchases = json_object_get_int_member_with_default (json, "purchases", 0);
  supporter->listening_ms = json_object_get_int_member_with_default (json, "listening_ms", 0);
  supporter->activity = json_object_get_int_member_with_default (json, "activity", 0);
  supporter->badge_level = json_object_get_int_member_with_default (json, "badge_level", 1);

  /* The nameplates are a list of their own, read as one. */
  if (array != NULL)
    json_object_set_array_member (nameplates, "items", json_array_ref (array));
  supporter->nameplates = _fanfare_client_parse_array (nameplates, (FanfareNewItemFunc) fanfare_nameplate_new_from_json,
                                                       (GDestroyNotify) fanfare_nameplate_free, error);
  if (supporter->nameplates == NULL)
    {
      fanfare_client_supporter_free (supporter);
      return NULL;
    }

  return supporter;
}

gpointer
_fanfare_client_parse_clubs (FanfareClient *self,
                             JsonObject    *json,
                             GError       **error)
{
  return _fanfare_client_parse_array (json, new_club, (GDestroyNotify) fanfare_client_club_free, error);
}

static gpointer
parse_posts (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  return _fanfare_client_parse_array (json, new_post, (GDestroyNotify) fanfare_client_club_post_free, error);
}

static gpointer
parse_supporters (FanfareClient *self,
                  JsonObject    *json,
                  GError       **error)
{
  return _fanfare_client_parse_array (json, new_supporter, (GDestroyNotify) fanfare_client_supporter_free, error);
}

/* The object of @member, made by @new_item. */
gpointer
_fanfare_client_parse_member (JsonObject         *json,
                              const char         *member,
                              FanfareNewItemFunc  new_item,
                              GError            **error)
{
  JsonObject *object = json_object_get_object_member (json, member);

  if (object == NULL)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "An answer without its %s", member);
      return NULL;
    }

  return new_item (object, error);
}

gpointer
_fanfare_client_parse_club (FanfareClient *self,
                            JsonObject    *json,
                            GError       **error)
{
  return _fanfare_client_parse_member (json, "club", new_club, error);
}

gpointer
_fanfare_client_parse_post (FanfareClient *self,
                            JsonObject    *json,
                            GError       **error)
{
  return _fanfare_client_parse_member (json, "post", new_post, error);
}

/* Sends @method @path/@id@suffix and answers through @parse. */
void
_fanfare_client_club_call (FanfareClient       *self,
                           const char          *method,
                           const char          *path,
                           const char          *id,
                           const char          *suffix,
                           JsonBuilder         *body,
                           FanfareParseFunc     parse,
                           GDestroyNotify       destroy,
                           gpointer             source_tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *escaped = _fanfare_client_escape (id);
  g_autofree char *full = g_strconcat (path, escaped, suffix, NULL);
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, method, full, body);

  _fanfare_client_call (self, msg, parse, destroy,
                        _fanfare_client_task_new (self, source_tag, cancellable, callback, user_data));
}

/* An artist's clubs, the official one first. */
void
fanfare_client_list_clubs_async (FanfareClient       *self,
                                 const char          *artist_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  _fanfare_client_club_call (self, "GET", "/api/v1/artists/", artist_id, "/clubs", NULL, _fanfare_client_parse_clubs, (GDestroyNotify) g_ptr_array_unref,
                             fanfare_client_list_clubs_async, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_clubs_finish:
 *
 * Returns: (transfer full) (element-type FanfareClientClub): the clubs
 */
GPtrArray *
fanfare_client_list_clubs_finish (FanfareClient *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_clubs_async, error);
}

/* Founds a club; finish with fanfare_client_club_finish(). */
void
fanfare_client_create_club_async (FanfareClient       *self,
                                  const char          *artist_id,
                                  const char          *name,
                                  gboolean             official,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "name");
  json_builder_add_string_value (body, name);
  json_builder_set_member_name (body, "official");
  json_builder_add_boolean_value (body, official);
  json_builder_end_object (body);

  _fanfare_client_club_call (self, "POST", "/api/v1/artists/", artist_id, "/clubs", body, _fanfare_client_parse_club,
                             (GDestroyNotify) fanfare_client_club_free, fanfare_client_club_finish, cancellable, callback, user_data);
}

/**
 * fanfare_client_join_club_async:
 * @join: %TRUE to join, %FALSE to leave
 *
 * Finish joining with fanfare_client_club_finish(), leaving (which answers
 * no club) with fanfare_client_club_change_finish().
 */
void
fanfare_client_join_club_async (FanfareClient       *self,
                                const char          *club_id,
                                gboolean             join,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  if (join)
    _fanfare_client_club_call (self, "PUT", "/api/v1/clubs/", club_id, "/membership", NULL,
                               _fanfare_client_parse_club, (GDestroyNotify) fanfare_client_club_free,
                               fanfare_client_club_finish, cancellable, callback, user_data);
  else
    _fanfare_client_club_call (self, "DELETE", "/api/v1/clubs/", club_id, "/membership", NULL, NULL, NULL,
                               fanfare_client_club_change_finish, cancellable, callback, user_data);
}

FanfareClientClub *
fanfare_client_club_finish (FanfareClient *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_club_finish, error);
}

void
fanfare_client_list_club_posts_async (FanfareClient       *self,
                                      const char          *club_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  _fanfare_client_club_call (self, "GET", "/api/v1/clubs/", club_id, "/posts", NULL, parse_posts, (GDestroyNotify) g_ptr_array_unref,
                             fanfare_client_list_club_posts_async, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_club_posts_finish:
 *
 * Returns: (transfer full) (element-type FanfareClientClubPost): the
 *   pinned posts, then the newest
 */
GPtrArray *
fanfare_client_list_club_posts_finish (FanfareClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_club_posts_async, error);
}

void
fanfare_client_add_club_post_async (FanfareClient       *self,
                                    const char          *club_id,
                                    const char          *text,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  fanfare_client_add_linked_club_post_async (self, club_id, text, NULL, NULL, cancellable, callback, user_data);
}

FanfareClientClubPost *
fanfare_client_add_club_post_finish (FanfareClient *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_add_club_post_async, error);
}

void
fanfare_client_club_leaderboard_async (FanfareClient       *self,
                                       const char          *club_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  _fanfare_client_club_call (self, "GET", "/api/v1/clubs/", club_id, "/leaderboard", NULL, parse_supporters,
                             (GDestroyNotify) g_ptr_array_unref, fanfare_client_club_leaderboard_async, cancellable, callback, user_data);
}

/**
 * fanfare_client_club_leaderboard_finish:
 *
 * Returns: (transfer full) (element-type FanfareClientSupporter): the
 *   supporters, the first first
 */
GPtrArray *
fanfare_client_club_leaderboard_finish (FanfareClient *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_club_leaderboard_async, error);
}
