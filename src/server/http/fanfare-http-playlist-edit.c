/* fanfare-http-playlist-edit.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Making and changing playlists, following them, and inviting others to
 * edit them. Every change may come late, from a device that was offline:
 * clients name playlists and entries, so that sending a change twice
 * makes it once, and date field changes, so that the latest one wins
 * (see fanfare-playlist-store-edit.c). */

#include "config.h"

#include "fanfare-accounts.h"
#include "fanfare-common-enums.h"
#include "fanfare-http-json.h"
#include "fanfare-http-playlist-json.h"
#include "fanfare-images.h"
#include "fanfare-json.h"
#include "fanfare-router.h"
#include "fanfare-utils.h"

#define MAX_DESCRIPTION 1000
#define MAX_TAG         300
#define MAX_ENTRIES     1000

static gboolean
check_client_id (const char *id,
                 const char *field,
                 GError    **error)
{
  if (!fanfare_router_is_client_id (id))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “%s” must be 1 to 64 letters, digits, “-” or “_”", field);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_visibility (JsonObject *body,
                 int        *visibility,
                 GError    **error)
{
  const char *name = NULL;

  if (!fanfare_json_read_string (body, "visibility", FALSE, &name, error))
    return FALSE;

  if (name != NULL && !fanfare_enum_from_string (FANFARE_TYPE_PLAYLIST_VISIBILITY, name, visibility))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “visibility” must be public, unlisted or private");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_fields (const char *title,
              const char *description,
              GError    **error)
{
  return (title == NULL ||
          fanfare_accounts_check_text (title, "title", 1, FANFARE_PLAYLIST_MAX_TITLE, error)) &&
         (description == NULL ||
          fanfare_accounts_check_text (description, "description", 0, MAX_DESCRIPTION, error));
}

static void
create_playlist (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *client_id = NULL;
  int visibility = FANFARE_PLAYLIST_VISIBILITY_PRIVATE;
  gboolean created = FALSE;
  gint64 playlist_id = 0;

  if ((body = fanfare_request_parse_body (request, &error)) != NULL &&
      fanfare_json_read_string (body, "title", TRUE, &title, &error) &&
      fanfare_json_read_string (body, "description", FALSE, &description, &error) &&
      fanfare_json_read_string (body, "client_id", FALSE, &client_id, &error) &&
      read_visibility (body, &visibility, &error) && check_fields (title, description, &error) &&
      (client_id == NULL || check_client_id (client_id, "client_id", &error)))
    playlist_id = fanfare_playlist_store_create_from (fanfare_request_get_database (request),
                                                      fanfare_request_get_auth (request)->user_id, client_id,
                                                      title, description, visibility, &created, &error);

  if (playlist_id == 0)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_playlist (request, created ? 201 : 200, playlist_id, NULL);
}

static void
update_playlist (FanfareRequest *request)
{
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  FanfarePlaylistChanges changes = { NULL, NULL, -1, 0, 0, 0 };

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "title", FALSE, &changes.title, &error) ||
      !fanfare_json_read_string (body, "description", FALSE, &changes.description, &error) ||
      !read_visibility (body, &changes.visibility, &error) ||
      !check_fields (changes.title, changes.description, &error) ||
      !fanfare_http_read_edit_time (body, "title", &changes.title_at, &error) ||
      !fanfare_http_read_edit_time (body, "description", &changes.description_at, &error) ||
      !fanfare_http_read_edit_time (body, "visibility", &changes.visibility_at, &error) ||
      !fanfare_playlist_store_update (fanfare_request_get_database (request), fanfare_request_get_viewer (request),
                                      playlist_id, &changes, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_playlist (request, 200, playlist_id, NULL);
}

static void
delete_playlist (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_playlist_store_delete (fanfare_request_get_database (request), fanfare_request_get_viewer (request),
                                      fanfare_request_get_id (request, "id"), &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
set_cover (FanfareRequest *request)
{
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  GBytes *body = fanfare_request_get_body (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  if (body == NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The request needs a PNG or JPEG body");
      return;
    }

  /* Whoever may not edit the playlist stores no image. */
  if (!fanfare_playlist_store_check_editor (fanfare_request_get_database (request),
                                            fanfare_request_get_viewer (request), playlist_id, &error) ||
      (image_id = fanfare_images_add_bytes (fanfare_request_get_media (request), body, &error)) == NULL ||
      !fanfare_playlist_store_set_cover (fanfare_request_get_database (request),
                                         fanfare_request_get_viewer (request), playlist_id, image_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_playlist (request, 200, playlist_id, NULL);
}

static gboolean
check_duration (gint64   duration_ms,
                GError **error)
{
  if (duration_ms < 0 || duration_ms > FANFARE_PLAYLIST_MAX_DURATION_MS)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “duration_ms” must be 0 to %" G_GINT64_FORMAT, FANFARE_PLAYLIST_MAX_DURATION_MS);
      return FALSE;
    }

  return TRUE;
}

static FanfarePlaylistEntry *
read_entry (JsonObject *object,
            GError    **error)
{
  g_autoptr(FanfarePlaylistEntry) entry = fanfare_playlist_entry_new ();
  JsonObject *local = NULL;
  const char *id = NULL, *title = NULL, *artist = NULL, *album = NULL;
  gint64 duration_ms = 0;

  if (!fanfare_json_read_string (object, "id", TRUE, &id, error) || !check_client_id (id, "id", error) ||
      !fanfare_http_read_track_id (object, "track_id", FALSE, &entry->track_id, error))
    return NULL;

  if (json_object_has_member (object, "local") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "local")))
    local = json_object_get_object_member (object, "local");

  if ((entry->track_id == 0) == (local == NULL))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "An entry has either a “track_id” or a “local” track");
      return NULL;
    }

  if (local != NULL &&
      (!fanfare_json_read_string (local, "title", TRUE, &title, error) ||
       !fanfare_json_read_string (local, "artist", FALSE, &artist, error) ||
       !fanfare_json_read_string (local, "album", FALSE, &album, error) ||
       !fanfare_json_read_int (local, "duration_ms", FALSE, &duration_ms, error) ||
       !check_duration (duration_ms, error) ||
       !fanfare_accounts_check_text (title, "title", 1, MAX_TAG, error) ||
       (artist != NULL && !fanfare_accounts_check_text (artist, "artist", 0, MAX_TAG, error)) ||
       (album != NULL && !fanfare_accounts_check_text (album, "album", 0, MAX_TAG, error))))
    return NULL;

  entry->entry_id = g_strdup (id);
  entry->title = g_strdup (title);
  entry->artist = g_strdup (artist);
  entry->album = g_strdup (album);
  entry->duration_ms = duration_ms;

  return g_steal_pointer (&entry);
}

