/* test-api-docs.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* docs/api.md lists every endpoint the server registers, as a heading
 * "### METHOD /pattern", and nothing that it does not. */

#include "config.h"

#include <string.h>

#include "fanfare-server.h"

static GHashTable *
documented_endpoints (void)
{
  const char *path = g_getenv ("FANFARE_API_DOC");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *endpoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "### "))
      g_hash_table_add (endpoints, g_strdup (g_strstrip (lines[i] + 4)));

  return endpoints;
}

static void
test_every_route_is_documented (void)
{
  g_autoptr(FanfareServer) server = g_object_new (FANFARE_TYPE_SERVER, NULL);
  g_autoptr(GPtrArray) routes = fanfare_server_list_routes (server);
  g_autoptr(GHashTable) documented = documented_endpoints ();
  g_autoptr(GString) missing = g_string_new (NULL);

  g_assert_cmpuint (routes->len, >=, 20);
  for (guint i = 0; i < routes->len; i++)
    {
      const char *route = g_ptr_array_index (routes, i);

      if (!g_hash_table_remove (documented, route))
        g_string_append_printf (missing, "%s\n", route);
    }

  if (missing->len > 0)
    g_error ("docs/api.md does not document:\n%s", missing->str);
}

static void
test_nothing_else_is_documented (void)
{
  g_autoptr(FanfareServer) server = g_object_new (FANFARE_TYPE_SERVER, NULL);
  g_autoptr(GPtrArray) routes = fanfare_server_list_routes (server);
  g_autoptr(GHashTable) documented = documented_endpoints ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < routes->len; i++)
    g_hash_table_remove (documented, g_ptr_array_index (routes, i));

  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_error ("docs/api.md documents %s, which the server does not serve", (const char *) key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/api-docs/every-route-is-documented", test_every_route_is_documented);
  g_test_add_func ("/server/api-docs/nothing-else-is-documented", test_nothing_else_is_documented);

  return g_test_run ();
}
