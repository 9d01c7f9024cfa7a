/* fanfare-client-moderation.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Moderating comments: the reported comments a page at a time, and
 * settling each, by removing the comment or dismissing its reports. Only
 * moderators and admins may (fanfare_user_get_moderator()); the server
 * refuses anyone else. */

#include "config.h"

#include "fanfare-client-moderation.h"
#include "fanfare-client-social-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

struct _FanfareCommentReport
{
  GObject         parent_instance;
  FanfareComment *comment;
  char           *target_kind;
  char           *target_id;
  guint           count;
  GStrv           reasons;
};

G_DEFINE_FINAL_TYPE (FanfareCommentReport, fanfare_comment_report, G_TYPE_OBJECT)

static void
fanfare_comment_report_finalize (GObject *object)
{
  FanfareCommentReport *self = FANFARE_COMMENT_REPORT (object);

  g_clear_object (&self->comment);
  g_free (self->target_kind);
  g_free (self->target_id);
  g_strfreev (self->reasons);

  G_OBJECT_CLASS (fanfare_comment_report_parent_class)->finalize (object);
}

static void
fanfare_comment_report_class_init (FanfareCommentReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_comment_report_finalize;
}

static void
fanfare_comment_report_init (FanfareCommentReport *self)
{
}

static FanfareCommentReport *
report_new_from_json (JsonObject *json,
                      GError    **error)
{
  g_autoptr(FanfareCommentReport) self = g_object_new (FANFARE_TYPE_COMMENT_REPORT, NULL);
  JsonNode *comment = json_object_get_member (json, "comment");
  const char *kind = NULL, *target_id = NULL;
  gint64 count = 0;

  if (comment == NULL || !JSON_NODE_HOLDS_OBJECT (comment))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “comment” must be an object");
      return NULL;
    }

  if ((self->comment = _fanfare_comment_new_from_json (json_node_get_object (comment), error)) == NULL ||
      !fanfare_json_read_string (json, "target_kind", TRUE, &kind, error) ||
      !fanfare_json_read_string (json, "target_id", TRUE, &target_id, error) ||
      !fanfare_json_read_int (json, "report_count", FALSE, &count, error) ||
      !fanfare_json_read_strv (json, "reasons", FALSE, &self->reasons, error))
    return NULL;

  self->target_kind = g_strdup (kind);
  self->target_id = g_strdup (target_id);
  self->count = CLAMP (count, 0, G_MAXUINT);
  if (self->reasons == NULL)
    self->reasons = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

FanfareComment *
fanfare_comment_report_get_comment (FanfareCommentReport *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT_REPORT (self), NULL);

  return self->comment;
}

/**
 * fanfare_comment_report_get_target_kind:
 *
 * Returns: what the comment is on: "track", "album" or "playlist"
 */
const char *
fanfare_comment_report_get_target_kind (FanfareCommentReport *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT_REPORT (self), NULL);

  return self->target_kind;
}

const char *
fanfare_comment_report_get_target_id (FanfareCommentReport *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT_REPORT (self), NULL);

  return self->target_id;
}

/**
 * fanfare_comment_report_get_count:
 *
 * Returns: how many people reported the comment
 */
guint
fanfare_comment_report_get_count (FanfareCommentReport *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT_REPORT (self), 0);

  return self->count;
}

/**
 * fanfare_comment_report_get_reasons:
 *
 * Returns: (transfer none): the latest reasons given, the latest first
 */
const char * const *
fanfare_comment_report_get_reasons (FanfareCommentReport *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT_REPORT (self), NULL);

  return (const char * const *) self->reasons;
}

static gpointer
parse_reports (FanfareClient *self,
               JsonObject    *json,
               GError       **error)
{
  return _fanfare_client_social_new_page (json, _fanfare_client_parse_items (json, "items",
                                                                             FANFARE_TYPE_COMMENT_REPORT,
                                                                             (FanfareNewItemFunc) report_new_from_json,
                                                                             error));
}

/**
 * fanfare_client_list_comment_reports_async:
 * @cursor: (nullable): the previous page's next cursor
 *
 * Lists a page of the reported comments, the latest reported first, as
 * #FanfareCommentReport objects. Finish with
 * fanfare_client_social_list_finish().
 */
void
fanfare_client_list_comment_reports_async (FanfareClient       *self,
                                           const char          *cursor,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = _fanfare_client_social_with_cursor ("/api/v1/moderation/comment-reports?limit=50", cursor);

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  _fanfare_client_social_call_list (self, "GET", path, NULL, parse_reports, cancellable, callback, user_data);
}

/**
 * fanfare_client_settle_comment_report_async:
 * @remove: removes the comment (with its replies); otherwise its reports
 *   are dismissed and it stays
 *
 * Finish with fanfare_client_social_finish().
 */
void
fanfare_client_settle_comment_report_async (FanfareClient       *self,
                                            const char          *comment_id,
                                            gboolean             remove,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (comment_id != NULL);

  escaped = _fanfare_client_escape (comment_id);
  path = g_strdup_printf ("/api/v1/moderation/%s/%s", remove ? "comments" : "comment-reports", escaped);
  _fanfare_client_social_call_simple (self, "DELETE", path, NULL, cancellable, callback, user_data);
}
