/* fanfare-client-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lyrics of the platform's tracks (read by everyone, written by their
 * artist), and where the user stopped in audiobooks and mixes: one
 * position per item, the newest kept whichever device sends it, and the
 * unfinished ones for Continue Listening. */

#include "config.h"

#include "fanfare-chapter.h"
#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-lyrics.h"

static char *
item_path (const char *collection,
           const char *track_id,
           const char *suffix)
{
  g_autofree char *escaped = _fanfare_client_escape (track_id);

  return g_strconcat ("/api/v1/", collection, "/", escaped, suffix, NULL);
}

static gpointer
parse_lyrics (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  g_autoptr(FanfareLyrics) lyrics = NULL;
  g_autoptr(FanfareLyrics) translation = NULL;
  const char *lrc = NULL, *translated = NULL;

  if (!fanfare_json_read_string (json, "lrc", TRUE, &lrc, error) ||
      !fanfare_json_read_string (json, "translation", FALSE, &translated, error) ||
      (lyrics = fanfare_lyrics_new_from_lrc (lrc, -1, error)) == NULL)
    return NULL;

  /* A translation that does not fit is left out, not the lyrics. */
  if (translated != NULL &&
      ((translation = fanfare_lyrics_new_from_lrc (translated, -1, NULL)) == NULL ||
       !fanfare_lyrics_add_translation (lyrics, translation, NULL)))
    g_debug ("The translation of the lyrics does not fit them");

  return g_steal_pointer (&lyrics);
}

/**
 * fanfare_client_get_lyrics_async:
 * @track_id: a platform track
 *
 * Reads the lyrics the track's artist gave it; a track without any fails
 * with %FANFARE_ERROR_NOT_FOUND.
 */
void
fanfare_client_get_lyrics_async (FanfareClient       *self,
                                 const char          *track_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  path = item_path ("tracks", track_id, "/lyrics");
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_lyrics, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_get_lyrics_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_get_lyrics_finish:
 *
 * Returns: (transfer full): the lyrics, with their translation if any
 */
FanfareLyrics *
fanfare_client_get_lyrics_finish (FanfareClient *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_lyrics_async, error);
}

static gpointer
parse_nothing (FanfareClient *self,
               JsonObject    *json,
               GError       **error)
{
  return g_object_ref (self);
}

/**
 * fanfare_client_set_lyrics_async:
 * @track_id: a track of the user's artist profile
 * @lrc: (nullable): the lyrics as LRC text; %NULL removes them
 * @translation: (nullable): a translation with the same lines
 * @language: (nullable): the translation's language tag, such as "zh-CN"
 */
void
fanfare_client_set_lyrics_async (FanfareClient       *self,
                                 const char          *track_id,
                                 const char          *lrc,
                                 const char          *translation,
                                 const char          *language,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonBuilder) body = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  path = item_path ("tracks", track_id, "/lyrics");
  if (lrc != NULL)
    {
      body = json_builder_new ();
      json_builder_begin_object (body);
      json_builder_set_member_name (body, "lrc");
      json_builder_add_string_value (body, lrc);
      if (translation != NULL)
        {
          json_builder_set_member_name (body, "translation");
          json_builder_add_string_value (body, translation);
        }
      if (language != NULL)
        {
          json_builder_set_member_name (body, "language");
          json_builder_add_string_value (body, language);
        }
      json_builder_end_object (body);
    }
  msg = _fanfare_client_new_message (self, lrc != NULL ? "PUT" : "DELETE", path, body);
  _fanfare_client_call (self, msg, parse_nothing, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_set_lyrics_async, cancellable, callback,
                                                  user_data));
}

gboolean
fanfare_client_set_lyrics_finish (FanfareClient *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(FanfareClient) done = _fanfare_client_propagate (self, result, fanfare_client_set_lyrics_async, error);

  return done != NULL;
}

/* Positions */

void
fanfare_client_position_free (FanfareClientPosition *position)
{
  g_clear_object (&position->track);
  g_free (position);
}

static gboolean
read_position (JsonObject            *json,
               FanfareClientPosition *position,
               GError               **error)
{
  const char *edited_at = NULL;
  g_autoptr(GDateTime) time = NULL;
  gint64 ms;

  if (!fanfare_json_read_int (json, "position_ms", TRUE, &ms, error) ||
      !fanfare_json_read_string (json, "edited_at", TRUE, &edited_at, error))
    return FALSE;
  if ((time = g_date_time_new_from_iso8601 (edited_at, NULL)) == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The position has no valid time");
      return FALSE;
    }

  position->position = MAX (0, ms) * G_TIME_SPAN_MILLISECOND;
  position->edited_at = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
  return TRUE;
}

