/* fanfare-play-queue.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The play queue: the tracks to play, in the order they will play, as a
 * GListModel the UI shows. It keeps the order in which tracks were added as
 * well, so that turning shuffle off restores it. Its items are entries
 * (FanfareQueueEntry), not tracks: a track queued twice is two items. Each
 * entry has an id that stays the same while it is queued; MPRIS names
 * entries by it. */

#include "config.h"

#include "fanfare-play-queue.h"
#include "fanfare-player-enums.h"
#include "fanfare-queue-entry.h"

typedef FanfareQueueEntry Entry;

struct _FanfarePlayQueue
{
  GObject parent_instance;

  /* Owned references */
  GPtrArray *original;        /* Entry, in the order added; owns them */
  GPtrArray *entries;         /* Entry, in play order; borrowed */

  /* State */
  int               current;
  guint64           last_id;
  FanfareRepeatMode repeat_mode;
  guint             shuffle : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FanfarePlayQueue, fanfare_play_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_CURRENT_TRACK,
  PROP_N_ITEMS,
  PROP_REPEAT_MODE,
  PROP_SHUFFLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Entry *
entry_new (FanfarePlayQueue *self,
           FanfareTrack     *track)
{
  return fanfare_queue_entry_new (track, ++self->last_id);
}

static GType
get_item_type (GListModel *model)
{
  return FANFARE_TYPE_QUEUE_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return FANFARE_PLAY_QUEUE (model)->entries->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FanfarePlayQueue *self = FANFARE_PLAY_QUEUE (model);
  Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = g_ptr_array_index (self->entries, position);

  return g_object_ref (entry);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static Entry *
current_entry (FanfarePlayQueue *self)
{
  if (self->current < 0)
    return NULL;

  return g_ptr_array_index (self->entries, self->current);
}

static int
index_of (GPtrArray *array,
          Entry     *entry)
{
  guint index;

  if (entry == NULL || !g_ptr_array_find (array, entry, &index))
    return -1;

  return index;
}

static FanfareTrack *
current_track_ref (FanfarePlayQueue *self)
{
  Entry *entry = current_entry (self);

  return entry ? g_object_ref (fanfare_queue_entry_get_track (entry)) : NULL;
}

/* Tells what changed: @removed entries at @position became @added, and the
 * current entry is now @current. @old_track was current before. */
static void
changed (FanfarePlayQueue *self,
         guint             position,
         guint             removed,
         guint             added,
         int               current,
         FanfareTrack     *old_track)
{
  gboolean current_changed = self->current != current;
  FanfareTrack *new_track;

  self->current = current;
  new_track = current >= 0 ? fanfare_queue_entry_get_track (current_entry (self)) : NULL;

  if (removed != 0 || added != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (current_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  if (current_changed || old_track != new_track)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_TRACK]);
}

/* Fisher–Yates over entries[from..]. */
static void
shuffle_from (GPtrArray *entries,
              guint      from)
{
  for (guint i = entries->len; i > from + 1; i--)
    {
      guint j = g_random_int_range (from, i);
      gpointer tmp = entries->pdata[i - 1];

      entries->pdata[i - 1] = entries->pdata[j];
      entries->pdata[j] = tmp;
    }
}

static void
fanfare_play_queue_finalize (GObject *object)
{
  FanfarePlayQueue *self = FANFARE_PLAY_QUEUE (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->original, g_ptr_array_unref);

  G_OBJECT_CLASS (fanfare_play_queue_parent_class)->finalize (object);
}

static void
fanfare_play_queue_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FanfarePlayQueue *self = FANFARE_PLAY_QUEUE (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;

    case PROP_CURRENT_TRACK:
      g_value_set_object (value, fanfare_play_queue_get_current_track (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;

    case PROP_REPEAT_MODE:
      g_value_set_enum (value, self->repeat_mode);
      break;

    case PROP_SHUFFLE:
      g_value_set_boolean (value, self->shuffle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_play_queue_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FanfarePlayQueue *self = FANFARE_PLAY_QUEUE (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      fanfare_play_queue_set_current (self, g_value_get_int (value));
      break;

    case PROP_REPEAT_MODE:
      fanfare_play_queue_set_repeat_mode (self, g_value_get_enum (value));
      break;

    case PROP_SHUFFLE:
      fanfare_play_queue_set_shuffle (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_play_queue_class_init (FanfarePlayQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_play_queue_finalize;
  object_class->get_property = fanfare_play_queue_get_property;
  object_class->set_property = fanfare_play_queue_set_property;

  /**
   * FanfarePlayQueue:current:
   *
   * The position of the current track in play order, or -1.
   */
  properties[PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfarePlayQueue:current-track:
   *
   * The current track, if any.
   */
  properties[PROP_CURRENT_TRACK] =
    g_param_spec_object ("current-track", NULL, NULL,
                         FANFARE_TYPE_TRACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FanfarePlayQueue:n-items:
   *
   * The number of queued tracks.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FanfarePlayQueue:repeat-mode:
   *
   * What follows the end of a track.
   */
  properties[PROP_REPEAT_MODE] =
    g_param_spec_enum ("repeat-mode", NULL, NULL,
                       FANFARE_TYPE_REPEAT_MODE,
                       FANFARE_REPEAT_MODE_OFF,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * FanfarePlayQueue:shuffle:
   *
   * Whether the queue plays in a random order.
   */
  properties[PROP_SHUFFLE] =
    g_param_spec_boolean ("shuffle", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FanfarePlayQueue::replaced:
   *
   * The whole queue was replaced, or cleared, rather than added to,
   * reordered or moved through: what played before is over.
   */
  signals[REPLACED] =
    g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fanfare_play_queue_init (FanfarePlayQueue *self)
{
  self->original = g_ptr_array_new_with_free_func (g_object_unref);
  self->entries = g_ptr_array_new ();
  self->current = -1;
}

/**
 * fanfare_play_queue_new:
 *
 * Returns: (transfer full): an empty queue
 */
FanfarePlayQueue *
fanfare_play_queue_new (void)
{
  return g_object_new (FANFARE_TYPE_PLAY_QUEUE, NULL);
}

/**
 * fanfare_play_queue_set_tracks:
 * @self: a #FanfarePlayQueue
 * @tracks: (element-type FanfareTrack): the new queue
 * @current: the position in @tracks to make current
 *
 * Replaces the queue, as "play this album from this track" does. With
 * shuffle on, the current track comes first and the rest follow in a random
 * order. Emits #FanfarePlayQueue::replaced.
 */
void
fanfare_play_queue_set_tracks (FanfarePlayQueue *self,
                               GPtrArray        *tracks,
                               guint             current)
{
  g_autoptr(FanfareTrack) old_track = NULL;
  Entry *current_entry_ = NULL;
  guint removed;

  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (tracks != NULL);
  g_return_if_fail (tracks->len == 0 || current < tracks->len);

  old_track = current_track_ref (self);
  removed = self->entries->len;
  g_ptr_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->original, 0);
  self->current = -1;

  for (guint i = 0; i < tracks->len; i++)
    {
      Entry *entry = entry_new (self, g_ptr_array_index (tracks, i));

      g_ptr_array_add (self->original, entry);
      g_ptr_array_add (self->entries, entry);
      if (i == current)
        current_entry_ = entry;
    }

  if (self->shuffle && current_entry_ != NULL)
    {
      g_ptr_array_remove (self->entries, current_entry_);
      g_ptr_array_insert (self->entries, 0, current_entry_);
      shuffle_from (self->entries, 1);
    }

  changed (self, 0, removed, self->entries->len, index_of (self->entries, current_entry_), old_track);
  g_signal_emit (self, signals[REPLACED], 0);
}

/* Inserts @tracks at @position in play order and, in the order added,
 * after @original_after (or at the start when it is -1). */
static void
insert_tracks (FanfarePlayQueue *self,
               GPtrArray        *tracks,
               guint             position,
               int               original_after)
{
  Entry *current = current_entry (self);

  for (guint i = 0; i < tracks->len; i++)
    {
      Entry *entry = entry_new (self, g_ptr_array_index (tracks, i));

      g_ptr_array_insert (self->entries, position + i, entry);
      g_ptr_array_insert (self->original, original_after + 1 + i, entry);
    }

  changed (self, position, 0, tracks->len, index_of (self->entries, current),
           current ? fanfare_queue_entry_get_track (current) : NULL);
}

/**
 * fanfare_play_queue_insert:
 * @self: a #FanfarePlayQueue
 * @position: where in play order, from 0 to the number of tracks
 * @tracks: (element-type FanfareTrack): the tracks to queue
 *
 * Queues @tracks at @position. In the order added, they follow the track
 * that precedes them in play order.
 */
void
fanfare_play_queue_insert (FanfarePlayQueue *self,
                           guint             position,
                           GPtrArray        *tracks)
{
  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (position <= self->entries->len);
  g_return_if_fail (tracks != NULL);

  insert_tracks (self, tracks, position,
                 position > 0 ? index_of (self->original, g_ptr_array_index (self->entries, position - 1)) : -1);
}

/**
 * fanfare_play_queue_insert_next:
 * @self: a #FanfarePlayQueue
 * @tracks: (element-type FanfareTrack): the tracks to play next
 *
 * Queues @tracks right after the current track.
 */
void
fanfare_play_queue_insert_next (FanfarePlayQueue *self,
                                GPtrArray        *tracks)
{
  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));

  fanfare_play_queue_insert (self, self->current + 1, tracks);
}

/**
 * fanfare_play_queue_append:
 * @self: a #FanfarePlayQueue
 * @tracks: (element-type FanfareTrack): the tracks to add
 *
 * Adds @tracks at the end of the queue, and of the order added.
 */
void
fanfare_play_queue_append (FanfarePlayQueue *self,
                           GPtrArray        *tracks)
{
  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (tracks != NULL);

  insert_tracks (self, tracks, self->entries->len, (int) self->original->len - 1);
}

/**
 * fanfare_play_queue_move:
 * @self: a #FanfarePlayQueue
 * @from: the position of the track to move
 * @to: where it goes, counted before the move
 *
 * Moves one track, as dragging it in the queue does. The current track
 * stays current wherever it ends up.
 */
void
fanfare_play_queue_move (FanfarePlayQueue *self,
                         guint             from,
                         guint             to)
{
  Entry *current;
  Entry *entry;

  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (from < self->entries->len);
  g_return_if_fail (to < self->entries->len);

  if (from == to)
    return;

  current = current_entry (self);
  entry = g_ptr_array_steal_index (self->entries, from);
  g_ptr_array_insert (self->entries, to, entry);

  /* Without shuffle the order added is the play order, and a move is the
   * user's new order. */
  if (!self->shuffle)
    {
      entry = g_ptr_array_steal_index (self->original, from);
      g_ptr_array_insert (self->original, to, entry);
    }

  changed (self, MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
           MAX (from, to) - MIN (from, to) + 1, index_of (self->entries, current),
           current ? fanfare_queue_entry_get_track (current) : NULL);
}

/**
 * fanfare_play_queue_remove:
 * @self: a #FanfarePlayQueue
 * @position: the position of the track to remove
 *
 * Removes one track. When it was the current one, the track after it
 * becomes current.
 */
void
fanfare_play_queue_remove (FanfarePlayQueue *self,
                           guint             position)
{
  g_autoptr(FanfareTrack) old_track = NULL;
  Entry *current;
  Entry *entry;
  int new_current;

  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (position < self->entries->len);

  old_track = current_track_ref (self);
  current = current_entry (self);
  entry = g_ptr_array_steal_index (self->entries, position);

  if (entry == current)
    new_current = position < self->entries->len ? (int) position : -1;
  else
    new_current = index_of (self->entries, current);

  /* The original array owns the entry and frees it. */
  g_ptr_array_remove (self->original, entry);

  changed (self, position, 1, 0, new_current, old_track);
}

/**
 * fanfare_play_queue_clear:
 * @self: a #FanfarePlayQueue
 *
 * Empties the queue.
 */
void
fanfare_play_queue_clear (FanfarePlayQueue *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));

  fanfare_play_queue_set_tracks (self, none, 0);
}

/**
 * fanfare_play_queue_get_current:
 * @self: a #FanfarePlayQueue
 *
 * Returns: the position of the current track, or -1
 */
int
fanfare_play_queue_get_current (FanfarePlayQueue *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), -1);

  return self->current;
}

/**
 * fanfare_play_queue_set_current:
 * @self: a #FanfarePlayQueue
 * @position: a position in the queue, or -1 for none
 */
void
fanfare_play_queue_set_current (FanfarePlayQueue *self,
                                int               position)
{
  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (position >= -1 && position < (int) self->entries->len);

  changed (self, 0, 0, 0, position, fanfare_play_queue_get_current_track (self));
}

/**
 * fanfare_play_queue_get_current_track:
 * @self: a #FanfarePlayQueue
 *
 * Returns: (transfer none) (nullable): the current track
 */
FanfareTrack *
fanfare_play_queue_get_current_track (FanfarePlayQueue *self)
{
  Entry *entry;

  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), NULL);

  entry = current_entry (self);

  return entry ? fanfare_queue_entry_get_track (entry) : NULL;
}

/**
 * fanfare_play_queue_get_track:
 * @self: a #FanfarePlayQueue
 * @position: a position in the queue
 *
 * Returns: (transfer none): the track at @position
 */
FanfareTrack *
fanfare_play_queue_get_track (FanfarePlayQueue *self,
                              guint             position)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return fanfare_queue_entry_get_track (g_ptr_array_index (self->entries, position));
}

/**
 * fanfare_play_queue_get_entry_id:
 * @self: a #FanfarePlayQueue
 * @position: a position in the queue
 *
 * Returns: an id, unique in this queue, of the entry at @position
 */
guint64
fanfare_play_queue_get_entry_id (FanfarePlayQueue *self,
                                 guint             position)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), 0);
  g_return_val_if_fail (position < self->entries->len, 0);

