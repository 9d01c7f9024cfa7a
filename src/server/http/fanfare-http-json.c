/* fanfare-http-json.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-album.h"
#include "fanfare-artist.h"
#include "fanfare-chapter.h"
#include "fanfare-error.h"
#include "fanfare-http-json.h"
#include "fanfare-playlist.h"
#include "fanfare-session.h"
#include "fanfare-track.h"
#include "fanfare-user.h"

#define CURSOR_SEPARATOR '\x1f'

/**
 * fanfare_http_object_to_json:
 * @object: any of the model's objects
 *
 * Returns: (transfer full): its JSON form
 */
JsonNode *
fanfare_http_object_to_json (GObject *object)
{
  if (FANFARE_IS_TRACK (object))
    return fanfare_track_to_json (FANFARE_TRACK (object));
  if (FANFARE_IS_ALBUM (object))
    return fanfare_album_to_json (FANFARE_ALBUM (object));
  if (FANFARE_IS_ARTIST (object))
    return fanfare_artist_to_json (FANFARE_ARTIST (object));
  if (FANFARE_IS_PLAYLIST (object))
    return fanfare_playlist_to_json (FANFARE_PLAYLIST (object));
  if (FANFARE_IS_USER (object))
    return fanfare_user_to_json (FANFARE_USER (object));
  if (FANFARE_IS_SESSION (object))
    return fanfare_session_to_json (FANFARE_SESSION (object));
  if (FANFARE_IS_CHAPTER (object))
    return fanfare_chapter_to_json (FANFARE_CHAPTER (object));

  g_return_val_if_reached (NULL);
}

/**
 * fanfare_http_json_form:
 *
 * Returns: (transfer full): @node as JSON text, as an answer holds it
 */
GBytes *
fanfare_http_json_form (JsonNode *node)
{
  char *text = json_to_string (node, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

/**
 * fanfare_http_append_member:
 * @member: a name from the code, which JSON takes as it is
 * @form: a value's JSON form, from fanfare_http_json_form()
 *
 * Appends "MEMBER":FORM to an object's text: for an answer put together
 * from forms made before, each by json-glib.
 */
void
fanfare_http_append_member (GString    *text,
                            const char *member,
                            GBytes     *form)
{
  gsize length;
  const char *data = g_bytes_get_data (form, &length);

  g_string_append_c (text, '"');
  g_string_append (text, member);
  g_string_append (text, "\":");
  g_string_append_len (text, data, length);
}

void
fanfare_http_add_object (JsonBuilder *builder,
                         const char  *member,
                         gpointer     object)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, fanfare_http_object_to_json (object));
}

void
fanfare_http_add_array (JsonBuilder *builder,
                        const char  *member,
                        GPtrArray   *objects)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < objects->len; i++)
    json_builder_add_value (builder, fanfare_http_object_to_json (g_ptr_array_index (objects, i)));
  json_builder_end_array (builder);
}

/* Answers {"MEMBER": OBJECT}. */
void
fanfare_http_respond_object (FanfareRequest *request,
                             guint           status,
                             const char     *member,
                             gpointer        object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  fanfare_http_add_object (builder, member, object);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, status, root);
}

/* Answers {"MEMBER": OBJECT, "LIST_MEMBER": [...]}: an album and its
 * tracks, a track and its chapters. */
void
fanfare_http_respond_with_list (FanfareRequest *request,
                                const char     *member,
                                gpointer        object,
                                const char     *list_member,
                                GPtrArray      *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  fanfare_http_add_object (builder, member, object);
  fanfare_http_add_array (builder, list_member, list);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

/* Adds "next_cursor": CURSOR, or null on the last page. */
void
fanfare_http_add_cursor (JsonBuilder *builder,
                         const char  *next_cursor)
{
  json_builder_set_member_name (builder, "next_cursor");
  if (next_cursor != NULL)
    json_builder_add_string_value (builder, next_cursor);
  else
    json_builder_add_null_value (builder);
}

/* Answers {"items": [...], "next_cursor": CURSOR or null}. */
void
fanfare_http_respond_items (FanfareRequest *request,
                            GPtrArray      *objects,
                            const char     *next_cursor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  fanfare_http_add_array (builder, "items", objects);
  fanfare_http_add_cursor (builder, next_cursor);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

/**
 * fanfare_http_cursor_encode:
 *
 * Returns: (transfer full): an opaque cursor for the position after @key
 *   and @id, safe in a URL
 */
char *
fanfare_http_cursor_encode (const char *key,
                            gint64      id)
{
  g_autofree char *plain = g_strdup_printf ("%s%c%" G_GINT64_FORMAT, key, CURSOR_SEPARATOR, id);
  char *encoded = g_base64_encode ((const guchar *) plain, strlen (plain));
  gsize length = strlen (encoded);

  while (length > 0 && encoded[length - 1] == '=')
    encoded[--length] = '\0';
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');

  return encoded;
}

/**
 * fanfare_http_cursor_decode:
 * @key: (out) (transfer full): the key of the position
 * @id: (out): the id of the position
 *
 * Returns: %FALSE with %FANFARE_ERROR_INVALID for anything that is not a
 *   cursor the server made
 */
gboolean
fanfare_http_cursor_decode (const char *cursor,
                            char      **key,
                            gint64     *id,
                            GError    **error)
{
  g_autofree char *padded = NULL;
  g_autofree guchar * plain = NULL;
  const char *separator;
  gsize length = strlen (cursor);
  gsize plain_length = 0;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (cursor[i]) && cursor[i] != '-' && cursor[i] != '_')
      goto invalid;

  if (length == 0 || length > 1024 || length % 4 == 1)
    goto invalid;

  padded = g_strnfill (length + (4 - length % 4) % 4, '=');
  memcpy (padded, cursor, length);
  g_strdelimit (padded, "-", '+');
  g_strdelimit (padded, "_", '/');
  plain = g_base64_decode (padded, &plain_length);
  if (plain == NULL || memchr (plain, '\0', plain_length) != NULL)
    goto invalid;

  plain = g_realloc (plain, plain_length + 1);
  plain[plain_length] = '\0';
  separator = strrchr ((const char *) plain, CURSOR_SEPARATOR);
  if (separator == NULL || !g_utf8_validate ((const char *) plain, plain_length, NULL) ||
      !g_ascii_string_to_signed (separator + 1, 10, 0, G_MAXINT64, id, NULL))
    goto invalid;

  *key = g_strndup ((const char *) plain, separator - (const char *) plain);

  return TRUE;

invalid:
  g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                       "The field “cursor” is not a cursor from this server");
  return FALSE;
}

/**
 * fanfare_http_get_position:
 * @position: (out caller-allocates): where the page starts, from the
 *   query's cursor; cleared without one
 */
gboolean
fanfare_http_get_position (FanfareRequest      *request,
                           FanfareListPosition *position,
                           GError             **error)
{
  const char *cursor = fanfare_request_get_query (request, "cursor");

  *position = (FanfareListPosition) { NULL, 0 };
  if (cursor == NULL)
    return TRUE;

  return fanfare_http_cursor_decode (cursor, &position->key, &position->id, error);
}

/* Answers a page of a list whose next page starts at @next. */
void
fanfare_http_respond_page (FanfareRequest            *request,
                           GPtrArray                 *objects,
                           const FanfareListPosition *next)
{
  g_autofree char *cursor = NULL;

  if (next->key != NULL)
    cursor = fanfare_http_cursor_encode (next->key, next->id);

  fanfare_http_respond_items (request, objects, cursor);
}
