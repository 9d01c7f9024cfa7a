/* fanfare-client-catalog.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The platform's catalog: search, artists, albums, tracks, new releases. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-playlist.h"

static gpointer
parse_search (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  static const struct {
    const char *type;
    GType       (*get_type) (void);
  } kinds[] = {
    { "track", fanfare_track_get_type },
    { "album", fanfare_album_get_type },
    { "artist", fanfare_artist_get_type },
    { "playlist", fanfare_playlist_get_type },
    { "user", fanfare_user_get_type },
  };
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  JsonArray *items;

  if (!json_object_has_member (json, "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json, "items")))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A search without items");
      return NULL;
    }

  items = json_object_get_array_member (json, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      type = json_object_get_string_member_with_default (json_node_get_object (node), "type", "");
      /* Kinds this version does not know are left out, not failed on. */
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (type, kinds[k].type))
          {
            g_autoptr(GObject) object = _fanfare_client_parse_object (json_node_get_object (node), type,
                                                                      kinds[k].get_type (), error);

            if (object == NULL)
              return NULL;
            g_list_store_append (store, object);
          }
    }

  return g_steal_pointer (&store);
}

static gpointer
parse_albums (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  return _fanfare_client_parse_list (json, "items", FANFARE_TYPE_ALBUM, error);
}

static gpointer
parse_album (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  g_autoptr(GObject) album = _fanfare_client_parse_object (json, "album", FANFARE_TYPE_ALBUM, error);
  g_autoptr(GListModel) tracks = NULL;
  FanfareClientPair *pair;

  if (album == NULL)
    return NULL;
  tracks = _fanfare_client_parse_list (json, "tracks", FANFARE_TYPE_TRACK, error);
  if (tracks == NULL)
    return NULL;

  pair = g_new0 (FanfareClientPair, 1);
  pair->object = g_steal_pointer (&album);
  pair->list = g_steal_pointer (&tracks);

  return pair;
}

static gpointer
parse_artist (FanfareClient *self,
              JsonObject    *json,
              GError       **error)
{
  return _fanfare_client_parse_object (json, "artist", FANFARE_TYPE_ARTIST, error);
}

static gpointer
parse_track (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  return _fanfare_client_parse_object (json, "track", FANFARE_TYPE_TRACK, error);
}

/* GET of one object by id under @collection, such as /api/v1/albums/ID. */
static void
get_by_id (FanfareClient    *self,
           const char       *collection,
           const char       *id,
           const char       *suffix,
           FanfareParseFunc  parse,
           GDestroyNotify    destroy,
           GTask            *task)
{
  g_autofree char *escaped = _fanfare_client_escape (id);
  g_autofree char *path = g_strconcat ("/api/v1/", collection, "/", escaped, suffix, NULL);
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", path, NULL);

  _fanfare_client_call (self, msg, parse, destroy, task);
}

/**
 * fanfare_client_search_async:
 * @query: what the user typed
 * @limit: at most this many results, 1 to 100
 *
 * Searches the platform's artists, albums, tracks, playlists and users.
 */
void
fanfare_client_search_async (FanfareClient       *self,
                             const char          *query,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (query != NULL);

  escaped = g_uri_escape_string (query, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/search?q=%s&limit=%u", escaped, CLAMP (limit, 1, 100));
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_search, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_search_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_search_finish:
 *
 * Returns: (transfer full): the results, best first: #FanfareTrack,
 *   #FanfareAlbum, #FanfareArtist, #FanfarePlaylist and #FanfareUser objects
 */
GListModel *
fanfare_client_search_finish (FanfareClient *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_search_async, error);
}

static void
artist_albums_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClientPair *artist = g_task_get_task_data (task);
  FanfareClientPair *pair;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) albums = g_task_propagate_pointer (G_TASK (result), &error);

  if (albums == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pair = g_new0 (FanfareClientPair, 1);
  pair->object = g_object_ref (artist->object);
  pair->list = g_steal_pointer (&albums);
  g_task_return_pointer (task, pair, (GDestroyNotify) _fanfare_client_pair_free);
}

