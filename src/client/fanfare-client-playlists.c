/* fanfare-client-playlists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Playlists of the platform: reading one, making and changing them, their
 * entries, follows and collaborators, files in and out, and the link that
 * shares one; lists of playlists are in fanfare-client-playlist-lists.c.
 * The client names what it makes (a playlist's `client_id`, each entry's
 * id), so a change sent again is the same change. */

#include "config.h"

#include <string.h>

#include "fanfare-client-private.h"
#include "fanfare-common-enums.h"
#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-utils.h"

/* The answer to a call about one playlist. */
typedef struct {
  FanfarePlaylist      *playlist;
  FanfarePlaylistAccess access;
  GListModel           *entries;
  char                 *next_cursor;
  guint                 matched;
  guint                 unmatched;
} PlaylistAnswer;

/**
 * fanfare_playlist_access_clear:
 *
 * Frees what @access holds and zeroes it.
 */
void
fanfare_playlist_access_clear (FanfarePlaylistAccess *access)
{
  if (access == NULL)
    return;
  g_strfreev (access->collaborators);
  memset (access, 0, sizeof *access);
}

static void
playlist_answer_free (PlaylistAnswer *answer)
{
  g_clear_object (&answer->playlist);
  g_clear_object (&answer->entries);
  g_free (answer->next_cursor);
  fanfare_playlist_access_clear (&answer->access);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlaylistAnswer, playlist_answer_free)

static gpointer
parse_playlist (FanfareClient *self,
                JsonObject    *json,
                GError       **error)
{
  g_autoptr(PlaylistAnswer) answer = g_new0 (PlaylistAnswer, 1);
  JsonObject *object;
  gint64 follower_count = 0;

  answer->playlist = _fanfare_client_parse_object (json, "playlist", FANFARE_TYPE_PLAYLIST, error);
  if (answer->playlist == NULL)
    return NULL;

  object = json_object_get_object_member (json, "playlist");
  if (!fanfare_json_read_int (object, "follower_count", FALSE, &follower_count, error) ||
      !fanfare_json_read_boolean (object, "following", FALSE, &answer->access.following, error) ||
      !fanfare_json_read_boolean (object, "can_edit", FALSE, &answer->access.can_edit, error) ||
      !fanfare_json_read_strv (object, "collaborators", FALSE, &answer->access.collaborators, error))
    return NULL;
  answer->access.follower_count = CLAMP (follower_count, 0, G_MAXUINT);

  return g_steal_pointer (&answer);
}

/**
 * _fanfare_client_parse_items:
 * @member: the array, such as `items`
 * @new_item: makes an element of @type from a JSON object
 *
 * Returns: (transfer full): a #GListStore of @type, or %NULL
 */
GListModel *
_fanfare_client_parse_items (JsonObject         *json,
                             const char         *member,
                             GType               type,
                             FanfareNewItemFunc  new_item,
                             GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  JsonArray *array;

  if (!json_object_has_member (json, member) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json, member)))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The member “%s” is missing", member);
      return NULL;
    }

  array = json_object_get_array_member (json, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A list holds a non-object");
          return NULL;
        }
      if ((item = new_item (json_node_get_object (node), error)) == NULL)
        return NULL;
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gpointer
parse_playlist_with_entries (FanfareClient *self,
                             JsonObject    *json,
                             GError       **error)
{
  g_autoptr(PlaylistAnswer) answer = parse_playlist (self, json, error);

  if (answer == NULL)
    return NULL;
  answer->entries = _fanfare_client_parse_items (json, "entries", FANFARE_TYPE_PLAYLIST_ENTRY,
                                                 (FanfareNewItemFunc) fanfare_playlist_entry_new_from_json, error);

  return answer->entries != NULL ? g_steal_pointer (&answer) : NULL;
}

static gpointer
parse_entries_page (FanfareClient *self,
                    JsonObject    *json,
                    GError       **error)
{
  g_autoptr(PlaylistAnswer) answer = parse_playlist (self, json, error);
  JsonNode *cursor;

  if (answer == NULL)
    return NULL;
  answer->entries = _fanfare_client_parse_items (json, "items", FANFARE_TYPE_PLAYLIST_ENTRY,
                                                 (FanfareNewItemFunc) fanfare_playlist_entry_new_from_json, error);
  cursor = json_object_get_member (json, "next_cursor");
  if (cursor != NULL && JSON_NODE_HOLDS_VALUE (cursor))
    answer->next_cursor = g_strdup (json_node_get_string (cursor));

  return answer->entries != NULL ? g_steal_pointer (&answer) : NULL;
}

