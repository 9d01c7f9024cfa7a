/* fanfare-player-pipeline.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GStreamer side of FanfarePlayer: one playbin, built the first time
 * something plays. Its bus is watched on the main context, so everything
 * here runs on the main thread except about-to-finish and source-setup,
 * which GStreamer calls from its own threads and which only read what the
 * main thread prepared under the lock. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/audio/streamvolume.h>
#include <gst/pbutils/pbutils.h>

#include "fanfare-http-src.h"
#include "fanfare-player-private.h"

#define HTTP_TIMEOUT_SECONDS 15

static const char *
filter_description (FanfareReplayGainMode  mode)
{
  /* scaletempo keeps the pitch when the rate changes; rgvolume reads the
   * ReplayGain tags of each track as it plays, and rglimiter keeps a gain
   * that would clip from clipping. */
  switch (mode)
    {
    case FANFARE_REPLAY_GAIN_MODE_TRACK:
      return "audioconvert ! rgvolume album-mode=false ! rglimiter ! audioconvert ! scaletempo ! audioconvert";

    case FANFARE_REPLAY_GAIN_MODE_ALBUM:
      return "audioconvert ! rgvolume album-mode=true ! rglimiter ! audioconvert ! scaletempo ! audioconvert";

    case FANFARE_REPLAY_GAIN_MODE_OFF:
    default:
      return "audioconvert ! scaletempo ! audioconvert";
    }
}

static GstElement *
make_filter (FanfarePlayer *self)
{
  g_autoptr(GError) error = NULL;
  GstElement *filter;

  filter = gst_parse_bin_from_description (filter_description (self->replay_gain_mode), TRUE, &error);
  if (filter == NULL)
    g_debug ("No audio filters (%s); playing without them", error->message);

  return filter;
}

static GstElement *
make_sink (FanfarePlayer *self)
{
  g_autoptr(GError) error = NULL;
  const char *description = g_getenv ("FANFARE_AUDIO_SINK");
  GstElement *sink;

  if (self->audio_sink != NULL)
    return gst_object_ref (self->audio_sink);

  if (description == NULL || *description == '\0')
    description = self->audio_sink_description;
  if (description == NULL || *description == '\0')
    description = "autoaudiosink";

  sink = gst_parse_bin_from_description (description, TRUE, &error);
  if (sink == NULL)
    {
      g_debug ("Audio sink “%s” failed (%s); using autoaudiosink", description, error->message);
      sink = gst_element_factory_make ("autoaudiosink", NULL);
    }

  return sink;
}

static void
about_to_finish_cb (GstElement    *playbin,
                    FanfarePlayer *self)
{
  FanfareUpcoming *upcoming;

  /* A streaming thread: take what the main thread prepared, and go. A
   * short track can end before the main loop hears that it started, so
   * more than one is prepared, and each is used once. */
  g_mutex_lock (&self->lock);
  upcoming = g_queue_pop_head (&self->upcoming);
  if (upcoming != NULL)
    {
      g_object_set (playbin, "uri", upcoming->uri, NULL);
      g_queue_push_tail (&self->started, g_memdup2 (&upcoming->entry_id, sizeof (guint64)));
      _fanfare_upcoming_free (upcoming);
    }
  g_mutex_unlock (&self->lock);
}

static void
source_setup_cb (GstElement    *playbin,
                 GstElement    *source,
                 FanfarePlayer *self)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (source);
  g_autofree char *location = NULL;

  if (g_object_class_find_property (klass, "timeout") != NULL)
    g_object_set (source, "timeout", HTTP_TIMEOUT_SECONDS, NULL);

  if (g_object_class_find_property (klass, "extra-headers") == NULL ||
      g_object_class_find_property (klass, "location") == NULL)
    return;

  g_object_get (source, "location", &location, NULL);

  /* The token goes only to the server it belongs to, and never in a URL. */
  g_mutex_lock (&self->lock);
  if (location != NULL && self->auth_prefix != NULL && g_str_has_prefix (location, self->auth_prefix))
    {
      g_autoptr(GstStructure) headers = gst_structure_new ("extra-headers",
                                                           "Authorization", G_TYPE_STRING, self->auth_value,
                                                           NULL);

      g_object_set (source, "extra-headers", headers, NULL);
    }
  g_mutex_unlock (&self->lock);
}

static char *
track_display_name (FanfareTrack *track)
{
  const char *title = track ? fanfare_track_get_title (track) : NULL;
  const char *uri = track ? fanfare_track_get_uri (track) : NULL;

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      return g_file_get_basename (file);
    }

  return g_strdup (_("This track"));
}

