/* fanfare-demo-music.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writes the demo's songs: a style (genre) gives tempo, instruments,
 * scales and drum patterns; a seed picks the key, the chord progression
 * and two melodic motifs, which the song states, varies and answers over
 * an intro, verses, a contrasting section and an outro. Songs differ in
 * melody, rhythm and timbre, so each sounds, and fingerprints, as itself. */

#include "config.h"

#include <math.h>

#include "fanfare-demo-music-private.h"

static const int major[] = { 0, 2, 4, 5, 7, 9, 11 };
static const int minor[] = { 0, 2, 3, 5, 7, 8, 10 };
static const int dorian[] = { 0, 2, 3, 5, 7, 9, 10 };
static const int mixolydian[] = { 0, 2, 4, 5, 7, 9, 10 };
static const int harmonic[] = { 0, 2, 3, 5, 7, 8, 11 };
static const int gong[] = { 0, 2, 4, 7, 9 };  /* pentatonic, major */
static const int yu[] = { 0, 3, 5, 7, 10 };   /* pentatonic, minor */

#define SCALE(s) { s, G_N_ELEMENTS (s) }

static const struct {
  const int *steps;
  guint      length;
} scales[] = {
  SCALE (major), SCALE (minor), SCALE (dorian), SCALE (mixolydian), SCALE (harmonic), SCALE (gong), SCALE (yu),
};

enum { MAJOR, MINOR, DORIAN, MIXOLYDIAN, HARMONIC, GONG, YU };

/* Chord roots as scale degrees, four bars each; the last ones suit
 * five-note scales. */
static const int progressions[][4] = {
  { 0, 4, 5, 3 }, { 5, 3, 0, 4 }, { 0, 5, 3, 4 }, { 1, 4, 0, 5 }, { 0, 3, 4, 3 }, { 0, 6, 5, 4 },
  { 3, 4, 2, 5 }, { 0, 3, 0, 4 },
};
static const int pentatonic_progressions[][4] = {
  { 0, 3, 4, 2 }, { 4, 2, 0, 3 }, { 0, 2, 3, 1 }, { 3, 1, 4, 0 },
};

#define V(x) FANFARE_VOICE_ ## x

/* Drum and part patterns are sixteen sixteenths: x hit, o open hat or
 * fifth, 8 octave, . rest. */
