/* fanfare-widget-util.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void fanfare_widget_set_tooltip (GtkWidget  *widget,
                                 const char *text);

G_END_DECLS
