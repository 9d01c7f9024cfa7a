/* fanfare-client-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The platform's albums and tracks the user saved to their library. The
 * client keeps them in two lists that the app shows beside local music:
 * filled when the user signs in, emptied when they sign out, changed when
 * the server has agreed to a save or a removal. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-utils.h"

static const char *
collection_of (gpointer  item)
{
  return FANFARE_IS_ALBUM (item) ? "albums" : "tracks";
}

static const char *
id_of (gpointer  item)
{
  return FANFARE_IS_ALBUM (item) ? fanfare_album_get_id (item) : fanfare_track_get_id (item);
}

static GListStore *
store_of (FanfareClient *self,
          gpointer       item)
{
  return FANFARE_IS_ALBUM (item) ? self->saved_albums : self->saved_tracks;
}

static gboolean
find_saved (FanfareClient *self,
            gpointer       item,
            guint         *position)
{
  GListModel *list = G_LIST_MODEL (store_of (self, item));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) saved = g_list_model_get_item (list, i);

      if (g_strcmp0 (id_of (saved), id_of (item)) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gpointer
parse_saved_albums (FanfareClient *self,
                    JsonObject    *json,
                    GError       **error)
{
  return _fanfare_client_parse_list (json, "items", FANFARE_TYPE_ALBUM, error);
}

static gpointer
parse_saved_tracks (FanfareClient *self,
                    JsonObject    *json,
                    GError       **error)
{
  return _fanfare_client_parse_list (json, "items", FANFARE_TYPE_TRACK, error);
}

static const struct {
  const char      *path;
  FanfareParseFunc parse;
} saved_lists[] = {
  { "/api/v1/me/library/albums", parse_saved_albums },
  { "/api/v1/me/library/tracks", parse_saved_tracks },
};

static void load_saved_list (FanfareClient *self,
                             guint          which);

static void
saved_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FanfareClient *self = FANFARE_CLIENT (object);
  guint which = GPOINTER_TO_UINT (user_data);
  guint changes = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "changes"));
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not load the saved items: %s", error->message);
      return;
    }

  /* A save or a removal made while the list was on its way may be missing
   * from it: the list is asked for again. */
  if (changes != self->saved_changes)
    load_saved_list (self, which);
  else
    fanfare_list_store_replace (which == 0 ? self->saved_albums : self->saved_tracks, items, G_MAXUINT);
}

static void
load_saved_list (FanfareClient *self,
                 guint          which)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", saved_lists[which].path, NULL);
  GTask *task = g_task_new (self, self->saved_cancellable, saved_loaded_cb, GUINT_TO_POINTER (which));

  g_object_set_data (G_OBJECT (task), "changes", GUINT_TO_POINTER (self->saved_changes));
  _fanfare_client_call (self, msg, saved_lists[which].parse, g_object_unref, task);
}

/* Reloads both lists; called when a user signs in. */
void
_fanfare_client_load_saved (FanfareClient *self)
{
  g_cancellable_cancel (self->saved_cancellable);
  g_clear_object (&self->saved_cancellable);
  if (self->user == NULL)
    {
      g_list_store_remove_all (self->saved_albums);
      g_list_store_remove_all (self->saved_tracks);
      return;
    }

  self->saved_cancellable = g_cancellable_new ();
  for (guint i = 0; i < G_N_ELEMENTS (saved_lists); i++)
    load_saved_list (self, i);
}

/**
 * fanfare_client_get_saved_albums:
 *
 * Returns: (transfer none) (element-type FanfareAlbum): the albums the user
 *   saved, the latest first; empty when signed out
 */
GListModel *
fanfare_client_get_saved_albums (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);

  return G_LIST_MODEL (self->saved_albums);
}

/**
 * fanfare_client_get_saved_tracks:
 *
 * Returns: (transfer none) (element-type FanfareTrack): the tracks the user
 *   saved, the latest first; empty when signed out
 */
GListModel *
fanfare_client_get_saved_tracks (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);

  return G_LIST_MODEL (self->saved_tracks);
}

/**
 * fanfare_client_get_saved:
 * @item: a #FanfareAlbum or #FanfareTrack of the platform
 *
 * Returns: whether @item is in the user's library
 */
gboolean
fanfare_client_get_saved (FanfareClient *self,
                          gpointer       item)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (FANFARE_IS_ALBUM (item) || FANFARE_IS_TRACK (item), FALSE);

  return find_saved (self, item, NULL);
}

static void
set_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FanfareClient *self = g_task_get_source_object (task);
  GObject *item = g_task_get_task_data (task);
  gboolean saved = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "saved"));
  GError *error = NULL;
  guint position;

  if (g_task_propagate_pointer (G_TASK (result), &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  self->saved_changes++;
  if (saved && !find_saved (self, item, NULL))
    g_list_store_insert (store_of (self, item), 0, item);
  else if (!saved && find_saved (self, item, &position))
    g_list_store_remove (store_of (self, item), position);

  g_task_return_pointer (task, GINT_TO_POINTER (TRUE), NULL);
}

/**
 * fanfare_client_set_saved_async:
 * @item: a #FanfareAlbum or #FanfareTrack of the platform
 * @saved: whether it is to be in the user's library
 *
 * Saves @item to the user's library, or takes it out.
 */
void
fanfare_client_set_saved_async (FanfareClient       *self,
                                gpointer             item,
                                gboolean             saved,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  GTask *task;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (FANFARE_IS_ALBUM (item) || FANFARE_IS_TRACK (item));

  task = _fanfare_client_task_new (self, fanfare_client_set_saved_async, cancellable, callback, user_data);
  g_task_set_task_data (task, g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (task), "saved", GINT_TO_POINTER (saved));

  id = _fanfare_client_escape (id_of (item));
  path = g_strconcat ("/api/v1/me/library/", collection_of (item), "/", id, NULL);
  msg = _fanfare_client_new_message (self, saved ? "PUT" : "DELETE", path, NULL);
  _fanfare_client_call (self, msg, NULL, NULL, g_task_new (self, cancellable, set_saved_cb, task));
}

gboolean
fanfare_client_set_saved_finish (FanfareClient *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _fanfare_client_propagate (self, result, fanfare_client_set_saved_async, error) != NULL;
}
