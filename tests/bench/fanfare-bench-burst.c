/* fanfare-bench-burst.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A burst of HTTP/1.1 requests, all sent at once over a pool of
 * keep-alive connections, with as little work in the client as a load
 * generator can do: the requests are written out beforehand, and an
 * answer is read for its status and length only. On a machine of two
 * cores the client shares them with the server; a full HTTP client spent
 * more processor time on each request than the server did, and the
 * figures then measured it. */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fanfare-bench-burst.h"

typedef struct {
  int      fd;
  gint     request;             /* the one in flight, or -1 */
  gint64   started;
  gsize    written;
  GString *answer;
} Connection;

typedef struct {
  GPtrArray      *requests;
  const GString  *warm_up;
  GSocketAddress *address;
  gint            next;         /* atomic: the next request not yet taken */
  double         *times;
  guint          *statuses;
  guint           n_connections;
  guint           n_threads;
  gint            ready;        /* atomic: threads with their connections open */
} Burst;

static int
open_connection (GSocketAddress *address)
{
  struct sockaddr_storage native;
  gsize length = g_socket_address_get_native_size (address);
  int fd = socket (g_socket_address_get_family (address) == G_SOCKET_FAMILY_IPV6 ? AF_INET6 : AF_INET,
                   SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;

  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_socket_address_to_native (address, &native, length, NULL));
  g_assert_cmpint (connect (fd, (struct sockaddr *) &native, length), ==, 0);
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

  return fd;
}

/* Whether @answer holds a whole response; if so, its status. */
static gboolean
parse_answer (GString *answer,
              guint   *status)
{
  const char *end = g_strstr_len (answer->str, answer->len, "\r\n\r\n");
  const char *length;
  gsize head;

  if (end == NULL)
    return FALSE;
  head = end + 4 - answer->str;

  length = g_strstr_len (answer->str, head, "\nContent-Length:");
  if (length == NULL)
    length = g_strstr_len (answer->str, head, "\ncontent-length:");
  g_assert_nonnull (length);
  if (answer->len < head + g_ascii_strtoull (length + strlen ("\nContent-Length:"), NULL, 10))
    return FALSE;

  g_assert_true (g_str_has_prefix (answer->str, "HTTP/1.1 "));
  *status = g_ascii_strtoull (answer->str + strlen ("HTTP/1.1 "), NULL, 10);

  return TRUE;
}

/* Sends @request on @conn and reads its answer, which must be a success:
 * the connection is then open at both ends, as a client's would be that
 * has been talking to the server. */
static void
warm_up (Connection    *conn,
         const GString *request)
{
  char buffer[16384];
  guint status = 0;

  g_assert_cmpint (send (conn->fd, request->str, request->len, MSG_NOSIGNAL), ==, request->len);
  do
    {
      ssize_t n = recv (conn->fd, buffer, sizeof buffer, 0);

      g_assert_cmpint (n, >, 0);
      g_string_append_len (conn->answer, buffer, n);
    }
  while (!parse_answer (conn->answer, &status));
  g_assert_cmpuint (status, <, 300);
}

/* Takes the next request, if any is left, and starts writing it. */
static void
take_request (Burst      *burst,
              Connection *conn)
{
  gint index = g_atomic_int_add (&burst->next, 1);

  conn->request = index < (gint) burst->requests->len ? index : -1;
  conn->written = 0;
  g_string_truncate (conn->answer, 0);
  conn->started = g_get_monotonic_time ();
}

