/* fanfare-client-social-items.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feed's items, comments and messages as the server answers them. A
 * comment's body and a message's note are plain text: whoever shows them
 * shows them as text, never as markup. */

#include "config.h"

#include "fanfare-album.h"
#include "fanfare-client-private.h"
#include "fanfare-client-social-private.h"
#include "fanfare-client-store.h"
#include "fanfare-error.h"
#include "fanfare-json.h"
#include "fanfare-track.h"

static GDateTime *
read_time (JsonObject *json,
           const char *member,
           GError    **error)
{
  const char *text = NULL;
  GDateTime *time;

  if (!fanfare_json_read_string (json, member, TRUE, &text, error))
    return NULL;

  if ((time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    g_set_error (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "The field “%s” is not a time", member);

  return time;
}

struct _FanfareActivity
{
  GObject          parent_instance;
  char            *kind;
  FanfareUser     *user;
  FanfarePlaylist *playlist;
  GDateTime       *created_at;
};

G_DEFINE_FINAL_TYPE (FanfareActivity, fanfare_activity, G_TYPE_OBJECT)

static void
fanfare_activity_finalize (GObject *object)
{
  FanfareActivity *self = FANFARE_ACTIVITY (object);

  g_free (self->kind);
  g_clear_object (&self->user);
  g_clear_object (&self->playlist);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (fanfare_activity_parent_class)->finalize (object);
}

static void
fanfare_activity_class_init (FanfareActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_activity_finalize;
}

static void
fanfare_activity_init (FanfareActivity *self)
{
}

FanfareActivity *
_fanfare_activity_new_from_json (JsonObject *json,
                                 GError    **error)
{
  g_autoptr(FanfareActivity) self = g_object_new (FANFARE_TYPE_ACTIVITY, NULL);
  const char *kind = NULL;

  if (!fanfare_json_read_string (json, "kind", TRUE, &kind, error) ||
      (self->user = _fanfare_client_parse_object (json, "user", FANFARE_TYPE_USER, error)) == NULL ||
      (self->created_at = read_time (json, "created_at", error)) == NULL)
    return NULL;

  self->kind = g_strdup (kind);
  if (json_object_has_member (json, "playlist") &&
      (self->playlist = _fanfare_client_parse_object (json, "playlist", FANFARE_TYPE_PLAYLIST, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
fanfare_activity_get_kind (FanfareActivity *self)
{
  g_return_val_if_fail (FANFARE_IS_ACTIVITY (self), NULL);

  return self->kind;
}

/**
 * fanfare_activity_get_user:
 *
 * Returns: (transfer none): who did it
 */
FanfareUser *
fanfare_activity_get_user (FanfareActivity *self)
{
  g_return_val_if_fail (FANFARE_IS_ACTIVITY (self), NULL);

  return self->user;
}

/**
 * fanfare_activity_get_playlist:
 *
 * Returns: (transfer none) (nullable): the playlist it is about
 */
FanfarePlaylist *
fanfare_activity_get_playlist (FanfareActivity *self)
{
  g_return_val_if_fail (FANFARE_IS_ACTIVITY (self), NULL);

  return self->playlist;
}

/**
 * fanfare_activity_get_created_at:
 *
 * Returns: (transfer none): when it happened
 */
GDateTime *
fanfare_activity_get_created_at (FanfareActivity *self)
{
  g_return_val_if_fail (FANFARE_IS_ACTIVITY (self), NULL);

  return self->created_at;
}

struct _FanfareComment
{
  GObject      parent_instance;
  char        *id;
  char        *parent_id;
  FanfareUser *author;
  char        *body;
  gboolean     by_artist;
  gboolean     liked;
  guint        like_count;
  guint        reply_count;
  GDateTime   *created_at;
  GPtrArray   *nameplates;  /* FanfareNameplate */
};

G_DEFINE_FINAL_TYPE (FanfareComment, fanfare_comment, G_TYPE_OBJECT)

static void
fanfare_comment_finalize (GObject *object)
{
  FanfareComment *self = FANFARE_COMMENT (object);

  g_free (self->id);
  g_free (self->parent_id);
  g_free (self->body);
  g_clear_object (&self->author);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->nameplates, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_comment_parent_class)->finalize (object);
}

static void
fanfare_comment_class_init (FanfareCommentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_comment_finalize;
}

static void
fanfare_comment_init (FanfareComment *self)
{
}

/* The author's nameplates of the artist commented on, if any. */
static GPtrArray *
read_nameplates (JsonObject *json,
                 GError    **error)
{
  g_autoptr(JsonObject) list = json_object_new ();
  JsonArray *array;

  if (!json_object_has_member (json, "nameplates"))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) fanfare_nameplate_free);

  if ((array = json_object_get_array_member (json, "nameplates")) == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A comment's nameplates are no list");
      return NULL;
    }
  json_object_set_array_member (list, "items", json_array_ref (array));

  return _fanfare_client_parse_array (list, (FanfareNewItemFunc) fanfare_nameplate_new_from_json,
                                      (GDestroyNotify) fanfare_nameplate_free, error);
}

FanfareComment *
_fanfare_comment_new_from_json (JsonObject *json,
                                GError    **error)
{
  g_autoptr(FanfareComment) self = g_object_new (FANFARE_TYPE_COMMENT, NULL);
  const char *id = NULL, *parent_id = NULL, *body = NULL;
  gint64 likes = 0, replies = 0;

  if (!fanfare_json_read_string (json, "id", TRUE, &id, error) ||
      !fanfare_json_read_string (json, "parent_id", FALSE, &parent_id, error) ||
      !fanfare_json_read_string (json, "body", TRUE, &body, error) ||
      !fanfare_json_read_boolean (json, "by_artist", FALSE, &self->by_artist, error) ||
      !fanfare_json_read_boolean (json, "liked", FALSE, &self->liked, error) ||
      !fanfare_json_read_int (json, "like_count", FALSE, &likes, error) ||
      !fanfare_json_read_int (json, "reply_count", FALSE, &replies, error) ||
      (self->author = _fanfare_client_parse_object (json, "author", FANFARE_TYPE_USER, error)) == NULL ||
      (self->created_at = read_time (json, "created_at", error)) == NULL)
    return NULL;

  if ((self->nameplates = read_nameplates (json, error)) == NULL)
    return NULL;

  self->id = g_strdup (id);
  self->parent_id = g_strdup (parent_id);
  self->body = g_strdup (body);
  self->like_count = CLAMP (likes, 0, G_MAXUINT);
  self->reply_count = CLAMP (replies, 0, G_MAXUINT);

  return g_steal_pointer (&self);
}

const char *
fanfare_comment_get_id (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), NULL);

  return self->id;
}

/**
 * fanfare_comment_get_parent_id:
 *
 * Returns: (nullable): the comment this one replies to
 */
const char *
fanfare_comment_get_parent_id (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), NULL);

  return self->parent_id;
}

