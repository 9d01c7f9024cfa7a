/* fanfare-loudness.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures a track's loudness as EBU R128 does (libebur128), from the
 * decoded audio one branch of the ingest's pipeline takes, and states it
 * as ReplayGain 2 states it: the gain that brings the integrated loudness
 * to -18 LUFS, and the true peak. */

#include "config.h"

#include <math.h>

#include <ebur128.h>
#include <gst/app/gstappsink.h>
#include <gst/audio/audio.h>

#include "fanfare-loudness.h"

struct _FanfareLoudness {
  ebur128_state *state;
};

static void
loudness_clear (FanfareLoudness *self)
{
  if (self->state != NULL)
    ebur128_destroy (&self->state);
}

void
fanfare_loudness_unref (FanfareLoudness *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) loudness_clear);
}

/* The meter follows the stream's format: made for the first buffer's,
 * changed when the caps change. */
static gboolean
meter_for (FanfareLoudness    *self,
           const GstAudioInfo *info)
{
  guint channels = GST_AUDIO_INFO_CHANNELS (info);
  guint rate = GST_AUDIO_INFO_RATE (info);

  if (channels == 0 || rate == 0)
    return FALSE;

  if (self->state == NULL)
    self->state = ebur128_init (channels, rate, EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK);
  else if (self->state->channels != channels || self->state->samplerate != rate)
    ebur128_change_parameters (self->state, channels, rate);

  return self->state != NULL;
}

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    user_data)
{
  FanfareLoudness *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer = sample != NULL ? gst_sample_get_buffer (sample) : NULL;
  GstAudioInfo info;
  GstMapInfo map;

  if (buffer == NULL || !gst_audio_info_from_caps (&info, gst_sample_get_caps (sample)) ||
      !meter_for (self, &info))
    return GST_FLOW_OK;

  if (gst_buffer_map (buffer, &map, GST_MAP_READ))
    {
      ebur128_add_frames_float (self->state, (const float *) (gconstpointer) map.data,
                                map.size / GST_AUDIO_INFO_BPF (&info));
      gst_buffer_unmap (buffer, &map);
    }

  return GST_FLOW_OK;
}

/**
 * fanfare_loudness_capture:
 * @pipeline: a pipeline with %FANFARE_LOUDNESS_BRANCH, not yet playing
 *
 * Returns: (transfer full): the meter the branch feeds; read it with
 *   fanfare_loudness_result() once the pipeline reaches its end
 */
FanfareLoudness *
fanfare_loudness_capture (GstElement *pipeline)
{
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "loudness");
  FanfareLoudness *self = g_atomic_rc_box_new0 (FanfareLoudness);
  GstAppSinkCallbacks callbacks = { .new_sample = on_new_sample };

  g_return_val_if_fail (sink != NULL, self);

  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, g_atomic_rc_box_acquire (self),
                              (GDestroyNotify) fanfare_loudness_unref);

  return self;
}

/**
 * fanfare_loudness_result:
 * @lufs: (out) (optional): the integrated loudness, in LUFS
 * @gain: (out): the ReplayGain track gain, in dB: 0 for silence
 * @peak: (out): the true peak, 1.0 at full scale
 *
 * Returns: whether any sound reached the meter
 */
gboolean
fanfare_loudness_result (FanfareLoudness *self,
                         double          *lufs,
                         double          *gain,
                         double          *peak)
{
  double loudness = -HUGE_VAL;

  *gain = 0;
  *peak = 0;
  if (lufs != NULL)
    *lufs = -HUGE_VAL;
  if (self->state == NULL)
    return FALSE;

  for (guint channel = 0; channel < self->state->channels; channel++)
    {
      double channel_peak = 0;

      if (ebur128_true_peak (self->state, channel, &channel_peak) == EBUR128_SUCCESS)
        *peak = MAX (*peak, channel_peak);
    }

  if (ebur128_loudness_global (self->state, &loudness) != EBUR128_SUCCESS)
    return FALSE;
  if (lufs != NULL)
    *lufs = loudness;
  /* Silence, or sound too quiet for the gates, has no loudness to correct. */
  if (isfinite (loudness))
    *gain = FANFARE_LOUDNESS_REFERENCE - loudness;

  return TRUE;
}
