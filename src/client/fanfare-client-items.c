/* fanfare-client-items.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the platform answers beside its model objects: a playlist's entries,
 * picks with their reasons, plays of the user's history and the places of
 * the charts. Each wraps the platform's track (or album) with what the
 * answer says about it. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fanfare-client-items.h"
#include "fanfare-client-private.h"
#include "fanfare-error.h"
#include "fanfare-json.h"

/* Entries */

struct _FanfarePlaylistEntry
{
  GObject       parent_instance;

  char         *id;
  gboolean      available;
  FanfareTrack *track;
  char         *title;  /* of a track that stays on the device that added it */
  char         *artist;
  char         *added_by;
};

G_DEFINE_FINAL_TYPE (FanfarePlaylistEntry, fanfare_playlist_entry, G_TYPE_OBJECT)

enum {
  ENTRY_FILLED,
  N_ENTRY_SIGNALS
};

static guint entry_signals[N_ENTRY_SIGNALS];

static void
fanfare_playlist_entry_finalize (GObject *object)
{
  FanfarePlaylistEntry *self = FANFARE_PLAYLIST_ENTRY (object);

  g_free (self->id);
  g_clear_object (&self->track);
  g_free (self->title);
  g_free (self->artist);
  g_free (self->added_by);

  G_OBJECT_CLASS (fanfare_playlist_entry_parent_class)->finalize (object);
}

static void
fanfare_playlist_entry_class_init (FanfarePlaylistEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_playlist_entry_finalize;

  /**
   * FanfarePlaylistEntry::filled:
   *
   * An entry made before it was read, as a list's placeholder, now holds
   * what was read: see fanfare_playlist_entry_fill().
   */
  entry_signals[ENTRY_FILLED] =
    g_signal_new ("filled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fanfare_playlist_entry_init (FanfarePlaylistEntry *self)
{
}

/* The object @member of @json as a platform model of @type, if it is there. */
static gboolean
read_model (JsonObject *json,
            const char *member,
            GType       type,
            gpointer   *value,
            GError    **error)
{
  if (!json_object_has_member (json, member) || JSON_NODE_HOLDS_NULL (json_object_get_member (json, member)))
    return TRUE;

  *value = _fanfare_client_parse_object (json, member, type, error);

  return *value != NULL;
}

FanfarePlaylistEntry *
fanfare_playlist_entry_new_from_json (JsonObject *json,
                                      GError    **error)
{
  g_autoptr(FanfarePlaylistEntry) self = g_object_new (FANFARE_TYPE_PLAYLIST_ENTRY, NULL);
  const char *id = NULL;
  const char *added_by = NULL;

  if (!fanfare_json_read_string (json, "id", TRUE, &id, error) ||
      !fanfare_json_read_boolean (json, "available", FALSE, &self->available, error) ||
      !fanfare_json_read_string (json, "added_by", FALSE, &added_by, error) ||
      !read_model (json, "track", FANFARE_TYPE_TRACK, (gpointer *) &self->track, error))
    return NULL;
  self->id = g_strdup (id);
  self->added_by = g_strdup (added_by);

  if (self->track != NULL)
    {
      self->title = g_strdup (fanfare_track_get_title (self->track));
      self->artist = g_strdup (fanfare_track_get_artist (self->track));
    }
  else if (json_object_has_member (json, "local") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (json, "local")))
    {
      JsonObject *local = json_object_get_object_member (json, "local");
      const char *title = NULL;
      const char *artist = NULL;

      if (!fanfare_json_read_string (local, "title", FALSE, &title, error) ||
          !fanfare_json_read_string (local, "artist", FALSE, &artist, error))
        return NULL;
      self->title = g_strdup (title);
      self->artist = g_strdup (artist);
    }

  return g_steal_pointer (&self);
}

const char *
fanfare_playlist_entry_get_id (FanfarePlaylistEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self), NULL);

  return self->id;
}

/**
 * fanfare_playlist_entry_get_available:
 *
 * Returns: whether the user may play the entry here
 */
gboolean
fanfare_playlist_entry_get_available (FanfarePlaylistEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self), FALSE);

  return self->available && self->track != NULL;
}

/**
 * fanfare_playlist_entry_get_track:
 *
 * Returns: (transfer none) (nullable): the platform's track, if the user
 *   may play it
 */
FanfareTrack *
fanfare_playlist_entry_get_track (FanfarePlaylistEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self), NULL);

  return self->track;
}

/**
 * fanfare_playlist_entry_get_title:
 *
 * Returns: (nullable): the title of the track, also of one that stays on
 *   another device; %NULL for a track the user may not play
 */
const char *
fanfare_playlist_entry_get_title (FanfarePlaylistEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self), NULL);

  return self->title;
}

const char *
fanfare_playlist_entry_get_artist (FanfarePlaylistEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self), NULL);

  return self->artist;
}

