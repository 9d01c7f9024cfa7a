/* fanfare-utils.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fanfare-utils.h"

/**
 * fanfare_set_str:
 * @str_pointer: (inout) (not optional) (nullable): a pointer to a string
 * @new_str: (nullable): the string to copy into @str_pointer
 *
 * Replaces the string at @str_pointer with a copy of @new_str, unless both
 * are already equal. This is what `g_set_str()` does in newer GLib, which the
 * project's floor does not have yet.
 *
 * Returns: %TRUE if the string at @str_pointer changed
 */
gboolean
fanfare_set_str (char      **str_pointer,
                 const char *new_str)
{
  char *copy;

  g_return_val_if_fail (str_pointer != NULL, FALSE);

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/**
 * fanfare_format_duration:
 * @duration: a length of time, in microseconds
 *
 * Formats a track's length or position as a clock does: "3:05", or
 * "1:02:09" from an hour on. Negative durations are shown as 0:00.
 *
 * Returns: (transfer full): the formatted duration
 */
char *
fanfare_format_duration (GTimeSpan  duration)
{
  gint64 seconds = MAX (duration, 0) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d",
                            seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

/**
 * fanfare_enum_to_string:
 * @enum_type: an enum type
 * @value: one of its values
 *
 * The API and the server's database spell enum values in snake_case:
 * "dj_mix" for the nick "dj-mix".
 *
 * Returns: (transfer full): the value's nick in snake_case
 */
char *
fanfare_enum_to_string (GType  enum_type,
                        int    value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_return_val_if_fail (enum_value != NULL, NULL);

  return g_strdelimit (g_strdup (enum_value->value_nick), "-", '_');
}

/**
 * fanfare_enum_from_string:
 * @enum_type: an enum type
 * @str: (nullable): a value's nick in snake_case
 * @value: (out): the value
 *
 * Returns: %TRUE when @str names a value of @enum_type
 */
gboolean
fanfare_enum_from_string (GType       enum_type,
                          const char *str,
                          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *nick = NULL;
  GEnumValue *enum_value;

  if (str == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  nick = g_strdelimit (g_strdup (str), "_", '-');
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;

  return TRUE;
}

/**
 * fanfare_dispatch_to_context:
 * @context: (nullable): the context to run @function in, %NULL for the
 *   global default one
 * @priority: the priority of the idle source
 * @function: the function, called once
 * @data: data for @function
 * @notify: (nullable): frees @data afterwards
 *
 * Runs @function in the thread that runs @context, at its next iteration,
 * from a worker thread or from that thread itself. Unlike
 * g_main_context_invoke(), never in the calling thread: a worker that finds
 * the main context idle would otherwise acquire it and call @function
 * itself, beside the main thread.
 */
void
fanfare_dispatch_to_context (GMainContext   *context,
                             int             priority,
                             GSourceFunc     function,
                             gpointer        data,
                             GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_return_if_fail (function != NULL);

  g_source_set_priority (source, priority);
  g_source_set_callback (source, function, data, notify);
  g_source_set_static_name (source, "[fanfare] dispatch");
  g_source_attach (source, context);
}

/**
 * fanfare_list_store_replace:
 * @items: what @store is to hold, in order
 * @max_items: at most this many of them, the first ones
 *
 * Replaces what @store holds, with one change of its items.
 */
void
fanfare_list_store_replace (GListStore *store,
                            GListModel *items,
                            guint       max_items)
{
  fanfare_list_store_update (store, items, max_items, NULL);
}

static gboolean
holds_same (GListModel *store,
            GPtrArray  *items,
            GEqualFunc  same)
{
  if (same == NULL || g_list_model_get_n_items (store) != items->len)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) held = g_list_model_get_item (store, i);

      if (!same (held, items->pdata[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * fanfare_list_store_update:
 * @items: what @store is to hold, in order
 * @max_items: at most this many of them, the first ones
 * @same: (nullable): whether an item of @items says the same as the one
 *   @store holds in its place
 *
 * Replaces what @store holds, with one change of its items, unless each
 * of @items is @same as the one in its place: then @store is left as it
 * is, and a list loaded again keeps its rows instead of making each one,
 * and loading each cover, again.
 */
void
fanfare_list_store_update (GListStore *store,
                           GListModel *items,
                           guint       max_items,
                           GEqualFunc  same)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  for (guint i = 0; i < MIN (max_items, g_list_model_get_n_items (items)); i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  if (holds_same (G_LIST_MODEL (store), array, same))
    return;
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), array->pdata, array->len);
}
