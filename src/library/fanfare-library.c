/* fanfare-library.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The local library as the application sees it: which folders it holds,
 * the scanner that keeps the index up to date with them, the monitors that
 * notice changes after a scan, the problems the scans met, and the lists
 * the UI shows. README.md in this folder describes the parts and threads. */

#include "config.h"

#include "fanfare-library-db.h"
#include "fanfare-library-model-private.h"
#include "fanfare-library-monitor.h"
#include "fanfare-library-private.h"
#include "fanfare-library.h"

G_DEFINE_FINAL_TYPE (FanfareLibrary, fanfare_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCANNER,
  PROP_PROBLEMS,
  PROP_WATCHING,
  PROP_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fanfare_library_dispose (GObject *object)
{
  FanfareLibrary *self = FANFARE_LIBRARY (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fanfare_library_parent_class)->dispose (object);
}

static void
fanfare_library_finalize (GObject *object)
{
  FanfareLibrary *self = FANFARE_LIBRARY (object);

  g_clear_object (&self->scanner);
  g_clear_object (&self->problems);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->db, fanfare_library_db_unref);
  g_clear_pointer (&self->folders, g_strfreev);
  g_free (self->db_path);
  g_free (self->cover_dir);

  G_OBJECT_CLASS (fanfare_library_parent_class)->finalize (object);
}

static void
fanfare_library_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FanfareLibrary *self = FANFARE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_SCANNER:
      g_value_set_object (value, self->scanner);
      break;

    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;

    case PROP_WATCHING:
      g_value_set_boolean (value, fanfare_library_get_watching (self));
      break;

    case PROP_OPEN:
      g_value_set_boolean (value, fanfare_library_get_open (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_library_class_init (FanfareLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fanfare_library_dispose;
  object_class->finalize = fanfare_library_finalize;
  object_class->get_property = fanfare_library_get_property;

  properties[PROP_SCANNER] = g_param_spec_object ("scanner", NULL, NULL,
                                                  FANFARE_TYPE_LIBRARY_SCANNER, flags);
  properties[PROP_PROBLEMS] = g_param_spec_object ("problems", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_WATCHING] = g_param_spec_boolean ("watching", NULL, NULL, FALSE, flags);

  /**
   * FanfareLibrary:open:
   *
   * Whether the index is open, so that lists can be made.
   */
  properties[PROP_OPEN] = g_param_spec_boolean ("open", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fanfare_library_init (FanfareLibrary *self)
{
  self->cancellable = g_cancellable_new ();
  self->problems = g_list_store_new (FANFARE_TYPE_LIBRARY_PROBLEM);
  self->monitor = fanfare_library_monitor_new ();
}

/**
 * fanfare_library_new:
 * @settings: (nullable): the application's settings, for the folders
 *
 * Returns: (transfer full): the library with its index in
 *   `$XDG_DATA_HOME/fanfare/library.db` and its covers in
 *   `$XDG_CACHE_HOME/fanfare/covers`
 */
FanfareLibrary *
fanfare_library_new (GSettings *settings)
{
  g_autofree char *db_path = fanfare_library_db_default_path ();
  g_autofree char *cover_dir = fanfare_cover_cache_default_dir ();

  return fanfare_library_new_full (db_path, cover_dir, settings);
}

/**
 * fanfare_library_new_full:
 * @db_path: the index's file
 * @cover_dir: the cover cache's folder
 * @settings: (nullable): the application's settings, for the folders
 *
 * Returns: (transfer full): a new library; open it before listing anything
 */
FanfareLibrary *
fanfare_library_new_full (const char *db_path,
                          const char *cover_dir,
                          GSettings  *settings)
{
  FanfareLibrary *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (cover_dir != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FANFARE_TYPE_LIBRARY, NULL);
  self->db_path = g_strdup (db_path);
  self->cover_dir = g_strdup (cover_dir);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->scanner = fanfare_library_scanner_new (db_path, cover_dir);
  self->folders = _fanfare_library_read_folders (self->settings);

  _fanfare_library_connect (self);

  return self;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FanfareLibrary *self = source_object;
  GError *error = NULL;
  FanfareLibraryDb *db = fanfare_library_db_open (self->db_path, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, (GDestroyNotify) fanfare_library_db_unref);
}

/**
 * fanfare_library_open_async:
 * @self: a #FanfareLibrary
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the index is open
 * @user_data: data for @callback
 *
 * Opens the index, making it or bringing its schema up to date, in a worker
 * thread. The lists can be made once it is open; scanning is separate.
 */
void
fanfare_library_open_async (FanfareLibrary      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FANFARE_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fanfare_library_open_async);
  g_task_run_in_thread (task, open_thread);
}

gboolean
fanfare_library_open_finish (FanfareLibrary *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  FanfareLibraryDb *db;

  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  db = g_task_propagate_pointer (G_TASK (result), error);
  if (db == NULL)
    return FALSE;

  g_clear_pointer (&self->db, fanfare_library_db_unref);
  self->db = db;
  _fanfare_library_reload_problems (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN]);

  return TRUE;
}

/**
 * fanfare_library_get_open:
 * @self: a #FanfareLibrary
 *
 * Returns: whether fanfare_library_open_async() has opened the index
 */
gboolean
fanfare_library_get_open (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), FALSE);

  return self->db != NULL;
}

