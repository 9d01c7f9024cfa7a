/* fanfare-album-download.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Downloading a whole purchased album into a folder the user chose, one
 * track after another in the quality it was published in. Each track's
 * name is "NN Title" and gets the extension its bytes call for once they
 * are all there; an interrupted album resumes track by track, and a track
 * by its part file. The fraction is of the album's tracks and bytes. */

#include "config.h"

#include <string.h>

#include "fanfare-album-download.h"
#include "fanfare-client-download.h"

struct _FanfareAlbumDownload
{
  GObject parent_instance;

  /* Owned references */
  FanfareClient *client;
  GListModel    *tracks;
  GFile         *folder;
  GCancellable  *cancellable;
  GError        *error;

  /* State */
  guint    current;
  double   fraction;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (FanfareAlbumDownload, fanfare_album_download, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void download_next (FanfareAlbumDownload *self);

/**
 * fanfare_album_download_file_name:
 *
 * Returns: (transfer full): the name a track is saved under, before its
 *   extension
 */
char *
fanfare_album_download_file_name (FanfareTrack *track)
{
  g_autofree char *name = g_strdup_printf ("%02u %s", fanfare_track_get_track_number (track),
                                           fanfare_track_get_title (track));

  /* A title may hold what a file name cannot. */
  return g_strdelimit (g_steal_pointer (&name), "/\\", '_');
}

static const struct
{
  const char *magic;
  gsize       length;
  const char *extension;
} kinds[] = {
  { "OggS", 4, ".ogg" }, { "fLaC", 4, ".flac" }, { "ID3", 3, ".mp3" }, { "RIFF", 4, ".wav" },
};

/* The extension the file's first bytes call for. */
static const char *
sniff_extension (GFile *file)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char head[4] = { 0 };
  gsize length = 0;

  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &length, NULL, NULL))
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (length >= kinds[i].length && memcmp (head, kinds[i].magic, kinds[i].length) == 0)
      return kinds[i].extension;

  return "";
}

static void
set_fraction (FanfareAlbumDownload *self,
              double                fraction)
{
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
finish (FanfareAlbumDownload *self,
        GError               *error)
{
  self->error = error;
  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

static void
progress_cb (goffset   done,
             goffset   total,
             gpointer  user_data)
{
  FanfareAlbumDownload *self = user_data;
  guint n = g_list_model_get_n_items (self->tracks);

  set_fraction (self, (self->current + (total > 0 ? (double) done / total : 0)) / MAX (n, 1));
}

static GFile *
track_file (FanfareAlbumDownload *self,
            FanfareTrack         *track)
{
  g_autofree char *name = fanfare_album_download_file_name (track);

  return g_file_get_child (self->folder, name);
}

static void
track_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FanfareAlbumDownload) self = user_data;
  g_autoptr(FanfareTrack) track = g_list_model_get_item (self->tracks, self->current);
  g_autoptr(GFile) file = track_file (self, track);
  g_autoptr(GFile) named = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;

  if (!fanfare_client_download_track_finish (FANFARE_CLIENT (object), result, &error))
    {
      finish (self, error);
      return;
    }

  name = g_strconcat (g_file_peek_path (file), sniff_extension (file), NULL);
  named = g_file_new_for_path (name);
  if (!g_file_equal (file, named) &&
      !g_file_move (file, named, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      finish (self, error);
      return;
    }

  self->current++;
  download_next (self);
}

/* Whether an earlier download of the album saved the track already. */
static gboolean
track_saved (GFile *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strconcat (g_file_peek_path (file), kinds[i].extension, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

static void
download_next (FanfareAlbumDownload *self)
{
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GFile) file = NULL;

  for (; self->current < g_list_model_get_n_items (self->tracks); self->current++)
    {
      g_autoptr(FanfareTrack) next = g_list_model_get_item (self->tracks, self->current);
      g_autoptr(GFile) saved = track_file (self, next);

      if (!track_saved (saved))
        break;
    }

  if (self->current >= g_list_model_get_n_items (self->tracks))
    {
      set_fraction (self, 1.0);
      finish (self, NULL);
      return;
    }

  track = g_list_model_get_item (self->tracks, self->current);
  file = track_file (self, track);
  fanfare_client_download_track_async (self->client, track, file, 0, progress_cb, self, self->cancellable, track_cb,
                                       g_object_ref (self));
}

static void
fanfare_album_download_dispose (GObject *object)
{
  FanfareAlbumDownload *self = FANFARE_ALBUM_DOWNLOAD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->tracks);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (fanfare_album_download_parent_class)->dispose (object);
}

static void
fanfare_album_download_finalize (GObject *object)
{
  FanfareAlbumDownload *self = FANFARE_ALBUM_DOWNLOAD (object);

  g_clear_error (&self->error);

  G_OBJECT_CLASS (fanfare_album_download_parent_class)->finalize (object);
}

static void
fanfare_album_download_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FanfareAlbumDownload *self = FANFARE_ALBUM_DOWNLOAD (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_album_download_class_init (FanfareAlbumDownloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_album_download_dispose;
  object_class->finalize = fanfare_album_download_finalize;
  object_class->get_property = fanfare_album_download_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fanfare_album_download_init (FanfareAlbumDownload *self)
{
  self->cancellable = g_cancellable_new ();
}

FanfareAlbumDownload *
fanfare_album_download_new (FanfareClient *client,
                            GListModel    *tracks,
                            GFile         *folder)
{
  FanfareAlbumDownload *self;

  g_return_val_if_fail (FANFARE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (tracks), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (FANFARE_TYPE_ALBUM_DOWNLOAD, NULL);
  self->client = g_object_ref (client);
  self->tracks = g_object_ref (tracks);
  self->folder = g_object_ref (folder);

  return self;
}

void
fanfare_album_download_start (FanfareAlbumDownload *self)
{
  g_return_if_fail (FANFARE_IS_ALBUM_DOWNLOAD (self));

  download_next (self);
}

void
fanfare_album_download_cancel (FanfareAlbumDownload *self)
{
  g_return_if_fail (FANFARE_IS_ALBUM_DOWNLOAD (self));

  g_cancellable_cancel (self->cancellable);
}

double
fanfare_album_download_get_fraction (FanfareAlbumDownload *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_DOWNLOAD (self), 0);

  return self->fraction;
}

gboolean
fanfare_album_download_get_finished (FanfareAlbumDownload *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_DOWNLOAD (self), FALSE);

  return self->finished;
}

/* Why the download stopped, or %NULL. */
const GError *
fanfare_album_download_get_error (FanfareAlbumDownload *self)
{
  g_return_val_if_fail (FANFARE_IS_ALBUM_DOWNLOAD (self), NULL);

  return self->error;
}
