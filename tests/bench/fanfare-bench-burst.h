/* fanfare-bench-burst.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GArray *fanfare_bench_burst (const char *url,
                             GPtrArray  *requests,
                             guint       n_connections,
                             guint       n_threads,
                             GString    *warm_up,
                             guint     **statuses);

G_END_DECLS