  return fanfare_queue_entry_get_id (g_ptr_array_index (self->entries, position));
}

/**
 * fanfare_play_queue_find_entry:
 * @self: a #FanfarePlayQueue
 * @entry_id: an id from fanfare_play_queue_get_entry_id()
 *
 * Returns: the position of the entry, or -1 when it is no longer queued
 */
int
fanfare_play_queue_find_entry (FanfarePlayQueue *self,
                               guint64           entry_id)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (fanfare_queue_entry_get_id (g_ptr_array_index (self->entries, i)) == entry_id)
      return i;

  return -1;
}

/**
 * fanfare_play_queue_get_next:
 * @self: a #FanfarePlayQueue
 * @automatic: %TRUE when the current track ended by itself, %FALSE when the
 *   user asked for the next one
 *
 * Repeating one track only holds when it ends by itself; the user can still
 * skip to the next.
 *
 * Returns: the position to play next, or -1 when the queue is over
 */
int
fanfare_play_queue_get_next (FanfarePlayQueue *self,
                             gboolean          automatic)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), -1);

  return fanfare_play_queue_get_next_after (self, self->current, automatic);
}

/**
 * fanfare_play_queue_get_next_after:
 * @self: a #FanfarePlayQueue
 * @position: a position in the queue, or -1 for before the start
 * @automatic: as for fanfare_play_queue_get_next()
 *
 * Returns: the position that follows @position, or -1 when the queue is
 *   over
 */