static gboolean
is_remote (FanfareTrack *track)
{
  const char *uri = track ? fanfare_track_get_uri (track) : NULL;

  return uri != NULL && (g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://"));
}

/* Turns a GStreamer error into one a person understands. */
static GError *
map_error (FanfarePlayer *self,
           GError        *gst_error,
           GstObject     *origin)
{
  FanfareTrack *track = fanfare_play_queue_get_current_track (self->queue);
  g_autofree char *name = track_display_name (track);

  if (self->missing_plugin != NULL)
    return g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_MISSING_PLUGIN,
                        _("“%s” needs a GStreamer plugin that is not installed: %s"),
                        name, self->missing_plugin);

  /* Whatever stops the element that fetches a stream is the network's
   * fault: a refused connection, a timeout, an HTTP error. */
  if (is_remote (track) && (gst_error->domain == GST_RESOURCE_ERROR || GST_IS_URI_HANDLER (origin)))
    return g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NETWORK,
                        _("“%s” could not be fetched from the server"), name);

  if (gst_error->domain == GST_RESOURCE_ERROR)
    {
      switch (gst_error->code)
        {
        case GST_RESOURCE_ERROR_NOT_FOUND:
        case GST_RESOURCE_ERROR_OPEN_READ:
        case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
        case GST_RESOURCE_ERROR_READ:
          return g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NOT_FOUND,
                              _("The file of “%s” could not be found or read"), name);

        case GST_RESOURCE_ERROR_OPEN_WRITE:
        case GST_RESOURCE_ERROR_BUSY:
        case GST_RESOURCE_ERROR_SETTINGS:
          return g_error_new_literal (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_NO_OUTPUT,
                                      _("There is no sound output available"));

        case GST_RESOURCE_ERROR_FAILED:
        case GST_RESOURCE_ERROR_TOO_LAZY:
        case GST_RESOURCE_ERROR_CLOSE:
        case GST_RESOURCE_ERROR_WRITE:
        case GST_RESOURCE_ERROR_SEEK:
        case GST_RESOURCE_ERROR_SYNC:
        case GST_RESOURCE_ERROR_NO_SPACE_LEFT:
        case GST_RESOURCE_ERROR_NOT_AUTHORIZED:
        case GST_RESOURCE_ERROR_NUM_ERRORS:
        default:
          break;
        }
    }

  if (gst_error->domain == GST_STREAM_ERROR)
    return g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_UNSUPPORTED,
                        _("“%s” is not in a format Fanfare can play"), name);

  if (g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN))
    return g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_MISSING_PLUGIN,
                        _("“%s” needs a GStreamer plugin that is not installed"), name);

  return g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_FAILED,
                      _("“%s” could not be played"), name);
}

static void
query_duration (FanfarePlayer *self)
{
  gint64 duration;

  if (gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) && duration > 0)
    _fanfare_player_set_duration (self, duration / GST_USECOND);
}

static void
update_seekable (FanfarePlayer *self)
{
  g_autoptr(GstQuery) query = gst_query_new_seeking (GST_FORMAT_TIME);
  gboolean seekable = FALSE;

  if (gst_element_query (self->playbin, query))
    gst_query_parse_seeking (query, NULL, &seekable, NULL, NULL);

  self->seekable = seekable;
  self->seek_known = TRUE;
}

static void
handle_error (FanfarePlayer *self,
              GstMessage    *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("GStreamer error from %s: %s (%s)",
           GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), gst_error->message, debug ? debug : "");

  error = map_error (self, gst_error, GST_MESSAGE_SRC (message));
  _fanfare_player_failed (self, error);
}

static void
handle_missing_plugin (FanfarePlayer *self,
                       GstMessage    *message)
{
  g_autoptr(GError) error = NULL;

  g_free (self->missing_plugin);
  self->missing_plugin = gst_missing_plugin_message_get_description (message);
  g_debug ("Missing plugin: %s", self->missing_plugin);

  /* Playback is audio only: without its decoder a track cannot play, and
   * playbin3 would wait for it forever rather than fail. */
  error = map_error (self, NULL, GST_MESSAGE_SRC (message));
  _fanfare_player_failed (self, error);
}

static void
handle_stream_start (FanfarePlayer *self)
{
  g_autofree guint64 * entry_id = NULL;

  g_mutex_lock (&self->lock);
  entry_id = g_queue_pop_head (&self->started);
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&self->missing_plugin, g_free);

  if (entry_id != NULL)
    _fanfare_player_advanced (self, *entry_id);

  query_duration (self);
}

