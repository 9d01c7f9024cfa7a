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

/* One discoverable user's email or phone, as its keyed hash. */
typedef struct {
  guchar mac[crypto_auth_hmacsha256_BYTES];
  gint64 user_id;
} DirectoryEntry;

/* The keyed hashes of everyone discoverable under one key, sorted, as the
 * directory was at one version. Shared by the requests that read it. */
typedef struct {
  gint64  key_id;
  gint64  version;
  GArray *entries;
} Directory;

/* The directories of the last two keys in use (a key is handed out for
 * a week and accepted for two, so two may be in use at once). */
typedef struct {
  GMutex     mutex;
  Directory *recent[2];
} DirectoryCache;

static void
directory_free (Directory *directory)
{
  g_array_unref (directory->entries);
}

static void
directory_cache_free (DirectoryCache *cache)
{
  for (guint i = 0; i < G_N_ELEMENTS (cache->recent); i++)
    g_clear_pointer (&cache->recent[i], g_atomic_rc_box_release);
  g_mutex_clear (&cache->mutex);
  g_free (cache);
}

static DirectoryCache *
get_cache (FanfareDatabase *db)
{
  G_LOCK_DEFINE_STATIC (caches);
  DirectoryCache *cache;

  G_LOCK (caches);
  cache = g_object_get_data (G_OBJECT (db), "fanfare-contact-directory");
  if (cache == NULL)
    {
      cache = g_new0 (DirectoryCache, 1);
      g_mutex_init (&cache->mutex);
      g_object_set_data_full (G_OBJECT (db), "fanfare-contact-directory", cache,
                              (GDestroyNotify) directory_cache_free);
    }
  G_UNLOCK (caches);

  return cache;
}

static int
compare_entries (gconstpointer  a,
                 gconstpointer  b)
{
  return memcmp (((const DirectoryEntry *) a)->mac, ((const DirectoryEntry *) b)->mac,
                 crypto_auth_hmacsha256_BYTES);
}

/* The keyed hash of fanfare_contacts_hash(), from a state that already
 * holds the key: preparing the key once for all users is most of the
 * work. */
