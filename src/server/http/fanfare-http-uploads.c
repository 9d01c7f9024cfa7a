/* fanfare-http-uploads.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Uploading a track to an album, in chunks that survive a broken
 * connection: announce the file (name, size, SHA-256), PUT its bytes with
 * Content-Range from where the server stopped (GET tells, also as
 * Upload-Offset), finish, and follow the ingest until the upload is a
 * track or says why it could not be one. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fanfare-http-studio-json.h"
#include "fanfare-json.h"
#include "fanfare-server-private.h"

#define MAX_CHUNK    (16 * 1024 * 1024)
#define MAX_FILENAME 255

static FanfareUploads *
uploads_of (FanfareRequest *request)
{
  return _fanfare_server_get_uploads (fanfare_request_get_server (request));
}

static void
respond_upload (FanfareRequest *request,
                guint           status,
                FanfareUpload  *upload)
{
  fanfare_request_take_header (request, "Upload-Offset", g_strdup_printf ("%" G_GINT64_FORMAT, upload->received));
  fanfare_http_respond_member (request, status, "upload", fanfare_http_upload_to_json (upload));
}

static void
create_upload (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  gint64 album_id = fanfare_request_get_id (request, "id");
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUpload) upload = NULL;
  const char *filename = NULL;
  const char *sha256 = NULL;
  gint64 size = 0;

  if (artist_id == 0)
    return;

  if (!fanfare_studio_store_check_album (fanfare_request_get_database (request), artist_id, album_id, &error) ||
      (body = fanfare_request_parse_body (request, &error)) == NULL ||
      !fanfare_json_read_string (body, "filename", TRUE, &filename, &error) ||
      !fanfare_json_read_int (body, "size", TRUE, &size, &error) ||
      !fanfare_json_read_string (body, "sha256", TRUE, &sha256, &error))
    {
      fanfare_request_fail (request, error);
      return;
    }

  if (filename[0] == '\0' || strlen (filename) > MAX_FILENAME || strchr (filename, '/') != NULL)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "The field “filename” must be a file's name, without folders");
      return;
    }

  if ((upload = fanfare_uploads_create (uploads_of (request), artist_id, album_id, filename, size, sha256,
                                        &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    respond_upload (request, 201, upload);
}

static void
get_upload (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUpload) upload = NULL;

  if (artist_id == 0)
    return;

  if ((upload = fanfare_uploads_get (uploads_of (request), artist_id, fanfare_request_get_param (request, "upload"),
                                     &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    respond_upload (request, 200, upload);
}

/* Content-Range: bytes START-END/TOTAL, END inclusive. */
static gboolean
parse_content_range (const char *header,
                     gint64     *start,
                     gint64     *end,
                     gint64     *total)
{
  char trailing;

  return header != NULL &&
         sscanf (header, "bytes %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "%c",
                 start, end, total, &trailing) == 3 &&
         *start >= 0 && *end >= *start && *total > *end;
}

static void
put_chunk (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  GBytes *body = fanfare_request_get_body (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUpload) upload = NULL;
  gint64 start, end, total;

  if (artist_id == 0)
    return;

  if (!parse_content_range (fanfare_request_get_header (request, "Content-Range"), &start, &end, &total) ||
      body == NULL || (gint64) g_bytes_get_size (body) != end - start + 1)
    {
      fanfare_request_fail_literal (request, FANFARE_ERROR_INVALID,
                                    "A chunk needs “Content-Range: bytes START-END/SIZE” matching its body");
      return;
    }

  if ((upload = fanfare_uploads_write (uploads_of (request), artist_id, fanfare_request_get_param (request, "upload"),
                                       start, total, body, &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    respond_upload (request, 200, upload);
}

static void
finish_upload (FanfareRequest *request)
{
  gint64 artist_id = fanfare_http_studio_artist (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(FanfareUpload) upload = NULL;

  if (artist_id == 0)
    return;

  if ((upload = fanfare_uploads_finish (uploads_of (request), artist_id,
                                        fanfare_request_get_param (request, "upload"), &error)) == NULL)
    fanfare_request_fail (request, error);
  else
    respond_upload (request, 202, upload);
}

const FanfareRoute fanfare_http_upload_routes[] = {
  { "POST", "/api/v1/studio/albums/{id}/uploads", FANFARE_ACCESS_USER, 0, create_upload },
  { "GET", "/api/v1/studio/uploads/{upload}", FANFARE_ACCESS_USER, 0, get_upload },
  { "PUT", "/api/v1/studio/uploads/{upload}", FANFARE_ACCESS_USER, MAX_CHUNK, put_chunk },
  { "POST", "/api/v1/studio/uploads/{upload}/finish", FANFARE_ACCESS_USER, 0, finish_upload },
  { NULL },
};