static gpointer
parse_import (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  g_autoptr(PlaylistAnswer) answer = parse_playlist (self, json, error);
  gint64 matched = 0;

  if (answer == NULL || !fanfare_json_read_int (json, "matched", FALSE, &matched, error))
    return NULL;
  answer->matched = CLAMP (matched, 0, G_MAXUINT);
  if (json_object_has_member (json, "unmatched") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (json, "unmatched")))
    answer->unmatched = json_array_get_length (json_object_get_array_member (json, "unmatched"));

  return g_steal_pointer (&answer);
}

/* Hands over the playlist of an answer and what it is to the user. */
static FanfarePlaylist *
steal_answer (PlaylistAnswer        *answer,
              FanfarePlaylistAccess *access,
              GListModel           **entries)
{
  FanfarePlaylist *playlist = g_steal_pointer (&answer->playlist);

  if (access != NULL)
    {
      *access = answer->access;
      memset (&answer->access, 0, sizeof answer->access);
    }
  if (entries != NULL)
    *entries = g_steal_pointer (&answer->entries);
  playlist_answer_free (answer);

  return playlist;
}

/* /api/v1/playlists/ID, then @suffix (segments already escaped). */
static char *
playlist_path (const char *playlist_id,
               const char *suffix)
{
  g_autofree char *escaped = _fanfare_client_escape (playlist_id);

  return g_strconcat ("/api/v1/playlists/", escaped, suffix, NULL);
}

/* A call about one playlist. A change of one is @kept until the server has
 * it (see fanfare-client-playlist-edits.c). */
static void
call_playlist (FanfareClient       *self,
               gboolean             kept,
               const char          *method,
               const char          *path,
               JsonBuilder         *body,
               FanfareParseFunc     parse,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GDestroyNotify destroy = parse != NULL ? (GDestroyNotify) playlist_answer_free : NULL;
  GTask *task = _fanfare_client_task_new (self, source_tag, cancellable, callback, user_data);
  g_autoptr(SoupMessage) msg = NULL;

  if (kept)
    {
      _fanfare_client_queue_edit (self, method, path, body, parse, destroy, task);
      return;
    }
  msg = _fanfare_client_new_message (self, method, path, body);
  _fanfare_client_call (self, msg, parse, destroy, task);
}

/**
 * fanfare_client_get_playlist_async:
 *
 * Reads a playlist with its entries, in order.
 */
void
fanfare_client_get_playlist_async (FanfareClient       *self,
                                   const char          *playlist_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);

  path = playlist_path (playlist_id, NULL);
  call_playlist (self, FALSE, "GET", path, NULL, parse_playlist_with_entries, fanfare_client_get_playlist_async,
                 cancellable, callback, user_data);
}

/**
 * fanfare_client_get_playlist_finish:
 * @entries: (out) (optional) (transfer full): its #FanfarePlaylistEntry
 *   objects, in order
 * @access: (out caller-allocates) (optional): what it is to the user; clear
 *   it with fanfare_playlist_access_clear()
 *
 * Returns: (transfer full): the playlist, or %NULL with @error set
 */
FanfarePlaylist *
fanfare_client_get_playlist_finish (FanfareClient         *self,
                                    GAsyncResult          *result,
                                    GListModel           **entries,
                                    FanfarePlaylistAccess *access,
                                    GError               **error)
{
  PlaylistAnswer *answer = _fanfare_client_propagate (self, result, fanfare_client_get_playlist_async, error);

  return answer != NULL ? steal_answer (answer, access, entries) : NULL;
}

static void
list_entries (FanfareClient       *self,
              const char          *playlist_id,
              guint                limit,
              const char          *start,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autofree char *suffix = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  suffix = g_strdup_printf ("/entries?limit=%u%s", CLAMP (limit, 1, 100), start != NULL ? start : "");
  path = playlist_path (playlist_id, suffix);
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  /* A page of tracks takes milliseconds to parse: not from the frames of
   * the list that shows it. */
  _fanfare_client_call_parsing_in_thread (self, msg, parse_entries_page, (GDestroyNotify) playlist_answer_free,
                                          _fanfare_client_task_new (self, fanfare_client_list_entries_async,
                                                                    cancellable, callback, user_data));
}

