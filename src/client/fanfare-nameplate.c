/* fanfare-nameplate.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Nameplates, checked offline: the Ed25519 signature over the payload
 * with the server's public key, and then every fact the nameplate shows
 * against the payload, so that neither the facts nor the payload can be
 * changed without the check failing. */

#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "fanfare-client-store.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

#define FORMAT_LINE "fanfare-nameplate-1"

static char *
dup_member (JsonObject *json,
            const char *member)
{
  return g_strdup (json_object_get_string_member_with_default (json, member, NULL));
}

/**
 * fanfare_nameplate_new_from_json:
 *
 * Returns: (transfer full): the nameplate of the API's JSON form, not yet
 *   verified
 */
FanfareNameplate *
fanfare_nameplate_new_from_json (JsonObject *json,
                                 GError    **error)
{
  g_autoptr(FanfareNameplate) nameplate = g_new0 (FanfareNameplate, 1);

  nameplate->id = dup_member (json, "id");
  nameplate->serial = json_object_get_int_member_with_default (json, "serial", 0);
  nameplate->album_id = dup_member (json, "album_id");
  nameplate->album = dup_member (json, "album");
  nameplate->artist = dup_member (json, "artist");
  nameplate->artwork_uri = dup_member (json, "artwork_uri");
  nameplate->owner_id = dup_member (json, "owner_id");
  nameplate->owner = dup_member (json, "owner");
  nameplate->owner_display_name = dup_member (json, "owner_display_name");
  nameplate->payload = dup_member (json, "payload");
  nameplate->signature = dup_member (json, "signature");
  nameplate->key_id = dup_member (json, "key_id");

  if (nameplate->id == NULL || nameplate->payload == NULL || nameplate->signature == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A nameplate without its signature");
      return NULL;
    }

  return g_steal_pointer (&nameplate);
}

void
fanfare_nameplate_free (FanfareNameplate *nameplate)
{
  if (nameplate == NULL)
    return;

  g_free (nameplate->id);
  g_free (nameplate->album_id);
  g_free (nameplate->album);
  g_free (nameplate->artist);
  g_free (nameplate->artwork_uri);
  g_free (nameplate->owner_id);
  g_free (nameplate->owner);
  g_free (nameplate->owner_display_name);
  g_free (nameplate->payload);
  g_free (nameplate->signature);
  g_free (nameplate->key_id);
  g_free (nameplate);
}

static char *
unescape (const char *value)
{
  GString *text = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (text, *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
        }
      else
        g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* The payload's facts by name, or %NULL if it is not a nameplate's. */
static GHashTable *
parse_payload (const char *payload)
{
  g_autoptr(GHashTable) facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;

  if (!g_str_has_prefix (payload, FORMAT_LINE "\n") || !g_str_has_suffix (payload, "\n"))
    return NULL;

  lines = g_strsplit (payload, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char *equals = strchr (lines[i], '=');

      if (equals == NULL)
        return NULL;
      g_hash_table_insert (facts, g_strndup (lines[i], equals - lines[i]), unescape (equals + 1));
    }

  return g_steal_pointer (&facts);
}

static gboolean
fact_is (GHashTable *facts,
         const char *name,
         const char *shown)
{
  const char *fact = g_hash_table_lookup (facts, name);

  return fact != NULL && g_strcmp0 (fact, shown != NULL ? shown : "") == 0;
}

/**
 * fanfare_nameplate_verify:
 * @public_key: the server's public key, base64 (GET /api/v1/store/public-key)
 *
 * Returns: whether the server signed the nameplate as it is shown
 */
gboolean
fanfare_nameplate_verify (const FanfareNameplate *nameplate,
                          const char             *public_key)
{
  g_autofree guchar * key = NULL;
  g_autofree guchar * signature = NULL;
  g_autoptr(GHashTable) facts = NULL;
  g_autofree char *serial = NULL;
  gsize key_length = 0, signature_length = 0;

  g_return_val_if_fail (nameplate != NULL, FALSE);

  if (public_key == NULL || sodium_init () < 0)
    return FALSE;

  key = g_base64_decode (public_key, &key_length);
  signature = g_base64_decode (nameplate->signature, &signature_length);
  if (key_length != crypto_sign_PUBLICKEYBYTES || signature_length != crypto_sign_BYTES ||
      crypto_sign_verify_detached (signature, (const guchar *) nameplate->payload, strlen (nameplate->payload),
                                   key) != 0)
    return FALSE;

  if ((facts = parse_payload (nameplate->payload)) == NULL)
    return FALSE;

  serial = g_strdup_printf ("%" G_GINT64_FORMAT, nameplate->serial);

  return fact_is (facts, "id", nameplate->id) && fact_is (facts, "serial", serial) &&
         fact_is (facts, "album_id", nameplate->album_id) && fact_is (facts, "album", nameplate->album) &&
         fact_is (facts, "artist", nameplate->artist) && fact_is (facts, "artwork_uri", nameplate->artwork_uri) &&
         fact_is (facts, "owner_id", nameplate->owner_id) && fact_is (facts, "owner", nameplate->owner);
}

/**
 * fanfare_nameplate_format_serial:
 *
 * Returns: the serial number with the locale's digit grouping ("1,234"),
 *   for a label such as "No. 1,234"
 */
char *
fanfare_nameplate_format_serial (gint64  serial)
{
  char text[64];

  snprintf (text, sizeof text, "%'" G_GINT64_FORMAT, serial);

  return g_strdup (text);
}