/**
 * fanfare_comment_get_author:
 *
 * Returns: (transfer none): who wrote it
 */
FanfareUser *
fanfare_comment_get_author (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), NULL);

  return self->author;
}

/**
 * fanfare_comment_get_body:
 *
 * Returns: the text, plain: never to be shown as markup
 */
const char *
fanfare_comment_get_body (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), NULL);

  return self->body;
}

gboolean
fanfare_comment_get_by_artist (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), FALSE);

  return self->by_artist;
}

gboolean
fanfare_comment_get_liked (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), FALSE);

  return self->liked;
}

guint
fanfare_comment_get_like_count (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), 0);

  return self->like_count;
}

guint
fanfare_comment_get_reply_count (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), 0);

  return self->reply_count;
}

/**
 * fanfare_comment_get_created_at:
 *
 * Returns: (transfer none): when it was written
 */
GDateTime *
fanfare_comment_get_created_at (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), NULL);

  return self->created_at;
}

struct _FanfareMessage
{
  GObject      parent_instance;
  char        *id;
  char        *kind;
  FanfareUser *sender;
  GObject     *item;
  char        *note;
  gboolean     read;
};

G_DEFINE_FINAL_TYPE (FanfareMessage, fanfare_message, G_TYPE_OBJECT)

static void
fanfare_message_finalize (GObject *object)
{
  FanfareMessage *self = FANFARE_MESSAGE (object);

  g_free (self->id);
  g_free (self->kind);
  g_free (self->note);
  g_clear_object (&self->sender);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (fanfare_message_parent_class)->finalize (object);
}

static void
fanfare_message_class_init (FanfareMessageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_message_finalize;
}

static void
fanfare_message_init (FanfareMessage *self)
{
}

FanfareMessage *
_fanfare_message_new_from_json (JsonObject *json,
                                GError    **error)
{
  g_autoptr(FanfareMessage) self = g_object_new (FANFARE_TYPE_MESSAGE, NULL);
  const char *id = NULL, *kind = NULL, *note = NULL;
  GType type = G_TYPE_INVALID;

  if (!fanfare_json_read_string (json, "id", TRUE, &id, error) ||
      !fanfare_json_read_string (json, "kind", TRUE, &kind, error) ||
      !fanfare_json_read_string (json, "note", FALSE, &note, error) ||
      !fanfare_json_read_boolean (json, "read", FALSE, &self->read, error) ||
      (self->sender = _fanfare_client_parse_object (json, "from", FANFARE_TYPE_USER, error)) == NULL)
    return NULL;

  if (g_str_equal (kind, "track"))
    type = FANFARE_TYPE_TRACK;
  else if (g_str_equal (kind, "album"))
    type = FANFARE_TYPE_ALBUM;
  else if (g_str_equal (kind, "playlist"))
    type = FANFARE_TYPE_PLAYLIST;

  /* A kind this version does not know keeps no item; the inbox skips it. */
  if (type != G_TYPE_INVALID && (self->item = _fanfare_client_parse_object (json, kind, type, error)) == NULL)
    return NULL;

  self->id = g_strdup (id);
  self->kind = g_strdup (kind);
  self->note = g_strdup (note);

  return g_steal_pointer (&self);
}