/**
 * fanfare_library_get_db:
 *
 * The main thread's connection to the index, for the small reads and
 * writes of the UI such as those of local playlists.
 *
 * Returns: (transfer none) (nullable): the connection, or %NULL until the
 *   index is open
 */
FanfareLibraryDb *
fanfare_library_get_db (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return self->db;
}

FanfareLibraryScanner *
fanfare_library_get_scanner (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return self->scanner;
}

/**
 * fanfare_library_get_problems:
 * @self: a #FanfareLibrary
 *
 * Returns: (transfer none): the list of #FanfareLibraryProblem the scans
 *   met, sorted by path, updated as scans go
 */
GListModel *
fanfare_library_get_problems (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->problems);
}

/**
 * fanfare_library_get_watching:
 * @self: a #FanfareLibrary
 *
 * Returns: whether file monitors watch the library's folders, which they do
 *   after the first scan
 */
gboolean
fanfare_library_get_watching (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), FALSE);

  return self->monitor != NULL && fanfare_library_monitor_get_n_folders (self->monitor) > 0;
}

static FanfareLibraryModel *
list_sorted (FanfareLibrary          *self,
             FanfareLibraryQueryKind  kind,
             const char              *filter_id,
             FanfareLibrarySort       sort,
             gboolean                 descending)
{
  FanfareLibraryQuery query = { kind, 0, sort, !!descending, NULL };
  FanfareLibraryModel *model;

  g_return_val_if_fail (self->db != NULL, NULL);

  if (filter_id != NULL)
    query.filter_id = g_ascii_strtoll (filter_id, NULL, 10);

  model = _fanfare_library_model_new (self->db, self->cover_dir, &query);
  g_signal_connect_object (self->scanner, "index-changed",
                           G_CALLBACK (fanfare_library_model_refresh), model, G_CONNECT_SWAPPED);

  return model;
}

static FanfareLibraryModel *
list (FanfareLibrary          *self,
      FanfareLibraryQueryKind  kind,
      const char              *filter_id)
{
  return list_sorted (self, kind, filter_id, FANFARE_LIBRARY_SORT_TITLE, FALSE);
}

/**
 * fanfare_library_list_songs:
 * @self: an open #FanfareLibrary
 * @sort: the column to sort by
 * @descending: whether to sort in descending order
 *
 * Returns: (transfer full): every track, as #FanfareTrack items
 */
FanfareLibraryModel *
fanfare_library_list_songs (FanfareLibrary     *self,
                            FanfareLibrarySort  sort,
                            gboolean            descending)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  /* Sorted from the start: the first read is the one shown. */
  return list_sorted (self, FANFARE_LIBRARY_QUERY_SONGS, NULL, sort, descending);
}

/**
 * fanfare_library_list_albums:
 * @self: an open #FanfareLibrary
 *
 * Returns: (transfer full): the albums by title, as #FanfareAlbum items
 */
FanfareLibraryModel *
fanfare_library_list_albums (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return list (self, FANFARE_LIBRARY_QUERY_ALBUMS, NULL);
}

/**
 * fanfare_library_list_artists:
 * @self: an open #FanfareLibrary
 *
 * Returns: (transfer full): the artists by name, as #FanfareArtist items
 */
FanfareLibraryModel *
fanfare_library_list_artists (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return list (self, FANFARE_LIBRARY_QUERY_ARTISTS, NULL);
}

/**
 * fanfare_library_list_genres:
 * @self: an open #FanfareLibrary
 *
 * Returns: (transfer full): the genres by name, as #FanfareGenre items
 */
FanfareLibraryModel *
fanfare_library_list_genres (FanfareLibrary *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  return list (self, FANFARE_LIBRARY_QUERY_GENRES, NULL);
}

