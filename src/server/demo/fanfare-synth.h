/* fanfare-synth.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FANFARE_SYNTH_RATE 48000

/* The instruments of the demo's music. */
typedef enum {
  FANFARE_VOICE_BELL,      /* FM bell */
  FANFARE_VOICE_EPIANO,    /* FM electric piano */
  FANFARE_VOICE_PLUCK,     /* plucked string (Karplus-Strong): guitar, guzheng */
  FANFARE_VOICE_LEAD,      /* filtered saw with vibrato */
  FANFARE_VOICE_CHIP,      /* pulse wave */
  FANFARE_VOICE_BOWED,     /* bowed string, erhu-like */
  FANFARE_VOICE_PAD,       /* detuned saws, slow */
  FANFARE_VOICE_ORGAN,     /* drawbar harmonics */
  FANFARE_VOICE_FLUTE,     /* sine and breath, dizi-like */
  FANFARE_VOICE_BASS,      /* saw and sine with a filter envelope */
  FANFARE_VOICE_KICK,
  FANFARE_VOICE_SNARE,
  FANFARE_VOICE_HAT,
  FANFARE_VOICE_OPEN_HAT,
  FANFARE_VOICE_CLAP,
  FANFARE_N_VOICES,
} FanfareVoice;

typedef struct {
  double       start;      /* seconds */
  double       length;     /* seconds the key is held */
  double       frequency;  /* Hz; drums ignore it */
  float        velocity;   /* 0 to 1 */
  float        pan;        /* -1 left to 1 right */
  float        reverb;     /* how much goes to the reverb */
  FanfareVoice voice;
} FanfareNote;

typedef struct _FanfareMix FanfareMix;

FanfareMix *fanfare_mix_new (double  seconds);
void        fanfare_mix_free (FanfareMix *mix);
void        fanfare_mix_add_note (FanfareMix        *mix,
                                  const FanfareNote *note,
                                  guint32            seed);
void        fanfare_mix_add_mono (FanfareMix  *mix,
                                  double       start,
                                  const float *samples,
                                  gsize        n_samples,
                                  float        gain,
                                  float        reverb);
void        fanfare_mix_add_panned (FanfareMix  *mix,
                                    double       start,
                                    const float *samples,
                                    gsize        n_samples,
                                    float        gain,
                                    float        pan,
                                    float        reverb);
void        fanfare_mix_finish (FanfareMix *mix,
                                float       reverb_level);
float      *fanfare_mix_steal_samples (FanfareMix *mix,
                                       gsize      *n_frames) G_GNUC_WARN_UNUSED_RESULT;
gsize       fanfare_mix_get_n_frames (FanfareMix *mix);
double      fanfare_midi_to_hz (double  note);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareMix, fanfare_mix_free)

G_END_DECLS