int
fanfare_play_queue_get_next_after (FanfarePlayQueue *self,
                                   int               position,
                                   gboolean          automatic)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), -1);

  if (self->entries->len == 0 || position >= (int) self->entries->len)
    return -1;

  if (automatic && self->repeat_mode == FANFARE_REPEAT_MODE_ONE && position >= 0)
    return position;

  if (position + 1 < (int) self->entries->len)
    return position + 1;

  if (self->repeat_mode != FANFARE_REPEAT_MODE_OFF)
    return 0;

  return -1;
}

/**
 * fanfare_play_queue_get_previous:
 * @self: a #FanfarePlayQueue
 *
 * Returns: the position before the current one, or -1 at the start of a
 *   queue that does not repeat
 */
int
fanfare_play_queue_get_previous (FanfarePlayQueue *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), -1);

  if (self->current > 0)
    return self->current - 1;

  if (self->current == 0 && self->repeat_mode != FANFARE_REPEAT_MODE_OFF)
    return self->entries->len - 1;

  return -1;
}

/**
 * fanfare_play_queue_get_repeat_mode:
 * @self: a #FanfarePlayQueue
 *
 * Returns: what follows the end of a track
 */
FanfareRepeatMode
fanfare_play_queue_get_repeat_mode (FanfarePlayQueue *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), FANFARE_REPEAT_MODE_OFF);

  return self->repeat_mode;
}

