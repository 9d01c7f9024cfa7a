/* fanfare-http-sales.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What was bought: the caller's purchased albums and the gifts they got,
 * anyone's nameplates, the sales charts, and the letter and photos an
 * artist gives an album's owners. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-catalog-store.h"
#include "fanfare-http-json.h"
#include "fanfare-http-social.h"
#include "fanfare-http-store.h"
#include "fanfare-images.h"
#include "fanfare-json.h"
#include "fanfare-request.h"
#include "fanfare-server.h"
#include "fanfare-shop.h"

#define MAX_LETTER_LENGTH 10000
#define MAX_PHOTOS        12

/* A purchase's album as the caller may see it; one taken back since is
 * left out. */
static FanfareAlbum *
fetch_album (FanfareRequest *request,
             gint64          album_id,
             GError        **error)
{
  return fanfare_catalog_store_get_album (fanfare_request_get_database (request),
                                          fanfare_request_get_viewer (request), album_id, error);
}

/* {"items": [{"album": ALBUM, "nameplate": NAMEPLATE, …}]} */
static void
respond_owned (FanfareRequest *request,
               GPtrArray      *records,
               gboolean        gifts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      FanfareNameplateRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(FanfareAlbum) album = fetch_album (request, record->album_id, &error);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record->purchase_id);

      if (album == NULL)
        continue;

      json_builder_begin_object (builder);
      fanfare_http_store_add_string (builder, "id", id);
      fanfare_http_add_object (builder, "album", album);
      json_builder_set_member_name (builder, "nameplate");
      fanfare_http_add_nameplate (builder, request, record);
      if (gifts || record->buyer_id != record->owner_id)
        {
          json_builder_set_member_name (builder, "from");
          json_builder_add_string_value (builder, record->buyer_username);
          if (record->message != NULL)
            {
              json_builder_set_member_name (builder, "message");
              json_builder_add_string_value (builder, record->message);
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);

  fanfare_http_store_respond (request, 200, builder);
}

static void
list_owned (FanfareRequest *request,
            gboolean        gifts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = fanfare_sales_store_list_nameplates (fanfare_request_get_database (request),
                                                 fanfare_request_get_viewer (request)->user_id, gifts, &error);
  if (records == NULL)
    fanfare_request_fail (request, error);
  else
    respond_owned (request, records, gifts);
}

static void
list_purchases (FanfareRequest *request)
{
  list_owned (request, FALSE);
}

static void
list_gifts (FanfareRequest *request)
{
  list_owned (request, TRUE);
}

