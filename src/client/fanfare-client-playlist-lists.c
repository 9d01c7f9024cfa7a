/* fanfare-client-playlist-lists.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Lists of the platform's playlists: a user's, those the user follows,
 * and the featured ones. */

#include "config.h"

#include "fanfare-client-private.h"

static gpointer
parse_playlists (FanfareClient *self,
                 JsonObject    *json,
                 GError       **error)
{
  return _fanfare_client_parse_list (json, "items", FANFARE_TYPE_PLAYLIST, error);
}

static void
list_playlists (FanfareClient       *self,
                const char          *path,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", path, NULL);

  _fanfare_client_call (self, msg, parse_playlists, g_object_unref,
                        _fanfare_client_task_new (self, fanfare_client_list_playlists_finish, cancellable,
                                                  callback, user_data));
}

/**
 * fanfare_client_list_user_playlists_async:
 *
 * Lists a user's public playlists, or all of the user's own. Finish with
 * fanfare_client_list_playlists_finish().
 */
void
fanfare_client_list_user_playlists_async (FanfareClient       *self,
                                          const char          *username,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (username != NULL);

  escaped = _fanfare_client_escape (username);
  path = g_strconcat ("/api/v1/users/", escaped, "/playlists?limit=100", NULL);
  list_playlists (self, path, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_followed_playlists_async:
 *
 * Lists the playlists the user follows, the latest followed first. Finish
 * with fanfare_client_list_playlists_finish().
 */
void
fanfare_client_list_followed_playlists_async (FanfareClient       *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list_playlists (self, "/api/v1/me/followed-playlists?limit=100", cancellable, callback, user_data);
}

/**
 * fanfare_client_list_featured_playlists_async:
 * @limit: at most this many, 1 to 100
 *
 * Lists the playlists of verified musicians and influencers, the most
 * followed first. Finish with fanfare_client_list_playlists_finish().
 */
void
fanfare_client_list_featured_playlists_async (FanfareClient       *self,
                                              guint                limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  path = g_strdup_printf ("/api/v1/featured/playlists?limit=%u", CLAMP (limit, 1, 100));
  list_playlists (self, path, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_playlists_finish:
 *
 * Returns: (transfer full): #FanfarePlaylist objects
 */
GListModel *
fanfare_client_list_playlists_finish (FanfareClient *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_playlists_finish, error);
}
