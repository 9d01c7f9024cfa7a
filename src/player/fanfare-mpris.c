/* fanfare-mpris.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* MPRIS 2.2 on the session bus, so that media keys, the desktop's media
 * controls and tools like playerctl drive the player. It observes the
 * player and the queue and acts only through their public API; the
 * application handles Raise and Quit through the signals of this object. */

#include "config.h"

#include <string.h>

#include "fanfare-chapter.h"
#include "fanfare-mpris.h"
#include "fanfare-player-enums.h"
#include "fanfare-player-resources.h"

#define MPRIS_PATH        "/org/mpris/MediaPlayer2"
#define ROOT_IFACE        "org.mpris.MediaPlayer2"
#define PLAYER_IFACE      "org.mpris.MediaPlayer2.Player"
#define TRACKLIST_IFACE   "org.mpris.MediaPlayer2.TrackList"
#define TRACK_PATH_PREFIX "/io/github/fanfare_music/Fanfare/TrackList/"
#define NO_TRACK_PATH     "/org/mpris/MediaPlayer2/TrackList/NoTrack"

struct _FanfareMpris
{
  GObject parent_instance;

  /* Owned references */
  FanfarePlayer   *player;
  GDBusConnection *connection;
  GDBusNodeInfo   *node_info;
  GSignalGroup    *track_signals; /* on the current track */
  GHashTable      *changed;       /* "Interface\nProperty" waiting to be announced */
  char            *player_name;
  char            *desktop_entry;

  /* State */
  guint registration_ids[3];
  guint name_id;
  guint flush_source;
};

G_DEFINE_FINAL_TYPE (FanfareMpris, fanfare_mpris, G_TYPE_OBJECT)

enum {
  RAISE,
  QUIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const mime_types[] = {
  "audio/mpeg", "audio/flac", "audio/x-flac", "audio/ogg", "audio/x-vorbis+ogg",
  "audio/opus", "audio/x-opus+ogg", "audio/mp4", "audio/x-m4a", "audio/aac",
  "audio/wav", "audio/x-wav", "audio/webm", "audio/x-matroska", NULL
};

static const char * const uri_schemes[] = { "file", "http", "https", NULL };

static FanfarePlayQueue *
queue (FanfareMpris *self)
{
  return fanfare_player_get_queue (self->player);
}

static char *
track_path (FanfareMpris *self,
            int           position)
{
  if (position < 0)
    return g_strdup (NO_TRACK_PATH);

  return g_strdup_printf (TRACK_PATH_PREFIX "%" G_GUINT64_FORMAT,
                          fanfare_play_queue_get_entry_id (queue (self), position));
}

/* The position of the entry a track id names, or -1. */
static int
position_for_path (FanfareMpris *self,
                   const char   *path)
{
  guint64 entry_id;

  if (!g_str_has_prefix (path, TRACK_PATH_PREFIX) ||
      !g_ascii_string_to_unsigned (path + strlen (TRACK_PATH_PREFIX), 10, 1, G_MAXUINT64, &entry_id, NULL))
    return -1;

  return fanfare_play_queue_find_entry (queue (self), entry_id);
}

static void
add_string_list (GVariantBuilder *builder,
                 const char      *key,
                 const char      *value)
{
  const char *values[] = { value, NULL };

  if (value != NULL && *value != '\0')
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_strv (values, 1));
}

/* The entry of a DJ mix playing is what a listener asks "what is this?"
 * about: it stands as the title, and the mix as the album. */
static FanfareChapter *
mix_entry (FanfareMpris *self,
           FanfareTrack *track,
           int           position)
{
  if (position != fanfare_play_queue_get_current (queue (self))
      || fanfare_track_get_kind (track) != FANFARE_TRACK_KIND_DJ_MIX)
    return NULL;

  return fanfare_player_get_current_chapter (self->player);
}

static void
add_lyrics (FanfareMpris    *self,
            GVariantBuilder *builder,
            int              position)
{
  FanfareLyrics *lyrics = fanfare_player_get_lyrics (self->player);
  g_autofree char *text = NULL;

  if (position != fanfare_play_queue_get_current (queue (self)) || lyrics == NULL)
    return;

  text = fanfare_lyrics_to_text (lyrics);
  g_variant_builder_add (builder, "{sv}", "xesam:asText", g_variant_new_string (text));
}

