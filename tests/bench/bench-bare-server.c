/* bench-bare-server.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The baseline of the album-list benchmark: a bare SoupServer that answers
 * every request with a fixed JSON body of N bytes, from memory.
 *
 *   bench-bare-server N
 */

#include "config.h"

#include <glib-unix.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

static GBytes *body;

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

static gboolean
quit_cb (gpointer  loop)
{
  g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize size = argc > 1 ? strtoul (argv[1], NULL, 10) : 1000;
  char *text = g_malloc (size);
  GSList *uris;

  /* A JSON string of the same length as the album list. */
  memset (text, 'x', size);
  text[0] = '"';
  text[size - 1] = '"';
  body = g_bytes_new_take (text, size);

  soup_server_add_handler (server, NULL, handler_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);

  uris = soup_server_get_uris (server);
  {
    g_autofree char *uri = g_uri_to_string (uris->data);

    if (g_str_has_suffix (uri, "/"))
      uri[strlen (uri) - 1] = '\0';
    g_print ("Listening on %s\n", uri);
  }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_bytes_unref (body);

  return 0;
}