static void
handle_tags (FanfarePlayer *self,
             GstMessage    *message)
{
  FanfareTrack *track = fanfare_play_queue_get_current_track (self->queue);
  g_autoptr(GstTagList) tags = NULL;
  g_autofree char *title = NULL;
  g_autofree char *artist = NULL;
  g_autofree char *album = NULL;

  if (track == NULL)
    return;

  gst_message_parse_tag (message, &tags);

  /* Files opened on their own may lack what the library would know; fill
   * in what the stream says, never overwrite what is there. */
  if (fanfare_track_get_artist (track) == NULL && gst_tag_list_get_string (tags, GST_TAG_ARTIST, &artist))
    g_object_set (track, "artist", artist, NULL);
  if (fanfare_track_get_album (track) == NULL && gst_tag_list_get_string (tags, GST_TAG_ALBUM, &album))
    g_object_set (track, "album", album, NULL);
  if (fanfare_track_get_title (track) == NULL && gst_tag_list_get_string (tags, GST_TAG_TITLE, &title))
    g_object_set (track, "title", title, NULL);
}

static void
handle_buffering (FanfarePlayer *self,
                  GstMessage    *message)
{
  int percent;

  gst_message_parse_buffering (message, &percent);

  /* A stream that runs dry waits for data rather than stuttering. */
  if (self->state == FANFARE_PLAYER_STATE_PLAYING)
    gst_element_set_state (self->playbin, percent < 100 ? GST_STATE_PAUSED : GST_STATE_PLAYING);
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  FanfarePlayer *self = user_data;

  /* GstMessageType is a set of flags: only a few of them matter here. */
  switch ((guint) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      handle_error (self, message);
      break;

    case GST_MESSAGE_EOS:
      _fanfare_player_reached_end (self);
      break;

    case GST_MESSAGE_STREAM_START:
      handle_stream_start (self);
      break;

    case GST_MESSAGE_ASYNC_DONE:
      query_duration (self);
      update_seekable (self);
      if (self->pending_seek >= 0)
        {
          GTimeSpan position = self->pending_seek;

          /* The seek completes with another ASYNC_DONE; until then the
           * pipeline would report where it was, not where it goes. */
          self->pending_seek = -1;
          _fanfare_player_pipeline_seek (self, position);
          break;
        }
      if (self->play_when_ready)
        {
          self->play_when_ready = FALSE;
          gst_element_set_state (self->playbin, GST_STATE_PLAYING);
        }
      _fanfare_player_update_position (self);
      break;

    case GST_MESSAGE_DURATION_CHANGED:
      query_duration (self);
      break;

    case GST_MESSAGE_TAG:
      handle_tags (self, message);
      break;

    case GST_MESSAGE_BUFFERING:
      handle_buffering (self, message);
      break;

    case GST_MESSAGE_ELEMENT:
      if (gst_is_missing_plugin_message (message))
        handle_missing_plugin (self, message);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
ensure_pipeline (FanfarePlayer *self)
{
  g_autoptr(GstBus) bus = NULL;
  GstElement *filter;

  if (self->playbin != NULL)
    return TRUE;

  gst_init (NULL, NULL);
  /* Streams are read by an element of our own; see fanfare-http-src.c. */
  fanfare_http_src_register ();

  self->playbin = gst_element_factory_make ("playbin", "fanfare-playbin");
  if (self->playbin == NULL)
    {
      g_autoptr(GError) error =
        g_error_new (FANFARE_PLAYER_ERROR, FANFARE_PLAYER_ERROR_MISSING_PLUGIN,
                     _("Playback needs the GStreamer plugin “%s”, which is not installed"), "playbin");

      _fanfare_player_failed (self, error);
      return FALSE;
    }
  gst_object_ref_sink (self->playbin);

  gst_util_set_object_arg (G_OBJECT (self->playbin), "flags", "audio+soft-volume");
  g_object_set (self->playbin, "audio-sink", make_sink (self), NULL);
  filter = make_filter (self);
  if (filter != NULL)
    g_object_set (self->playbin, "audio-filter", filter, NULL);

  g_signal_connect (self->playbin, "about-to-finish", G_CALLBACK (about_to_finish_cb), self);
  g_signal_connect (self->playbin, "source-setup", G_CALLBACK (source_setup_cb), self);

  bus = gst_element_get_bus (self->playbin);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);

  _fanfare_player_pipeline_update_volume (self);

  return TRUE;
}

/* Drops the messages still queued from what played before: one failure
 * posts several errors, and they must not count against the next track. */
static void
reset (FanfarePlayer *self)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->playbin);

  gst_element_set_state (self->playbin, GST_STATE_READY);
  gst_bus_set_flushing (bus, TRUE);
  gst_bus_set_flushing (bus, FALSE);
}

