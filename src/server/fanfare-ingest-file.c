/* fanfare-ingest-file.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reads what one audio file says about itself by decoding it once with
 * GStreamer: its tags (title, album, track, genre, date, cover, chapters)
 * as they pass on the bus, its duration, its loudness, measured as EBU
 * R128 does and stated as ReplayGain 2, its fingerprint and a waveform
 * preview, from the same decoded audio, which a third branch encodes as
 * Ogg Opus for streaming. Blocks; run it in a worker thread. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "fanfare-error.h"
#include "fanfare-ingest.h"
#include "fanfare-loudness.h"

#define READ_TIMEOUT (120 * GST_SECOND)
#define WAVEFORM_PEAKS 400
#define STREAM_BITRATE 128000

static const struct {
  const char *extension;
  const char *content_type;
} types[] = {
  { ".ogg", "audio/ogg" },
  { ".oga", "audio/ogg" },
  { ".opus", "audio/ogg" },
  { ".flac", "audio/flac" },
  { ".mp3", "audio/mpeg" },
  { ".m4a", "audio/mp4" },
  { ".wav", "audio/wav" },
};

static const char *
content_type_for (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (lower, types[i].extension))
      return types[i].content_type;

  return NULL;
}

void
fanfare_ingest_file_free (FanfareIngestFile *file)
{
  if (file->chapters != NULL)
    {
      for (guint i = 0; i < file->chapters->len; i++)
        {
          FanfareChapterDraft *chapter = &g_array_index (file->chapters, FanfareChapterDraft, i);

          g_free ((char *) chapter->title);
          g_free ((char *) chapter->artist);
        }
      g_array_unref (file->chapters);
    }

  g_clear_pointer (&file->image, g_bytes_unref);
  g_clear_pointer (&file->fingerprint, fanfare_fingerprint_free);
  if (file->stream_path != NULL)
    g_unlink (file->stream_path);
  g_free (file->stream_path);
  g_free (file->waveform);
  g_free (file->path);
  g_free (file->title);
  g_free (file->artist);
  g_free (file->album);
  g_free (file->genre);
  g_free (file->release_date);
  g_free (file);
}

static char *
date_of (const GstTagList *tags)
{
  g_autoptr(GstDateTime) date_time = NULL;
  GDate *date = NULL;
  char *text = NULL;

  if (gst_tag_list_get_date_time (tags, GST_TAG_DATE_TIME, &date_time) && gst_date_time_has_year (date_time))
    return g_strdup_printf ("%04d-%02d-%02d", gst_date_time_get_year (date_time),
                            gst_date_time_has_month (date_time) ? gst_date_time_get_month (date_time) : 1,
                            gst_date_time_has_day (date_time) ? gst_date_time_get_day (date_time) : 1);

  if (gst_tag_list_get_date (tags, GST_TAG_DATE, &date) && g_date_valid (date))
    text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  g_clear_pointer (&date, g_date_free);

  return text;
}

/* Parses "HH:MM:SS.mmm" into milliseconds. */
static gboolean
parse_timestamp (const char *text,
                 gint64     *ms)
{
  guint hours, minutes;
  double seconds;

  if (sscanf (text, "%u:%u:%lf", &hours, &minutes, &seconds) != 3 || minutes > 59 || seconds >= 60)
    return FALSE;

  *ms = ((gint64) hours * 3600 + minutes * 60) * 1000 + (gint64) (seconds * 1000 + 0.5);

  return TRUE;
}

static gint
compare_chapters (gconstpointer  a,
                  gconstpointer  b)
{
  const FanfareChapterDraft *first = a;
  const FanfareChapterDraft *second = b;

  return (first->start_ms > second->start_ms) - (first->start_ms < second->start_ms);
}

/* Chapters as Vorbis comments carry them: CHAPTER001=00:01:02.000 and
 * CHAPTER001NAME=Title; in a DJ mix the name is "Artist - Title". */
