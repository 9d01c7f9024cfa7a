/* test-api-finding.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Finding friends from contacts and nearby, and what the server keeps
 * and tells of it: nothing of an uploaded address book, no position. */

#include "config.h"

#include <string.h>

#include "fanfare-contacts.h"
#include "fanfare-geohash.h"
#include "fanfare-test-social.h"

static char *
hash_of (const char *key,
         const char *kind,
         const char *normalized)
{
  char *hash;

  g_assert_nonnull (normalized);
  hash = fanfare_contacts_hash (key, kind, normalized);
  g_assert_nonnull (hash);
  fanfare_test_note_secret (hash);

  return hash;
}

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const void *needle,
                gsize       needle_length)
{
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* Whether any file of the database holds @hash, as text or as bytes. */
static gboolean
database_holds (Fixture    *fixture,
                const char *hash)
{
  const char *suffixes[] = { "", "-wal", "-shm", NULL };
  guint8 raw[32];

  for (guint i = 0; i < 32; i++)
    raw[i] = g_ascii_xdigit_value (hash[2 * i]) * 16 + g_ascii_xdigit_value (hash[2 * i + 1]);

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *path = social_database_path (fixture, suffixes[i]);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      if (contains_bytes (contents, length, hash, 64) || contains_bytes (contents, length, raw, 32))
        return TRUE;
    }

  return FALSE;
}

static void
test_contacts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) key = NULL;
  g_autoptr(FanfareTestResponse) matched = NULL;
  g_autoptr(FanfareTestResponse) again = NULL;
  g_autofree char *email = fanfare_contacts_normalize_email ("  Wang.Li@Example.COM ");
  g_autofree char *phone = fanfare_contacts_normalize_phone ("138-0013-8000", "86");
  g_autofree char *li_email = fanfare_contacts_normalize_email ("li@example.com");
  g_autofree char *chen_phone = fanfare_contacts_normalize_phone ("+86 139 1234 5678", NULL);
  g_autofree char *stranger = fanfare_contacts_normalize_email ("stranger@example.org");
  g_autofree char *body = NULL;
  g_autofree char *stale = NULL;
  char *hashes[5] = { NULL, };
  const char *secret;

  /* Wang lets others find him by his email and phone; Li has an email
   * but did not allow it; Chen did, but blocked Mei. */
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me", WANG, "{\"email\": \"wang.li@example.com\"}"), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"discoverable_by_contact\": true, \"phone\": \"+86 138 0013 8000\"}"), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me", LI, "{\"email\": \"li@example.com\"}"), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", CHEN,
                                   "{\"discoverable_by_contact\": true, \"phone\": \"+8613912345678\"}"), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/block", CHEN, NULL), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", ZHAO,
                                   "{\"phone\": \"138 0013\"}"), ==, 400);

  key = social_request (fixture, "GET", "/api/v1/contacts/key", MEI, NULL);
  g_assert_cmpuint (key->status, ==, 200);
  secret = fanfare_test_response_get_string (key, "key");
  g_assert_cmpuint (strlen (secret), ==, 64);

  hashes[0] = hash_of (secret, "email", email);
  hashes[1] = hash_of (secret, "tel", phone);
  hashes[2] = hash_of (secret, "email", li_email);
  hashes[3] = hash_of (secret, "tel", chen_phone);
  hashes[4] = hash_of (secret, "email", stranger);
  body = g_strdup_printf ("{\"key_id\": \"%s\", \"hashes\": [\"%s\", \"%s\", \"%s\", \"%s\", \"%s\"]}",
                          fanfare_test_response_get_string (key, "key_id"),
                          hashes[0], hashes[1], hashes[2], hashes[3], hashes[4]);
  matched = social_request (fixture, "POST", "/api/v1/contacts/matches", MEI, body);
  g_assert_cmpuint (matched->status, ==, 200);
  /* Wang once, though both his email and phone matched. */
  g_assert_cmpuint (json_array_get_length (fanfare_test_response_get_array (matched, "items")), ==, 1);
  g_assert_cmpstr (social_item_string (matched, 0, "username"), ==, "wang");
  g_assert_null (social_item_string (matched, 0, "email"));

  /* Nothing of the upload is kept. */
  for (guint i = 0; i < G_N_ELEMENTS (hashes); i++)
    g_assert_false (database_holds (fixture, hashes[i]));

  /* The same key for everyone until it is replaced. */
  again = social_request (fixture, "GET", "/api/v1/contacts/key", LI, NULL);
  g_assert_cmpstr (fanfare_test_response_get_string (again, "key"), ==, secret);

  stale = g_strdup_printf ("{\"key_id\": \"999\", \"hashes\": [\"%s\"]}", hashes[0]);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/contacts/matches", MEI, stale), ==, 404);
  g_assert_cmpuint (social_status (fixture, "POST", "/api/v1/contacts/matches", MEI,
                                   "{\"key_id\": \"1\", \"hashes\": [\"wang@example.com\"]}"), ==, 400);
  g_assert_cmpuint (social_status (fixture, "GET", "/api/v1/contacts/key", NOBODY, NULL), ==, 401);

  for (guint i = 0; i < G_N_ELEMENTS (hashes); i++)
    g_free (hashes[i]);
}

