/* fanfare-router.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Maps a method and a path to a route. Parameters are checked for their
* form here, before anything runs: an id is digits, a username the
* characters usernames are made of, an image id a hash, an entry id what
* clients make ids of, an upload id the same. A path that fits
* no pattern is not found; one that fits under another method is 405. */

#include "config.h"

#include <string.h>

#include "fanfare-media-store.h"
#include "fanfare-router.h"

#define MAX_SEGMENTS 8

/* A route with its pattern split once, since matching runs on the main
 * thread for every request. */
typedef struct {
  const FanfareRoute *route;
  GStrv               parts;
} Entry;

struct _FanfareRouter
{
  GObject parent_instance;

  GArray *entries;
};

G_DEFINE_FINAL_TYPE (FanfareRouter, fanfare_router, G_TYPE_OBJECT)

static gboolean
is_id (const char *segment)
{
  gsize length = strlen (segment);

  if (length == 0 || length > 18)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (segment[i]))
      return FALSE;

  return segment[0] != '0';
}

static gboolean
is_username (const char *segment)
{
  gsize length = strlen (segment);

  if (length == 0 || length > 32 || !g_ascii_isalnum (segment[0]))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (segment[i]) && strchr ("._-", segment[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* An id a client made up: a UUID, or anything of the same letters. */
gboolean
fanfare_router_is_client_id (const char *segment)
{
  gsize length = strlen (segment);

  if (length == 0 || length > 64)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (segment[i]) && segment[i] != '-' && segment[i] != '_')
      return FALSE;

  return TRUE;
}

static gboolean
parameter_fits (const char *name,
                const char *segment)
{
  if (g_str_equal (name, "{entry}") || g_str_equal (name, "{upload}"))
    return fanfare_router_is_client_id (segment);
  if (g_str_equal (name, "{username}"))
    return is_username (segment);
  if (g_str_equal (name, "{image}"))
    return fanfare_media_store_is_valid_hash (segment);

  return is_id (segment);
}

/* Matches @path's segments against a pattern's, filling @params. */
static gboolean
pattern_fits (char      **parts,
              char      **segments,
              GHashTable *params)
{
  guint i;

  for (i = 0; parts[i] != NULL && segments[i] != NULL; i++)
    {
      if (parts[i][0] == '{')
        {
          g_autofree char *name = g_strndup (parts[i] + 1, strlen (parts[i]) - 2);

          if (!parameter_fits (parts[i], segments[i]))
            return FALSE;
          if (params != NULL)
            g_hash_table_insert (params, g_steal_pointer (&name), g_strdup (segments[i]));
        }
      else if (!g_str_equal (parts[i], segments[i]))
        return FALSE;
    }

  return parts[i] == NULL && segments[i] == NULL;
}

static void
fanfare_router_finalize (GObject *object)
{
  FanfareRouter *self = FANFARE_ROUTER (object);

  for (guint i = 0; i < self->entries->len; i++)
    g_strfreev (g_array_index (self->entries, Entry, i).parts);
  g_array_unref (self->entries);

  G_OBJECT_CLASS (fanfare_router_parent_class)->finalize (object);
}

static void
fanfare_router_class_init (FanfareRouterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_router_finalize;
}

static void
fanfare_router_init (FanfareRouter *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
}

FanfareRouter *
fanfare_router_new (void)
{
  return g_object_new (FANFARE_TYPE_ROUTER, NULL);
}

/**
 * fanfare_router_add:
 * @routes: a table of routes ending with one whose method is %NULL; it
 *   must outlive the router
 */
void
fanfare_router_add (FanfareRouter      *self,
                    const FanfareRoute *routes)
{
  g_return_if_fail (FANFARE_IS_ROUTER (self));

  for (const FanfareRoute *route = routes; route->method != NULL; route++)
    {
      Entry entry = { route, g_strsplit (route->pattern, "/", MAX_SEGMENTS + 1) };

      g_array_append_val (self->entries, entry);
    }
}

/**
 * fanfare_router_match:
 * @params: (out) (transfer full) (optional): the path's parameters
 * @error_code: (out): why nothing matched
 *
 * Returns: (nullable): the route for @method and @path; a HEAD request
 *   takes the GET route
 */
const FanfareRoute *
fanfare_router_match (FanfareRouter *self,
                      const char    *method,
                      const char    *path,
                      GHashTable   **params,
                      FanfareError  *error_code)
{
  g_auto(GStrv) segments = NULL;
  gboolean path_exists = FALSE;

  g_return_val_if_fail (FANFARE_IS_ROUTER (self), NULL);

  *error_code = FANFARE_ERROR_NOT_FOUND;
  if (path == NULL || path[0] != '/' || strlen (path) > 512)
    return NULL;

  segments = g_strsplit (path, "/", MAX_SEGMENTS + 1);
  if (g_strv_length (segments) > MAX_SEGMENTS)
    return NULL;

  if (g_str_equal (method, "HEAD"))
    method = "GET";

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      const FanfareRoute *route = entry->route;

      if (!pattern_fits (entry->parts, segments, NULL))
        continue;

      path_exists = TRUE;
      if (!g_str_equal (route->method, method))
        continue;

      if (params != NULL)
        {
          *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          pattern_fits (entry->parts, segments, *params);
        }

      return route;
    }

  if (path_exists)
    *error_code = FANFARE_ERROR_METHOD_NOT_ALLOWED;

  return NULL;
}

/**
 * fanfare_router_list:
 *
 * Returns: (transfer container) (element-type utf8): "METHOD pattern" for
 *   each route, in the order they were added
 */
GPtrArray *
fanfare_router_list (FanfareRouter *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (FANFARE_IS_ROUTER (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const FanfareRoute *route = g_array_index (self->entries, Entry, i).route;

      g_ptr_array_add (list, g_strdup_printf ("%s %s", route->method, route->pattern));
    }

  return list;
}
