/* fanfare-uploads.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Chunked, resumable uploads and their ingest. An upload is announced with
 * its size and SHA-256; its bytes arrive in order, in as many requests as
 * the connection allows, into uploads/ID.part in the data folder; the
 * client asks how much arrived to resume. Finished and checked, it goes to
 * a pool of worker threads that reads it as `import` does
 * (fanfare_ingest_read_named_file()), stores the original and its Opus
 * encoding, and adds it to its album as a track, fingerprinted. Until
 * then it is no track at all: listeners never see a part of one. Uploads
 * that stop arriving, and those that failed, are forgotten after a while
 * with their files. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fanfare-error.h"
#include "fanfare-ingest.h"
#include "fanfare-uploads.h"

struct _FanfareUploads
{
  FanfareDatabase     *db;
  FanfareMediaStore   *media;
  FanfareFingerprints *fingerprints;
  char                *folder;
  gint64               max_size;
  GThreadPool         *pool;
  GMutex               lock;  /* one writer at a time */
};

static char *
part_path (FanfareUploads *self,
           const char     *upload_id)
{
  g_autofree char *name = g_strconcat (upload_id, ".part", NULL);

  return g_build_filename (self->folder, name, NULL);
}

static void
fail_upload (FanfareUploads *self,
             const char     *upload_id,
             const char     *message)
{
  g_autofree char *path = part_path (self, upload_id);
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  if (!fanfare_studio_store_set_upload_state (self->db, upload_id, FANFARE_UPLOAD_FAILED, message, 0, &error))
    g_warning ("Cannot record the failed upload %s: %s", upload_id, error->message);
}

/* Reads, stores and adds one finished upload, in a worker thread. */
static gboolean
ingest (FanfareUploads *self,
        FanfareUpload  *upload,
        GError        **error)
{
  g_autofree char *path = part_path (self, upload->id);
  g_autoptr(FanfareIngestFile) file = NULL;
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_fingerprint_free);
  g_autofree char *stream_hash = NULL;
  g_autofree char *original_hash = NULL;
  g_autoptr(GError) print_error = NULL;
  FanfareTrackDraft draft;
  gint64 track_id;

  if ((file = fanfare_ingest_read_named_file (path, upload->filename, error)) == NULL ||
      !fanfare_ingest_store_media (self->media, file, &stream_hash, &original_hash, error))
    return FALSE;

  draft = fanfare_ingest_track_draft (file, 0, stream_hash, original_hash);
  draft.track_number = file->track_number;
  if ((track_id = fanfare_studio_store_add_track (self->db, upload->album_id, upload->id, &draft, error)) == 0)
    return FALSE;
  g_unlink (path);

  /* The track is in the catalog before its fingerprint is in the index. */
  file->fingerprint->track_id = track_id;
  g_ptr_array_add (prints, g_steal_pointer (&file->fingerprint));
  if (!fanfare_fingerprints_add (self->fingerprints, prints, &print_error))
    g_warning ("Cannot index the fingerprint of track %" G_GINT64_FORMAT ": %s", track_id, print_error->message);

  return TRUE;
}

static void
ingest_job (gpointer  data,
            gpointer  user_data)
{
  g_autoptr(FanfareUpload) upload = data;
  FanfareUploads *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ingest (self, upload, &error))
    fail_upload (self, upload->id, error->message);
}

/**
 * fanfare_uploads_new:
 * @max_size: the largest file an artist may upload, in bytes
 *
 * Returns: (transfer full): the uploads kept under @data_dir
 */
