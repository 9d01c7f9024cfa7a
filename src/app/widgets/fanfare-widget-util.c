/* fanfare-widget-util.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small things widgets of list rows do often.
 */

#include "config.h"

#include "fanfare-widget-util.h"

/**
 * fanfare_widget_set_tooltip:
 * @widget: a #GtkWidget
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Sets @widget's tooltip only when it changes. Setting one, even the same
 * one, asks the display where the pointer is and waits for the answer; rows
 * of a list are bound on every frame of a scroll, and most have none.
 */
void
fanfare_widget_set_tooltip (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}
