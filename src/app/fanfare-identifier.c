/* fanfare-identifier.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Names the song that is playing. A GStreamer pipeline captures the
 * microphone or the system's sound (the monitor of the default output),
 * turned into the fingerprints' own audio, mono floats at 8,000 Hz, by an
 * appsink. The streaming thread only hands samples over; the main thread
 * keeps them and, after each second of audio, hashes what it heard in a
 * worker thread and asks the platform (signed in and online) or the local
 * index. It stops once a match is sure, or after 15 s without one; in
 * continuous mode it keeps listening to a sliding window and reports each
 * new track, as a DJ mix moves on.
 *
 * Queries follow the audio, not the clock: audio that arrives faster than
 * it plays (a file, in tests) is asked about second by second all the same,
 * so what is measured is how much audio a match takes. */

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <math.h>

#include "fanfare-fp-extract.h"
#include "fanfare-fp-match.h"
#include "fanfare-identifier.h"

#define QUERY_EVERY_S      1.0
/* Continuous listening asks less often, and after a sure match lets the
 * track play on a while: the platform takes 30 queries a minute. */
#define CONTINUOUS_EVERY_S 3.0
#define CONTINUOUS_HOLD_S  10.0
#define FIRST_QUERY_S      2.0
#define WINDOW_S           8.0
#define SURE_CONFIDENCE    0.5
#define OUTPUT_CAPS        "audio/x-raw,format=F32LE,layout=interleaved,channels=1,rate=8000"

struct _FanfareIdentifier
{
  GObject parent_instance;

  /* Owned references */
  FanfareClient  *client;
  FanfareFpIndex *index;
  GstElement     *pipeline;
  GCancellable   *cancellable;
  GArray         *audio;         /* floats heard since listening began */

  /* Borrowed */
  FanfareIdentifierLookup lookup;
  gpointer                lookup_data;

  /* Handed over by the streaming thread, under the lock */
  GMutex  lock;
  GArray *incoming;
  guint   incoming_source;
  float   incoming_peak;

  /* State */
  char                 *description;
  FanfareIdentifySource source;
  double                level;
  gsize                 next_query;  /* in samples */
  gsize                 asked;       /* samples heard by the last query */
  char                 *last_id;     /* of the last track reported */
  char                 *tentative_id;
  guint                 bus_watch;
  guint                 continuous : 1;
  guint                 querying : 1;
  guint                 ended : 1;
  guint                 found : 1;
};