FanfareUploads *
fanfare_uploads_new (FanfareDatabase     *db,
                     FanfareMediaStore   *media,
                     FanfareFingerprints *fingerprints,
                     const char          *data_dir,
                     gint64               max_size,
                     GError             **error)
{
  g_autofree char *folder = g_build_filename (data_dir, "uploads", NULL);
  g_autoptr(GPtrArray) ingesting = NULL;
  FanfareUploads *self;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "Cannot make %s: %s", folder,
                   g_strerror (saved_errno));
      return NULL;
    }

  self = g_new0 (FanfareUploads, 1);
  self->db = db;
  self->media = media;
  self->fingerprints = fingerprints;
  self->folder = g_steal_pointer (&folder);
  self->max_size = max_size;
  self->pool = g_thread_pool_new (ingest_job, self, g_get_num_processors (), FALSE, NULL);
  g_mutex_init (&self->lock);

  /* What was being ingested when the server stopped starts again: its file
   * stays until its track is in the catalog. */
  if ((ingesting = fanfare_studio_store_list_ingesting_uploads (db, error)) == NULL)
    {
      fanfare_uploads_free (self);
      return NULL;
    }
  for (guint i = 0; i < ingesting->len; i++)
    g_thread_pool_push (self->pool, g_ptr_array_steal_index (ingesting, i--), NULL);

  return self;
}

/* Waits for the ingests under way. */
void
fanfare_uploads_free (FanfareUploads *self)
{
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_mutex_clear (&self->lock);
  g_free (self->folder);
  g_free (self);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
      return FALSE;

  return TRUE;
}

/**
 * fanfare_uploads_create:
 *
 * Announces an upload of @size bytes to @album_id.
 *
 * Returns: (transfer full): the upload, with nothing received yet
 */
FanfareUpload *
fanfare_uploads_create (FanfareUploads *self,
                        gint64          artist_id,
                        gint64          album_id,
                        const char     *filename,
                        gint64          size,
                        const char     *sha256,
                        GError        **error)
{
  g_autoptr(FanfareUpload) upload = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;

  if (size <= 0)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The file is empty");
      return NULL;
    }
  if (size > self->max_size)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_TOO_LARGE,
                   "The file is larger than the %" G_GINT64_FORMAT " bytes the server takes", self->max_size);
      return NULL;
    }
  if (!is_sha256 (sha256))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The field “sha256” must be 64 lowercase hexadecimal digits");
      return NULL;
    }

  base = g_path_get_basename (filename);
  upload = g_new0 (FanfareUpload, 1);
  upload->id = g_uuid_string_random ();
  upload->album_id = album_id;
  upload->artist_id = artist_id;
  upload->filename = g_steal_pointer (&base);
  upload->size = size;
  upload->sha256 = g_strdup (sha256);

  path = part_path (self, upload->id);
  if (!g_file_set_contents (path, "", 0, error) ||
      !fanfare_studio_store_add_upload (self->db, upload, error))
    return NULL;

  return g_steal_pointer (&upload);
}

/**
 * fanfare_uploads_get:
 *
 * Returns: (transfer full): @artist_id's upload, or %NULL with
 *   %FANFARE_ERROR_NOT_FOUND for anyone else's
 */
FanfareUpload *
fanfare_uploads_get (FanfareUploads *self,
                     gint64          artist_id,
                     const char     *upload_id,
                     GError        **error)
{
  g_autoptr(FanfareUpload) upload = fanfare_studio_store_get_upload (self->db, upload_id, error);

  if (upload == NULL)
    return NULL;
  if (upload->artist_id != artist_id)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND, "No such upload");
      return NULL;
    }

  return g_steal_pointer (&upload);
}

static FanfareUpload *
get_receiving (FanfareUploads *self,
               gint64          artist_id,
               const char     *upload_id,
               GError        **error)
{
  g_autoptr(FanfareUpload) upload = fanfare_uploads_get (self, artist_id, upload_id, error);

  if (upload != NULL && upload->state != FANFARE_UPLOAD_RECEIVING)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT, "The upload is finished already");
      return NULL;
    }

  return g_steal_pointer (&upload);
}

