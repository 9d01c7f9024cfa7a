/* test-loudness.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The ingest measures loudness as EBU R128 does: 1 kHz sines at known
 * levels, written as WAV by GStreamer, read back through the whole ingest,
 * give the integrated loudness the standard expects, stated as ReplayGain
 * 2 (-18 LUFS reference) with their peak. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <math.h>

#include "fanfare-ingest.h"
#include "fanfare-loudness.h"
#include "fanfare-test-server.h"
#include "fanfare-test-store.h"

typedef struct {
  const char *name;
  guint       channels;
  double      level_dbfs;  /* the sine's peak, in each channel */
} Tone;

static const Tone tones[] = {
  { "one-channel-full-scale", 1, 0.0 },
  { "stereo-minus-23", 2, -23.0 },
  { "stereo-minus-20", 2, -20.0 },
  { "one-channel-minus-40", 1, -40.0 },
};

static void
write_sine (const char *path,
            const Tone *tone)
{
  g_autofree char *description = NULL;
  char volume[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (volume, sizeof volume, pow (10, tone->level_dbfs / 20));
  /* Six seconds at 48 kHz, as float so that no rounding lowers the level. */
  description = g_strdup_printf ("audiotestsrc wave=sine freq=1000 volume=%s num-buffers=60 samplesperbuffer=4800"
                                 " ! audio/x-raw,format=F32LE,rate=48000,channels=%u"
                                 " ! wavenc ! filesink name=sink", volume, tone->channels);
  fanfare_test_write_with_pipeline (description, path);
}

static void
test_sine (gconstpointer  data)
{
  const Tone *tone = data;
  g_autofree char *folder = fanfare_test_make_data_dir ();
  g_autofree char *path = g_build_filename (folder, "sine.wav", NULL);
  g_autoptr(FanfareIngestFile) file = NULL;
  g_autoptr(GError) error = NULL;
  /* R128: a 0 dBFS 1 kHz sine in one channel reads -3.01 LUFS (its mean
   * square, K-weighting being flat there); channels add their power. */
  double expected = -3.01 + tone->level_dbfs + 10 * log10 (tone->channels);

  write_sine (path, tone);
  file = fanfare_ingest_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);

  g_assert_cmpfloat_with_epsilon (FANFARE_LOUDNESS_REFERENCE - file->gain, expected, 0.5);
  g_assert_cmpfloat_with_epsilon (file->gain, FANFARE_LOUDNESS_REFERENCE - expected, 0.5);
  /* The true peak of a sine is its amplitude, within the oversampling's
   * ripple. */
  g_assert_cmpfloat_with_epsilon (20 * log10 (file->peak), tone->level_dbfs, 0.2);

  g_clear_pointer (&file, fanfare_ingest_file_free);
  fanfare_test_remove_tree (folder);
}

/* Silence has no loudness to correct: no gain, no peak. */
static void
test_silence (void)
{
  g_autofree char *folder = fanfare_test_make_data_dir ();
  g_autofree char *path = g_build_filename (folder, "silence.wav", NULL);
  const Tone quiet = { "silence", 2, -HUGE_VAL };
  g_autoptr(FanfareIngestFile) file = NULL;
  g_autoptr(GError) error = NULL;

  write_sine (path, &quiet);
  file = fanfare_ingest_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (file->gain, ==, 0);
  g_assert_cmpfloat (file->peak, ==, 0);

  g_clear_pointer (&file, fanfare_ingest_file_free);
  fanfare_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    {
      g_autofree char *name = g_strdup_printf ("/loudness/r128/%s", tones[i].name);

      g_test_add_data_func (name, &tones[i], test_sine);
    }
  g_test_add_func ("/loudness/silence", test_silence);

  return g_test_run ();
}
