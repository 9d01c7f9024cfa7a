/* fanfare-test-social.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "fanfare-catalog-store.h"
#include "fanfare-social-store.h"
#include "fanfare-test-social.h"
#include "fanfare-test-store.h"

static const char * const names[N_PEOPLE] = { "mei", "wang", "li", "chen", "zhao", "zhou" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *titles[] = { "晴天", "Outro", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) track_ids = NULL;
  g_autofree char *data_dir = NULL;
  gint64 ids[N_PEOPLE], artist, now = g_get_real_time () / G_USEC_PER_SEC;

  fanfare_test_store_set_up (&store);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *password = g_strdup_printf ("%s password 1", names[i]);

      ids[i] = fanfare_test_store_add_account (&store, names[i], password,
                                               i == ZHOU ? FANFARE_USER_ROLE_ARTIST : FANFARE_USER_ROLE_LISTENER);
    }
  artist = fanfare_catalog_store_get_artist_for_user (store.db, ids[ZHOU], &error);
  g_assert_no_error (error);
  fixture->album = fanfare_test_store_add_album (&store, artist, "夏天的风", "2025-07-01", titles, TRUE);
  track_ids = fanfare_catalog_store_list_album_track_ids (store.db, fixture->album, &error);
  g_assert_no_error (error);
  fixture->tracks[0] = g_array_index (track_ids, gint64, 0);
  fixture->tracks[1] = g_array_index (track_ids, gint64, 1);
  g_assert_true (fanfare_social_store_add_plays (store.db, ids[WANG], &fixture->tracks[0], &now, 1, &error));

  data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (data_dir, NULL);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *password = g_strdup_printf ("%s password 1", names[i]);

      fanfare_test_note_secret (password);
      fixture->tokens[i] = fanfare_test_log_in (fixture->server, names[i], password);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
  for (guint i = 0; i < N_PEOPLE; i++)
    g_free (fixture->tokens[i]);
}

void
social_add (const char *path,
            void (*test)(Fixture *fixture, gconstpointer data))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

FanfareTestResponse *
social_request (Fixture    *fixture,
                const char *method,
                const char *path,
                int         who,
                const char *body)
{
  return fanfare_test_request (fixture->server, method, path, who == NOBODY ? NULL : fixture->tokens[who], body);
}

guint
social_status (Fixture    *fixture,
               const char *method,
               const char *path,
               int         who,
               const char *body)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, method, path, who, body);

  return response->status;
}

/* The node at a dotted path of members, or NULL. */
JsonNode *
social_find (JsonNode   *node,
             const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
    }

  return node;
}

gboolean
social_get_boolean (FanfareTestResponse *response,
                    const char          *path)
{
  JsonNode *node = social_find (response->json, path);

  g_assert_nonnull (node);

  return json_node_get_boolean (node);
}

const char *
social_item_string_of (FanfareTestResponse *response,
                       const char          *member,
                       guint                index,
                       const char          *path)
{
  JsonArray *items = fanfare_test_response_get_array (response, member);
  JsonNode *node;

  g_assert_nonnull (items);
  g_assert_cmpuint (index, <, json_array_get_length (items));
  node = social_find (json_array_get_element (items, index), path);

  return node != NULL ? json_node_get_string (node) : NULL;
}

const char *
social_item_string (FanfareTestResponse *response,
                    guint                index,
                    const char          *path)
{
  return social_item_string_of (response, "items", index, path);
}

/* The usernames of a list of users, joined by "|". */
char *
social_list_names (Fixture    *fixture,
                   const char *path,
                   int         who)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "GET", path, who, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "|" : "", social_item_string (response, i, "username"));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

gint64
social_create_playlist (Fixture    *fixture,
                        int         who,
                        const char *title,
                        const char *visibility)
{
  g_autofree char *body = g_strdup_printf ("{\"title\": \"%s\", \"visibility\": \"%s\"}", title, visibility);
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "POST", "/api/v1/playlists", who, body);

  g_assert_cmpuint (response->status, ==, 201);

  return g_ascii_strtoll (fanfare_test_response_get_string (response, "playlist.id"), NULL, 10);
}

void
social_follow_playlist (Fixture *fixture,
                        int      who,
                        gint64   playlist_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/playlists/%" G_GINT64_FORMAT "/follow", playlist_id);
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "PUT", path, who, NULL);

  g_assert_cmpuint (response->status, ==, 200);
}

/* A feed's items as "kind:username:playlist title", joined by "|". */
char *
social_describe_feed (FanfareTestResponse *response)
{
  g_autoptr(GString) list = g_string_new (NULL);
  JsonArray *items = fanfare_test_response_get_array (response, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (list, "%s%s:%s:%s", i > 0 ? "|" : "",
                            social_item_string (response, i, "kind"),
                            social_item_string (response, i, "user.username"),
                            social_item_string (response, i, "playlist.title"));

  return g_string_free (g_steal_pointer (&list), FALSE);
}

char *
social_feed (Fixture *fixture,
             int      who)
{
  g_autoptr(FanfareTestResponse) response = social_request (fixture, "GET", "/api/v1/me/feed?limit=100", who,
                                                            NULL);

  g_assert_cmpuint (response->status, ==, 200);

  return social_describe_feed (response);
}

char *
social_database_path (Fixture    *fixture,
                      const char *suffix)
{
  g_autofree char *name = g_strconcat ("fanfare.db", suffix, NULL);

  return g_build_filename (fixture->server->data_dir, name, NULL);
}

/* Runs @sql on the server's database, as a second writer. */
void
social_exec_sql (Fixture    *fixture,
                 const char *sql)
{
  g_autofree char *path = social_database_path (fixture, "");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);
}