const char *
fanfare_playlist_entry_get_added_by (FanfarePlaylistEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self), NULL);

  return self->added_by;
}

/* Picks */

struct _FanfarePick
{
  GObject           parent_instance;

  FanfareTrack     *track;
  FanfarePickReason reason;
  char             *reason_title;
};

G_DEFINE_FINAL_TYPE (FanfarePick, fanfare_pick, G_TYPE_OBJECT)

static void
fanfare_pick_finalize (GObject *object)
{
  FanfarePick *self = FANFARE_PICK (object);

  g_clear_object (&self->track);
  g_free (self->reason_title);

  G_OBJECT_CLASS (fanfare_pick_parent_class)->finalize (object);
}

static void
fanfare_pick_class_init (FanfarePickClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_pick_finalize;
}

static void
fanfare_pick_init (FanfarePick *self)
{
}

FanfarePick *
fanfare_pick_new_from_json (JsonObject *json,
                            GError    **error)
{
  g_autoptr(FanfarePick) self = g_object_new (FANFARE_TYPE_PICK, NULL);
  const char *kind = "popular";
  const char *title = NULL;

  if ((self->track = _fanfare_client_parse_object (json, "track", FANFARE_TYPE_TRACK, error)) == NULL)
    return NULL;

  if (json_object_has_member (json, "reason") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (json, "reason")))
    {
      JsonObject *reason = json_object_get_object_member (json, "reason");

      if (!fanfare_json_read_string (reason, "kind", FALSE, &kind, error) ||
          !fanfare_json_read_string (reason, "track_title", FALSE, &title, error))
        return NULL;
    }

  /* A reason this version does not know, or one without its track, is
   * shown as the plainest one. */
  if (g_strcmp0 (kind, "played") == 0 && title != NULL)
    self->reason = FANFARE_PICK_REASON_PLAYED;
  else if (g_strcmp0 (kind, "liked") == 0 && title != NULL)
    self->reason = FANFARE_PICK_REASON_LIKED;
  else
    self->reason = FANFARE_PICK_REASON_POPULAR;
  self->reason_title = g_strdup (self->reason != FANFARE_PICK_REASON_POPULAR ? title : NULL);

  return g_steal_pointer (&self);
}

/**
 * fanfare_pick_get_track:
 *
 * Returns: (transfer none): the track picked
 */
FanfareTrack *
fanfare_pick_get_track (FanfarePick *self)
{
  g_return_val_if_fail (FANFARE_IS_PICK (self), NULL);

  return self->track;
}

FanfarePickReason
fanfare_pick_get_reason (FanfarePick *self)
{
  g_return_val_if_fail (FANFARE_IS_PICK (self), FANFARE_PICK_REASON_POPULAR);

  return self->reason;
}

/**
 * fanfare_pick_get_reason_title:
 *
 * Returns: (nullable): the title of the track that brought the pick in
 */
const char *
fanfare_pick_get_reason_title (FanfarePick *self)
{
  g_return_val_if_fail (FANFARE_IS_PICK (self), NULL);

  return self->reason_title;
}

/**
 * fanfare_pick_dup_reason_text:
 *
 * Returns: (transfer full): why the track was picked, in the user's language
 */
char *
fanfare_pick_dup_reason_text (FanfarePick *self)
{
  g_return_val_if_fail (FANFARE_IS_PICK (self), NULL);

  switch (self->reason)
    {
    case FANFARE_PICK_REASON_PLAYED:
      /* Translators: the title of a track the user played */
      return g_strdup_printf (_("Because you played “%s”"), self->reason_title);
    case FANFARE_PICK_REASON_LIKED:
      /* Translators: the title of a track the user liked */
      return g_strdup_printf (_("Because you liked “%s”"), self->reason_title);
    case FANFARE_PICK_REASON_POPULAR:
    default:
      return g_strdup (_("Popular with listeners"));
    }
}

/* Plays */

struct _FanfarePlay
{
  GObject       parent_instance;

  FanfareTrack *track;
  GDateTime    *played_at;
  GTimeSpan     played;
};

G_DEFINE_FINAL_TYPE (FanfarePlay, fanfare_play, G_TYPE_OBJECT)

static void
fanfare_play_finalize (GObject *object)
{
  FanfarePlay *self = FANFARE_PLAY (object);

  g_clear_object (&self->track);
  g_clear_pointer (&self->played_at, g_date_time_unref);

  G_OBJECT_CLASS (fanfare_play_parent_class)->finalize (object);
}

static void
fanfare_play_class_init (FanfarePlayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_play_finalize;
}

static void
fanfare_play_init (FanfarePlay *self)
{
}

