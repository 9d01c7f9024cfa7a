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
