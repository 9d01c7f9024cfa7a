/* fanfare-client-private.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fanfare-client.h"

G_BEGIN_DECLS

struct _FanfareClient
{
  GObject parent_instance;

  /* Owned references */
  SoupSession *session;
  SoupCache   *cache;
  FanfareUser *user;

  /* State */
  char         *server_url;
  char         *token;
  gboolean      online;
  guint         probe_delay;     /* seconds before the next probe */
  guint         probe_source;
  GCancellable *probe_cancellable;

  /* The user's saved albums and tracks */
  GListStore   *saved_albums;
  GListStore   *saved_tracks;
  GCancellable *saved_cancellable;
  guint         saved_changes;   /* saves and removals made so far */

  /* Plays on their way to the server (see fanfare-client-plays.c) */
  JsonArray *plays;
  char      *plays_file;
  gboolean   sending_plays;

  /* Listening positions on their way (see fanfare-client-positions.c) */
  JsonArray *positions;
  char      *positions_file;
  gboolean   sending_position;

  /* Playlist edits on their way (see fanfare-client-playlist-edits.c) */
  JsonArray  *edits;
  char       *edits_file;
  GHashTable *edit_waiters;      /* edit id -> the caller's EditWaiter */
  gboolean    sending_edit;
  gboolean    edits_on_disk;     /* the file holds changes */
  GHashTable *made_playlists;    /* pending id -> the server's id */

  /* Image loads: at most max_image_loads at once, the rest wait in line. */
  GQueue image_queue;
  guint  image_loads;
  guint  max_image_loads;
};

/* Turns the JSON object of a response into the result of a call. */
typedef gpointer (*FanfareParseFunc) (FanfareClient *self,
                                      JsonObject    *json,
                                      GError       **error);

/* An object with a list, such as an album with its tracks. */
typedef struct {
  GObject    *object;
  GListModel *list;
} FanfareClientPair;

void               _fanfare_client_pair_free (FanfareClientPair *pair);
gpointer           _fanfare_client_pair_steal (FanfareClientPair *pair,
                                               GListModel       **list);

SoupMessage       *_fanfare_client_new_message (FanfareClient *self,
                                                const char    *method,
                                                const char    *path,
                                                JsonBuilder   *body) G_GNUC_WARN_UNUSED_RESULT;
void               _fanfare_client_call (FanfareClient    *self,
                                         SoupMessage      *msg,
                                         FanfareParseFunc  parse,
                                         GDestroyNotify    destroy,
                                         GTask            *task);
void               _fanfare_client_call_parsing_in_thread (FanfareClient    *self,
                                                           SoupMessage      *msg,
                                                           FanfareParseFunc  parse,
                                                           GDestroyNotify    destroy,
                                                           GTask            *task);
GTask             *_fanfare_client_task_new (FanfareClient       *self,
                                             gpointer             source_tag,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data) G_GNUC_WARN_UNUSED_RESULT;
gpointer           _fanfare_client_propagate (FanfareClient *self,
                                              GAsyncResult  *result,
                                              gpointer       source_tag,
                                              GError       **error);
GError            *_fanfare_client_map_error (FanfareClient *self,
                                              const GError  *error) G_GNUC_WARN_UNUSED_RESULT;
GBytes            *_fanfare_client_finish_send (FanfareClient *self,
                                                SoupMessage   *msg,
                                                GAsyncResult  *result,
                                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
GError            *_fanfare_client_error_from_response (SoupMessage *msg,
                                                        GBytes      *body) G_GNUC_WARN_UNUSED_RESULT;
void               _fanfare_client_set_online (FanfareClient *self,
                                               gboolean       online);
void               _fanfare_client_set_user (FanfareClient *self,
                                             FanfareUser   *user);
char              *_fanfare_client_escape (const char *segment) G_GNUC_WARN_UNUSED_RESULT;

gpointer           _fanfare_client_parse_object (JsonObject *json,
                                                 const char *member,
                                                 GType       type,
                                                 GError    **error);
GListModel        *_fanfare_client_parse_list (JsonObject *json,
                                               const char *member,
                                               GType       type,
                                               GError    **error);

/* Makes an element of a list from its JSON object. */
typedef gpointer (*FanfareNewItemFunc) (JsonObject *json,
                                        GError    **error);

GListModel        *_fanfare_client_parse_items (JsonObject         *json,
                                                const char         *member,
                                                GType               type,
                                                FanfareNewItemFunc  new_item,
                                                GError            **error);

GPtrArray         *_fanfare_client_parse_array (JsonObject         *json,
                                                FanfareNewItemFunc  new_item,
                                                GDestroyNotify      free_item,
                                                GError            **error) G_GNUC_WARN_UNUSED_RESULT;
char              *_fanfare_client_dup_member (JsonObject *json,
                                               const char *member) G_GNUC_WARN_UNUSED_RESULT;

void               _fanfare_client_images_cancel_all (FanfareClient *self);
void               _fanfare_client_load_saved (FanfareClient *self);
void               _fanfare_client_send_plays (FanfareClient *self);
void               _fanfare_client_send_positions (FanfareClient *self);
void               _fanfare_client_write_queue (const char *path,
                                                JsonArray  *queue,
                                                const char *what);
void               _fanfare_client_read_queue (const char *path,
                                               JsonArray  *queue,
                                               gboolean ( *valid ) (JsonNode *node),
                                               const char *what);
void               _fanfare_client_set_json_body (SoupMessage *msg,
                                                  JsonNode    *body);
void               _fanfare_client_queue_edit (FanfareClient    *self,
                                               const char       *method,
                                               const char       *path,
                                               JsonBuilder      *body,
                                               FanfareParseFunc  parse,
                                               GDestroyNotify    destroy,
                                               GTask            *task);
void               _fanfare_client_send_edits (FanfareClient *self);

G_END_DECLS