static gboolean
write_at (const char *path,
          gint64      start,
          GBytes     *chunk,
          GError    **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (chunk, &length);
  int fd = g_open (path, O_WRONLY, 0);
  gboolean written;

  if (fd < 0)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "Cannot open an upload: %s", g_strerror (errno));
      return FALSE;
    }

  /* What a broken-off request left past @start goes. */
  written = ftruncate (fd, start) == 0;
  for (gsize done = 0; written && done < length;)
    {
      gssize n = pwrite (fd, data + done, length - done, start + done);

      if (n < 0 && errno == EINTR)
        continue;
      written = n > 0;
      done += MAX (n, 0);
    }
  if (!written)
    g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "Cannot write an upload: %s", g_strerror (errno));
  close (fd);

  return written;
}

/**
 * fanfare_uploads_write:
 * @start: where @chunk goes: where the upload stopped
 * @total: the file's size, as the upload announced it
 *
 * Returns: (transfer full): the upload with @chunk received
 */
FanfareUpload *
fanfare_uploads_write (FanfareUploads *self,
                       gint64          artist_id,
                       const char     *upload_id,
                       gint64          start,
                       gint64          total,
                       GBytes         *chunk,
                       GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(FanfareUpload) upload = get_receiving (self, artist_id, upload_id, error);
  g_autofree char *path = NULL;
  gint64 end = start + (gint64) g_bytes_get_size (chunk);

  if (upload == NULL)
    return NULL;

  if (total != upload->size || end > upload->size)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                   "The upload is %" G_GINT64_FORMAT " bytes long; the chunk goes past it", upload->size);
      return NULL;
    }
  if (start != upload->received)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                   "The server has %" G_GINT64_FORMAT " bytes of the upload; send the rest from there",
                   upload->received);
      return NULL;
    }

  path = part_path (self, upload->id);
  if (!write_at (path, start, chunk, error) ||
      !fanfare_studio_store_set_upload_received (self->db, upload->id, end, error))
    return NULL;
  upload->received = end;

  return g_steal_pointer (&upload);
}

static char *
checksum_file (const char *path,
               GError    **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

  if (mapped == NULL)
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) g_mapped_file_get_contents (mapped),
                                      g_mapped_file_get_length (mapped));
}

/**
 * fanfare_uploads_finish:
 *
 * Checks that the whole file arrived, as announced, and starts its ingest.
 *
 * Returns: (transfer full): the upload, being ingested
 */
FanfareUpload *
fanfare_uploads_finish (FanfareUploads *self,
                        gint64          artist_id,
                        const char     *upload_id,
                        GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(FanfareUpload) upload = get_receiving (self, artist_id, upload_id, error);
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  FanfareUpload *job;

  if (upload == NULL)
    return NULL;

  if (upload->received != upload->size)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_CONFLICT,
                   "The server has %" G_GINT64_FORMAT " of the %" G_GINT64_FORMAT
                   " bytes of the upload; send the rest first", upload->received, upload->size);
      return NULL;
    }

  path = part_path (self, upload->id);
  if ((sha256 = checksum_file (path, error)) == NULL)
    return NULL;
  if (!g_str_equal (sha256, upload->sha256))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID,
                           "The file that arrived is not the one announced (its SHA-256 differs); upload it again");
      fail_upload (self, upload->id, "The file that arrived is not the one announced");
      return NULL;
    }

  if (!fanfare_studio_store_set_upload_state (self->db, upload->id, FANFARE_UPLOAD_INGESTING, NULL, 0, error) ||
      (job = fanfare_studio_store_get_upload (self->db, upload->id, error)) == NULL)
    return NULL;

  g_thread_pool_push (self->pool, job, NULL);

  return fanfare_studio_store_get_upload (self->db, upload_id, error);
}

/**
 * fanfare_uploads_expire:
 * @before: uploads untouched since before this time are forgotten
 *
 * Returns: how many were
 */
guint
fanfare_uploads_expire (FanfareUploads *self,
                        gint64          before,
                        GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_auto(GStrv) ids = fanfare_studio_store_take_stale_uploads (self->db, before, error);

  if (ids == NULL)
    return 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = part_path (self, ids[i]);

      g_unlink (path);
    }

  return g_strv_length (ids);
}
