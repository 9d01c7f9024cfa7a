/* fanfare-bench.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the server benchmarks share: servers started on a free port, wrk
 * as the load generator (it runs on the same two cores as the server, as
 * the figures say), and the resident memory of a process. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fanfare-bench.h"

/**
 * fanfare_bench_spawn:
 * @url: (out): what the program printed after "Listening on "
 *
 * Starts a program that announces its URL on its first line.
 */
GSubprocess *
fanfare_bench_spawn (const char * const *argv,
                     char              **url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  GSubprocess *process;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "Listening on "));
  *url = g_strdup (line + strlen ("Listening on "));

  return process;
}

void
fanfare_bench_stop (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_object_unref (process);
}

/* "1.23ms", "456.78us", "1.02s" in milliseconds. */
static double
parse_duration (const char *text)
{
  double value = g_ascii_strtod (text, NULL);

  if (strstr (text, "us") != NULL)
    return value / 1000;
  if (strstr (text, "ms") != NULL)
    return value;
  if (strstr (text, "s") != NULL)
    return value * 1000;

  return value;
}

/* "12.34MB" in MB. */
static double
parse_size (const char *text)
{
  double value = g_ascii_strtod (text, NULL);

  if (strstr (text, "GB") != NULL)
    return value * 1024;
  if (strstr (text, "KB") != NULL)
    return value / 1024;
  if (strstr (text, "MB") != NULL)
    return value;

  return value / (1024 * 1024);
}

/**
 * fanfare_bench_wrk:
 * @options: wrk's options, such as -c16 -d10s
 *
 * Runs wrk with --latency and reads its report.
 */
gboolean
fanfare_bench_wrk (const char * const *options,
                   const char         *url,
                   FanfareWrkResult   *result)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) lines = NULL;

  g_strv_builder_add_many (builder, "wrk", "--latency", NULL);
  g_strv_builder_addv (builder, (const char **) options);
  g_strv_builder_add (builder, url);
  argv = g_strv_builder_end (builder);

  *result = (FanfareWrkResult) { 0 };
  process = g_subprocess_newv ((const char * const *) argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error))
    {
      g_printerr ("wrk did not run: %s\n", error->message);
      return FALSE;
    }

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          g_ptr_array_add (fields, words[j]);
      if (fields->len < 2)
        continue;

      if (g_str_equal (g_ptr_array_index (fields, 1), "requests"))
        result->requests = g_ascii_strtoull (g_ptr_array_index (fields, 0), NULL, 10);
      else if (g_str_equal (g_ptr_array_index (fields, 0), "Requests/sec:"))
        result->requests_per_second = g_ascii_strtod (g_ptr_array_index (fields, 1), NULL);
      else if (g_str_equal (g_ptr_array_index (fields, 0), "Transfer/sec:"))
        result->transfer_mb_per_second = parse_size (g_ptr_array_index (fields, 1));
      else if (g_str_equal (g_ptr_array_index (fields, 0), "50%"))
        result->p50_ms = parse_duration (g_ptr_array_index (fields, 1));
      else if (g_str_equal (g_ptr_array_index (fields, 0), "99%"))
        result->p99_ms = parse_duration (g_ptr_array_index (fields, 1));
      else if (g_str_equal (g_ptr_array_index (fields, 0), "Non-2xx"))
        result->errors += atoi (g_ptr_array_index (fields, fields->len - 1));
      else if (g_str_equal (g_ptr_array_index (fields, 0), "Socket") && fields->len >= 10)
        for (guint j = 3; j < fields->len; j += 2)
          result->errors += atoi (g_ptr_array_index (fields, j));
    }

  return result->requests_per_second > 0;
}

/**
 * fanfare_bench_read_status_kib:
 * @field: a line of /proc/PID/status, such as "VmRSS:" or "RssAnon:"
 */
guint64
fanfare_bench_read_status_kib (GPid        pid,
                               const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (line = strstr (text, field)) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/**
 * fanfare_bench_cpu_ms:
 *
 * Returns: the processor time @process spent so far, in milliseconds: what
 *   its requests cost when the machine is shared and the wall clock waits
 */
double
fanfare_bench_cpu_ms (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (process));
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* After the command's name in parentheses: utime and stime are the
   * 12th and 13th fields. */
  fields = g_strsplit (strrchr (text, ')') + 2, " ", -1);

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 / sysconf (_SC_CLK_TCK);
}

/**
 * fanfare_bench_fetch:
 * @length: (out): the body's length
 *
 * Returns: (transfer full): the body of a request that must succeed
 */
char *
fanfare_bench_fetch (const char *url,
                     const char *method,
                     const char *body,
                     gsize      *length)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), <, 300);

  return g_bytes_unref_to_data (g_steal_pointer (&response), length);
}

char *
fanfare_bench_log_in (const char *server_url,
                      const char *username,
                      const char *password)
{
  g_autofree char *url = g_strconcat (server_url, "/api/v1/sessions", NULL);
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}", username, password);
  g_autofree char *response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;

  response = fanfare_bench_fetch (url, "POST", body, &length);
  g_assert_true (json_parser_load_from_data (parser, response, length, NULL));

  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "token"));
}

/* A count from the environment, to make a data set smaller. */
guint
fanfare_bench_env_count (const char *name,
                         guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

/* Runs SQL that makes a data set; fails the benchmark if it fails. */
void
fanfare_bench_exec_sql (sqlite3    *handle,
                        const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}
