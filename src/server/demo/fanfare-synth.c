/* fanfare-synth.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A small synthesizer for the demo's music. Each note renders its voice
 * into a mono buffer, which is panned into the stereo mix and sent to a
 * reverb; finishing the mix adds the reverb, fades the ends and brings the
 * peak to -1 dBFS. Everything is decided by the note and a seed, so the
 * same song renders to the same samples on every machine. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fanfare-synth.h"

#define RATE        ((double) FANFARE_SYNTH_RATE)
#define TWO_PI      (2.0 * G_PI)
#define N_COMBS     4
#define N_ALLPASSES 2

struct _FanfareMix
{
  float *samples;  /* stereo, interleaved */
  float *send;     /* mono, to the reverb */
  gsize  n_frames;
};

typedef struct {
  double attack, decay, sustain, release;
} Envelope;

#define SINE_BITS 12
#define SINE_SIZE (1 << SINE_BITS)

static float sine_table[SINE_SIZE + 1];

static void
init_sine_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i <= SINE_SIZE; i++)
        sine_table[i] = (float) sin (TWO_PI * i / SINE_SIZE);
      g_once_init_leave (&initialized, 1);
    }
}

/* sin (2π @cycles), from the table. */
static inline float
sine (double  cycles)
{
  double position = (cycles - floor (cycles)) * SINE_SIZE;
  guint index = (guint) position;
  float fraction = (float) (position - index);

  return sine_table[index] + fraction * (sine_table[index + 1] - sine_table[index]);
}

/* What to multiply by, each sample, to decay by e in @seconds. */
static inline double
decay_factor (double  seconds)
{
  return exp (-1.0 / (seconds * RATE));
}

double
fanfare_midi_to_hz (double  note)
{
  return 440.0 * pow (2.0, (note - 69.0) / 12.0);
}

static inline guint32
noise_next (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;

  return x;
}

/* White noise from -1 to 1. */
static inline float
noise (guint32 *state)
{
  return (float) (noise_next (state) / 2147483648.0 - 1.0);
}

/* The correction that takes the aliasing out of a saw's jump. */
static inline double
poly_blep (double  t,
           double  dt)
{
  if (t < dt)
    {
      t /= dt;
      return t + t - t * t - 1.0;
    }
  if (t > 1.0 - dt)
    {
      t = (t - 1.0) / dt;
      return t * t + t + t + 1.0;
    }

  return 0.0;
}

static inline double
saw (double  phase,
     double  dt)
{
  return 2.0 * phase - 1.0 - poly_blep (phase, dt);
}

static inline double
pulse (double  phase,
       double  dt,
       double  width)
{
  double shifted = phase + 1.0 - width;

  return saw (phase, dt) - saw (shifted - floor (shifted), dt);
}

static float
envelope_at (const Envelope *env,
             double          t,
             double          gate)
{
  double level;

  if (t < env->attack)
    level = t / env->attack;
  else if (t < env->attack + env->decay)
    level = 1.0 - (1.0 - env->sustain) * (t - env->attack) / env->decay;
  else
    level = env->sustain;

  if (t > gate)
    {
      double released = (t - gate) / env->release;

      level = released >= 1.0 ? 0.0 : level * (1.0 - released);
    }

  return level;
}

/* A one-pole low-pass filter's coefficient for @cutoff Hz. */
static inline float
one_pole (double  cutoff)
{
  return 1.0f - (float) exp (-TWO_PI * MIN (cutoff, RATE * 0.45) / RATE);
}

/* Two-operator FM: a bell, or an electric piano. */
static void
render_fm (float  *out,
           gsize   n,
           double  f,
           double  gate,
           double  ratio,
           double  index,
           double  index_decay,
           double  amp_decay)
{
  double carrier = 0, modulator = 0;
  double index_now = index / TWO_PI;
  double amp = 1.0;
  double index_k = decay_factor (index_decay);
  double amp_k = decay_factor (amp_decay);
  double release_k = decay_factor (0.08);
  gsize gate_samples = (gsize) (gate * RATE);

  for (gsize i = 0; i < n; i++)
    {
      out[i] = (float) amp * sine (carrier + index_now * sine (modulator));
      carrier += f / RATE;
      modulator += f * ratio / RATE;
      index_now *= index_k;
      amp *= i < gate_samples ? amp_k : release_k;
    }
}

