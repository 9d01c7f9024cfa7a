/* fanfare-sidebar-row.h
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FANFARE_TYPE_SIDEBAR_ROW (fanfare_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (FanfareSidebarRow, fanfare_sidebar_row, FANFARE, SIDEBAR_ROW, GtkListBoxRow);

GtkWidget    *fanfare_sidebar_row_new (GtkStackPage *page);
GtkStackPage *fanfare_sidebar_row_get_page (FanfareSidebarRow *self);
const char   *fanfare_sidebar_row_get_page_name (FanfareSidebarRow *self);

G_END_DECLS
