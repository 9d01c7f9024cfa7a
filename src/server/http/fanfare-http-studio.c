/* fanfare-http-studio.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The studio: an artist's albums (made, edited, published now or at a
 * time, taken back), their tracks (titles, numbers, order, kinds,
 * chapters) and what listeners do with them. Only the album's artist may
 * touch it; uploads, which make the tracks, are fanfare-http-uploads.c. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fanfare-album.h"
#include "fanfare-catalog-store.h"
#include "fanfare-common-enums.h"
#include "fanfare-http-json.h"
#include "fanfare-http-studio-json.h"
#include "fanfare-images.h"
#include "fanfare-json.h"
#include "fanfare-track.h"
#include "fanfare-utils.h"

#define MAX_TITLE          200
#define MAX_GENRE          100
#define MAX_DESCRIPTION    4000
#define MAX_PRICE_CENTS    100000000
#define MAX_ANALYTICS_DAYS 365
#define MAX_CHAPTERS       1000
/* A schedule this close to now is now: clocks differ a little. */
#define SCHEDULE_SLACK     60

static gboolean
read_date (JsonObject  *body,
           const char **value,
           GError     **error)
{
  guint year, month, day;
  char end;

  if (!fanfare_json_read_string (body, "release_date", FALSE, value, error))
    return FALSE;

  if (*value != NULL && (*value)[0] != '\0' &&
      (sscanf (*value, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 || strlen (*value) != 10 ||
       !g_date_valid_dmy (day, month, year)))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “release_date” must be a date, YYYY-MM-DD");
      return FALSE;
    }

  return TRUE;
}

/* price_cents and currency: a price in the currency's smallest unit, or
 * null for free streaming. */
static gboolean
read_price (JsonObject       *body,
            FanfareAlbumEdit *edit,
            GError          **error)
{
  if (!json_object_has_member (body, "price_cents"))
    return TRUE;

  edit->set_price = TRUE;
  edit->price_cents = -1;
  if (!fanfare_json_read_int (body, "price_cents", FALSE, &edit->price_cents, error) ||
      !fanfare_json_read_string (body, "currency", edit->price_cents >= 0, &edit->currency, error))
    return FALSE;

  if (edit->price_cents > MAX_PRICE_CENTS || edit->price_cents < -1)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “price_cents” must be a price from 0 to 100000000, or null for free streaming");
      return FALSE;
    }
  if (edit->price_cents >= 0 &&
      (strlen (edit->currency) != 3 || !g_ascii_isupper (edit->currency[0]) ||
       !g_ascii_isupper (edit->currency[1]) || !g_ascii_isupper (edit->currency[2])))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “currency” must be an ISO 4217 code such as USD or CNY");
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
read_album (FanfareRequest   *request,
            FanfareAlbumEdit *edit,
            gboolean          creating,
            GError          **error)
{
  g_autoptr(JsonObject) body = fanfare_request_parse_body (request, error);

  if (body == NULL ||
      !fanfare_http_read_text (body, "title", FALSE, 1, MAX_TITLE, &edit->title, error) ||
      !fanfare_http_read_text (body, "genre", FALSE, 0, MAX_GENRE, &edit->genre, error) ||
      !fanfare_http_read_text (body, "description", FALSE, 0, MAX_DESCRIPTION, &edit->description, error) ||
      !read_date (body, &edit->release_date, error) || !read_price (body, edit, error))
    return NULL;

  if (creating && edit->title == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “title” is required");
      return NULL;
    }

  return g_steal_pointer (&body);
}