static GArray *
chapters_of (const GstTagList *tags)
{
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GArray *chapters = g_array_new (FALSE, TRUE, sizeof (FanfareChapterDraft));
  guint n = gst_tag_list_get_tag_size (tags, GST_TAG_EXTENDED_COMMENT);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      const char *comment = NULL;
      const char *equals;
      g_autofree char *upper = NULL;

      if (!gst_tag_list_peek_string_index (tags, GST_TAG_EXTENDED_COMMENT, i, &comment) ||
          (equals = strchr (comment, '=')) == NULL)
        continue;

      upper = g_ascii_strup (comment, equals - comment);
      if (!g_str_has_prefix (upper, "CHAPTER") || strlen (upper) < strlen ("CHAPTER") + 3)
        continue;

      if (g_str_has_suffix (upper, "NAME"))
        g_hash_table_insert (names, g_strndup (upper, strlen (upper) - 4), g_strdup (equals + 1));
      else
        g_hash_table_insert (starts, g_steal_pointer (&upper), g_strdup (equals + 1));
    }

  g_hash_table_iter_init (&iter, starts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FanfareChapterDraft chapter = { 0 };
      const char *name = g_hash_table_lookup (names, key);
      const char *separator = name != NULL ? strstr (name, " - ") : NULL;

      if (name == NULL || !parse_timestamp (value, &chapter.start_ms))
        continue;

      if (separator != NULL)
        {
          chapter.artist = g_strndup (name, separator - name);
          chapter.title = g_strdup (separator + 3);
        }
      else
        chapter.title = g_strdup (name);
      g_array_append_val (chapters, chapter);
    }

  g_array_sort (chapters, compare_chapters);

  return chapters;
}

static GBytes *
image_of (const GstTagList *tags)
{
  g_autoptr(GstSample) sample = NULL;
  GstBuffer *buffer;
  GstMapInfo info;
  GBytes *bytes;

  if (!gst_tag_list_get_sample (tags, GST_TAG_IMAGE, &sample) &&
      !gst_tag_list_get_sample (tags, GST_TAG_PREVIEW_IMAGE, &sample))
    return NULL;

  buffer = gst_sample_get_buffer (sample);
  if (buffer == NULL || !gst_buffer_map (buffer, &info, GST_MAP_READ))
    return NULL;
  bytes = g_bytes_new (info.data, info.size);
  gst_buffer_unmap (buffer, &info);

  return bytes;
}

static FanfareTrackKind
kind_of (const char *genre)
{
  g_autofree char *folded = genre != NULL ? g_utf8_casefold (genre, -1) : NULL;

  if (folded == NULL)
    return FANFARE_TRACK_KIND_SONG;
  if (strstr (folded, "audiobook") != NULL || strstr (folded, "有声书") != NULL)
    return FANFARE_TRACK_KIND_AUDIOBOOK;
  if (strstr (folded, "dj mix") != NULL || strstr (folded, "dj-mix") != NULL)
    return FANFARE_TRACK_KIND_DJ_MIX;

  return FANFARE_TRACK_KIND_SONG;
}

static void
fill_from_tags (FanfareIngestFile *file,
                const GstTagList  *tags)
{
  guint number;

  gst_tag_list_get_string (tags, GST_TAG_TITLE, &file->title);
  gst_tag_list_get_string (tags, GST_TAG_ARTIST, &file->artist);
  gst_tag_list_get_string (tags, GST_TAG_ALBUM, &file->album);
  gst_tag_list_get_string (tags, GST_TAG_GENRE, &file->genre);
  if (gst_tag_list_get_uint (tags, GST_TAG_TRACK_NUMBER, &number))
    file->track_number = number;
  if (gst_tag_list_get_uint (tags, GST_TAG_ALBUM_VOLUME_NUMBER, &number))
    file->disc_number = number;
  file->release_date = date_of (tags);
  file->image = image_of (tags);
  file->chapters = chapters_of (tags);
  file->kind = kind_of (file->genre);
}

/* Plays the file to its end, gathering every tag, its loudness and the
 * samples to fingerprint. */