static GVariant *
track_metadata (FanfareMpris *self,
                int           position)
{
  FanfareTrack *track;
  g_autofree char *path = track_path (self, position);
  GVariantBuilder builder;
  const char * const *artists;
  const char *cover;
  FanfareChapter *entry;
  GTimeSpan length;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "mpris:trackid", g_variant_new_object_path (path));

  if (position < 0)
    return g_variant_builder_end (&builder);

  track = fanfare_play_queue_get_track (queue (self), position);

  length = fanfare_track_get_duration (track);
  if (position == fanfare_play_queue_get_current (queue (self)) && fanfare_player_get_duration (self->player) > 0)
    length = fanfare_player_get_duration (self->player);
  if (length > 0)
    g_variant_builder_add (&builder, "{sv}", "mpris:length", g_variant_new_int64 (length));

  /* Only a local file: a desktop shell should not fetch from the network. */
  cover = fanfare_track_get_cover_uri (track);
  if (cover != NULL && g_str_has_prefix (cover, "file://"))
    g_variant_builder_add (&builder, "{sv}", "mpris:artUrl", g_variant_new_string (cover));

  entry = mix_entry (self, track, position);
  if (entry != NULL)
    {
      g_variant_builder_add (&builder, "{sv}", "xesam:title",
                             g_variant_new_string (fanfare_chapter_get_title (entry)));
      if (fanfare_track_get_title (track) != NULL)
        g_variant_builder_add (&builder, "{sv}", "xesam:album", g_variant_new_string (fanfare_track_get_title (track)));
    }
  else if (fanfare_track_get_title (track) != NULL)
    g_variant_builder_add (&builder, "{sv}", "xesam:title", g_variant_new_string (fanfare_track_get_title (track)));

  artists = fanfare_track_get_artists (track);
  if (entry != NULL && fanfare_chapter_get_artist (entry) != NULL)
    add_string_list (&builder, "xesam:artist", fanfare_chapter_get_artist (entry));
  else if (artists != NULL && artists[0] != NULL)
    g_variant_builder_add (&builder, "{sv}", "xesam:artist", g_variant_new_strv (artists, -1));
  else
    add_string_list (&builder, "xesam:artist", fanfare_track_get_artist (track));

  add_string_list (&builder, "xesam:albumArtist", fanfare_track_get_album_artist (track));
  add_string_list (&builder, "xesam:genre", fanfare_track_get_genre (track));

  if (entry == NULL && fanfare_track_get_album (track) != NULL)
    g_variant_builder_add (&builder, "{sv}", "xesam:album", g_variant_new_string (fanfare_track_get_album (track)));
  if (fanfare_track_get_track_number (track) > 0)
    g_variant_builder_add (&builder, "{sv}", "xesam:trackNumber",
                           g_variant_new_int32 (fanfare_track_get_track_number (track)));
  if (fanfare_track_get_disc_number (track) > 0)
    g_variant_builder_add (&builder, "{sv}", "xesam:discNumber",
                           g_variant_new_int32 (fanfare_track_get_disc_number (track)));
  if (fanfare_track_get_uri (track) != NULL)
    g_variant_builder_add (&builder, "{sv}", "xesam:url", g_variant_new_string (fanfare_track_get_uri (track)));

  add_lyrics (self, &builder, position);

  return g_variant_builder_end (&builder);
}

static GVariant *
track_list (FanfareMpris *self)
{
  GVariantBuilder builder;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (queue (self)));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ao"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = track_path (self, i);

      g_variant_builder_add (&builder, "o", path);
    }

  return g_variant_builder_end (&builder);
}

static const char *
playback_status (FanfareMpris *self)
{
  switch (fanfare_player_get_state (self->player))
    {
    case FANFARE_PLAYER_STATE_PLAYING:
      return "Playing";

    case FANFARE_PLAYER_STATE_PAUSED:
      return "Paused";

    case FANFARE_PLAYER_STATE_STOPPED:
    default:
      return "Stopped";
    }
}

