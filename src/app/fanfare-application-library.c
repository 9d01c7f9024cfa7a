/* fanfare-application-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application and the local library: the library opens and catches up
 * with the folders in the background at start-up, and the pages ask here to
 * play what the user picked, so that every list plays the same way. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-application-private.h"
#include "fanfare-window.h"

/* A list played whole is cut here: a queue of more tracks than anyone
 * listens to in a week only costs memory. */
#define MAX_PLAYED_TRACKS 5000

static void
fingerprinted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!fanfare_local_fingerprints_update_finish (FANFARE_LOCAL_FINGERPRINTS (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The library's fingerprints were not updated: %s", error->message);
}

static void
fingerprint_songs_loaded_cb (FanfareApplication *self)
{
  g_autoptr(GListModel) songs = NULL;

  if (fanfare_library_model_get_loading (FANFARE_LIBRARY_MODEL (self->fingerprint_songs)))
    return;

  songs = g_steal_pointer (&self->fingerprint_songs);
  g_signal_handlers_disconnect_by_data (songs, self);
  fanfare_local_fingerprints_update_async (self->fingerprints, songs, self->cancellable, fingerprinted_cb, NULL);
}

/* After each scan, the songs the local index lacks are fingerprinted, so
 * that Identify can name them offline. */
static void
fingerprint_library (FanfareApplication *self)
{
  if (self->fingerprint_songs != NULL)
    return;

  self->fingerprint_songs = G_LIST_MODEL (fanfare_library_list_songs (self->library, FANFARE_LIBRARY_SORT_TITLE, FALSE));
  g_signal_connect_object (self->fingerprint_songs, "notify::loading", G_CALLBACK (fingerprint_songs_loaded_cb),
                           self, G_CONNECT_SWAPPED);
  fingerprint_songs_loaded_cb (self);
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FanfareApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (fanfare_library_scan_finish (FANFARE_LIBRARY (object), result, &error))
    {
      fingerprint_library (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, FANFARE_LIBRARY_ERROR, FANFARE_LIBRARY_ERROR_NO_FOLDER))
    {
      g_debug ("Library not scanned: %s", error->message);
      return;
    }

  g_warning ("Could not scan the library: %s", error->message);
  _fanfare_application_toast (self, _("Could not look for new music in your folders"));
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FanfareApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fanfare_library_open_finish (FANFARE_LIBRARY (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not open the library: %s", error->message);
          _fanfare_application_toast (self, _("Your library could not be opened"));
        }
      return;
    }

  /* A first scan, or a quick look at what changed since the last run. */
  fanfare_library_scan_async (self->library, self->cancellable, scanned_cb, g_object_ref (self));
}

void
_fanfare_application_library_startup (FanfareApplication *self)
{
  g_autofree char *fingerprints = fanfare_local_fingerprints_dup_default_path ();

  self->library = fanfare_library_new (self->settings);
  self->fingerprints = fanfare_local_fingerprints_new (fingerprints);
  g_signal_connect_object (fanfare_library_get_scanner (self->library), "index-changed",
                           G_CALLBACK (fingerprint_library), self, G_CONNECT_SWAPPED);
  fanfare_library_open_async (self->library, self->cancellable, opened_cb, g_object_ref (self));
}

void
_fanfare_application_library_shutdown (FanfareApplication *self)
{
  if (self->fingerprint_songs != NULL)
    g_signal_handlers_disconnect_by_data (self->fingerprint_songs, self);
  g_clear_object (&self->fingerprint_songs);
  g_clear_object (&self->fingerprints);
  g_clear_object (&self->library);
}

/**
 * fanfare_application_get_local_fingerprints:
 *
 * Returns: (transfer none) (nullable): fingerprints of the user's own music
 */
FanfareLocalFingerprints *
fanfare_application_get_local_fingerprints (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), NULL);

  return self->fingerprints;
}

/**
 * fanfare_application_get_library:
 * @self: a #FanfareApplication
 *
 * Returns: (transfer none) (nullable): the local library, once the
 *   application has started
 */
FanfareLibrary *
fanfare_application_get_library (FanfareApplication *self)
{
  g_return_val_if_fail (FANFARE_IS_APPLICATION (self), NULL);

  return self->library;
}

typedef struct {
  FanfareApplication *self;
  FanfareTrack       *track;       /* the track to start with, or NULL */
  FanfarePlayMode     mode;
  gulong              handler;
} PlayList;

static void
play_list_free (PlayList *play)
{
  g_object_unref (play->self);
  g_clear_object (&play->track);
  g_free (play);
}

static GPtrArray *
collect_tracks (GListModel *tracks)
{
  guint n = MIN (g_list_model_get_n_items (tracks), MAX_PLAYED_TRACKS);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (tracks, i);

      if (FANFARE_IS_TRACK (item))
        g_ptr_array_add (array, g_steal_pointer (&item));
    }

  return array;
}

