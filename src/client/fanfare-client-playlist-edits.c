/* fanfare-client-playlist-edits.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Changes to platform playlists, on their way to the server, sent one at a
 * time in the order the user made them, and written to a small file of
 * the client's before it goes out. A change the server cannot
 * be reached for stays there, also across runs, and is sent when the
 * server answers again or its account signs in; the server merges it with
 * what others changed meanwhile (entries have the client's ids, fields
 * the time of the change). The caller waiting for a change hears of the
 * server's answer, or at once that it waits.
 *
 * A playlist made while the server is out of reach has no id of the
 * server's yet: changes made to it meanwhile name it by a pending id made
 * of its client_id. When the server answers its creation, the changes
 * waiting behind it are rewritten to the server's id before they go out,
 * in this run or the next. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

/* The caller of a change sent in this run, waiting for its answer. */
typedef struct {
  GTask           *task;
  FanfareParseFunc parse;
  GDestroyNotify   destroy;
} EditWaiter;

static void
edit_waiter_free (EditWaiter *waiter)
{
  g_clear_object (&waiter->task);
  g_free (waiter);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EditWaiter, edit_waiter_free)

/* The file is written when a change is made, and again as the changes it
 * holds reach the server. */
static void
save_edits (FanfareClient *self)
{
  _fanfare_client_write_queue (self->edits_file, self->edits, "playlist changes");
  self->edits_on_disk = json_array_get_length (self->edits) > 0;
}

static EditWaiter *
steal_waiter (FanfareClient *self,
              const char    *edit_id)
{
  g_autofree char *key = NULL;
  gpointer waiter = NULL;

  g_hash_table_steal_extended (self->edit_waiters, edit_id, (gpointer *) &key, &waiter);

  return waiter;
}

/* Tells the caller that the change waits for the server. */
static void
answer_kept (EditWaiter *waiter)
{
  g_task_return_new_error (waiter->task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("The change is kept on this computer and sent once the server answers"));
}

/* Tells every caller still waiting that their change waits. */
static void
answer_waiting (FanfareClient *self)
{
  GHashTableIter iter;
  gpointer key;
  gpointer waiter;

  g_hash_table_iter_init (&iter, self->edit_waiters);
  while (g_hash_table_iter_next (&iter, &key, &waiter))
    {
      g_autofree char *owned_key = key;
      g_autoptr(EditWaiter) owned = waiter;

      g_hash_table_iter_steal (&iter);
      answer_kept (owned);
    }
}

static void
forget_edit (FanfareClient *self,
             JsonObject    *edit)
{
  for (guint i = 0; i < json_array_get_length (self->edits); i++)
    if (json_array_get_object_element (self->edits, i) == edit)
      {
        json_array_remove_element (self->edits, i);
        break;
      }
  if (self->edits_on_disk)
    save_edits (self);
}

#define PLAYLISTS_PATH "/api/v1/playlists"
#define PENDING_PREFIX "pending-"

/* The client_id of the playlist @edit makes, or NULL for another change. */
static const char *
made_client_id (JsonObject *edit)
{
  JsonNode *body = json_object_get_member (edit, "body");

  if (g_strcmp0 (json_object_get_string_member (edit, "method"), "POST") != 0 ||
      g_strcmp0 (json_object_get_string_member (edit, "path"), PLAYLISTS_PATH) != 0 ||
      body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (body), "client_id", NULL);
}

/* @path with the playlist @pending_id replaced by @server_id, or NULL when
 * it is about another playlist. */
static char *
rewrite_path (const char *path,
              const char *pending_id,
              const char *server_id)
{
  g_autofree char *escaped = g_uri_escape_string (pending_id, NULL, FALSE);
  g_autofree char *prefix = g_strconcat (PLAYLISTS_PATH "/", escaped, NULL);
  g_autofree char *server_escaped = NULL;
  const char *rest;

  if (!g_str_has_prefix (path, prefix))
    return NULL;
  rest = path + strlen (prefix);
  if (*rest != '\0' && *rest != '/')
    return NULL;
  server_escaped = g_uri_escape_string (server_id, NULL, FALSE);

  return g_strconcat (PLAYLISTS_PATH "/", server_escaped, rest, NULL);
}

/* Points the changes waiting for the playlist made as @client_id at the
 * server's @server_id, and remembers it for changes still to come. */
static void
playlist_made (FanfareClient *self,
               const char    *client_id,
               const char    *server_id)
{
  g_autofree char *pending_id = fanfare_client_dup_pending_playlist_id (client_id);
  gboolean changed = FALSE;

  g_debug ("Playlist %s is %s on the server", pending_id, server_id);
  g_hash_table_replace (self->made_playlists, g_strdup (pending_id), g_strdup (server_id));
  for (guint i = 0; i < json_array_get_length (self->edits); i++)
    {
      JsonObject *edit = json_array_get_object_element (self->edits, i);
      g_autofree char *path = rewrite_path (json_object_get_string_member (edit, "path"), pending_id, server_id);

      if (path != NULL)
        {
          json_object_set_string_member (edit, "path", path);
          changed = TRUE;
        }
    }
  if (changed)
    save_edits (self);
}