/* The usernames that an address book of @contacts ("kind:value", with
 * values normalized) finds for @who, under the current key. */
static char *
match_names (Fixture            *fixture,
             int                 who,
             const char * const *contacts)
{
  g_autoptr(FanfareTestResponse) key = social_request (fixture, "GET", "/api/v1/contacts/key", who, NULL);
  g_autoptr(FanfareTestResponse) matched = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  JsonArray *items;

  g_string_printf (body, "{\"key_id\": \"%s\", \"hashes\": [", fanfare_test_response_get_string (key, "key_id"));
  for (guint i = 0; contacts[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (contacts[i], ":", 2);
      g_autofree char *hash = hash_of (fanfare_test_response_get_string (key, "key"), parts[0], parts[1]);

      g_string_append_printf (body, "%s\"%s\"", i > 0 ? ", " : "", hash);
    }
  g_string_append (body, "]}");

  matched = social_request (fixture, "POST", "/api/v1/contacts/matches", who, body->str);
  g_assert_cmpuint (matched->status, ==, 200);
  items = fanfare_test_response_get_array (matched, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "", social_item_string (matched, i, "username"));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Whatever changes who may be found, and by what, shows in the next
 * match under the same key. */
static void
test_contacts_change (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const book[] = { "email:li@example.com", "tel:+8613800138000", "email:wang@example.com", NULL };
  g_autofree char *before = NULL, *allowed = NULL, *renamed = NULL, *renumbered = NULL, *withdrawn = NULL;
  g_autofree char *blocked = NULL;

  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me", LI, "{\"email\": \"li@example.com\"}"), ==, 200);
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"discoverable_by_contact\": true, \"phone\": \"+86 138 0013 8000\"}"), ==, 200);
  before = match_names (fixture, MEI, book);
  g_assert_cmpstr (before, ==, "wang");

  /* Li allows it: her email finds her now. */
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", LI,
                                   "{\"discoverable_by_contact\": true}"), ==, 200);
  allowed = match_names (fixture, MEI, book);
  g_assert_cmpstr (allowed, ==, "wang|li");

  /* Her old email no longer does once she changes it. */
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me", LI, "{\"email\": \"li@example.net\"}"), ==, 200);
  renamed = match_names (fixture, MEI, book);
  g_assert_cmpstr (renamed, ==, "wang");

  /* Nor Wang's old number, nor his email, which he never had. */
  g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                   "{\"phone\": \"+86 139 0000 0000\"}"), ==, 200);
  renumbered = match_names (fixture, MEI, book);
  g_assert_cmpstr (renumbered, ==, "");

  /* The new number finds him until he stops allowing it, or blocks. */
  {
    const char * const number[] = { "tel:+8613900000000", NULL };
    g_autofree char *found = match_names (fixture, MEI, number);

    g_assert_cmpstr (found, ==, "wang");
    g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/mei/block", WANG, NULL), ==, 200);
    blocked = match_names (fixture, MEI, number);
    g_assert_cmpstr (blocked, ==, "");
    g_assert_cmpuint (social_status (fixture, "DELETE", "/api/v1/users/mei/block", WANG, NULL), ==, 200);
    g_assert_cmpuint (social_status (fixture, "PATCH", "/api/v1/me/social-settings", WANG,
                                     "{\"discoverable_by_contact\": false}"), ==, 200);
    withdrawn = match_names (fixture, MEI, number);
    g_assert_cmpstr (withdrawn, ==, "");
  }
}

