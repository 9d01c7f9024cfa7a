/* fanfare-navigate.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening the page of an album, an artist or a genre from anywhere in the
 * window: a list, a menu, the player bar. The page slides in over the
 * content and the back button returns. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-album-page.h"
#include "fanfare-application.h"
#include "fanfare-artist-page.h"
#include "fanfare-local-playlist-page.h"
#include "fanfare-navigate.h"
#include "fanfare-playlist-page.h"
#include "fanfare-profile-page.h"
#include "fanfare-track-list-page.h"
#include "fanfare-track-page.h"
#include "fanfare-utils.h"
#include "fanfare-window.h"

static FanfareWindow *
window_of (GtkWidget *from)
{
  GtkRoot *root = gtk_widget_get_root (from);

  return FANFARE_IS_WINDOW (root) ? FANFARE_WINDOW (root) : NULL;
}

static FanfareLibrary *
open_library_of (GtkWidget *from)
{
  FanfareWindow *window = window_of (from);
  GtkApplication *app = window != NULL ? gtk_window_get_application (GTK_WINDOW (window)) : NULL;
  FanfareLibrary *library;

  if (!FANFARE_IS_APPLICATION (app))
    return NULL;

  library = fanfare_application_get_library (FANFARE_APPLICATION (app));

  return library != NULL && fanfare_library_get_open (library) ? library : NULL;
}

static FanfareClient *
client_of (GtkWidget *from)
{
  FanfareWindow *window = window_of (from);
  GtkApplication *app = window != NULL ? gtk_window_get_application (GTK_WINDOW (window)) : NULL;

  return FANFARE_IS_APPLICATION (app) ? fanfare_application_get_client (FANFARE_APPLICATION (app)) : NULL;
}

static void
cancel_and_unref (gpointer  data)
{
  g_cancellable_cancel (data);
  g_object_unref (data);
}

/* The page's fetch ends with the page. */
static GCancellable *
page_cancellable (GtkWidget *page)
{
  GCancellable *cancellable = g_cancellable_new ();

  g_object_set_data_full (G_OBJECT (page), "fanfare-load", cancellable, cancel_and_unref);

  return cancellable;
}

static void
platform_album_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GListStore) store = user_data;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(GError) error = NULL;

  album = fanfare_client_get_album_finish (FANFARE_CLIENT (object), result, &tracks, &error);
  if (album != NULL)
    fanfare_list_store_replace (store, tracks, G_MAXUINT);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not open an album: %s", error->message);
}

static void
platform_artist_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWidget) page = user_data;
  GListStore *store = g_object_get_data (G_OBJECT (page), "albums");
  g_autoptr(FanfareArtist) artist = NULL;
  g_autoptr(GListModel) albums = NULL;
  g_autoptr(GError) error = NULL;

  artist = fanfare_client_get_artist_finish (FANFARE_CLIENT (object), result, &albums, &error);
  if (artist != NULL)
    {
      fanfare_list_store_replace (store, albums, G_MAXUINT);
      fanfare_artist_page_set_artist (FANFARE_ARTIST_PAGE (page), artist);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not open an artist: %s", error->message);
}

/* A platform album's page opens at once with what is known and fills in
 * its tracks when they arrive. */
static void
navigate_platform_album (GtkWidget    *from,
                         FanfareAlbum *album)
{
  FanfareClient *client = client_of (from);
  g_autoptr(GListStore) tracks = NULL;
  GtkWidget *page;

  if (client == NULL)
    return;

  tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  page = fanfare_album_page_new (album, G_LIST_MODEL (tracks));
  fanfare_client_get_album_async (client, fanfare_album_get_id (album), page_cancellable (page),
                                  platform_album_cb, g_object_ref (tracks));
  fanfare_navigate_push (from, page, fanfare_album_get_title (album));
}

static void
navigate_platform_artist (GtkWidget     *from,
                          FanfareArtist *artist)
{
  FanfareClient *client = client_of (from);
  g_autoptr(GListStore) albums = NULL;
  GtkWidget *page;

  if (client == NULL)
    return;

  albums = g_list_store_new (FANFARE_TYPE_ALBUM);
  page = fanfare_artist_page_new (artist, G_LIST_MODEL (albums));
  g_object_set_data_full (G_OBJECT (page), "albums", g_object_ref (albums), g_object_unref);
  fanfare_client_get_artist_async (client, fanfare_artist_get_id (artist), page_cancellable (page),
                                   platform_artist_cb, g_object_ref_sink (page));
  fanfare_navigate_push (from, page, fanfare_artist_get_name (artist));
}

/* The History page reads the plays a page at a time, the next one when
 * the user scrolls near the end of those shown. */
typedef struct {
  FanfareClient *client;
  GListStore    *tracks;
  GCancellable  *cancellable;
  char          *cursor;
  gboolean       loading;
  gboolean       complete;
} History;

#define HISTORY_PAGE_SIZE 50