/**
 * fanfare_client_list_entries_async:
 * @limit: at most this many entries, 1 to 100
 * @cursor: (nullable): the previous page's next cursor
 *
 * Reads a page of a playlist's entries, with the playlist as it is now.
 */
void
fanfare_client_list_entries_async (FanfareClient       *self,
                                   const char          *playlist_id,
                                   guint                limit,
                                   const char          *cursor,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *start = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);

  escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
  start = escaped != NULL ? g_strconcat ("&cursor=", escaped, NULL) : NULL;
  list_entries (self, playlist_id, limit, start, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_entries_at_async:
 * @offset: how many entries come before the page
 * @limit: at most this many entries, 1 to 100
 *
 * Reads the page of a playlist's entries that starts after @offset of
 * them, with the playlist as it is now, as a list showing all of it does
 * where the user jumped to. Finish with fanfare_client_list_entries_finish().
 */
void
fanfare_client_list_entries_at_async (FanfareClient       *self,
                                      const char          *playlist_id,
                                      guint                offset,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *start = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);

  start = g_strdup_printf ("&offset=%u", offset);
  list_entries (self, playlist_id, limit, start, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_entries_finish:
 * @entries: (out) (optional) (transfer full): the page's
 *   #FanfarePlaylistEntry objects, in order
 * @access: (out caller-allocates) (optional): what the playlist is to the
 *   user; clear it with fanfare_playlist_access_clear()
 * @next_cursor: (out) (optional) (transfer full) (nullable): where the
 *   next page starts, %NULL after the last
 *
 * Returns: (transfer full): the playlist, or %NULL with @error set
 */
FanfarePlaylist *
fanfare_client_list_entries_finish (FanfareClient         *self,
                                    GAsyncResult          *result,
                                    GListModel           **entries,
                                    FanfarePlaylistAccess *access,
                                    char                 **next_cursor,
                                    GError               **error)
{
  PlaylistAnswer *answer = _fanfare_client_propagate (self, result, fanfare_client_list_entries_async, error);

  if (answer == NULL)
    return NULL;
  if (next_cursor != NULL)
    *next_cursor = g_steal_pointer (&answer->next_cursor);

  return steal_answer (answer, access, entries);
}

static void
add_visibility (JsonBuilder *builder,
                int          visibility)
{
  g_autofree char *text = NULL;

  if (visibility < 0)
    return;
  text = fanfare_enum_to_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, visibility);
  json_builder_set_member_name (builder, "visibility");
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* The time of a change, to the millisecond; %NULL is now, so a change
 * sent later keeps the time it was made. */
static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *time)
{
  g_autoptr(GDateTime) utc = time != NULL ? g_date_time_to_utc (time) : g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *text = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);

  add_string (builder, member, text);
}

/**
 * fanfare_client_create_playlist_async:
 * @description: (nullable): what it is
 * @client_id: (nullable): the client's name for it, such as a UUID; the
 *   same name sent again finds the playlist made the first time
 *
 * Makes a playlist of the user's. Finish with
 * fanfare_client_playlist_finish(). With a @client_id the playlist is
 * made like the changes of fanfare_client_update_playlist_async(): one
 * the server cannot be reached for is kept and sent when it answers.
 */
void
fanfare_client_create_playlist_async (FanfareClient             *self,
                                      const char                *title,
                                      const char                *description,
                                      FanfarePlaylistVisibility  visibility,
                                      const char                *client_id,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (title != NULL);

  json_builder_begin_object (body);
  add_string (body, "title", title);
  add_string (body, "description", description);
  add_visibility (body, visibility);
  add_string (body, "client_id", client_id);
  json_builder_end_object (body);
  /* Named by the client, it can wait like an edit: sent again, the name
   * finds the playlist made the first time. */
  call_playlist (self, client_id != NULL, "POST", "/api/v1/playlists", body, parse_playlist,
                 fanfare_client_playlist_finish, cancellable, callback, user_data);
}

/**
 * fanfare_client_update_playlist_async:
 * @title: (nullable): the new title, or %NULL to keep it
 * @description: (nullable): the new description (empty clears it), or %NULL
 * @visibility: a #FanfarePlaylistVisibility, or -1 to keep it
 * @edited_at: (nullable): when the user made the change, or %NULL for now;
 *   a later change the server has already wins
 *
 * Finish with fanfare_client_playlist_finish(). Changes of playlists are
 * sent in the order they are made; one the server cannot be reached for
 * fails with an error for which fanfare_client_error_is_offline() is true,
 * and is kept (see fanfare_client_set_playlist_edits_file()) and sent when
 * the server answers again. The same holds for additions, removals and
 * moves of entries.
 */