G_DEFINE_FINAL_TYPE (FanfareIdentifier, fanfare_identifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_CONTINUOUS,
  PROP_LISTENING,
  PROP_LEVEL,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  IDENTIFIED,
  FINISHED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a worker thread asks about: a copy of the window heard. */
typedef struct {
  FanfareIdentifier *self;
  GCancellable      *cancellable;
  float             *samples;
  gsize              n_samples;
  double             start;     /* seconds since listening began */
  GArray            *hashes;
  GBytes            *records;
  FanfareFpMatch     local;
  gboolean           local_found;
} Query;

static void
query_free (Query *query)
{
  g_object_unref (query->self);
  g_object_unref (query->cancellable);
  g_free (query->samples);
  g_clear_pointer (&query->hashes, g_array_unref);
  g_clear_pointer (&query->records, g_bytes_unref);
  g_free (query);
}

static void maybe_query (FanfareIdentifier *self);

static void
finish (FanfareIdentifier *self,
        gboolean           found)
{
  g_object_ref (self);
  fanfare_identifier_stop (self);
  g_signal_emit (self, signals[FINISHED], 0, found);
  g_object_unref (self);
}

static void
fail (FanfareIdentifier *self,
      const GError      *error)
{
  g_object_ref (self);
  fanfare_identifier_stop (self);
  g_signal_emit (self, signals[FAILED], 0, error);
  g_object_unref (self);
}

/* A match reported once per track; the first one ends a single listen. */
static void
report (FanfareIdentifier *self,
        FanfareTrack      *track,
        double             offset,
        double             confidence,
        double             at)
{
  if (g_strcmp0 (self->last_id, fanfare_track_get_id (track)) != 0)
    {
      g_free (self->last_id);
      self->last_id = g_strdup (fanfare_track_get_id (track));
      self->found = TRUE;
      g_debug ("identified %s at %.1f s of audio, confidence %.2f",
               fanfare_track_get_id (track), self->next_query / (double) FANFARE_FP_SAMPLE_RATE, confidence);
      g_signal_emit (self, signals[IDENTIFIED], 0, track, offset, confidence, at);
    }

  if (!self->continuous)
    finish (self, TRUE);
}

/* A match is sure when it stands well above any other track, or when two
 * queries in a row name the same track. */
static void
consider (FanfareIdentifier *self,
          FanfareTrack      *track,
          double             offset,
          double             confidence,
          double             at)
{
  const char *id = track != NULL ? fanfare_track_get_id (track) : NULL;
  gboolean sure = id != NULL && (confidence >= SURE_CONFIDENCE || g_strcmp0 (self->tentative_id, id) == 0);

  g_free (self->tentative_id);
  self->tentative_id = g_strdup (id);
  self->querying = FALSE;

  if (sure)
    {
      if (self->continuous)
        self->next_query = MAX (self->next_query, self->asked + CONTINUOUS_HOLD_S * FANFARE_FP_SAMPLE_RATE);
      report (self, track, offset, confidence, at);
      if (!self->continuous)
        return;
    }

  if (!self->continuous && self->next_query > FANFARE_IDENTIFIER_MAX_SECONDS * FANFARE_FP_SAMPLE_RATE)
    {
      finish (self, FALSE);
      return;
    }

  maybe_query (self);
}

static void
consider_local (FanfareIdentifier *self,
                Query             *query)
{
  g_autoptr(FanfareTrack) track = NULL;

  if (query->local_found && self->lookup != NULL)
    track = self->lookup (fanfare_fp_index_get_id (self->index, query->local.track), self->lookup_data);

  consider (self, track, query->local.offset, query->local.confidence, query->start);
}

static void
identify_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Query *query = user_data;
  FanfareIdentifier *self = query->self;
  FanfareClientMatch match;
  g_autoptr(GError) error = NULL;

  if (!fanfare_client_identify_finish (FANFARE_CLIENT (object), result, &match, &error))
    {
      if (g_cancellable_is_cancelled (query->cancellable))
        ;
      else if (self->index == NULL)
        fail (self, error);
      else
        {
          /* Offline, or refused: the local index may still know the song. */
          g_debug ("The platform could not identify: %s", error->message);
          consider_local (self, query);
        }
    }
  else if (!g_cancellable_is_cancelled (query->cancellable))
    {
      if (match.track == NULL && query->local_found)
        consider_local (self, query);
      else
        consider (self, match.track, match.offset, match.confidence, query->start);
      fanfare_client_match_clear (&match);
    }

  query_free (query);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Query *query = task_data;
  FanfareIdentifier *self = query->self;

  query->hashes = fanfare_fp_extract_hashes (query->samples, query->n_samples);
  query->records = fanfare_fp_hashes_pack (query->hashes);
  /* The index is only replaced while no query runs. */
  if (self->index != NULL)
    query->local_found = fanfare_fp_match (self->index, query->hashes, &query->local);
  g_task_return_boolean (task, TRUE);
}

static gboolean
use_platform (FanfareIdentifier *self)
{
  return self->client != NULL && fanfare_client_get_signed_in (self->client) &&
         fanfare_client_get_online (self->client);
}

static void
hash_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Query *query = user_data;
  FanfareIdentifier *self = query->self;

  if (g_cancellable_is_cancelled (query->cancellable))
    {
      query_free (query);
      return;
    }

  if (use_platform (self) && query->hashes->len > 0)
    {
      fanfare_client_identify_async (self->client, FANFARE_FP_EXTRACTOR_VERSION, query->records,
                                     query->cancellable, identify_cb, query);
      return;
    }

  consider_local (self, query);
  query_free (query);
}

/* Asks about the audio up to the next query point, once it is heard. */
static void
maybe_query (FanfareIdentifier *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query;
  gsize window = WINDOW_S * FANFARE_FP_SAMPLE_RATE;
  gsize start;

  if (self->querying || self->pipeline == NULL)
    return;
  if (self->audio->len < self->next_query)
    {
      if (!self->ended)
        return;
      /* The end of the audio: what came after the last query, once. */
      if (self->audio->len <= self->asked ||
          self->audio->len < self->asked + QUERY_EVERY_S * FANFARE_FP_SAMPLE_RATE / 2)
        {
          finish (self, self->found);
          return;
        }
      self->next_query = self->audio->len;
    }

  /* A single listen hashes all it heard, up to the limit; a continuous
   * one the last few seconds, to follow the music as it changes. */
  start = 0;
  if (self->continuous && self->next_query > window)
    start = self->next_query - window;

  query = g_new0 (Query, 1);
  query->self = g_object_ref (self);
  query->cancellable = g_object_ref (self->cancellable);
  query->n_samples = self->next_query - start;
  query->samples = g_memdup2 (&g_array_index (self->audio, float, start), query->n_samples * sizeof (float));
  query->start = start / (double) FANFARE_FP_SAMPLE_RATE;
  self->asked = self->next_query;
  self->next_query += (self->continuous ? CONTINUOUS_EVERY_S : QUERY_EVERY_S) * FANFARE_FP_SAMPLE_RATE;
  self->querying = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);

  task = g_task_new (self, self->cancellable, hash_cb, query);
  g_task_set_task_data (task, query, NULL);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, hash_thread);
}