static void
render_pluck (float   *out,
              gsize    n,
              double   f,
              double   gate,
              guint32 *seed)
{
  gsize period = MAX (2, (gsize) (RATE / f));
  g_autofree float *line = g_new (float, period);
  gsize gate_samples = (gsize) (gate * RATE);
  double release_k = decay_factor (0.05);
  double release = 1.0;
  float last = 0;

  /* A burst of soft noise, circulating and losing its highs. */
  for (gsize i = 0; i < period; i++)
    {
      last = 0.5f * last + 0.5f * noise (seed);
      line[i] = last;
    }

  for (gsize i = 0, k = 0; i < n; i++)
    {
      gsize next = k + 1 == period ? 0 : k + 1;

      out[i] = line[k] * (float) release;
      line[k] = 0.4985f * (line[k] + line[next]);
      k = next;
      if (i >= gate_samples)
        release *= release_k;
    }
}

/* Oscillators through a low-pass filter, shaped by an envelope: the lead,
 * the chip, the bowed string, the pad, the bass. */
static void
render_subtractive (float          *out,
                    gsize           n,
                    double          f,
                    double          gate,
                    FanfareVoice    voice,
                    const Envelope *env)
{
  double dt = f / RATE;
  double phases[3] = { 0.0, 0.31, 0.67 };
  double sweep = 1.0;
  double sweep_k = decay_factor (0.12);
  float low = 0, band = 0, lp = 0;

  for (gsize i = 0; i < n; i++)
    {
      double t = i / RATE;
      double vibrato = 0;
      double value;
      double cutoff;

      if (voice == FANFARE_VOICE_LEAD)
        {
          vibrato = t > 0.15 ? 0.004 * sine (5.5 * t) : 0;
          value = saw (phases[0], dt) * 0.7 + pulse (phases[1], dt, 0.5) * 0.3;
          cutoff = f * 5 + 1200;
        }
      else if (voice == FANFARE_VOICE_CHIP)
        {
          value = pulse (phases[0], dt, 0.25);
          cutoff = 9000;
        }
      else if (voice == FANFARE_VOICE_BOWED)
        {
          vibrato = 0.009 * sine (6.2 * t) * MIN (1.0, t / 0.3);
          value = saw (phases[0], dt);
          cutoff = 1400 + 500 * sine (0.7 * t);
        }
      else if (voice == FANFARE_VOICE_PAD)
        {
          value = (saw (phases[0], dt) + saw (phases[1], dt * 1.007) + saw (phases[2], dt * 0.993)) / 3;
          cutoff = 900 + 700 * MIN (1.0, t / 1.5);
        }
      else
        {
          value = saw (phases[0], dt) * 0.6 + sine (phases[0]) * 0.8;
          cutoff = 180 + 1600 * sweep;
        }

      /* The filter follows its cutoff every 32 samples; exp is dear. */
      if (i % 32 == 0)
        lp = one_pole (cutoff);
      low += lp * ((float) value - low);
      band += 0.5f * (low - band);
      out[i] = (voice == FANFARE_VOICE_BOWED ? band * 1.6f : low) * envelope_at (env, t, gate);

      sweep *= sweep_k;
      for (guint k = 0; k < 3; k++)
        {
          phases[k] += dt * (1.0 + vibrato) * (k == 0 ? 1.0 : k == 1 ? 1.007 : 0.993);
          if (phases[k] >= 1.0)
            phases[k] -= 1.0;
        }
    }
}

