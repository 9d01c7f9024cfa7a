/* fanfare-fp-fft.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FanfareFpFft FanfareFpFft;

FanfareFpFft *fanfare_fp_fft_new (guint  size) G_GNUC_WARN_UNUSED_RESULT;
void          fanfare_fp_fft_free (FanfareFpFft *self);
void          fanfare_fp_fft_power (FanfareFpFft *self,
                                    const float  *frame,
                                    double       *power);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanfareFpFft, fanfare_fp_fft_free)

G_END_DECLS