static void
history_free (History *history)
{
  g_cancellable_cancel (history->cancellable);
  g_clear_object (&history->cancellable);
  g_clear_object (&history->client);
  g_clear_object (&history->tracks);
  g_free (history->cursor);
  g_free (history);
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  History *history = user_data;
  g_autoptr(GListModel) plays = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);
  char *next = NULL;

  plays = fanfare_client_list_page_finish (FANFARE_CLIENT (object), result, &next, &error);
  if (plays == NULL)
    {
      /* Cancelled: the page, and @history with it, are gone. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not read the history: %s", error->message);
      history->loading = FALSE;
      return;
    }

  history->loading = FALSE;
  g_free (history->cursor);
  history->cursor = next;
  history->complete = next == NULL;
  for (guint i = 0; i < g_list_model_get_n_items (plays); i++)
    {
      g_autoptr(FanfarePlay) play = g_list_model_get_item (plays, i);

      g_ptr_array_add (tracks, g_object_ref (fanfare_play_get_track (play)));
    }
  g_list_store_splice (history->tracks, g_list_model_get_n_items (G_LIST_MODEL (history->tracks)), 0,
                       tracks->pdata, tracks->len);
}

static void
history_more_cb (GtkWidget *page,
                 History   *history)
{
  if (history->loading || history->complete)
    return;
  history->loading = TRUE;
  fanfare_client_list_history_page_async (history->client, HISTORY_PAGE_SIZE, history->cursor, history->cancellable,
                                          history_cb, history);
}

/**
 * fanfare_navigate_history:
 * @from: a widget of the window
 *
 * Opens the tracks the user played on the platform, the latest first, a
 * page at a time as the user scrolls.
 */
void
fanfare_navigate_history (GtkWidget *from)
{
  FanfareClient *client = client_of (from);
  History *history;
  GtkWidget *page;

  g_return_if_fail (GTK_IS_WIDGET (from));

  if (client == NULL)
    return;

  history = g_new0 (History, 1);
  history->client = g_object_ref (client);
  history->tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  history->cancellable = g_cancellable_new ();
  page = fanfare_track_list_page_new (G_LIST_MODEL (history->tracks));
  gtk_widget_set_name (page, "history");
  g_object_set_data_full (G_OBJECT (page), "fanfare-history", history, (GDestroyNotify) history_free);
  g_signal_connect (page, "more-wanted", G_CALLBACK (history_more_cb), history);
  history_more_cb (page, history);
  fanfare_navigate_push (from, page, _("History"));
}

/**
 * fanfare_navigate_push:
 * @from: a widget of the window
 * @page: (transfer floating): the page to show
 * @title: (nullable): its title, for the header bar
 *
 * Slides @page in over the window's content.
 */
void
fanfare_navigate_push (GtkWidget  *from,
                       GtkWidget  *page,
                       const char *title)
{
  FanfareWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (GTK_IS_WIDGET (page));

  window = window_of (from);
  if (window == NULL)
    {
      g_object_ref_sink (page);
      g_object_unref (page);
      return;
    }

  fanfare_window_push_page (window, page, title);
}

/**
 * fanfare_navigate_album:
 * @from: a widget of the window
 * @album: the album to show
 *
 * Opens the page of @album.
 */
void
fanfare_navigate_album (GtkWidget    *from,
                        FanfareAlbum *album)
{
  g_autoptr(FanfareLibraryModel) tracks = NULL;
  FanfareLibrary *library;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_ALBUM (album));

  if (fanfare_album_get_source (album) == FANFARE_SOURCE_PLATFORM && fanfare_album_get_id (album) != NULL)
    {
      navigate_platform_album (from, album);
      return;
    }

  library = open_library_of (from);
  if (library == NULL || fanfare_album_get_source (album) != FANFARE_SOURCE_LOCAL ||
      fanfare_album_get_id (album) == NULL)
    return;

  tracks = fanfare_library_list_album_tracks (library, fanfare_album_get_id (album));
  fanfare_navigate_push (from, fanfare_album_page_new (album, G_LIST_MODEL (tracks)),
                         fanfare_album_get_title (album));
}

/**
 * fanfare_navigate_album_of_track:
 * @from: a widget of the window
 * @track: a track of the album to show
 *
 * Opens the page of @track's album.
 */
void
fanfare_navigate_album_of_track (GtkWidget    *from,
                                 FanfareTrack *track)
{
  g_autoptr(FanfareAlbum) album = NULL;
  const char *artist;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  if (fanfare_track_get_album_id (track) == NULL)
    return;

  artist = fanfare_track_get_album_artist (track);
  album = g_object_new (FANFARE_TYPE_ALBUM,
                        "id", fanfare_track_get_album_id (track),
                        "source", fanfare_track_get_source (track),
                        "title", fanfare_track_get_album (track),
                        "artist", artist != NULL ? artist : fanfare_track_get_artist (track),
                        "year", fanfare_track_get_year (track),
                        "cover-uri", fanfare_track_get_cover_uri (track),
                        NULL);
  fanfare_navigate_album (from, album);
}

/**
 * fanfare_navigate_artist:
 * @from: a widget of the window
 * @artist: the artist to show
 *
 * Opens the page of @artist.
 */
