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

static gboolean
matches (GHashTable *uploaded,
         const char *secret,
         const char *kind,
         const char *normalized)
{
  g_autofree char *hash = NULL;

  if (normalized == NULL)
    return FALSE;

  hash = fanfare_contacts_hash (secret, kind, normalized);

  return hash != NULL && g_hash_table_contains (uploaded, hash);
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

  if (!fanfare_social_store_find_contact_key (db, key_id, FANFARE_CONTACT_KEY_ACCEPTED, &secret, error) ||
      (candidates = fanfare_social_store_list_discoverable (db, viewer_id, error)) == NULL)
    return NULL;

  for (guint i = 0; hashes[i] != NULL; i++)
    g_hash_table_add (uploaded, (gpointer) hashes[i]);

  for (guint i = 0; i < candidates->len; i++)
    {
      const FanfareContactCandidate *candidate = &g_array_index (candidates, FanfareContactCandidate, i);
      g_autofree char *email = fanfare_contacts_normalize_email (candidate->email);

      if (matches (uploaded, secret, "email", email) || matches (uploaded, secret, "tel", candidate->phone))
        g_array_append_val (found, candidate->user_id);
    }

  return g_steal_pointer (&found);
}

/**
 * fanfare_friend_finder_list_nearby:
 * @cell: the caller's cell, which they are put in for the next half hour
 *
 * Returns: (transfer full) (element-type gint64): the people in @cell and
 *   the cells around it
 */
GArray *
fanfare_friend_finder_list_nearby (FanfareDatabase *db,
                                   gint64           viewer_id,
                                   const char      *cell,
                                   GError         **error)
{
  g_auto(GStrv) cells = NULL;

  if (!fanfare_geohash_is_valid (cell, FANFARE_NEARBY_PRECISION))
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The field “cell” must be a geohash of %d characters", FANFARE_NEARBY_PRECISION);
      return NULL;
    }

  if (!fanfare_social_store_set_cell (db, viewer_id, cell, FANFARE_NEARBY_LIFETIME, error))
    return NULL;

  cells = fanfare_geohash_neighbourhood (cell);

  return fanfare_social_store_list_nearby (db, viewer_id, (const char * const *) cells, FANFARE_NEARBY_LIFETIME,
                                           FANFARE_NEARBY_MIN_PEOPLE, FANFARE_NEARBY_MAX_PEOPLE, error);
}
