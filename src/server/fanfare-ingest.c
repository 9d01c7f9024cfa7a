/* fanfare-ingest.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Imports a folder of tagged audio as an artist's albums: files are read
 * in parallel, grouped by their album tag (or their folder), copied into
 * the media store and written as one album each, cover included, and
 * their fingerprints are merged into the catalog's at the end. A file
 * that cannot be read is skipped and said so; the rest still arrive. */

#include "config.h"

#include <string.h>

#include "fanfare-account-store.h"
#include "fanfare-error.h"
#include "fanfare-images.h"
#include "fanfare-ingest.h"
#include "fanfare-user.h"

static const char * const cover_names[] = {
  "cover.jpg", "cover.jpeg", "cover.png", "folder.jpg", "folder.png", "front.jpg", "front.png",
};

typedef struct {
  const char        *path;
  FanfareIngestFile *file;
  GError            *error;
} Job;

/* Pictures are covers: they go with their album, not on their own. */
static gboolean
is_picture (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg") || g_str_has_suffix (lower, ".png");
}

static void
collect_files (const char *folder,
               GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (name[0] == '.' || is_picture (name))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        collect_files (path, paths);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static gint
compare_paths (gconstpointer  a,
               gconstpointer  b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
read_job (gpointer  data,
          gpointer  user_data)
{
  Job *job = data;
  GAsyncQueue *done = user_data;

  job->file = fanfare_ingest_read_file (job->path, &job->error);
  g_async_queue_push (done, job);
}

/* Reads every file with as many threads as there are processors. */
static Job *
read_all (GPtrArray *paths)
{
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  Job *jobs = g_new0 (Job, paths->len);
  GThreadPool *pool;

  pool = g_thread_pool_new (read_job, done, g_get_num_processors (), FALSE, NULL);
  for (guint i = 0; i < paths->len; i++)
    {
      jobs[i].path = g_ptr_array_index (paths, i);
      g_thread_pool_push (pool, &jobs[i], NULL);
    }
  for (guint i = 0; i < paths->len; i++)
    g_async_queue_pop (done);
  g_thread_pool_free (pool, FALSE, TRUE);

  return jobs;
}

static gint
compare_tracks (gconstpointer  a,
                gconstpointer  b)
{
  const FanfareIngestFile *first = *(FanfareIngestFile **) a;
  const FanfareIngestFile *second = *(FanfareIngestFile **) b;

  if (first->disc_number != second->disc_number)
    return first->disc_number < second->disc_number ? -1 : 1;
  if (first->track_number != second->track_number)
    return first->track_number < second->track_number ? -1 : 1;

  return strcmp (first->path, second->path);
}

static char *
album_title_of (FanfareIngestFile *file)
{
  g_autofree char *folder = NULL;

  if (file->album != NULL)
    return g_strdup (file->album);

  folder = g_path_get_dirname (file->path);

  return g_path_get_basename (folder);
}

static GBytes *
folder_cover (const char *folder)
{
  for (guint i = 0; i < G_N_ELEMENTS (cover_names); i++)
    {
      g_autofree char *path = g_build_filename (folder, cover_names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        return g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  return NULL;
}

static char *
store_cover (FanfareMediaStore *media,
             GPtrArray         *files)
{
  g_autoptr(GBytes) image = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  char *image_id;

  for (guint i = 0; i < files->len && image == NULL; i++)
    {
      FanfareIngestFile *file = g_ptr_array_index (files, i);

      if (file->image != NULL)
        image = g_bytes_ref (file->image);
    }

  folder = g_path_get_dirname (((FanfareIngestFile *) g_ptr_array_index (files, 0))->path);
  if (image == NULL && (image = folder_cover (folder)) == NULL)
    return NULL;

  /* A cover that cannot be read leaves the album without one. */
  image_id = fanfare_images_add_bytes (media, image, &error);
  if (image_id == NULL)
    g_printerr ("fanfare-server: no cover for the album in %s: %s\n", folder, error->message);

  return image_id;
}

/**
 * fanfare_ingest_store_media:
 * @stream_hash: (out): the Ogg Opus encoding listeners stream
 * @original_hash: (out): the file as it arrived, for downloads
 *
 * Copies both of @file's forms into the media store.
 */
gboolean
fanfare_ingest_store_media (FanfareMediaStore *media,
                            FanfareIngestFile *file,
                            char             **stream_hash,
                            char             **original_hash,
                            GError           **error)
{
  g_autofree char *stream = NULL;
  g_autofree char *original = NULL;

  if ((original = fanfare_media_store_add_file (media, file->path, file->content_type, error)) == NULL ||
      (stream = fanfare_media_store_add_file (media, file->stream_path, "audio/ogg", error)) == NULL)
    return FALSE;

  *stream_hash = g_steal_pointer (&stream);
  *original_hash = g_steal_pointer (&original);

  return TRUE;
}

/**
 * fanfare_ingest_track_draft:
 * @position: the track's place in its album, from 0, when its tags give none
 *
 * Returns: the track @file holds, borrowing its strings and the hashes
 */
FanfareTrackDraft
fanfare_ingest_track_draft (const FanfareIngestFile *file,
                            guint                    position,
                            const char              *stream_hash,
                            const char              *original_hash)
{
  return (FanfareTrackDraft) {
           .title = file->title,
           .kind = file->kind,
           .disc_number = MAX (file->disc_number, 1),
           .track_number = file->track_number != 0 ? file->track_number : position + 1,
           .genre = file->genre,
           .duration_ms = file->duration_ms,
           .replaygain_gain = file->gain,
           .replaygain_peak = file->peak,
           .media_hash = stream_hash,
           .original_hash = original_hash,
           .waveform = file->waveform,
           .chapters = (FanfareChapterDraft *) file->chapters->data,
           .n_chapters = file->chapters->len,
  };
}

/* Stores one album: its media, its cover, then its rows in one go. */
static gboolean
store_album (FanfareDatabase   *db,
             FanfareMediaStore *media,
             gint64             artist_id,
             const char        *title,
             GPtrArray         *files,
             gboolean           published,
             GPtrArray         *prints,
             GError           **error)
{
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autofree FanfareTrackDraft * tracks = g_new0 (FanfareTrackDraft, files->len);
  g_autofree char *cover_id = NULL;
  g_autoptr(GArray) track_ids = NULL;
  FanfareAlbumDraft album = { .artist_id = artist_id, .title = title, .published = published };
  gint64 album_id;

  g_ptr_array_sort (files, compare_tracks);

  for (guint i = 0; i < files->len; i++)
    {
      FanfareIngestFile *file = g_ptr_array_index (files, i);
      char *stream_hash, *original_hash;

      if (!fanfare_ingest_store_media (media, file, &stream_hash, &original_hash, error))
        return FALSE;
      g_ptr_array_add (hashes, stream_hash);
      g_ptr_array_add (hashes, original_hash);

      album.genre = album.genre != NULL ? album.genre : file->genre;
      album.release_date = album.release_date != NULL ? album.release_date : file->release_date;
      tracks[i] = fanfare_ingest_track_draft (file, i, stream_hash, original_hash);
    }

  cover_id = store_cover (media, files);
  album.cover_id = cover_id;

  if ((album_id = fanfare_catalog_store_add_album (db, &album, tracks, files->len, error)) == 0 ||
      (track_ids = fanfare_catalog_store_list_album_track_ids (db, album_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < files->len && i < track_ids->len; i++)
    {
      FanfareIngestFile *file = g_ptr_array_index (files, i);

      file->fingerprint->track_id = g_array_index (track_ids, gint64, i);
      g_ptr_array_add (prints, g_steal_pointer (&file->fingerprint));
    }

  return TRUE;
}

/**
 * fanfare_ingest_prepare_artist:
 *
 * Makes a listener an artist, so that they own an artist profile.
 *
 * Returns: the artist profile of @username, or 0 with @error set
 */
gint64
fanfare_ingest_prepare_artist (FanfareDatabase *db,
                               const char      *username,
                               GError         **error)
{
  g_autoptr(FanfareUser) user = fanfare_account_store_find_user (db, username, error);
  gint64 artist_id = 0;

  if (user == NULL)
    {
      g_prefix_error (error, "No user “%s”: ", username);
      return 0;
    }

  if (fanfare_user_get_role (user) == FANFARE_USER_ROLE_ADMIN)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "“%s” is an admin; music belongs to an artist account", username);
      return 0;
    }

  if (!fanfare_account_store_set_role (db, g_ascii_strtoll (fanfare_user_get_id (user), NULL, 10),
                                       FANFARE_USER_ROLE_ARTIST, &artist_id, error))
    return 0;

  return artist_id;
}

/**
 * fanfare_ingest_import_folder:
 * @fingerprints: the catalog's fingerprints, which the tracks join
 * @username: the artist account the albums belong to
 * @published: whether listeners see them at once
 * @report: (out caller-allocates): what was imported and skipped
 */
gboolean
fanfare_ingest_import_folder (FanfareDatabase     *db,
                              FanfareMediaStore   *media,
                              FanfareFingerprints *fingerprints,
                              const char          *folder,
                              const char          *username,
                              gboolean             published,
                              FanfareIngestReport *report,
                              GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) albums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_fingerprint_free);
  g_autofree Job * jobs = NULL;
  gboolean stored = TRUE;
  gint64 artist_id;

  *report = (FanfareIngestReport) { 0 };

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR, "%s is not a folder", folder);
      return FALSE;
    }

  if ((artist_id = fanfare_ingest_prepare_artist (db, username, error)) == 0)
    return FALSE;

  collect_files (folder, paths);
  g_ptr_array_sort (paths, compare_paths);
  jobs = read_all (paths);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *title = NULL;
      GPtrArray *files;

      if (jobs[i].file == NULL)
        {
          g_printerr ("fanfare-server: skipped %s\n", jobs[i].error->message);
          g_clear_error (&jobs[i].error);
          report->skipped++;
          continue;
        }

      title = album_title_of (jobs[i].file);
      files = g_hash_table_lookup (albums, title);
      if (files == NULL)
        {
          files = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_ingest_file_free);
          g_ptr_array_add (order, g_strdup (title));
          g_hash_table_insert (albums, g_steal_pointer (&title), files);
        }
      g_ptr_array_add (files, jobs[i].file);
    }

  for (guint i = 0; i < order->len; i++)
    {
      g_autofree char *title = g_ptr_array_index (order, i);
      GPtrArray *files = g_hash_table_lookup (albums, title);

      if (stored && (stored = store_album (db, media, artist_id, title, files, published, prints, error)))
        {
          report->albums++;
          report->tracks += files->len;
        }
    }

  /* The albums are in the catalog: their fingerprints go in even when a
   * later album failed. */
  if (!fanfare_fingerprints_add (fingerprints, prints, stored ? error : NULL))
    stored = FALSE;

  return stored;
}
