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
#include "fanfare-server-private.h"
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

static JsonNode *
reason_to_json (const FanfarePick *pick)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *text = reason_text (pick);

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

  return json_builder_get_root (builder);
}

/* The form the lookup gave, or the one made of @node (taken), kept under
 * @key when there is one. */
static GBytes *
form_of (FanfareFormCache *forms,
         GBytes           *given,
         GBytes           *key,
         JsonNode         *node)
{
  g_autoptr(JsonNode) owned = node;
  GBytes *form;

  if (given != NULL)
    return g_bytes_ref (given);

  form = fanfare_http_json_form (owned);
  if (key != NULL)
    fanfare_form_cache_store (forms, key, form);

  return form;
}

/* The reason of every popular pick: the same words for every one. */
static GBytes *
popular_form (void)
{
  static GBytes *form;

  if (g_once_init_enter (&form))
    {
      FanfarePick popular = { .reason = FANFARE_PICK_REASON_POPULAR };
      g_autoptr(JsonNode) node = reason_to_json (&popular);

      g_once_init_leave (&form, fanfare_http_json_form (node));
    }

  return g_bytes_ref (form);
}

static GBytes *
lookup_form (GBytes   *key,
             gpointer  user_data)
{
  return fanfare_form_cache_lookup (user_data, key);
}

/* Answers {"day": DAY, "items": [{"track": TRACK, "reason": REASON}]}.
 * The answer is put together from the JSON forms of its parts, each made
 * by json-glib; those of tracks and reasons come from the server's form
 * cache when the picks were listed with its lookup. Making them anew
 * each time was most of what a request cost. */
static void
respond_picks (FanfareRequest *request,
               const char     *day,
               GPtrArray      *picks)
{
  FanfareFormCache *forms = _fanfare_server_get_forms (fanfare_request_get_server (request));
  g_autoptr(GString) text = g_string_sized_new (64 + picks->len * 1024);
  g_autoptr(GBytes) body = NULL;

  g_string_append_c (text, '{');
  if (day != NULL)
    {
      g_autoptr(JsonNode) day_node = json_node_init_string (json_node_alloc (), day);
      g_autoptr(GBytes) day_form = fanfare_http_json_form (day_node);

      fanfare_http_append_member (text, "day", day_form);
      g_string_append_c (text, ',');
    }
  g_string_append (text, "\"items\":[");
  for (guint i = 0; i < picks->len; i++)
    {
      const FanfarePick *pick = g_ptr_array_index (picks, i);
      g_autoptr(GBytes) track = NULL;
      g_autoptr(GBytes) reason = NULL;

      track = form_of (forms, pick->track_form, pick->track_key,
                       pick->track_form == NULL ? fanfare_track_to_json (pick->track) : NULL);
      if (pick->reason == FANFARE_PICK_REASON_POPULAR)
        reason = popular_form ();
      else
        reason = form_of (forms, pick->reason_form, pick->reason_key,
                          pick->reason_form == NULL ? reason_to_json (pick) : NULL);
      g_string_append (text, i > 0 ? ",{" : "{");
      fanfare_http_append_member (text, "track", track);
      g_string_append_c (text, ',');
      fanfare_http_append_member (text, "reason", reason);
      g_string_append_c (text, '}');
    }
  g_string_append (text, "],\"next_cursor\":null}");

  body = g_string_free_to_bytes (g_steal_pointer (&text));
  fanfare_request_respond_bytes (request, 200, "application/json", body);
}

static void
get_daily_picks (FanfareRequest *request)
{
  FanfareFormCache *forms = _fanfare_server_get_forms (fanfare_request_get_server (request));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) picks = NULL;
  g_autofree char *day = NULL;

  picks = fanfare_discovery_store_list_daily_picks (fanfare_request_get_database (request),
                                                    fanfare_request_get_viewer (request), lookup_form, forms, &day,
                                                    &error);
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
