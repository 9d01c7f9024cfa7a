/* fanfare-http-media.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Streams and images. Media is named by the hash of its content, which
 * makes it its own ETag. A stream answers one byte range itself, from the
 * shared mapping of its file: a range costs no copy, and memory does not
 * grow with the number of listeners. Several ranges at once get the whole
 * file, as HTTP allows. */

#include "config.h"

#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-error.h"
#include "fanfare-media-store.h"
#include "fanfare-request.h"

typedef enum {
  RANGE_NONE,
  RANGE_ONE,
  RANGE_UNSATISFIABLE,
} RangeResult;

/* Parses "bytes=A-B", "bytes=A-" or "bytes=-N" for a body of @size bytes.
 * A header that is not one of these is ignored, as HTTP says. */
static RangeResult
parse_range (const char *header,
             guint64     size,
             guint64    *start,
             guint64    *end)
{
  g_auto(GStrv) bounds = NULL;
  guint64 first, last;

  if (header == NULL || !g_str_has_prefix (header, "bytes=") || strchr (header, ',') != NULL)
    return RANGE_NONE;

  bounds = g_strsplit (header + strlen ("bytes="), "-", 2);
  if (g_strv_length (bounds) != 2)
    return RANGE_NONE;
  g_strstrip (bounds[0]);
  g_strstrip (bounds[1]);

  if (bounds[0][0] == '\0')
    {
      /* The last N bytes. */
      if (!g_ascii_string_to_unsigned (bounds[1], 10, 0, G_MAXUINT64, &last, NULL))
        return RANGE_NONE;
      if (last == 0 || size == 0)
        return RANGE_UNSATISFIABLE;
      *start = size - MIN (last, size);
      *end = size - 1;
      return RANGE_ONE;
    }

  if (!g_ascii_string_to_unsigned (bounds[0], 10, 0, G_MAXUINT64, &first, NULL))
    return RANGE_NONE;
  if (bounds[1][0] == '\0')
    last = G_MAXUINT64;
  else if (!g_ascii_string_to_unsigned (bounds[1], 10, 0, G_MAXUINT64, &last, NULL) || last < first)
    return RANGE_NONE;

  if (first >= size)
    return RANGE_UNSATISFIABLE;

  *start = first;
  *end = MIN (last, size - 1);

  return RANGE_ONE;
}

static void
respond_media (FanfareRequest *request,
               const char     *hash,
               const char     *cache_control,
               gboolean        ranges)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *etag = g_strdup_printf ("\"%s\"", hash);
  guint64 size, start = 0, end = 0;

  fanfare_request_add_header (request, "ETag", etag);
  fanfare_request_add_header (request, "Cache-Control", cache_control);
  if (ranges)
    fanfare_request_add_header (request, "Accept-Ranges", "bytes");

  if (fanfare_etag_matches (fanfare_request_get_header (request, "If-None-Match"), etag))
    {
      fanfare_request_respond_empty (request, 304);
      return;
    }

  bytes = fanfare_media_store_map (fanfare_request_get_media (request), hash, &content_type, &error);
  if (bytes == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  /* A range of what the client read before, if it is still that: a
   * changed stream is answered whole (RFC 9110, If-Range). */
  if (fanfare_request_get_header (request, "If-Range") != NULL &&
      g_strcmp0 (fanfare_request_get_header (request, "If-Range"), etag) != 0)
    ranges = FALSE;

  size = g_bytes_get_size (bytes);
  switch (ranges ? parse_range (fanfare_request_get_header (request, "Range"), size, &start, &end) : RANGE_NONE)
    {
    case RANGE_ONE:
      part = g_bytes_new_from_bytes (bytes, start, end - start + 1);
      fanfare_request_take_header (request, "Content-Range",
                                   g_strdup_printf ("bytes %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT
                                                    "/%" G_GUINT64_FORMAT, start, end, size));
      fanfare_request_respond_bytes (request, 206, content_type, part);
      break;

    case RANGE_UNSATISFIABLE:
      fanfare_request_take_header (request, "Content-Range", g_strdup_printf ("bytes */%" G_GUINT64_FORMAT, size));
      fanfare_request_fail_literal (request, FANFARE_ERROR_RANGE_NOT_SATISFIABLE,
                                    "The range lies outside the media");
      break;

    case RANGE_NONE:
    default:
      fanfare_request_respond_bytes (request, 200, content_type, bytes);
      break;
    }
}

static void
stream_track (FanfareRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  hash = fanfare_catalog_store_get_track_media (fanfare_request_get_database (request),
                                                fanfare_request_get_viewer (request),
                                                fanfare_request_get_id (request, "id"), &error);
  if (hash == NULL)
    fanfare_request_fail (request, error);
  else
    respond_media (request, hash, "private, max-age=86400", TRUE);
}

static void
get_image (FanfareRequest *request)
{
  const char *size_name = fanfare_request_get_query (request, "size");
  FanfareImageSize size = FANFARE_IMAGE_SIZE_MEDIUM;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  if (size_name != NULL && !fanfare_image_size_from_string (size_name, &size))
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “size” must be small, medium or large");
      return;
    }

  hash = fanfare_media_store_lookup_image (fanfare_request_get_media (request),
                                           fanfare_request_get_param (request, "image"), size, &error);
  if (hash == NULL)
    fanfare_request_fail (request, error);
  else
    respond_media (request, hash, "public, max-age=31536000, immutable", FALSE);
}

const FanfareRoute fanfare_http_media_routes[] = {
  { "GET", "/api/v1/tracks/{id}/stream", FANFARE_ACCESS_USER, 0, stream_track },
  { "GET", "/api/v1/images/{image}", FANFARE_ACCESS_ANYONE, 0, get_image },
  { NULL },
};