const char *
fanfare_message_get_id (FanfareMessage *self)
{
  g_return_val_if_fail (FANFARE_IS_MESSAGE (self), NULL);

  return self->id;
}

const char *
fanfare_message_get_kind (FanfareMessage *self)
{
  g_return_val_if_fail (FANFARE_IS_MESSAGE (self), NULL);

  return self->kind;
}

/**
 * fanfare_message_get_sender:
 *
 * Returns: (transfer none): who sent it
 */
FanfareUser *
fanfare_message_get_sender (FanfareMessage *self)
{
  g_return_val_if_fail (FANFARE_IS_MESSAGE (self), NULL);

  return self->sender;
}

/**
 * fanfare_message_get_item:
 *
 * Returns: (transfer none) (nullable): the track, album or playlist sent
 */
GObject *
fanfare_message_get_item (FanfareMessage *self)
{
  g_return_val_if_fail (FANFARE_IS_MESSAGE (self), NULL);

  return self->item;
}

/**
 * fanfare_message_get_note:
 *
 * Returns: (nullable): the note, plain text
 */
const char *
fanfare_message_get_note (FanfareMessage *self)
{
  g_return_val_if_fail (FANFARE_IS_MESSAGE (self), NULL);

  return self->note;
}

gboolean
fanfare_message_get_read (FanfareMessage *self)
{
  g_return_val_if_fail (FANFARE_IS_MESSAGE (self), FALSE);

  return self->read;
}

struct _FanfareProfile
{
  GObject      parent_instance;
  FanfareUser *user;
  gboolean     following;
  gboolean     followed_by;
  gboolean     blocking;
  GListModel  *playlists;
  GListModel  *recent_tracks;
};

G_DEFINE_FINAL_TYPE (FanfareProfile, fanfare_profile, G_TYPE_OBJECT)

static void
fanfare_profile_finalize (GObject *object)
{
  FanfareProfile *self = FANFARE_PROFILE (object);

  g_clear_object (&self->user);
  g_clear_object (&self->playlists);
  g_clear_object (&self->recent_tracks);

  G_OBJECT_CLASS (fanfare_profile_parent_class)->finalize (object);
}

static void
fanfare_profile_class_init (FanfareProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_profile_finalize;
}

static void
fanfare_profile_init (FanfareProfile *self)
{
}

FanfareProfile *
_fanfare_profile_new_from_json (JsonObject *json,
                                GError    **error)
{
  g_autoptr(FanfareProfile) self = g_object_new (FANFARE_TYPE_PROFILE, NULL);
  JsonNode *relation = json_object_get_member (json, "relation");

  if (relation == NULL || !JSON_NODE_HOLDS_OBJECT (relation))
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A profile without a relation");
      return NULL;
    }

  if ((self->user = _fanfare_client_parse_object (json, "user", FANFARE_TYPE_USER, error)) == NULL ||
      !fanfare_json_read_boolean (json_node_get_object (relation), "following", FALSE, &self->following, error) ||
      !fanfare_json_read_boolean (json_node_get_object (relation), "followed_by", FALSE, &self->followed_by,
                                  error) ||
      !fanfare_json_read_boolean (json_node_get_object (relation), "blocking", FALSE, &self->blocking, error) ||
      (self->playlists = _fanfare_client_parse_list (json, "playlists", FANFARE_TYPE_PLAYLIST, error)) == NULL ||
      (self->recent_tracks = _fanfare_client_parse_list (json, "recent_tracks", FANFARE_TYPE_TRACK, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fanfare_profile_get_user:
 *
 * Returns: (transfer none): whose profile it is
 */
FanfareUser *
fanfare_profile_get_user (FanfareProfile *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE (self), NULL);

  return self->user;
}

gboolean
fanfare_profile_get_following (FanfareProfile *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE (self), FALSE);

  return self->following;
}

gboolean
fanfare_profile_get_followed_by (FanfareProfile *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE (self), FALSE);

  return self->followed_by;
}

gboolean
fanfare_profile_get_blocking (FanfareProfile *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE (self), FALSE);

  return self->blocking;
}

/**
 * fanfare_profile_get_playlists:
 *
 * Returns: (transfer none): the playlists the user may see
 */
GListModel *
fanfare_profile_get_playlists (FanfareProfile *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE (self), NULL);

  return self->playlists;
}

/**
 * fanfare_profile_get_recent_tracks:
 *
 * Returns: (transfer none): what they played last; empty unless they
 *   share it
 */
GListModel *
fanfare_profile_get_recent_tracks (FanfareProfile *self)
{
  g_return_val_if_fail (FANFARE_IS_PROFILE (self), NULL);

  return self->recent_tracks;
}

/**
 * fanfare_comment_get_nameplates:
 *
 * Returns: (transfer none) (element-type FanfareNameplate): the author's
 *   nameplates of the track's or album's artist, the album's first
 */
GPtrArray *
fanfare_comment_get_nameplates (FanfareComment *self)
{
  g_return_val_if_fail (FANFARE_IS_COMMENT (self), NULL);

  return self->nameplates;
}