void
fanfare_client_update_playlist_async (FanfareClient       *self,
                                      const char          *playlist_id,
                                      const char          *title,
                                      const char          *description,
                                      int                  visibility,
                                      GDateTime           *edited_at,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);

  json_builder_begin_object (body);
  add_string (body, "title", title);
  add_string (body, "description", description);
  add_visibility (body, visibility);
  add_time (body, "edited_at", edited_at);
  json_builder_end_object (body);
  path = playlist_path (playlist_id, NULL);
  call_playlist (self, TRUE, "PATCH", path, body, parse_playlist, fanfare_client_playlist_finish,
                 cancellable, callback, user_data);
}

/**
 * fanfare_client_set_following_playlist_async:
 *
 * Follows a playlist, or stops. Finish with fanfare_client_playlist_finish().
 */
void
fanfare_client_set_following_playlist_async (FanfareClient       *self,
                                             const char          *playlist_id,
                                             gboolean             following,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);

  path = playlist_path (playlist_id, "/follow");
  call_playlist (self, FALSE, following ? "PUT" : "DELETE", path, NULL, parse_playlist, fanfare_client_playlist_finish,
                 cancellable, callback, user_data);
}

/**
 * fanfare_client_set_collaborator_async:
 * @invited: whether @username may edit the playlist
 *
 * Invites a user to edit a playlist of the user's, or revokes them. Finish
 * with fanfare_client_playlist_finish().
 */
void
fanfare_client_set_collaborator_async (FanfareClient       *self,
                                       const char          *playlist_id,
                                       const char          *username,
                                       gboolean             invited,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);
  g_return_if_fail (username != NULL);

  escaped = _fanfare_client_escape (username);
  suffix = g_strconcat ("/collaborators/", escaped, NULL);
  path = playlist_path (playlist_id, suffix);
  call_playlist (self, FALSE, invited ? "PUT" : "DELETE", path, NULL, parse_playlist, fanfare_client_playlist_finish,
                 cancellable, callback, user_data);
}

static void
add_entry (JsonBuilder  *body,
           FanfareTrack *track,
           const char   *entry_id)
{
  g_autofree char *id = entry_id == NULL ? g_uuid_string_random () : NULL;

  json_builder_begin_object (body);
  add_string (body, "id", entry_id != NULL ? entry_id : id);
  if (fanfare_track_get_source (track) == FANFARE_SOURCE_PLATFORM)
    add_string (body, "track_id", fanfare_track_get_id (track));
  else
    {
      json_builder_set_member_name (body, "local");
      json_builder_begin_object (body);
      add_string (body, "title", fanfare_track_get_title (track));
      add_string (body, "artist", fanfare_track_get_artist (track));
      add_string (body, "album", fanfare_track_get_album (track));
      json_builder_set_member_name (body, "duration_ms");
      json_builder_add_int_value (body, fanfare_track_get_duration (track) / G_TIME_SPAN_MILLISECOND);
      json_builder_end_object (body);
    }
  json_builder_end_object (body);
}

/**
 * fanfare_client_add_entries_async:
 * @tracks: (element-type FanfareTrack): platform tracks, or tracks of this
 *   device, which the playlist keeps by title, artist and album
 * @entry_ids: (nullable) (array zero-terminated=1): the client's ids of the
 *   new entries, one per track; %NULL makes new ones
 * @after: (nullable): the entry to add them after; %NULL for the end
 *
 * Finish with fanfare_client_playlist_finish().
 */
void
fanfare_client_add_entries_async (FanfareClient       *self,
                                  const char          *playlist_id,
                                  GListModel          *tracks,
                                  const char * const  *entry_ids,
                                  const char          *after,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *path = NULL;
  guint n_tracks;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (tracks));

  n_tracks = g_list_model_get_n_items (tracks);
  g_return_if_fail (entry_ids == NULL || g_strv_length ((GStrv) entry_ids) == n_tracks);

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "entries");
  json_builder_begin_array (body);
  for (guint i = 0; i < n_tracks; i++)
    {
      g_autoptr(FanfareTrack) track = g_list_model_get_item (tracks, i);

      add_entry (body, track, entry_ids != NULL ? entry_ids[i] : NULL);
    }
  json_builder_end_array (body);
  add_string (body, "after", after);
  json_builder_end_object (body);
  path = playlist_path (playlist_id, "/entries");
  call_playlist (self, TRUE, "POST", path, body, parse_playlist, fanfare_client_playlist_finish,
                 cancellable, callback, user_data);
}