static gboolean
take_incoming_cb (gpointer  user_data)
{
  FanfareIdentifier *self = user_data;
  g_autoptr(GArray) incoming = NULL;
  float peak;
  double level;

  g_mutex_lock (&self->lock);
  incoming = g_steal_pointer (&self->incoming);
  peak = self->incoming_peak;
  self->incoming_peak = 0.0f;
  self->incoming_source = 0;
  g_mutex_unlock (&self->lock);

  if (incoming == NULL || self->pipeline == NULL)
    return G_SOURCE_REMOVE;

  g_array_append_vals (self->audio, incoming->data, incoming->len);
  /* The level as a meter shows it: 60 dB of range. */
  level = peak > 0.0f ? CLAMP ((20.0 * log10 (peak) + 60.0) / 60.0, 0.0, 1.0) : 0.0;
  if (level != self->level)
    {
      self->level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
  maybe_query (self);

  return G_SOURCE_REMOVE;
}

/* The idle that takes samples over holds a reference: callers hold their
 * own, so removing it never finalizes @self here. */
static void
drop_incoming_source (FanfareIdentifier *self)
{
  guint source;

  g_mutex_lock (&self->lock);
  source = self->incoming_source;
  self->incoming_source = 0;
  g_mutex_unlock (&self->lock);

  if (source != 0)
    g_source_remove (source);
}

/* On a streaming thread: copy the samples and wake the main thread. */
static GstFlowReturn
new_sample_cb (GstAppSink *sink,
               gpointer    user_data)
{
  FanfareIdentifier *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer;
  GstMapInfo map;

  if (sample == NULL)
    return GST_FLOW_EOS;
  buffer = gst_sample_get_buffer (sample);
  if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;

  g_mutex_lock (&self->lock);
  if (self->incoming == NULL)
    self->incoming = g_array_new (FALSE, FALSE, sizeof (float));
  for (gsize i = 0; i < map.size / sizeof (float); i++)
    {
      float value = ((const float *) map.data)[i];

      self->incoming_peak = MAX (self->incoming_peak, fabsf (value));
    }
  g_array_append_vals (self->incoming, map.data, map.size / sizeof (float));
  if (self->incoming_source == 0)
    self->incoming_source = g_idle_add_full (G_PRIORITY_DEFAULT, take_incoming_cb,
                                             g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);
  gst_buffer_unmap (buffer, &map);

  return GST_FLOW_OK;
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  FanfareIdentifier *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    {
      /* What is still on its way is taken first. */
      g_object_ref (self);
      drop_incoming_source (self);
      take_incoming_cb (self);
      g_object_unref (self);
      self->ended = TRUE;
      maybe_query (self);
    }
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) plain = NULL;
      g_autofree char *debug = NULL;

      gst_message_parse_error (message, &error, &debug);
      g_debug ("Capture failed: %s (%s)", error->message, debug);
      plain = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                   self->source == FANFARE_IDENTIFY_SOURCE_SYSTEM
                                   ? _("The system's sound cannot be recorded")
                                   : _("The microphone cannot be recorded"));
      fail (self, plain);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static char *
dup_source_description (FanfareIdentifier *self)
{
  if (self->description != NULL)
    return g_strdup (self->description);
  /* The monitor of whatever output is the default when listening starts. */
  if (self->source == FANFARE_IDENTIFY_SOURCE_SYSTEM)
    return g_strdup ("pulsesrc device=@DEFAULT_MONITOR@");

  return g_strdup ("pulsesrc");
}