static void
artist_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = FANFARE_CLIENT (object);
  g_autoptr(GError) error = NULL;
  FanfareClientPair *pair = g_new0 (FanfareClientPair, 1);
  GCancellable *cancellable;
  GTask *albums_task;

  g_task_set_task_data (task, pair, (GDestroyNotify) _fanfare_client_pair_free);
  pair->object = g_task_propagate_pointer (G_TASK (result), &error);
  if (pair->object == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  albums_task = g_task_new (self, cancellable, artist_albums_cb, g_steal_pointer (&task));
  get_by_id (self, "artists", fanfare_artist_get_id (FANFARE_ARTIST (pair->object)), "/albums",
             parse_albums, g_object_unref, albums_task);
}

/**
 * fanfare_client_get_artist_async:
 *
 * Fetches an artist and their albums.
 */
void
fanfare_client_get_artist_async (FanfareClient       *self,
                                 const char          *artist_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (artist_id != NULL);

  task = _fanfare_client_task_new (self, fanfare_client_get_artist_async, cancellable, callback, user_data);
  get_by_id (self, "artists", artist_id, "", parse_artist, g_object_unref,
             g_task_new (self, cancellable, artist_cb, task));
}

/**
 * fanfare_client_get_artist_finish:
 * @albums: (out) (optional) (transfer full): the artist's albums, newest first
 *
 * Returns: (transfer full): the artist
 */
FanfareArtist *
fanfare_client_get_artist_finish (FanfareClient *self,
                                  GAsyncResult  *result,
                                  GListModel   **albums,
                                  GError       **error)
{
  FanfareClientPair *pair = _fanfare_client_propagate (self, result, fanfare_client_get_artist_async, error);

  return pair != NULL ? _fanfare_client_pair_steal (pair, albums) : NULL;
}

void
fanfare_client_get_album_async (FanfareClient       *self,
                                const char          *album_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (album_id != NULL);

  get_by_id (self, "albums", album_id, "", parse_album, (GDestroyNotify) _fanfare_client_pair_free,
             _fanfare_client_task_new (self, fanfare_client_get_album_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_get_album_finish:
 * @tracks: (out) (optional) (transfer full): the album's tracks in order
 *
 * Returns: (transfer full): the album
 */
FanfareAlbum *
fanfare_client_get_album_finish (FanfareClient *self,
                                 GAsyncResult  *result,
                                 GListModel   **tracks,
                                 GError       **error)
{
  FanfareClientPair *pair = _fanfare_client_propagate (self, result, fanfare_client_get_album_async, error);

  return pair != NULL ? _fanfare_client_pair_steal (pair, tracks) : NULL;
}

void
fanfare_client_get_track_async (FanfareClient       *self,
                                const char          *track_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  get_by_id (self, "tracks", track_id, "", parse_track, g_object_unref,
             _fanfare_client_task_new (self, fanfare_client_get_track_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_get_track_finish:
 *
 * Returns: (transfer full): the track
 */
FanfareTrack *
fanfare_client_get_track_finish (FanfareClient *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_get_track_async, error);
}

/**
 * fanfare_client_list_new_releases_async:
 * @limit: at most this many albums, 1 to 100
 *
 * The newest published albums.
 */
void
fanfare_client_list_new_releases_async (FanfareClient       *self,
                                        guint                limit,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  path = g_strdup_printf ("/api/v1/albums?limit=%u", CLAMP (limit, 1, 100));
  msg = _fanfare_client_new_message (self, "GET", path, NULL);
  _fanfare_client_call (self, msg, parse_albums, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_new_releases_async, cancellable, callback, user_data));
}

/**
 * fanfare_client_list_new_releases_finish:
 *
 * Returns: (transfer full) (element-type FanfareAlbum): the albums, newest first
 */
GListModel *
fanfare_client_list_new_releases_finish (FanfareClient *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_new_releases_async, error);
}
