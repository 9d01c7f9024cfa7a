/* fanfare-http-identify.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which song is this: a client sends the hashes of a clip it heard (never
 * the audio, which stays on the device and would be a hundred times
 * larger), and the server looks them up in the catalog's fingerprints.
 *
 * The body is {"version": N, "hashes": BASE64}, BASE64 being records of
 * 10 bytes, little-endian: the hash (32 bits), its frame in the clip, its
 * span and its anchor's pitch (16 bits each), as FanfareFpHash has them.
 * A clip of up to a minute and 4,096 hashes is enough to name a song and
 * small enough to match in milliseconds. */

#include "config.h"

#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-fingerprints.h"
#include "fanfare-http-json.h"
#include "fanfare-json.h"
#include "fanfare-request.h"
#include "fanfare-server-private.h"
#include "fanfare-track.h"

#define RECORD_SIZE     10
#define MAX_HASHES      4096
#define MAX_CLIP_FRAMES ((guint) (60 * FANFARE_FP_FRAMES_PER_S))
#define HASH_LIMIT      (1u << 23)
#define MAX_BODY        (64 * 1024)

static gboolean
is_base64 (const char *text)
{
  gsize length = strlen (text);
  gsize padding = 0;

  if (length % 4 != 0)
    return FALSE;

  while (padding < 2 && padding < length && text[length - 1 - padding] == '=')
    padding++;
  for (gsize i = 0; i < length - padding; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/')
      return FALSE;

  return TRUE;
}

static guint32
read_le (const guint8 *bytes,
         guint         size)
{
  guint32 value = 0;

  for (guint i = 0; i < size; i++)
    value |= (guint32) bytes[i] << (8 * i);

  return value;
}

static GArray *
invalid_hashes (GError    **error,
                const char *why)
{
  g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “hashes” %s", why);

  return NULL;
}

/* Reads the body into hashes, or says what is wrong with it. */
static GArray *
read_hashes (JsonObject *body,
             GError    **error)
{
  g_autoptr(GArray) hashes = NULL;
  g_autofree guint8 * packed = NULL;
  const char *text = NULL;
  gint64 version = 0;
  gsize size = 0;

  if (!fanfare_json_read_int (body, "version", TRUE, &version, error) ||
      !fanfare_json_read_string (body, "hashes", TRUE, &text, error))
    return NULL;

  if (version != FANFARE_FP_EXTRACTOR_VERSION)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “version” must be %d: this server cannot match hashes of version %" G_GINT64_FORMAT,
                   FANFARE_FP_EXTRACTOR_VERSION, version);
      return NULL;
    }

  if (!is_base64 (text))
    return invalid_hashes (error, "must be base64");
  if (text[0] != '\0')
    packed = g_base64_decode (text, &size);
  if (size == 0 || size % RECORD_SIZE != 0)
    return invalid_hashes (error, "must hold whole records of 10 bytes");
  if (size / RECORD_SIZE > MAX_HASHES)
    return invalid_hashes (error, "may hold at most 4096 hashes");

  hashes = g_array_sized_new (FALSE, FALSE, sizeof (FanfareFpHash), size / RECORD_SIZE);
  for (gsize offset = 0; offset < size; offset += RECORD_SIZE)
    {
      FanfareFpHash hash = {
        .hash = read_le (packed + offset, 4),
        .frame = read_le (packed + offset + 4, 2),
        .span = read_le (packed + offset + 6, 2),
        .pitch = read_le (packed + offset + 8, 2),
      };

      if (hash.hash >= HASH_LIMIT || hash.frame > MAX_CLIP_FRAMES || hash.span == 0)
        return invalid_hashes (error, "holds a hash out of range");
      g_array_append_val (hashes, hash);
    }

  return g_steal_pointer (&hashes);
}

static void
respond_match (FanfareRequest       *request,
               FanfareTrack         *track,
               const FanfareFpMatch *match)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "found");
  json_builder_add_boolean_value (builder, track != NULL);
  if (track != NULL)
    {
      fanfare_http_add_object (builder, "track", track);
      json_builder_set_member_name (builder, "offset_ms");
      json_builder_add_int_value (builder, (gint64) (match->offset * 1000 + 0.5));
      json_builder_set_member_name (builder, "speed");
      json_builder_add_double_value (builder, match->speed);
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, match->confidence);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  fanfare_request_respond_json (request, 200, root);
}

static void
identify (FanfareRequest *request)
{
  FanfareServer *server = fanfare_request_get_server (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GArray) hashes = NULL;
  g_autoptr(FanfareTrack) track = NULL;
  char user[24], timing[48], duration[G_ASCII_DTOSTR_BUF_SIZE];
  FanfareFpMatch match = { 0 };
  gint64 track_id = 0, started;
  guint retry_after;
  gboolean found;

  if ((body = fanfare_request_parse_body (request, &error)) == NULL ||
      (hashes = read_hashes (body, &error)) == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  g_snprintf (user, sizeof user, "%" G_GINT64_FORMAT, viewer->user_id);
  if (!fanfare_login_throttle_begin (_fanfare_server_get_identify_throttle (server), user,
                                     fanfare_request_get_remote_host (request), &retry_after))
    {
      fanfare_request_take_header (request, "Retry-After", g_strdup_printf ("%u", retry_after));
      fanfare_request_fail_literal (request, FANFARE_ERROR_RATE_LIMITED,
                                    "Too many songs to identify at once; try again later");
      return;
    }

  started = g_get_monotonic_time ();
  found = fanfare_fingerprints_identify (fanfare_server_get_fingerprints (server), hashes, &match, &track_id);
  g_snprintf (timing, sizeof timing, "match;dur=%s",
              g_ascii_formatd (duration, sizeof duration, "%.3f", (g_get_monotonic_time () - started) / 1000.0));
  fanfare_request_add_header (request, "Server-Timing", timing);

  /* A track the caller may not see is no match for them. */
  if (found && (track = fanfare_catalog_store_get_track (fanfare_request_get_database (request), viewer,
                                                         track_id, &error)) == NULL &&
      !g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    {
      fanfare_request_fail (request, error);
      return;
    }

  respond_match (request, track, &match);
}

const FanfareRoute fanfare_http_identify_routes[] = {
  { "POST", "/api/v1/identify", FANFARE_ACCESS_USER, MAX_BODY, identify, FALSE },
  { NULL },
};
