/* fanfare-demo-music-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fanfare-demo-music.h"
#include "fanfare-synth.h"

G_BEGIN_DECLS

struct _FanfareStyle
{
  const char  *genre;          /* as the catalog files it */
  const char  *name;           /* the same in Chinese */
  double       bpm_min;
  double       bpm_max;
  FanfareVoice leads[3];
  FanfareVoice chords;
  const char  *chord_pattern;  /* sixteenths: x strikes the chord */
  gboolean     arpeggio;
  const char  *kick;
  const char  *snare;
  const char  *hat;
  guint        scales[3];
  float        reverb;
  double       swing;          /* how late the off-beat sixteenths come, in sixteenths */
};

typedef struct {
  double beat;    /* in beats from the motif's start */
  double length;  /* in beats */
  int    degree;  /* of the scale */
} MotifNote;

typedef struct {
  MotifNote notes[24];
  guint     n_notes;
} Motif;

typedef struct {
  GRand              *rand;
  FanfareMix         *mix;
  const FanfareStyle *style;
  guint32             seed;
  guint               n_notes;
  double              beat;   /* seconds */
  double              swing;
  int                 root;   /* MIDI */
  const int          *scale;
  int                 scale_length;
  FanfareVoice        lead;
} Composer;

void   _fanfare_composer_init (Composer           *c,
                               const FanfareStyle *style,
                               guint32             seed,
                               FanfareMix         *mix);
void   _fanfare_composer_clear (Composer *c);
void   _fanfare_composer_play_song (Composer *c,
                                    double    start,
                                    guint     n_bars);
double _fanfare_composer_pitch (Composer *c,
                                int       degree,
                                int       octave);
void   _fanfare_composer_play (Composer     *c,
                               FanfareVoice  voice,
                               double        start,
                               double        length,
                               double        midi,
                               float         velocity,
                               float         pan,
                               float         reverb);

G_END_DECLS