static JsonNode *
studio_album_to_json (FanfareRequest *request,
                      gint64          album_id,
                      GError        **error)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(FanfareStudioAlbum) studio = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  GList *members;

  if ((album = fanfare_catalog_store_get_album (db, fanfare_request_get_viewer (request), album_id, error)) == NULL ||
      (studio = fanfare_studio_store_get_album (db, album_id, error)) == NULL)
    return NULL;

  node = fanfare_http_object_to_json (G_OBJECT (album));
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  json_builder_begin_object (builder);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_object_dup_member (object, l->data));
    }
  g_list_free (members);

  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, studio->description);
  json_builder_set_member_name (builder, "price_cents");
  if (studio->price_cents >= 0)
    json_builder_add_int_value (builder, studio->price_cents);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, studio->currency);
  json_builder_set_member_name (builder, "published");
  json_builder_add_boolean_value (builder, studio->published);
  fanfare_http_add_optional_time (builder, "publish_at", studio->publish_at);
  fanfare_http_add_optional_time (builder, "published_at", studio->published_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
respond_album (FanfareRequest *request,
               guint           status,
               gint64          album_id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = studio_album_to_json (request, album_id, &error);

  if (node == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_member (request, status, "album", node);
}

/* The album of the path, when the caller is its artist; 0 otherwise,
 * with the request failed. */
static gint64
own_album (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  gint64 album_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;

  if (artist_id == 0)
    return 0;

  if (!fanfare_studio_store_check_album (fanfare_request_get_database (request), artist_id, album_id, &error))
    {
      fanfare_request_fail (request, error);
      return 0;
    }

  return album_id;
}

static gint64
own_track (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  gint64 track_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;

  if (artist_id == 0)
    return 0;

  if (fanfare_studio_store_check_track (fanfare_request_get_database (request), artist_id, track_id, &error) == 0)
    {
      fanfare_request_fail (request, error);
      return 0;
    }

  return track_id;
}

static void
list_albums (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  if (artist_id == 0)
    return;

  if ((ids = fanfare_studio_store_list_album_ids (fanfare_request_get_database (request), artist_id,
                                                  &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonNode *node = studio_album_to_json (request, g_array_index (ids, gint64, i), &error);

      if (node == NULL)
        {
          fanfare_request_fail (request, error);
          return;
        }
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
create_album (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  FanfareAlbumEdit edit = { .price_cents = -1 };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 album_id;

  if (artist_id == 0)
    return;

  if ((body = read_album (request, &edit, TRUE, &error)) == NULL ||
      (album_id = fanfare_studio_store_create_album (fanfare_request_get_database (request), artist_id, &edit,
                                                     &error)) == 0)
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_album (request, 201, album_id);
}

static void
get_album (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  gint64 album_id = own_album (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  JsonNode *album;

  if (album_id == 0)
    return;

  if ((album = studio_album_to_json (request, album_id, &error)) == NULL ||
      (tracks = fanfare_catalog_store_list_album_tracks (db, fanfare_request_get_viewer (request), album_id,
                                                         &error)) == NULL ||
      (uploads = fanfare_studio_store_list_uploads (db, album_id, &error)) == NULL)
    {
      g_clear_pointer (&album, json_node_unref);
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "album");
  json_builder_add_value (builder, album);
  fanfare_http_add_array (builder, "tracks", tracks);
  json_builder_set_member_name (builder, "uploads");
  json_builder_begin_array (builder);
  for (guint i = 0; i < uploads->len; i++)
    json_builder_add_value (builder, fanfare_http_upload_to_json (g_ptr_array_index (uploads, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  fanfare_request_respond_json (request, 200, root);
}

static void
edit_album (FanfareRequest *request)
{
  gint64 album_id = own_album (request);
  FanfareAlbumEdit edit = { .price_cents = -1 };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;

  if (album_id == 0)
    return;

  if ((body = read_album (request, &edit, FALSE, &error)) == NULL ||
      !fanfare_studio_store_edit_album (fanfare_request_get_database (request), album_id, &edit, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_album (request, 200, album_id);
}

static void
set_cover (FanfareRequest *request)
{
  gint64 album_id = own_album (request);
  GBytes *body = fanfare_request_get_body (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  FanfareAlbumEdit edit = { .price_cents = -1 };

  if (album_id == 0)
    return;

  if (body == NULL || g_bytes_get_size (body) == 0)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The request needs a PNG or JPEG body");
      return;
    }

  if ((image_id = fanfare_images_add_bytes (fanfare_request_get_media (request), body, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  edit.cover_id = image_id;
  if (!fanfare_studio_store_edit_album (fanfare_request_get_database (request), album_id, &edit, &error))
    fanfare_request_fail (request, error);
  else
    respond_album (request, 200, album_id);
}

static void
publish (FanfareRequest *request)
{
  gint64 album_id = own_album (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = NULL;
  const char *at = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 when = now;

  if (album_id == 0)
    return;

  if (fanfare_request_get_body (request) != NULL && g_bytes_get_size (fanfare_request_get_body (request)) > 0 &&
      ((body = fanfare_request_parse_body (request, &error)) == NULL ||
       !fanfare_json_read_string (body, "at", FALSE, &at, &error)))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (at != NULL)
    {
      if ((time = g_date_time_new_from_iso8601 (at, NULL)) == NULL)
        {
          fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                        "The field “at” must be an ISO 8601 time with its zone");
          return;
        }
      when = g_date_time_to_unix (time);
      if (when < now - SCHEDULE_SLACK)
        {
          fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                        "The field “at” is in the past; publish now or at a later time");
          return;
        }
    }

  if (!fanfare_studio_store_publish (fanfare_request_get_database (request), album_id, when, &error))
    fanfare_request_fail (request, error);
  else
    respond_album (request, 200, album_id);
}

static void
unpublish (FanfareRequest *request)
{
  gint64 album_id = own_album (request);
  g_autoptr(GError) error = NULL;

  if (album_id == 0)
    return;

  if (!fanfare_studio_store_unpublish (fanfare_request_get_database (request), album_id, &error))
    fanfare_request_fail (request, error);
  else
    respond_album (request, 200, album_id);
}

static void
reorder (FanfareRequest *request)
{
  gint64 album_id = own_album (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GArray) track_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (album_id == 0)
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_strv (body, "track_ids", TRUE, &ids, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      g_array_append_val (track_ids, id);
    }

  if (!fanfare_studio_store_reorder (fanfare_request_get_database (request), album_id, track_ids, &error))
    fanfare_request_fail (request, error);
  else
    respond_album (request, 200, album_id);
}

static void
respond_track (FanfareRequest *request,
               gint64          track_id)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GPtrArray) chapters = NULL;

  if ((track = fanfare_catalog_store_get_track (db, fanfare_request_get_viewer (request), track_id, &error)) == NULL ||
      (chapters = fanfare_catalog_store_list_chapters (db, track_id, &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_with_list (request, "track", track, "chapters", chapters);
}

static void
edit_track (FanfareRequest *request)
{
  gint64 track_id = own_track (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  FanfareTrackEdit edit = { 0 };
  const char *kind = NULL;
  gint64 track_number = 0, disc_number = 0;
  int kind_value;

  if (track_id == 0)
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_http_read_text (body, "title", FALSE, 1, MAX_TITLE, &edit.title, &error) ||
      !fanfare_json_read_int (body, "track_number", FALSE, &track_number, &error) ||
      !fanfare_json_read_int (body, "disc_number", FALSE, &disc_number, &error) ||
      !fanfare_json_read_string (body, "kind", FALSE, &kind, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (track_number < 0 || track_number > 999 || disc_number < 0 || disc_number > 99)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The fields “track_number” and “disc_number” must be from 1 to 999 and 99");
      return;
    }
  if (kind != NULL)
    {
      if (!fanfare_enum_from_string (FANFARE_TYPE_TRACK_KIND, kind, &kind_value))
        {
          fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                        "The field “kind” must be song, audiobook or dj_mix");
          return;
        }
      edit.set_kind = TRUE;
      edit.kind = kind_value;
    }
  edit.track_number = track_number;
  edit.disc_number = disc_number;

  if (!fanfare_studio_store_edit_track (fanfare_request_get_database (request), track_id, &edit, &error))
    fanfare_request_fail (request, error);
  else
    respond_track (request, track_id);
}

static gboolean
read_chapter (JsonNode            *node,
              FanfareChapterDraft *chapter,
              GError             **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (object == NULL ||
      !fanfare_json_read_string (object, "title", TRUE, &chapter->title, error) ||
      !fanfare_json_read_string (object, "artist", FALSE, &chapter->artist, error) ||
      !fanfare_json_read_int (object, "start_ms", TRUE, &chapter->start_ms, error) ||
      chapter->start_ms < 0 || chapter->title[0] == '\0' || strlen (chapter->title) > 1000)
    {
      g_clear_error (error);
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “chapters” must hold {\"title\", \"artist\", \"start_ms\"} objects");
      return FALSE;
    }

  return TRUE;
}

static void
set_chapters (FanfareRequest *request)
{
  gint64 track_id = own_track (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chapters = g_array_new (FALSE, TRUE, sizeof (FanfareChapterDraft));
  JsonArray *array;

  if (track_id == 0)
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }
  if (!json_object_has_member (body, "chapters") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (body, "chapters")) ||
      json_array_get_length (array = json_object_get_array_member (body, "chapters")) > MAX_CHAPTERS)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “chapters” must be a list of at most 1000 chapters");
      return;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FanfareChapterDraft chapter = { 0 };

      if (!read_chapter (json_array_get_element (array, i), &chapter, &error))
        {
          fanfare_request_fail (request, error);
          return;
        }
      g_array_append_val (chapters, chapter);
    }

  if (!fanfare_studio_store_set_chapters (fanfare_request_get_database (request), track_id,
                                          (FanfareChapterDraft *) chapters->data, chapters->len, &error))
    fanfare_request_fail (request, error);
  else
    respond_track (request, track_id);
}

static void
delete_track (FanfareRequest *request)
{
  gint64 track_id = own_track (request);
  g_autoptr(GError) error = NULL;

  if (track_id == 0)
    return;

  if (!fanfare_studio_store_delete_track (fanfare_request_get_database (request), track_id, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
get_waveform (FanfareRequest *request)
{
  gint64 track_id = own_track (request);
  g_autoptr(GError) error = NULL;
  g_autofree char *peaks = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (track_id == 0)
    return;

  if ((peaks = fanfare_studio_store_get_waveform (fanfare_request_get_database (request), track_id,
                                                  &error)) == NULL ||
      (node = json_from_string (peaks, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  fanfare_http_respond_member (request, 200, "peaks", g_steal_pointer (&node));
}

static void
get_analytics (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  const char *days_text = fanfare_request_get_query (request, "days");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAnalytics) analytics = NULL;
  gint64 days = 30;

  if (artist_id == 0)
    return;

  if (days_text != NULL &&
      (!g_ascii_string_to_signed (days_text, 10, 1, MAX_ANALYTICS_DAYS, &days, NULL)))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The parameter “days” must be from 1 to 365");
      return;
    }

  if ((analytics = fanfare_studio_store_get_analytics (fanfare_request_get_database (request), artist_id, days,
                                                       &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    fanfare_http_respond_member (request, 200, "analytics", fanfare_http_analytics_to_json (analytics));
}

const FanfareRoute fanfare_http_studio_routes[] = {
  { "GET", "/api/v1/studio/albums", FANFARE_ACCESS_USER, 0, list_albums },
  { "POST", "/api/v1/studio/albums", FANFARE_ACCESS_USER, 0, create_album },
  { "GET", "/api/v1/studio/albums/{id}", FANFARE_ACCESS_USER, 0, get_album },
  { "PATCH", "/api/v1/studio/albums/{id}", FANFARE_ACCESS_USER, 0, edit_album },
  { "PUT", "/api/v1/studio/albums/{id}/cover", FANFARE_ACCESS_USER, FANFARE_IMAGE_MAX_BYTES, set_cover },
  { "POST", "/api/v1/studio/albums/{id}/publish", FANFARE_ACCESS_USER, 0, publish },
  { "POST", "/api/v1/studio/albums/{id}/unpublish", FANFARE_ACCESS_USER, 0, unpublish },
  { "PUT", "/api/v1/studio/albums/{id}/order", FANFARE_ACCESS_USER, 0, reorder },
  { "PATCH", "/api/v1/studio/tracks/{id}", FANFARE_ACCESS_USER, 0, edit_track },
  { "DELETE", "/api/v1/studio/tracks/{id}", FANFARE_ACCESS_USER, 0, delete_track },
  { "PUT", "/api/v1/studio/tracks/{id}/chapters", FANFARE_ACCESS_USER, 0, set_chapters },
  { "GET", "/api/v1/studio/tracks/{id}/waveform", FANFARE_ACCESS_USER, 0, get_waveform },
  { "GET", "/api/v1/studio/analytics", FANFARE_ACCESS_USER, 0, get_analytics },
  { NULL },
};