static guint
find_track (GPtrArray    *tracks,
            FanfareTrack *track)
{
  for (guint i = 0; track != NULL && i < tracks->len; i++)
    if (g_strcmp0 (fanfare_track_get_id (tracks->pdata[i]), fanfare_track_get_id (track)) == 0)
      return i;

  return 0;
}

static void
play_now (FanfareApplication *self,
          GPtrArray          *tracks,
          FanfareTrack       *first,
          FanfarePlayMode     mode)
{
  FanfarePlayQueue *queue = fanfare_player_get_queue (self->player);
  g_autofree char *message = NULL;
  guint start;

  if (tracks->len == 0)
    {
      _fanfare_application_toast (self, _("There is nothing to play here"));
      return;
    }

  switch (mode)
    {
    case FANFARE_PLAY_NEXT:
      fanfare_play_queue_insert_next (queue, tracks);
      message = g_strdup_printf (ngettext ("%u track will play next", "%u tracks will play next",
                                           tracks->len), tracks->len);
      _fanfare_application_toast (self, message);
      break;

    case FANFARE_PLAY_LAST:
      fanfare_play_queue_append (queue, tracks);
      message = g_strdup_printf (ngettext ("%u track added to the queue", "%u tracks added to the queue",
                                           tracks->len), tracks->len);
      _fanfare_application_toast (self, message);
      break;

    case FANFARE_PLAY_SHUFFLED:
      fanfare_player_play_tracks (self->player, tracks, g_random_int_range (0, tracks->len));
      fanfare_play_queue_set_shuffle (queue, TRUE);
      break;

    case FANFARE_PLAY_NOW:
    default:
      start = find_track (tracks, first);
      fanfare_player_play_tracks (self->player, tracks, start);
      if (fanfare_play_queue_get_shuffle (queue))
        fanfare_play_queue_set_shuffle (queue, FALSE);
      break;
    }
}

static void
list_loaded (PlayList   *play,
             GListModel *tracks)
{
  g_autoptr(GPtrArray) array = collect_tracks (tracks);

  play_now (play->self, array, play->track, play->mode);
}

static void
list_loading_cb (GListModel *tracks,
                 GParamSpec *pspec,
                 PlayList   *play)
{
  if (fanfare_library_model_get_loading (FANFARE_LIBRARY_MODEL (tracks)))
    return;

  g_clear_signal_handler (&play->handler, tracks);
  list_loaded (play, tracks);
  play_list_free (play);
  g_object_unref (tracks);
}

/**
 * fanfare_application_play_list:
 * @self: a #FanfareApplication
 * @tracks: a list of #FanfareTrack, which may still be loading
 * @first: (nullable): the track to start with, for %FANFARE_PLAY_NOW
 * @mode: what to do with the queue
 *
 * Plays @tracks, or queues them, once they have loaded.
 */
void
fanfare_application_play_list (FanfareApplication *self,
                               GListModel         *tracks,
                               FanfareTrack       *first,
                               FanfarePlayMode     mode)
{
  PlayList *play;

  g_return_if_fail (FANFARE_IS_APPLICATION (self));
  g_return_if_fail (G_IS_LIST_MODEL (tracks));
  g_return_if_fail (first == NULL || FANFARE_IS_TRACK (first));

  play = g_new0 (PlayList, 1);
  play->self = g_object_ref (self);
  play->track = first != NULL ? g_object_ref (first) : NULL;
  play->mode = mode;

  if (FANFARE_IS_LIBRARY_MODEL (tracks) && fanfare_library_model_get_loading (FANFARE_LIBRARY_MODEL (tracks)))
    {
      play->handler = g_signal_connect (g_object_ref (tracks), "notify::loading",
                                        G_CALLBACK (list_loading_cb), play);
      return;
    }

  list_loaded (play, tracks);
  play_list_free (play);
}

/**
 * fanfare_application_play_track:
 * @self: a #FanfareApplication
 * @track: the track the user picked
 * @mode: what to do with the queue
 *
 * Plays @track's album from @track on, as a listener expects of a track
 * picked from any list; a track without an album, or from outside the
 * library, is played alone. Queued, the track goes alone.
 */
void
fanfare_application_play_track (FanfareApplication *self,
                                FanfareTrack       *track,
                                FanfarePlayMode     mode)
{
  g_autoptr(GPtrArray) array = NULL;
  const char *album_id;

  g_return_if_fail (FANFARE_IS_APPLICATION (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  album_id = fanfare_track_get_album_id (track);
  if (mode == FANFARE_PLAY_NOW && album_id != NULL &&
      fanfare_track_get_source (track) == FANFARE_SOURCE_LOCAL &&
      self->library != NULL && fanfare_library_get_open (self->library))
    {
      g_autoptr(FanfareLibraryModel) album = fanfare_library_list_album_tracks (self->library, album_id);

      fanfare_application_play_list (self, G_LIST_MODEL (album), track, mode);
      return;
    }

  array = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (array, g_object_ref (track));
  play_now (self, array, track, mode);
}
