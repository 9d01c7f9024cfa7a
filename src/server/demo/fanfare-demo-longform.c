/* fanfare-demo-longform.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The long-form kinds of the demo. A DJ mix is a run of songs at one
 * tempo, each in its own key with its own melody, whose starts make its
 * tracklist. An audiobook is narrated by a formant voice: a glottal pulse
 * through vowel resonances, syllables with the four tones of Mandarin,
 * words, sentences and pauses, over a soft pad, with a chime at each
 * chapter. */

#include "config.h"

#include <math.h>

#include "fanfare-demo-music-private.h"

#define RATE ((double) FANFARE_SYNTH_RATE)

/* First three formants of five vowels, in Hz. */
static const double vowels[][3] = {
  { 800, 1200, 2500 }, { 300, 2300, 3000 }, { 320, 800, 2400 }, { 500, 1900, 2500 }, { 500, 900, 2400 },
};

/* Pitch at the start and end of a syllable, per tone. */
static const double tones[][2] = {
  { 1.15, 1.15 }, { 0.95, 1.2 }, { 0.92, 0.84 }, { 1.22, 0.86 },
};

/**
 * fanfare_demo_compose_mix:
 * @part_starts: (out) (array length=n_parts): where each song starts, in
 *   seconds
 * @n_frames: (out): how many stereo frames
 *
 * Returns: (transfer full): a continuous mix of @n_parts electronic songs
 */
float *
fanfare_demo_compose_mix (guint32  seed,
                          guint    n_parts,
                          double   seconds,
                          double  *part_starts,
                          gsize   *n_frames)
{
  const FanfareStyle *style = NULL;
  g_autoptr(FanfareMix) mix = NULL;
  double beat = 60.0 / 124;
  guint bars_per_part = MAX (2, (guint) round (seconds / n_parts / (4 * beat)));
  double at = 0;

  for (guint i = 0; i < fanfare_demo_get_n_styles (); i++)
    if (g_str_equal (fanfare_style_get_genre (fanfare_demo_get_style (i)), "Electronic"))
      style = fanfare_demo_get_style (i);
  g_assert (style != NULL);

  mix = fanfare_mix_new (n_parts * bars_per_part * 4 * beat + 2.0);
  for (guint i = 0; i < n_parts; i++)
    {
      Composer c;

      _fanfare_composer_init (&c, style, seed + i * 7919, mix);
      c.beat = beat;
      part_starts[i] = at;
      _fanfare_composer_play_song (&c, at, bars_per_part);
      _fanfare_composer_clear (&c);
      at += bars_per_part * 4 * beat;
    }

  fanfare_mix_finish (mix, 0.25f);

  return fanfare_mix_steal_samples (mix, n_frames);
}

typedef struct {
  double r, a1, a2;
  double y1, y2;
} Resonator;

static void
resonator_init (Resonator *res,
                double     frequency,
                double     bandwidth)
{
  res->r = exp (-G_PI * bandwidth / RATE);
  res->a1 = -2 * res->r * cos (2 * G_PI * frequency / RATE);
  res->a2 = res->r * res->r;
  res->y1 = res->y2 = 0;
}

static inline double
resonate (Resonator *res,
          double     x)
{
  double y = (1 - res->r) * x - res->a1 * res->y1 - res->a2 * res->y2;

  res->y2 = res->y1;
  res->y1 = y;

  return y;
}

/* One syllable: maybe a consonant's hiss, then a voiced vowel that glides
 * along its tone. */