static const char *
loop_status (FanfareMpris *self)
{
  switch (fanfare_play_queue_get_repeat_mode (queue (self)))
    {
    case FANFARE_REPEAT_MODE_ONE:
      return "Track";

    case FANFARE_REPEAT_MODE_ALL:
      return "Playlist";

    case FANFARE_REPEAT_MODE_OFF:
    default:
      return "None";
    }
}

static GVariant *
get_property (FanfareMpris *self,
              const char   *interface,
              const char   *name)
{
  if (g_str_equal (interface, ROOT_IFACE))
    {
      if (g_str_equal (name, "CanQuit") || g_str_equal (name, "CanRaise") || g_str_equal (name, "HasTrackList"))
        return g_variant_new_boolean (TRUE);
      if (g_str_equal (name, "Fullscreen") || g_str_equal (name, "CanSetFullscreen"))
        return g_variant_new_boolean (FALSE);
      if (g_str_equal (name, "Identity"))
        return g_variant_new_string ("Fanfare");
      if (g_str_equal (name, "DesktopEntry"))
        return g_variant_new_string (self->desktop_entry);
      if (g_str_equal (name, "SupportedUriSchemes"))
        return g_variant_new_strv (uri_schemes, -1);
      if (g_str_equal (name, "SupportedMimeTypes"))
        return g_variant_new_strv (mime_types, -1);
    }
  else if (g_str_equal (interface, PLAYER_IFACE))
    {
      if (g_str_equal (name, "PlaybackStatus"))
        return g_variant_new_string (playback_status (self));
      if (g_str_equal (name, "LoopStatus"))
        return g_variant_new_string (loop_status (self));
      if (g_str_equal (name, "Rate"))
        return g_variant_new_double (fanfare_player_get_rate (self->player));
      if (g_str_equal (name, "Shuffle"))
        return g_variant_new_boolean (fanfare_play_queue_get_shuffle (queue (self)));
      if (g_str_equal (name, "Metadata"))
        return track_metadata (self, fanfare_play_queue_get_current (queue (self)));
      if (g_str_equal (name, "Volume"))
        return g_variant_new_double (fanfare_player_get_volume (self->player));
      if (g_str_equal (name, "Position"))
        return g_variant_new_int64 (fanfare_player_get_position (self->player));
      if (g_str_equal (name, "MinimumRate"))
        return g_variant_new_double (0.5);
      if (g_str_equal (name, "MaximumRate"))
        return g_variant_new_double (2.0);
      if (g_str_equal (name, "CanGoNext"))
        return g_variant_new_boolean (fanfare_player_get_can_go_next (self->player));
      if (g_str_equal (name, "CanGoPrevious"))
        return g_variant_new_boolean (fanfare_player_get_can_go_previous (self->player));
      if (g_str_equal (name, "CanPlay") || g_str_equal (name, "CanPause"))
        return g_variant_new_boolean (fanfare_player_get_can_play (self->player));
      if (g_str_equal (name, "CanSeek"))
        return g_variant_new_boolean (fanfare_player_get_can_seek (self->player));
      if (g_str_equal (name, "CanControl"))
        return g_variant_new_boolean (TRUE);
    }
  else if (g_str_equal (interface, TRACKLIST_IFACE))
    {
      if (g_str_equal (name, "Tracks"))
        return track_list (self);
      if (g_str_equal (name, "CanEditTracks"))
        return g_variant_new_boolean (TRUE);
    }

  return NULL;
}