static GPtrArray *
read_entries (JsonObject *body,
              GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_playlist_entry_free);
  JsonArray *array;

  if (!json_object_has_member (body, "entries") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "entries")) ||
      json_array_get_length (array = json_object_get_array_member (body, "entries")) == 0 ||
      json_array_get_length (array) > MAX_ENTRIES)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “entries” must be an array of 1 to %u entries", MAX_ENTRIES);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      FanfarePlaylistEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                               "The field “entries” must hold objects");
          return NULL;
        }
      if ((entry = read_entry (json_node_get_object (node), error)) == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

static void
add_entries (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  FanfarePlaylistPlace place;
  guint added;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      (entries = read_entries (body, &error)) == NULL || !fanfare_http_read_place (body, &place, &error) ||
      (added = fanfare_playlist_store_add_entries (db, viewer, playlist_id, entries, &place, &error)) == G_MAXUINT)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  if (!fanfare_http_add_playlist (builder, db, viewer, playlist_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, added);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
remove_entry (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_playlist_store_remove_entry (fanfare_request_get_database (request),
                                            fanfare_request_get_viewer (request),
                                            fanfare_request_get_id (request, "id"),
                                            fanfare_request_get_param (request, "entry"), &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
move_entry (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  FanfarePlaylistPlace place;
  gint64 moved_at;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_http_read_place (body, &place, &error) ||
      !fanfare_http_read_edit_time (body, "position", &moved_at, &error) ||
      !fanfare_playlist_store_move_entry (fanfare_request_get_database (request),
                                          fanfare_request_get_viewer (request),
                                          fanfare_request_get_id (request, "id"),
                                          fanfare_request_get_param (request, "entry"), &place, moved_at, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
set_following (FanfareRequest *request,
               gboolean        following)
{
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;

  if (!fanfare_playlist_store_set_following (fanfare_request_get_database (request),
                                             fanfare_request_get_viewer (request), playlist_id, following, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_playlist (request, 200, playlist_id, NULL);
}

static void
follow (FanfareRequest *request)
{
  set_following (request, TRUE);
}

static void
unfollow (FanfareRequest *request)
{
  set_following (request, FALSE);
}

static void
list_followed (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playlists = NULL;

  playlists = fanfare_playlist_store_list_followed (fanfare_request_get_database (request),
                                                    fanfare_request_get_viewer (request), &error);
  if (playlists == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_items (request, playlists, NULL);
}

static void
set_collaborator (FanfareRequest *request,
                  gboolean        invited)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 playlist_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  gint64 user_id;

  if ((user_id = fanfare_account_store_lookup_user_id (db, fanfare_request_get_param (request, "username"),
                                                       &error)) == 0 ||
      !fanfare_playlist_store_set_collaborator (db, fanfare_request_get_viewer (request), playlist_id, user_id,
                                                invited, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_playlist (request, 200, playlist_id, NULL);
}

static void
invite_collaborator (FanfareRequest *request)
{
  set_collaborator (request, TRUE);
}

static void
revoke_collaborator (FanfareRequest *request)
{
  set_collaborator (request, FALSE);
}

const FanfareRoute fanfare_http_playlist_edit_routes[] = {
  { "POST", "/api/v1/playlists", FANFARE_ACCESS_USER, 0, create_playlist },
  { "PATCH", "/api/v1/playlists/{id}", FANFARE_ACCESS_USER, 0, update_playlist },
  { "DELETE", "/api/v1/playlists/{id}", FANFARE_ACCESS_USER, 0, delete_playlist },
  { "PUT", "/api/v1/playlists/{id}/cover", FANFARE_ACCESS_USER, FANFARE_IMAGE_MAX_BYTES, set_cover },
  { "POST", "/api/v1/playlists/{id}/entries", FANFARE_ACCESS_USER, 0, add_entries },
  { "DELETE", "/api/v1/playlists/{id}/entries/{entry}", FANFARE_ACCESS_USER, 0, remove_entry },
  { "PUT", "/api/v1/playlists/{id}/entries/{entry}/position", FANFARE_ACCESS_USER, 0, move_entry },
  { "PUT", "/api/v1/playlists/{id}/follow", FANFARE_ACCESS_USER, 0, follow },
  { "DELETE", "/api/v1/playlists/{id}/follow", FANFARE_ACCESS_USER, 0, unfollow },
  { "GET", "/api/v1/me/followed-playlists", FANFARE_ACCESS_USER, 0, list_followed },
  { "PUT", "/api/v1/playlists/{id}/collaborators/{username}", FANFARE_ACCESS_USER, 0, invite_collaborator },
  { "DELETE", "/api/v1/playlists/{id}/collaborators/{username}", FANFARE_ACCESS_USER, 0, revoke_collaborator },
  { NULL },
};