static gsize
render_syllable (GRand  *rand,
                 double  f0,
                 float  *out,
                 gsize   capacity)
{
  const double *formants = vowels[g_rand_int_range (rand, 0, G_N_ELEMENTS (vowels))];
  const double *tone = tones[g_rand_int_range (rand, 0, G_N_ELEMENTS (tones))];
  gsize consonant = g_rand_double (rand) < 0.45 ? (gsize) (0.05 * RATE) : 0;
  gsize vowel = (gsize) ((0.13 + 0.1 * g_rand_double (rand)) * RATE);
  gsize n = MIN (consonant + vowel, capacity);
  guint32 noise = g_rand_int (rand) | 1;
  Resonator res[3];
  double phase = 0;
  float previous = 0;

  for (guint k = 0; k < 3; k++)
    resonator_init (&res[k], formants[k], 80 + 40 * k);

  for (gsize i = 0; i < n; i++)
    {
      float white;
      double value;

      noise ^= noise << 13;
      noise ^= noise >> 17;
      noise ^= noise << 5;
      white = (float) (noise / 2147483648.0 - 1.0);

      if (i < consonant)
        {
          out[i] = 0.12f * (white - previous) * (float) sin (G_PI * i / consonant);
          previous = white;
          continue;
        }

      {
        double progress = (double) (i - consonant) / vowel;
        double pitch = f0 * (tone[0] + (tone[1] - tone[0]) * progress);
        double envelope = sin (G_PI * MIN (1.0, progress * 1.1));

        phase += pitch / RATE;
        phase -= floor (phase);
        value = (2 * phase - 1) + 0.05 * white;
        value = resonate (&res[0], value) + 0.5 * resonate (&res[1], value) + 0.25 * resonate (&res[2], value);
        out[i] = (float) (value * envelope * 0.6);
      }
    }

  return n;
}

static double
narrate_sentence (GRand      *rand,
                  FanfareMix *mix,
                  double      at,
                  double      f0)
{
  guint n_syllables = g_rand_int_range (rand, 5, 13);
  gsize capacity = (gsize) (0.4 * RATE);
  g_autofree float *buffer = g_new0 (float, capacity);

  for (guint i = 0; i < n_syllables; i++)
    {
      /* The voice falls through the sentence. */
      double pitch = f0 * (1.0 - 0.15 * i / n_syllables);
      gsize n = render_syllable (rand, pitch, buffer, capacity);

      fanfare_mix_add_mono (mix, at, buffer, n, 1.0f, 0.1f);
      at += n / RATE + (g_rand_double (rand) < 0.35 ? 0.09 : 0.01);
    }

  return at + 0.45;
}

/**
 * fanfare_demo_compose_narration:
 * @chapter_starts: (out) (array length=n_chapters): where each chapter
 *   starts, in seconds
 * @n_frames: (out): how many stereo frames
 *
 * Returns: (transfer full): @seconds of narration in @n_chapters chapters
 */
float *
fanfare_demo_compose_narration (guint32  seed,
                                double   seconds,
                                guint    n_chapters,
                                double  *chapter_starts,
                                gsize   *n_frames)
{
  g_autoptr(FanfareMix) mix = fanfare_mix_new (seconds + 1.0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double f0 = 105 + g_rand_double (rand) * 110;
  double chapter_length = seconds / n_chapters;
  double pad_root = 48 + g_rand_int_range (rand, 0, 12);

  for (guint c = 0; c < n_chapters; c++)
    {
      double at = c * chapter_length;
      double end = (c + 1) * chapter_length - 0.6;
      FanfareNote chime = { at + 0.1, 0.5, fanfare_midi_to_hz (pad_root + 24), 0.35f, 0, 0.4f, FANFARE_VOICE_BELL };

      chapter_starts[c] = at;
      fanfare_mix_add_note (mix, &chime, seed + c);
      at += 1.2;
      while (at < end - 2.5)
        at = narrate_sentence (rand, mix, at, f0);
    }

  /* A quiet bed of pad chords, one every eight seconds. */
  for (double at = 0; at < seconds; at += 8)
    for (guint k = 0; k < 3; k++)
      {
        FanfareNote pad = {
          at, 7.5, fanfare_midi_to_hz (pad_root + (int) (at / 8) % 2 * 5 + k * 4 - (k == 2)), 0.05f,
          k * 0.4f - 0.4f, 0.3f, FANFARE_VOICE_PAD
        };

        fanfare_mix_add_note (mix, &pad, seed + 1000 + k);
      }

  fanfare_mix_finish (mix, 0.2f);

  return fanfare_mix_steal_samples (mix, n_frames);
}
