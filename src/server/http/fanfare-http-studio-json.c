/* fanfare-http-studio-json.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON of the studio's objects, and who may use the studio. */

#include "config.h"

#include "fanfare-catalog-store.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-http-studio-json.h"
#include "fanfare-json.h"

/**
 * fanfare_http_studio_artist:
 *
 * Returns: the caller's artist profile, or 0 with the request failed:
 *   only artists have a studio
 */
gint64
fanfare_http_studio_artist (FanfareRequest *request)
{
  const FanfareAuth *auth = fanfare_request_get_auth (request);
  g_autoptr(GError) error = NULL;
  gint64 artist_id = 0;

  if (auth->role == FANFARE_USER_ROLE_ARTIST)
    artist_id = fanfare_catalog_store_get_artist_for_user (fanfare_request_get_database (request), auth->user_id,
                                                           &error);
  if (artist_id == 0)
    fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN,
                                  "Only artists have a studio; ask to become one first");

  return artist_id;
}

/**
 * fanfare_http_read_text:
 * @min_length: 0 when the text may be empty, 1 when not
 *
 * Reads a string member of at most @max_length characters.
 */
gboolean
fanfare_http_read_text (JsonObject  *body,
                        const char  *member,
                        gboolean     required,
                        gsize        min_length,
                        gsize        max_length,
                        const char **value,
                        GError     **error)
{
  glong length;

  if (!fanfare_json_read_string (body, member, required, value, error))
    return FALSE;
  if (*value == NULL)
    return TRUE;

  length = g_utf8_strlen (*value, -1);
  if (length < (glong) min_length || length > (glong) max_length)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “%s” must be %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT " characters", member,
                   min_length, max_length);
      return FALSE;
    }

  return TRUE;
}

/* Adds @seconds since the epoch as ISO 8601 in UTC, or null for 0. */
void
fanfare_http_add_optional_time (JsonBuilder *builder,
                                const char  *member,
                                gint64       seconds)
{
  if (seconds != 0)
    {
      fanfare_http_add_time (builder, member, seconds);
      return;
    }

  json_builder_set_member_name (builder, member);
  json_builder_add_null_value (builder);
}

static void
add_id (JsonBuilder *builder,
        const char  *member,
        gint64       id)
{
  g_autofree char *text = id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;

  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
fanfare_http_upload_to_json (const FanfareUpload *upload)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, upload->id);
  add_id (builder, "album_id", upload->album_id);
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, upload->filename);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, upload->size);
  json_builder_set_member_name (builder, "received");
  json_builder_add_int_value (builder, upload->received);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, fanfare_upload_state_to_string (upload->state));
  if (upload->error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, upload->error);
    }
  add_id (builder, "track_id", upload->track_id);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
fanfare_http_artist_request_to_json (const FanfareArtistRequest *artist_request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, artist_request->username);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, artist_request->name);
  if (artist_request->message != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, artist_request->message);
    }
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, artist_request->status);
  fanfare_http_add_optional_time (builder, "created_at", artist_request->created_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           gint64       count)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, count);
}

JsonNode *
fanfare_http_analytics_to_json (const FanfareAnalytics *analytics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_count (builder, "plays", analytics->plays);
  add_count (builder, "listeners", analytics->listeners);
  add_count (builder, "followers", analytics->followers);
  add_count (builder, "fan_club_members", analytics->fan_club_members);
  add_count (builder, "sales", analytics->sales);
  add_count (builder, "revenue_cents", analytics->revenue_cents);
  json_builder_set_member_name (builder, "currency");
  if (analytics->currency != NULL)
    json_builder_add_string_value (builder, analytics->currency);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < analytics->days->len; i++)
    {
      const FanfareDayPlays *day = &g_array_index (analytics->days, FanfareDayPlays, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (day->day);
      g_autofree char *date = g_date_time_format (time, "%Y-%m-%d");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      add_count (builder, "plays", day->plays);
      add_count (builder, "listeners", day->listeners);
      add_count (builder, "followers", day->followers);
      add_count (builder, "sales", day->sales);
      add_count (builder, "revenue_cents", day->revenue_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "top_tracks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < analytics->top_tracks->len; i++)
    {
      const FanfareTrackPlays *track = g_ptr_array_index (analytics->top_tracks, i);

      json_builder_begin_object (builder);
      add_id (builder, "track_id", track->track_id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, track->title);
      add_count (builder, "plays", track->plays);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Answers {"MEMBER": NODE}, taking @node. */
void
fanfare_http_respond_member (FanfareRequest *request,
                             guint           status,
                             const char     *member,
                             JsonNode       *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, node);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, status, root);
}