/**
 * fanfare_client_playlist_finish:
 * @access: (out caller-allocates) (optional): what it is to the user; clear
 *   it with fanfare_playlist_access_clear()
 *
 * Finishes a call that changes one playlist or makes it.
 *
 * Returns: (transfer full): the playlist as it is now, or %NULL with @error
 *   set
 */
FanfarePlaylist *
fanfare_client_playlist_finish (FanfareClient         *self,
                                GAsyncResult          *result,
                                FanfarePlaylistAccess *access,
                                GError               **error)
{
  PlaylistAnswer *answer = _fanfare_client_propagate (self, result, fanfare_client_playlist_finish, error);

  return answer != NULL ? steal_answer (answer, access, NULL) : NULL;
}

/**
 * fanfare_client_delete_playlist_async:
 *
 * Deletes a playlist of the user's. Finish with
 * fanfare_client_playlist_change_finish().
 */
void
fanfare_client_delete_playlist_async (FanfareClient       *self,
                                      const char          *playlist_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);

  path = playlist_path (playlist_id, NULL);
  call_playlist (self, FALSE, "DELETE", path, NULL, NULL, fanfare_client_playlist_change_finish,
                 cancellable, callback, user_data);
}

static char *
entry_path (const char *playlist_id,
            const char *entry_id,
            const char *suffix)
{
  g_autofree char *escaped = _fanfare_client_escape (entry_id);
  g_autofree char *tail = g_strconcat ("/entries/", escaped, suffix, NULL);

  return playlist_path (playlist_id, tail);
}

/**
 * fanfare_client_remove_entry_async:
 *
 * Removes an entry for good. Finish with
 * fanfare_client_playlist_change_finish().
 */
void
fanfare_client_remove_entry_async (FanfareClient       *self,
                                   const char          *playlist_id,
                                   const char          *entry_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL && entry_id != NULL);

  path = entry_path (playlist_id, entry_id, NULL);
  call_playlist (self, TRUE, "DELETE", path, NULL, NULL, fanfare_client_playlist_change_finish,
                 cancellable, callback, user_data);
}

/**
 * fanfare_client_move_entry_async:
 * @after: (nullable): the entry to move it after, or %NULL to make it first
 * @edited_at: (nullable): when the user moved it, or %NULL for now
 *
 * Finish with fanfare_client_playlist_change_finish().
 */
void
fanfare_client_move_entry_async (FanfareClient       *self,
                                 const char          *playlist_id,
                                 const char          *entry_id,
                                 const char          *after,
                                 GDateTime           *edited_at,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL && entry_id != NULL);

  json_builder_begin_object (body);
  if (after != NULL)
    add_string (body, "after", after);
  else
    {
      json_builder_set_member_name (body, "first");
      json_builder_add_boolean_value (body, TRUE);
    }
  add_time (body, "edited_at", edited_at);
  json_builder_end_object (body);
  path = entry_path (playlist_id, entry_id, "/position");
  call_playlist (self, TRUE, "PUT", path, body, NULL, fanfare_client_playlist_change_finish,
                 cancellable, callback, user_data);
}

/**
 * fanfare_client_playlist_change_finish:
 *
 * Finishes a deletion, a removal or a move.
 *
 * Returns: whether the server made the change
 */
gboolean
fanfare_client_playlist_change_finish (FanfareClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_playlist_change_finish, error) != NULL;
}

