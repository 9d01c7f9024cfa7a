/* fanfare-http-comments.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Comments on tracks, albums and playlists. Whoever may see the item may
 * read its comments; a signed-in user may write, up to a length and a
 * rate. A comment is plain text: it is stored and answered as written,
 * and clients show it as text, never as markup. */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-album.h"
#include "fanfare-comment-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-http-social.h"
#include "fanfare-http-store.h"
#include "fanfare-json.h"
#include "fanfare-playlist-store.h"
#include "fanfare-playlist.h"
#include "fanfare-sales-store.h"
#include "fanfare-track.h"

#define MAX_COMMENT_CHARS     2000
#define MAX_REPORT_CHARS      500
#define COMMENTS_PER_MINUTE   10

/* The artist and album a track or an album is of, whose nameplates show
 * beside their owners' comments; none for a playlist. */
typedef struct {
  gint64 artist_id;
  gint64 album_id;
} CommentedMusic;

static gint64
parse_id (const char *id)
{
  return id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
}

/* Whether the caller may see @target_id: the item exists for them, and a
 * playlist's owner did not block them. */
static gboolean
check_target (FanfareRequest       *request,
              FanfareCommentTarget  target,
              gint64                target_id,
              CommentedMusic       *music,
              GError              **error)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(GObject) item = NULL;
  gint64 owner_id;

  if (music != NULL)
    *music = (CommentedMusic) { 0, 0 }
  ;

  switch (target)
    {
    case FANFARE_COMMENT_TARGET_TRACK:
      if ((item = G_OBJECT (fanfare_catalog_store_get_track (db, viewer, target_id, error))) == NULL)
        return FALSE;
      if (music != NULL)
        {
          music->artist_id = parse_id (fanfare_track_get_artist_id (FANFARE_TRACK (item)));
          music->album_id = parse_id (fanfare_track_get_album_id (FANFARE_TRACK (item)));
        }
      return TRUE;

    case FANFARE_COMMENT_TARGET_ALBUM:
      if ((item = G_OBJECT (fanfare_catalog_store_get_album (db, viewer, target_id, error))) == NULL)
        return FALSE;
      if (music != NULL)
        {
          music->artist_id = parse_id (fanfare_album_get_artist_id (FANFARE_ALBUM (item)));
          music->album_id = target_id;
        }
      return TRUE;

    case FANFARE_COMMENT_TARGET_PLAYLIST:
    default:
      if ((item = G_OBJECT (fanfare_playlist_store_get (db, viewer, target_id, error))) == NULL ||
          (owner_id = fanfare_account_store_lookup_user_id (db, fanfare_playlist_get_owner (FANFARE_PLAYLIST (item)),
                                                            error)) == 0)
        return FALSE;
      if (!fanfare_http_social_can_see (request, owner_id, NULL))
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such playlist");
          return FALSE;
        }
      return TRUE;
    }
}

/* Begins a COMMENT as docs/api.md describes it, all but its nameplates. */
static gboolean
begin_comment (JsonBuilder             *builder,
               FanfareDatabase         *db,
               const FanfareCommentRow *row,
               GError                 **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  if (row->parent_id != 0)
    {
      g_autofree char *parent = g_strdup_printf ("%" G_GINT64_FORMAT, row->parent_id);

      json_builder_set_member_name (builder, "parent_id");
      json_builder_add_string_value (builder, parent);
    }
  if (!fanfare_http_add_user (builder, "author", db, row->author_id, error))
    return FALSE;
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, row->body);
  json_builder_set_member_name (builder, "by_artist");
  json_builder_add_boolean_value (builder, row->by_artist);
  json_builder_set_member_name (builder, "like_count");
  json_builder_add_int_value (builder, row->like_count);
  json_builder_set_member_name (builder, "reply_count");
  json_builder_add_int_value (builder, row->reply_count);
  json_builder_set_member_name (builder, "liked");
  json_builder_add_boolean_value (builder, row->liked);
  fanfare_http_add_time (builder, "created_at", row->created_at);

  return TRUE;
}

/* Adds a COMMENT without the author's nameplates. */
gboolean
fanfare_http_add_comment (JsonBuilder             *builder,
                          FanfareDatabase         *db,
                          const FanfareCommentRow *row,
                          GError                 **error)
{
  if (!begin_comment (builder, db, row, error))
    return FALSE;
  json_builder_end_object (builder);

  return TRUE;
}

