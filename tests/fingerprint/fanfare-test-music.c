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

#define N_HARMONICS 6
#define TABLE_SIZE  2048

/* A voice: the weights of its harmonics, drawn once, and for each number
 * of harmonics that stays under Nyquist, one period of its wave. */
typedef struct {
  double harmonics[N_HARMONICS];
  double decay;                /* per second */
  float  tables[N_HARMONICS][TABLE_SIZE];
} Timbre;

static void
timbre_init (Timbre *timbre,
             GRand  *rand)
{
  for (guint h = 0; h < N_HARMONICS; h++)
    timbre->harmonics[h] = h == 0 ? 1.0 : g_rand_double (rand) / (h + 1);
  timbre->decay = g_rand_double_range (rand, 1.0, 8.0);

  for (guint n = 0; n < N_HARMONICS; n++)
    for (guint i = 0; i < TABLE_SIZE; i++)
      {
        double v = 0.0;

        for (guint h = 0; h <= n; h++)
          v += timbre->harmonics[h] * sin (2.0 * G_PI * (h + 1) * i / TABLE_SIZE);
        timbre->tables[n][i] = v;
      }
}

/* Adds a note of @timbre, with a soft attack and release. */
static void
add_note (float        *samples,
          gsize         n_samples,
          gsize         start,
          gsize         length,
          double        hz,
          double        gain,
          const Timbre *timbre)
{
  guint n_harmonics = CLAMP ((guint) (FANFARE_FP_SAMPLE_RATE / 2.0 / hz), 1, N_HARMONICS);
  const float *table = timbre->tables[n_harmonics - 1];
  double step = hz * TABLE_SIZE / FANFARE_FP_SAMPLE_RATE, phase = 0.0;
  double decay = exp (-timbre->decay / FANFARE_FP_SAMPLE_RATE), level = 1.0;

  /* A melody high up may climb past what the rate can hold. */
  if (hz >= FANFARE_FP_SAMPLE_RATE / 2.0)
    return;

  for (gsize i = 0; i < length && start + i < n_samples; i++)
    {
      double envelope = MIN (1.0, i / 40.0) * level * MIN (1.0, (length - i) / 80.0);

      samples[start + i] += gain * envelope * table[(guint) phase];
      phase += step;
      if (phase >= TABLE_SIZE)
        phase -= TABLE_SIZE;
      level *= decay;
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
  g_autofree Timbre * bass = g_new (Timbre, 1);
  g_autofree Timbre * chords = g_new (Timbre, 1);
  g_autofree Timbre * lead = g_new (Timbre, 1);
  int progression[4];
  int melody[16];
  gboolean bass_steps[16], melody_steps[16];
  double peak = 0.0;

  timbre_init (bass, rand);
  timbre_init (chords, rand);
  timbre_init (lead, rand);
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
        add_note (samples, n, start, 2 * step, note_hz (root, chord, -2, scale), 0.5, bass);
      if (in_bar == 0)
        for (int v = 0; v < 3; v++)
          add_note (samples, n, start, 16 * step, note_hz (root, chord + 2 * v, 0, scale), 0.12, chords);
      if (melody_steps[in_bar])
        {
          /* The melody varies a little from bar to bar. */
          int degree = chord + melody[(in_bar + s / 64) % 16] + (g_rand_int_range (rand, 0, 5) == 0 ? 1 : 0);

          add_note (samples, n, start, 3 * step, note_hz (root, degree, melody_octave, scale), 0.3, lead);
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

static double
power_of (const float *samples,
          gsize        n_samples)
{
  double power = 0.0;

  for (gsize i = 0; i < n_samples; i++)
    power += (double) samples[i] * samples[i];

  return power / MAX (n_samples, 1);
}

/**
 * fanfare_test_mix:
 * @samples: (array length=n_samples): audio, changed in place
 * @other: (array length=n_samples): what to mix in
 * @n_samples: how many samples
 * @snr_db: how far below @samples' power @other goes
 */
void
fanfare_test_mix (float       *samples,
                  const float *other,
                  gsize        n_samples,
                  double       snr_db)
{
  double other_power = power_of (other, n_samples);
  double gain = other_power > 0.0 ? sqrt (power_of (samples, n_samples) / other_power / pow (10.0, snr_db / 10.0)) : 0.0;

  for (gsize i = 0; i < n_samples; i++)
    samples[i] += gain * other[i];
}

/**
 * fanfare_test_babble_new:
 * @seed: which crowd
 * @seconds: how long
 * @n_samples: (out): how many samples
 *
 * Four voices talking at once, made up: each a buzz at a pitch that
 * wanders like a speaking voice, shaped by the two lowest formants of a
 * vowel that changes with every syllable, and silent between words.
 *
 * Returns: (transfer full): the babble, mono at %FANFARE_FP_SAMPLE_RATE
 */
float *
fanfare_test_babble_new (guint32  seed,
                         double   seconds,
                         gsize   *n_samples)
{
  static const double vowels[][2] = {
    { 730, 1090 }, { 270, 2290 }, { 530, 1840 }, { 570, 840 }, { 300, 870 }, { 660, 1720 }, { 490, 1350 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gsize n = (gsize) (seconds * FANFARE_FP_SAMPLE_RATE);
  float *samples = g_new0 (float, n);

  for (guint voice = 0; voice < 4; voice++)
    {
      double base = g_rand_double_range (rand, 90.0, 240.0), phase = 0.0;
      gsize syllable_end = 0;
      const double *vowel = vowels[0];
      double f0 = base, loud = 0.0;

      for (gsize i = 0; i < n; i++)
        {
          double v = 0.0;

          if (i >= syllable_end)
            {
              syllable_end = i + (gsize) (g_rand_double_range (rand, 0.08, 0.3) * FANFARE_FP_SAMPLE_RATE);
              vowel = vowels[g_rand_int_range (rand, 0, G_N_ELEMENTS (vowels))];
              f0 = base * g_rand_double_range (rand, 0.8, 1.25);
              loud = g_rand_int_range (rand, 0, 5) == 0 ? 0.0 : 1.0;
            }
          if (loud == 0.0)
            continue;

          phase += f0 / FANFARE_FP_SAMPLE_RATE;
          if (phase >= 1.0)
            phase -= 1.0;
          for (guint h = 1; h * f0 < FANFARE_FP_SAMPLE_RATE / 2.0; h++)
            {
              double f = h * f0;
              double shape = exp (-pow ((f - vowel[0]) / 120.0, 2)) + 0.7 * exp (-pow ((f - vowel[1]) / 180.0, 2));

              v += shape / h * sin (2.0 * G_PI * h * phase);
            }
          samples[i] += v;
        }
    }

  *n_samples = n;

  return samples;
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

/**
 * fanfare_test_fill_index:
 * @hashes: (element-type GArray): the hashes of each of @songs
 * @seconds: how much audio @index holds
 *
 * Adds the songs' hashes to @index again and again, each time scrambled by
 * a mask of their own, as further tracks, until it holds @hours of audio:
 * a large catalog whose postings spread as music's do.
 *
 * Returns: the seconds of audio @index then holds
 */
double
fanfare_test_fill_index (FanfareFpIndex        *index,
                         GPtrArray             *hashes,
                         const FanfareTestSong *songs,
                         double                 seconds,
                         double                 hours,
                         GRand                 *rand)
{
  g_autoptr(GArray) copy = g_array_new (FALSE, FALSE, sizeof (FanfareFpHash));
  guint round = 0;

  while (seconds < hours * 3600.0)
    {
      guint32 mask = g_rand_int_range (rand, 1, 1 << 23);

      round++;
      for (guint i = 0; i < hashes->len && seconds < hours * 3600.0; i++)
        {
          GArray *song_hashes = hashes->pdata[i];
          g_autofree char *id = g_strdup_printf ("synthetic/%u/%u", round, i);

          g_array_set_size (copy, 0);
          g_array_append_vals (copy, song_hashes->data, song_hashes->len);
          for (guint h = 0; h < copy->len; h++)
            g_array_index (copy, FanfareFpHash, h).hash ^= mask;
          fanfare_fp_index_add (index, id, songs[i].n / FANFARE_FP_HOP, copy);
          seconds += songs[i].n / (double) FANFARE_FP_SAMPLE_RATE;
        }
    }

  return seconds;
}