/* Keeps the answer whole: the server's id of a playlist made is read from
 * it before the caller's parser sees it. */
static gpointer
parse_whole (FanfareClient *self,
             JsonObject    *json,
             GError       **error)
{
  return json_object_ref (json);
}

/* The server's answer to @edit, @json, read for the caller and for the
 * changes that wait for a playlist it made. */
static gpointer
read_answer (FanfareClient *self,
             JsonObject    *edit,
             JsonObject    *json,
             EditWaiter    *waiter,
             GError       **error)
{
  const char *client_id = made_client_id (edit);
  JsonObject *playlist = json_object_get_object_member (json, "playlist");
  const char *server_id = playlist != NULL ? json_object_get_string_member_with_default (playlist, "id", NULL)
                                           : NULL;
  gpointer value;

  if (client_id != NULL && server_id != NULL)
    playlist_made (self, client_id, server_id);
  if (waiter == NULL || waiter->parse == NULL)
    return GINT_TO_POINTER (TRUE);

  value = waiter->parse (self, json, error);
  if (value == NULL)
    {
      g_warning ("Unexpected answer from the server: %s", (*error)->message);
      g_clear_error (error);
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INTERNAL,
                           _("The server sent an answer this version cannot read"));
    }

  return value;
}

static void
edit_sent_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FanfareClient *self = FANFARE_CLIENT (object);
  g_autoptr(JsonObject) edit = user_data;
  g_autoptr(EditWaiter) waiter = steal_waiter (self, json_object_get_string_member (edit, "id"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answer = NULL;
  gpointer sent;
  gpointer value;

  self->sending_edit = FALSE;
  /* An answer without a body comes as TRUE, a whole one as its object. */
  sent = g_task_propagate_pointer (G_TASK (result), &error);
  if (sent != NULL && sent != GINT_TO_POINTER (TRUE))
    answer = sent;
  value = answer != NULL ? read_answer (self, edit, answer, waiter, &error) : sent;
  if (value == NULL && (fanfare_client_error_is_offline (error) ||
                        g_error_matches (error, FANFARE_ERROR, FANFARE_ERROR_UNAUTHORIZED)))
    {
      /* Sent again when the server answers, or the user signs in. */
      g_debug ("Playlist changes not sent yet: %s", error->message);
      save_edits (self);
      if (waiter != NULL)
        answer_kept (waiter);
      answer_waiting (self);
      return;
    }

  if (value == NULL && waiter == NULL)
    g_message ("The server refused a change of a playlist made earlier: %s", error->message);
  forget_edit (self, edit);
  if (waiter != NULL && value != NULL)
    g_task_return_pointer (waiter->task, value, waiter->destroy);
  else if (waiter != NULL)
    g_task_return_error (waiter->task, g_steal_pointer (&error));

  _fanfare_client_send_edits (self);
}

/* Sends the signed-in user's first waiting change; the rest follow it. */
void
_fanfare_client_send_edits (FanfareClient *self)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *uri = NULL;
  JsonObject *edit = NULL;
  EditWaiter *waiter;
  const char *username;
  gboolean whole;

  if (self->sending_edit)
    return;
  if (self->user == NULL || self->token == NULL || !self->online)
    {
      if (json_array_get_length (self->edits) > 0)
        save_edits (self);
      answer_waiting (self);
      return;
    }

  username = fanfare_user_get_username (self->user);
  for (guint i = 0; i < json_array_get_length (self->edits) && edit == NULL; i++)
    {
      JsonObject *candidate = json_array_get_object_element (self->edits, i);

      if (g_strcmp0 (json_object_get_string_member (candidate, "username"), username) == 0)
        edit = candidate;
    }
  if (edit == NULL)
    return;

  msg = _fanfare_client_new_message (self, json_object_get_string_member (edit, "method"),
                                     json_object_get_string_member (edit, "path"), NULL);
  if (json_object_has_member (edit, "body"))
    _fanfare_client_set_json_body (msg, json_object_get_member (edit, "body"));

  /* The answer is read for the caller waiting for it, if any, and for
   * the changes waiting for a playlist it makes. */
  waiter = g_hash_table_lookup (self->edit_waiters, json_object_get_string_member (edit, "id"));
  whole = (waiter != NULL && waiter->parse != NULL) || made_client_id (edit) != NULL;
  self->sending_edit = TRUE;
  _fanfare_client_call (self, msg, whole ? parse_whole : NULL, (GDestroyNotify) json_object_unref,
                        g_task_new (self, NULL, edit_sent_cb, json_object_ref (edit)));
}

/**
 * _fanfare_client_queue_edit:
 * @path: the request's path, segments escaped
 * @body: (nullable): the request's JSON
 * @parse: (nullable): reads the answer for @task; %NULL for one without a
 *   body
 * @task: (transfer full): the caller's task; it gets the answer, or an
 *   error that says whether the change waits (fanfare_client_error_is_offline())
 *
 * Sends a change of a playlist after those made before it, keeping it
 * until the server has answered.
 */
