/* test-api-search.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-playlist-store.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

typedef struct {
  FanfareTestServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *zhou_titles[] = { "晴天", "七里香的夏天", "Rainy Day", NULL };
  const char *zoe_titles[] = { "Café de Flore", "Love Song", "Nuit Blanche", "Love Letters", "Loveless", NULL };
  FanfareTestStore store;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gint64 zhou, zoe, listener;

  fanfare_test_store_set_up (&store);
  zhou = fanfare_test_store_add_user (&store, "zhou", "周杰伦", FANFARE_USER_ROLE_ARTIST);
  zoe = fanfare_test_store_add_user (&store, "zoe", "Zoë Lefèvre", FANFARE_USER_ROLE_ARTIST);
  listener = fanfare_test_store_add_user (&store, "songbird", "听歌的人", FANFARE_USER_ROLE_LISTENER);
  fanfare_test_store_add_album (&store, zhou, "叶惠美", "2003-07-31", zhou_titles, TRUE);
  fanfare_test_store_add_album (&store, zoe, "Paris Love", "2021-02-14", zoe_titles, TRUE);
  fanfare_playlist_store_create (store.db, listener, "Love songs for rainy days", NULL,
                                 FANFARE_PLAYLIST_VISIBILITY_PUBLIC, &error);
  fanfare_playlist_store_create (store.db, listener, "My secret love list", NULL,
                                 FANFARE_PLAYLIST_VISIBILITY_PRIVATE, &error);
  g_assert_no_error (error);

  data_dir = fanfare_test_store_close (&store);
  fixture->server = fanfare_test_server_start (data_dir, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fanfare_test_server_stop (fixture->server);
}

static FanfareTestResponse *
search (Fixture    *fixture,
        const char *query_string)
{
  g_autofree char *path = g_strconcat ("/api/v1/search?", query_string, NULL);

  return fanfare_test_request (fixture->server, "GET", path, NULL, NULL);
}

/* The first result's type and the name it goes by. */
static void
assert_first (FanfareTestResponse *response,
              const char          *type,
              const char          *member,
              const char          *value)
{
  JsonArray *items;
  JsonObject *first;

  g_assert_cmpuint (response->status, ==, 200);
  items = fanfare_test_response_get_array (response, "items");
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  first = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, type);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, type), member), ==, value);
}

static void
test_chinese_and_accents (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) two = search (fixture, "q=%E6%9D%B0%E4%BC%A6&type=artist");
  g_autoptr(FanfareTestResponse) three = search (fixture, "q=%E9%A6%99%E7%9A%84%E5%A4%8F&type=track");
  g_autoptr(FanfareTestResponse) folded = search (fixture, "q=LEFEVRE");
  g_autoptr(FanfareTestResponse) cafe = search (fixture, "q=cafe&type=track");

  /* 杰伦 and 香的夏: substrings of a name and of a title. */
  assert_first (two, "artist", "name", "周杰伦");
  assert_first (three, "track", "title", "七里香的夏天");
  assert_first (folded, "artist", "name", "Zoë Lefèvre");
  assert_first (cafe, "track", "title", "Café de Flore");
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FanfareTestResponse) first = search (fixture, "q=love&limit=2");
  g_autoptr(FanfareTestResponse) second = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = NULL;
  const char *cursor;
  JsonArray *items;

  g_assert_cmpuint (first->status, ==, 200);
  items = fanfare_test_response_get_array (first, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  cursor = fanfare_test_response_get_string (first, "next_cursor");
  g_assert_nonnull (cursor);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *type = json_object_get_string_member (item, "type");

      g_hash_table_add (seen, g_strconcat (type, json_object_get_string_member (
                                             json_object_get_object_member (item, type), "id"), NULL));
    }

  path = g_strdup_printf ("q=love&limit=50&cursor=%s", cursor);
  second = search (fixture, path);
  items = fanfare_test_response_get_array (second, "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 4);
  g_assert_null (fanfare_test_response_get_string (second, "next_cursor"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *type = json_object_get_string_member (item, "type");

      g_assert_true (g_hash_table_add (seen, g_strconcat (type, json_object_get_string_member (
                                                            json_object_get_object_member (item, type), "id"),
                                                          NULL)));
      /* The private playlist is never found. */
      if (g_str_equal (type, "playlist"))
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, type), "title"), ==,
                         "Love songs for rainy days");
    }
}

static void
test_empty_query (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *queries[] = { "", "q=", "q=%20%20", "q=%22", "q=NEAR(a%20b)", "q=*" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(FanfareTestResponse) response = search (fixture, queries[i]);

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_nonnull (fanfare_test_response_get_array (response, "items"));
    }
}

static void
test_bad_parameters (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *long_query = g_strnfill (201, 'a');
  g_autofree char *too_long = g_strconcat ("q=", long_query, NULL);
  static const struct {
    const char *query;
    const char *field;
  } cases[] = {
    { "q=love&type=song", "type" },
    { "q=love&limit=0", "limit" },
    { "q=love&cursor=bogus", "cursor" },
  };
  g_autoptr(FanfareTestResponse) long_response = search (fixture, too_long);

  fanfare_test_assert_error (long_response, 400, "invalid", "“q”");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FanfareTestResponse) response = search (fixture, cases[i].query);

      fanfare_test_assert_error (response, 400, "invalid", cases[i].field);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/server/api/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("chinese-and-accents", test_chinese_and_accents);
  ADD ("pages", test_pages);
  ADD ("empty-query", test_empty_query);
  ADD ("bad-parameters", test_bad_parameters);
#undef ADD

  return g_test_run ();
}
