/* fanfare-server.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The platform server: its data folder (the database and the media), the
 * HTTP server and the routes, and an orderly end. Shutting down stops
 * taking new requests, lets the ones in flight finish (up to a limit),
 * then closes the connections and the database. */

#include "config.h"

#include <errno.h>
#include <string.h>

#include "fanfare-credentials.h"
#include "fanfare-discovery-store.h"
#include "fanfare-recommender.h"
#include "fanfare-server-private.h"
#include "fanfare-shop.h"

/* Connections the kernel holds for the server before it accepts them. */
#define LISTEN_BACKLOG 1024
/* The JSON forms of tracks kept for the answers that list them: about a
 * kilobyte each with its key, so some 64 MiB at most. */
#define MAX_FORMS 65536

enum {
  SIGNAL_STOPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FanfareServer, fanfare_server, G_TYPE_OBJECT)

/**
 * fanfare_server_limits_init:
 * @limits: (out caller-allocates): the limits to fill in
 *
 * Fills in the defaults.
 */
void
fanfare_server_limits_init (FanfareServerLimits *limits)
{
  *limits = (FanfareServerLimits) {
    .max_body = 1024 * 1024,
    .request_timeout_ms = 30000,
    .drain_timeout_ms = 30000,
    .session_lifetime = 30 * 24 * 60 * 60,
    .account_attempts = 5,
    .address_attempts = 20,
    .throttle_window = 15 * 60,
    .recommend_interval = 60 * 60,
    .identify_per_minute = 30,
    .max_upload = G_GINT64_CONSTANT (2) * 1024 * 1024 * 1024,
    .upload_lifetime = 24 * 60 * 60,
    .studio_interval = 60,
  };
}

