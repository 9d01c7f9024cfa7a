/* fanfare-client-discovery.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the platform finds for the user: the history of their plays, the
 * charts, the picks of the day and the personal radio, which learns from
 * likes and skips. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-track.h"

typedef struct {
  const char        *path;       /* with its query up to `limit=` */
  GType (*get_type)(void);
  FanfareNewItemFunc new_item;
} ListKind;

enum {
  LIST_HISTORY,
  LIST_CHART_TRACKS,
  LIST_CHART_ALBUMS,
  LIST_DAILY_PICKS,
  LIST_RADIO,
};

static const ListKind list_kinds[] = {
  [LIST_HISTORY] = { "/api/v1/me/history?limit=", fanfare_play_get_type,
                     (FanfareNewItemFunc) fanfare_play_new_from_json },
  [LIST_CHART_TRACKS] = { "/api/v1/charts/tracks?limit=", fanfare_chart_item_get_type,
                          (FanfareNewItemFunc) fanfare_chart_item_new_from_json },
  [LIST_CHART_ALBUMS] = { "/api/v1/charts/new-releases?limit=", fanfare_chart_item_get_type,
                          (FanfareNewItemFunc) fanfare_chart_item_new_from_json },
  [LIST_DAILY_PICKS] = { "/api/v1/me/daily-picks?limit=", fanfare_pick_get_type,
                         (FanfareNewItemFunc) fanfare_pick_new_from_json },
  [LIST_RADIO] = { "/api/v1/me/radio?limit=", fanfare_pick_get_type,
                   (FanfareNewItemFunc) fanfare_pick_new_from_json },
};

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const ListKind *kind = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(JsonObject) json = g_task_propagate_pointer (G_TASK (result), &error);
  GListModel *items;

  if (json == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  items = _fanfare_client_parse_items (json, "items", kind->get_type (), kind->new_item, &error);
  if (items == NULL)
    {
      g_warning ("Unexpected answer from the server: %s", error->message);
      g_clear_error (&error);
      g_task_return_new_error (task, FANFARE_ERROR, FANFARE_ERROR_INTERNAL,
                               _("The server sent an answer this version cannot read"));
      return;
    }
  if (json_object_has_member (json, "next_cursor") && !json_object_get_null_member (json, "next_cursor"))
    g_object_set_data_full (G_OBJECT (task), "next-cursor",
                            g_strdup (json_object_get_string_member (json, "next_cursor")), g_free);
  g_task_return_pointer (task, items, g_object_unref);
}

static gpointer
keep_json (FanfareClient *self,
           JsonObject    *json,
           GError       **error)
{
  return json_object_ref (json);
}

static void
list_from (FanfareClient       *self,
           guint                which,
           guint                limit,
           const char          *cursor,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  const ListKind *kind = &list_kinds[which];
  g_autofree char *escaped = cursor != NULL ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
  g_autofree char *path = g_strdup_printf ("%s%u%s%s", kind->path, CLAMP (limit, 1, 100),
                                           escaped != NULL ? "&cursor=" : "", escaped != NULL ? escaped : "");
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", path, NULL);
  GTask *task = _fanfare_client_task_new (self, fanfare_client_list_finish, cancellable, callback, user_data);

  g_task_set_task_data (task, (gpointer) kind, NULL);
  _fanfare_client_call (self, msg, keep_json, (GDestroyNotify) json_object_unref,
                        g_task_new (self, cancellable, list_cb, task));
}