static const FanfareStyle styles[] = {
  { "Pop", "流行", 84, 110, { V (LEAD), V (FLUTE), V (BELL) }, V (EPIANO), "x.....x.x.....x.", FALSE,
    "x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", { MAJOR, MINOR, MAJOR }, 0.25f, 0 },
  { "Rock", "摇滚", 112, 140, { V (LEAD), V (LEAD), V (BOWED) }, V (PLUCK), "x.x.x.x.x.x.x.x.", FALSE,
    "x.....x.x.......", "....x.......x...", "x.x.x.x.x.x.x.x.", { MINOR, MIXOLYDIAN, MAJOR }, 0.18f, 0 },
  { "Electronic", "电子", 120, 128, { V (CHIP), V (LEAD), V (BELL) }, V (PAD), "x...............", FALSE,
    "x...x...x...x...", "....x.......x...", "..o...o...o...o.", { MINOR, DORIAN, MINOR }, 0.3f, 0 },
  { "Folk", "民谣", 76, 100, { V (FLUTE), V (PLUCK), V (BOWED) }, V (PLUCK), "x.x.x.x.x.x.x.x.", TRUE,
    "x.......x.......", "", "", { MAJOR, GONG, MIXOLYDIAN }, 0.35f, 0 },
  { "Jazz", "爵士", 96, 132, { V (EPIANO), V (ORGAN), V (FLUTE) }, V (EPIANO), "x..x....x..x....", FALSE,
    "x.........x.....", "", "x..x..x.x..x..x.", { DORIAN, MIXOLYDIAN, MAJOR }, 0.3f, 0.33 },
  { "Hip-Hop", "说唱", 82, 96, { V (BELL), V (EPIANO), V (PLUCK) }, V (EPIANO), "x.......x.......", FALSE,
    "x......x..x.....", "....x.......x...", "x.xxx.x.x.xxx.x.", { MINOR, HARMONIC, DORIAN }, 0.2f, 0.15 },
  { "Ambient", "氛围", 60, 76, { V (BELL), V (FLUTE), V (BELL) }, V (PAD), "x...............", FALSE,
    "", "", "", { MAJOR, GONG, DORIAN }, 0.7f, 0 },
  { "Guofeng", "国风", 70, 96, { V (BOWED), V (FLUTE), V (PLUCK) }, V (PLUCK), "x.x.x.x.x.x.x.x.", TRUE,
    "x.......x.......", "........x.......", "", { GONG, YU, GONG }, 0.45f, 0 },
  { "Chiptune", "芯片音乐", 132, 160, { V (CHIP), V (CHIP), V (LEAD) }, V (CHIP), "x.x.x.x.x.x.x.x.", TRUE,
    "x...x...x...x...", "....x.......x...", "x.x.x.x.x.x.x.x.", { MAJOR, MINOR, MIXOLYDIAN }, 0.1f, 0 },
  { "Lo-fi", "低保真", 70, 86, { V (EPIANO), V (BELL), V (FLUTE) }, V (EPIANO), "x.....x.........", FALSE,
    "x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", { DORIAN, MAJOR, MINOR }, 0.35f, 0.25 },
  { "R&B", "节奏布鲁斯", 66, 84, { V (LEAD), V (FLUTE), V (EPIANO) }, V (ORGAN), "x.......x.......", FALSE,
    "x.....x...x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", { MINOR, DORIAN, MAJOR }, 0.3f, 0.12 },
};

guint
fanfare_demo_get_n_styles (void)
{
  return G_N_ELEMENTS (styles);
}

const FanfareStyle *
fanfare_demo_get_style (guint  index)
{
  return &styles[index % G_N_ELEMENTS (styles)];
}

const char *
fanfare_style_get_genre (const FanfareStyle *style)
{
  return style->genre;
}

/* The genre in Chinese, for the demo's Chinese artists. */
const char *
fanfare_style_get_name (const FanfareStyle *style)
{
  return style->name;
}

/* The pitch of a scale degree; degrees beyond the scale wrap by octaves. */
double
_fanfare_composer_pitch (Composer *c,
                         int       degree,
                         int       octave)
{
  int length = c->scale_length;
  int wraps = degree >= 0 ? degree / length : -((-degree + length - 1) / length);

  return c->root + 12 * (octave + wraps) + c->scale[degree - wraps * length];
}

void
_fanfare_composer_play (Composer     *c,
                        FanfareVoice  voice,
                        double        start,
                        double        length,
                        double        midi,
                        float         velocity,
                        float         pan,
                        float         reverb)
{
  FanfareNote note = {
    .start = start,
    .length = length,
    .frequency = fanfare_midi_to_hz (midi),
    .velocity = velocity * (0.9f + 0.2f * (float) g_rand_double (c->rand)),
    .pan = pan,
    .reverb = reverb,
    .voice = voice,
  };

  fanfare_mix_add_note (c->mix, &note, c->seed * 2654435761u + ++c->n_notes);
}

/* Two bars of melody: rhythm from a few durations, pitch a walk along the
 * scale that leans on small steps. */
static void
make_motif (Composer *c,
            Motif    *motif,
            int       start_degree)
{
  static const double lengths[] = { 0.5, 0.5, 0.5, 1, 1, 1, 1, 1.5, 2 };
  static const int steps[] = { -2, -1, -1, -1, 0, 1, 1, 1, 2, 3 };
  double beat = 0;
  int degree = start_degree;

  motif->n_notes = 0;
  while (beat < 8 && motif->n_notes < G_N_ELEMENTS (motif->notes))
    {
      double length = lengths[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (lengths))];

      length = MIN (length, 8 - beat);
      if (g_rand_double (c->rand) > 0.12)
        {
          degree = CLAMP (degree + steps[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (steps))], -3, 10);
          motif->notes[motif->n_notes++] = (MotifNote) { beat, length, degree };
        }
      beat += length;
    }
}

