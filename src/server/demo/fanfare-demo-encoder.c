/* fanfare-demo-encoder.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Encodes a synthesized track to Ogg Opus with GStreamer, the same codec
 * and container the app plays, tagged like a real release (chapters as
 * Vorbis comments). rganalysis measures the loudness on the way. */

#include "config.h"

#include <gst/app/app.h>
#include <gst/gst.h>
#include <stdio.h>
#include <string.h>

#include "fanfare-demo-encoder.h"
#include "fanfare-error.h"
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

/**
 * fanfare_demo_encode:
 * @samples: (transfer full): stereo floats at %FANFARE_SYNTH_RATE
 * @gain: (out): the ReplayGain track gain, in dB
 * @peak: (out): the track's peak
 *
 * Writes @samples to @path as Ogg Opus. Blocks; run it in a worker thread.
 */
gboolean
fanfare_demo_encode (float                 *samples,
                     gsize                  n_frames,
                     const char            *path,
                     const FanfareDemoTags *tags,
                     double                *gain,
                     double                *peak,
                     GError               **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) encoder = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstTagList) tag_list = make_tags (tags);
  gsize size = n_frames * 2 * sizeof (float);
  GstBuffer *buffer;
  gboolean done = FALSE;

  pipeline = gst_parse_launch ("appsrc name=source format=time"
                               " caps=audio/x-raw,format=F32LE,rate=48000,channels=2,layout=interleaved"
                               " ! audioconvert ! rganalysis ! opusenc name=encoder bitrate=96000 complexity=6"
                               " ! oggmux ! filesink name=sink", error);
  if (pipeline == NULL)
    {
      g_free (samples);
      return FALSE;
    }

  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  encoder = gst_bin_get_by_name (GST_BIN (pipeline), "encoder");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
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
      g_autoptr(GstTagList) found = NULL;
      g_autoptr(GError) gst_error = NULL;

      message = gst_bus_timed_pop_filtered (bus, ENCODE_TIMEOUT,
                                            GST_MESSAGE_EOS | GST_MESSAGE_ERROR | GST_MESSAGE_TAG);
      if (message == NULL || GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
        {
          if (message != NULL)
            gst_message_parse_error (message, &gst_error, NULL);
          g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL, "Cannot encode %s: %s", path,
                       gst_error != NULL ? gst_error->message : "it took too long");
          break;
        }

      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
        {
          done = TRUE;
          continue;
        }

      gst_message_parse_tag (message, &found);
      gst_tag_list_get_double (found, GST_TAG_TRACK_GAIN, gain);
      gst_tag_list_get_double (found, GST_TAG_TRACK_PEAK, peak);
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);

  return done;
}
