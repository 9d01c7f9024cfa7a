/* fanfare-client-identify.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which song is playing: the caller hashes what it hears and packs the
 * hashes as the API's records; this sends them and reads the answer. The
 * client knows nothing of fingerprints beyond the extractor's version. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-error.h"

static gpointer
parse_match (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  g_autofree FanfareClientMatch * match = g_new0 (FanfareClientMatch, 1);

  if (!json_object_get_boolean_member_with_default (json, "found", FALSE))
    return g_steal_pointer (&match);

  match->track = _fanfare_client_parse_object (json, "track", FANFARE_TYPE_TRACK, error);
  if (match->track == NULL)
    return NULL;
  match->offset = json_object_get_int_member_with_default (json, "offset_ms", 0) / 1000.0;
  match->speed = json_object_get_double_member_with_default (json, "speed", 1.0);
  match->confidence = CLAMP (json_object_get_double_member_with_default (json, "confidence", 0.0), 0.0, 1.0);

  return g_steal_pointer (&match);
}

static void
match_free (gpointer  data)
{
  FanfareClientMatch *match = data;

  fanfare_client_match_clear (match);
  g_free (match);
}

/**
 * fanfare_client_match_clear:
 *
 * Drops the track of @match and zeroes it.
 */
void
fanfare_client_match_clear (FanfareClientMatch *match)
{
  g_return_if_fail (match != NULL);

  g_clear_object (&match->track);
  *match = (FanfareClientMatch) { 0 };
}

/**
 * fanfare_client_identify_async:
 * @version: the version of the extractor that made the hashes
 * @records: the hashes as the API's records of 10 bytes
 *
 * Asks the platform which of its tracks a clip is from (POST
 * /api/v1/identify); the user must be signed in.
 */
void
fanfare_client_identify_async (FanfareClient       *self,
                               int                  version,
                               GBytes              *records,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *base64 = NULL;
  gsize size;
  gconstpointer data;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (records != NULL);

  data = g_bytes_get_data (records, &size);
  base64 = g_base64_encode (data, size);
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "version");
  json_builder_add_int_value (body, version);
  json_builder_set_member_name (body, "hashes");
  json_builder_add_string_value (body, base64);
  json_builder_end_object (body);

  msg = _fanfare_client_new_message (self, "POST", "/api/v1/identify", body);
  _fanfare_client_call (self, msg, parse_match, match_free,
                        _fanfare_client_task_new (self, fanfare_client_identify_async, cancellable, callback,
                                                  user_data));
}

/**
 * fanfare_client_identify_finish:
 * @match: (out caller-allocates): the answer: its track is %NULL when the
 *   clip is of no catalog track (or too short or noisy to say)
 *
 * Returns: %TRUE when the server answered, matched or not
 */
gboolean
fanfare_client_identify_finish (FanfareClient      *self,
                                GAsyncResult       *result,
                                FanfareClientMatch *match,
                                GError            **error)
{
  g_autofree FanfareClientMatch * answer = NULL;

  g_return_val_if_fail (match != NULL, FALSE);

  *match = (FanfareClientMatch) { 0 };
  answer = _fanfare_client_propagate (self, result, fanfare_client_identify_async, error);
  if (answer == NULL)
    return FALSE;
  *match = *answer;

  return TRUE;
}
