/* fanfare-fp-decode.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Any audio file GStreamer can play, decoded to what the fingerprints are
 * made of: mono float samples at 8,000 a second. */

#include "config.h"

#include <gio/gio.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>

#include "fanfare-fp-decode.h"
#include "fanfare-fp-extract.h"

/* A longer file is cut here: five hours of audio is 576 MB of samples. */
#define MAX_SECONDS (5 * 3600)

static gboolean
bus_error (GstElement *pipeline,
           GError    **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  if (message == NULL)
    return FALSE;

  gst_message_parse_error (message, error, NULL);

  return TRUE;
}

/**
 * fanfare_fp_decode_file:
 * @path: an audio file
 * @n_samples: (out): how many samples
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the samples, or %NULL with @error set
 */
float *
fanfare_fp_decode_file (const char *path,
                        gsize      *n_samples,
                        GError    **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *description = NULL;
  g_autoptr(GByteArray) samples = g_byte_array_new ();
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GError) local_error = NULL;

  description = g_strdup_printf ("uridecodebin name=source ! audioconvert ! audioresample"
                                 " ! audio/x-raw,format=F32LE,channels=1,rate=%d,layout=interleaved"
                                 " ! appsink name=sink sync=false", FANFARE_FP_SAMPLE_RATE);
  pipeline = gst_parse_launch (description, error);
  if (pipeline == NULL)
    return NULL;

  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  g_object_set (source, "uri", uri, NULL);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      if (!bus_error (pipeline, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s could not be decoded", path);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return NULL;
    }

  /* A broken file stops the pipeline with an error and no end of stream:
   * the bus is looked at between waits, never blocked on. */
  while (!gst_app_sink_is_eos (GST_APP_SINK (sink)))
    {
      GstSample *sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 50 * GST_MSECOND);
      GstBuffer *buffer;
      GstMapInfo map;

      if (sample == NULL)
        {
          if (bus_error (pipeline, &local_error))
            break;
          continue;
        }

      buffer = gst_sample_get_buffer (sample);
      if (samples->len < (gsize) MAX_SECONDS * FANFARE_FP_SAMPLE_RATE * sizeof (float) &&
          gst_buffer_map (buffer, &map, GST_MAP_READ))
        {
          g_byte_array_append (samples, map.data, map.size);
          gst_buffer_unmap (buffer, &map);
        }
      gst_sample_unref (sample);
    }

  if (local_error != NULL || bus_error (pipeline, &local_error))
    {
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);
  *n_samples = samples->len / sizeof (float);

  return (float *) (gpointer) g_byte_array_free (g_steal_pointer (&samples), FALSE);
}
