/* fanfare-form-cache.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON form of things answers repeat many times over, such as the
 * tracks of daily picks, kept so that it is made once. A form is kept
 * under a key the store makes of the very values it was made from
 * (_fanfare_connection_row_key()), so it needs no invalidation: a row
 * changed reads as another key, and the form of its old values is only
 * never asked for again. Forms of old values and of things seldom asked
 * for go when the cache is full: a quarter of it, whichever the table
 * gives first. Worker threads share it, under a lock held only to look
 * up or add. */

#include "config.h"

#include "fanfare-form-cache.h"

struct _FanfareFormCache
{
  GObject     parent_instance;

  GMutex      mutex;
  GHashTable *forms;  /* key (GBytes) -> form (GBytes) */
  guint       max_entries;
};

G_DEFINE_FINAL_TYPE (FanfareFormCache, fanfare_form_cache, G_TYPE_OBJECT)

static void
fanfare_form_cache_finalize (GObject *object)
{
  FanfareFormCache *self = FANFARE_FORM_CACHE (object);

  g_hash_table_unref (self->forms);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (fanfare_form_cache_parent_class)->finalize (object);
}

static void
fanfare_form_cache_class_init (FanfareFormCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fanfare_form_cache_finalize;
}

static void
fanfare_form_cache_init (FanfareFormCache *self)
{
  g_mutex_init (&self->mutex);
  self->forms = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref,
                                       (GDestroyNotify) g_bytes_unref);
}

/**
 * fanfare_form_cache_new:
 * @max_entries: how many forms to keep at most
 */
FanfareFormCache *
fanfare_form_cache_new (guint  max_entries)
{
  FanfareFormCache *self;

  g_return_val_if_fail (max_entries > 0, NULL);

  self = g_object_new (FANFARE_TYPE_FORM_CACHE, NULL);
  self->max_entries = max_entries;

  return self;
}

/**
 * fanfare_form_cache_lookup:
 * @key: what the form was made from
 *
 * Returns: (transfer full) (nullable): the form kept under @key
 */
GBytes *
fanfare_form_cache_lookup (FanfareFormCache *self,
                           GBytes           *key)
{
  GBytes *form;

  g_return_val_if_fail (FANFARE_IS_FORM_CACHE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  g_mutex_lock (&self->mutex);
  form = g_hash_table_lookup (self->forms, key);
  if (form != NULL)
    g_bytes_ref (form);
  g_mutex_unlock (&self->mutex);

  return form;
}

/**
 * fanfare_form_cache_store:
 * @key: what @form was made from
 *
 * Keeps @form under @key.
 */
void
fanfare_form_cache_store (FanfareFormCache *self,
                          GBytes           *key,
                          GBytes           *form)
{
  g_return_if_fail (FANFARE_IS_FORM_CACHE (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (form != NULL);

  g_mutex_lock (&self->mutex);
  if (g_hash_table_size (self->forms) >= self->max_entries)
    {
      GHashTableIter iter;
      guint n_dropped = 0;

      g_hash_table_iter_init (&iter, self->forms);
      while (n_dropped++ <= self->max_entries / 4 && g_hash_table_iter_next (&iter, NULL, NULL))
        g_hash_table_iter_remove (&iter);
    }
  g_hash_table_replace (self->forms, g_bytes_ref (key), g_bytes_ref (form));
  g_mutex_unlock (&self->mutex);
}

/**
 * fanfare_form_cache_get_size:
 *
 * Returns: how many forms are kept
 */
guint
fanfare_form_cache_get_size (FanfareFormCache *self)
{
  guint size;

  g_return_val_if_fail (FANFARE_IS_FORM_CACHE (self), 0);

  g_mutex_lock (&self->mutex);
  size = g_hash_table_size (self->forms);
  g_mutex_unlock (&self->mutex);

  return size;
}