static void
add_entry (GArray                             *entries,
           const crypto_auth_hmacsha256_state *keyed,
           gint64                              user_id,
           const char                         *kind,
           const char                         *normalized)
{
  crypto_auth_hmacsha256_state state;
  DirectoryEntry entry = { .user_id = user_id };

  if (normalized == NULL)
    return;

  state = *keyed;
  crypto_auth_hmacsha256_update (&state, (const guchar *) kind, strlen (kind));
  crypto_auth_hmacsha256_update (&state, (const guchar *) ":", 1);
  crypto_auth_hmacsha256_update (&state, (const guchar *) normalized, strlen (normalized));
  crypto_auth_hmacsha256_final (&state, entry.mac);
  g_array_append_val (entries, entry);
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

static Directory *
build_directory (FanfareDatabase *db,
                 gint64           key_id,
                 const char      *secret,
                 GError         **error)
{
  g_autoptr(GArray) candidates = NULL;
  crypto_auth_hmacsha256_state keyed;
  Directory *directory;
  gint64 version;

  if ((candidates = fanfare_social_store_list_discoverable (db, &version, error)) == NULL ||
      !prepare_key (secret, &keyed, error))
    return NULL;

  directory = g_atomic_rc_box_new0 (Directory);
  directory->key_id = key_id;
  directory->version = version;
  directory->entries = g_array_sized_new (FALSE, FALSE, sizeof (DirectoryEntry), candidates->len * 2);
  for (guint i = 0; i < candidates->len; i++)
    {
      const FanfareContactCandidate *candidate = &g_array_index (candidates, FanfareContactCandidate, i);
      g_autofree char *email = fanfare_contacts_normalize_email (candidate->email);

      add_entry (directory->entries, &keyed, candidate->user_id, "email", email);
      add_entry (directory->entries, &keyed, candidate->user_id, "tel", candidate->phone);
    }
  sodium_memzero (&keyed, sizeof keyed);
  g_array_sort (directory->entries, compare_entries);
  g_debug ("Made the contact directory of key %" G_GINT64_FORMAT " at version %" G_GINT64_FORMAT ": %u hashes",
           key_id, version, directory->entries->len);

  return directory;
}

/* The directory of @key_id as it is now, made again only when someone
 * changed what it is made of since. */
static Directory *
get_directory (FanfareDatabase *db,
               gint64           key_id,
               const char      *secret,
               GError         **error)
{
  DirectoryCache *cache = get_cache (db);
  g_autoptr(GMutexLocker) locker = NULL;
  Directory *directory;
  gint64 version;

  if (!fanfare_social_store_get_directory_version (db, &version, error))
    return NULL;

  locker = g_mutex_locker_new (&cache->mutex);
  for (guint i = 0; i < G_N_ELEMENTS (cache->recent); i++)
    if (cache->recent[i] != NULL && cache->recent[i]->key_id == key_id && cache->recent[i]->version == version)
      return g_atomic_rc_box_acquire (cache->recent[i]);

  if ((directory = build_directory (db, key_id, secret, error)) == NULL)
    return NULL;

  /* The other key's directory stays beside it. */
  if (cache->recent[0] != NULL && cache->recent[0]->key_id != key_id)
    {
      g_clear_pointer (&cache->recent[1], g_atomic_rc_box_release);
      cache->recent[1] = g_steal_pointer (&cache->recent[0]);
    }
  g_clear_pointer (&cache->recent[0], g_atomic_rc_box_release);
  cache->recent[0] = g_atomic_rc_box_acquire (directory);

  return directory;
}

static void
directory_release (Directory *directory)
{
  g_atomic_rc_box_release_full (directory, (GDestroyNotify) directory_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Directory, directory_release)

/**
 * fanfare_friend_finder_match_contacts:
 * @hashes: (array zero-terminated=1): keyed hashes of normalized emails
 *   and numbers
 *
 * The keyed hashes of everyone discoverable are kept in memory for each
 * key, and made again when someone changes what they are made of; a
 * match is a look-up of each uploaded hash in them.
 *
 * Returns: (transfer full) (element-type gint64): the users who allowed
 *   discovery by contact and whose email or phone is among @hashes, not
 *   counting anyone in a block with @viewer_id
 */
GArray *
fanfare_friend_finder_match_contacts (FanfareDatabase * db,
                                      gint64 viewer_id,
                                      gint64 key_id,
                                      const char * const *hashes,
                                      GError * *error)
{
  g_autoptr(Directory) directory = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *secret = NULL;

  if (!fanfare_social_store_find_contact_key (db, key_id, FANFARE_CONTACT_KEY_ACCEPTED, &secret, error) ||
      (directory = get_directory (db, key_id, secret, error)) == NULL)
    return NULL;

  for (guint i = 0; hashes[i] != NULL; i++)
    {
      DirectoryEntry wanted;
      size_t length = 0;
      guint at;

      if (sodium_hex2bin (wanted.mac, sizeof wanted.mac, hashes[i], strlen (hashes[i]), NULL, &length, NULL) != 0 ||
          length != sizeof wanted.mac)
        continue;

      if (!g_array_binary_search (directory->entries, &wanted, compare_entries, &at))
        continue;

      /* Two people may share a number; the store lists each user once. */
      while (at > 0 && compare_entries (&wanted, &g_array_index (directory->entries, DirectoryEntry, at - 1)) == 0)
        at--;
      for (; at < directory->entries->len &&
           compare_entries (&wanted, &g_array_index (directory->entries, DirectoryEntry, at)) == 0; at++)
        g_array_append_val (found, g_array_index (directory->entries, DirectoryEntry, at).user_id);
    }

  if (found->len == 0)
    return g_steal_pointer (&found);

  return fanfare_social_store_filter_discoverable (db, viewer_id, found, error);
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