FanfarePlay *
fanfare_play_new_from_json (JsonObject *json,
                            GError    **error)
{
  g_autoptr(FanfarePlay) self = g_object_new (FANFARE_TYPE_PLAY, NULL);
  const char *played_at = NULL;
  gint64 ms_played = 0;

  if ((self->track = _fanfare_client_parse_object (json, "track", FANFARE_TYPE_TRACK, error)) == NULL ||
      !fanfare_json_read_string (json, "played_at", TRUE, &played_at, error) ||
      !fanfare_json_read_int (json, "ms_played", FALSE, &ms_played, error))
    return NULL;

  self->played_at = g_date_time_new_from_iso8601 (played_at, NULL);
  if (self->played_at == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A play without a time");
      return NULL;
    }
  self->played = MAX (ms_played, 0) * G_TIME_SPAN_MILLISECOND;

  return g_steal_pointer (&self);
}

/**
 * fanfare_play_get_track:
 *
 * Returns: (transfer none): the track played
 */
FanfareTrack *
fanfare_play_get_track (FanfarePlay *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY (self), NULL);

  return self->track;
}

/**
 * fanfare_play_get_played_at:
 *
 * Returns: (transfer none): when the play began, in UTC
 */
GDateTime *
fanfare_play_get_played_at (FanfarePlay *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY (self), NULL);

  return self->played_at;
}

GTimeSpan
fanfare_play_get_played (FanfarePlay *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY (self), 0);

  return self->played;
}

/* Charts */

struct _FanfareChartItem
{
  GObject  parent_instance;

  GObject *item;
  guint    listeners;
};

G_DEFINE_FINAL_TYPE (FanfareChartItem, fanfare_chart_item, G_TYPE_OBJECT)

static void
fanfare_chart_item_finalize (GObject *object)
{
  g_clear_object (&FANFARE_CHART_ITEM (object)->item);

  G_OBJECT_CLASS (fanfare_chart_item_parent_class)->finalize (object);
}

static void
fanfare_chart_item_class_init (FanfareChartItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fanfare_chart_item_finalize;
}

static void
fanfare_chart_item_init (FanfareChartItem *self)
{
}

/**
 * fanfare_chart_item_new_from_json:
 * @json: a place of a chart: `{"track": TRACK, "listeners": 12}` or one
 *   with an `album`
 */
FanfareChartItem *
fanfare_chart_item_new_from_json (JsonObject *json,
                                  GError    **error)
{
  g_autoptr(FanfareChartItem) self = g_object_new (FANFARE_TYPE_CHART_ITEM, NULL);
  gint64 listeners = 0;

  if (!read_model (json, "track", FANFARE_TYPE_TRACK, (gpointer *) &self->item, error) ||
      (self->item == NULL && !read_model (json, "album", FANFARE_TYPE_ALBUM, (gpointer *) &self->item, error)) ||
      !fanfare_json_read_int (json, "listeners", FALSE, &listeners, error))
    return NULL;
  if (self->item == NULL)
    {
      g_set_error_literal (error, FANFARE_ERROR, FANFARE_ERROR_INVALID, "A place of a chart without a track or album");
      return NULL;
    }
  self->listeners = CLAMP (listeners, 0, G_MAXUINT);

  return g_steal_pointer (&self);
}

/**
 * fanfare_chart_item_get_item:
 *
 * Returns: (transfer none): the #FanfareTrack or #FanfareAlbum in this place
 */
gpointer
fanfare_chart_item_get_item (FanfareChartItem *self)
{
  g_return_val_if_fail (FANFARE_IS_CHART_ITEM (self), NULL);

  return self->item;
}

/**
 * fanfare_chart_item_get_listeners:
 *
 * Returns: how many listeners played it in the chart's days
 */
guint
fanfare_chart_item_get_listeners (FanfareChartItem *self)
{
  g_return_val_if_fail (FANFARE_IS_CHART_ITEM (self), 0);

  return self->listeners;
}

/**
 * fanfare_playlist_entry_fill:
 * @self: an entry not read yet, made with g_object_new()
 * @read: the same entry, as read
 *
 * Gives @self what @read holds and emits #FanfarePlaylistEntry::filled.
 * A list shows a long playlist's entries before they are read; filling
 * them in place keeps the list's rows, where replacing them would have the
 * list build each row again.
 */
void
fanfare_playlist_entry_fill (FanfarePlaylistEntry *self,
                             FanfarePlaylistEntry *read)
{
  g_return_if_fail (FANFARE_IS_PLAYLIST_ENTRY (self));
  g_return_if_fail (FANFARE_IS_PLAYLIST_ENTRY (read));
  g_return_if_fail (self->id == NULL);

  self->id = g_strdup (read->id);
  self->available = read->available;
  g_set_object (&self->track, read->track);
  self->title = g_strdup (read->title);
  self->artist = g_strdup (read->artist);
  self->added_by = g_strdup (read->added_by);
  g_signal_emit (self, entry_signals[ENTRY_FILLED], 0);
}