/**
 * fanfare_library_list_album_tracks:
 * @self: an open #FanfareLibrary
 * @album_id: the id of a local #FanfareAlbum
 *
 * Returns: (transfer full): the album's tracks by disc and number
 */
FanfareLibraryModel *
fanfare_library_list_album_tracks (FanfareLibrary *self,
                                   const char     *album_id)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (album_id != NULL, NULL);

  return list (self, FANFARE_LIBRARY_QUERY_ALBUM_TRACKS, album_id);
}

/**
 * fanfare_library_list_artist_albums:
 * @self: an open #FanfareLibrary
 * @artist_id: the id of a local #FanfareArtist
 *
 * Returns: (transfer full): the albums of the artist, or with tracks of the
 *   artist, by year
 */
FanfareLibraryModel *
fanfare_library_list_artist_albums (FanfareLibrary *self,
                                    const char     *artist_id)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (artist_id != NULL, NULL);

  return list (self, FANFARE_LIBRARY_QUERY_ARTIST_ALBUMS, artist_id);
}

/**
 * fanfare_library_list_artist_tracks:
 * @self: an open #FanfareLibrary
 * @artist_id: the id of a local #FanfareArtist
 *
 * Returns: (transfer full): the tracks of the artist and of the artist's
 *   albums, album by album, by year
 */
FanfareLibraryModel *
fanfare_library_list_artist_tracks (FanfareLibrary *self,
                                    const char     *artist_id)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (artist_id != NULL, NULL);

  return list (self, FANFARE_LIBRARY_QUERY_ARTIST_TRACKS, artist_id);
}

/**
 * fanfare_library_list_genre_tracks:
 * @self: an open #FanfareLibrary
 * @genre_id: the id of a local #FanfareGenre
 *
 * Returns: (transfer full): the tracks of the genre by artist and album
 */
FanfareLibraryModel *
fanfare_library_list_genre_tracks (FanfareLibrary *self,
                                   const char     *genre_id)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (genre_id != NULL, NULL);

  return list (self, FANFARE_LIBRARY_QUERY_GENRE_TRACKS, genre_id);
}

/**
 * fanfare_library_search:
 * @self: an open #FanfareLibrary
 * @text: (nullable): what the user typed
 *
 * Every word of @text is looked for anywhere in the title, artist and
 * album, ignoring case and diacritics; Chinese is found by substring.
 * fanfare_library_model_set_search() searches again as the user types.
 *
 * Returns: (transfer full): the tracks found, by title
 */
FanfareLibraryModel *
fanfare_library_search (FanfareLibrary *self,
                        const char     *text)
{
  FanfareLibraryModel *model;

  g_return_val_if_fail (FANFARE_IS_LIBRARY (self), NULL);

  model = list (self, FANFARE_LIBRARY_QUERY_SEARCH, NULL);
  fanfare_library_model_set_search (model, text);

  return model;
}

/**
 * fanfare_library_cover_uri_at_size:
 * @cover_uri: (nullable): the cover-uri of a track, album or artist
 * @size: 64, 192 or 512, the sizes the cache keeps
 *
 * Returns: (transfer full) (nullable): the URI of the same cover at @size
 *   when it is one of the library's, or else @cover_uri itself
 */
char *
fanfare_library_cover_uri_at_size (const char *cover_uri,
                                   guint       size)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *size_dir = NULL;
  g_autofree char *size_name = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *resized = NULL;

  g_return_val_if_fail (size == FANFARE_COVER_SIZE_SMALL || size == FANFARE_COVER_SIZE_MEDIUM ||
                        size == FANFARE_COVER_SIZE_LARGE, NULL);

  if (cover_uri == NULL || (path = g_filename_from_uri (cover_uri, NULL, NULL)) == NULL)
    return g_strdup (cover_uri);

  name = g_path_get_basename (path);
  size_dir = g_path_get_dirname (path);
  size_name = g_path_get_basename (size_dir);
  if (g_strcmp0 (size_name, G_STRINGIFY (FANFARE_COVER_SIZE_SMALL)) != 0 &&
      g_strcmp0 (size_name, G_STRINGIFY (FANFARE_COVER_SIZE_MEDIUM)) != 0 &&
      g_strcmp0 (size_name, G_STRINGIFY (FANFARE_COVER_SIZE_LARGE)) != 0)
    return g_strdup (cover_uri);

  cache_dir = g_path_get_dirname (size_dir);
  resized = g_strdup_printf ("%s/%u/%s", cache_dir, size, name);

  return g_filename_to_uri (resized, NULL, NULL);
}
