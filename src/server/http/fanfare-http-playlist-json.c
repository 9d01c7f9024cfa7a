/* fanfare-http-playlist-json.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-error.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-json.h"
#include "fanfare-playlist.h"
#include "fanfare-track.h"

void
fanfare_http_add_time (JsonBuilder *builder,
                       const char  *member,
                       gint64       seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/**
 * fanfare_http_add_playlist:
 *
 * Adds "playlist": the model's form, with what the playlist is to
 * @viewer: `follower_count`, `following`, `can_edit`, `collaborative`,
 * and `collaborators` for those who may edit.
 */
gboolean
fanfare_http_add_playlist (JsonBuilder         *builder,
                           FanfareDatabase     *db,
                           const FanfareViewer *viewer,
                           gint64               playlist_id,
                           GError             **error)
{
  g_autoptr(FanfarePlaylist) playlist = NULL;
  g_auto(FanfarePlaylistInfo) info = { 0, };
  JsonNode *node;
  JsonObject *object;

  if ((playlist = fanfare_playlist_store_get (db, viewer, playlist_id, error)) == NULL ||
      !fanfare_playlist_store_get_info (db, viewer, playlist_id, &info, error))
    return FALSE;

  node = fanfare_playlist_to_json (playlist);
  object = json_node_get_object (node);
  json_object_set_int_member (object, "follower_count", info.follower_count);
  json_object_set_boolean_member (object, "following", info.following);
  json_object_set_boolean_member (object, "can_edit", info.can_edit);
  if (info.collaborators != NULL)
    {
      JsonArray *names = json_array_new ();

      for (guint i = 0; info.collaborators[i] != NULL; i++)
        json_array_add_string_element (names, info.collaborators[i]);
      json_object_set_boolean_member (object, "collaborative", info.collaborators[0] != NULL);
      json_object_set_array_member (object, "collaborators", names);
    }

  json_builder_set_member_name (builder, "playlist");
  json_builder_add_value (builder, node);

  return TRUE;
}

static void
add_entry (JsonBuilder                *builder,
           const FanfarePlaylistEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, entry->entry_id);
  json_builder_set_member_name (builder, "available");
  json_builder_add_boolean_value (builder, entry->track != NULL);
  if (entry->track != NULL)
    fanfare_http_add_object (builder, "track", entry->track);
  else if (entry->track_id == 0)
    {
      json_builder_set_member_name (builder, "local");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, entry->title);
      if (entry->artist != NULL)
        {
          json_builder_set_member_name (builder, "artist");
          json_builder_add_string_value (builder, entry->artist);
        }
      if (entry->album != NULL)
        {
          json_builder_set_member_name (builder, "album");
          json_builder_add_string_value (builder, entry->album);
        }
      json_builder_set_member_name (builder, "duration_ms");
      json_builder_add_int_value (builder, entry->duration_ms);
      json_builder_end_object (builder);
    }
  if (entry->added_by != NULL)
    {
      json_builder_set_member_name (builder, "added_by");
      json_builder_add_string_value (builder, entry->added_by);
    }
  fanfare_http_add_time (builder, "added_at", entry->added_at);
  json_builder_end_object (builder);
}

void
fanfare_http_add_entries (JsonBuilder *builder,
                          const char  *member,
                          GPtrArray   *entries)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    add_entry (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);
}

/* Answers {"playlist": PLAYLIST} and, with @entries, "entries". */
void
fanfare_http_respond_playlist (FanfareRequest *request,
                               guint           status,
                               gint64          playlist_id,
                               GPtrArray      *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  if (!fanfare_http_add_playlist (builder, fanfare_request_get_database (request),
                                  fanfare_request_get_viewer (request), playlist_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  if (entries != NULL)
    fanfare_http_add_entries (builder, "entries", entries);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, status, root);
}

static gboolean
parse_time (const char *text,
            gint64     *milliseconds,
            GError    **error)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “edited_at” must be an ISO 8601 time with its zone");
      return FALSE;
    }

  *milliseconds = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;

  return TRUE;
}

/**
 * fanfare_http_read_edit_time:
 * @field: the field whose time to read
 * @milliseconds: (out): when the client made the change
 *
 * Reads "edited_at": one time for every field of the request, or an
 * object with a time per field. A change without a time, or with one
 * ahead of the server's clock, is made now.
 */
gboolean
fanfare_http_read_edit_time (JsonObject *body,
                             const char *field,
                             gint64     *milliseconds,
                             GError    **error)
{
  JsonNode *node = json_object_get_member (body, "edited_at");
  gint64 now = g_get_real_time () / 1000;

  *milliseconds = now;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (node), field);

      if (member == NULL)
        return TRUE;
      node = member;
    }

  if (!parse_time (json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL,
                   milliseconds, error))
    return FALSE;

  /* A change dated ahead of this clock would win against every change
   * made after it: it counts as made now. */
  *milliseconds = MIN (*milliseconds, now);

  return TRUE;
}

/* Reads "after" (an entry id) and "first" (a boolean). */
gboolean
fanfare_http_read_place (JsonObject           *body,
                         FanfarePlaylistPlace *place,
                         GError              **error)
{
  *place = (FanfarePlaylistPlace) { NULL, FALSE };

  return fanfare_json_read_string (body, "after", FALSE, &place->after, error) &&
         fanfare_json_read_boolean (body, "first", FALSE, &place->first, error);
}

/* Reads a track id: a string of digits, as the API writes ids. */
gboolean
fanfare_http_read_track_id (JsonObject *object,
                            const char *member,
                            gboolean    required,
                            gint64     *track_id,
                            GError    **error)
{
  const char *text = NULL;

  *track_id = 0;
  if (!fanfare_json_read_string (object, member, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, track_id, NULL))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “%s” must be a track id", member);
      return FALSE;
    }

  return TRUE;
}