static void
fanfare_server_dispose (GObject *object)
{
  FanfareServer *self = FANFARE_SERVER (object);

  g_clear_handle_id (&self->drain_timeout_id, g_source_remove);
  g_clear_handle_id (&self->recommend_id, g_source_remove);
  _fanfare_server_stop_studio (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  /* Lets the requests still running end. */
  if (self->workers != NULL)
    g_thread_pool_free (g_steal_pointer (&self->workers), FALSE, TRUE);

  G_OBJECT_CLASS (fanfare_server_parent_class)->dispose (object);
}

static void
fanfare_server_finalize (GObject *object)
{
  FanfareServer *self = FANFARE_SERVER (object);

  g_clear_object (&self->router);
  g_clear_object (&self->cache);
  g_clear_object (&self->forms);
  g_clear_object (&self->throttle);
  g_clear_object (&self->identify_throttle);
  g_clear_object (&self->fingerprints);
  g_clear_pointer (&self->shop, fanfare_shop_free);
  g_clear_pointer (&self->uploads, fanfare_uploads_free);
  g_clear_object (&self->media);
  if (self->db != NULL)
    fanfare_database_close (self->db);
  g_clear_object (&self->db);
  g_free (self->public_url);
  g_free (self->data_dir);

  G_OBJECT_CLASS (fanfare_server_parent_class)->finalize (object);
}

static void
fanfare_server_class_init (FanfareServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_server_dispose;
  object_class->finalize = fanfare_server_finalize;

  /**
   * FanfareServer::stopped:
   *
   * The server has finished shutting down: no request is in flight and
   * every connection is closed.
   */
  signals[SIGNAL_STOPPED] =
    g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fanfare_server_init (FanfareServer *self)
{
  self->router = fanfare_router_new ();
  self->cache = fanfare_response_cache_new ();
  self->forms = fanfare_form_cache_new (MAX_FORMS);
  fanfare_router_add (self->router, fanfare_http_meta_routes);
  fanfare_router_add (self->router, fanfare_http_account_routes);
  fanfare_router_add (self->router, fanfare_http_catalog_routes);
  fanfare_router_add (self->router, fanfare_http_media_routes);
  fanfare_router_add (self->router, fanfare_http_search_routes);
  fanfare_router_add (self->router, fanfare_http_playlist_routes);
  fanfare_router_add (self->router, fanfare_http_library_routes);
  fanfare_router_add (self->router, fanfare_http_playlist_edit_routes);
  fanfare_router_add (self->router, fanfare_http_playlist_file_routes);
  fanfare_router_add (self->router, fanfare_http_play_routes);
  fanfare_router_add (self->router, fanfare_http_longform_routes);
  fanfare_router_add (self->router, fanfare_http_discovery_routes);
  fanfare_router_add (self->router, fanfare_http_identify_routes);
  fanfare_router_add (self->router, fanfare_http_social_routes);
  fanfare_router_add (self->router, fanfare_http_friends_routes);
  fanfare_router_add (self->router, fanfare_http_moderation_routes);
  fanfare_router_add (self->router, fanfare_http_comment_routes);
  fanfare_router_add (self->router, fanfare_http_message_routes);
  fanfare_router_add (self->router, fanfare_http_store_routes);
  fanfare_router_add (self->router, fanfare_http_wallet_routes);
  fanfare_router_add (self->router, fanfare_http_sales_routes);
  fanfare_router_add (self->router, fanfare_http_club_routes);
  fanfare_router_add (self->router, fanfare_http_club_post_routes);
  fanfare_router_add (self->router, fanfare_http_artist_routes);
  fanfare_router_add (self->router, fanfare_http_studio_routes);
  fanfare_router_add (self->router, fanfare_http_upload_routes);
}

/**
 * fanfare_server_new:
 * @data_dir: the folder of the database and the media, created when missing
 * @limits: (nullable): limits other than the defaults
 *
 * Opens the store, migrating the database. The server serves nothing until
 * fanfare_server_listen().
 *
 * Returns: (transfer full): the server, or %NULL with @error set
 */
FanfareServer *
fanfare_server_new (const char                *data_dir,
                    const FanfareServerLimits *limits,
                    GError                   **error)
{
  g_autoptr(FanfareServer) self = g_object_new (FANFARE_TYPE_SERVER, NULL);
  g_autofree char *db_path = NULL;
  g_autofree char *media_path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (!fanfare_credentials_init (error))
    return NULL;

  if (limits != NULL)
    self->limits = *limits;
  else
    fanfare_server_limits_init (&self->limits);

  if (g_mkdir_with_parents (data_dir, 0750) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create the data folder %s: %s", data_dir, g_strerror (saved_errno));
      return NULL;
    }

  self->data_dir = g_strdup (data_dir);
  db_path = g_build_filename (data_dir, "fanfare.db", NULL);
  media_path = g_build_filename (data_dir, "media", NULL);

  self->db = fanfare_database_open (db_path, error);
  if (self->db == NULL)
    return NULL;

  self->media = fanfare_media_store_new (self->db, media_path, error);
  if (self->media == NULL)
    return NULL;

  self->throttle = fanfare_login_throttle_new (self->limits.account_attempts,
                                               self->limits.address_attempts,
                                               self->limits.throttle_window);
  /* Every query counts against the limits: the same window, never
   * taken back. */
  self->identify_throttle = fanfare_login_throttle_new (self->limits.identify_per_minute,
                                                        self->limits.identify_per_minute * 4, 60);
  self->fingerprints = fanfare_fingerprints_new (data_dir);
  self->uploads = fanfare_uploads_new (self->db, self->media, self->fingerprints, data_dir,
                                       self->limits.max_upload, error);
  if (self->uploads == NULL)
    return NULL;

  self->shop = fanfare_shop_new (data_dir, error);
  if (self->shop == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static void
recommend_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FanfareServer *self = source_object;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autofree char *day = g_date_time_format (today, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  FanfareRecommenderReport report;
  gboolean done = FALSE;

  if (!fanfare_discovery_store_has_run (self->db, day, &done, &error) ||
      (!done && !fanfare_recommender_run (self->db, today, &report, &error)))
    g_warning ("Could not make the daily picks: %s", error->message);
  else if (!done)
    g_message ("Made the daily picks of %s for %u listeners in %.1f s", day, report.users, report.seconds);

  g_task_return_boolean (task, TRUE);
}

static void
recommend_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  FANFARE_SERVER (object)->recommending = FALSE;
}

/* Makes the day's picks once a day, in a thread, unless they are made. */
static gboolean
recommend_cb (gpointer  data)
{
  FanfareServer *self = data;
  g_autoptr(GTask) task = NULL;

  if (self->recommending || self->draining)
    return G_SOURCE_CONTINUE;

  self->recommending = TRUE;
  task = g_task_new (self, NULL, recommend_done_cb, NULL);
  g_task_set_source_tag (task, recommend_cb);
  g_task_run_in_thread (task, recommend_thread);

  return G_SOURCE_CONTINUE;
}

/* Parses HOST:PORT, where HOST is an IP address (in brackets for IPv6)
 * or "localhost". */
static GSocketAddress *
parse_address (const char *address,
               GError    **error)
{
  const char *colon = strrchr (address, ':');
  g_autofree char *host = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  guint64 port;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    goto invalid;

  host = g_strndup (address, colon - address);
  if (host[0] == '[' && g_str_has_suffix (host, "]"))
    {
      memmove (host, host + 1, strlen (host) - 2);
      host[strlen (host) - 2] = '\0';
    }

  if (g_str_equal (host, "localhost"))
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    goto invalid;

  return g_inet_socket_address_new (inet, port);

invalid:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "“%s” is not an address to listen on, such as 127.0.0.1:8080 or [::1]:8080", address);
  return NULL;
}

/* A socket listening on @address with room for a burst of connections:
 * GSocket's default backlog of 10 drops the rest of a burst's handshakes,
 * and their clients wait a second or more to try again. */
static GSocket *
listen_socket (GSocketAddress *address,
               GError        **error)
{
  g_autoptr(GSocket) socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return NULL;

  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

/**
 * fanfare_server_listen:
 * @address: HOST:PORT; port 0 picks a free one
 * @certificate: (nullable): a TLS certificate, to serve https
 *
 * Starts serving on @address. Unless a public URL was set, the server
 * names its media under the address it listens on.
 */
gboolean
fanfare_server_listen (FanfareServer   *self,
                       const char      *address,
                       GTlsCertificate *certificate,
                       GError         **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (FANFARE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);

  socket_address = parse_address (address, error);
  if (socket_address == NULL)
    return FALSE;

  self->soup = soup_server_new ("server-header", "fanfare-server", NULL);
  if (certificate != NULL)
    {
      soup_server_set_tls_certificate (self->soup, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  _fanfare_dispatch_attach (self);
  if ((socket = listen_socket (socket_address, error)) == NULL ||
      !soup_server_listen_socket (self->soup, socket, options, error))
    {
      g_clear_object (&self->soup);
      return FALSE;
    }
  fanfare_database_warm_up (self->db);

  if (self->public_url == NULL)
    {
      g_autofree char *uri = fanfare_server_dup_uri (self);

      fanfare_server_set_public_url (self, uri);
    }

  if (self->limits.recommend_interval > 0)
    self->recommend_id = g_timeout_add_seconds (self->limits.recommend_interval, recommend_cb, self);
  _fanfare_server_start_studio (self);

  return TRUE;
}

/**
 * fanfare_server_dup_uri:
 *
 * Returns: (transfer full): where the server listens, without a trailing
 *   slash, such as http://127.0.0.1:41234
 */
char *
fanfare_server_dup_uri (FanfareServer *self)
{
  GSList *uris;
  char *text;

  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);
  g_return_val_if_fail (self->soup != NULL, NULL);

  uris = soup_server_get_uris (self->soup);
  g_return_val_if_fail (uris != NULL, NULL);

  text = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (text, "/"))
    text[strlen (text) - 1] = '\0';

  return text;
}

/**
 * fanfare_server_set_public_url:
 * @public_url: where clients reach the server, when a proxy stands between
 */
void
fanfare_server_set_public_url (FanfareServer *self,
                               const char    *public_url)
{
  g_return_if_fail (FANFARE_IS_SERVER (self));

  g_free (self->public_url);
  self->public_url = g_strdup (public_url);
  fanfare_database_set_public_url (self->db, public_url);
}

const char *
fanfare_server_get_public_url (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);

  return self->public_url;
}

static void
stop (FanfareServer *self)
{
  if (self->stopped)
    return;

  self->stopped = TRUE;
  g_clear_handle_id (&self->drain_timeout_id, g_source_remove);
  g_clear_handle_id (&self->recommend_id, g_source_remove);
  _fanfare_server_stop_studio (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);

  if (self->soup != NULL)
    g_message ("Stopped");
  g_signal_emit (self, signals[SIGNAL_STOPPED], 0);
}

static gboolean
drain_timeout_cb (gpointer  data)
{
  FanfareServer *self = data;

  self->drain_timeout_id = 0;
  g_message ("%u requests did not finish in time; closing their connections", self->in_flight);
  stop (self);

  return G_SOURCE_REMOVE;
}

/* A request has finished; the last one of a shutdown stops the server. */
void
_fanfare_server_request_done (FanfareServer *self)
{
  if (self->draining && self->in_flight == 0)
    stop (self);
}

/**
 * fanfare_server_shutdown:
 *
 * Starts an orderly shutdown: new requests are turned away with 503 and
 * the ones in flight may finish. #FanfareServer::stopped follows.
 */
void
fanfare_server_shutdown (FanfareServer *self)
{
  g_return_if_fail (FANFARE_IS_SERVER (self));

  if (self->draining)
    return;

  self->draining = TRUE;
  g_message ("Shutting down; %u requests in flight", self->in_flight);

  if (self->in_flight == 0)
    {
      stop (self);
      return;
    }

  self->drain_timeout_id = g_timeout_add (self->limits.drain_timeout_ms, drain_timeout_cb, self);
}

gboolean
fanfare_server_is_stopped (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), FALSE);

  return self->stopped;
}

