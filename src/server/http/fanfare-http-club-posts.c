/* fanfare-http-club-posts.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A club's page: posts (text, a picture, a link to a track or an album)
 * with comments, pinned posts, and the supporters' leaderboard with each
 * member's nameplates of the artist's albums and their badge level. The
 * rules are in fanfare-http-clubs.c. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-catalog-store.h"
#include "fanfare-http-clubs.h"
#include "fanfare-http-json.h"
#include "fanfare-http-store.h"
#include "fanfare-images.h"
#include "fanfare-json.h"
#include "fanfare-request.h"
#include "fanfare-sales-store.h"
#include "fanfare-track.h"

#define MAX_POST_LENGTH    5000
#define MAX_COMMENT_LENGTH 1000
#define MAX_LEADERBOARD    100

/* The score each badge level starts at: level 1 is every member. */
static const gint64 badge_levels[] = { 0, 100, 500, 2000, 10000 };

static guint
badge_level (gint64  score)
{
  guint level = 0;

  while (level < G_N_ELEMENTS (badge_levels) && score >= badge_levels[level])
    level++;

  return level;
}

static void
add_post (JsonBuilder                 *builder,
          const FanfareClubPostRecord *post)
{
  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", post->id);
  fanfare_http_store_add_id (builder, "club_id", post->club_id);
  fanfare_http_store_add_id (builder, "author_id", post->author_id);
  fanfare_http_store_add_string (builder, "author", post->author);
  fanfare_http_store_add_string (builder, "body", post->body);
  fanfare_http_store_add_string (builder, "image_uri", post->image_uri);
  if (post->track_id != 0)
    fanfare_http_store_add_id (builder, "track_id", post->track_id);
  if (post->album_id != 0)
    fanfare_http_store_add_id (builder, "album_id", post->album_id);
  json_builder_set_member_name (builder, "pinned");
  json_builder_add_boolean_value (builder, post->pinned);
  fanfare_http_store_add_int (builder, "comment_count", post->comment_count);
  fanfare_http_store_add_time (builder, "created_at", post->created_at);
  json_builder_end_object (builder);
}

static void
respond_post (FanfareRequest *request,
              guint           status,
              gint64          post_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubPostRecord) post = fanfare_club_store_get_post (fanfare_request_get_database (request), post_id,
                                                                       &error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (post == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "post");
  add_post (builder, post);
  fanfare_http_store_respond (request, status, builder);
}

static void
list_posts (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubRecord) club = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint limit;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      (club = fanfare_club_store_get (db, club_id, &error)) == NULL ||
      (posts = fanfare_club_store_list_posts (db, club_id, limit, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < posts->len; i++)
    add_post (builder, g_ptr_array_index (posts, i));
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  fanfare_http_store_respond (request, 200, builder);
}

/* A linked track or album must be one the caller may see. */
static gboolean
read_link (FanfareRequest *request,
           JsonObject     *body,
           const char     *member,
           gint64         *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) item = NULL;
  const char *text = NULL;

  *id = 0;
  if (!fanfare_json_read_string (body, member, FALSE, &text, &error))
    {
      fanfare_request_fail (request, error);
      return FALSE;
    }

  if (text == NULL)
    return TRUE;

  *id = g_ascii_strtoll (text, NULL, 10);
  if (g_str_equal (member, "track_id"))
    item = G_OBJECT (fanfare_catalog_store_get_track (fanfare_request_get_database (request),
                                                      fanfare_request_get_viewer (request), *id, &error));
  else
    item = G_OBJECT (fanfare_catalog_store_get_album (fanfare_request_get_database (request),
                                                      fanfare_request_get_viewer (request), *id, &error));
  if (item == NULL)
    {
      g_autofree char *message = g_strdup_printf ("The field “%s” names nothing to link to", member);

      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

static void
add_club_post (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubRecord) club = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *text;
  gint64 track_id, album_id, post_id;

  if ((club = fanfare_club_store_get (db, club_id, &error)) == NULL ||
      (body = fanfare_request_parse_body (request, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!fanfare_http_club_check (request, club_id, FANFARE_CLUB_ROLE_MEMBER, "Only members post in a club") ||
      (text = fanfare_http_club_read_text (request, body, "body", TRUE, MAX_POST_LENGTH)) == NULL ||
      !read_link (request, body, "track_id", &track_id) ||
      !read_link (request, body, "album_id", &album_id))
    return;

  post_id = fanfare_club_store_add_post (db, club_id, fanfare_request_get_viewer (request)->user_id, text, track_id,
                                         album_id, &error);
  if (post_id == 0)
    fanfare_request_fail (request, error);
  else
    respond_post (request, 201, post_id);
}

/* The post the route names, if the caller is its author (@author_may)
 * or an admin of its club. */
static FanfareClubPostRecord *
get_moderated_post (FanfareRequest *request,
                    gboolean        author_may)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubPostRecord) post = NULL;

  post = fanfare_club_store_get_post (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                      &error);
  if (post == NULL)
    {
      fanfare_request_fail (request, error);
      return NULL;
    }

  if (author_may && post->author_id == fanfare_request_get_viewer (request)->user_id)
    return g_steal_pointer (&post);

  if (!fanfare_http_club_check (request, post->club_id, FANFARE_CLUB_ROLE_ADMIN,
                                author_may ? "Only its author or the club's admins may do this"
                                           : "Only the club's admins may do this"))
    return NULL;

  return g_steal_pointer (&post);
}