static void
render_additive (float          *out,
                 gsize           n,
                 double          f,
                 double          gate,
                 FanfareVoice    voice,
                 const Envelope *env,
                 guint32        *seed)
{
  static const float organ[] = { 1.0f, 0.6f, 0.35f, 0.3f, 0.0f, 0.15f };
  double phase = 0;
  float breath = 0;

  for (gsize i = 0; i < n; i++)
    {
      double t = i / RATE;
      double value = 0;

      if (voice == FANFARE_VOICE_ORGAN)
        {
          for (guint h = 0; h < G_N_ELEMENTS (organ); h++)
            if (organ[h] > 0 && f * (h + 1) < RATE / 2)
              value += organ[h] * sine (phase * (h + 1));
          value *= 0.45 * (1.0 + 0.08 * sine (6.5 * t));
          phase += f / RATE;
        }
      else
        {
          breath += 0.05f * (noise (seed) - breath);
          value = sine (phase) + 0.25 * sine (2 * phase) + 2.0 * breath;
          phase += f / RATE * (1.0 + 0.006 * sine (5.0 * t) * MIN (1.0, t / 0.4));
        }

      out[i] = (float) value * envelope_at (env, t, gate);
    }
}

static void
render_drum (float        *out,
             gsize         n,
             FanfareVoice  voice,
             guint32      *seed)
{
  double fast = 1.0, slow = 1.0, phase = 0, sweep = 1.0;
  double fast_k, slow_k;
  double sweep_k = decay_factor (0.04);
  float previous = 0;

  /* Each drum decays fast (its attack or tone) and slow (its body). */
  static const double decays[][2] = {
    [FANFARE_VOICE_KICK - FANFARE_VOICE_KICK] = { 0.004, 0.3 },
    [FANFARE_VOICE_SNARE - FANFARE_VOICE_KICK] = { 0.07, 0.11 },
    [FANFARE_VOICE_HAT - FANFARE_VOICE_KICK] = { 0.001, 0.025 },
    [FANFARE_VOICE_OPEN_HAT - FANFARE_VOICE_KICK] = { 0.001, 0.18 },
    [FANFARE_VOICE_CLAP - FANFARE_VOICE_KICK] = { 0.003, 0.09 },
  };

  fast_k = decay_factor (decays[voice - FANFARE_VOICE_KICK][0]);
  slow_k = decay_factor (decays[voice - FANFARE_VOICE_KICK][1]);

  for (gsize i = 0; i < n; i++)
    {
      float white = noise (seed);
      float high = white - previous;
      double value;

      previous = white;
      if (voice == FANFARE_VOICE_KICK)
        {
          value = sine (phase) * slow + white * 0.3 * fast;
          phase += (45 + 110 * sweep) / RATE;
          sweep *= sweep_k;
        }
      else if (voice == FANFARE_VOICE_SNARE)
        {
          value = 0.7 * high * slow + 0.5 * sine (phase) * fast;
          phase += 190 / RATE;
        }
      else if (voice == FANFARE_VOICE_HAT || voice == FANFARE_VOICE_OPEN_HAT)
        value = 0.5 * high * slow;
      else
        {
          /* Three quick claps, then the room. */
          if (i % 528 == 0 && i < 1584)
            fast = 1.0;
          value = 0.8 * white * (i < 1584 ? fast : slow);
        }

      out[i] = (float) value;
      fast *= fast_k;
      slow *= slow_k;
    }
}

/* How long a voice rings after its key is let go. */
static double
tail_of (FanfareVoice  voice)
{
  switch (voice)
    {
    case FANFARE_VOICE_BELL:
      return 1.6;

    case FANFARE_VOICE_PAD:
    case FANFARE_VOICE_EPIANO:
    case FANFARE_VOICE_PLUCK:
      return 1.2;

    case FANFARE_VOICE_KICK:
    case FANFARE_VOICE_SNARE:
    case FANFARE_VOICE_OPEN_HAT:
    case FANFARE_VOICE_CLAP:
      return 0.6;

    case FANFARE_VOICE_HAT:
      return 0.15;

    case FANFARE_VOICE_LEAD:
    case FANFARE_VOICE_CHIP:
    case FANFARE_VOICE_BOWED:
    case FANFARE_VOICE_ORGAN:
    case FANFARE_VOICE_FLUTE:
    case FANFARE_VOICE_BASS:
    case FANFARE_N_VOICES:
    default:
      return 0.4;
    }
}

static gboolean
is_drum (FanfareVoice  voice)
{
  return voice >= FANFARE_VOICE_KICK;
}