/* Adds a COMMENT with the author's @nameplates. */
static gboolean
add_comment (JsonBuilder             *builder,
             FanfareRequest          *request,
             const FanfareCommentRow *row,
             GPtrArray               *nameplates,
             GError                 **error)
{
  if (!begin_comment (builder, fanfare_request_get_database (request), row, error))
    return FALSE;
  if (nameplates != NULL && nameplates->len > 0)
    {
      json_builder_set_member_name (builder, "nameplates");
      json_builder_begin_array (builder);
      for (guint i = 0; i < nameplates->len; i++)
        fanfare_http_add_nameplate (builder, request, g_ptr_array_index (nameplates, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return TRUE;
}

/* The nameplates of @music's artist that the authors of @rows hold, in
 * one query: a table from each author's id to their nameplates. */
static GHashTable *
collect_nameplates (FanfareRequest       *request,
                    const CommentedMusic *music,
                    GPtrArray            *rows,
                    GPtrArray           **records)
{
  g_autoptr(GArray) authors = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; music->artist_id != 0 && i < rows->len; i++)
    {
      const FanfareCommentRow *row = g_ptr_array_index (rows, i);

      g_array_append_val (authors, row->author_id);
    }

  return fanfare_http_collect_nameplates (request, (const gint64 *) authors->data, authors->len, music->artist_id,
                                          music->album_id, records);
}

static void
respond_comments (FanfareRequest            *request,
                  const CommentedMusic      *music,
                  GPtrArray                 *rows,
                  const FanfareListPosition *next)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) nameplates = collect_nameplates (request, music, rows, &records);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    if (!add_comment (builder, request, g_ptr_array_index (rows, i),
                      g_hash_table_lookup (nameplates, &((FanfareCommentRow *) g_ptr_array_index (rows, i))->author_id),
                      &error))
      {
        fanfare_request_fail (request, error);
        return;
      }
  json_builder_end_array (builder);
  if (next->key != NULL)
    cursor = fanfare_http_cursor_encode (next->key, next->id);
  fanfare_http_add_cursor (builder, cursor);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static gboolean
read_sort (FanfareRequest     *request,
           FanfareCommentSort *sort,
           GError            **error)
{
  const char *text = fanfare_request_get_query (request, "sort");

  *sort = FANFARE_COMMENT_SORT_HOT;
  if (text == NULL || g_str_equal (text, "hot"))
    return TRUE;
  if (g_str_equal (text, "new"))
    {
      *sort = FANFARE_COMMENT_SORT_NEW;
      return TRUE;
    }

  g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “sort” must be hot or new");
  return FALSE;
}

static void
list_comments (FanfareRequest       *request,
               FanfareCommentTarget  target,
               gint64                target_id,
               gint64                parent_id)
{
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_auto(FanfareListPosition) next = { NULL, 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  CommentedMusic music;
  FanfareCommentSort sort;
  guint limit;

  if (!read_sort (request, &sort, &error) ||
      !fanfare_request_get_limit (request, &limit, &error) ||
      !fanfare_http_get_position (request, &after, &error) ||
      !check_target (request, target, target_id, &music, &error) ||
      (rows = fanfare_comment_store_list (fanfare_request_get_database (request),
                                          fanfare_request_get_viewer (request)->user_id, target, target_id,
                                          parent_id, sort, &after, limit, &next, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_comments (request, &music, rows, &next);
}

static gboolean
read_body (JsonObject  *body,
           const char **text,
           GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!fanfare_json_read_string (body, "body", TRUE, text, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (*text));
  if (*stripped == '\0' || g_utf8_strlen (*text, -1) > MAX_COMMENT_CHARS)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “body” must hold 1 to %d characters", MAX_COMMENT_CHARS);
      return FALSE;
    }

  return TRUE;
}

static void
post_comment (FanfareRequest       *request,
              FanfareCommentTarget  target)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 viewer_id = fanfare_request_get_viewer (request)->user_id;
  gint64 target_id = fanfare_request_get_id (request, "id");
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareCommentRow) row = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  const char *text = NULL, *parent = NULL;
  gint64 parent_id = 0, comment_id;
  FanfareCommentTarget found_target;
  gint64 found_id;
  CommentedMusic music;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) nameplates = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !read_body (body, &text, &error) ||
      !fanfare_json_read_string (body, "parent_id", FALSE, &parent, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  if (parent != NULL && !g_ascii_string_to_signed (parent, 10, 1, G_MAXINT64, &parent_id, NULL))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The field “parent_id” must be an id");
      return;
    }

  if (!check_target (request, target, target_id, &music, &error) ||
      (comment_id = fanfare_comment_store_add (db, target, target_id, parent_id, viewer_id, text,
                                               COMMENTS_PER_MINUTE, &error)) == 0 ||
      (row = fanfare_comment_store_get (db, viewer_id, comment_id, &found_target, &found_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  g_ptr_array_add (rows, row);
  nameplates = collect_nameplates (request, &music, rows, &records);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "comment");
  if (!add_comment (builder, request, row, g_hash_table_lookup (nameplates, &row->author_id), &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 201, root);
}

static void
list_track_comments (FanfareRequest *request)
{
  list_comments (request, FANFARE_COMMENT_TARGET_TRACK, fanfare_request_get_id (request, "id"), 0);
}

static void
post_track_comment (FanfareRequest *request)
{
  post_comment (request, FANFARE_COMMENT_TARGET_TRACK);
}

static void
list_album_comments (FanfareRequest *request)
{
  list_comments (request, FANFARE_COMMENT_TARGET_ALBUM, fanfare_request_get_id (request, "id"), 0);
}

static void
post_album_comment (FanfareRequest *request)
{
  post_comment (request, FANFARE_COMMENT_TARGET_ALBUM);
}

static void
list_playlist_comments (FanfareRequest *request)
{
  list_comments (request, FANFARE_COMMENT_TARGET_PLAYLIST, fanfare_request_get_id (request, "id"), 0);
}

static void
post_playlist_comment (FanfareRequest *request)
{
  post_comment (request, FANFARE_COMMENT_TARGET_PLAYLIST);
}

/* The comment a path's {id} names, if the caller may see it, and what it
 * is on; 0 with the request failed. */
static gint64
path_comment (FanfareRequest       *request,
              FanfareCommentTarget *target,
              gint64               *target_id)
{
  gint64 comment_id = fanfare_request_get_id (request, "id");
  g_autoptr(FanfareCommentRow) row = NULL;
  g_autoptr(GError) error = NULL;

  if ((row = fanfare_comment_store_get (fanfare_request_get_database (request),
                                        fanfare_request_get_viewer (request)->user_id, comment_id, target,
                                        target_id, &error)) == NULL ||
      !check_target (request, *target, *target_id, NULL, &error))
    {
      if (g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        fanfare_request_fail_literal (request, FANFARE_ERROR_NOT_FOUND, "No such comment");
      else
        fanfare_request_fail (request, error);
      return 0;
    }

  return comment_id;
}

static void
list_replies (FanfareRequest *request)
{
  FanfareCommentTarget target;
  gint64 target_id;
  gint64 comment_id = path_comment (request, &target, &target_id);

  if (comment_id != 0)
    list_comments (request, target, target_id, comment_id);
}

static void
delete_comment (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  FanfareCommentTarget target;
  gint64 target_id;
  gint64 comment_id = path_comment (request, &target, &target_id);

  if (comment_id == 0)
    return;

  if (!fanfare_comment_store_delete (fanfare_request_get_database (request), comment_id,
                                     fanfare_request_get_viewer (request)->user_id, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
set_liked (FanfareRequest *request,
           gboolean        liked)
{
  g_autoptr(GError) error = NULL;
  FanfareCommentTarget target;
  gint64 target_id;
  gint64 comment_id = path_comment (request, &target, &target_id);

  if (comment_id == 0)
    return;

  if (!fanfare_comment_store_set_liked (fanfare_request_get_database (request), comment_id,
                                        fanfare_request_get_viewer (request)->user_id, liked, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
like_comment (FanfareRequest *request)
{
  set_liked (request, TRUE);
}

static void
unlike_comment (FanfareRequest *request)
{
  set_liked (request, FALSE);
}

static void
report_comment (FanfareRequest *request)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = NULL;
  FanfareCommentTarget target;
  gint64 comment_id, target_id;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "reason", TRUE, &reason, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  if (g_utf8_strlen (reason, -1) > MAX_REPORT_CHARS)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The field “reason” is too long");
      return;
    }

  if ((comment_id = path_comment (request, &target, &target_id)) == 0)
    return;

  if (!fanfare_comment_store_report (fanfare_request_get_database (request), comment_id,
                                     fanfare_request_get_viewer (request)->user_id, reason, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

const FanfareRoute fanfare_http_comment_routes[] = {
  { "GET", "/api/v1/tracks/{id}/comments", FANFARE_ACCESS_ANYONE, 0, list_track_comments },
  { "POST", "/api/v1/tracks/{id}/comments", FANFARE_ACCESS_USER, 0, post_track_comment },
  { "GET", "/api/v1/albums/{id}/comments", FANFARE_ACCESS_ANYONE, 0, list_album_comments },
  { "POST", "/api/v1/albums/{id}/comments", FANFARE_ACCESS_USER, 0, post_album_comment },
  { "GET", "/api/v1/playlists/{id}/comments", FANFARE_ACCESS_ANYONE, 0, list_playlist_comments },
  { "POST", "/api/v1/playlists/{id}/comments", FANFARE_ACCESS_USER, 0, post_playlist_comment },
  { "GET", "/api/v1/comments/{id}/replies", FANFARE_ACCESS_ANYONE, 0, list_replies },
  { "DELETE", "/api/v1/comments/{id}", FANFARE_ACCESS_USER, 0, delete_comment },
  { "PUT", "/api/v1/comments/{id}/like", FANFARE_ACCESS_USER, 0, like_comment },
  { "DELETE", "/api/v1/comments/{id}/like", FANFARE_ACCESS_USER, 0, unlike_comment },
  { "POST", "/api/v1/comments/{id}/reports", FANFARE_ACCESS_USER, 0, report_comment },
  { NULL },
};
