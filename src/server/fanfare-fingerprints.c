/* fanfare-fingerprints.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The catalog's fingerprints: one index file in the data folder
 * (fingerprints.ffp), mapped, and named by track ids.
 *
 * Ingest (`import`, `seed-demo`, which may run beside the server) merges
 * the new tracks into the file under a lock and renames the result into
 * place. The server maps the file at start and, before each query, looks
 * whether it was replaced; a query that began on the old mapping finishes
 * on it. Queries run in worker threads and only read. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gst/app/app.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fanfare-fingerprints.h"

typedef struct {
  FanfareFpIndex *index;
  struct stat     file;        /* what was mapped, to see it replaced */
} Loaded;

struct _FanfareFingerprints
{
  GObject     parent_instance;

  char       *path;
  char       *lock_path;

  GMutex      mutex;
  Loaded     *loaded;          /* under @mutex; NULL while there is no index */
  struct stat refused;         /* under @mutex: the file that could not be read */
  gboolean    has_refused;
};

G_DEFINE_FINAL_TYPE (FanfareFingerprints, fanfare_fingerprints, G_TYPE_OBJECT)

static void
loaded_free (Loaded *loaded)
{
  fanfare_fp_index_free (loaded->index);
}

static Loaded *
loaded_ref (Loaded *loaded)
{
  return loaded != NULL ? g_atomic_rc_box_acquire (loaded) : NULL;
}

static void
loaded_unref (Loaded *loaded)
{
  if (loaded != NULL)
    g_atomic_rc_box_release_full (loaded, (GDestroyNotify) loaded_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_unref)

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    user_data)
{
  GArray *samples = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer = sample != NULL ? gst_sample_get_buffer (sample) : NULL;
  GstMapInfo info;

  if (buffer != NULL && gst_buffer_map (buffer, &info, GST_MAP_READ))
    {
      g_array_append_vals (samples, info.data, info.size / sizeof (float));
      gst_buffer_unmap (buffer, &info);
    }

  return GST_FLOW_OK;
}

/**
 * fanfare_fingerprint_capture:
 * @pipeline: a pipeline with %FANFARE_FINGERPRINT_BRANCH, not yet playing
 *
 * Returns: (transfer full) (element-type float): the samples the branch
 *   will have gathered once the pipeline reaches its end
 */
GArray *
fanfare_fingerprint_capture (GstElement *pipeline)
{
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "fingerprint");
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (float));
  GstAppSinkCallbacks callbacks = { .new_sample = on_new_sample };

  g_return_val_if_fail (sink != NULL, samples);

  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, g_array_ref (samples),
                              (GDestroyNotify) g_array_unref);

  return samples;
}

/**
 * fanfare_fingerprint_new:
 * @samples: (element-type float): mono audio at %FANFARE_FP_SAMPLE_RATE
 *
 * Returns: (transfer full): its hashes, for a track to be named later
 */
FanfareFingerprint *
fanfare_fingerprint_new (GArray *samples)
{
  FanfareFingerprint *print = g_new0 (FanfareFingerprint, 1);

  print->n_frames = samples->len / FANFARE_FP_HOP;
  print->hashes = fanfare_fp_extract_hashes ((const float *) (gpointer) samples->data, samples->len);

  return print;
}

void
fanfare_fingerprint_free (FanfareFingerprint *print)
{
  if (print == NULL)
    return;

  g_clear_pointer (&print->hashes, g_array_unref);
  g_free (print);
}

static void
fanfare_fingerprints_finalize (GObject *object)
{
  FanfareFingerprints *self = FANFARE_FINGERPRINTS (object);

  g_clear_pointer (&self->loaded, loaded_unref);
  g_mutex_clear (&self->mutex);
  g_free (self->path);
  g_free (self->lock_path);

  G_OBJECT_CLASS (fanfare_fingerprints_parent_class)->finalize (object);
}

static void
fanfare_fingerprints_class_init (FanfareFingerprintsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_fingerprints_finalize;
}

static void
fanfare_fingerprints_init (FanfareFingerprints *self)
{
  g_mutex_init (&self->mutex);
}

