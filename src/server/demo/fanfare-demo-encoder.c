/* fanfare-demo-encoder.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Encodes a synthesized track to Ogg Opus with GStreamer, the same codec
 * and container the app plays, tagged like a real release (chapters as
 * Vorbis comments). A branch measures the loudness on the way (EBU R128,
 * as ReplayGain 2), and another takes the audio as the fingerprints want
 * it. */

#include "config.h"

#include <gst/app/app.h>
#include <gst/gst.h>
#include <stdio.h>
#include <string.h>

#include "fanfare-demo-encoder.h"
#include "fanfare-error.h"
#include "fanfare-loudness.h"
#include "fanfare-synth.h"

#define ENCODE_TIMEOUT (300 * GST_SECOND)

static GstTagList *
make_tags (const FanfareDemoTags *tags)
{
  GstTagList *list = gst_tag_list_new (GST_TAG_TITLE, tags->title,
                                       GST_TAG_ARTIST, tags->artist,
                                       GST_TAG_ALBUM, tags->album,
                                       GST_TAG_GENRE, tags->genre,
                                       GST_TAG_TRACK_NUMBER, tags->track_number,
                                       NULL);
  int year, month, day;

  if (tags->release_date != NULL && sscanf (tags->release_date, "%d-%d-%d", &year, &month, &day) == 3)
    {
      g_autoptr(GstDateTime) date = gst_date_time_new_ymd (year, month, day);

      gst_tag_list_add (list, GST_TAG_MERGE_REPLACE, GST_TAG_DATE_TIME, date, NULL);
    }

  for (guint i = 0; i < tags->n_chapters; i++)
    {
      const FanfareChapterDraft *chapter = &tags->chapters[i];
      gint64 ms = chapter->start_ms;
      g_autofree char *start = g_strdup_printf ("CHAPTER%03u=%02d:%02d:%02d.%03d", i + 1, (int) (ms / 3600000),
                                                (int) (ms / 60000 % 60), (int) (ms / 1000 % 60), (int) (ms % 1000));
      g_autofree char *name = chapter->artist != NULL
        ? g_strdup_printf ("CHAPTER%03uNAME=%s - %s", i + 1, chapter->artist, chapter->title)
        : g_strdup_printf ("CHAPTER%03uNAME=%s", i + 1, chapter->title);

      gst_tag_list_add (list, GST_TAG_MERGE_APPEND, GST_TAG_EXTENDED_COMMENT, start, NULL);
      gst_tag_list_add (list, GST_TAG_MERGE_APPEND, GST_TAG_EXTENDED_COMMENT, name, NULL);
    }

  return list;
}

static guint32 crc_table[256];

static void
init_crc_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 r = i << 24;

          for (int k = 0; k < 8; k++)
            r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
          crc_table[i] = r;
        }
      g_once_init_leave (&initialized, 1);
    }
}

/* Ogg gives each stream a random serial number, so that the same audio
 * would make different files; the demo sets it from the track's seed
 * instead, and signs each page again. */
static gboolean
set_ogg_serial (const char *path,
                guint32     serial,
                GError    **error)
{
  g_autofree guint8 * data = NULL;
  gsize length, offset = 0;

  if (!g_file_get_contents (path, (char **) &data, &length, error))
    return FALSE;

  init_crc_table ();
  while (offset + 27 <= length && memcmp (data + offset, "OggS", 4) == 0)
    {
      guint8 *page = data + offset;
      gsize size = 27 + page[26];
      guint32 crc = 0;

      if (offset + size > length)
        break;
      for (guint i = 0; i < page[26]; i++)
        size += page[27 + i];
      if (offset + size > length)
        break;

      for (guint i = 0; i < 4; i++)
        {
          page[14 + i] = serial >> (8 * i) & 0xff;
          page[22 + i] = 0;
        }
      for (gsize i = 0; i < size; i++)
        crc = (crc << 8) ^ crc_table[((crc >> 24) & 0xff) ^ page[i]];
      for (guint i = 0; i < 4; i++)
        page[22 + i] = crc >> (8 * i) & 0xff;

      offset += size;
    }

  if (offset != length)
    {
      g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "%s is not a whole Ogg stream", path);
      return FALSE;
    }

  return g_file_set_contents (path, (const char *) data, length, error);
}

/**
 * fanfare_demo_encode:
 * @samples: (transfer full): stereo floats at %FANFARE_SYNTH_RATE
 * @serial: the Ogg stream's serial number
 * @gain: (out): the ReplayGain track gain, in dB
 * @peak: (out): the track's peak
 * @print: (out) (transfer full): the track's fingerprint
 *
 * Writes @samples to @path as Ogg Opus. Blocks; run it in a worker thread.
 */
gboolean
fanfare_demo_encode (float                 *samples,
                     gsize                  n_frames,
                     const char            *path,
                     const FanfareDemoTags *tags,
                     guint32                serial,
                     double                *gain,
                     double                *peak,
                     FanfareFingerprint   **print,
                     GError               **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) encoder = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstTagList) tag_list = make_tags (tags);
  g_autoptr(GArray) fingerprint_samples = NULL;
  g_autoptr(FanfareLoudness) loudness = NULL;
  gsize size = n_frames * 2 * sizeof (float);
  GstBuffer *buffer;
  gboolean done = FALSE;

  pipeline = gst_parse_launch ("appsrc name=source format=time"
                               " caps=audio/x-raw,format=F32LE,rate=48000,channels=2,layout=interleaved"
                               " ! audioconvert ! tee name=split"
                               " split. ! queue ! opusenc name=encoder bitrate=96000 complexity=4"
                               " ! oggmux ! filesink name=sink"
                               " split. ! " FANFARE_LOUDNESS_BRANCH
                               " split. ! " FANFARE_FINGERPRINT_BRANCH, error);
  if (pipeline == NULL)
    {
      g_free (samples);
      return FALSE;
    }

  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  encoder = gst_bin_get_by_name (GST_BIN (pipeline), "encoder");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  fingerprint_samples = fanfare_fingerprint_capture (pipeline);
  loudness = fanfare_loudness_capture (pipeline);
  g_object_set (sink, "location", path, NULL);
  gst_tag_setter_merge_tags (GST_TAG_SETTER (encoder), tag_list, GST_TAG_MERGE_REPLACE);

  buffer = gst_buffer_new_wrapped_full (0, samples, size, 0, size, samples, g_free);
  GST_BUFFER_PTS (buffer) = 0;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_frames, GST_SECOND, FANFARE_SYNTH_RATE);

  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  gst_app_src_push_buffer (GST_APP_SRC (source), buffer);
  gst_app_src_end_of_stream (GST_APP_SRC (source));

  *gain = 0;
  *peak = 0;
  while (!done)
    {
      g_autoptr(GstMessage) message = NULL;
      g_autoptr(GError) gst_error = NULL;

      message = gst_bus_timed_pop_filtered (bus, ENCODE_TIMEOUT,
                                            GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
      if (message == NULL || GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
        {
          if (message != NULL)
            gst_message_parse_error (message, &gst_error, NULL);
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "Cannot encode %s: %s", path,
                       gst_error != NULL ? gst_error->message : "it took too long");
          break;
        }

      done = TRUE;
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);
  if (done)
    {
      fanfare_loudness_result (loudness, NULL, gain, peak);
      *print = fanfare_fingerprint_new (fingerprint_samples);
    }

  return done && set_ogg_serial (path, serial, error);
}