static void
list (FanfareClient       *self,
      guint                which,
      guint                limit,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  list_from (self, which, limit, NULL, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_history_async:
 * @limit: at most this many plays, 1 to 100
 *
 * Lists the user's plays, the latest first, as #FanfarePlay objects.
 * Finish with fanfare_client_list_finish().
 */
void
fanfare_client_list_history_async (FanfareClient       *self,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list (self, LIST_HISTORY, limit, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_history_page_async:
 * @limit: at most this many plays, 1 to 100
 * @cursor: (nullable): the previous page's next cursor
 *
 * Lists a page of the user's plays, the latest first, as #FanfarePlay
 * objects. Finish with fanfare_client_list_page_finish().
 */
void
fanfare_client_list_history_page_async (FanfareClient       *self,
                                        guint                limit,
                                        const char          *cursor,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list_from (self, LIST_HISTORY, limit, cursor, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_chart_tracks_async:
 * @limit: at most this many places, 1 to 100
 *
 * Lists the hot tracks of the week as #FanfareChartItem objects, the most
 * listeners first. Finish with fanfare_client_list_finish().
 */
void
fanfare_client_list_chart_tracks_async (FanfareClient       *self,
                                        guint                limit,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list (self, LIST_CHART_TRACKS, limit, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_chart_albums_async:
 * @limit: at most this many places, 1 to 100
 *
 * Lists the albums of the last 30 days as #FanfareChartItem objects, those
 * with the most listeners this week first. Finish with
 * fanfare_client_list_finish().
 */
void
fanfare_client_list_chart_albums_async (FanfareClient       *self,
                                        guint                limit,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list (self, LIST_CHART_ALBUMS, limit, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_daily_picks_async:
 *
 * Lists the user's picks of the day as #FanfarePick objects; empty before
 * the user played anything. Finish with fanfare_client_list_finish().
 */
void
fanfare_client_list_daily_picks_async (FanfareClient       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list (self, LIST_DAILY_PICKS, 100, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_radio_async:
 * @limit: how many tracks, 1 to 100
 *
 * Reads the next tracks of the user's radio, an endless queue, as
 * #FanfarePick objects. Finish with fanfare_client_list_finish().
 */
void
fanfare_client_list_radio_async (FanfareClient       *self,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  list (self, LIST_RADIO, limit, cancellable, callback, user_data);
}

/**
 * fanfare_client_list_finish:
 *
 * Finishes the lists of plays, charts, picks and radio.
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
GListModel *
fanfare_client_list_finish (FanfareClient *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_list_finish, error);
}

/**
 * fanfare_client_list_page_finish:
 * @next_cursor: (out) (optional) (transfer full) (nullable): where the
 *   next page starts, %NULL after the last
 *
 * Finishes a call that lists a page, as fanfare_client_list_finish() does.
 *
 * Returns: (transfer full): the page's items, or %NULL with @error set
 */
GListModel *
fanfare_client_list_page_finish (FanfareClient *self,
                                 GAsyncResult  *result,
                                 char         **next_cursor,
                                 GError       **error)
{
  GListModel *items = _fanfare_client_propagate (self, result, fanfare_client_list_finish, error);

  if (next_cursor != NULL)
    *next_cursor = items != NULL ? g_strdup (g_object_get_data (G_OBJECT (result), "next-cursor")) : NULL;

  return items;
}

/**
 * fanfare_client_send_radio_feedback_async:
 * @liked: %TRUE for a like, %FALSE for a skip
 *
 * Tells the radio what the user thought of @track.
 */
void
fanfare_client_send_radio_feedback_async (FanfareClient       *self,
                                          FanfareTrack        *track,
                                          gboolean             liked,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(SoupMessage) msg = NULL;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  json_builder_begin_object (body);
  json_builder_set_member_name (body, "track_id");
  json_builder_add_string_value (body, fanfare_track_get_id (track));
  json_builder_set_member_name (body, "kind");
  json_builder_add_string_value (body, liked ? "like" : "skip");
  json_builder_end_object (body);
  msg = _fanfare_client_new_message (self, "POST", "/api/v1/me/radio/feedback", body);
  _fanfare_client_call (self, msg, NULL, NULL,
                        _fanfare_client_task_new (self, fanfare_client_send_radio_feedback_async, cancellable,
                                                  callback, user_data));
}

gboolean
fanfare_client_send_radio_feedback_finish (FanfareClient *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_send_radio_feedback_async, error) != NULL;
}
