/* fanfare-test-music.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Music made up from a seed, at the fingerprints' 8,000 samples a second:
 * a tempo, a key and a scale, a bass line, chords and a melody, each voice
 * with a timbre of its own, and a hi-hat of noise. Two seeds make two
 * different songs; one seed makes the same song bit for bit. */

#include "config.h"

#include <math.h>

#include "fanfare-fp-extract.h"
#include "fanfare-test-music.h"

static const int major[] = { 0, 2, 4, 5, 7, 9, 11 };
static const int minor[] = { 0, 2, 3, 5, 7, 8, 10 };

static double
note_hz (int        root,
         int        degree,
         int        octave,
         const int *scale)
{
  int semitones = root + scale[((degree % 7) + 7) % 7] + 12 * (octave + (degree < 0 ? -1 : degree / 7));

  return 440.0 * exp2 ((semitones - 9) / 12.0);
}

typedef struct {
  double harmonics[6];         /* the weight of each */
  double decay;                /* per second */
} Timbre;

static void
timbre_init (Timbre *timbre,
             GRand  *rand)
{
  for (guint h = 0; h < G_N_ELEMENTS (timbre->harmonics); h++)
    timbre->harmonics[h] = h == 0 ? 1.0 : g_rand_double (rand) / (h + 1);
  timbre->decay = g_rand_double_range (rand, 1.0, 8.0);
}

/* Adds a note of @timbre, with a soft attack. */
static void
add_note (float        *samples,
          gsize         n_samples,
          gsize         start,
          gsize         length,
          double        hz,
          double        gain,
          const Timbre *timbre)
{
  for (gsize i = 0; i < length && start + i < n_samples; i++)
    {
      double t = (double) i / FANFARE_FP_SAMPLE_RATE;
      double envelope = MIN (1.0, t * 200.0) * exp (-timbre->decay * t) * MIN (1.0, (length - i) / 80.0);
      double v = 0.0;

      for (guint h = 0; h < G_N_ELEMENTS (timbre->harmonics); h++)
        if (hz * (h + 1) < FANFARE_FP_SAMPLE_RATE / 2.0)
          v += timbre->harmonics[h] * sin (2.0 * G_PI * hz * (h + 1) * t);

      samples[start + i] += gain * envelope * v;
    }
}

/**
 * fanfare_test_music_new:
 * @seed: which song
 * @seconds: how long
 * @n_samples: (out): how many samples
 *
 * Each song draws its own tempo, key, scale, chord progression, rhythms of
 * sixteenths for bass and melody, a melody of sixteen notes, and timbres
 * for its three voices.
 *
 * Returns: (transfer full): the song, mono at %FANFARE_FP_SAMPLE_RATE,
 *   within -1..1
 */