/**
 * fanfare_server_close:
 *
 * Closes the database once the worker threads have given back their
 * connections; the server cannot serve again.
 */
void
fanfare_server_close (FanfareServer *self)
{
  g_return_if_fail (FANFARE_IS_SERVER (self));

  stop (self);
  g_clear_pointer (&self->uploads, fanfare_uploads_free);
  fanfare_database_close (self->db);
}

FanfareDatabase *
fanfare_server_get_database (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);

  return self->db;
}

FanfareMediaStore *
fanfare_server_get_media (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);

  return self->media;
}

/**
 * fanfare_server_get_fingerprints:
 *
 * Returns: (transfer none): the catalog's fingerprints, for ingest and for
 *   handlers, from any thread
 */
FanfareFingerprints *
fanfare_server_get_fingerprints (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);

  return self->fingerprints;
}

/**
 * fanfare_server_get_shop:
 *
 * Returns: (transfer none): the store's rules and keys, from any thread
 */
FanfareShop *
fanfare_server_get_shop (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);

  return self->shop;
}

/**
 * fanfare_server_list_routes:
 *
 * Returns: (transfer container) (element-type utf8): "METHOD /pattern" for
 *   every endpoint the server serves
 */
GPtrArray *
fanfare_server_list_routes (FanfareServer *self)
{
  g_return_val_if_fail (FANFARE_IS_SERVER (self), NULL);

  return fanfare_router_list (self->router);
}

FanfareDatabase *
_fanfare_server_get_database (FanfareServer *self)
{
  return self->db;
}

FanfareFormCache *
_fanfare_server_get_forms (FanfareServer *self)
{
  return self->forms;
}

FanfareMediaStore *
_fanfare_server_get_media (FanfareServer *self)
{
  return self->media;
}

FanfareLoginThrottle *
_fanfare_server_get_throttle (FanfareServer *self)
{
  return self->throttle;
}

FanfareLoginThrottle *
_fanfare_server_get_identify_throttle (FanfareServer *self)
{
  return self->identify_throttle;
}

const FanfareServerLimits *
_fanfare_server_get_limits (FanfareServer *self)
{
  return &self->limits;
}