static void
fanfare_identifier_dispose (GObject *object)
{
  FanfareIdentifier *self = FANFARE_IDENTIFIER (object);

  fanfare_identifier_stop (self);
  g_clear_object (&self->client);
  g_clear_pointer (&self->index, fanfare_fp_index_free);

  G_OBJECT_CLASS (fanfare_identifier_parent_class)->dispose (object);
}

static void
fanfare_identifier_finalize (GObject *object)
{
  FanfareIdentifier *self = FANFARE_IDENTIFIER (object);

  g_clear_pointer (&self->audio, g_array_unref);
  g_clear_pointer (&self->incoming, g_array_unref);
  g_mutex_clear (&self->lock);
  g_free (self->description);
  g_free (self->last_id);
  g_free (self->tentative_id);

  G_OBJECT_CLASS (fanfare_identifier_parent_class)->finalize (object);
}

static void
fanfare_identifier_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FanfareIdentifier *self = FANFARE_IDENTIFIER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_int (value, self->source);
      break;

    case PROP_CONTINUOUS:
      g_value_set_boolean (value, self->continuous);
      break;

    case PROP_LISTENING:
      g_value_set_boolean (value, fanfare_identifier_get_listening (self));
      break;

    case PROP_LEVEL:
      g_value_set_double (value, self->level);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, fanfare_identifier_get_progress (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_identifier_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FanfareIdentifier *self = FANFARE_IDENTIFIER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      fanfare_identifier_set_source (self, g_value_get_int (value));
      break;

    case PROP_CONTINUOUS:
      fanfare_identifier_set_continuous (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_identifier_class_init (FanfareIdentifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_identifier_dispose;
  object_class->finalize = fanfare_identifier_finalize;
  object_class->get_property = fanfare_identifier_get_property;
  object_class->set_property = fanfare_identifier_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_int ("source", NULL, NULL,
                      FANFARE_IDENTIFY_SOURCE_MICROPHONE, FANFARE_IDENTIFY_SOURCE_SYSTEM,
                      FANFARE_IDENTIFY_SOURCE_MICROPHONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTINUOUS] =
    g_param_spec_boolean ("continuous", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LISTENING] =
    g_param_spec_boolean ("listening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_double ("level", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfareIdentifier::identified:
   * @track: the song
   * @offset: seconds into the song where the audio asked about starts
   * @confidence: 0 to 1
   * @at: seconds since listening began when that audio starts
   */
  signals[IDENTIFIED] =
    g_signal_new ("identified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, FANFARE_TYPE_TRACK, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * FanfareIdentifier::finished:
   * @found: whether a song was named
   *
   * Listening stopped by itself: a match, no match in time, or the end of
   * the audio.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * FanfareIdentifier::failed:
   * @error: what went wrong, in plain words
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
fanfare_identifier_init (FanfareIdentifier *self)
{
  g_mutex_init (&self->lock);
  self->audio = g_array_new (FALSE, FALSE, sizeof (float));
}

/**
 * fanfare_identifier_new:
 * @client: (nullable): the platform, asked when signed in and online
 */
FanfareIdentifier *
fanfare_identifier_new (FanfareClient *client)
{
  FanfareIdentifier *self = g_object_new (FANFARE_TYPE_IDENTIFIER, NULL);

  g_return_val_if_fail (client == NULL || FANFARE_IS_CLIENT (client), NULL);

  g_set_object (&self->client, client);

  return self;
}

/**
 * fanfare_identifier_set_local_index:
 * @index: (transfer full) (nullable): fingerprints of the user's own music
 * @lookup: turns an id of @index into a track
 *
 * The index answers when the platform cannot (offline, signed out) or does
 * not know the song. It is replaced only between listens.
 */
void
fanfare_identifier_set_local_index (FanfareIdentifier       *self,
                                    FanfareFpIndex          *index,
                                    FanfareIdentifierLookup  lookup,
                                    gpointer                 user_data)
{
  g_return_if_fail (FANFARE_IS_IDENTIFIER (self));
  g_return_if_fail (!fanfare_identifier_get_listening (self));

  g_clear_pointer (&self->index, fanfare_fp_index_free);
  self->index = index;
  self->lookup = lookup;
  self->lookup_data = user_data;
}

/**
 * fanfare_identifier_set_source_description:
 * @description: (nullable): a GStreamer bin description that gives audio,
 *   as gst-launch-1.0 takes it, instead of the source chosen by
 *   #FanfareIdentifier:source
 */
void
fanfare_identifier_set_source_description (FanfareIdentifier *self,
                                           const char        *description)
{
  g_return_if_fail (FANFARE_IS_IDENTIFIER (self));

  g_free (self->description);
  self->description = g_strdup (description);
}

FanfareIdentifySource
fanfare_identifier_get_source (FanfareIdentifier *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), FANFARE_IDENTIFY_SOURCE_MICROPHONE);

  return self->source;
}

void
fanfare_identifier_set_source (FanfareIdentifier     *self,
                               FanfareIdentifySource  source)
{
  g_return_if_fail (FANFARE_IS_IDENTIFIER (self));

  if (self->source == source)
    return;

  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

gboolean
fanfare_identifier_get_continuous (FanfareIdentifier *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), FALSE);

  return self->continuous;
}

void
fanfare_identifier_set_continuous (FanfareIdentifier *self,
                                   gboolean           continuous)
{
  g_return_if_fail (FANFARE_IS_IDENTIFIER (self));

  continuous = !!continuous;
  if (self->continuous == continuous)
    return;

  self->continuous = continuous;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTINUOUS]);
}

