/* fanfare-client-positions.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where the user stopped in audiobooks and mixes, on its way to the
 * server. Like plays, each position is written to a file of the client's
 * before it is sent, so one reported offline or just before the app quit
 * arrives when the server answers again. Only the newest position of an
 * item is kept per account; the server keeps the newest of all devices
 * itself, so sending an old one late does no harm. */

#include "config.h"

#include "fanfare-client-private.h"
#include "fanfare-error.h"

static void
save_positions (FanfareClient *self)
{
  _fanfare_client_write_queue (self->positions_file, self->positions, "listening positions");
}

/* The index of @username's position in @track_id, or -1. */
static int
find_position (FanfareClient *self,
               const char    *username,
               const char    *track_id)
{
  for (guint i = 0; i < json_array_get_length (self->positions); i++)
    {
      JsonObject *entry = json_array_get_object_element (self->positions, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "username"), username) == 0 &&
          g_strcmp0 (json_object_get_string_member (entry, "track_id"), track_id) == 0)
        return i;
    }

  return -1;
}

static void
position_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FanfareClient *self = FANFARE_CLIENT (object);
  g_autoptr(JsonObject) sent = user_data;
  g_autoptr(FanfareClientPosition) kept = NULL;
  g_autoptr(GError) error = NULL;
  int index;

  self->sending_position = FALSE;
  kept = fanfare_client_put_position_finish (self, result, &error);
  if (kept == NULL && !g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_INVALID) &&
      !g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_NOT_FOUND))
    {
      /* Offline or signed out: sent when that changes. */
      g_debug ("Listening position not sent yet: %s", error->message);
      return;
    }
  if (kept == NULL)
    g_warning ("The server refused a listening position: %s", error->message);

  /* A newer position reported meanwhile stays to be sent. */
  index = find_position (self, json_object_get_string_member (sent, "username"),
                         json_object_get_string_member (sent, "track_id"));
  if (index >= 0 &&
      json_object_get_int_member (json_array_get_object_element (self->positions, index), "edited_at") ==
      json_object_get_int_member (sent, "edited_at"))
    {
      json_array_remove_element (self->positions, index);
      save_positions (self);
      g_object_notify (G_OBJECT (self), "pending-positions");
    }
  _fanfare_client_send_positions (self);
}

/* Sends the signed-in user's waiting positions, one at a time. */
void
_fanfare_client_send_positions (FanfareClient *self)
{
  const char *username;

  if (self->sending_position || self->user == NULL || self->token == NULL || !self->online)
    return;

  username = fanfare_user_get_username (self->user);
  for (guint i = 0; i < json_array_get_length (self->positions); i++)
    {
      JsonObject *entry = json_array_get_object_element (self->positions, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "username"), username) != 0)
        continue;

      self->sending_position = TRUE;
      fanfare_client_put_position_async (self, json_object_get_string_member (entry, "track_id"),
                                         json_object_get_int_member (entry, "position_ms") *
                                         G_TIME_SPAN_MILLISECOND,
                                         json_object_get_int_member (entry, "edited_at"),
                                         NULL, position_sent_cb, json_object_ref (entry));
      return;
    }
}

static gboolean
valid_position (JsonNode *node)
{
  JsonObject *entry;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  entry = json_node_get_object (node);

  return json_object_get_string_member_with_default (entry, "track_id", NULL) != NULL &&
         json_object_get_string_member_with_default (entry, "username", NULL) != NULL &&
         json_object_get_int_member_with_default (entry, "position_ms", -1) >= 0 &&
         json_object_get_int_member_with_default (entry, "edited_at", -1) >= 0;
}

/**
 * fanfare_client_set_positions_file:
 * @path: (nullable): where positions wait until they are sent; %NULL keeps
 *   them in memory
 *
 * Reads the positions that were waiting there and sends those of the user.
 */
void
fanfare_client_set_positions_file (FanfareClient *self,
                                   const char    *path)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  if (g_strcmp0 (path, self->positions_file) == 0)
    return;
  g_free (self->positions_file);
  self->positions_file = g_strdup (path);
  _fanfare_client_read_queue (path, self->positions, valid_position, "listening positions");
  g_object_notify (G_OBJECT (self), "pending-positions");
  _fanfare_client_send_positions (self);
}

/**
 * fanfare_client_report_position:
 * @track_id: an audiobook or a mix of the platform
 * @position: where the signed-in user stopped
 * @edited_at: when, in milliseconds since 1970
 *
 * Tells the platform where the user stopped: now, or when the server can
 * be reached again. A position older than one waiting for the same item
 * is ignored.
 */
void
fanfare_client_report_position (FanfareClient *self,
                                const char    *track_id,
                                GTimeSpan      position,
                                gint64         edited_at)
{
  const char *username;
  JsonObject *entry;
  int index;

  g_return_if_fail (FANFARE_IS_CLIENT (self));
  g_return_if_fail (track_id != NULL);

  if (self->user == NULL)
    return;

  username = fanfare_user_get_username (self->user);
  index = find_position (self, username, track_id);
  if (index >= 0)
    {
      if (json_object_get_int_member (json_array_get_object_element (self->positions, index),
                                      "edited_at") >= edited_at)
        return;
      json_array_remove_element (self->positions, index);
    }

  entry = json_object_new ();
  json_object_set_string_member (entry, "username", username);
  json_object_set_string_member (entry, "track_id", track_id);
  json_object_set_int_member (entry, "position_ms", MAX (0, position) / G_TIME_SPAN_MILLISECOND);
  json_object_set_int_member (entry, "edited_at", MAX (0, edited_at));
  json_array_add_object_element (self->positions, entry);
  save_positions (self);
  g_object_notify (G_OBJECT (self), "pending-positions");
  _fanfare_client_send_positions (self);
}

/**
 * fanfare_client_get_pending_positions:
 *
 * Returns: how many listening positions wait to be sent, of any account
 */
guint
fanfare_client_get_pending_positions (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), 0);

  return json_array_get_length (self->positions);
}