static gpointer
parse_position (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  g_autoptr(FanfareClientPosition) position = g_new0 (FanfareClientPosition, 1);

  return read_position (json, position, error) ? g_steal_pointer (&position) : NULL;
}

static void
call_position (FanfareClient       *self,
               const char          *method,
               const char          *track_id,
               JsonBuilder         *body,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autofree char *path = item_path ("me/positions", track_id, "");
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, method, path, body);

  _fanfare_client_call (self, msg, parse_position, (GDestroyNotify) fanfare_client_position_free,
                        _fanfare_client_task_new (self, source_tag, cancellable, callback, user_data));
}

/**
 * fanfare_client_put_position_async:
 * @track_id: an audiobook or a mix
 * @position: where the user stopped
 * @edited_at: when, in milliseconds since 1970
 *
 * Tells the platform where the user stopped; the answer is the position
 * it keeps, which is another device's when that one is newer.
 */
void
fanfare_client_put_position_async (FanfareClient       *self,
                                   const char          *track_id,
                                   GTimeSpan            position,
                                   gint64               edited_at,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  time = g_date_time_new_from_unix_utc (edited_at / 1000);
  seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  text = g_strdup_printf ("%s.%03dZ", seconds, (int) (edited_at % 1000));

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "position_ms");
  json_builder_add_int_value (body, MAX (0, position) / G_TIME_SPAN_MILLISECOND);
  json_builder_set_member_name (body, "edited_at");
  json_builder_add_string_value (body, text);
  json_builder_end_object (body);
  call_position (self, "PUT", track_id, body, fanfare_client_put_position_async, cancellable, callback, user_data);
}

/**
 * fanfare_client_put_position_finish:
 *
 * Returns: (transfer full): the position the platform keeps
 */
FanfareClientPosition *
fanfare_client_put_position_finish (FanfareClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_put_position_async, error);
}

void
fanfare_client_get_position_async (FanfareClient       *self,
                                   const char          *track_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  call_position (self, "GET", track_id, NULL, fanfare_client_get_position_async, cancellable, callback, user_data);
}

/**
 * fanfare_client_get_position_finish:
 *
 * Returns: (transfer full): where the user stopped, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND when they never started
 */
FanfareClientPosition *
fanfare_client_get_position_finish (FanfareClient *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_position_async, error);
}

static gpointer
parse_unfinished (FanfareClient *self,
                  JsonObject    *json,
                  GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_client_position_free);
  JsonArray *array;

  if (!json_object_has_member (json, "items") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json, "items")))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The answer has no items");
      return NULL;
    }

  array = json_object_get_array_member (json, "items");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(FanfareClientPosition) item = g_new0 (FanfareClientPosition, 1);

      if (!JSON_NODE_HOLDS_OBJECT (node) || !read_position (json_node_get_object (node), item, error) ||
          (item->track = _fanfare_client_parse_object (json_node_get_object (node), "track",
                                                       FANFARE_TYPE_TRACK, error)) == NULL)
        return NULL;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return g_steal_pointer (&items);
}

/**
 * fanfare_client_list_unfinished_async:
 * @limit: at most this many items, 1 to 100
 *
 * The audiobooks and mixes the user started and did not finish, the
 * latest listened first: the Continue Listening row.
 */
void
fanfare_client_list_unfinished_async (FanfareClient       *self,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  path = g_strdup_printf ("/api/v1/me/continue-listening?limit=%u", CLAMP (limit, 1, 100));
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_unfinished, (GDestroyNotify) g_ptr_array_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_unfinished_async, cancellable,
                                                  callback, user_data));
}

/**
 * fanfare_client_list_unfinished_finish:
 *
 * Returns: (transfer full) (element-type FanfareClientPosition): the items
 */
GPtrArray *
fanfare_client_list_unfinished_finish (FanfareClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_unfinished_async, error);
}

static gpointer
parse_chapters (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  return _fanfare_client_parse_items (json, "chapters", FANFARE_TYPE_CHAPTER,
                                      (FanfareNewItemFunc) fanfare_chapter_new_from_json, error);
}

/**
 * fanfare_client_list_chapters_async:
 * @track_id: an audiobook or a mix
 *
 * Reads the chapters of an audiobook or the tracklist of a mix.
 */
void
fanfare_client_list_chapters_async (FanfareClient       *self,
                                    const char          *track_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  path = item_path ("tracks", track_id, "");
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_chapters, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_chapters_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_list_chapters_finish:
 *
 * Returns: (transfer full) (element-type FanfareChapter): the chapters, in
 *   order; empty for a song
 */
GListModel *
fanfare_client_list_chapters_finish (FanfareClient *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_chapters_async, error);
}
