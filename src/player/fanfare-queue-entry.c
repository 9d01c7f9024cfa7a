/* fanfare-queue-entry.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One place in the play queue: the track there and the entry's id. The
 * queue lists entries rather than tracks, so that a track queued twice is
 * two items, each with a row of its own. */

#include "config.h"

#include "fanfare-queue-entry.h"

struct _FanfareQueueEntry
{
  GObject parent_instance;

  /* Owned references */
  FanfareTrack *track;

  /* State */
  guint64 id;
};

G_DEFINE_FINAL_TYPE (FanfareQueueEntry, fanfare_queue_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRACK,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fanfare_queue_entry_dispose (GObject *object)
{
  FanfareQueueEntry *self = FANFARE_QUEUE_ENTRY (object);

  g_clear_object (&self->track);

  G_OBJECT_CLASS (fanfare_queue_entry_parent_class)->dispose (object);
}

static void
fanfare_queue_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FanfareQueueEntry *self = FANFARE_QUEUE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_object (value, self->track);
      break;

    case PROP_ID:
      g_value_set_uint64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_queue_entry_class_init (FanfareQueueEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fanfare_queue_entry_dispose;
  object_class->get_property = fanfare_queue_entry_get_property;

  properties[PROP_TRACK] = g_param_spec_object ("track", NULL, NULL, FANFARE_TYPE_TRACK,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] = g_param_spec_uint64 ("id", NULL, NULL, 0, G_MAXUINT64, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fanfare_queue_entry_init (FanfareQueueEntry *self)
{
}

/**
 * fanfare_queue_entry_new:
 * @track: the track queued
 * @id: the entry's id, unique in its queue
 *
 * Returns: (transfer full): a new entry
 */
FanfareQueueEntry *
fanfare_queue_entry_new (FanfareTrack *track,
                         guint64       id)
{
  FanfareQueueEntry *self;

  g_return_val_if_fail (FANFARE_IS_TRACK (track), NULL);

  self = g_object_new (FANFARE_TYPE_QUEUE_ENTRY, NULL);
  self->track = g_object_ref (track);
  self->id = id;

  return self;
}

/**
 * fanfare_queue_entry_get_track:
 *
 * Returns: (transfer none): the track queued
 */
FanfareTrack *
fanfare_queue_entry_get_track (FanfareQueueEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_QUEUE_ENTRY (self), NULL);

  return self->track;
}

guint64
fanfare_queue_entry_get_id (FanfareQueueEntry *self)
{
  g_return_val_if_fail (FANFARE_IS_QUEUE_ENTRY (self), 0);

  return self->id;
}
