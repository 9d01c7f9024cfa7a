/* fanfare-http-plays.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plays, reported by the client once a track has played 30 seconds or
 * half its length, in batches when they were queued offline; the
 * listener's history; and the charts, which count listeners. */

#include "config.h"

#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-json.h"
#include "fanfare-play-store.h"
#include "fanfare-router.h"

#define MAX_BATCH        500
#define CHART_DAYS       7
#define NEW_RELEASE_DAYS 30

static gboolean
read_play (JsonObject        *object,
           FanfarePlayReport *play,
           GError           **error)
{
  const char *played_at = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (!fanfare_json_read_string (object, "id", TRUE, &play->client_id, error) ||
      !fanfare_http_read_track_id (object, "track_id", TRUE, &play->track_id, error) ||
      !fanfare_json_read_string (object, "played_at", TRUE, &played_at, error) ||
      !fanfare_json_read_int (object, "ms_played", TRUE, &play->ms_played, error))
    return FALSE;

  if (!fanfare_router_is_client_id (play->client_id))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “id” must be 1 to 64 letters, digits, “-” or “_”");
      return FALSE;
    }

  if ((time = g_date_time_new_from_iso8601 (played_at, NULL)) == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “played_at” must be an ISO 8601 time with its zone");
      return FALSE;
    }
  play->played_at = g_date_time_to_unix (time);

  return TRUE;
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
report_plays (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GArray) plays = g_array_new (FALSE, TRUE, sizeof (FanfarePlayReport));
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  FanfarePlayTally tally;
  JsonArray *array = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (json_object_has_member (body, "plays") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "plays")))
    array = json_object_get_array_member (body, "plays");
  if (array == NULL || json_array_get_length (array) == 0 || json_array_get_length (array) > MAX_BATCH)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “plays” must be an array of 1 to " G_STRINGIFY (MAX_BATCH) " plays");
      return;
    }

  g_array_set_size (plays, json_array_get_length (array));
  for (guint i = 0; i < plays->len; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The field “plays” must hold objects");
          return;
        }
      if (!read_play (json_node_get_object (node), &g_array_index (plays, FanfarePlayReport, i), &error))
        {
          fanfare_request_fail (request, error);
          return;
        }
    }

  if (!fanfare_play_store_record (fanfare_request_get_database (request), fanfare_request_get_auth (request)->user_id,
                                  (FanfarePlayReport *) plays->data, plays->len, &tally, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  add_int (builder, "recorded", tally.recorded);
  add_int (builder, "duplicates", tally.duplicates);
  add_int (builder, "ignored", tally.ignored);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  fanfare_request_respond_json (request, 200, root);
}

/* Answers {"items": [{MEMBER: OBJECT, ...}], "next_cursor": ...}, with
 * the time of each play or its number of listeners. */
static void
respond_items (FanfareRequest            *request,
               GPtrArray                 *items,
               const char                *member,
               gboolean                   plays,
               const FanfareListPosition *next)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *cursor = NULL;

  if (next != NULL && next->key != NULL)
    cursor = fanfare_http_cursor_encode (next->key, next->id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const FanfarePlayItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      fanfare_http_add_object (builder, member, item->object);
      if (plays)
        {
          fanfare_http_add_time (builder, "played_at", item->played_at);
          add_int (builder, "ms_played", item->ms_played);
        }
      else
        add_int (builder, "listeners", item->listeners);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, cursor);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
list_history (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  FanfareListPosition after = { NULL, 0 };
  FanfareListPosition next = { NULL, 0 };
  guint limit;

  if (fanfare_request_get_limit (request, &limit, &error) && fanfare_http_get_position (request, &after, &error))
    items = fanfare_play_store_list_history (fanfare_request_get_database (request),
                                             fanfare_request_get_viewer (request), &after, limit, &next, &error);

  if (items == NULL)
    fanfare_request_fail (request, error);
  else
    respond_items (request, items, "track", TRUE, &next);

  fanfare_list_position_clear (&after);
  fanfare_list_position_clear (&next);
}

static gint64
days_ago (guint  days)
{
  return g_get_real_time () / G_USEC_PER_SEC - (gint64) days * 86400;
}

static void
chart_tracks (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint limit;

  if (fanfare_request_get_limit (request, &limit, &error))
    items = fanfare_play_store_chart_tracks (fanfare_request_get_database (request),
                                             fanfare_request_get_viewer (request), days_ago (CHART_DAYS), limit,
                                             &error);

  if (items == NULL)
    fanfare_request_fail (request, error);
  else
    respond_items (request, items, "track", FALSE, NULL);
}

static void
chart_new_releases (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (days_ago (NEW_RELEASE_DAYS));
  g_autofree char *released_after = g_date_time_format (start, "%Y-%m-%d");
  guint limit;

  if (fanfare_request_get_limit (request, &limit, &error))
    items = fanfare_play_store_chart_new_releases (fanfare_request_get_database (request),
                                                   fanfare_request_get_viewer (request), days_ago (CHART_DAYS),
                                                   released_after, limit, &error);

  if (items == NULL)
    fanfare_request_fail (request, error);
  else
    respond_items (request, items, "album", FALSE, NULL);
}

const FanfareRoute fanfare_http_play_routes[] = {
  { "POST", "/api/v1/plays", FANFARE_ACCESS_USER, 0, report_plays },
  { "GET", "/api/v1/me/history", FANFARE_ACCESS_USER, 0, list_history },
  { "GET", "/api/v1/charts/tracks", FANFARE_ACCESS_ANYONE, 0, chart_tracks, TRUE },
  { "GET", "/api/v1/charts/new-releases", FANFARE_ACCESS_ANYONE, 0, chart_new_releases, TRUE },
  { NULL },
};