static gpointer
burst_thread (gpointer  data)
{
  Burst *burst = data;
  Connection *conns = g_new0 (Connection, burst->n_connections);
  struct pollfd *fds = g_new0 (struct pollfd, burst->n_connections);
  guint busy = 0;
  char buffer[16384];

  for (guint i = 0; i < burst->n_connections; i++)
    {
      conns[i].fd = open_connection (burst->address);
      conns[i].answer = g_string_sized_new (sizeof buffer);
      if (burst->warm_up != NULL)
        warm_up (&conns[i], burst->warm_up);
    }
  g_atomic_int_inc (&burst->ready);
  while (g_atomic_int_get (&burst->ready) < (gint) burst->n_threads)
    g_usleep (100);

  for (guint i = 0; i < burst->n_connections; i++)
    {
      take_request (burst, &conns[i]);
      busy += conns[i].request >= 0;
    }

  while (busy > 0)
    {
      for (guint i = 0; i < burst->n_connections; i++)
        {
          const GString *request = conns[i].request >= 0 ? burst->requests->pdata[conns[i].request] : NULL;

          fds[i].fd = request != NULL ? conns[i].fd : -1;
          fds[i].events = request != NULL && conns[i].written < request->len ? POLLOUT : POLLIN;
        }
      g_assert_cmpint (poll (fds, burst->n_connections, 120 * 1000), >, 0);

      for (guint i = 0; i < burst->n_connections; i++)
        {
          Connection *conn = &conns[i];
          const GString *request;
          guint status;
          ssize_t n;

          if (fds[i].revents == 0 || conn->request < 0)
            continue;
          request = burst->requests->pdata[conn->request];

          if (conn->written < request->len)
            {
              n = send (conn->fd, request->str + conn->written, request->len - conn->written, MSG_NOSIGNAL);
              g_assert_cmpint (n, >, 0);
              conn->written += n;
              continue;
            }

          n = recv (conn->fd, buffer, sizeof buffer, 0);
          if (n < 0 && errno == EAGAIN)
            continue;
          g_assert_cmpint (n, >, 0);
          g_string_append_len (conn->answer, buffer, n);
          if (!parse_answer (conn->answer, &status))
            continue;

          burst->times[conn->request] = (g_get_monotonic_time () - conn->started) / 1000.0;
          burst->statuses[conn->request] = status;
          take_request (burst, conn);
          busy -= conn->request < 0;
        }
    }

  for (guint i = 0; i < burst->n_connections; i++)
    {
      close (conns[i].fd);
      g_string_free (conns[i].answer, TRUE);
    }
  g_free (fds);
  g_free (conns);

  return NULL;
}

/**
 * fanfare_bench_burst:
 * @url: the server's address, http://HOST:PORT
 * @requests: (element-type GString): whole requests, each with its
 *   headers; the server must answer each with a Content-Length
 * @n_connections: the connections to send them over, one request in
 *   flight on each at a time
 * @n_threads: the threads that share the connections
 * @warm_up: (nullable): a request sent first on each connection, not
 *   timed, so that the times are the requests' and not the connections'
 * @statuses: (out) (array): each request's status
 *
 * Opens the connections, then sends all @requests at once: a connection
 * that is answered takes the next one not yet sent.
 *
 * Returns: (transfer full) (element-type double): each request's time in
 *   milliseconds, from the first byte written to the last byte read
 */
GArray *
fanfare_bench_burst (const char *url,
                     GPtrArray  *requests,
                     guint       n_connections,
                     guint       n_threads,
                     GString    *warm_up,
                     guint     **statuses)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) host = NULL;
  GArray *times = g_array_sized_new (FALSE, TRUE, sizeof (double), requests->len);
  g_autofree GThread * *threads = g_new0 (GThread *, n_threads);
  Burst burst = { .requests = requests, .warm_up = warm_up, .n_threads = n_threads };

  g_assert_nonnull (uri);
  host = g_inet_address_new_from_string (g_uri_get_host (uri));
  g_assert_nonnull (host);
  burst.address = g_inet_socket_address_new (host, g_uri_get_port (uri));
  g_array_set_size (times, requests->len);
  burst.times = (double *) times->data;
  burst.statuses = *statuses = g_new0 (guint, requests->len);
  burst.n_connections = n_connections / n_threads;

  for (guint i = 0; i < n_threads; i++)
    threads[i] = g_thread_new ("burst", burst_thread, &burst);
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
  g_object_unref (burst.address);

  return times;
}
