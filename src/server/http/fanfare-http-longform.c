/* fanfare-http-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics of tracks, written by their artist as LRC (with an optional
 * translation), checked by the same strict reader as the app's before they
 * are kept; and where a listener stopped in each audiobook and mix, synced
 * between their devices, with the list of what they have not finished. */

#include "config.h"

#include <string.h>

#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-json.h"
#include "fanfare-longform-store.h"
#include "fanfare-lyrics.h"
#include "fanfare-router.h"

#define MAX_LYRICS_BODY (2 * FANFARE_LYRICS_MAX_BYTES + 4096)
#define MAX_LANGUAGE    35

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Answers the object @builder holds, closing it. */
static void
respond_object (FanfareRequest *request,
                JsonBuilder    *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  fanfare_request_respond_json (request, 200, root);
}

static void
respond_lyrics (FanfareRequest           *request,
                const FanfareTrackLyrics *lyrics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(FanfareLyrics) parsed = fanfare_lyrics_new_from_lrc (lyrics->lrc, -1, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "lrc", lyrics->lrc);
  add_string (builder, "translation", lyrics->translation);
  add_string (builder, "language", lyrics->language);
  json_builder_set_member_name (builder, "synced");
  json_builder_add_boolean_value (builder, parsed != NULL && fanfare_lyrics_is_synced (parsed));
  fanfare_http_add_time (builder, "updated_at", lyrics->updated_at);
  respond_object (request, builder);
}

static void
get_lyrics (FanfareRequest *request)
{
  FanfareTrackLyrics lyrics = { NULL };
  g_autoptr(GError) error = NULL;

  if (!fanfare_longform_store_get_lyrics (fanfare_request_get_database (request), fanfare_request_get_viewer (request),
                                          fanfare_request_get_id (request, "id"), &lyrics, &error))
    fanfare_request_fail (request, error);
  else
    respond_lyrics (request, &lyrics);

  fanfare_track_lyrics_clear (&lyrics);
}

/* The lyrics must read, and the translation must have the same lines. */
static gboolean
check_lyrics (const FanfareTrackLyrics *lyrics,
              GError                  **error)
{
  g_autoptr(FanfareLyrics) parsed = fanfare_lyrics_new_from_lrc (lyrics->lrc, -1, error);
  g_autoptr(FanfareLyrics) translation = NULL;

  if (parsed == NULL)
    return FALSE;
  if (lyrics->translation == NULL)
    return TRUE;

  translation = fanfare_lyrics_new_from_lrc (lyrics->translation, -1, error);
  return translation != NULL && fanfare_lyrics_add_translation (parsed, translation, error);
}

static void
put_lyrics (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 track_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  FanfareTrackLyrics lyrics = { NULL };
  FanfareTrackLyrics stored = { NULL };
  const char *lrc = NULL, *translation = NULL, *language = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "lrc", TRUE, &lrc, &error) ||
      !fanfare_json_read_string (body, "translation", FALSE, &translation, &error) ||
      !fanfare_json_read_string (body, "language", FALSE, &language, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  if (language != NULL && (strlen (language) == 0 || strlen (language) > MAX_LANGUAGE ||
                           language[strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")] != '\0'))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “language” must be a language tag such as “zh-CN”");
      return;
    }

  lyrics.lrc = (char *) lrc;
  lyrics.translation = (char *) translation;
  lyrics.language = (char *) language;
  if (!check_lyrics (&lyrics, &error) ||
      !fanfare_longform_store_set_lyrics (db, fanfare_request_get_auth (request)->user_id, track_id, &lyrics, &error) ||
      !fanfare_longform_store_get_lyrics (db, fanfare_request_get_viewer (request), track_id, &stored, &error))
    fanfare_request_fail (request, error);
  else
    respond_lyrics (request, &stored);

  fanfare_track_lyrics_clear (&stored);
}

static void
delete_lyrics (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_longform_store_set_lyrics (fanfare_request_get_database (request),
                                          fanfare_request_get_auth (request)->user_id,
                                          fanfare_request_get_id (request, "id"), NULL, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
add_position (JsonBuilder                    *builder,
              const FanfareListeningPosition *position)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (position->updated_at / 1000);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *text = g_strdup_printf ("%s.%03dZ", seconds, (int) (position->updated_at % 1000));

  json_builder_set_member_name (builder, "position_ms");
  json_builder_add_int_value (builder, position->position_ms);
  json_builder_set_member_name (builder, "edited_at");
  json_builder_add_string_value (builder, text);
}

static void
respond_position (FanfareRequest                 *request,
                  const FanfareListeningPosition *position)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_position (builder, position);
  respond_object (request, builder);
}

static void
get_position (FanfareRequest *request)
{
  FanfareListeningPosition position = { NULL };
  g_autoptr(GError) error = NULL;

  if (!fanfare_longform_store_get_position (fanfare_request_get_database (request),
                                            fanfare_request_get_viewer (request),
                                            fanfare_request_get_id (request, "id"), &position, &error))
    fanfare_request_fail (request, error);
  else
    respond_position (request, &position);
}

static void
put_position (FanfareRequest *request)
{
  FanfareListeningPosition position = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_int (body, "position_ms", TRUE, &position.position_ms, &error) ||
      !fanfare_http_read_edit_time (body, "position_ms", &position.updated_at, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  if (position.position_ms < 0 || position.position_ms > 7 * 24 * 3600 * (gint64) 1000)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “position_ms” must be a position within the item");
      return;
    }

  if (!fanfare_longform_store_put_position (fanfare_request_get_database (request),
                                            fanfare_request_get_viewer (request),
                                            fanfare_request_get_id (request, "id"), &position, &error))
    fanfare_request_fail (request, error);
  else
    respond_position (request, &position);
}

static void
list_continue (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint limit;

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      (items = fanfare_longform_store_list_unfinished (fanfare_request_get_database (request),
                                                       fanfare_request_get_viewer (request), limit, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const FanfareListeningPosition *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      fanfare_http_add_object (builder, "track", G_OBJECT (item->track));
      add_position (builder, item);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  respond_object (request, builder);
}

const FanfareRoute fanfare_http_longform_routes[] = {
  { "GET", "/api/v1/tracks/{id}/lyrics", FANFARE_ACCESS_ANYONE, 0, get_lyrics, TRUE },
  { "PUT", "/api/v1/tracks/{id}/lyrics", FANFARE_ACCESS_USER, MAX_LYRICS_BODY, put_lyrics },
  { "DELETE", "/api/v1/tracks/{id}/lyrics", FANFARE_ACCESS_USER, 0, delete_lyrics },
  { "GET", "/api/v1/me/positions/{id}", FANFARE_ACCESS_USER, 0, get_position },
  { "PUT", "/api/v1/me/positions/{id}", FANFARE_ACCESS_USER, 0, put_position },
  { "GET", "/api/v1/me/continue-listening", FANFARE_ACCESS_USER, 0, list_continue },
  { NULL },
};
