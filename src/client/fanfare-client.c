/* fanfare-client.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* FanfareClient speaks to one fanfare-server through one SoupSession. Every
 * call is an _async/_finish pair that takes a GCancellable; answers become
 * the model objects of common/, failures GErrors in plain words. The client
 * also knows whether the server can be reached: after a failure it probes it
 * with a growing delay and says so through the "online" property. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

#define PROBE_DELAY_MIN 1
#define PROBE_DELAY_MAX 60
#define DEFAULT_MAX_IMAGE_LOADS 4
#define CACHE_MAX_SIZE (256 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (FanfareClient, fanfare_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_URL,
  PROP_USER,
  PROP_SIGNED_IN,
  PROP_ONLINE,
  PROP_PENDING_PLAYS,
  PROP_PENDING_POSITIONS,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void probe (FanfareClient *self);

void
_fanfare_client_pair_free (FanfareClientPair *pair)
{
  g_clear_object (&pair->object);
  g_clear_object (&pair->list);
  g_free (pair);
}

/* Hands over the object and the list of @pair and frees it. */
gpointer
_fanfare_client_pair_steal (FanfareClientPair *pair,
                            GListModel       **list)
{
  gpointer object = g_steal_pointer (&pair->object);

  if (list != NULL)
    *list = g_steal_pointer (&pair->list);
  _fanfare_client_pair_free (pair);

  return object;
}

char *
_fanfare_client_escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static gboolean
probe_cb (gpointer  user_data)
{
  FanfareClient *self = user_data;

  self->probe_source = 0;
  probe (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_probe (FanfareClient *self)
{
  if (self->probe_source != 0 || self->probe_cancellable != NULL)
    return;

  g_debug ("Server unreachable; trying again in %u s", self->probe_delay);
  self->probe_source = g_timeout_add_seconds (self->probe_delay, probe_cb, self);
  self->probe_delay = MIN (self->probe_delay * 2, PROBE_DELAY_MAX);
}

void
_fanfare_client_set_online (FanfareClient *self,
                            gboolean       online)
{
  if (online)
    {
      self->probe_delay = PROBE_DELAY_MIN;
      g_clear_handle_id (&self->probe_source, g_source_remove);
    }
  else
    {
      schedule_probe (self);
    }

  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
  _fanfare_client_send_plays (self);
  _fanfare_client_send_edits (self);
  _fanfare_client_send_positions (self);
}

void
_fanfare_client_set_user (FanfareClient *self,
                          FanfareUser   *user)
{
  gboolean was_signed_in = fanfare_client_get_signed_in (self);
  const char *old_id = self->user != NULL ? fanfare_user_get_id (self->user) : NULL;
  const char *new_id = user != NULL ? fanfare_user_get_id (user) : NULL;
  gboolean other_user = g_strcmp0 (old_id, new_id) != 0;

  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  if (other_user)
    _fanfare_client_load_saved (self);
  if (was_signed_in != fanfare_client_get_signed_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  if (other_user)
    {
      _fanfare_client_send_plays (self);
      _fanfare_client_send_edits (self);
      _fanfare_client_send_positions (self);
    }
}

static void
probe_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FanfareClient) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->probe_cancellable);
  _fanfare_client_set_online (self, error == NULL);
}

static void
probe (FanfareClient *self)
{
  g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, "GET", "/api/v1/server", NULL);

  if (self->probe_cancellable != NULL)
    return;

  self->probe_cancellable = g_cancellable_new ();
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_LOW,
                                    self->probe_cancellable, probe_done_cb,
                                    g_object_ref (self));
}

/**
 * fanfare_client_check_now:
 *
 * Asks the server at once whether it can be reached, rather than at the next
 * probe, as when the user presses "Retry".
 */
void
fanfare_client_check_now (FanfareClient *self)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  g_clear_handle_id (&self->probe_source, g_source_remove);
  probe (self);
}

/**
 * fanfare_client_flush_cache:
 *
 * Writes the index of the HTTP cache, so that the next run finds what this
 * one fetched.
 */
void
fanfare_client_flush_cache (FanfareClient *self)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  if (self->cache != NULL)
    soup_cache_dump (self->cache);
}

static void
fanfare_client_dispose (GObject *object)
{
  FanfareClient *self = FANFARE_CLIENT (object);

  _fanfare_client_images_cancel_all (self);
  g_cancellable_cancel (self->saved_cancellable);
  g_clear_object (&self->saved_cancellable);
  g_clear_object (&self->saved_albums);
  g_clear_object (&self->saved_tracks);
  g_clear_handle_id (&self->probe_source, g_source_remove);
  g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  if (self->cache != NULL)
    soup_cache_dump (self->cache);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->cache);
  g_clear_object (&self->session);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (fanfare_client_parent_class)->dispose (object);
}

static void
fanfare_client_finalize (GObject *object)
{
  FanfareClient *self = FANFARE_CLIENT (object);

  fanfare_client_set_token (self, NULL);
  g_free (self->server_url);
  g_free (self->plays_file);
  g_clear_pointer (&self->plays, json_array_unref);
  g_free (self->positions_file);
  g_clear_pointer (&self->positions, json_array_unref);
  g_free (self->edits_file);
  g_clear_pointer (&self->edits, json_array_unref);
  g_clear_pointer (&self->edit_waiters, g_hash_table_unref);
  g_clear_pointer (&self->made_playlists, g_hash_table_unref);

  G_OBJECT_CLASS (fanfare_client_parent_class)->finalize (object);
}

