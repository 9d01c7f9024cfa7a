/* fanfare-fp-fft.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The power spectrum of a Hann-windowed frame: an iterative radix-2 FFT
 * over doubles, with its window, twiddles and bit reversal computed once.
 * Everything is plain arithmetic in a fixed order, so the same frame gives
 * the same spectrum bit for bit on every build. */

#include "config.h"

#include <math.h>

#include "fanfare-fp-fft.h"

struct _FanfareFpFft
{
  guint   size;
  double *window;
  double *cos_table;
  double *sin_table;
  guint  *reversed;
  double *re;
  double *im;
};

/**
 * fanfare_fp_fft_new:
 * @size: the frame length, a power of two
 *
 * Returns: (transfer full): a transform for frames of @size samples
 */
FanfareFpFft *
fanfare_fp_fft_new (guint  size)
{
  FanfareFpFft *self = g_new0 (FanfareFpFft, 1);
  guint bits = 0;

  g_return_val_if_fail (size >= 4 && (size & (size - 1)) == 0, NULL);

  while ((1u << bits) < size)
    bits++;

  self->size = size;
  self->window = g_new (double, size);
  self->cos_table = g_new (double, size / 2);
  self->sin_table = g_new (double, size / 2);
  self->reversed = g_new (guint, size);
  self->re = g_new (double, size);
  self->im = g_new (double, size);

  for (guint i = 0; i < size; i++)
    {
      guint r = 0;

      for (guint b = 0; b < bits; b++)
        r |= ((i >> b) & 1) << (bits - 1 - b);
      self->reversed[i] = r;
      self->window[i] = 0.5 - 0.5 * cos (2.0 * G_PI * i / size);
    }

  for (guint i = 0; i < size / 2; i++)
    {
      self->cos_table[i] = cos (2.0 * G_PI * i / size);
      self->sin_table[i] = -sin (2.0 * G_PI * i / size);
    }

  return self;
}

void
fanfare_fp_fft_free (FanfareFpFft *self)
{
  if (self == NULL)
    return;

  g_free (self->window);
  g_free (self->cos_table);
  g_free (self->sin_table);
  g_free (self->reversed);
  g_free (self->re);
  g_free (self->im);
  g_free (self);
}

/**
 * fanfare_fp_fft_power:
 * @self: a transform
 * @frame: (array): `size` samples
 * @power: (array) (out caller-allocates): `size / 2 + 1` values, the power
 *   of each frequency bin
 */
void
fanfare_fp_fft_power (FanfareFpFft *self,
                      const float  *frame,
                      double       *power)
{
  guint n = self->size;

  /* A sample that is not a number, or is infinite, is silence: one would
   * spread over every bin of the frame and leave nothing to compare. */
  for (guint i = 0; i < n; i++)
    {
      self->re[self->reversed[i]] = isfinite (frame[i]) ? frame[i] * self->window[i] : 0.0;
      self->im[self->reversed[i]] = 0.0;
    }

  for (guint len = 2; len <= n; len <<= 1)
    {
      guint half = len / 2, step = n / len;

      for (guint start = 0; start < n; start += len)
        for (guint k = 0; k < half; k++)
          {
            double wr = self->cos_table[k * step], wi = self->sin_table[k * step];
            guint a = start + k, b = a + half;
            double tr = self->re[b] * wr - self->im[b] * wi;
            double ti = self->re[b] * wi + self->im[b] * wr;

            self->re[b] = self->re[a] - tr;
            self->im[b] = self->im[a] - ti;
            self->re[a] += tr;
            self->im[a] += ti;
          }
    }

  for (guint i = 0; i <= n / 2; i++)
    power[i] = self->re[i] * self->re[i] + self->im[i] * self->im[i];
}