/* On the strong beats, the melody moves to the nearest note of the chord. */
static int
fit_chord (Composer *c,
           int       degree,
           int       chord,
           double    beat)
{
  int best = degree;

  if (fmod (beat, 2.0) != 0)
    return degree;

  for (int distance = 0; distance < c->scale_length; distance++)
    for (int sign = -1; sign <= 1; sign += 2)
      {
        int candidate = degree + sign * distance;
        int relative = ((candidate - chord) % c->scale_length + c->scale_length) % c->scale_length;

        if (relative == 0 || relative == 2 || relative == 4)
          return candidate;
      }

  return best;
}

static void
play_motif (Composer    *c,
            const Motif *motif,
            double       start,
            const int   *chords,
            guint        bar,
            int          shift)
{
  for (guint i = 0; i < motif->n_notes; i++)
    {
      const MotifNote *note = &motif->notes[i];
      int chord = chords[(bar + (guint) (note->beat / 4)) % 4];
      int degree = fit_chord (c, note->degree + shift, chord, note->beat);

      _fanfare_composer_play (c, c->lead, start + note->beat * c->beat, note->length * c->beat * 0.95,
                              _fanfare_composer_pitch (c, degree, 1), 0.5f, 0, c->style->reverb * 1.2f);
    }
}

static void
play_bar_parts (Composer *c,
                double    start,
                int       chord,
                gboolean  drums,
                gboolean  fill)
{
  const FanfareStyle *style = c->style;
  double step = c->beat / 4;

  for (guint s = 0; s < 16; s++)
    {
      double at = start + s * step + (s % 4 == 2 ? c->swing * step : 0);

      if (style->chord_pattern[s] == 'x')
        {
          guint next = s + 1;

          while (next < 16 && style->chord_pattern[next] != 'x')
            next++;

          if (style->arpeggio)
            _fanfare_composer_play (c, style->chords, at, (next - s) * step,
                                    _fanfare_composer_pitch (c, chord + 2 * (s / 2 % 3), 0), 0.3f,
                                    (s % 3) * 0.3f - 0.3f, style->reverb);
          else
            for (int k = 0; k < 3; k++)
              _fanfare_composer_play (c, style->chords, at, (next - s) * step,
                                      _fanfare_composer_pitch (c, chord + 2 * k, 0), 0.2f, k * 0.3f - 0.3f,
                                      style->reverb);
        }

      /* The bass: the chord's root, then its fifth. */
      if (s % 8 == 0 && style->chords != FANFARE_VOICE_PAD)
        _fanfare_composer_play (c, FANFARE_VOICE_BASS, at, c->beat * 1.8,
                                _fanfare_composer_pitch (c, chord + (s == 8 ? 4 : 0), -2), 0.45f, 0, 0.05f);

      if (!drums)
        continue;

      if (style->kick[0] != '\0' && style->kick[s] == 'x')
        _fanfare_composer_play (c, FANFARE_VOICE_KICK, at, 0.1, 0, 0.8f, 0, 0.02f);
      if (style->snare[0] != '\0' && (style->snare[s] == 'x' || (fill && s >= 12)))
        _fanfare_composer_play (c, style->kick[4] == 'x' ? FANFARE_VOICE_CLAP : FANFARE_VOICE_SNARE, at, 0.1, 0,
                                fill && s >= 12 ? 0.35f : 0.5f, 0.1f, 0.15f);
      if (style->hat[0] != '\0' && style->hat[s] != '.')
        _fanfare_composer_play (c, style->hat[s] == 'o' ? FANFARE_VOICE_OPEN_HAT : FANFARE_VOICE_HAT, at, 0.05, 0,
                                0.25f, 0.35f, 0.05f);
    }
}