static GstTagList *
decode (const char       *path,
        const char       *name,
        const char       *stream_path,
        gint64           *duration_ms,
        GArray          **samples,
        FanfareLoudness **loudness,
        GError          **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstTagList) tags = gst_tag_list_new_empty ();
  gint64 position = 0;

  g_autoptr(GstElement) stream = NULL;

  pipeline = gst_parse_launch ("filesrc name=source ! decodebin ! audioconvert ! audioresample ! tee name=split"
                               " split. ! " FANFARE_LOUDNESS_BRANCH
                               " split. ! queue ! audioconvert ! audioresample"
                               " ! opusenc bitrate=" G_STRINGIFY (STREAM_BITRATE) " ! oggmux"
                               " ! filesink name=stream sync=false"
                               " split. ! " FANFARE_FINGERPRINT_BRANCH, error);
  if (pipeline == NULL)
    return NULL;
  *samples = fanfare_fingerprint_capture (pipeline);
  *loudness = fanfare_loudness_capture (pipeline);

  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  g_object_set (source, "location", path, NULL);
  stream = gst_bin_get_by_name (GST_BIN (pipeline), "stream");
  g_object_set (stream, "location", stream_path, NULL);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);

  for (;;)
    {
      g_autoptr(GstMessage) message = NULL;
      g_autoptr(GstTagList) more = NULL;
      g_autoptr(GError) gst_error = NULL;

      message = gst_bus_timed_pop_filtered (bus, READ_TIMEOUT,
                                            GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_TAG);
      if (message == NULL || GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
        {
          if (message != NULL)
            gst_message_parse_error (message, &gst_error, NULL);
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "%s is not audio the server can decode: %s",
                       name, gst_error != NULL ? gst_error->message : "it took too long");
          gst_element_set_state (pipeline, GST_STATE_NULL);
          return NULL;
        }

      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
        break;

      gst_message_parse_tag (message, &more);
      gst_tag_list_insert (tags, more, GST_TAG_MERGE_KEEP);
    }

  if (!gst_element_query_duration (pipeline, GST_FORMAT_TIME, &position) || position <= 0)
    gst_element_query_position (pipeline, GST_FORMAT_TIME, &position);
  *duration_ms = MAX (position, 0) / GST_MSECOND;
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (*duration_ms <= 0 || (*samples)->len == 0)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "%s holds no sound", name);
      return NULL;
    }

  return g_steal_pointer (&tags);
}

/* The loudest moment of each of WAVEFORM_PEAKS stretches of the track, from
 * 0 to 100, as a JSON array: enough to draw its shape. */
static char *
waveform_of (GArray *samples)
{
  const float *data = (const float *) (gpointer) samples->data;
  GString *json = g_string_new ("[");

  for (guint i = 0; i < WAVEFORM_PEAKS; i++)
    {
      guint start = (guint) ((guint64) samples->len * i / WAVEFORM_PEAKS);
      guint end = (guint) ((guint64) samples->len * (i + 1) / WAVEFORM_PEAKS);
      float peak = 0;

      for (guint j = start; j < end; j++)
        peak = MAX (peak, fabsf (data[j]));
      g_string_append_printf (json, "%s%d", i > 0 ? "," : "", (int) (MIN (peak, 1.0f) * 100 + 0.5f));
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/**
 * fanfare_ingest_read_file:
 *
 * Returns: (transfer full): what @path says about itself, or %NULL with
 *   %FANFARE_ERROR_INVALID for a file that is not audio this server takes
 */
FanfareIngestFile *
fanfare_ingest_read_file (const char *path,
                          GError    **error)
{
  return fanfare_ingest_read_named_file (path, path, error);
}

/**
 * fanfare_ingest_read_named_file:
 * @path: where the file is
 * @name: what its owner calls it: its errors name it so, and its type is
 *   told by its extension
 *
 * Like fanfare_ingest_read_file(), for a file kept under another name. Its
 * Ogg Opus encoding for streaming is left in a temporary file,
 * @stream_path, removed with it.
 */
FanfareIngestFile *
fanfare_ingest_read_named_file (const char *path,
                                const char *name,
                                GError    **error)
{
  const char *content_type = content_type_for (name);
  g_autoptr(FanfareIngestFile) file = NULL;
  g_autoptr(GstTagList) tags = NULL;
  g_autoptr(GArray) samples = NULL;
  g_autoptr(FanfareLoudness) loudness = NULL;
  g_autofree char *stream_path = NULL;
  gint64 duration_ms = 0;
  int fd;

  if (content_type == NULL)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "%s is not a kind of audio file the server takes",
                   name);
      return NULL;
    }

  if ((fd = g_file_open_tmp ("fanfare-stream-XXXXXX.opus", &stream_path, error)) < 0)
    return NULL;
  close (fd);

  tags = decode (path, name, stream_path, &duration_ms, &samples, &loudness, error);
  if (tags == NULL)
    {
      g_unlink (stream_path);
      return NULL;
    }

  file = g_new0 (FanfareIngestFile, 1);
  file->path = g_strdup (path);
  file->stream_path = g_steal_pointer (&stream_path);
  file->content_type = content_type;
  file->duration_ms = duration_ms;
  fill_from_tags (file, tags);
  fanfare_loudness_result (loudness, NULL, &file->gain, &file->peak);
  file->waveform = waveform_of (samples);
  file->fingerprint = fanfare_fingerprint_new (samples);

  if (file->title == NULL)
    {
      g_autofree char *base = g_path_get_basename (name);

      *strrchr (base, '.') = '\0';
      file->title = g_steal_pointer (&base);
    }

  return g_steal_pointer (&file);
}