static gboolean
flush_changes (gpointer  data)
{
  FanfareMpris *self = data;
  const char *interfaces[] = { ROOT_IFACE, PLAYER_IFACE, TRACKLIST_IFACE };

  self->flush_source = 0;

  for (guint i = 0; i < G_N_ELEMENTS (interfaces); i++)
    {
      GVariantBuilder changed, invalidated;
      GHashTableIter iter;
      const char *key;
      gboolean any = FALSE;

      g_variant_builder_init (&changed, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_init (&invalidated, G_VARIANT_TYPE ("as"));

      g_hash_table_iter_init (&iter, self->changed);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        {
          const char *name = strchr (key, '\n') + 1;

          if (strncmp (key, interfaces[i], name - key - 1) != 0 || strlen (interfaces[i]) != (gsize) (name - key - 1))
            continue;

          any = TRUE;
          /* The track list is too long to send whole each time it changes. */
          if (g_str_equal (name, "Tracks"))
            g_variant_builder_add (&invalidated, "s", name);
          else
            g_variant_builder_add (&changed, "{sv}", name, get_property (self, interfaces[i], name));
        }

      if (any)
        g_dbus_connection_emit_signal (self->connection, NULL, MPRIS_PATH,
                                       "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                       g_variant_new ("(sa{sv}as)", interfaces[i], &changed, &invalidated),
                                       NULL);
      else
        {
          g_variant_builder_clear (&changed);
          g_variant_builder_clear (&invalidated);
        }
    }

  g_hash_table_remove_all (self->changed);

  return G_SOURCE_REMOVE;
}

/* Announces that properties changed, once per main loop iteration. */
static void
changed (FanfareMpris *self,
         const char   *interface,
         ...)
{
  const char *name;
  va_list args;

  va_start (args, interface);
  while ((name = va_arg (args, const char *)) != NULL)
    g_hash_table_add (self->changed, g_strconcat (interface, "\n", name, NULL));
  va_end (args);

  if (self->flush_source == 0)
    self->flush_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_changes, self, NULL);
}

static void
emit (FanfareMpris *self,
      const char   *interface,
      const char   *signal,
      GVariant     *parameters)
{
  g_dbus_connection_emit_signal (self->connection, NULL, MPRIS_PATH, interface, signal, parameters, NULL);
}

static void
state_changed_cb (FanfareMpris *self)
{
  changed (self, PLAYER_IFACE, "PlaybackStatus", "CanGoNext", "CanGoPrevious", "CanPlay", "CanPause",
           "CanSeek", NULL);
}

static void
current_track_changed_cb (FanfareMpris *self)
{
  g_signal_group_set_target (self->track_signals, fanfare_player_get_current_track (self->player));
  changed (self, PLAYER_IFACE, "Metadata", "CanGoNext", "CanGoPrevious", "CanSeek", NULL);
}

static void
track_notify_cb (FanfareMpris *self)
{
  int current = fanfare_play_queue_get_current (queue (self));
  g_autofree char *path = track_path (self, current);

  /* Tags read while playing fill in what a file opened by itself lacked. */
  changed (self, PLAYER_IFACE, "Metadata", NULL);
  if (current >= 0)
    emit (self, TRACKLIST_IFACE, "TrackMetadataChanged",
          g_variant_new ("(o@a{sv})", path, track_metadata (self, current)));
}

static void
queue_items_changed_cb (FanfareMpris *self)
{
  g_autofree char *current = track_path (self, fanfare_play_queue_get_current (queue (self)));

  emit (self, TRACKLIST_IFACE, "TrackListReplaced", g_variant_new ("(@aoo)", track_list (self), current));
  changed (self, TRACKLIST_IFACE, "Tracks", NULL);
  changed (self, PLAYER_IFACE, "CanGoNext", "CanGoPrevious", "CanPlay", "CanPause", NULL);
}

static void
volume_changed_cb (FanfareMpris *self)
{
  changed (self, PLAYER_IFACE, "Volume", NULL);
}

static void
rate_changed_cb (FanfareMpris *self)
{
  changed (self, PLAYER_IFACE, "Rate", NULL);
}

static void
shuffle_changed_cb (FanfareMpris *self)
{
  changed (self, PLAYER_IFACE, "Shuffle", NULL);
}

static void
repeat_mode_changed_cb (FanfareMpris *self)
{
  changed (self, PLAYER_IFACE, "LoopStatus", "CanGoNext", "CanGoPrevious", NULL);
}

static void
seeked_cb (FanfareMpris *self,
           gint64        position)
{
  emit (self, PLAYER_IFACE, "Seeked", g_variant_new ("(x)", position));
}

static FanfareTrack *
track_for_uri (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);

  /* The title is a placeholder until the stream's tags arrive. */
  return g_object_new (FANFARE_TYPE_TRACK,
                       "id", uri,
                       "uri", uri,
                       "title", name,
                       "source", g_str_has_prefix (uri, "file:") ? FANFARE_SOURCE_LOCAL : FANFARE_SOURCE_PLATFORM,
                       NULL);
}