void
_fanfare_client_queue_edit (FanfareClient    *self,
                            const char       *method,
                            const char       *path,
                            JsonBuilder      *body,
                            FanfareParseFunc  parse,
                            GDestroyNotify    destroy,
                            GTask            *task)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *made_path = NULL;
  GHashTableIter iter;
  gpointer pending_id;
  gpointer server_id;
  EditWaiter *waiter;
  JsonObject *edit;

  /* Nobody to send it for later: sent now, refused now. */
  if (self->user == NULL || self->token == NULL)
    {
      g_autoptr(SoupMessage) msg = _fanfare_client_new_message (self, method, path, body);

      _fanfare_client_call (self, msg, parse, destroy, task);
      return;
    }

  /* A change of a playlist the server has made since it was pending. */
  g_hash_table_iter_init (&iter, self->made_playlists);
  while (made_path == NULL && g_hash_table_iter_next (&iter, &pending_id, &server_id))
    made_path = rewrite_path (path, pending_id, server_id);
  if (made_path != NULL)
    path = made_path;

  edit = json_object_new ();
  json_object_set_string_member (edit, "id", id);
  json_object_set_string_member (edit, "username", fanfare_user_get_username (self->user));
  json_object_set_string_member (edit, "method", method);
  json_object_set_string_member (edit, "path", path);
  if (body != NULL)
    json_object_set_member (edit, "body", json_builder_get_root (body));
  json_array_add_object_element (self->edits, edit);
  /* On disk before it is sent: an app that quits before the answer sends
   * it again in its next run. */
  if (self->edits_file != NULL)
    save_edits (self);

  waiter = g_new0 (EditWaiter, 1);
  waiter->task = task;
  waiter->parse = parse;
  waiter->destroy = destroy;
  g_hash_table_insert (self->edit_waiters, g_steal_pointer (&id), waiter);
  _fanfare_client_send_edits (self);
}

static gboolean
valid_edit (JsonNode *node)
{
  JsonObject *edit;
  const char *path;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  edit = json_node_get_object (node);
  path = json_object_get_string_member_with_default (edit, "path", NULL);

  return json_object_get_string_member_with_default (edit, "id", NULL) != NULL &&
         json_object_get_string_member_with_default (edit, "username", NULL) != NULL &&
         json_object_get_string_member_with_default (edit, "method", NULL) != NULL &&
         path != NULL && (g_str_has_prefix (path, "/api/v1/playlists/") || g_str_equal (path, "/api/v1/playlists")) &&
         (!json_object_has_member (edit, "body") || JSON_NODE_HOLDS_OBJECT (json_object_get_member (edit, "body")));
}

/**
 * fanfare_client_set_playlist_edits_file:
 * @path: (nullable): where changes of playlists wait until they are sent,
 *   such as `$XDG_DATA_HOME/fanfare/unsent-playlist-changes.json`; %NULL
 *   keeps them in memory
 *
 * Reads the changes that were waiting there and sends those of the user.
 */
void
fanfare_client_set_playlist_edits_file (FanfareClient *self,
                                        const char    *path)
{
  g_return_if_fail (FANFARE_IS_CLIENT (self));

  if (g_strcmp0 (path, self->edits_file) == 0)
    return;
  g_free (self->edits_file);
  self->edits_file = g_strdup (path);
  _fanfare_client_read_queue (path, self->edits, valid_edit, "playlist changes");
  self->edits_on_disk = json_array_get_length (self->edits) > 0;
  _fanfare_client_send_edits (self);
}

/**
 * fanfare_client_get_pending_playlist_edits:
 *
 * Returns: how many changes of playlists wait to be sent, of any account
 */
guint
fanfare_client_get_pending_playlist_edits (FanfareClient *self)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), 0);

  return json_array_get_length (self->edits);
}

/**
 * fanfare_client_dup_pending_playlist_id:
 * @client_id: the client_id a playlist was made with
 *
 * A playlist made with fanfare_client_create_playlist_async() while the
 * server is out of reach can be changed before the server has it: its
 * changes name it by this id, and are sent to the server's playlist once
 * it is made (see fanfare_client_get_made_playlist_id()).
 *
 * Returns: (transfer full): the id that stands for the playlist until then
 */
char *
fanfare_client_dup_pending_playlist_id (const char *client_id)
{
  g_return_val_if_fail (client_id != NULL, NULL);

  return g_strconcat (PENDING_PREFIX, client_id, NULL);
}

/**
 * fanfare_client_get_made_playlist_id:
 * @pending_id: an id of fanfare_client_dup_pending_playlist_id()
 *
 * Returns: (nullable): the server's id of the playlist, once this client
 *   has heard it was made, else %NULL
 */
const char *
fanfare_client_get_made_playlist_id (FanfareClient *self,
                                     const char    *pending_id)
{
  g_return_val_if_fail (FANFARE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (pending_id != NULL, NULL);

  return g_hash_table_lookup (self->made_playlists, pending_id);
}
