/* fanfare-track-resolver.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Platform tracks named by their ids, as a playlist of this computer keeps
 * them, made playable: each is read once through the account's client and
 * kept. What cannot be played here says why: signed out, offline, or gone
 * from the platform. Signing in or out, another account, or the connection
 * coming back reads them all again. */

#include "config.h"

#include <glib/gi18n.h>

#include "fanfare-error.h"
#include "fanfare-track-resolver.h"

struct _FanfareTrackResolver
{
  GObject parent_instance;

  /* Owned references */
  FanfareAccountManager *accounts;
  FanfareClient         *client;
  GSignalGroup          *client_signals;
  GCancellable          *cancellable;
  GHashTable            *wanted;     /* ids asked for */
  GHashTable            *tracks;     /* id → FanfareTrack */
  GHashTable            *failures;   /* id → why, translated */
  GHashTable            *pending;    /* ids being read */
};

G_DEFINE_FINAL_TYPE (FanfareTrackResolver, fanfare_track_resolver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  FanfareTrackResolver *self;
  char                 *track_id;
} Reading;

static void
reading_free (Reading *reading)
{
  g_object_unref (reading->self);
  g_free (reading->track_id);
  g_free (reading);
}

static void
set_pending (FanfareTrackResolver *self,
             const char           *track_id,
             gboolean              pending)
{
  gboolean was_busy = g_hash_table_size (self->pending) > 0;

  if (pending)
    g_hash_table_add (self->pending, g_strdup (track_id));
  else if (track_id != NULL)
    g_hash_table_remove (self->pending, track_id);
  else
    g_hash_table_remove_all (self->pending);

  if (was_busy != (g_hash_table_size (self->pending) > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reading *reading = user_data;
  FanfareTrackResolver *self = reading->self;
  g_autoptr(FanfareTrack) track = NULL;
  g_autoptr(GError) error = NULL;

  track = fanfare_client_get_track_finish (FANFARE_CLIENT (object), result, &error);

  /* Given up for a new start, which reads it again. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      reading_free (reading);
      return;
    }

  if (track != NULL)
    g_hash_table_insert (self->tracks, g_strdup (reading->track_id), g_steal_pointer (&track));
  else
    {
      g_debug ("Platform track %s cannot be played here: %s", reading->track_id, error->message);
      g_hash_table_insert (self->failures, g_strdup (reading->track_id),
                           (gpointer) (fanfare_client_error_is_offline (error)
                                       ? _("Fanfare cannot be reached")
                                       : g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND)
                                       ? _("No longer on Fanfare")
                                       : _("Fanfare could not say what this track is")));
    }
  set_pending (self, reading->track_id, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
  reading_free (reading);
}

static void
start (FanfareTrackResolver *self,
       const char           *track_id)
{
  Reading *reading;

  if (self->client == NULL || !fanfare_client_get_signed_in (self->client) ||
      g_hash_table_contains (self->tracks, track_id) || g_hash_table_contains (self->failures, track_id) ||
      g_hash_table_contains (self->pending, track_id))
    return;

  reading = g_new0 (Reading, 1);
  reading->self = g_object_ref (self);
  reading->track_id = g_strdup (track_id);
  set_pending (self, track_id, TRUE);
  fanfare_client_get_track_async (self->client, track_id, self->cancellable, read_cb, reading);
}

/* Everything read is read again, as the account or the connection changed. */
static void
restart (FanfareTrackResolver *self)
{
  GHashTableIter iter;
  gpointer track_id;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->tracks);
  g_hash_table_remove_all (self->failures);
  set_pending (self, NULL, FALSE);

  g_hash_table_iter_init (&iter, self->wanted);
  while (g_hash_table_iter_next (&iter, &track_id, NULL))
    start (self, track_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
online_cb (FanfareTrackResolver *self)
{
  /* Going offline changes what lookup() says without reading anything. */
  if (self->client != NULL && !fanfare_client_get_online (self->client))
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  restart (self);
}

static void
client_changed_cb (FanfareTrackResolver *self)
{
  g_set_object (&self->client, fanfare_account_manager_get_client (self->accounts));
  g_signal_group_set_target (self->client_signals, self->client);
  restart (self);
}

static void
fanfare_track_resolver_dispose (GObject *object)
{
  FanfareTrackResolver *self = FANFARE_TRACK_RESOLVER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (fanfare_track_resolver_parent_class)->dispose (object);
}

static void
fanfare_track_resolver_finalize (GObject *object)
{
  FanfareTrackResolver *self = FANFARE_TRACK_RESOLVER (object);

  g_hash_table_unref (self->wanted);
  g_hash_table_unref (self->tracks);
  g_hash_table_unref (self->failures);
  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (fanfare_track_resolver_parent_class)->finalize (object);
}

static void
fanfare_track_resolver_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FanfareTrackResolver *self = FANFARE_TRACK_RESOLVER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, fanfare_track_resolver_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_track_resolver_class_init (FanfareTrackResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_track_resolver_dispose;
  object_class->finalize = fanfare_track_resolver_finalize;
  object_class->get_property = fanfare_track_resolver_get_property;

  /**
   * FanfareTrackResolver:busy:
   *
   * Whether tracks asked for are still being read.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfareTrackResolver::changed:
   *
   * What fanfare_track_resolver_lookup() says of some track changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
fanfare_track_resolver_init (FanfareTrackResolver *self)
{
  self->cancellable = g_cancellable_new ();
  self->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->client_signals = g_signal_group_new (FANFARE_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::signed-in", G_CALLBACK (restart), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::online", G_CALLBACK (online_cb), self);
}

/**
 * fanfare_track_resolver_new:
 * @accounts: (nullable): the accounts whose current client reads the
 *   tracks; without, none can be played
 *
 * Returns: (transfer full): a new resolver
 */
FanfareTrackResolver *
fanfare_track_resolver_new (FanfareAccountManager *accounts)
{
  FanfareTrackResolver *self = g_object_new (FANFARE_TYPE_TRACK_RESOLVER, NULL);

  g_return_val_if_fail (accounts == NULL || FANFARE_IS_ACCOUNT_MANAGER (accounts), self);

  if (accounts != NULL)
    {
      self->accounts = g_object_ref (accounts);
      g_signal_connect_object (accounts, "notify::client", G_CALLBACK (client_changed_cb), self, G_CONNECT_SWAPPED);
      g_set_object (&self->client, fanfare_account_manager_get_client (accounts));
      g_signal_group_set_target (self->client_signals, self->client);
    }

  return self;
}

/**
 * fanfare_track_resolver_request:
 * @track_id: the id of a platform track
 *
 * Reads the track, unless it is read or being read already.
 */
void
fanfare_track_resolver_request (FanfareTrackResolver *self,
                                const char           *track_id)
{
  g_return_if_fail (FANFARE_IS_TRACK_RESOLVER (self));
  g_return_if_fail (track_id != NULL);

  if (!g_hash_table_contains (self->wanted, track_id))
    g_hash_table_add (self->wanted, g_strdup (track_id));
  start (self, track_id);
}

/**
 * fanfare_track_resolver_lookup:
 * @reason: (out) (optional) (transfer none): why the track cannot be
 *   played here, or %NULL when it can or is still being read
 *
 * Returns: (transfer none) (nullable): the track, if it can be played here
 */
FanfareTrack *
fanfare_track_resolver_lookup (FanfareTrackResolver *self,
                               const char           *track_id,
                               const char          **reason)
{
  const char *why = NULL;
  FanfareTrack *track = NULL;

  g_return_val_if_fail (FANFARE_IS_TRACK_RESOLVER (self), NULL);
  g_return_val_if_fail (track_id != NULL, NULL);

  if (self->client == NULL || !fanfare_client_get_signed_in (self->client))
    why = _("Sign in to Fanfare to play it");
  else if (!fanfare_client_get_online (self->client))
    why = _("Fanfare cannot be reached");
  else if ((track = g_hash_table_lookup (self->tracks, track_id)) == NULL)
    why = g_hash_table_lookup (self->failures, track_id);

  if (reason != NULL)
    *reason = why;

  return why == NULL ? track : NULL;
}

/**
 * fanfare_track_resolver_get_busy:
 *
 * Returns: whether tracks asked for are still being read
 */
gboolean
fanfare_track_resolver_get_busy (FanfareTrackResolver *self)
{
  g_return_val_if_fail (FANFARE_IS_TRACK_RESOLVER (self), FALSE);

  return g_hash_table_size (self->pending) > 0;
}