static gboolean
check_format (const char *format)
{
  return g_strcmp0 (format, "xspf") == 0 || g_strcmp0 (format, "m3u8") == 0;
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = g_task_get_source_object (task);
  GError *error = NULL;
  GBytes *body = _fanfare_client_finish_send (self, g_task_get_task_data (task), result, &error);

  if (body == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
}

/**
 * fanfare_client_export_playlist_async:
 * @format: `xspf` or `m3u8`
 *
 * Reads a playlist as a file to save.
 */
void
fanfare_client_export_playlist_async (FanfareClient       *self,
                                      const char          *playlist_id,
                                      const char          *format,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *suffix = NULL;
  g_autofree char *path = NULL;
  SoupMessage *msg;
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (playlist_id != NULL);
  g_return_if_fail (check_format (format));

  suffix = g_strconcat ("/export?format=", format, NULL);
  path = playlist_path (playlist_id, suffix);
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  soup_message_headers_remove (soup_message_get_request_headers (msg), "Accept");
  task = _fanfare_client_task_new (self, fanfare_client_export_playlist_async, cancellable, callback, user_data);
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, export_cb, task);
}

/**
 * fanfare_client_export_playlist_finish:
 *
 * Returns: (transfer full): the file, UTF-8
 */
GBytes *
fanfare_client_export_playlist_finish (FanfareClient *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_export_playlist_async, error);
}

/**
 * fanfare_client_import_playlist_async:
 * @file: an XSPF or M3U8 file
 * @format: `xspf` or `m3u8`
 * @title: (nullable): the new playlist's title; %NULL for the file's
 *
 * Makes a private playlist of the user's from a file.
 */
void
fanfare_client_import_playlist_async (FanfareClient       *self,
                                      GBytes              *file,
                                      const char          *format,
                                      const char          *title,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/api/v1/playlists/import?format=");
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (file != NULL);
  g_return_if_fail (check_format (format));

  g_string_append (path, format);
  if (title != NULL)
    {
      g_string_append (path, "&title=");
      g_string_append_uri_escaped (path, title, NULL, FALSE);
    }
  msg = _fanfare_client_new_message (self, "POST", path->str, NULL);
  soup_message_set_request_body_from_bytes (msg, g_str_equal (format, "xspf") ? "application/xspf+xml" : "audio/x-mpegurl",
                                            file);
  _fanfare_client_call (self, msg, parse_import, (GDestroyNotify) playlist_answer_free,
                        _fanfare_client_task_new (self, fanfare_client_import_playlist_async, cancellable,
                                                  callback, user_data));
}

/**
 * fanfare_client_import_playlist_finish:
 * @matched: (out) (optional): how many items are the platform's tracks
 * @unmatched: (out) (optional): how many stayed local tracks
 *
 * Returns: (transfer full): the new playlist, or %NULL with @error set
 */
FanfarePlaylist *
fanfare_client_import_playlist_finish (FanfareClient *self,
                                       GAsyncResult  *result,
                                       guint         *matched,
                                       guint         *unmatched,
                                       GError       **error)
{
  PlaylistAnswer *answer = _fanfare_client_propagate (self, result, fanfare_client_import_playlist_async, error);

  if (answer == NULL)
    return NULL;
  if (matched != NULL)
    *matched = answer->matched;
  if (unmatched != NULL)
    *unmatched = answer->unmatched;

  return steal_answer (answer, NULL, NULL);
}

/**
 * fanfare_client_dup_share_uri:
 *
 * Returns: (transfer full): the link that opens the playlist for anyone it
 *   is public or unlisted for: `https://SERVER/p/ID`
 */
char *
fanfare_client_dup_share_uri (FanfareClient *self,
                              const char    *playlist_id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (playlist_id != NULL, NULL);

  escaped = _fanfare_client_escape (playlist_id);

  return g_strconcat (self->server_url, "/p/", escaped, NULL);
}

/**
 * fanfare_client_parse_playlist_uri:
 * @uri: a link such as `fanfare://playlist/ID` or a share link of this
 *   client's server
 *
 * Returns: (transfer full) (nullable): the playlist's id, or %NULL for a
 *   link that does not name one
 */
char *
fanfare_client_parse_playlist_uri (FanfareClient *self,
                                   const char    *uri)
{
  g_autofree char *prefix = NULL;
  g_autofree char *id = NULL;
  const char *rest = NULL;

  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  prefix = g_strconcat (self->server_url, "/p/", NULL);
  if (g_str_has_prefix (uri, "fanfare://playlist/"))
    rest = uri + strlen ("fanfare://playlist/");
  else if (g_str_has_prefix (uri, prefix))
    rest = uri + strlen (prefix);
  if (rest == NULL)
    return NULL;

  id = g_uri_unescape_segment (rest, rest + strcspn (rest, "/?#"), NULL);
  if (id == NULL || *id == '\0')
    return NULL;

  return g_steal_pointer (&id);
}