static gboolean
uri_is_supported (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL && g_strv_contains (uri_schemes, scheme);
}

/* Queues @uri at @position and plays it when @play. */
static void
open_uri (FanfareMpris *self,
          const char   *uri,
          guint         position,
          gboolean      play)
{
  g_autoptr(GPtrArray) tracks = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (tracks, track_for_uri (uri));
  fanfare_play_queue_insert (queue (self), position, tracks);

  if (play)
    fanfare_player_play_position (self->player, position);
}

static void
player_method (FanfareMpris          *self,
               const char            *method,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation)
{
  if (g_str_equal (method, "Next"))
    fanfare_player_next (self->player);
  else if (g_str_equal (method, "Previous"))
    fanfare_player_previous (self->player);
  else if (g_str_equal (method, "Pause"))
    fanfare_player_pause (self->player);
  else if (g_str_equal (method, "PlayPause"))
    fanfare_player_play_pause (self->player);
  else if (g_str_equal (method, "Stop"))
    fanfare_player_stop (self->player);
  else if (g_str_equal (method, "Play"))
    fanfare_player_play (self->player);
  else if (g_str_equal (method, "Seek"))
    {
      gint64 offset;
      GTimeSpan target;

      g_variant_get (parameters, "(x)", &offset);
      target = fanfare_player_get_position (self->player) + offset;

      /* Past the end is the next track, as the specification asks. */
      if (fanfare_player_get_duration (self->player) > 0 && target > fanfare_player_get_duration (self->player))
        fanfare_player_next (self->player);
      else
        fanfare_player_seek (self->player, MAX (target, 0));
    }
  else if (g_str_equal (method, "SetPosition"))
    {
      const char *path;
      gint64 position;

      g_variant_get (parameters, "(&ox)", &path, &position);
      if (position_for_path (self, path) == fanfare_play_queue_get_current (queue (self)) &&
          position >= 0 &&
          (fanfare_player_get_duration (self->player) == 0 || position <= fanfare_player_get_duration (self->player)))
        fanfare_player_seek (self->player, position);
    }
  else if (g_str_equal (method, "OpenUri"))
    {
      const char *uri;

      g_variant_get (parameters, "(&s)", &uri);
      if (!uri_is_supported (uri))
        {
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                                 "Fanfare cannot open “%s”", uri);
          return;
        }
      open_uri (self, uri, fanfare_play_queue_get_current (queue (self)) + 1, TRUE);
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
tracklist_method (FanfareMpris          *self,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation)
{
  if (g_str_equal (method, "GetTracksMetadata"))
    {
      g_autoptr(GVariantIter) iter = NULL;
      GVariantBuilder builder;
      const char *path;

      g_variant_get (parameters, "(ao)", &iter);
      g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
      while (g_variant_iter_next (iter, "&o", &path))
        {
          int position = position_for_path (self, path);

          if (position >= 0)
            g_variant_builder_add_value (&builder, track_metadata (self, position));
        }
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &builder));
      return;
    }
  else if (g_str_equal (method, "AddTrack"))
    {
      const char *uri, *after;
      gboolean set_as_current;

      g_variant_get (parameters, "(&s&ob)", &uri, &after, &set_as_current);
      if (!uri_is_supported (uri))
        {
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                                 "Fanfare cannot open “%s”", uri);
          return;
        }
      /* After the track named, or first for NoTrack. */
      open_uri (self, uri, position_for_path (self, after) + 1, set_as_current);
    }
  else if (g_str_equal (method, "RemoveTrack"))
    {
      const char *path;
      int position;

      g_variant_get (parameters, "(&o)", &path);
      position = position_for_path (self, path);
      if (position >= 0)
        fanfare_play_queue_remove (queue (self), position);
    }
  else if (g_str_equal (method, "GoTo"))
    {
      const char *path;
      int position;

      g_variant_get (parameters, "(&o)", &path);
      position = position_for_path (self, path);
      if (position >= 0)
        fanfare_player_play_position (self->player, position);
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  FanfareMpris *self = user_data;

  if (g_str_equal (interface, ROOT_IFACE))
    {
      g_signal_emit (self, signals[g_str_equal (method, "Raise") ? RAISE : QUIT], 0);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (interface, PLAYER_IFACE))
    player_method (self, method, parameters, invocation);
  else
    tracklist_method (self, method, parameters, invocation);
}