/**
 * fanfare_play_queue_set_repeat_mode:
 * @self: a #FanfarePlayQueue
 * @mode: what follows the end of a track
 */
void
fanfare_play_queue_set_repeat_mode (FanfarePlayQueue  *self,
                                    FanfareRepeatMode  mode)
{
  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));

  if (self->repeat_mode == mode)
    return;

  self->repeat_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPEAT_MODE]);
}

/**
 * fanfare_play_queue_get_shuffle:
 * @self: a #FanfarePlayQueue
 *
 * Returns: whether the queue plays in a random order
 */
gboolean
fanfare_play_queue_get_shuffle (FanfarePlayQueue *self)
{
  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), FALSE);

  return self->shuffle;
}

/**
 * fanfare_play_queue_set_shuffle:
 * @self: a #FanfarePlayQueue
 * @shuffle: whether to play in a random order
 *
 * Turning shuffle on keeps the current track current, first in the queue,
 * and puts all the others in a random order. Turning it off restores the
 * order in which the tracks were added.
 */
void
fanfare_play_queue_set_shuffle (FanfarePlayQueue *self,
                                gboolean          shuffle)
{
  Entry *current;

  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));

  shuffle = !!shuffle;
  if (self->shuffle == shuffle)
    return;

  self->shuffle = shuffle;
  current = current_entry (self);

  g_ptr_array_set_size (self->entries, 0);
  if (shuffle && current != NULL)
    g_ptr_array_add (self->entries, current);
  for (guint i = 0; i < self->original->len; i++)
    if (!shuffle || g_ptr_array_index (self->original, i) != current)
      g_ptr_array_add (self->entries, g_ptr_array_index (self->original, i));
  if (shuffle)
    shuffle_from (self->entries, current != NULL ? 1 : 0);

  changed (self, 0, self->entries->len, self->entries->len, index_of (self->entries, current),
           current ? fanfare_queue_entry_get_track (current) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHUFFLE]);
}