void
fanfare_navigate_artist (GtkWidget     *from,
                         FanfareArtist *artist)
{
  g_autoptr(FanfareLibraryModel) albums = NULL;
  FanfareLibrary *library;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_ARTIST (artist));

  if (fanfare_artist_get_source (artist) == FANFARE_SOURCE_PLATFORM && fanfare_artist_get_id (artist) != NULL)
    {
      navigate_platform_artist (from, artist);
      return;
    }

  library = open_library_of (from);
  if (library == NULL || fanfare_artist_get_source (artist) != FANFARE_SOURCE_LOCAL ||
      fanfare_artist_get_id (artist) == NULL)
    return;

  albums = fanfare_library_list_artist_albums (library, fanfare_artist_get_id (artist));
  fanfare_navigate_push (from, fanfare_artist_page_new (artist, G_LIST_MODEL (albums)),
                         fanfare_artist_get_name (artist));
}

/**
 * fanfare_navigate_artist_of_track:
 * @from: a widget of the window
 * @track: a track of the artist to show
 *
 * Opens the page of @track's artist.
 */
void
fanfare_navigate_artist_of_track (GtkWidget    *from,
                                  FanfareTrack *track)
{
  g_autoptr(FanfareArtist) artist = NULL;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  if (fanfare_track_get_artist_id (track) == NULL)
    return;

  artist = g_object_new (FANFARE_TYPE_ARTIST,
                         "id", fanfare_track_get_artist_id (track),
                         "source", fanfare_track_get_source (track),
                         "name", fanfare_track_get_artist (track),
                         NULL);
  fanfare_navigate_artist (from, artist);
}

/**
 * fanfare_navigate_genre:
 * @from: a widget of the window
 * @genre: the genre to show
 *
 * Opens the list of @genre's tracks.
 */
void
fanfare_navigate_genre (GtkWidget    *from,
                        FanfareGenre *genre)
{
  g_autoptr(FanfareLibraryModel) tracks = NULL;
  FanfareLibrary *library;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_GENRE (genre));

  library = open_library_of (from);
  if (library == NULL || fanfare_genre_get_id (genre) == NULL)
    return;

  tracks = fanfare_library_list_genre_tracks (library, fanfare_genre_get_id (genre));
  fanfare_navigate_push (from, fanfare_track_list_page_new (G_LIST_MODEL (tracks)),
                         fanfare_genre_get_name (genre));
}

/**
 * fanfare_navigate_track:
 * @from: the widget the user acted on
 * @track: a track of the platform
 *
 * Opens the page of @track.
 */
void
fanfare_navigate_track (GtkWidget    *from,
                        FanfareTrack *track)
{
  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_TRACK (track));

  fanfare_navigate_push (from, fanfare_track_page_new (track), fanfare_track_get_title (track));
}

/**
 * fanfare_navigate_playlist:
 * @playlist_id: a playlist of the platform
 *
 * Opens the page of a playlist, which loads it.
 */
void
fanfare_navigate_playlist (GtkWidget  *from,
                           const char *playlist_id)
{
  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (playlist_id != NULL);

  fanfare_navigate_push (from, fanfare_playlist_page_new (playlist_id), _("Playlist"));
}

/**
 * fanfare_navigate_local_playlist:
 * @playlist_id: a playlist kept on this computer
 *
 * Opens the page of a playlist of this computer.
 */
void
fanfare_navigate_local_playlist (GtkWidget *from,
                                 gint64     playlist_id)
{
  GApplication *app = g_application_get_default ();

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (FANFARE_IS_APPLICATION (app));

  fanfare_navigate_push (from, fanfare_local_playlist_page_new (fanfare_application_get_library (FANFARE_APPLICATION (app)),
                                                                playlist_id),
                         _("Playlist"));
}

/**
 * fanfare_navigate_profile:
 * @username: a person of the platform
 *
 * Opens the profile of @username, which loads it.
 */
void
fanfare_navigate_profile (GtkWidget  *from,
                          const char *username)
{
  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (username != NULL);

  fanfare_navigate_push (from, fanfare_profile_page_new (username), _("Profile"));
}

static void
play_album_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWidget) from = user_data;
  g_autoptr(GListModel) tracks = NULL;
  g_autoptr(FanfareAlbum) album = NULL;
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  album = fanfare_client_get_album_finish (FANFARE_CLIENT (object), result, &tracks, &error);
  if (album == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fanfare_window_toast_from (from, error->message);
      return;
    }

  if (FANFARE_IS_APPLICATION (app))
    fanfare_application_play_list (FANFARE_APPLICATION (app), tracks, NULL, FANFARE_PLAY_NOW);
}

/**
 * fanfare_play_album:
 * @from: a widget of the window, where a failure is told
 * @album_id: an album of the platform
 *
 * Reads the album's tracks and plays them from the first.
 */
void
fanfare_play_album (GtkWidget    *from,
                    const char   *album_id,
                    GCancellable *cancellable)
{
  FanfareClient *client = client_of (from);

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (album_id != NULL);

  if (client != NULL)
    fanfare_client_get_album_async (client, album_id, cancellable, play_album_cb, g_object_ref (from));
}
