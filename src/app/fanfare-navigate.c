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
#include "fanfare-navigate.h"
#include "fanfare-track-list-page.h"
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