static void
fanfare_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FanfareClient *self = FANFARE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, fanfare_client_get_signed_in (self));
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_PENDING_PLAYS:
      g_value_set_uint (value, fanfare_client_get_pending_plays (self));
      break;

    case PROP_PENDING_POSITIONS:
      g_value_set_uint (value, fanfare_client_get_pending_positions (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FanfareClient *self = FANFARE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      {
        const char *url = g_value_get_string (value);
        gsize length = strlen (url);

        /* Paths are appended to it: it never ends with a slash. */
        while (length > 0 && url[length - 1] == '/')
          length--;
        self->server_url = g_strndup (url, length);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_client_class_init (FanfareClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_client_dispose;
  object_class->finalize = fanfare_client_finalize;
  object_class->get_property = fanfare_client_get_property;
  object_class->set_property = fanfare_client_set_property;

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, FANFARE_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_PLAYS] =
    g_param_spec_uint ("pending-plays", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_POSITIONS] =
    g_param_spec_uint ("pending-positions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfareClient::session-expired:
   *
   * The server refused the token: it expired or was revoked elsewhere. The
   * client is signed out; the secret should be forgotten.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fanfare_client_init (FanfareClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Fanfare/%s", PACKAGE_VERSION);

  self->online = TRUE;
  self->probe_delay = PROBE_DELAY_MIN;
  self->max_image_loads = DEFAULT_MAX_IMAGE_LOADS;
  g_queue_init (&self->image_queue);
  self->saved_albums = g_list_store_new (FANFARE_TYPE_ALBUM);
  self->saved_tracks = g_list_store_new (FANFARE_TYPE_TRACK);
  self->plays = json_array_new ();
  self->positions = json_array_new ();
  self->edits = json_array_new ();
  self->edit_waiters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->made_playlists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", 30,
                                                 "idle-timeout", 60,
                                                 NULL);
}

/**
 * fanfare_client_new:
 * @server_url: the server's address, such as `https://fanfare.example.org`
 * @cache_dir: (nullable): the folder of the HTTP cache, or %NULL for none
 *
 * Returns: (transfer full): a client, signed out
 */
FanfareClient *
fanfare_client_new (const char *server_url,
                    const char *cache_dir)
{
  FanfareClient *self;

  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_CLIENT, "server-url", server_url, NULL);
  if (cache_dir != NULL)
    {
      /* Single-user: the cache belongs to this user alone, so covers fetched
       * with a token may be kept. Streams are never cached (see media). */
      self->cache = soup_cache_new (cache_dir, SOUP_CACHE_SINGLE_USER);
      soup_cache_set_max_size (self->cache, CACHE_MAX_SIZE);
      soup_cache_load (self->cache);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (self->cache));
    }

  return self;
}

const char *
fanfare_client_get_server_url (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);

  return self->server_url;
}

/**
 * fanfare_client_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in user
 */
FanfareUser *
fanfare_client_get_user (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);

  return self->user;
}

gboolean
fanfare_client_get_signed_in (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), FALSE);

  return self->token != NULL && self->user != NULL;
}

gboolean
fanfare_client_get_online (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), FALSE);

  return self->online;
}

/**
 * fanfare_client_set_token:
 * @token: (nullable): a session token, as the keyring gave it back
 *
 * Uses @token for the calls that follow. The client keeps it in memory only;
 * fanfare_client_get_me_async() checks it and fills in the user.
 */
void
fanfare_client_set_token (FanfareClient *self,
                          const char    *token)
{
  gboolean was_signed_in;

  g_return_if_fail (FANFARE_IS_CLIENT (self));

  /* Signing out is told as signing in is, though the token goes first. */
  was_signed_in = fanfare_client_get_signed_in (self);
  if (self->token != NULL)
    {
      memset (self->token, 0, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }
  self->token = g_strdup (token);
  if (token == NULL)
    _fanfare_client_set_user (self, NULL);
  if (was_signed_in != fanfare_client_get_signed_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

/**
 * fanfare_client_get_token:
 *
 * Returns: (nullable): the session token, for the keyring and nothing else
 */
const char *
fanfare_client_get_token (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);

  return self->token;
}

/**
 * fanfare_client_dup_authorization:
 *
 * Returns: (transfer full) (nullable): the value of the Authorization header
 *   that the player sends with streams of this server
 */
char *
fanfare_client_dup_authorization (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);

  return self->token != NULL ? g_strconcat ("Bearer ", self->token, NULL) : NULL;
}

SoupMessage *
_fanfare_client_new_message (FanfareClient *self,
                             const char    *method,
                             const char    *path,
                             JsonBuilder   *body)
{
  g_autofree char *uri = g_strconcat (self->server_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert (msg != NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *authorization = fanfare_client_dup_authorization (self);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }

  if (body != NULL)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (body);

      _fanfare_client_set_json_body (msg, root);
    }

  return msg;
}

void
_fanfare_client_set_json_body (SoupMessage *msg,
                               JsonNode    *body)
{
  g_autofree char *text = fanfare_json_to_string (body);
  gsize length = strlen (text);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
}