static void
render_voice (float             *out,
              gsize              n,
              const FanfareNote *note,
              guint32           *seed)
{
  static const Envelope envelopes[FANFARE_N_VOICES] = {
    [FANFARE_VOICE_LEAD] = { 0.01, 0.15, 0.7, 0.12 },
    [FANFARE_VOICE_CHIP] = { 0.002, 0.05, 0.6, 0.05 },
    [FANFARE_VOICE_BOWED] = { 0.09, 0.2, 0.85, 0.25 },
    [FANFARE_VOICE_PAD] = { 0.5, 0.5, 0.8, 0.9 },
    [FANFARE_VOICE_ORGAN] = { 0.01, 0.05, 0.9, 0.08 },
    [FANFARE_VOICE_FLUTE] = { 0.06, 0.1, 0.8, 0.15 },
    [FANFARE_VOICE_BASS] = { 0.005, 0.2, 0.75, 0.08 },
  };
  double f = note->frequency;
  double gate = note->length;

  switch (note->voice)
    {
    case FANFARE_VOICE_BELL:
      render_fm (out, n, f, gate, 3.5, 4.0, 0.25, 1.1);
      break;

    case FANFARE_VOICE_EPIANO:
      render_fm (out, n, f, gate, 1.0, 1.6, 0.4, 1.4);
      break;

    case FANFARE_VOICE_PLUCK:
      render_pluck (out, n, f, gate, seed);
      break;

    case FANFARE_VOICE_LEAD:
    case FANFARE_VOICE_CHIP:
    case FANFARE_VOICE_BOWED:
    case FANFARE_VOICE_PAD:
    case FANFARE_VOICE_BASS:
      render_subtractive (out, n, f, gate, note->voice, &envelopes[note->voice]);
      break;

    case FANFARE_VOICE_ORGAN:
    case FANFARE_VOICE_FLUTE:
      render_additive (out, n, f, gate, note->voice, &envelopes[note->voice], seed);
      break;

    case FANFARE_VOICE_KICK:
    case FANFARE_VOICE_SNARE:
    case FANFARE_VOICE_HAT:
    case FANFARE_VOICE_OPEN_HAT:
    case FANFARE_VOICE_CLAP:
    case FANFARE_N_VOICES:
    default:
      render_drum (out, n, note->voice, seed);
      break;
    }
}

FanfareMix *
fanfare_mix_new (double  seconds)
{
  FanfareMix *mix = g_new0 (FanfareMix, 1);

  init_sine_table ();
  mix->n_frames = (gsize) (seconds * RATE);
  mix->samples = g_new0 (float, mix->n_frames * 2);
  mix->send = g_new0 (float, mix->n_frames);

  return mix;
}

void
fanfare_mix_free (FanfareMix *mix)
{
  g_free (mix->samples);
  g_free (mix->send);
  g_free (mix);
}

gsize
fanfare_mix_get_n_frames (FanfareMix *mix)
{
  return mix->n_frames;
}

/**
 * fanfare_mix_add_mono:
 *
 * Adds mono samples at @start seconds, in the middle, with @reverb of them
 * sent to the reverb.
 */
void
fanfare_mix_add_mono (FanfareMix  *mix,
                      double       start,
                      const float *samples,
                      gsize        n_samples,
                      float        gain,
                      float        reverb)
{
  fanfare_mix_add_panned (mix, start, samples, n_samples, gain, 0, reverb);
}

void
fanfare_mix_add_panned (FanfareMix  *mix,
                        double       start,
                        const float *samples,
                        gsize        n_samples,
                        float        gain,
                        float        pan,
                        float        reverb)
{
  gsize first = (gsize) (MAX (start, 0) * RATE);
  float left = gain * (float) cos ((pan + 1) * G_PI / 4);
  float right = gain * (float) sin ((pan + 1) * G_PI / 4);

  for (gsize i = 0; i < n_samples && first + i < mix->n_frames; i++)
    {
      float value = samples[i];

      mix->samples[(first + i) * 2] += value * left;
      mix->samples[(first + i) * 2 + 1] += value * right;
      mix->send[first + i] += value * gain * reverb;
    }
}

/**
 * fanfare_mix_add_note:
 * @seed: decides the noise in the note, for drums and plucks
 */