gboolean
fanfare_identifier_get_listening (FanfareIdentifier *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), FALSE);

  return self->pipeline != NULL;
}

double
fanfare_identifier_get_level (FanfareIdentifier *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), 0.0);

  return self->level;
}

/**
 * fanfare_identifier_get_heard:
 *
 * Returns: the seconds of audio asked about so far
 */
double
fanfare_identifier_get_heard (FanfareIdentifier *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), 0.0);

  return MIN (self->audio->len, self->asked) / (double) FANFARE_FP_SAMPLE_RATE;
}

/**
 * fanfare_identifier_get_progress:
 *
 * Returns: how far a single listen is towards giving up, 0 to 1
 */
double
fanfare_identifier_get_progress (FanfareIdentifier *self)
{
  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), 0.0);

  return CLAMP (fanfare_identifier_get_heard (self) / FANFARE_IDENTIFIER_MAX_SECONDS, 0.0, 1.0);
}

/**
 * fanfare_identifier_start:
 *
 * Starts listening. The result comes as #FanfareIdentifier::identified,
 * then #FanfareIdentifier::finished, or #FanfareIdentifier::failed.
 *
 * Returns: %FALSE if the capture could not be set up
 */
gboolean
fanfare_identifier_start (FanfareIdentifier *self,
                          GError           **error)
{
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstAppSinkCallbacks callbacks = { .new_sample = new_sample_cb };
  g_autoptr(GError) parse_error = NULL;

  g_return_val_if_fail (FANFARE_IS_IDENTIFIER (self), FALSE);
  g_return_val_if_fail (!fanfare_identifier_get_listening (self), FALSE);

  /* Nobody to ask: better said now than after fifteen seconds. */
  if (!use_platform (self) && self->index == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("Sign in to identify songs, or add music to your library to name it offline"));
      return FALSE;
    }

  source = dup_source_description (self);
  description = g_strdup_printf ("%s ! audioconvert ! audioresample ! " OUTPUT_CAPS " ! "
                                 "appsink name=sink sync=false", source);
  pipeline = gst_parse_launch (description, &parse_error);
  if (pipeline == NULL || parse_error != NULL)
    {
      g_debug ("Cannot capture with %s: %s", description, parse_error ? parse_error->message : "?");
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Sound cannot be recorded"));
      return FALSE;
    }
  gst_object_ref_sink (pipeline);

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);

  g_array_set_size (self->audio, 0);
  g_clear_pointer (&self->last_id, g_free);
  g_clear_pointer (&self->tentative_id, g_free);
  self->next_query = FIRST_QUERY_S * FANFARE_FP_SAMPLE_RATE;
  self->asked = 0;
  self->ended = FALSE;
  self->found = FALSE;
  self->querying = FALSE;
  self->cancellable = g_cancellable_new ();
  self->pipeline = g_steal_pointer (&pipeline);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      fanfare_identifier_stop (self);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Sound cannot be recorded"));
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);

  return TRUE;
}

/**
 * fanfare_identifier_stop:
 *
 * Stops listening, without a #FanfareIdentifier::finished.
 */
void
fanfare_identifier_stop (FanfareIdentifier *self)
{
  g_return_if_fail (FANFARE_IS_IDENTIFIER (self));

  if (self->pipeline == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  /* Joins the streaming threads: no sample arrives after this. */
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_object (&self->pipeline);

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->incoming, g_array_unref);
  g_mutex_unlock (&self->lock);
  drop_incoming_source (self);

  self->level = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}