static GVariant *
get_property_cb (GDBusConnection *connection,
                 const char      *sender,
                 const char      *object_path,
                 const char      *interface,
                 const char      *name,
                 GError         **error,
                 gpointer         user_data)
{
  GVariant *value = get_property (user_data, interface, name);

  if (value == NULL)
    g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "No property %s.%s", interface, name);

  return value;
}

static gboolean
set_property_cb (GDBusConnection *connection,
                 const char      *sender,
                 const char      *object_path,
                 const char      *interface,
                 const char      *name,
                 GVariant        *value,
                 GError         **error,
                 gpointer         user_data)
{
  FanfareMpris *self = user_data;

  if (g_str_equal (name, "LoopStatus"))
    {
      const char *status = g_variant_get_string (value, NULL);
      FanfareRepeatMode mode = FANFARE_REPEAT_MODE_OFF;

      if (g_str_equal (status, "Track"))
        mode = FANFARE_REPEAT_MODE_ONE;
      else if (g_str_equal (status, "Playlist"))
        mode = FANFARE_REPEAT_MODE_ALL;
      fanfare_play_queue_set_repeat_mode (queue (self), mode);
    }
  else if (g_str_equal (name, "Shuffle"))
    fanfare_play_queue_set_shuffle (queue (self), g_variant_get_boolean (value));
  else if (g_str_equal (name, "Volume"))
    fanfare_player_set_volume (self->player, g_variant_get_double (value));
  else if (g_str_equal (name, "Rate"))
    {
      /* A rate of 0 means pause, says the specification. */
      if (g_variant_get_double (value) <= 0)
        fanfare_player_pause (self->player);
      else
        fanfare_player_set_rate (self->player, g_variant_get_double (value));
    }
  else if (!g_str_equal (name, "Fullscreen"))
    {
      g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_PROPERTY_READ_ONLY, "%s.%s is read-only", interface, name);
      return FALSE;
    }

  return TRUE;
}

static const GDBusInterfaceVTable vtable = {
  method_call_cb,
  get_property_cb,
  set_property_cb,
  { NULL },
};

static void
fanfare_mpris_dispose (GObject *object)
{
  FanfareMpris *self = FANFARE_MPRIS (object);

  g_clear_handle_id (&self->name_id, g_bus_unown_name);
  for (guint i = 0; i < G_N_ELEMENTS (self->registration_ids); i++)
    if (self->registration_ids[i] != 0)
      {
        g_dbus_connection_unregister_object (self->connection, self->registration_ids[i]);
        self->registration_ids[i] = 0;
      }
  g_clear_handle_id (&self->flush_source, g_source_remove);

  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      g_signal_handlers_disconnect_by_data (queue (self), self);
    }
  g_clear_object (&self->track_signals);
  g_clear_object (&self->player);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->node_info, g_dbus_node_info_unref);

  G_OBJECT_CLASS (fanfare_mpris_parent_class)->dispose (object);
}

static void
fanfare_mpris_finalize (GObject *object)
{
  FanfareMpris *self = FANFARE_MPRIS (object);

  g_hash_table_unref (self->changed);
  g_free (self->player_name);
  g_free (self->desktop_entry);

  G_OBJECT_CLASS (fanfare_mpris_parent_class)->finalize (object);
}

