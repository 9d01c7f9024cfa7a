/* fanfare-http-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The platform's albums and tracks a listener saved to their library, which
 * the app shows beside their own music. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-catalog-store.h"
#include "fanfare-error.h"
#include "fanfare-http-json.h"
#include "fanfare-request.h"
#include "fanfare-saved-store.h"
#include "fanfare-track.h"

/* A library holds at most this many of each; the list is one page. */
#define MAX_SAVED 2000

/* Whether the caller may see the item, which is what may be saved. */
static GObject *
fetch_item (FanfareRequest   *request,
            FanfareSavedKind  kind,
            gint64            id,
            GError          **error)
{
  FanfareDatabase *db = fanfare_request_get_database (request);
  const FanfareViewer *viewer = fanfare_request_get_viewer (request);

  if (kind == FANFARE_SAVED_ALBUM)
    return G_OBJECT (fanfare_catalog_store_get_album (db, viewer, id, error));

  return G_OBJECT (fanfare_catalog_store_get_track (db, viewer, id, error));
}

static void
set_saved (FanfareRequest   *request,
           FanfareSavedKind  kind,
           gboolean          saved)
{
  gint64 id = fanfare_request_get_id (request, "id");
  g_autoptr(GObject) item = NULL;
  g_autoptr(GError) error = NULL;

  if ((saved && (item = fetch_item (request, kind, id, &error)) == NULL) ||
      !fanfare_saved_store_set (fanfare_request_get_database (request),
                                fanfare_request_get_viewer (request)->user_id, kind, id, saved, &error))
    fanfare_request_fail (request, error);
  else
    fanfare_request_respond_empty (request, 204);
}

static void
list_saved (FanfareRequest   *request,
            FanfareSavedKind  kind)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = fanfare_saved_store_list (fanfare_request_get_database (request),
                                  fanfare_request_get_viewer (request)->user_id, kind, MAX_SAVED, &error);
  if (ids == NULL)
    {
      fanfare_request_fail (request, error);
      return;
    }

  /* An album its artist took back since is left out, not failed on. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) item_error = NULL;
      GObject *item = fetch_item (request, kind, g_array_index (ids, gint64, i), &item_error);

      if (item != NULL)
        g_ptr_array_add (items, item);
      else if (!g_error_matches (item_error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
        {
          fanfare_request_fail (request, item_error);
          return;
        }
    }

  fanfare_http_respond_items (request, items, NULL);
}

static void
list_albums (FanfareRequest *request)
{
  list_saved (request, FANFARE_SAVED_ALBUM);
}

static void
save_album (FanfareRequest *request)
{
  set_saved (request, FANFARE_SAVED_ALBUM, TRUE);
}

static void
unsave_album (FanfareRequest *request)
{
  set_saved (request, FANFARE_SAVED_ALBUM, FALSE);
}

static void
list_tracks (FanfareRequest *request)
{
  list_saved (request, FANFARE_SAVED_TRACK);
}

static void
save_track (FanfareRequest *request)
{
  set_saved (request, FANFARE_SAVED_TRACK, TRUE);
}

static void
unsave_track (FanfareRequest *request)
{
  set_saved (request, FANFARE_SAVED_TRACK, FALSE);
}

const FanfareRoute fanfare_http_library_routes[] = {
  { "GET", "/api/v1/me/library/albums", FANFARE_ACCESS_USER, 0, list_albums },
  { "PUT", "/api/v1/me/library/albums/{id}", FANFARE_ACCESS_USER, 0, save_album },
  { "DELETE", "/api/v1/me/library/albums/{id}", FANFARE_ACCESS_USER, 0, unsave_album },
  { "GET", "/api/v1/me/library/tracks", FANFARE_ACCESS_USER, 0, list_tracks },
  { "PUT", "/api/v1/me/library/tracks/{id}", FANFARE_ACCESS_USER, 0, save_track },
  { "DELETE", "/api/v1/me/library/tracks/{id}", FANFARE_ACCESS_USER, 0, unsave_track },
  { NULL },
};
