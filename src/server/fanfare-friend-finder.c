/* fanfare-friend-finder.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finding friends without learning about anyone else. From contacts: the
 * app sends keyed hashes of the emails and numbers in its address book;
 * here the same hashes are made of the email and phone of each user who
 * allowed it, and compared in memory. The uploaded hashes are never
 * written anywhere, so the server keeps nothing of an address book.
 * Nearby: the app sends a cell of about 5 km; here its neighbourhood is
 * read, cells of fewer than three people are left out, and no position
 * or distance is ever answered. */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "fanfare-contacts.h"
#include "fanfare-error.h"
#include "fanfare-friend-finder.h"
#include "fanfare-geohash.h"
#include "fanfare-social-store.h"

/* An HMAC-SHA256 in lower-case hexadecimal. */
gboolean
fanfare_friend_finder_is_hash (const char *hash)
{
  if (hash == NULL || strlen (hash) != 64)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isdigit (hash[i]) && (hash[i] < 'a' || hash[i] > 'f'))
      return FALSE;

  return TRUE;
}

/* The keyed hash of fanfare_contacts_hash(), from a state that already
 * holds the key: an address book is matched against every discoverable
 * user, and preparing the key once for all of them is most of the work. */
static gboolean
matches (GHashTable                         *uploaded,
         const crypto_auth_hmacsha256_state *keyed,
         const char                         *kind,
         const char                         *normalized)
{
  crypto_auth_hmacsha256_state state;
  guchar mac[crypto_auth_hmacsha256_BYTES];
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];

  if (normalized == NULL)
    return FALSE;

  state = *keyed;
  crypto_auth_hmacsha256_update (&state, (const guchar *) kind, strlen (kind));
  crypto_auth_hmacsha256_update (&state, (const guchar *) ":", 1);
  crypto_auth_hmacsha256_update (&state, (const guchar *) normalized, strlen (normalized));
  crypto_auth_hmacsha256_final (&state, mac);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);

  return g_hash_table_contains (uploaded, hex);
}

static gboolean
prepare_key (const char                   *secret,
             crypto_auth_hmacsha256_state *keyed,
             GError                      **error)
{
  guchar key[64];
  size_t length = 0;

  if (sodium_hex2bin (key, sizeof key, secret, strlen (secret), NULL, &length, NULL) != 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "The contact key is damaged");
      return FALSE;
    }

  crypto_auth_hmacsha256_init (keyed, key, length);
  sodium_memzero (key, sizeof key);

  return TRUE;
}

/**
 * fanfare_friend_finder_match_contacts:
 * @hashes: (array zero-terminated=1): keyed hashes of normalized emails
 *   and numbers
 *
 * Returns: (transfer full) (element-type gint64): the users who allowed
 *   discovery by contact and whose email or phone is among @hashes, not
 *   counting anyone in a block with @viewer_id
 */
GArray *
fanfare_friend_finder_match_contacts (FanfareDatabase    *db,
                                      gint64              viewer_id,
                                      gint64              key_id,
                                      const char * const *hashes,
                                      GError            **error)
{
  g_autoptr(GHashTable) uploaded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *secret = NULL;
  crypto_auth_hmacsha256_state keyed;

  if (!fanfare_social_store_find_contact_key (db, key_id, FANFARE_CONTACT_KEY_ACCEPTED, &secret, error) ||
      !prepare_key (secret, &keyed, error) ||
      (candidates = fanfare_social_store_list_discoverable (db, viewer_id, error)) == NULL)
    return NULL;

  for (guint i = 0; hashes[i] != NULL; i++)
    g_hash_table_add (uploaded, (gpointer) hashes[i]);

  for (guint i = 0; i < candidates->len; i++)
    {
      const FanfareContactCandidate *candidate = &g_array_index (candidates, FanfareContactCandidate, i);
      g_autofree char *email = fanfare_contacts_normalize_email (candidate->email);

      if (matches (uploaded, &keyed, "email", email) || matches (uploaded, &keyed, "tel", candidate->phone))
        g_array_append_val (found, candidate->user_id);
    }

  sodium_memzero (&keyed, sizeof keyed);

  return g_steal_pointer (&found);
}

static GArray *
list_around (FanfareDatabase *db,
             gint64           viewer_id,
             const char      *cell,
             GError         **error)
{
  g_auto(GStrv) cells = fanfare_geohash_neighbourhood (cell);

  return fanfare_social_store_list_nearby (db, viewer_id, (const char * const *) cells, FANFARE_NEARBY_LIFETIME,
                                           FANFARE_NEARBY_MIN_PEOPLE, FANFARE_NEARBY_MAX_PEOPLE, error);
}

/**
 * fanfare_friend_finder_share_cell:
 * @cell: the caller's cell, which they are put in for the next half hour
 *
 * Returns: (transfer full) (element-type gint64): the people in @cell and
 *   the cells around it
 */
GArray *
fanfare_friend_finder_share_cell (FanfareDatabase *db,
                                  gint64           viewer_id,
                                  const char      *cell,
                                  GError         **error)
{
  if (!fanfare_geohash_is_valid (cell, FANFARE_NEARBY_PRECISION))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “cell” must be a geohash of %d characters", FANFARE_NEARBY_PRECISION);
      return NULL;
    }

  if (!fanfare_social_store_set_cell (db, viewer_id, cell, FANFARE_NEARBY_LIFETIME, error))
    return NULL;

  return list_around (db, viewer_id, cell, error);
}

/**
 * fanfare_friend_finder_list_nearby:
 *
 * Returns: (transfer full) (element-type gint64): the people around the
 *   cell the caller shared last, none when they share none
 */
GArray *
fanfare_friend_finder_list_nearby (FanfareDatabase *db,
                                   gint64           viewer_id,
                                   GError         **error)
{
  g_autofree char *cell = NULL;

  if (!fanfare_social_store_get_cell (db, viewer_id, FANFARE_NEARBY_LIFETIME, &cell, error))
    return NULL;

  if (cell == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  return list_around (db, viewer_id, cell, error);
}
