/* fanfare-library-model.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A list of the index as a GListModel. The list's keys (id and generation
 * of each row, in order) are read in a worker thread with a connection of
 * the model's own, sorted and filtered in SQL; 100,000 keys are 1.6 MB.
 * Items are made only when asked for, a page of rows at a time, on the
 * main thread's connection, and a few pages are kept. When the index
 * changes the keys are read again and the old and new lists compared: the
 * part that differs, where rows came, went or were written again, is
 * announced in one items-changed. */

#include "config.h"

#include "fanfare-library-model-private.h"

#define PAGE_SIZE 64
#define MAX_PAGES 32
#define RETRY_MS  200

struct _FanfareLibraryModel
{
  GObject parent_instance;

  /* Owned */
  FanfareLibraryDb    *db;             /* the main thread's connection */
  FanfareLibraryDb    *worker_db;      /* used by the one refresh running */
  char                *cover_dir;
  FanfareLibraryQuery *query;
  GArray              *keys;           /* of FanfareLibraryKey */
  GHashTable          *pages;          /* page number -> GPtrArray of items */
  GQueue               page_order;     /* least recently used first */

  /* State */
  GType    item_type;
  gboolean loading;
  gboolean refresh_again;
  guint    retry_id;
};

static void fanfare_library_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FanfareLibraryModel, fanfare_library_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      fanfare_library_model_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
fanfare_library_model_get_item_type (GListModel *model)
{
  return FANFARE_LIBRARY_MODEL (model)->item_type;
}

static guint
fanfare_library_model_get_n_items (GListModel *model)
{
  return FANFARE_LIBRARY_MODEL (model)->keys->len;
}

/* A page that could not be read (the index was busy for longer than the
 * connection waits) is read again a moment later, and said to have changed
 * so that the view asks for it again. */
static gboolean
retry_cb (gpointer  user_data)
{
  FanfareLibraryModel *self = user_data;
  guint n = self->keys->len;

  self->retry_id = 0;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);

  return G_SOURCE_REMOVE;
}

static GPtrArray *
load_page (FanfareLibraryModel *self,
           guint                page)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint end = MIN (self->keys->len, (page + 1) * PAGE_SIZE);
  gboolean failed = FALSE;

  for (guint i = page * PAGE_SIZE; i < end; i++)
    {
      const FanfareLibraryKey *key = &g_array_index (self->keys, FanfareLibraryKey, i);

      g_ptr_array_add (items, fanfare_library_query_item (self->db, self->item_type,
                                                          key->id, self->cover_dir, &failed));
    }

  if (failed && self->retry_id == 0)
    self->retry_id = g_timeout_add (RETRY_MS, retry_cb, self);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));

  return items;
}

static gpointer
fanfare_library_model_get_item (GListModel *model,
                                guint       position)
{
  FanfareLibraryModel *self = FANFARE_LIBRARY_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->keys->len)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = load_page (self, page);
    }
  else
    {
      /* The most recently used page goes to the end of the line. */
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
fanfare_library_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = fanfare_library_model_get_item_type;
  iface->get_n_items = fanfare_library_model_get_n_items;
  iface->get_item = fanfare_library_model_get_item;
}

static gboolean
same_key (const FanfareLibraryKey *a,
          const FanfareLibraryKey *b)
{
  return a->id == b->id && a->gen == b->gen;
}

/* Takes @keys and announces the one range in which they differ from the
 * list's present keys. */