static const int *
pick_progression (Composer *c)
{
  if (c->scale_length == 5)
    return pentatonic_progressions[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (pentatonic_progressions))];

  return progressions[g_rand_int_range (c->rand, 0, G_N_ELEMENTS (progressions))];
}

void
_fanfare_composer_init (Composer           *c,
                        const FanfareStyle *style,
                        guint32             seed,
                        FanfareMix         *mix)
{
  guint scale = style->scales[seed % 3];

  *c = (Composer) {
    .rand = g_rand_new_with_seed (seed),
    .mix = mix,
    .style = style,
    .seed = seed,
    .scale = scales[scale].steps,
    .scale_length = scales[scale].length,
  };
  c->beat = 60.0 / (style->bpm_min + g_rand_double (c->rand) * (style->bpm_max - style->bpm_min));
  c->swing = style->swing;
  c->root = 50 + g_rand_int_range (c->rand, 0, 12);
  c->lead = style->leads[g_rand_int_range (c->rand, 0, 3)];
}

/* Plays @n_bars from @start: intro, then blocks of four bars alternating
 * a verse and a contrasting section, then an outro. */
void
_fanfare_composer_play_song (Composer *c,
                             double    start,
                             guint     n_bars)
{
  const int *verse_chords = pick_progression (c);
  const int *other_chords = pick_progression (c);
  guint intro = n_bars >= 10 ? 2 : 1;
  guint outro = intro;
  Motif verse, answer, other;

  make_motif (c, &verse, g_rand_int_range (c->rand, 2, 6));
  answer = verse;
  for (guint i = answer.n_notes / 2; i < answer.n_notes; i++)
    answer.notes[i].degree += g_rand_int_range (c->rand, -2, 3);
  make_motif (c, &other, g_rand_int_range (c->rand, 4, 8));

  for (guint bar = 0; bar < n_bars; bar++)
    {
      double at = start + bar * 4 * c->beat;
      guint in_body = bar - intro;
      gboolean contrast = bar >= intro && (in_body / 4) % 2 == 1;
      const int *chords = contrast ? other_chords : verse_chords;
      gboolean body = bar >= intro && bar < n_bars - outro;

      play_bar_parts (c, at, chords[bar % 4], bar > 0 && bar < n_bars - 1, body && in_body % 4 == 3);

      if (body && in_body % 2 == 0)
        {
          const Motif *motif = contrast ? &other : (in_body % 4 == 0 ? &verse : &answer);

          play_motif (c, motif, at, chords, bar % 4, contrast ? 0 : (in_body / 8) % 2);
        }
    }
}

void
_fanfare_composer_clear (Composer *c)
{
  g_rand_free (c->rand);
}

/**
 * fanfare_demo_compose_song:
 * @n_frames: (out): how many stereo frames
 *
 * Returns: (transfer full): about @seconds of a song in @style, stereo
 *   floats at %FANFARE_SYNTH_RATE
 */
float *
fanfare_demo_compose_song (const FanfareStyle *style,
                           guint32             seed,
                           double              seconds,
                           gsize              *n_frames)
{
  Composer c;
  g_autoptr(FanfareMix) mix = NULL;
  guint n_bars;
  double length;

  _fanfare_composer_init (&c, style, seed, NULL);
  n_bars = MAX (4, (guint) round (seconds / (4 * c.beat)));
  length = n_bars * 4 * c.beat + 2.0;
  c.mix = mix = fanfare_mix_new (length);

  _fanfare_composer_play_song (&c, 0, n_bars);
  fanfare_mix_finish (mix, c.style->reverb);
  _fanfare_composer_clear (&c);

  return fanfare_mix_steal_samples (mix, n_frames);
}
