/* test-router.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fanfare-http-json.h"
#include "fanfare-router.h"

static void
handler (FanfareRequest *request)
{
}

static const FanfareRoute routes[] = {
  { "GET", "/api/v1/albums", FANFARE_ACCESS_ANYONE, 0, handler },
  { "GET", "/api/v1/albums/{id}", FANFARE_ACCESS_ANYONE, 0, handler },
  { "DELETE", "/api/v1/sessions/current", FANFARE_ACCESS_USER, 0, handler },
  { "DELETE", "/api/v1/sessions/{id}", FANFARE_ACCESS_USER, 0, handler },
  { "GET", "/api/v1/users/{username}/playlists", FANFARE_ACCESS_ANYONE, 0, handler },
  { "GET", "/api/v1/images/{image}", FANFARE_ACCESS_ANYONE, 0, handler },
  { NULL },
};

static void
test_matches (void)
{
  g_autoptr(FanfareRouter) router = fanfare_router_new ();
  g_autoptr(GHashTable) params = NULL;
  FanfareError code;
  const FanfareRoute *route;

  fanfare_router_add (router, routes);

  route = fanfare_router_match (router, "GET", "/api/v1/albums/42", &params, &code);
  g_assert_true (route == &routes[1]);
  g_assert_cmpstr (g_hash_table_lookup (params, "id"), ==, "42");
  g_clear_pointer (&params, g_hash_table_unref);

  /* A literal segment wins where it is listed first; HEAD takes GET. */
  g_assert_true (fanfare_router_match (router, "DELETE", "/api/v1/sessions/current", NULL, &code) == &routes[2]);
  g_assert_true (fanfare_router_match (router, "HEAD", "/api/v1/albums", NULL, &code) == &routes[0]);

  route = fanfare_router_match (router, "GET", "/api/v1/users/lin.bei_2/playlists", &params, &code);
  g_assert_true (route == &routes[4]);
  g_assert_cmpstr (g_hash_table_lookup (params, "username"), ==, "lin.bei_2");
}

static void
test_refuses (void)
{
  static const struct {
    const char  *method;
    const char  *path;
    FanfareError code;
  } cases[] = {
    { "GET", "/api/v1/albums/abc", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/albums/0", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/albums/007", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/albums/1234567890123456789", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/albums/", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/albums/1/", FANFARE_ERROR_NOT_FOUND },
    { "GET", "api/v1/albums", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/users/a%2Fb/playlists", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/users/../playlists", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/images/../../etc/passwd", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/api/v1/images/ABCDEF", FANFARE_ERROR_NOT_FOUND },
    { "GET", "/a/b/c/d/e/f/g/h/i/j", FANFARE_ERROR_NOT_FOUND },
    { "POST", "/api/v1/albums", FANFARE_ERROR_METHOD_NOT_ALLOWED },
    { "DELETE", "/api/v1/albums/3", FANFARE_ERROR_METHOD_NOT_ALLOWED },
  };
  g_autoptr(FanfareRouter) router = fanfare_router_new ();

  fanfare_router_add (router, routes);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FanfareError code = FANFARE_ERROR_INTERNAL;

      g_assert_null (fanfare_router_match (router, cases[i].method, cases[i].path, NULL, &code));
      g_assert_cmpint (code, ==, cases[i].code);
    }
}

static void
test_cursors (void)
{
  const char *keys[] = { "", "2026-01-01", "周杰伦\x1e", "a b+c/d=" };
  const char *bad[] = { "", "!!!", "a", "AAAA", "YWJj", "%2F" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *cursor = fanfare_http_cursor_encode (keys[i], 9007199254740993);
      g_autofree char *key = NULL;
      gint64 id = 0;

      /* Safe in a URL as it is. */
      for (const char *p = cursor; *p != '\0'; p++)
        g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
      g_assert_true (fanfare_http_cursor_decode (cursor, &key, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (key, ==, keys[i]);
      g_assert_cmpint (id, ==, 9007199254740993);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;
      gint64 id = 0;

      g_assert_false (fanfare_http_cursor_decode (bad[i], &key, &id, &error));
      g_assert_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID);
      g_assert_null (key);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/router/matches", test_matches);
  g_test_add_func ("/server/router/refuses", test_refuses);
  g_test_add_func ("/server/router/cursors", test_cursors);

  return g_test_run ();
}