static void
fanfare_mpris_class_init (FanfareMprisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_mpris_dispose;
  object_class->finalize = fanfare_mpris_finalize;

  /**
   * FanfareMpris::raise:
   *
   * A client asked to show the player's window.
   */
  signals[RAISE] = g_signal_new ("raise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FanfareMpris::quit:
   *
   * A client asked the player to quit.
   */
  signals[QUIT] = g_signal_new ("quit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fanfare_mpris_init (FanfareMpris *self)
{
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->track_signals = g_signal_group_new (FANFARE_TYPE_TRACK);
  g_signal_group_connect_swapped (self->track_signals, "notify", G_CALLBACK (track_notify_cb), self);
}

static void
connect_player (FanfareMpris *self)
{
  FanfarePlayQueue *q = queue (self);

  g_signal_connect_swapped (self->player, "notify::state", G_CALLBACK (state_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::can-go-next", G_CALLBACK (state_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::can-seek", G_CALLBACK (state_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::current-track", G_CALLBACK (current_track_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::duration", G_CALLBACK (current_track_changed_cb), self);
  g_signal_connect_swapped (self->player, "seeked", G_CALLBACK (seeked_cb), self);
  g_signal_connect_swapped (self->player, "notify::chapter", G_CALLBACK (current_track_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::lyrics", G_CALLBACK (current_track_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::volume", G_CALLBACK (volume_changed_cb), self);
  g_signal_connect_swapped (self->player, "notify::rate", G_CALLBACK (rate_changed_cb), self);
  g_signal_connect_swapped (q, "items-changed", G_CALLBACK (queue_items_changed_cb), self);
  g_signal_connect_swapped (q, "notify::shuffle", G_CALLBACK (shuffle_changed_cb), self);
  g_signal_connect_swapped (q, "notify::repeat-mode", G_CALLBACK (repeat_mode_changed_cb), self);

  current_track_changed_cb (self);
}

static GResource *
get_resource (void)
{
  static gsize registered;

  /* The player's resources are registered by the code that needs them, so
  * a program that links the player library without MPRIS carries none. */
  if (g_once_init_enter (&registered))
    {
      fanfare_player_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return fanfare_player_get_resource ();
}

/**
 * fanfare_mpris_new:
 * @player: the player to publish
 * @connection: the session bus
 * @player_name: the name after "org.mpris.MediaPlayer2.", such as "Fanfare"
 * @desktop_entry: the application id, which names the desktop file
 *
 * Publishes @player on @connection, at once.
 *
 * Returns: (transfer full): a new #FanfareMpris
 */
FanfareMpris *
fanfare_mpris_new (FanfarePlayer   *player,
                   GDBusConnection *connection,
                   const char      *player_name,
                   const char      *desktop_entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *bus_name = NULL;
  FanfareMpris *self;

  g_return_val_if_fail (FANFARE_IS_PLAYER (player), NULL);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);
  g_return_val_if_fail (player_name != NULL, NULL);

  self = g_object_new (FANFARE_TYPE_MPRIS, NULL);
  self->player = g_object_ref (player);
  self->connection = g_object_ref (connection);
  self->player_name = g_strdup (player_name);
  self->desktop_entry = g_strdup (desktop_entry);

  xml = g_resource_lookup_data (get_resource (), "/io/github/fanfare_music/Fanfare/player/fanfare-mpris.xml", 0, NULL);
  self->node_info = g_dbus_node_info_new_for_xml (g_bytes_get_data (xml, NULL), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (self->registration_ids); i++)
    {
      self->registration_ids[i] =
        g_dbus_connection_register_object (connection, MPRIS_PATH, self->node_info->interfaces[i],
                                           &vtable, self, NULL, &error);
      if (self->registration_ids[i] == 0)
        {
          /* Another player object on this connection: no MPRIS, but
           * playback goes on. */
          g_debug ("Could not publish MPRIS: %s", error->message);
          g_clear_error (&error);
        }
    }

  connect_player (self);

  bus_name = g_strconcat ("org.mpris.MediaPlayer2.", player_name, NULL);
  self->name_id = g_bus_own_name_on_connection (connection, bus_name, G_BUS_NAME_OWNER_FLAGS_NONE,
                                                NULL, NULL, NULL, NULL);

  return self;
}

/**
 * fanfare_mpris_dup_track_path:
 * @self: a #FanfareMpris
 * @position: a position in the queue
 *
 * Returns: (transfer full): the MPRIS track id of the entry at @position
 */
char *
fanfare_mpris_dup_track_path (FanfareMpris *self,
                              guint         position)
{
  g_return_val_if_fail (FANFARE_IS_MPRIS (self), NULL);

  return track_path (self, position);
}
