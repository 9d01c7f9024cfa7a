/* fanfare-http-messages.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sending music to a friend, and the inbox it arrives in. A message
 * names its item by kind and id; the inbox shows the item as its reader
 * may see it, and leaves it out once they may not. */

#include "config.h"

#include "fanfare-account-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-http-social.h"
#include "fanfare-json.h"
#include "fanfare-message-store.h"
#include "fanfare-playlist-store.h"

#define MAX_NOTE_CHARS 500

/* The kinds of item a message may carry; each is also the member that
 * holds the item in the inbox. */
static const char * const message_kinds[] = { "track", "album", "playlist", NULL };

/* Adds the item as @viewer may see it, under its kind's name. */
static gboolean
add_item (JsonBuilder         *builder,
          FanfareDatabase     *db,
          const FanfareViewer *viewer,
          const char          *kind,
          gint64               item_id,
          GError             **error)
{
  g_autoptr(GObject) item = NULL;

  if (g_str_equal (kind, "playlist"))
    return fanfare_http_add_playlist (builder, db, viewer, item_id, error);

  if (g_str_equal (kind, "track"))
    item = G_OBJECT (fanfare_catalog_store_get_track (db, viewer, item_id, error));
  else if (g_str_equal (kind, "album"))
    item = G_OBJECT (fanfare_catalog_store_get_album (db, viewer, item_id, error));
  else
    g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such item");

  if (item == NULL)
    return FALSE;

  fanfare_http_add_object (builder, kind, item);

  return TRUE;
}

/* A friend is sent only what they may see, so that their inbox shows
 * every message its unread count counts. */
static gboolean
recipient_can_see (FanfareDatabase *db,
                   gint64           recipient_id,
                   const char      *kind,
                   gint64           item_id,
                   GError         **error)
{
  const FanfareViewer recipient = { recipient_id, FALSE };
  g_autoptr(JsonBuilder) check = json_builder_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  json_builder_begin_object (check);
  if (add_item (check, db, &recipient, kind, item_id, &local_error))
    return TRUE;

  if (g_error_matches (local_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_FORBIDDEN, "Your friend cannot see this %s", kind);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static JsonNode *
message_to_json (FanfareRequest          *request,
                 const FanfareMessageRow *row,
                 GError                 **error)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row->id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, row->kind);
  if (!fanfare_http_add_user (builder, "from", db, row->sender_id, error) ||
      !add_item (builder, db, fanfare_request_get_viewer (request), row->kind, row->item_id, error))
    return NULL;
  if (row->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, row->note);
    }
  json_builder_set_member_name (builder, "read");
  json_builder_add_boolean_value (builder, row->read);
  fanfare_http_add_time (builder, "created_at", row->created_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_message (JsonObject  *body,
              const char **to,
              const char **kind,
              gint64      *item_id,
              const char **note,
              GError     **error)
{
  if (!fanfare_json_read_string (body, "to", TRUE, to, error) ||
      !fanfare_json_read_string (body, "kind", TRUE, kind, error) ||
      !fanfare_http_read_id (body, "item_id", item_id, error) ||
      !fanfare_json_read_string (body, "note", FALSE, note, error))
    return FALSE;

  if (!g_strv_contains (message_kinds, *kind))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “kind” must be track, album or playlist");
      return FALSE;
    }

  if (*note != NULL && g_utf8_strlen (*note, -1) > MAX_NOTE_CHARS)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “note” holds at most %d characters", MAX_NOTE_CHARS);
      return FALSE;
    }

  return TRUE;
}

static void
send_message (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonBuilder) check = json_builder_new_immutable ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *to = NULL, *kind = NULL, *note = NULL;
  g_autofree char *id = NULL;
  gint64 item_id = 0, recipient_id = 0, message_id = 0;

  json_builder_begin_object (check);
  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !read_message (body, &to, &kind, &item_id, &note, &error) ||
      !add_item (check, db, viewer, kind, item_id, &error) ||
      (recipient_id = fanfare_account_store_lookup_user_id (db, to, &error)) == 0 ||
      !fanfare_http_social_can_see (request, recipient_id, &error) ||
      !recipient_can_see (db, recipient_id, kind, item_id, &error) ||
      (message_id = fanfare_message_store_send (db, viewer->user_id, recipient_id, kind, item_id,
                                                note != NULL && *note != '\0' ? note : NULL, &error)) == 0)
    {
      fanfare_request_fail (request, error);
      return;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 201, root);
}

static void
list_inbox (FanfareRequest *request)
{
  g_auto(FanfareListPosition) after = { NULL, 0 };
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  gboolean more = FALSE;
  guint limit;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      !fanfare_http_get_position (request, &after, &error) ||
      (rows = fanfare_message_store_list (fanfare_request_get_database (request),
                                          fanfare_request_get_viewer (request)->user_id,
                                          after.key != NULL ? after.id : G_MAXINT64, limit, &more,
                                          &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    if (!fanfare_http_collect_node (nodes, message_to_json (request, g_ptr_array_index (rows, i), &error), &error))
      {
        fanfare_request_fail (request, error);
        return;
      }

  if (more && rows->len > 0)
    cursor = fanfare_http_cursor_encode ("inbox",
                                         ((FanfareMessageRow *) g_ptr_array_index (rows, rows->len - 1))->id);
  fanfare_http_respond_nodes (request, nodes, cursor);
}

static void
count_unread (FanfareRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gint64 unread;

  unread = fanfare_message_store_count_unread (fanfare_request_get_database (request),
                                               fanfare_request_get_viewer (request)->user_id, &error);
  if (unread < 0)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "unread");
  json_builder_add_int_value (builder, unread);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
mark_read (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_message_store_mark_read (fanfare_request_get_database (request),
                                        fanfare_request_get_viewer (request)->user_id,
                                        fanfare_request_get_id (request, "id"), &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
delete_message (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_message_store_delete (fanfare_request_get_database (request),
                                     fanfare_request_get_viewer (request)->user_id,
                                     fanfare_request_get_id (request, "id"), &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

const FanfareRoute fanfare_http_message_routes[] = {
  { "POST", "/api/v1/messages", FANFARE_ACCESS_USER, 0, send_message },
  { "GET", "/api/v1/me/inbox", FANFARE_ACCESS_USER, 0, list_inbox },
  { "GET", "/api/v1/me/inbox/unread", FANFARE_ACCESS_USER, 0, count_unread },
  { "PUT", "/api/v1/me/inbox/{id}/read", FANFARE_ACCESS_USER, 0, mark_read },
  { "DELETE", "/api/v1/me/inbox/{id}", FANFARE_ACCESS_USER, 0, delete_message },
  { NULL },
};
