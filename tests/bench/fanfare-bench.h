/* fanfare-bench.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct {
  double  requests_per_second;
  double  p50_ms;
  double  p99_ms;
  double  transfer_mb_per_second;
  guint64 requests;
  guint   errors;
} FanfareWrkResult;

GSubprocess *fanfare_bench_spawn (const char * const *argv,
                                  char              **url) G_GNUC_WARN_UNUSED_RESULT;
void         fanfare_bench_stop (GSubprocess *process);
gboolean     fanfare_bench_wrk (const char * const *options,
                                const char         *url,
                                FanfareWrkResult   *result);
guint64      fanfare_bench_read_status_kib (GPid        pid,
                                            const char *field);
double       fanfare_bench_cpu_ms (GSubprocess *process);
char        *fanfare_bench_fetch (const char *url,
                                  const char *method,
                                  const char *body,
                                  gsize      *length) G_GNUC_WARN_UNUSED_RESULT;
char        *fanfare_bench_log_in (const char *server_url,
                                   const char *username,
                                   const char *password) G_GNUC_WARN_UNUSED_RESULT;
guint        fanfare_bench_env_count (const char *name,
                                      guint       fallback);
void         fanfare_bench_exec_sql (sqlite3    *handle,
                                     const char *sql);

G_END_DECLS
