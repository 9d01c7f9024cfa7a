/* fanfare-bench-stats.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void   fanfare_bench_sort_doubles (double *values,
                                   gsize   n);
double fanfare_bench_percentile (GArray *values,
                                 double  fraction);
double fanfare_bench_cpu_seconds (void);

G_END_DECLS