static gboolean
same_file (const struct stat *a,
           const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The index as the file is now: the one mapped, or the file mapped again
 * when it was replaced. An index that cannot be read answers no match,
 * and says why once. */
static Loaded *
current (FanfareFingerprints *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(GError) error = NULL;
  struct stat file;
  FanfareFpIndex *index;
  Loaded *loaded;

  if (stat (self->path, &file) != 0)
    {
      g_clear_pointer (&self->loaded, loaded_unref);
      return NULL;
    }
  if (self->loaded != NULL && same_file (&self->loaded->file, &file))
    return loaded_ref (self->loaded);
  if (self->has_refused && same_file (&self->refused, &file))
    return NULL;

  index = fanfare_fp_index_load (self->path, &error);
  if (index == NULL)
    {
      g_message ("No fingerprints: %s", error->message);
      self->refused = file;
      self->has_refused = TRUE;
      g_clear_pointer (&self->loaded, loaded_unref);
      return NULL;
    }

  loaded = g_atomic_rc_box_new0 (Loaded);
  loaded->index = index;
  loaded->file = file;
  g_clear_pointer (&self->loaded, loaded_unref);
  self->loaded = loaded;
  g_debug ("Fingerprints of %u tracks", fanfare_fp_index_get_n_tracks (index));

  return loaded_ref (loaded);
}

/**
 * fanfare_fingerprints_new:
 * @data_dir: the server's data folder
 *
 * Maps the catalog's index, when there is one.
 *
 * Returns: (transfer full): the fingerprints
 */
FanfareFingerprints *
fanfare_fingerprints_new (const char *data_dir)
{
  FanfareFingerprints *self = g_object_new (FANFARE_TYPE_FINGERPRINTS, NULL);

  self->path = g_build_filename (data_dir, "fingerprints.ffp", NULL);
  self->lock_path = g_build_filename (data_dir, "fingerprints.lock", NULL);
  loaded_unref (current (self));

  return self;
}

guint
fanfare_fingerprints_get_n_tracks (FanfareFingerprints *self)
{
  g_autoptr(Loaded) loaded = current (self);

  return loaded != NULL ? fanfare_fp_index_get_n_tracks (loaded->index) : 0;
}

/**
 * fanfare_fingerprints_add:
 * @prints: (element-type FanfareFingerprint): tracks the catalog now has
 *
 * Merges @prints into the index file, one process at a time. Blocks; run
 * it in a worker thread.
 */
gboolean
fanfare_fingerprints_add (FanfareFingerprints *self,
                          GPtrArray           *prints,
                          GError             **error)
{
  g_autoptr(FanfareFpIndex) base = NULL;
  g_autoptr(FanfareFpIndex) more = fanfare_fp_index_new ();
  g_autoptr(GError) load_error = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (FANFARE_IS_FINGERPRINTS (self), FALSE);

  if (prints->len == 0)
    return TRUE;

  fd = g_open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "Cannot lock %s: %s",
                   self->lock_path, g_strerror (saved_errno));
      return FALSE;
    }

  /* An index of another version cannot take new hashes: it starts again. */
  base = fanfare_fp_index_load (self->path, &load_error);
  if (base == NULL)
    {
      if (!g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Starting the fingerprints again: %s", load_error->message);
      base = fanfare_fp_index_new ();
    }

  for (guint i = 0; i < prints->len; i++)
    {
      FanfareFingerprint *print = g_ptr_array_index (prints, i);
      char id[24];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, print->track_id);
      fanfare_fp_index_add (more, id, print->n_frames, print->hashes);
    }

  ok = fanfare_fp_index_merge (base, more, self->path, error);
  close (fd);

  return ok;
}

/**
 * fanfare_fingerprints_identify:
 * @hashes: (element-type FanfareFpHash): a clip's hashes
 * @match: (out caller-allocates): the match
 * @track_id: (out): the catalog's track
 *
 * Returns: whether the clip is a track of the catalog
 */
gboolean
fanfare_fingerprints_identify (FanfareFingerprints *self,
                               GArray              *hashes,
                               FanfareFpMatch      *match,
                               gint64              *track_id)
{
  g_autoptr(Loaded) loaded = current (self);
  const char *id;

  g_return_val_if_fail (FANFARE_IS_FINGERPRINTS (self), FALSE);

  if (loaded == NULL || !fanfare_fp_match (loaded->index, hashes, match) ||
      (id = fanfare_fp_index_get_id (loaded->index, match->track)) == NULL)
    return FALSE;

  *track_id = g_ascii_strtoll (id, NULL, 10);

  return *track_id > 0;
}