static void
list_user_nameplates (FanfareRequest *request)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 user_id = fanfare_http_social_path_user (request);

  /* Nobody who blocked the caller: the path failed already. */
  if (user_id == 0)
    return;
  if ((records = fanfare_sales_store_list_nameplates (db, user_id, FALSE, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      FanfareNameplateRecord *record = g_ptr_array_index (records, i);
      g_autoptr(FanfareAlbum) album = fetch_album (request, record->album_id, NULL);

      if (album != NULL)
        fanfare_http_add_nameplate (builder, request, record);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);

  fanfare_http_store_respond (request, 200, builder);
}

static void
get_nameplate (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareNameplateRecord) record = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  record = fanfare_sales_store_get_nameplate (fanfare_request_get_database (request),
                                              fanfare_request_get_id (request, "id"), &error);
  if (record == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nameplate");
  fanfare_http_add_nameplate (builder, request, record);

  fanfare_http_store_respond (request, 200, builder);
}

static void
sales_chart (FanfareRequest *request)
{
  FanfareShop *shop = fanfare_server_get_shop (fanfare_request_get_server (request));
  const char *period = fanfare_request_get_query (request, "period");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 since = 0, now = g_get_real_time () / G_USEC_PER_SEC;
  guint limit, rank = 0;

  if (period == NULL || g_str_equal (period, "weekly"))
    since = now - 7 * 24 * 3600;
  else if (g_str_equal (period, "daily"))
    since = now - 24 * 3600;
  else if (!g_str_equal (period, "all_time"))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The parameter “period” must be daily, weekly or all_time");
      return;
    }

  if (!fanfare_request_get_limit (request, &limit, &error) ||
      (entries = fanfare_sales_store_chart (fanfare_request_get_database (request), since, limit, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      const FanfareSalesEntry *entry = &g_array_index (entries, FanfareSalesEntry, i);
      g_autoptr(FanfareAlbum) album = fetch_album (request, entry->album_id, NULL);
      const char *certification = fanfare_shop_certify (shop, entry->all_time_buyers);

      if (album == NULL)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, ++rank);
      fanfare_http_add_object (builder, "album", album);
      json_builder_set_member_name (builder, "buyers");
      json_builder_add_int_value (builder, entry->buyers);
      json_builder_set_member_name (builder, "all_time_buyers");
      json_builder_add_int_value (builder, entry->all_time_buyers);
      if (certification != NULL)
        {
          json_builder_set_member_name (builder, "certification");
          json_builder_add_string_value (builder, certification);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fanfare_http_add_cursor (builder, NULL);

  fanfare_http_store_respond (request, 200, builder);
}

/* The offer of the album the route names, if the caller may see it and
 * is its artist (@artist_only) or owns it. */
static FanfareOfferRecord *
check_extras_access (FanfareRequest *request,
                     gboolean        artist_only)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  gint64 album_id = fanfare_request_get_id (request, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareAlbum) album = fetch_album (request, album_id, &error);
  g_autoptr(FanfareOfferRecord) offer = NULL;
  gboolean artist;

  if (album == NULL || (offer = fanfare_sales_store_get_offer (db, album_id, viewer->user_id, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return NULL;
    }

  artist = viewer->admin || (offer->artist_user_id != 0 && offer->artist_user_id == viewer->user_id);
  if (!artist && (artist_only || !offer->owned))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_FORBIDDEN,
                                    artist_only ? "Only the album's artist may change this"
                                                : "Only the album's owners see what its artist gives them");
      return NULL;
    }

  return g_steal_pointer (&offer);
}

static void
get_extras (FanfareRequest *request)
{
  g_autoptr(FanfareOfferRecord) offer = check_extras_access (request, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = NULL;
  g_auto(GStrv) photos = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (offer == NULL)
    return;

  if (!fanfare_sales_store_get_extras (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                       &letter, &photos, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  json_builder_begin_object (builder);
  if (letter != NULL)
    {
      json_builder_set_member_name (builder, "letter");
      json_builder_add_string_value (builder, letter);
    }
  json_builder_set_member_name (builder, "photos");
  json_builder_begin_array (builder);
  for (guint i = 0; photos[i] != NULL; i++)
    json_builder_add_string_value (builder, photos[i]);
  json_builder_end_array (builder);

  fanfare_http_store_respond (request, 200, builder);
}

static void
set_letter (FanfareRequest *request)
{
  g_autoptr(FanfareOfferRecord) offer = check_extras_access (request, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  const char *letter = NULL;

  if (offer == NULL)
    return;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "letter", FALSE, &letter, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (letter != NULL && g_utf8_strlen (letter, -1) > MAX_LETTER_LENGTH)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “letter” must be at most 10,000 characters");
      return;
    }

  if (!fanfare_sales_store_set_letter (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                       letter != NULL && *letter != '\0' ? letter : NULL, &error))
    fanfare_request_fail (request, error);
  else
    get_extras (request);
}

static void
add_photo (FanfareRequest *request)
{
  g_autoptr(FanfareOfferRecord) offer = check_extras_access (request, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  GBytes *body = fanfare_request_get_body (request);

  if (offer == NULL)
    return;

  if (body == NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID, "The request needs a picture");
      return;
    }

  if ((image_id = fanfare_images_add_bytes (fanfare_request_get_media (request), body, &error)) == NULL ||
      !fanfare_sales_store_add_photo (fanfare_request_get_database (request), fanfare_request_get_id (request, "id"),
                                      image_id, MAX_PHOTOS, &error))
    fanfare_request_fail (request, error);
  else
    get_extras (request);
}

const FanfareRoute fanfare_http_sales_routes[] = {
  { "GET", "/api/v1/me/purchases", FANFARE_ACCESS_USER, 0, list_purchases },
  { "GET", "/api/v1/me/gifts", FANFARE_ACCESS_USER, 0, list_gifts },
  { "GET", "/api/v1/users/{username}/nameplates", FANFARE_ACCESS_ANYONE, 0, list_user_nameplates },
  { "GET", "/api/v1/nameplates/{id}", FANFARE_ACCESS_ANYONE, 0, get_nameplate },
  { "GET", "/api/v1/charts/sales", FANFARE_ACCESS_ANYONE, 0, sales_chart },
  { "GET", "/api/v1/albums/{id}/extras", FANFARE_ACCESS_USER, 0, get_extras },
  { "PUT", "/api/v1/albums/{id}/extras/letter", FANFARE_ACCESS_USER, 0, set_letter },
  { "POST", "/api/v1/albums/{id}/extras/photos", FANFARE_ACCESS_USER, FANFARE_IMAGE_MAX_BYTES, add_photo },
  { NULL },
};