/**
 * fanfare_play_queue_dup_original_order:
 * @self: a #FanfarePlayQueue
 *
 * Returns: (transfer container) (element-type FanfareTrack): the tracks in
 *   the order they were added
 */
GPtrArray *
fanfare_play_queue_dup_original_order (FanfarePlayQueue *self)
{
  GPtrArray *tracks;

  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), NULL);

  tracks = g_ptr_array_new_full (self->original->len, g_object_unref);
  for (guint i = 0; i < self->original->len; i++)
    g_ptr_array_add (tracks, g_object_ref (fanfare_queue_entry_get_track (g_ptr_array_index (self->original, i))));

  return tracks;
}

/**
 * fanfare_play_queue_dup_play_order:
 * @self: a #FanfarePlayQueue
 *
 * Returns: (transfer full) (element-type guint): for each position in play
 *   order, the index of its track in the order added
 */
GArray *
fanfare_play_queue_dup_play_order (FanfarePlayQueue *self)
{
  GArray *order;

  g_return_val_if_fail (FANFARE_IS_PLAY_QUEUE (self), NULL);

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->entries->len);
  for (guint i = 0; i < self->entries->len; i++)
    {
      guint index = index_of (self->original, g_ptr_array_index (self->entries, i));

      g_array_append_val (order, index);
    }

  return order;
}

/**
 * fanfare_play_queue_restore:
 * @self: a #FanfarePlayQueue
 * @tracks: (element-type FanfareTrack): the tracks in the order added
 * @play_order: (element-type guint) (nullable): indices into @tracks in
 *   play order, or %NULL for the order of @tracks
 * @current: the current position in play order, or -1
 * @shuffle: whether the queue was shuffled
 * @repeat_mode: the repeat mode
 *
 * Puts back a queue saved with fanfare_play_queue_dup_original_order() and
 * fanfare_play_queue_dup_play_order(). Only a shuffled queue has a play
 * order of its own; one that does not match @tracks is ignored.
 */
void
fanfare_play_queue_restore (FanfarePlayQueue  *self,
                            GPtrArray         *tracks,
                            GArray            *play_order,
                            int                current,
                            gboolean           shuffle,
                            FanfareRepeatMode  repeat_mode)
{
  g_autoptr(GPtrArray) no_tracks = g_ptr_array_new ();
  g_autofree gboolean * seen = NULL;
  gboolean valid = shuffle && play_order != NULL && play_order->len == tracks->len;

  g_return_if_fail (FANFARE_IS_PLAY_QUEUE (self));
  g_return_if_fail (tracks != NULL);

  /* Start from an empty, unshuffled queue, then set things directly. */
  self->shuffle = FALSE;
  fanfare_play_queue_set_tracks (self, no_tracks, 0);

  seen = g_new0 (gboolean, tracks->len + 1);
  for (guint i = 0; valid && i < play_order->len; i++)
    {
      guint index = g_array_index (play_order, guint, i);

      valid = index < tracks->len && !seen[index];
      if (valid)
        seen[index] = TRUE;
    }

  for (guint i = 0; i < tracks->len; i++)
    g_ptr_array_add (self->original, entry_new (self, g_ptr_array_index (tracks, i)));
  for (guint i = 0; i < tracks->len; i++)
    g_ptr_array_add (self->entries,
                     g_ptr_array_index (self->original, valid ? g_array_index (play_order, guint, i) : i));

  self->shuffle = shuffle && valid;
  self->repeat_mode = repeat_mode;
  if (current >= (int) tracks->len)
    current = -1;

  changed (self, 0, 0, tracks->len, current, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHUFFLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPEAT_MODE]);
}
