/* fanfare-bench-stats.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Medians and percentiles of the benchmarks' samples. */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "fanfare-bench-stats.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @n doubles in increasing order. */
void
fanfare_bench_sort_doubles (double *values,
                            gsize   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
}

/* Sorts @values (doubles) and returns the one at @fraction of the way up:
 * 0.5 for the median, 0.99 for the 99th percentile. */
double
fanfare_bench_percentile (GArray *values,
                          double  fraction)
{
  g_return_val_if_fail (values->len > 0, 0.0);

  fanfare_bench_sort_doubles ((double *) (gpointer) values->data, values->len);

  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * fraction)));
}

/**
 * fanfare_bench_cpu_seconds:
 *
 * Returns: the processor time the process has used, all its threads, in
 *   seconds: on a machine others share, what a piece of work costs where
 *   the clock on the wall says how long it waited its turn too
 */
double
fanfare_bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}
