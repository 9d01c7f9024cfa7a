/* fanfare-fp-decode.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

float *fanfare_fp_decode_file (const char *path,
                               gsize      *n_samples,
                               GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
