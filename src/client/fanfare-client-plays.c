/* fanfare-client-plays.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plays the user made, on their way to the server. A play counts once the
 * track has played 30 seconds or half its length, whichever is shorter.
 * Each is written to a small file of the client's before it is sent, so a
 * play made offline, or just before the app quit, is sent when the server
 * answers again, in batches; the server counts a play sent twice once (each
 * has the client's id for it). Plays wait for the account that made them. */

#include "config.h"

#include <glib/gstdio.h>

#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

#define PLAY_THRESHOLD (30 * G_TIME_SPAN_SECOND)
#define MAX_BATCH      500

/**
 * fanfare_play_counts:
 * @played: how long the track has played
 * @duration: its length, or 0 when unknown
 *
 * Returns: whether that much listening is a play to report
 */
gboolean
fanfare_play_counts (GTimeSpan  played,
                     GTimeSpan  duration)
{
  GTimeSpan needed = duration > 0 ? MIN (PLAY_THRESHOLD, duration / 2) : PLAY_THRESHOLD;

  return played > 0 && played >= needed;
}

/**
 * _fanfare_client_write_queue:
 * @path: (nullable): the file; %NULL keeps the queue in memory only
 * @what: what the queue holds, for the log
 *
 * Writes a queue of changes on their way to the server, readable by the
 * user alone.
 */
void
_fanfare_client_write_queue (const char *path,
                             JsonArray  *queue,
                             const char *what)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  root = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (root, queue);
  text = fanfare_json_to_string (root);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Could not keep the %s to send in %s: %s", what, path,
               error != NULL ? error->message : g_strerror (errno));
}

/**
 * _fanfare_client_read_queue:
 * @valid: tells the elements to keep
 *
 * Reads what _fanfare_client_write_queue() wrote into @queue.
 */
void
_fanfare_client_read_queue (const char *path,
                            JsonArray  *queue,
                            gboolean ( *valid ) (JsonNode *node),
                            const char *what)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    return;

  root = fanfare_json_parse (text, -1, FANFARE_JSON_MAX_DEPTH, &error);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_warning ("The %s to send in %s cannot be read; they are lost", what, path);
      return;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (root), i);

      if (valid (node))
        json_array_add_object_element (queue, json_object_ref (json_node_get_object (node)));
    }
}

static void
save_plays (FanfareClient *self)
{
  _fanfare_client_write_queue (self->plays_file, self->plays, "plays");
}

static void
notify_pending (FanfareClient *self)
{
  g_object_notify (G_OBJECT (self), "pending-plays");
}

/* Takes the plays of @sent out of the queue. */
static void
forget_plays (FanfareClient *self,
              JsonArray     *sent)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) kept = json_array_new ();

  for (guint i = 0; i < json_array_get_length (sent); i++)
    g_hash_table_add (ids, (gpointer) json_object_get_string_member (json_array_get_object_element (sent, i), "id"));
  for (guint i = 0; i < json_array_get_length (self->plays); i++)
    {
      JsonObject *play = json_array_get_object_element (self->plays, i);

      if (!g_hash_table_contains (ids, json_object_get_string_member (play, "id")))
        json_array_add_object_element (kept, json_object_ref (play));
    }

  g_clear_pointer (&self->plays, json_array_unref);
  self->plays = g_steal_pointer (&kept);
  save_plays (self);
  notify_pending (self);
}

static void
plays_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FanfareClient *self = FANFARE_CLIENT (object);
  g_autoptr(JsonArray) batch = user_data;
  g_autoptr(GError) error = NULL;

  self->sending_plays = FALSE;
  if (g_task_propagate_pointer (G_TASK (result), &error) != NULL)
    {
      forget_plays (self, batch);
      _fanfare_client_send_plays (self);
    }
  else if (g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_INVALID))
    {
      /* Sent again, they would be refused again. */
      g_warning ("The server refused %u plays: %s", json_array_get_length (batch), error->message);
      forget_plays (self, batch);
    }
  else
    {
      /* Offline or signed out: they are sent when that changes. */
      g_debug ("Plays not sent yet: %s", error->message);
    }
}