static char *
share_cell (Fixture    *fixture,
            int         who,
            const char *cell)
{
  g_autofree char *body = g_strdup_printf ("{\"cell\": \"%s\"}", cell);
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "PUT", "/api/v1/me/nearby", who, body);
  g_autoptr(GString) list = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  /* Never a position, a cell or a distance. */
  g_assert_false (fanfare_test_response_contains (response, cell));
  g_assert_false (fanfare_test_response_contains (response, "distance"));
  items = fanfare_test_response_get_array (response, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "|" : "", social_item_string (response, i, "username"));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static void
age_cell (Fixture    *fixture,
          const char *username,
          int         seconds)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE nearby_cells SET updated_at = updated_at - %d"
                                          " WHERE user_id = (SELECT id FROM users WHERE username = '%s')",
                                          seconds, username);

  social_exec_sql (fixture, sql);
}

static void
test_nearby (Fixture       *fixture,
             gconstpointer  data)
{
  const char *cell = "wx4g0";
  g_auto(GStrv) around = fanfare_geohash_neighbourhood (cell);
  g_autofree char *alone = NULL, *two = NULL, *three = NULL, *neighbour = NULL, *far = NULL;
  g_autofree char *after_leaving = NULL, *after_expiry = NULL, *blocked = NULL;
  g_autofree char *own = NULL, *again = NULL, *left = NULL;

  g_assert_cmpuint (g_strv_length (around), ==, 9);
  g_assert_cmpstr (around[0], ==, cell);

  /* A cell with fewer than three people is shown to nobody. */
  alone = share_cell (fixture, MEI, cell);
  g_assert_cmpstr (alone, ==, "");
  two = share_cell (fixture, WANG, cell);
  g_assert_cmpstr (two, ==, "");
  three = share_cell (fixture, LI, cell);
  g_assert_cmpstr (three, ==, "mei|wang");
  again = social_list_names (fixture, "/api/v1/me/nearby", LI);
  g_assert_cmpstr (again, ==, "mei|wang");

  /* A neighbouring cell counts; Chen's own cell of one does not show her. */
  neighbour = share_cell (fixture, CHEN, around[1]);
  g_assert_cmpstr (neighbour, ==, "mei|wang|li");
  own = share_cell (fixture, LI, cell);
  g_assert_cmpstr (own, ==, "mei|wang");

  /* Nobody who did not opt in, and nobody far away. */
  far = share_cell (fixture, ZHAO, "u4pru");
  g_assert_cmpstr (far, ==, "");

  /* Opting out deletes the cell at once. */
  g_assert_cmpuint (social_status (fixture, "DELETE", "/api/v1/me/nearby", WANG, NULL), ==, 204);
  after_leaving = share_cell (fixture, LI, cell);
  g_assert_cmpstr (after_leaving, ==, "");
  left = social_list_names (fixture, "/api/v1/me/nearby", WANG);
  g_assert_cmpstr (left, ==, "");

  /* A cell expires after half an hour. */
  g_free (share_cell (fixture, WANG, cell));
  age_cell (fixture, "mei", 30 * 60 + 1);
  after_expiry = share_cell (fixture, LI, cell);
  g_assert_cmpstr (after_expiry, ==, "");

  /* Blocks hide either way. */
  g_free (share_cell (fixture, MEI, cell));
  g_free (share_cell (fixture, ZHAO, cell));
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/users/li/block", MEI, NULL), ==, 200);
  blocked = share_cell (fixture, LI, cell);
  g_assert_cmpstr (blocked, ==, "wang|zhao");

  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/me/nearby", LI, "{\"cell\": \"wx4g\"}"), ==, 400);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/me/nearby", LI, "{\"cell\": \"wx4ga\"}"), ==, 400);
  g_assert_cmpuint (social_status (fixture, "PUT", "/api/v1/me/nearby", NOBODY, "{\"cell\": \"wx4g0\"}"), ==, 401);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  social_add ("/api/finding/contacts", test_contacts);
  social_add ("/api/finding/contacts-change", test_contacts_change);
  social_add ("/api/finding/nearby", test_nearby);

  return g_test_run ();
}
