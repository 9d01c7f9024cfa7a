/* fanfare-http-discovery.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What to listen to next: the daily picks the recommender made, the
 * personal radio and what the listener tells it, and the playlists of
 * verified musicians and influencers. A reason is sent as data (a kind
 * and the track it is about), for the client to word in its language,
 * with an English sentence for clients that do not. */

#include "config.h"

#include "fanfare-discovery-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-json.h"
#include "fanfare-playlist-store.h"
#include "fanfare-track.h"

static char *
reason_text (const FanfarePick *pick)
{
  switch (pick->reason)
    {
    case FANFARE_PICK_REASON_PLAYED:
      return g_strdup_printf ("Because you played “%s”", fanfare_track_get_title (pick->reason_track));
    case FANFARE_PICK_REASON_LIKED:
      return g_strdup_printf ("Because you liked “%s”", fanfare_track_get_title (pick->reason_track));
    case FANFARE_PICK_REASON_POPULAR:
    default:
      return g_strdup ("Popular with listeners");
    }
}

static void
add_reason (JsonBuilder       *builder,
            const FanfarePick *pick)
{
  g_autofree char *text = reason_text (pick);

  json_builder_set_member_name (builder, "reason");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, fanfare_pick_reason_to_string (pick->reason));
  if (pick->reason_track != NULL)
    {
      json_builder_set_member_name (builder, "track_id");
      json_builder_add_string_value (builder, fanfare_track_get_id (pick->reason_track));
      json_builder_set_member_name (builder, "track_title");
      json_builder_add_string_value (builder, fanfare_track_get_title (pick->reason_track));
      json_builder_set_member_name (builder, "artist");
      json_builder_add_string_value (builder, fanfare_track_get_artist (pick->reason_track));
    }
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

/* Answers {"day": DAY, "items": [{"track": TRACK, "reason": REASON}]}. */
static void
respond_picks (FanfareRequest *request,
               const char     *day,
               GPtrArray      *picks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (day != NULL)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_string_value (builder, day);
    }
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < picks->len; i++)
    {
      const FanfarePick *pick = g_ptr_array_index (picks, i);

      json_builder_begin_object (builder);
      fanfare_http_add_object (builder, "track", pick->track);
      add_reason (builder, pick);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
get_daily_picks (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) picks = NULL;
  g_autofree char *day = NULL;

  picks = fanfare_discovery_store_list_daily_picks (fanfare_request_get_database (request),
                                                    fanfare_request_get_viewer (request), &day, &error);
  if (picks == NULL)
    fanfare_request_fail (request, error);
  else
    respond_picks (request, day, picks);
}

static void
next_radio (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) picks = NULL;
  guint limit = 0;

  if (fanfare_request_get_limit (request, &limit, &error))
    picks = fanfare_discovery_store_next_radio (fanfare_request_get_database (request),
                                                fanfare_request_get_viewer (request), limit, &error);

  if (picks == NULL)
    fanfare_request_fail (request, error);
  else
    respond_picks (request, NULL, picks);
}

static void
radio_feedback (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *kind = NULL;
  gint64 track_id = 0;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_http_read_track_id (body, "track_id", TRUE, &track_id, &error) ||
      !fanfare_json_read_string (body, "kind", TRUE, &kind, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!g_str_equal (kind, "like") && !g_str_equal (kind, "skip"))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The field “kind” must be like or skip");
      return;
    }

  if (!fanfare_discovery_store_add_feedback (fanfare_request_get_database (request),
                                             fanfare_request_get_viewer (request), track_id,
                                             g_str_equal (kind, "like"), &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
list_featured (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playlists = NULL;
  guint limit = 0;

  if (fanfare_request_get_limit (request, &limit, &error))
    playlists = fanfare_playlist_store_list_featured (fanfare_request_get_database (request),
                                                      fanfare_request_get_viewer (request), limit, &error);

  if (playlists == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_items (request, playlists, NULL);
}

const FanfareRoute fanfare_http_discovery_routes[] = {
  { "GET", "/api/v1/me/daily-picks", FANFARE_ACCESS_USER, 0, get_daily_picks },
  { "GET", "/api/v1/me/radio", FANFARE_ACCESS_USER, 0, next_radio },
  { "POST", "/api/v1/me/radio/feedback", FANFARE_ACCESS_USER, 0, radio_feedback },
  { "GET", "/api/v1/featured/playlists", FANFARE_ACCESS_ANYONE, 0, list_featured, TRUE },
  { NULL },
};
