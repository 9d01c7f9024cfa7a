/* fanfare-http-artists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Becoming an artist: a listener asks, an admin approves (or the server
 * grants every request at once with --open-artist-signup); an artist
 * edits their profile: name, bio, photo and links. */

#include "config.h"

#include "fanfare-artist.h"
#include "fanfare-catalog-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-studio-json.h"
#include "fanfare-images.h"
#include "fanfare-json.h"
#include "fanfare-server-private.h"

#define MAX_NAME   200
#define MAX_TEXT   4000
#define MAX_LINKS  10

static void
respond_request (FanfareRequest *request,
                 guint           status,
                 gint64          user_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareArtistRequest) artist_request = NULL;

  artist_request = fanfare_studio_store_get_artist_request (fanfare_request_get_database (request), user_id, &error);
  if (artist_request == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_member (request, status, "request", fanfare_http_artist_request_to_json (artist_request));
}

/* Makes @user_id the artist they asked to be, named as they asked. */
static gboolean
approve (FanfareDatabase *db,
         gint64           user_id,
         GError         **error)
{
  g_autoptr(FanfareArtistRequest) artist_request = NULL;
  gint64 artist_id = 0;

  return fanfare_studio_store_decide_artist_request (db, user_id, TRUE, error) &&
         (artist_request = fanfare_studio_store_get_artist_request (db, user_id, error)) != NULL &&
         fanfare_account_store_set_role (db, user_id, FANFARE_USER_ROLE_ARTIST, &artist_id, error) &&
         fanfare_catalog_store_update_artist (db, artist_id, artist_request->name, NULL, NULL, error);
}

static void
ask (FanfareRequest *request)
{
  const FanfareAuth *auth = fanfare_request_get_auth (request);
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *name = NULL;
  const char *message = NULL;

  if (auth->role != FANFARE_USER_ROLE_LISTENER)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_CONFLICT, "Only a listener can ask to become an artist");
      return;
    }

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_http_read_text (body, "name", TRUE, 1, MAX_NAME, &name, &error) ||
      !fanfare_http_read_text (body, "message", FALSE, 0, MAX_TEXT, &message, &error) ||
      !fanfare_studio_store_add_artist_request (db, auth->user_id, name, message, &error) ||
      (_fanfare_server_get_limits (fanfare_request_get_server (request))->open_artist_signup &&
       !approve (db, auth->user_id, &error)))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_request (request, 201, auth->user_id);
}

static void
get_own_request (FanfareRequest *request)
{
  respond_request (request, 200, fanfare_request_get_auth (request)->user_id);
}

static void
list_requests (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  if ((requests = fanfare_studio_store_list_artist_requests (fanfare_request_get_database (request), &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < requests->len; i++)
    json_builder_add_value (builder, fanfare_http_artist_request_to_json (g_ptr_array_index (requests, i)));
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
decide (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean approved = FALSE;
  gint64 user_id;

  if ((user_id = fanfare_account_store_lookup_user_id (db, fanfare_request_get_param (request, "username"),
                                                       &error)) == 0 ||
      (body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_boolean (body, "approved", TRUE, &approved, &error) ||
      !(approved ? approve (db, user_id, &error) :
        fanfare_studio_store_decide_artist_request (db, user_id, FALSE, &error)))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_request (request, 200, user_id);
}

static void
respond_artist (FanfareRequest *request,
                gint64          artist_id)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareArtist) artist = NULL;
  g_auto(GStrv) links = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  if ((artist = fanfare_catalog_store_get_artist (db, artist_id, &error)) == NULL ||
      (links = fanfare_studio_store_get_artist_links (db, artist_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  fanfare_http_add_object (builder, "artist", artist);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; links[i] != NULL; i++)
    json_builder_add_string_value (builder, links[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
get_profile (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);

  if (artist_id != 0)
    respond_artist (request, artist_id);
}

static void
get_links (FanfareRequest *request)
{
  respond_artist (request, fanfare_request_get_id (request, "id"));
}

static gboolean
check_links (GStrv    links,
             GError **error)
{
  if (links == NULL)
    return TRUE;

  if (g_strv_length (links) > MAX_LINKS)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “links” holds at most %d links",
                   MAX_LINKS);
      return FALSE;
    }

  for (guint i = 0; links[i] != NULL; i++)
    if ((!g_str_has_prefix (links[i], "https://") && !g_str_has_prefix (links[i], "http://")) ||
        strlen (links[i]) > 1000 || strchr (links[i], '\n') != NULL || !g_uri_is_valid (links[i], G_URI_FLAGS_NONE, NULL))
      {
        g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                             "The field “links” must hold http or https addresses");
        return FALSE;
      }

  return TRUE;
}

static void
edit_profile (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 artist_id = fanfare_http_studio_artist (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_auto(GStrv) links = NULL;
  const char *name = NULL;
  const char *bio = NULL;

  if (artist_id == 0)
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_http_read_text (body, "name", FALSE, 1, MAX_NAME, &name, &error) ||
      !fanfare_http_read_text (body, "bio", FALSE, 0, MAX_TEXT, &bio, &error) ||
      !fanfare_json_read_strv (body, "links", FALSE, &links, &error) ||
      !check_links (links, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (!fanfare_catalog_store_update_artist (db, artist_id, name, bio, NULL, &error) ||
      (links != NULL && !fanfare_studio_store_set_artist_links (db, artist_id, (const char * const *) links, &error)))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_artist (request, artist_id);
}

static void
set_photo (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  GBytes *body = fanfare_request_get_body (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  if (artist_id == 0)
    return;

  if (body == NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The request needs a PNG or JPEG body");
      return;
    }

  if ((image_id = fanfare_images_add_bytes (fanfare_request_get_media (request), body, &error)) == NULL ||
      !fanfare_catalog_store_update_artist (fanfare_request_get_database (request), artist_id, NULL, NULL,
                                            image_id, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_artist (request, artist_id);
}

const FanfareRoute fanfare_http_artist_routes[] = {
  { "POST", "/api/v1/me/artist-request", FANFARE_ACCESS_USER, 0, ask },
  { "GET", "/api/v1/me/artist-request", FANFARE_ACCESS_USER, 0, get_own_request },
  { "GET", "/api/v1/artist-requests", FANFARE_ACCESS_ADMIN, 0, list_requests },
  { "PUT", "/api/v1/artist-requests/{username}", FANFARE_ACCESS_ADMIN, 0, decide },
  { "GET", "/api/v1/me/artist", FANFARE_ACCESS_USER, 0, get_profile },
  { "PATCH", "/api/v1/me/artist", FANFARE_ACCESS_USER, 0, edit_profile },
  { "PUT", "/api/v1/me/artist/photo", FANFARE_ACCESS_USER, FANFARE_IMAGE_MAX_BYTES, set_photo },
  { "GET", "/api/v1/artists/{id}/links", FANFARE_ACCESS_ANYONE, 0, get_links, TRUE },
  { NULL },
};
