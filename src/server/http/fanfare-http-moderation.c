/* fanfare-http-moderation.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Moderators (admins, and those an admin names) read the reports of
 * comments and settle each: the comment is removed, with its replies and
 * reports, or its reports are dismissed and it stays. */

#include "config.h"

#include "fanfare-comment-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-http-social.h"

static const char * const target_kinds[] = {
  [FANFARE_COMMENT_TARGET_TRACK] = "track",
  [FANFARE_COMMENT_TARGET_ALBUM] = "album",
  [FANFARE_COMMENT_TARGET_PLAYLIST] = "playlist",
};

/* One reported comment, or NULL when it went away meanwhile. */
static JsonNode *
report_to_json (FanfareDatabase             *db,
                const FanfareCommentReports *reports,
                GError                     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(FanfareCommentRow) row = NULL;
  g_autofree char *target = NULL;
  FanfareCommentTarget kind;
  gint64 target_id;

  /* A moderator is shown the comment whoever wrote it. */
  if ((row = fanfare_comment_store_get (db, 0, reports->comment_id, &kind, &target_id, error)) == NULL)
    return NULL;

  target = g_strdup_printf ("%" G_GINT64_FORMAT, target_id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "comment");
  if (!fanfare_http_add_comment (builder, db, row, error))
    return NULL;
  json_builder_set_member_name (builder, "target_kind");
  json_builder_add_string_value (builder, target_kinds[kind]);
  json_builder_set_member_name (builder, "target_id");
  json_builder_add_string_value (builder, target);
  json_builder_set_member_name (builder, "report_count");
  json_builder_add_int_value (builder, reports->count);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; reports->reasons[i] != NULL; i++)
    json_builder_add_string_value (builder, reports->reasons[i]);
  json_builder_end_array (builder);
  fanfare_http_add_time (builder, "reported_at", reports->reported_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
list_reports (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_auto(FanfareListPosition) next = { NULL, 0 };
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  guint limit;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      !fanfare_http_get_position (request, &after, &error) ||
      (items = fanfare_comment_store_list_reports (db, &after, limit, &next, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    if (!fanfare_http_collect_node (nodes, report_to_json (db, &g_array_index (items, FanfareCommentReports, i),
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
remove_comment (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_comment_store_delete (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                     0, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
dismiss_reports (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_comment_store_dismiss_reports (fanfare_request_get_database (request),
                                              fanfare_request_get_id (request, "id"), &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

const FanfareRoute fanfare_http_moderation_routes[] = {
  { "GET", "/api/v1/moderation/comment-reports", FANFARE_ACCESS_MODERATOR, 0, list_reports },
  { "DELETE", "/api/v1/moderation/comment-reports/{id}", FANFARE_ACCESS_MODERATOR, 0, dismiss_reports },
  { "DELETE", "/api/v1/moderation/comments/{id}", FANFARE_ACCESS_MODERATOR, 0, remove_comment },
  { NULL },
};