void
fanfare_mix_add_note (FanfareMix        *mix,
                      const FanfareNote *note,
                      guint32            seed)
{
  double seconds = (is_drum (note->voice) ? 0 : note->length) + tail_of (note->voice);
  gsize n = (gsize) (seconds * RATE);
  g_autofree float *buffer = g_new0 (float, n);
  guint32 state = seed != 0 ? seed : 0x9e3779b9;

  render_voice (buffer, n, note, &state);
  fanfare_mix_add_panned (mix, note->start, buffer, n, note->velocity, note->pan, note->reverb);
}

/* A Schroeder reverb: combs in parallel, then all-passes in series. */
static void
add_reverb (FanfareMix *mix,
            float       level)
{
  static const guint comb_delays[N_COMBS] = { 1557, 1617, 1491, 1422 };
  static const guint allpass_delays[N_ALLPASSES] = { 556, 441 };
  float *combs[N_COMBS], *allpasses[N_ALLPASSES];
  guint comb_pos[N_COMBS] = { 0 }, allpass_pos[N_ALLPASSES] = { 0 };
  float damp[N_COMBS] = { 0 };

  for (guint k = 0; k < N_COMBS; k++)
    combs[k] = g_new0 (float, comb_delays[k]);
  for (guint k = 0; k < N_ALLPASSES; k++)
    allpasses[k] = g_new0 (float, allpass_delays[k]);

  for (gsize i = 0; i < mix->n_frames; i++)
    {
      float in = mix->send[i] * 0.2f;
      float out = 0;

      for (guint k = 0; k < N_COMBS; k++)
        {
          float delayed = combs[k][comb_pos[k]];

          damp[k] = delayed * 0.7f + damp[k] * 0.3f;
          combs[k][comb_pos[k]] = in + damp[k] * 0.84f;
          comb_pos[k] = (comb_pos[k] + 1) % comb_delays[k];
          out += delayed;
        }

      for (guint k = 0; k < N_ALLPASSES; k++)
        {
          float delayed = allpasses[k][allpass_pos[k]];

          allpasses[k][allpass_pos[k]] = out + delayed * 0.5f;
          out = delayed - out;
          allpass_pos[k] = (allpass_pos[k] + 1) % allpass_delays[k];
        }

      /* The right side hears the tail a little later, for width. */
      mix->samples[i * 2] += out * level;
      if (i >= 240)
        mix->samples[(i - 240) * 2 + 1] += out * level;
    }

  for (guint k = 0; k < N_COMBS; k++)
    g_free (combs[k]);
  for (guint k = 0; k < N_ALLPASSES; k++)
    g_free (allpasses[k]);
}

/**
 * fanfare_mix_finish:
 *
 * Adds the reverb, fades in and out, and brings the peak to -1 dBFS.
 */
void
fanfare_mix_finish (FanfareMix *mix,
                    float       reverb_level)
{
  gsize fade_in = (gsize) (0.02 * RATE);
  gsize fade_out = MIN (mix->n_frames / 4, (gsize) (1.5 * RATE));
  float peak = 0;

  add_reverb (mix, reverb_level);

  for (gsize i = 0; i < mix->n_frames * 2; i++)
    peak = MAX (peak, fabsf (mix->samples[i]));

  for (gsize i = 0; i < mix->n_frames; i++)
    {
      float gain = peak > 0 ? 0.89f / peak : 0;

      if (i < fade_in)
        gain *= (float) i / fade_in;
      if (i + fade_out > mix->n_frames)
        gain *= (float) (mix->n_frames - i) / fade_out;
      mix->samples[i * 2] *= gain;
      mix->samples[i * 2 + 1] *= gain;
    }
}

/**
 * fanfare_mix_steal_samples:
 * @n_frames: (out): how many stereo frames
 *
 * Returns: (transfer full): the mix, interleaved stereo floats at
 *   %FANFARE_SYNTH_RATE
 */
float *
fanfare_mix_steal_samples (FanfareMix *mix,
                           gsize      *n_frames)
{
  *n_frames = mix->n_frames;

  return g_steal_pointer (&mix->samples);
}