/* Sends the signed-in user's waiting plays, a batch at a time. */
void
_fanfare_client_send_plays (FanfareClient *self)
{
  g_autoptr(JsonBuilder) body = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonArray) batch = NULL;
  const char *username;

  if (self->sending_plays || self->user == NULL || self->token == NULL || !self->online)
    return;

  username = fanfare_user_get_username (self->user);
  batch = json_array_new ();
  for (guint i = 0; i < json_array_get_length (self->plays) && json_array_get_length (batch) < MAX_BATCH; i++)
    {
      JsonObject *play = json_array_get_object_element (self->plays, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (play, "username", NULL), username) == 0)
        json_array_add_object_element (batch, json_object_ref (play));
    }
  if (json_array_get_length (batch) == 0)
    return;

  body = json_builder_new ();
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "plays");
  json_builder_begin_array (body);
  for (guint i = 0; i < json_array_get_length (batch); i++)
    {
      JsonObject *play = json_array_get_object_element (batch, i);
      static const char *members[] = { "id", "track_id", "played_at" };

      json_builder_begin_object (body);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          json_builder_set_member_name (body, members[m]);
          json_builder_add_string_value (body, json_object_get_string_member (play, members[m]));
        }
      json_builder_set_member_name (body, "ms_played");
      json_builder_add_int_value (body, json_object_get_int_member (play, "ms_played"));
      json_builder_end_object (body);
    }
  json_builder_end_array (body);
  json_builder_end_object (body);

  self->sending_plays = TRUE;
  msg = _fanfare_client_new_message (self, "POST", "/api/v1/plays", body);
  _fanfare_client_call (self, msg, NULL, NULL, g_task_new (self, NULL, plays_sent_cb, g_steal_pointer (&batch)));
}

static gboolean
valid_play (JsonNode *node)
{
  JsonObject *play;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  play = json_node_get_object (node);

  return json_object_get_string_member_with_default (play, "id", NULL) != NULL &&
         json_object_get_string_member_with_default (play, "track_id", NULL) != NULL &&
         json_object_get_string_member_with_default (play, "played_at", NULL) != NULL &&
         json_object_get_string_member_with_default (play, "username", NULL) != NULL &&
         json_object_get_int_member_with_default (play, "ms_played", -1) >= 0;
}

/**
 * fanfare_client_set_plays_file:
 * @path: (nullable): where plays wait until they are sent, such as
 *   `$XDG_DATA_HOME/fanfare/unsent-plays.json`; %NULL keeps them in memory
 *
 * Reads the plays that were waiting there and sends those of the user.
 */
void
fanfare_client_set_plays_file (FanfareClient *self,
                               const char    *path)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  if (g_strcmp0 (path, self->plays_file) == 0)
    return;
  g_free (self->plays_file);
  self->plays_file = g_strdup (path);
  _fanfare_client_read_queue (path, self->plays, valid_play, "plays");
  notify_pending (self);
  _fanfare_client_send_plays (self);
}

/**
 * fanfare_client_report_play:
 * @track: a track of the platform
 * @played_at: when it began to play
 * @played: how long it played; see fanfare_play_counts()
 *
 * Reports a play of the signed-in user: now, or when the server can be
 * reached again.
 */
void
fanfare_client_report_play (FanfareClient *self,
                            FanfareTrack  *track,
                            GDateTime     *played_at,
                            GTimeSpan      played)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *id = NULL;
  g_autofree char *time = NULL;
  JsonObject *play;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (FANFARE_IS_TRACK (track));
  g_return_if_fail (played_at != NULL);

  if (self->user == NULL || fanfare_track_get_source (track) != FANFARE_SOURCE_PLATFORM)
    return;

  utc = g_date_time_to_utc (played_at);
  time = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  id = g_uuid_string_random ();
  play = json_object_new ();
  json_object_set_string_member (play, "id", id);
  json_object_set_string_member (play, "track_id", fanfare_track_get_id (track));
  json_object_set_string_member (play, "played_at", time);
  json_object_set_int_member (play, "ms_played", played / G_TIME_SPAN_MILLISECOND);
  json_object_set_string_member (play, "username", fanfare_user_get_username (self->user));
  json_array_add_object_element (self->plays, play);
  save_plays (self);
  notify_pending (self);
  _fanfare_client_send_plays (self);
}

/**
 * fanfare_client_get_pending_plays:
 *
 * Returns: how many plays wait to be sent, of any account
 */
guint
fanfare_client_get_pending_plays (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), 0);

  return json_array_get_length (self->plays);
}