static void
replace_keys (FanfareLibraryModel *self,
              GArray              *keys)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->keys);
  guint prefix = 0, suffix = 0;
  guint min_len = MIN (old->len, keys->len);

  while (prefix < min_len &&
         same_key (&g_array_index (old, FanfareLibraryKey, prefix),
                   &g_array_index (keys, FanfareLibraryKey, prefix)))
    prefix++;
  while (suffix < min_len - prefix &&
         same_key (&g_array_index (old, FanfareLibraryKey, old->len - 1 - suffix),
                   &g_array_index (keys, FanfareLibraryKey, keys->len - 1 - suffix)))
    suffix++;

  self->keys = keys;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);

  if (old->len == keys->len && prefix == old->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old->len - prefix - suffix, keys->len - prefix - suffix);
  if (old->len != keys->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
keys_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FanfareLibraryModel *self = source_object;
  FanfareLibraryQuery *query = task_data;
  GError *error = NULL;
  GArray *keys;

  if (self->worker_db == NULL)
    self->worker_db = fanfare_library_db_open (fanfare_library_db_get_path (self->db), &error);

  if (self->worker_db == NULL ||
      (keys = fanfare_library_query_keys (self->worker_db, query, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The pages read for the keys are not needed until the next refresh. */
  sqlite3_db_release_memory (fanfare_library_db_get_handle (self->worker_db));

  g_task_return_pointer (task, keys, (GDestroyNotify) g_array_unref);
}

static void start_refresh (FanfareLibraryModel *self);

static void
keys_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  FanfareLibraryModel *self = FANFARE_LIBRARY_MODEL (object);
  g_autoptr(GError) error = NULL;
  GArray *keys;

  keys = g_task_propagate_pointer (G_TASK (result), &error);
  if (keys != NULL)
    replace_keys (self, keys);
  else
    g_warning ("Could not read the library's index: %s", error->message);

  if (self->refresh_again)
    {
      start_refresh (self);
      return;
    }

  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_refresh (FanfareLibraryModel *self)
{
  g_autoptr(GTask) task = NULL;

  self->refresh_again = FALSE;

  task = g_task_new (self, NULL, keys_cb, NULL);
  g_task_set_source_tag (task, start_refresh);
  g_task_set_task_data (task, fanfare_library_query_copy (self->query),
                        (GDestroyNotify) fanfare_library_query_free);
  g_task_run_in_thread (task, keys_thread);
}

/**
 * fanfare_library_model_refresh:
 * @self: a #FanfareLibraryModel
 *
 * Reads the list's keys again, in a worker thread; the library calls it
 * when a scan changed the index.
 */
void
fanfare_library_model_refresh (FanfareLibraryModel *self)
{
  g_return_if_fail (FANFARE_IS_LIBRARY_MODEL (self));

  if (self->loading)
    {
      self->refresh_again = TRUE;
      return;
    }

  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  start_refresh (self);
}

static void
fanfare_library_model_dispose (GObject *object)
{
  FanfareLibraryModel *self = FANFARE_LIBRARY_MODEL (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);

  G_OBJECT_CLASS (fanfare_library_model_parent_class)->dispose (object);
}

static void
fanfare_library_model_finalize (GObject *object)
{
  FanfareLibraryModel *self = FANFARE_LIBRARY_MODEL (object);

  g_clear_pointer (&self->db, fanfare_library_db_unref);
  g_clear_pointer (&self->worker_db, fanfare_library_db_unref);
  g_free (self->cover_dir);
  fanfare_library_query_free (self->query);
  g_array_unref (self->keys);
  g_hash_table_unref (self->pages);
  g_queue_clear (&self->page_order);

  G_OBJECT_CLASS (fanfare_library_model_parent_class)->finalize (object);
}

static void
fanfare_library_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FanfareLibraryModel *self = FANFARE_LIBRARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->keys->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fanfare_library_model_class_init (FanfareLibraryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fanfare_library_model_dispose;
  object_class->finalize = fanfare_library_model_finalize;
  object_class->get_property = fanfare_library_model_get_property;

  properties[PROP_ITEM_TYPE] = g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fanfare_library_model_init (FanfareLibraryModel *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (FanfareLibraryKey));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

FanfareLibraryModel *
_fanfare_library_model_new (FanfareLibraryDb          *db,
                            const char                *cover_dir,
                            const FanfareLibraryQuery *query)
{
  FanfareLibraryModel *self = g_object_new (FANFARE_TYPE_LIBRARY_MODEL, NULL);

  self->db = fanfare_library_db_ref (db);
  self->cover_dir = g_strdup (cover_dir);
  self->query = fanfare_library_query_copy (query);
  self->item_type = fanfare_library_query_item_type (query->kind);
  fanfare_library_model_refresh (self);

  return self;
}

/**
 * fanfare_library_model_get_loading:
 * @self: a #FanfareLibraryModel
 *
 * Returns: whether the list is being read, at first or after a change
 */
gboolean
fanfare_library_model_get_loading (FanfareLibraryModel *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_MODEL (self), FALSE);

  return self->loading;
}

FanfareLibrarySort
fanfare_library_model_get_sort (FanfareLibraryModel *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_MODEL (self), FANFARE_LIBRARY_SORT_TITLE);

  return self->query->sort;
}

gboolean
fanfare_library_model_get_descending (FanfareLibraryModel *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_MODEL (self), FALSE);

  return self->query->descending;
}

/**
 * fanfare_library_model_set_sort:
 * @self: a list of all songs
 * @sort: the column to sort by
 * @descending: whether to sort in descending order
 *
 * Sorts the list again, in SQL; the list changes when it has been read.
 */
void
fanfare_library_model_set_sort (FanfareLibraryModel *self,
                                FanfareLibrarySort   sort,
                                gboolean             descending)
{
  g_return_if_fail (FANFARE_IS_LIBRARY_MODEL (self));
  g_return_if_fail (self->query->kind == FANFARE_LIBRARY_QUERY_SONGS);
  g_return_if_fail (sort <= FANFARE_LIBRARY_SORT_ADDED);

  if (self->query->sort == sort && self->query->descending == !!descending)
    return;

  self->query->sort = sort;
  self->query->descending = !!descending;
  fanfare_library_model_refresh (self);
}

const char *
fanfare_library_model_get_search (FanfareLibraryModel *self)
{
  g_return_val_if_fail (FANFARE_IS_LIBRARY_MODEL (self), NULL);

  return self->query->search;
}

/**
 * fanfare_library_model_set_search:
 * @self: a list of search results
 * @search: (nullable): what the user typed
 *
 * Searches again; the list changes when the results have been read. Called
 * as the user types, it reads at most once more after the search running.
 */
void
fanfare_library_model_set_search (FanfareLibraryModel *self,
                                  const char          *search)
{
  g_return_if_fail (FANFARE_IS_LIBRARY_MODEL (self));
  g_return_if_fail (self->query->kind == FANFARE_LIBRARY_QUERY_SEARCH);

  if (g_strcmp0 (self->query->search, search) == 0)
    return;

  g_free (self->query->search);
  self->query->search = g_strdup (search);
  fanfare_library_model_refresh (self);
}