void
_fanfare_player_pipeline_load (FanfarePlayer *self,
                               FanfareTrack  *track,
                               gboolean       play,
                               GTimeSpan      start)
{
  const char *uri = fanfare_track_get_uri (track);
  gboolean seek_first;

  if (!ensure_pipeline (self))
    return;

  reset (self);

  /* Nothing prepared for the track that played before counts now. */
  g_mutex_lock (&self->lock);
  g_queue_clear_full (&self->started, g_free);
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&self->missing_plugin, g_free);
  self->loaded = TRUE;
  self->seekable = FALSE;
  self->seek_known = FALSE;

  /* A track that starts further in, or at another speed, is sought to
   * while paused, so that not a sample plays from the wrong place. The
   * segment's rate does not survive a new track. */
  start = _fanfare_player_longform_resume_start (self, track, start);
  seek_first = start > 0 || self->rate != 1.0;
  self->pending_seek = seek_first ? start : -1;
  self->play_when_ready = play && seek_first;

  g_object_set (self->playbin, "uri", uri, NULL);
  gst_element_set_state (self->playbin, play && !seek_first ? GST_STATE_PLAYING : GST_STATE_PAUSED);
}

void
_fanfare_player_pipeline_set_playing (FanfarePlayer *self,
                                      gboolean       playing)
{
  if (self->playbin == NULL)
    return;

  /* Still seeking to where the track starts: play once there. */
  if (self->pending_seek >= 0 || self->play_when_ready)
    {
      self->play_when_ready = playing;
      return;
    }

  gst_element_set_state (self->playbin, playing ? GST_STATE_PLAYING : GST_STATE_PAUSED);
}

void
_fanfare_player_pipeline_stop (FanfarePlayer *self)
{
  if (self->playbin != NULL)
    reset (self);

  self->loaded = FALSE;
  self->seekable = FALSE;
  self->play_when_ready = FALSE;
}

gboolean
_fanfare_player_pipeline_seek (FanfarePlayer *self,
                               GTimeSpan      position)
{
  GstState state = GST_STATE_NULL;

  if (self->playbin == NULL || !self->loaded)
    return FALSE;

  gst_element_get_state (self->playbin, &state, NULL, 0);
  if (state < GST_STATE_PAUSED)
    {
      /* Not ready yet: ASYNC_DONE applies it. */
      self->pending_seek = position;
      return TRUE;
    }

  return gst_element_seek (self->playbin, self->rate, GST_FORMAT_TIME,
                           GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                           GST_SEEK_TYPE_SET, position * GST_USECOND,
                           GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE);
}

GTimeSpan
_fanfare_player_pipeline_query_position (FanfarePlayer *self)
{
  gint64 position;

  if (self->playbin == NULL || !self->loaded ||
      !gst_element_query_position (self->playbin, GST_FORMAT_TIME, &position))
    return -1;

  return position / GST_USECOND;
}

void
_fanfare_player_pipeline_update_volume (FanfarePlayer *self)
{
  if (self->playbin == NULL)
    return;

  /* The player's volume is cubic, as a person hears it. */
  g_object_set (self->playbin,
                "volume", gst_stream_volume_convert_volume (GST_STREAM_VOLUME_FORMAT_CUBIC,
                                                            GST_STREAM_VOLUME_FORMAT_LINEAR,
                                                            self->volume) * self->fade,
                "mute", (gboolean) self->muted,
                NULL);
}

void
_fanfare_player_pipeline_rebuild_filters (FanfarePlayer *self)
{
  GstState state = GST_STATE_NULL;
  GstElement *filter;
  GTimeSpan position;

  if (self->playbin == NULL)
    return;

  /* playbin takes a new filter only when it is not running: stop, swap,
   * and come back to the same place. */
  gst_element_get_state (self->playbin, &state, NULL, 0);
  position = _fanfare_player_pipeline_query_position (self);
  gst_element_set_state (self->playbin, GST_STATE_READY);

  filter = make_filter (self);
  g_object_set (self->playbin, "audio-filter", filter, NULL);

  if (self->loaded && state >= GST_STATE_PAUSED)
    {
      self->pending_seek = MAX (position, 0);
      gst_element_set_state (self->playbin, state);
    }
}

void
_fanfare_player_pipeline_destroy (FanfarePlayer *self)
{
  if (self->playbin == NULL)
    return;

  gst_element_set_state (self->playbin, GST_STATE_NULL);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->playbin, self);
  gst_clear_object (&self->playbin);
}