float *
fanfare_test_music_new (guint32  seed,
                        double   seconds,
                        gsize   *n_samples)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gsize n = (gsize) (seconds * FANFARE_FP_SAMPLE_RATE);
  float *samples = g_new0 (float, n);
  double bpm = g_rand_double_range (rand, 70.0, 160.0);
  gsize step = (gsize) (FANFARE_FP_SAMPLE_RATE * 15.0 / bpm);      /* a sixteenth */
  int root = g_rand_int_range (rand, 0, 12);
  const int *scale = g_rand_boolean (rand) ? major : minor;
  int melody_octave = g_rand_int_range (rand, 0, 3);
  Timbre bass, chords, lead;
  int progression[4];
  int melody[16];
  gboolean bass_steps[16], melody_steps[16];
  double peak = 0.0;

  timbre_init (&bass, rand);
  timbre_init (&chords, rand);
  timbre_init (&lead, rand);
  for (guint i = 0; i < 4; i++)
    progression[i] = g_rand_int_range (rand, 0, 7);
  for (guint i = 0; i < 16; i++)
    {
      melody[i] = g_rand_int_range (rand, 0, 10);
      bass_steps[i] = i == 0 || g_rand_int_range (rand, 0, 4) == 0;
      melody_steps[i] = g_rand_int_range (rand, 0, 3) == 0;
    }

  for (gsize s = 0; s * step < n; s++)
    {
      int chord = progression[(s / 16) % 4];
      gsize start = s * step;
      guint in_bar = s % 16;

      if (bass_steps[in_bar])
        add_note (samples, n, start, 2 * step, note_hz (root, chord, -2, scale), 0.5, &bass);
      if (in_bar == 0)
        for (int v = 0; v < 3; v++)
          add_note (samples, n, start, 16 * step, note_hz (root, chord + 2 * v, 0, scale), 0.12, &chords);
      if (melody_steps[in_bar])
        {
          /* The melody varies a little from bar to bar. */
          int degree = chord + melody[(in_bar + s / 64) % 16] + (g_rand_int_range (rand, 0, 5) == 0 ? 1 : 0);

          add_note (samples, n, start, 3 * step, note_hz (root, degree, melody_octave, scale), 0.3, &lead);
        }

      /* A hi-hat on the off-beats: a short burst of noise. */
      if (in_bar % 4 == 2)
        for (gsize i = 0; i < step / 4 && start + i < n; i++)
          samples[start + i] += 0.05 * (g_rand_double (rand) * 2.0 - 1.0) * (1.0 - (double) i / (step / 4));
    }

  for (gsize i = 0; i < n; i++)
    peak = MAX (peak, fabs (samples[i]));
  for (gsize i = 0; i < n && peak > 0.0; i++)
    samples[i] = samples[i] / peak * 0.9;

  *n_samples = n;

  return samples;
}

/**
 * fanfare_test_change_speed:
 * @samples: (array length=n_samples): audio
 * @n_samples: how many samples
 * @speed: the new speed, 1.05 for 5 % faster (and higher), as a DJ's pitch
 *   fader plays it
 * @n_out: (out): how many samples come out
 *
 * Returns: (transfer full): the audio played at @speed
 */
float *
fanfare_test_change_speed (const float *samples,
                           gsize        n_samples,
                           double       speed,
                           gsize       *n_out)
{
  gsize n = (gsize) ((n_samples - 1) / speed);
  float *out = g_new (float, MAX (n, 1));
  /* A Lanczos kernel of LOBES lobes, widened when the speed goes up so
   * that it also filters out what would fold back under Nyquist: a
   * resampler that leaves images behind adds peaks no deck would. */
  const int lobes = 8;
  double scale = MAX (speed, 1.0);

  for (gsize i = 0; i < n; i++)
    {
      double position = i * speed, sum = 0.0, weights = 0.0;
      long centre = (long) floor (position);
      long reach = (long) ceil (lobes * scale);

      for (long j = centre - reach + 1; j <= centre + reach; j++)
        {
          double x = (position - j) / scale, w;

          if (j < 0 || j >= (long) n_samples || fabs (x) >= lobes)
            continue;
          w = x == 0.0 ? 1.0 : lobes * sin (G_PI * x) * sin (G_PI * x / lobes) / (G_PI * G_PI * x * x);
          sum += w * samples[j];
          weights += w;
        }

      out[i] = weights != 0.0 ? sum / weights : 0.0;
    }

  *n_out = n;

  return out;
}

/* Adds white noise @snr_db below the audio's own power. */
void
fanfare_test_add_noise (float   *samples,
                        gsize    n_samples,
                        double   snr_db,
                        guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double power = 0.0, noise_rms;

  for (gsize i = 0; i < n_samples; i++)
    power += (double) samples[i] * samples[i];
  power /= MAX (n_samples, 1);
  noise_rms = sqrt (power / pow (10.0, snr_db / 10.0));

  /* Uniform noise of that RMS: a width of sqrt (12) times it. */
  for (gsize i = 0; i < n_samples; i++)
    samples[i] += noise_rms * sqrt (12.0) * (g_rand_double (rand) - 0.5);
}