static void
remove_post (FanfareRequest *request)
{
  g_autoptr(FanfareClubPostRecord) post = get_moderated_post (request, TRUE);
  g_autoptr(GError) error = NULL;

  if (post == NULL)
    return;

  if (!fanfare_club_store_update_post (fanfare_request_get_database (request), post->id, "removed", 1, NULL, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
pin_post (FanfareRequest *request)
{
  g_autoptr(FanfareClubPostRecord) post = get_moderated_post (request, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean pinned = FALSE;

  if (post == NULL)
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_boolean (body, "pinned", TRUE, &pinned, &error) ||
      !fanfare_club_store_update_post (fanfare_request_get_database (request), post->id, "pinned", pinned, NULL,
                                       &error))
    fanfare_request_fail (request, error);
  else
    respond_post (request, 200, post->id);
}

static void
set_post_image (FanfareRequest *request)
{
  g_autoptr(FanfareClubPostRecord) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  GBytes *body = fanfare_request_get_body (request);

  post = fanfare_club_store_get_post (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                      &error);
  if (post == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (post->author_id != fanfare_request_get_viewer (request)->user_id)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN, "Only its author adds a picture to a post");
      return;
    }

  if (body == NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The request needs a picture");
      return;
    }

  if ((image_id = fanfare_images_add_bytes (fanfare_request_get_media (request), body, &error)) == NULL ||
      !fanfare_club_store_update_post (fanfare_request_get_database (request), post->id, "image_id", 0, image_id,
                                       &error))
    fanfare_request_fail (request, error);
  else
    respond_post (request, 200, post->id);
}

static void
add_comment (JsonBuilder                    *builder,
             const FanfareClubCommentRecord *comment)
{
  json_builder_begin_object (builder);
  fanfare_http_store_add_id (builder, "id", comment->id);
  fanfare_http_store_add_id (builder, "post_id", comment->post_id);
  fanfare_http_store_add_id (builder, "author_id", comment->author_id);
  fanfare_http_store_add_string (builder, "author", comment->author);
  fanfare_http_store_add_string (builder, "body", comment->body);
  fanfare_http_store_add_time (builder, "created_at", comment->created_at);
  json_builder_end_object (builder);
}

static void
list_comments (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 post_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubPostRecord) post = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if ((post = fanfare_club_store_get_post (db, post_id, &error)) == NULL ||
      (comments = fanfare_club_store_list_comments (db, post_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comments->len; i++)
    add_comment (builder, g_ptr_array_index (comments, i));
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  fanfare_http_store_respond (request, 200, builder);
}

static void
post_comment (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubPostRecord) post = NULL;
  g_autoptr(FanfareClubCommentRecord) comment = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *text;
  gint64 comment_id;

  if ((post = fanfare_club_store_get_post (db, fanfare_request_get_id (request, "id"), &error)) == NULL ||
      (body = fanfare_request_parse_body (request, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!fanfare_http_club_check (request, post->club_id, FANFARE_CLUB_ROLE_MEMBER, "Only members comment in a club") ||
      (text = fanfare_http_club_read_text (request, body, "body", TRUE, MAX_COMMENT_LENGTH)) == NULL)
    return;

  if ((comment_id = fanfare_club_store_add_comment (db, post->id, fanfare_request_get_viewer (request)->user_id, text,
                                                    &error)) == 0 ||
      (comment = fanfare_club_store_get_comment (db, comment_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "comment");
  add_comment (builder, comment);
  fanfare_http_store_respond (request, 201, builder);
}

static void
remove_comment (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareClubCommentRecord) comment = NULL;

  if ((comment = fanfare_club_store_get_comment (db, fanfare_request_get_id (request, "id"), &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (comment->author_id != fanfare_request_get_viewer (request)->user_id &&
      !fanfare_http_club_check (request, comment->club_id, FANFARE_CLUB_ROLE_ADMIN,
                                "Only its author or the club's admins may do this"))
    return;

  if (!fanfare_club_store_remove_comment (db, comment->id, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

/* The member's @nameplates of the club's artist's albums. */
static void
add_nameplates (JsonBuilder    *builder,
                FanfareRequest *request,
                GPtrArray      *nameplates)
{
  json_builder_set_member_name (builder, "nameplates");
  json_builder_begin_array (builder);
  for (guint i = 0; nameplates != NULL && i < nameplates->len; i++)
    fanfare_http_add_nameplate (builder, request, g_ptr_array_index (nameplates, i));
  json_builder_end_array (builder);
}

static void
leaderboard (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 club_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) supporters = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) nameplates = NULL;
  gint64 artist_id;

  if ((artist_id = fanfare_club_store_get_artist (db, club_id, &error)) == 0 ||
      (supporters = fanfare_club_store_leaderboard (db, club_id, MAX_LEADERBOARD, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  for (guint i = 0; i < supporters->len; i++)
    g_array_append_val (members, ((const FanfareClubSupporter *) g_ptr_array_index (supporters, i))->user_id);
  nameplates = fanfare_http_collect_nameplates (request, (const gint64 *) members->data, members->len, artist_id, 0,
                                                &records);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < supporters->len; i++)
    {
      const FanfareClubSupporter *supporter = g_ptr_array_index (supporters, i);

      json_builder_begin_object (builder);
      fanfare_http_store_add_int (builder, "rank", i + 1);
      fanfare_http_store_add_id (builder, "user_id", supporter->user_id);
      fanfare_http_store_add_string (builder, "username", supporter->username);
      fanfare_http_store_add_string (builder, "display_name", supporter->display_name);
      fanfare_http_store_add_string (builder, "role", fanfare_club_role_to_string (supporter->role));
      fanfare_http_store_add_int (builder, "purchases", supporter->purchases);
      fanfare_http_store_add_int (builder, "listening_ms", supporter->listening_ms);
      fanfare_http_store_add_int (builder, "activity", supporter->activity);
      fanfare_http_store_add_int (builder, "score", supporter->score);
      fanfare_http_store_add_int (builder, "badge_level", badge_level (supporter->score));
      add_nameplates (builder, request, g_hash_table_lookup (nameplates, &supporter->user_id));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  fanfare_http_store_respond (request, 200, builder);
}

const FanfareRoute fanfare_http_club_post_routes[] = {
  { "GET", "/api/v1/clubs/{id}/posts", FANFARE_ACCESS_ANYONE, 0, list_posts },
  { "POST", "/api/v1/clubs/{id}/posts", FANFARE_ACCESS_USER, 0, add_club_post },
  { "GET", "/api/v1/clubs/{id}/leaderboard", FANFARE_ACCESS_ANYONE, 0, leaderboard, TRUE },
  { "DELETE", "/api/v1/club-posts/{id}", FANFARE_ACCESS_USER, 0, remove_post },
  { "PUT", "/api/v1/club-posts/{id}/pinned", FANFARE_ACCESS_USER, 0, pin_post },
  { "PUT", "/api/v1/club-posts/{id}/image", FANFARE_ACCESS_USER, FANFARE_IMAGE_MAX_BYTES, set_post_image },
  { "GET", "/api/v1/club-posts/{id}/comments", FANFARE_ACCESS_ANYONE, 0, list_comments },
  { "POST", "/api/v1/club-posts/{id}/comments", FANFARE_ACCESS_USER, 0, post_comment },
  { "DELETE", "/api/v1/club-comments/{id}", FANFARE_ACCESS_USER, 0, remove_comment },
  { NULL },
};
